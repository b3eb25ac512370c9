package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lowercased, with diacritics removed and ligatures spelled
// out ("Außenministerium" → "aussenministerium", "Díaz" → "diaz"). It is
// the comparison of names: the index and the tagger both use it, and
// [Check] uses it to find names that collide.
func Fold(s string) string {
	if isFolded(s) {
		return s // most tokens are lowercase ASCII already: no copy
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for _, r := range s {
		appendFoldRune(&b, r)
	}
	return b.String()
}

// isFolded reports whether s is lowercase ASCII, its own folding.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// appendFoldRune writes the folding of r to b.
func appendFoldRune(b *strings.Builder, r rune) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
	case r < foldTableEnd:
		b.WriteString(foldTable[r])
	case unicode.Is(unicode.Mn, r):
		// A combining mark outside the table's range: dropped like the others.
	default:
		b.WriteRune(unicode.ToLower(r))
	}
}

// sameFold reports whether Fold(a) == Fold(b), without making either:
// the index asks it of every form it adds.
func sameFold(a, b string) bool {
	if a == b {
		return true
	}
	var pa, pb string // folded bytes not compared yet
	for {
		for pa == "" && a != "" {
			pa, a = nextFold(a)
		}
		for pb == "" && b != "" {
			pb, b = nextFold(b)
		}
		if pa == "" || pb == "" {
			return pa == "" && pb == ""
		}
		n := min(len(pa), len(pb))
		if pa[:n] != pb[:n] {
			return false
		}
		pa, pb = pa[n:], pb[n:]
	}
}

// nextFold returns the folding of the first rune of s, as appendFoldRune
// writes it, and the rest of s.
func nextFold(s string) (string, string) {
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return asciiFold[c : c+1], s[1:]
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r < foldTableEnd:
		return foldTable[r], s[size:]
	case unicode.Is(unicode.Mn, r):
		return "", s[size:]
	}
	return string(unicode.ToLower(r)), s[size:]
}

// asciiFold holds every ASCII byte at its own offset.
const asciiFold = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// foldTableEnd is the first rune after the Latin, Greek and Cyrillic
// ranges that foldTable covers.
const foldTableEnd = 0x500

// foldTable caches the folding of the Latin, Greek and Cyrillic ranges, the
// only non-ASCII letters that are common in the news gazex reads; it is
// indexed by rune (an array rather than a map: one load per rune), and
// holds "" for the ASCII range and for runes that fold to nothing.
var foldTable = func() *[foldTableEnd]string {
	var t [foldTableEnd]string
	special := map[rune]string{
		'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
		'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
		'þ': "th", 'ı': "i", 'ŀ': "l",
	}
	for r := rune(0x80); r < foldTableEnd; r++ {
		if s, ok := special[r]; ok {
			t[r] = s
			continue
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			continue
		}
		var b strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			b.WriteRune(unicode.ToLower(d))
		}
		t[r] = b.String()
	}
	return &t
}()

// Token is a word or a punctuation mark of a text, as the name index sees it.
type Token struct {
	Start, End int    // byte offsets into the tokenised string
	Fold       string // [Fold] of the token's text
	Key        string // what the index compares: Fold, transliterated and stemmed
	Shape      Shape
	// LineBreak reports that a line break separates this token from the
	// previous one: names never run across lines.
	LineBreak bool
}

// Shape is the letter case of a token.
type Shape uint8

// Token shapes.
const (
	ShapeOther Shape = iota // punctuation, digits, or lowercase start
	ShapeCap                // first letter uppercase ("Putin", "BelTA")
	ShapeUpper              // two or more letters, all uppercase ("FAR", "GUS")
)

// IsWord reports whether the token is a word rather than a punctuation mark.
func (t Token) IsWord() bool {
	if t.Fold != "" && t.Fold[0] < utf8.RuneSelf {
		return asciiWord[t.Fold[0]] // the extractors ask it of every token, again and again
	}
	r, _ := utf8.DecodeRuneInString(t.Fold)
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // most text is ASCII: skip the Unicode tables
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokens splits s into words and punctuation marks. A word is a run of
// letters, digits and marks, with apostrophes inside it ("O'Brien"); every
// other non-space rune is a token of its own, so a hyphen ("Díaz-Canel",
// "GUS-Mitgliedstaaten") or a full stop ("EE.UU.") is matched like a word.
func Tokens(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/6), s) // news averages six and a half bytes a token
}

// AppendTokens appends the tokens of s to toks and returns the extended
// slice, as [Tokens] does: callers that tokenise many texts reuse one
// slice (a token is 56 bytes, about nine per byte of text).
func AppendTokens(toks []Token, s string) []Token {
	// Every folding and key that is not a substring of s is written to one
	// builder: one buffer per text rather than one string per capitalised
	// word. A string taken from a Builder stays valid as it grows (it
	// copies, never overwrites), so tokens may slice it at once. About
	// half the bytes of news are in capitalised or non-ASCII words.
	var b strings.Builder
	b.Grow(len(s)/2 + 16)
	return appendTokens(toks, s, &b)
}

// appendTokens is [AppendTokens] writing the foldings and keys to b.
func appendTokens(toks []Token, s string, b *strings.Builder) []Token {
	lineBreak := false
	for i := 0; i < len(s); {
		var r rune
		var size int
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of the text: the spaces unicode.IsSpace
			// accepts there, without decoding.
			switch c {
			case '\n':
				lineBreak = true
				i++
				continue
			case ' ', '\t', '\r', '\v', '\f':
				i++
				continue
			}
			r, size = rune(c), 1
		} else if r, size = utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		// cls gathers the asciiClass bits of the token's bytes while it is
		// ASCII without an apostrophe; plain is false once it is not.
		var cls uint8
		plain := r < utf8.RuneSelf
		if plain {
			cls = asciiClass[r]
		}
		if isWordRune(r) {
			i += size
			for i < len(s) {
				if c := s[i]; asciiClass[c]&classWord != 0 { // not ASCII: no class
					cls |= asciiClass[c]
					i++ // most of a word is ASCII letters: no decoding
					continue
				}
				r, size = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += size
					plain = false
					continue
				}
				// An apostrophe binds letters on both sides ("O'Brien", "Putin's").
				if r == '\'' && i+1 < len(s) {
					next, nsize := utf8.DecodeRuneInString(s[i+1:])
					if unicode.IsLetter(next) {
						i += size + nsize
						plain = false
						continue
					}
				}
				break
			}
		} else {
			i += size
		}
		text := s[start:i]
		tok := Token{Start: start, End: i, LineBreak: lineBreak}
		if plain {
			// ASCII without an apostrophe, most tokens: the folding, shape
			// and key from the bytes' classes, without scanning the
			// token again (the default case below makes the same).
			tok.Fold = text
			if cls&classUpper != 0 {
				tok.Shape = plainShape(text, cls)
				tok.Fold = appendLower(b, text)
			}
			tok.Key = plainKey(b, tok.Fold, cls)
			toks = append(toks, tok)
			lineBreak = false
			continue
		}
		switch asciiCase(text) {
		case asciiLower:
			tok.Fold = text
		case asciiMixed:
			// A capitalised ASCII word ("Berlin", "FAR"): its shape and
			// folding from its bytes, as shapeOf and appendFoldRune
			// would make them rune by rune.
			tok.Shape = shapeOfASCII(text)
			from := b.Len()
			for k := 0; k < len(text); k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			tok.Fold = b.String()[from:]
		default:
			tok.Shape = shapeOf(text)
			from := b.Len()
			for _, r := range text {
				appendFoldRune(b, r)
			}
			tok.Fold = b.String()[from:]
		}
		tok.Key = appendKey(b, tok.Fold)
		toks = append(toks, tok)
		lineBreak = false
	}
	return toks
}

// asciiWord holds the ASCII bytes that [isWordRune] accepts.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// Classes of ASCII bytes, as asciiClass holds them: what the tokeniser
// gathers of a token's bytes in the pass that finds its end, so that its
// folding and key need no second look at most tokens.
const (
	classWord  = 1 << iota // isWordRune
	classW                 // 'w' or 'W': transliterated ("Peskow")
	classS                 // 's' or 'S', 'c' or 'C', 'h' or 'H': a token with
	classC                 // all three may hold "sch", which is
	classH                 // transliterated ("Patruschew")
	classUpper = 1 << 5    // 'A'–'Z'; its value is the bit that lowercases them
	classLower = 1 << 6    // 'a'–'z'
)

// classSCH are the classes of a token that may hold "sch".
const classSCH = classS | classC | classH

// asciiClass holds the classes of every byte: none for the bytes of
// multi-byte runes, so that a test of classWord also rules them out.
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		if isWordRune(rune(c)) {
			t[c] |= classWord
		}
		switch c | 0x20 {
		case 'w':
			t[c] |= classW
		case 's':
			t[c] |= classS
		case 'c':
			t[c] |= classC
		case 'h':
			t[c] |= classH
		}
		if 'A' <= c && c <= 'Z' {
			t[c] |= classUpper
		}
		if 'a' <= c && c <= 'z' {
			t[c] |= classLower
		}
	}
	return t
}()

// plainShape is shapeOfASCII(text) of a token whose bytes have the
// classes cls: a capitalised word with a lowercase letter ("Berlin") is
// ShapeCap without counting its letters.
func plainShape(text string, cls uint8) Shape {
	if c := text[0]; c >= 'A' && c <= 'Z' && cls&classLower != 0 {
		return ShapeCap
	}
	return shapeOfASCII(text)
}

// appendLower writes the ASCII text lowercased to b and returns it: on
// the stack first, and to b in one write (a Builder checks for copies at
// every write).
func appendLower(b *strings.Builder, text string) string {
	var arr [32]byte
	w := arr[:]
	if len(text) > len(arr) {
		w = make([]byte, len(text))
	}
	w = w[:len(text)]
	for k := range len(text) {
		w[k] = text[k] | asciiClass[text[k]]&classUpper // classUpper is 0x20: 'A' | 0x20 = 'a'
	}
	from := b.Len()
	b.Write(w)
	return b.String()[from:]
}

// plainKey is appendKey(b, f) of the folding f of an ASCII token without
// an apostrophe whose bytes have the classes cls: most such words need no
// transliteration and no final -i, and their key is f without its
// endings, found without looking for either in f (appendKey makes the
// same, as TestTokensMatchReference holds).
func plainKey(b *strings.Builder, f string, cls uint8) string {
	if c := f[0]; c < 'a' || c > 'z' {
		return f // digits and punctuation (f is lowercase)
	}
	n := len(f)
	translit := cls&classW != 0 || (cls&classSCH == classSCH && needsTranslit(f))
	if translit || (n > 3 && (f[n-1] == 'y' || finalIAt(f))) {
		return rewriteKey(b, f, translit, true) // no possessive: no apostrophe
	}
	return f[:stemLen(f, n)] // ASCII: a rune a byte
}

// Letter cases of a token's text, as asciiCase tells them.
const (
	asciiLower = iota // ASCII without capitals: its own folding, shape ShapeOther
	asciiMixed        // ASCII with a capital letter
	nonASCII          // some byte is not ASCII
)

// asciiCase returns which of asciiLower, asciiMixed and nonASCII s is.
func asciiCase(s string) int {
	c := asciiLower
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			return nonASCII
		case 'A' <= b && b <= 'Z':
			c = asciiMixed
		}
	}
	return c
}

// shapeOfASCII is shapeOf of an ASCII string.
func shapeOfASCII(s string) Shape {
	if c := s[0]; c < 'A' || c > 'Z' {
		return ShapeOther
	}
	letters, upper := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
		case 'a' <= c && c <= 'z':
			letters++
		}
	}
	if letters >= 2 && letters == upper {
		return ShapeUpper
	}
	return ShapeCap
}

func shapeOf(s string) Shape {
	if c := s[0]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') {
		return ShapeOther // lowercase, digit or punctuation: the common case
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return ShapeOther
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && letters == upper {
		return ShapeUpper
	}
	return ShapeCap
}

// Key returns what the index compares for one folded token: the folded
// form with transliteration variants unified (Peskow/Peskov,
// Patruschew/Patrushev, Dmitri/Dmitry) and one inflectional ending
// stripped ("russischen" → "russisch", "Patrushevs" → "patrushev",
// "Sicherheitsrates" → "sicherheitsrat"), so inflected names match without
// a stemmer that would mangle them (Snowball leaves "peskows" alone).
func Key(folded string) string { return key(folded) }

func key(f string) string {
	var b strings.Builder // allocates only when the key is not a prefix of f
	return appendKey(&b, f)
}

// appendKey returns the key of the folded token f. A key that is a prefix
// of f (no transliteration, at most endings stripped: most words) is a
// substring of f; any other is written to b and sliced from it, so that
// [Tokens] puts the keys of a whole text in one buffer.
func appendKey(b *strings.Builder, f string) string {
	if f == "" {
		return f
	}
	if c := f[0]; c < utf8.RuneSelf {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return f // digits and punctuation: the ASCII letters are the only ASCII IsLetter
		}
	} else if r, _ := utf8.DecodeRuneInString(f); !unicode.IsLetter(r) {
		return f
	}
	// Possessives: "putin's" → "putin", "chavez'" → "chavez".
	f = strings.TrimSuffix(f, "'s")
	f = strings.TrimSuffix(f, "'")
	// Most words need no rewrite: no transliteration, no final -i or -y
	// to unify. Their key is f with its endings stripped, a prefix of f,
	// found without copying f (the slow path below makes the same).
	translit := needsTranslit(f)
	if n := len(f); !translit && !(n > 3 && (f[n-1] == 'y' || finalIAt(f))) {
		return f[:stemLen(f, utf8.RuneCountInString(f))]
	}
	return rewriteKey(b, f, translit, false)
}

// rewriteKey is appendKey of f, without possessive endings, that may need
// transliteration (translit: needsTranslit(f)) or a final -i unified;
// ascii says that f is ASCII, a rune a byte.
func rewriteKey(b *strings.Builder, f string, translit, ascii bool) string {
	// The rewrites below work on a copy on the stack; keys are short.
	var arr [64]byte
	w := arr[:0]
	rewritten := false
	if translit {
		w = appendTranslit(w, f)
		rewritten = true
	} else {
		w = append(w, f...)
	}
	// Every spelling of finalI ends in 'y', 'i' or 'j': most words skip the list.
	if n := len(w); n > 3 && (w[n-1] == 'y' || w[n-1] == 'i' || w[n-1] == 'j') {
		for _, suffix := range finalI {
			if string(w[n-2:]) == suffix {
				w = append(w[:n-len(suffix)], 'i')
				rewritten = true
				break
			}
		}
	}
	if len(w) > 3 && w[len(w)-1] == 'y' {
		w[len(w)-1] = 'i'
		rewritten = true
	}
	runes := len(w)
	if !ascii {
		runes = utf8.RuneCount(w)
	}
	w = w[:stemLen(w, runes)]
	if !rewritten {
		return f[:len(w)]
	}
	from := b.Len()
	b.Write(w)
	return b.String()[from:]
}

// finalIAt reports whether f, of more than three bytes, ends in one of
// finalI.
func finalIAt(f string) bool {
	if c := f[len(f)-1]; c != 'y' && c != 'i' && c != 'j' {
		return false
	}
	for _, suffix := range finalI {
		if f[len(f)-2:] == suffix {
			return true
		}
	}
	return false
}

// finalI are the spellings of a final -i in transliterated names
// (Sergey/Sergei, Dmitrij/Dmitri, Yuriy/Yuri); each is two bytes.
var finalI = []string{"ey", "ei", "iy", "ij", "yj", "yi"}

// needsTranslit reports whether f holds "sch" or "w", which appendTranslit
// rewrites, in one pass over its bytes.
func needsTranslit(f string) bool {
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case 'w':
			return true
		case 's':
			if i+2 < len(f) && f[i+1] == 'c' && f[i+2] == 'h' {
				return true
			}
		}
	}
	return false
}

// appendTranslit appends f to dst with German and English
// transliterations of Cyrillic names unified: "tsch" → "ch", "sch" → "sh",
// "w" → "v", leftmost first, as a strings.Replacer of those pairs would.
func appendTranslit(dst []byte, f string) []byte {
	for i := 0; i < len(f); {
		switch {
		case strings.HasPrefix(f[i:], "tsch"):
			dst = append(dst, "ch"...)
			i += 4
		case strings.HasPrefix(f[i:], "sch"):
			dst = append(dst, "sh"...)
			i += 3
		case f[i] == 'w':
			dst = append(dst, 'v')
			i++
		default:
			dst = append(dst, f[i])
			i++
		}
	}
	return dst
}

// stemLen returns the length of f with inflectional endings stripped
// while four or more letters remain: the German endings of adjectives,
// nouns and genitive names, longest first ("es", "en", "er", "em", "e",
// "s", "n"). It strips until none is left, so that a form and its
// inflection meet ("putins" → "putin" → "puti" ← "putin"): a key is a
// match key, not a linguistic stem.
func stemLen[S string | []byte](f S, runes int) int {
	n := len(f) // runes is f's count of runes; the endings are ASCII: one rune a byte
	for n > 0 {
		cut := 0
		switch f[n-1] { // only the endings that end in this byte can match
		case 's', 'n':
			if runes-2 >= 4 && f[n-2] == 'e' {
				cut = 2
			} else if runes-1 >= 4 {
				cut = 1
			}
		case 'r', 'm':
			if runes-2 >= 4 && f[n-2] == 'e' {
				cut = 2
			}
		case 'e':
			if runes-1 >= 4 {
				cut = 1
			}
		}
		if cut == 0 {
			break
		}
		n -= cut
		runes -= cut
	}
	return n
}

// Slug returns the ASCII id part of a name: folded, with every run of
// other characters made one hyphen ("Álvaro López Miera" →
// "alvaro-lopez-miera", "Robert C. O'Brien" → "robert-c-o-brien"); ""
// when the name has no ASCII letter or digit.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(name) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
