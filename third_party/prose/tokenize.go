package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenize sets s.toks to the tokens of text, as upstream's
// iterTokenizer.tokenize makes them: the same sanitizer, the same split at
// changes between space and non-space, the same doSplit per chunk.
// Changes: the tokens are strings (upstream: *Token), and internalRE is the
// byte test isInternal.
//
// Upstream caches doSplit's tokens per chunk text (bar the last chunk) and
// appends the cached *Token again where a chunk repeats: the second
// "Independent" of a sentence is the same Token as the first, so the tag
// and label set last on it are the ones the extracter and chunk read for
// both (and Document.Tokens shows). s.obj[i] is the index of the first
// token that is the same Token as token i (i itself if none), and
// s.shared says whether any token is another's.
func (s *scratch) tokenize(text string) {
	toks := s.toks[:0]
	s.obj = s.obj[:0]
	s.shared = false
	if len(s.chunks) > 256 {
		s.chunks = nil // clear would walk all the room a long sentence made
	}
	if s.chunks == nil {
		s.chunks = map[string]int32{}
	} else {
		clear(s.chunks)
	}
	split := func(span string, cached bool) {
		if first, ok := s.chunks[span]; ok && cached {
			n := len(toks)
			toks = doSplit(span, toks)
			for j := n; j < len(toks); j++ {
				s.obj = append(s.obj, first+int32(j-n))
				s.shared = true
			}
			return
		}
		n := len(toks)
		toks = doSplit(span, toks)
		for j := n; j < len(toks); j++ {
			s.obj = append(s.obj, int32(j))
		}
		if cached {
			s.chunks[span] = int32(n)
		}
	}
	clean, white := sanitizer.Replace(text), false
	length := len(clean)

	start, index := 0, 0
	for index <= length {
		uc, size := utf8.DecodeRuneInString(clean[index:])
		if size == 0 {
			break
		} else if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				split(clean[start:index], true)
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}

	if start < index {
		split(clean[start:index], false) // upstream does not cache the last chunk
	}
	s.toks = toks
}

func addToken(s string, toks []string) []string {
	if strings.TrimSpace(s) != "" {
		toks = append(toks, s)
	}
	return toks
}

func isSpecial(token string) bool {
	_, found := emoticons[token]
	return found || isInternal(token)
}

// isInternal reports whether upstream's internalRE,
// `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`, matches s (abbreviations such
// as "U.S." and "Mr."). Every byte the expression accepts is ASCII, and a
// byte of a multi-byte or invalid sequence is none of them, so testing bytes
// is testing runes. TestIsInternal holds it to the expression.
func isInternal(s string) bool {
	if len(s) >= 4 && len(s)%2 == 0 {
		ok := true
		for i := 0; i < len(s); i += 2 {
			c := s[i] | 0x20
			if c < 'a' || c > 'z' || s[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (len(s) == 3 || len(s) == 4) && 'A' <= s[0] && s[0] <= 'Z' && s[len(s)-1] == '.' {
		for i := 1; i < len(s)-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

var (
	contractions = []string{"'ll", "'s", "'re", "'m"}
	negations    = []string{"n't"}
)

// doSplit is upstream's doSplit, appending to toks. Upstream prepends each
// suffix it strips to a list it appends at the end; as a suffix is always
// the last byte of what is left and what is left only shrinks, that list is
// the bytes of the chunk after the end of what is left, in order.
func doSplit(chunk string, toks []string) []string {
	token, end := chunk, len(chunk) // token ends at chunk[end]
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		if isSpecial(token) {
			// We've found a special case (e.g., an emoticon) -- so, we add it as a token without
			// any further processing.
			toks = addToken(token, toks)
			break
		}
		last = utf8.RuneCountInString(token)
		// Upstream looks the contractions up in strings.ToLower(token):
		// every one of them holds a quote, which lowering neither makes
		// nor removes, so a token without one need not be lowered.
		var lower string
		quote := strings.IndexByte(token, '\'') >= 0
		if quote {
			lower = strings.ToLower(token)
		}
		if hasAnyPrefix(token, prefixes) {
			// Remove prefixes -- e.g., $100 -> [$, 100].
			toks = addToken(token[:1], toks) // upstream: string(token[0]); every prefix is one ASCII byte
			token = token[1:]
		} else if idx := hasAnyIndex(lower, contractions); quote && idx > -1 {
			// they'll -> [they, 'll]. (The index is in lower, as upstream's.)
			toks = addToken(token[:idx], toks)
			token = token[idx:]
		} else if idx := hasAnyIndex(lower, negations); quote && idx > -1 {
			// don't -> [do, n't].
			toks = addToken(token[:idx], toks)
			token = token[idx:]
		} else if hasAnySuffix(token, suffixes) {
			// Remove suffixes -- e.g., Well) -> [Well, )].
			token = token[:len(token)-1]
			end--
		} else {
			toks = addToken(token, toks)
		}
	}
	for j := end; j < len(chunk); j++ {
		toks = append(toks, chunk[j:j+1]) // every suffix is one ASCII byte
	}
	return toks
}

func hasAnyPrefix(s string, prefixes []string) bool {
	n := len(s)
	for _, prefix := range prefixes {
		if n > len(prefix) && strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	n := len(s)
	for _, suffix := range suffixes {
		if n > len(suffix) && strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

func hasAnyIndex(s string, suffixes []string) int {
	n := len(s)
	for _, suffix := range suffixes {
		idx := strings.Index(s, suffix)
		if idx >= 0 && n > len(suffix) {
			return idx
		}
	}
	return -1
}

var sanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")
var suffixes = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'"}
var prefixes = []string{"$", "(", `"`, "["}

var emoticons = map[string]int{
	"(-8":         1,
	"(-;":         1,
	"(-_-)":       1,
	"(._.)":       1,
	"(:":          1,
	"(=":          1,
	"(o:":         1,
	"(¬_¬)":       1,
	"(ಠ_ಠ)":       1,
	"(╯°□°）╯︵┻━┻": 1,
	"-__-":        1,
	"8-)":         1,
	"8-D":         1,
	"8D":          1,
	":(":          1,
	":((":         1,
	":(((":        1,
	":()":         1,
	":)))":        1,
	":-)":         1,
	":-))":        1,
	":-)))":       1,
	":-*":         1,
	":-/":         1,
	":-X":         1,
	":-]":         1,
	":-o":         1,
	":-p":         1,
	":-x":         1,
	":-|":         1,
	":-}":         1,
	":0":          1,
	":3":          1,
	":P":          1,
	":]":          1,
	":`(":         1,
	":`)":         1,
	":`-(":        1,
	":o":          1,
	":o)":         1,
	"=(":          1,
	"=)":          1,
	"=D":          1,
	"=|":          1,
	"@_@":         1,
	"O.o":         1,
	"O_o":         1,
	"V_V":         1,
	"XDD":         1,
	"[-:":         1,
	"^___^":       1,
	"o_0":         1,
	"o_O":         1,
	"o_o":         1,
	"v_v":         1,
	"xD":          1,
	"xDD":         1,
	"¯\\(ツ)/¯":    1,
}
