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
	return string(appendFold(make([]byte, 0, len(s)+4), s))
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

// appendFold appends the folding of s to dst.
func appendFold(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
		case r < 0x500:
			dst = append(dst, foldTable[r]...)
		case unicode.Is(unicode.Mn, r):
			// A combining mark outside the table's range: dropped like the others.
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// foldTable caches the folding of the Latin, Greek and Cyrillic ranges, the
// only non-ASCII letters that are common in the news gazex reads.
var foldTable = func() map[rune]string {
	t := make(map[rune]string, 1200)
	special := map[rune]string{
		'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
		'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
		'þ': "th", 'ı': "i", 'ŀ': "l",
	}
	for r := rune(0x80); r < 0x500; r++ {
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
	return t
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
	toks := make([]Token, 0, len(s)/6)
	var buf []byte
	var folds []foldRange
	lineBreak := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineBreak = true
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		}
		start := i
		if isWordRune(r) {
			i += size
			for i < len(s) {
				r, size = utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += size
					continue
				}
				// An apostrophe binds letters on both sides ("O'Brien", "Putin's").
				if r == '\'' && i+1 < len(s) {
					next, nsize := utf8.DecodeRuneInString(s[i+1:])
					if unicode.IsLetter(next) {
						i += size + nsize
						continue
					}
				}
				break
			}
		} else {
			i += size
		}
		text := s[start:i]
		tok := Token{Start: start, End: i, Shape: shapeOf(text), LineBreak: lineBreak}
		if isFolded(text) {
			tok.Fold = text
		} else {
			// Fold into one buffer for the whole text: one allocation
			// per text rather than one per capitalised word.
			folds = append(folds, foldRange{len(toks), len(buf), 0})
			buf = appendFold(buf, text)
			folds[len(folds)-1].end = len(buf)
		}
		toks = append(toks, tok)
		lineBreak = false
	}
	all := string(buf)
	for _, f := range folds {
		toks[f.tok].Fold = all[f.start:f.end]
	}
	for i := range toks {
		toks[i].Key = key(toks[i].Fold)
	}
	return toks
}

// foldRange locates a token's folding in the buffer Tokens folds into.
type foldRange struct{ tok, start, end int }

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
	if f == "" {
		return f
	}
	r, _ := utf8.DecodeRuneInString(f)
	if !unicode.IsLetter(r) {
		return f
	}
	// Possessives: "putin's" → "putin", "chavez'" → "chavez".
	f = strings.TrimSuffix(f, "'s")
	f = strings.TrimSuffix(f, "'")
	if strings.Contains(f, "sch") || strings.IndexByte(f, 'w') >= 0 {
		f = translit.Replace(f)
	}
	for _, suffix := range finalI {
		if strings.HasSuffix(f, suffix) && len(f) > 3 {
			f = f[:len(f)-len(suffix)] + "i"
			break
		}
	}
	if strings.HasSuffix(f, "y") && len(f) > 3 {
		f = f[:len(f)-1] + "i"
	}
	return stem(f)
}

// finalI are the spellings of a final -i in transliterated names
// (Sergey/Sergei, Dmitrij/Dmitri, Yuriy/Yuri).
var finalI = []string{"ey", "ei", "iy", "ij", "yj", "yi"}

// translit unifies German and English transliterations of Cyrillic names.
var translit = strings.NewReplacer("tsch", "ch", "sch", "sh", "w", "v")

// stemSuffixes are the inflectional endings of German adjectives, nouns
// and genitive names, tried longest first.
var stemSuffixes = []string{"es", "en", "er", "em", "e", "s", "n"}

// stem strips endings while four or more letters remain. It strips until
// none is left, so that a form and its inflection meet ("putins" →
// "putin" → "puti" ← "putin"): a key is a match key, not a linguistic stem.
func stem(f string) string {
	runes := utf8.RuneCountInString(f) // the suffixes are ASCII: one rune a byte
	for {
		stripped := false
		for _, suffix := range stemSuffixes {
			if runes-len(suffix) >= 4 && strings.HasSuffix(f, suffix) {
				f = f[:len(f)-len(suffix)]
				runes -= len(suffix)
				stripped = true
				break
			}
		}
		if !stripped {
			return f
		}
	}
}
