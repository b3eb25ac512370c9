package gazetteer

import (
	"encoding/binary"
	"slices"
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
	// Every folding and key is written to one builder or sliced from what
	// was: one buffer per text rather than one string per capitalised
	// word. A string taken from a Builder stays valid as it grows (it
	// copies, never overwrites), so tokens may slice it at once. The
	// builder holds s lowercased, then the foldings of the non-ASCII
	// words and the keys that are not a prefix of their folding (an
	// eighth of the words of news each).
	var b strings.Builder
	b.Grow(len(s) + len(s)/4 + 16)
	return appendTokens(toks, s, &b)
}

// appendTokens is [AppendTokens] writing the foldings and keys to b.
//
// Most tokens take one of two fast paths, each a single pass over their
// bytes with one table load a byte: a run of ASCII letters and digits
// that an ASCII byte other than an apostrophe ends (four tokens in five
// of news), and an ASCII punctuation mark (one in eight). The rest go to
// otherToken: words with Latin-1 letters ("für", "Díaz") on a fast path
// of their own, anything else through slowToken, the plain statement.
// FuzzTokensMatchReference holds all of them to referenceTokens.
func appendTokens(toks []Token, s string, b *strings.Builder) []Token {
	// The folding of an ASCII word is the word in lower, whatever its
	// case: lowercasing the text at once, eight bytes at a time, costs
	// less than a copy of each capitalised word.
	lower := lowerText(b, s)
	lineBreak := false
	for i := 0; i < len(s); {
		if len(toks) == cap(toks) {
			toks = slices.Grow(toks, 1)
		}
		if toks, i, lineBreak = plainTokens(toks, s, lower, i, lineBreak, b); i == len(s) || len(toks) == cap(toks) {
			continue
		}
		// s[i] starts a token of neither fast path.
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		if i = otherToken(t, s, lower, i, b); t.End == 0 {
			toks = toks[:len(toks)-1] // a Unicode space
			continue
		}
		t.LineBreak = lineBreak
		lineBreak = false
	}
	return toks
}

// plainTokens is appendTokens' loop over the tokens of its two fast
// paths, from s[i] on: it returns, with the tokens added and where it
// stopped, at the first token of neither path or when toks is full. A
// loop of its own that calls nothing for most tokens (finishPlain for a
// few words) keeps its variables in registers, where appendTokens' loop,
// with the calls for slice growth and otherToken, saved and reloaded them
// at every token.
func plainTokens(toks []Token, s, lower string, i int, lineBreak bool, b *strings.Builder) ([]Token, int, bool) {
	for i < len(s) {
		start := i
		k := asciiClass[s[i]]
		switch {
		case k&classSpace != 0:
			if s[i] == '\n' {
				lineBreak = true
			}
			i++
			continue
		case len(toks) == cap(toks):
			return toks, i, lineBreak
		case k&classWord != 0:
			// A run of ASCII letters and digits; cls gathers the classes
			// of its bytes, so that its folding, shape and key need no
			// second look at most words.
			cls := k
			for i++; i < len(s); i++ {
				k := asciiClass[s[i]]
				if k&classWord == 0 {
					break
				}
				cls |= k
			}
			if i < len(s) && asciiClass[s[i]]&classEnd == 0 {
				// A non-ASCII byte or an apostrophe may carry the word on.
				return toks, start, lineBreak
			}
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			f := lower[start:i]
			t.Start, t.End, t.Fold, t.Key, t.Shape, t.LineBreak = start, i, f, f, ShapeOther, lineBreak
			lineBreak = false
			// A word of up to three lowercase letters or digits and
			// no transliteration is its own key ("der", "la", a third
			// of the words of news); finishPlain makes the rest.
			if len(f) > 3 || cls&(classUpper|classW) != 0 || cls&classSCH == classSCH {
				// finishPlain of most of these words, written out: a
				// word without transliteration or a final -i, in
				// lowercase or capitalised with a lowercase letter
				// ("Berlin"), is ShapeCap when capitalised, and its key
				// its folding stemmed. A call for each made the loop
				// reload its variables (TestTokensMatchReference holds
				// the two alike).
				n, last := len(f), f[len(f)-1]
				if cls&classW == 0 && cls&classSCH != classSCH && last != 'y' && last != 'i' && last != 'j' &&
					(cls&classUpper == 0 || s[start] <= 'Z' && s[start] >= 'A' && cls&classLower != 0) {
					if cls&classUpper != 0 {
						t.Shape = ShapeCap
					}
					if n >= 5 && f[0] >= 'a' {
						t.Key = f[:stemASCII(f)]
					}
				} else {
					finishPlain(t, s[start:i], cls, b)
				}
			}
			if i < len(s) && s[i] == ' ' {
				i++ // the space after most words, without a turn of the loop
			}
			continue
		case k&classEnd != 0:
			// ASCII punctuation: a token of one byte, its own folding
			// and key.
			i++
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			t.Start, t.End, t.Fold, t.Key, t.Shape, t.LineBreak = start, i, lower[start:i], lower[start:i], ShapeOther, lineBreak
			lineBreak = false
			continue
		}
		return toks, i, lineBreak
	}
	return toks, i, lineBreak
}

// finishPlain sets the shape and key of t, a run of ASCII letters and
// digits whose text is text, whose bytes have the classes cls, and whose
// folding is set: from the classes, without scanning it again (slowToken
// makes the same, TestTokensMatchReference holds).
func finishPlain(t *Token, text string, cls uint16, b *strings.Builder) {
	if cls&classUpper != 0 {
		t.Shape = plainShape(text, cls)
	}
	f := t.Fold
	if f[0] < 'a' {
		return // a digit first: the key is the folding
	}
	// A word: most need no transliteration ('w', "sch") and no final -i
	// ('y', 'i', 'j'), and their key is f without its endings, a prefix
	// of f; plainKey makes the others.
	n := len(f)
	if last := f[n-1]; cls&classW != 0 || cls&classSCH == classSCH || last == 'y' || last == 'i' || last == 'j' {
		t.Key = plainKey(b, f, cls)
	} else if n >= 5 {
		t.Key = f[:stemASCII(f)]
	}
}

// lowerText writes s to b with 'A'–'Z' lowercased and returns it, eight
// bytes at a time: 'A'–'Z' are the bytes below 0x80 that 0x3F carries
// into bit 7 and 0x25 does not, and bit 7 shifted to bit 5 lowercases
// them. Other bytes, those of multi-byte runes among them, are kept.
func lowerText(b *strings.Builder, s string) string {
	var buf [512]byte
	from := b.Len()
	for i := 0; i < len(s); {
		n := copy(buf[:], s[i:])
		k := 0
		for ; k+8 <= n; k += 8 {
			w := buf[k : k+8]
			x := binary.LittleEndian.Uint64(w)
			y := x & 0x7F7F7F7F7F7F7F7F
			upper := (y + 0x3F3F3F3F3F3F3F3F) &^ (y + 0x2525252525252525) &^ x & 0x8080808080808080
			binary.LittleEndian.PutUint64(w, x|upper>>2)
		}
		for ; k < n; k++ {
			buf[k] |= byte(asciiClass[buf[k]] & classUpper)
		}
		b.Write(buf[:n])
		i += n
	}
	return b.String()[from:]
}

// otherToken sets t to the token that starts at s[start], which is
// neither an ASCII space nor ASCII punctuation, and returns where it
// ends; it leaves t zero when s[start] is a Unicode space and there is no
// token. Words of ASCII and Latin-1 letters ("für", "Díaz", "Ägypten", a
// third of the rest) take a fast path; the others slowToken.
func otherToken(t *Token, s, lower string, start int, b *strings.Builder) int {
	if p, size := punctAt(s, start); p != nil && p.kind != runeWord {
		// A space or a mark of Latin-1 or of General Punctuation: "«",
		// "°", "„", "–", a no-break space.
		if p.kind == runeSpace {
			*t = Token{}
			return start + size
		}
		*t = Token{Start: start, End: start + size, Fold: p.fold, Key: p.fold}
		return start + size
	}
	var cls uint16
	latin := false // some letter is Latin-1
	i := start
	for i < len(s) {
		c := s[i]
		if k := asciiClass[c]; k&classWord != 0 {
			cls |= k
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && latin1Class[s[i+1]] != 0 {
			cls |= latin1Class[s[i+1]]
			latin = true
			i += 2
			continue
		}
		break
	}
	if i == start || (i < len(s) && !wordEnds(s, i)) {
		tok, end := slowToken(s, start, b)
		*t = tok
		return end
	}
	if !latin {
		f := lower[start:i]
		*t = Token{Start: start, End: i, Fold: f, Key: f}
		finishPlain(t, s[start:i], cls, b)
	} else {
		setLatin1(t, s, start, i, cls, b)
	}
	return i
}

// wordEnds reports whether a word of ASCII and Latin-1 letters ends
// before s[i], an ASCII byte that is not a letter or digit or the first
// byte of a rune that is not a Latin-1 letter: not before an apostrophe
// (which may bind letters: "O'Brien") nor a word rune of another
// alphabet.
func wordEnds(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c != '\''
	}
	if p, _ := punctAt(s, i); p != nil {
		return p.kind != runeWord
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

// punctRune is what the tokeniser makes of one of the non-ASCII runes
// that news sets between words, which punctAt finds without decoding.
type punctRune struct {
	kind uint8  // runeSpace, runeToken or runeWord
	fold string // a runeToken's folding, and its key
}

// Kinds of a punctRune.
const (
	runeToken = iota // a token of its own
	runeSpace        // unicode.IsSpace
	runeWord         // a word rune ("ª", "µ"): for the word paths
)

// punct2 and punct3 hold the punctRunes of U+0080–U+00BF (two bytes, the
// first 0xC2) and of U+2000–U+206F, General Punctuation (three bytes,
// 0xE2 0x80 or 0xE2 0x81), by the offset of the rune in its range. A mark
// is a token of its own whose folding is foldTable's, "" in the first
// range ("«", "°": no letter) and the mark itself in the second ("„",
// "–"); TestPunctRunes holds them to slowToken.
var punct2, punct3 = func() (p2 [0x40]punctRune, p3 [0x70]punctRune) {
	set := func(p *punctRune, r rune) {
		switch {
		case unicode.IsSpace(r):
			p.kind = runeSpace
		case isWordRune(r):
			p.kind = runeWord
		default:
			p.fold = Fold(string(r))
		}
	}
	for k := range p2 {
		set(&p2[k], 0x80+rune(k))
	}
	for k := range p3 {
		set(&p3[k], 0x2000+rune(k))
	}
	return p2, p3
}()

// punctAt returns the punctRune of the rune at s[i] and its size, or nil
// when it is in neither range of punct2 and punct3.
func punctAt(s string, i int) (*punctRune, int) {
	switch s[i] {
	case 0xC2:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return &punct2[s[i+1]&0x3F], 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+2]&0xC0 == 0x80 {
			switch s[i+1] {
			case 0x80:
				return &punct3[s[i+2]&0x3F], 3
			case 0x81:
				if k := 0x40 + int(s[i+2]&0x3F); k < len(punct3) {
					return &punct3[k], 3
				}
			}
		}
	}
	return nil, 0
}

// setLatin1 sets t to the token s[start:end], a word of ASCII letters
// and digits and of Latin-1 letters (two bytes each, the first 0xC3)
// with at least one of the latter, whose bytes have the classes cls
// (latin1Class for the Latin-1 letters). Its folding is ASCII (foldTable
// spells every Latin-1 letter in ASCII, in at most two bytes), so that
// its key is plainKey's.
func setLatin1(t *Token, s string, start, end int, cls uint16, b *strings.Builder) {
	text := s[start:end]
	var arr [64]byte
	if len(text) > len(arr) {
		tok, _ := slowToken(s, start, b)
		*t = tok
		return
	}
	n := 0
	for k := 0; k < len(text); k++ {
		c := text[k]
		if c < utf8.RuneSelf {
			arr[n&63] = c | byte(asciiClass[c]&classUpper)
			n++
			continue
		}
		k++
		f := foldTable[0xC0|rune(text[k]&0x3F)]
		arr[n&63] = f[0]
		if len(f) == 2 {
			arr[(n+1)&63] = f[1]
		}
		n += len(f)
	}
	*t = Token{Start: start, End: end}
	if c := text[0]; c >= 'A' && c <= 'Z' || c == 0xC3 && latin1Class[text[1]]&classUpper != 0 {
		// Capitalised: ShapeCap as soon as some letter is lowercase,
		// else counted as shapeOf counts.
		if cls&classLower != 0 {
			t.Shape = ShapeCap
		} else {
			t.Shape = shapeOf(text)
		}
	}
	from := b.Len()
	b.Write(arr[:n])
	t.Fold = b.String()[from:]
	t.Key = plainKey(b, t.Fold, cls&^classUpper)
}

// slowToken is otherToken decoding every rune: the statement of the
// tokeniser that the fast paths shortcut.
func slowToken(s string, start int, b *strings.Builder) (tok Token, end int) {
	i := start
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return Token{}, i + size // no token: End 0
	}
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
	tok = Token{Start: start, End: i}
	switch asciiCase(text) {
	case asciiLower:
		tok.Fold = text
	case asciiMixed:
		// A capitalised ASCII word ("Berlin", "FAR"): its shape and
		// folding from its bytes, as shapeOf and appendFoldRune
		// would make them rune by rune.
		tok.Shape = shapeOfASCII(text)
		tok.Fold = appendLower(b, text)
	default:
		tok.Shape = shapeOf(text)
		from := b.Len()
		for _, r := range text {
			appendFoldRune(b, r)
		}
		tok.Fold = b.String()[from:]
	}
	tok.Key = appendKey(b, tok.Fold)
	return tok, i
}

// latin1Class holds, for the second byte of each Latin-1 letter (U+00C0–
// U+00FF but × and ÷, the first byte 0xC3), classWord, the classW and
// classSCH of its folding's bytes ("ß" is "ss") and classUpper or
// classLower for its case; 0 for the other bytes.
var latin1Class = func() (t [256]uint16) {
	for d := 0x80; d < 0xC0; d++ {
		r := 0xC0 | rune(d&0x3F)
		if !unicode.IsLetter(r) {
			continue
		}
		t[d] = classWord
		for _, c := range []byte(foldTable[r]) {
			t[d] |= asciiClass[c] & (classW | classSCH)
		}
		if unicode.IsUpper(r) {
			t[d] |= classUpper
		} else {
			t[d] |= classLower
		}
	}
	return t
}()

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
	classSpace = 1 << 7    // the ASCII spaces of unicode.IsSpace
	classEnd   = 1 << 8    // neither a word byte nor an apostrophe: ends a word
)

// classSCH are the classes of a token that may hold "sch".
const classSCH = classS | classC | classH

// asciiClass holds the classes of every byte: none for the bytes of
// multi-byte runes, so that a test of classWord also rules them out.
var asciiClass = func() (t [256]uint16) {
	for c := range utf8.RuneSelf {
		switch {
		case isWordRune(rune(c)):
			t[c] |= classWord
		case unicode.IsSpace(rune(c)):
			t[c] |= classSpace | classEnd
		case c != '\'':
			t[c] |= classEnd
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
func plainShape(text string, cls uint16) Shape {
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
		w[k] = text[k] | byte(asciiClass[text[k]]&classUpper) // classUpper is 0x20: 'A' | 0x20 = 'a'
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
func plainKey(b *strings.Builder, f string, cls uint16) string {
	if c := f[0]; c < 'a' || c > 'z' {
		return f // digits and punctuation (f is lowercase)
	}
	n := len(f)
	translit := cls&classW != 0 || (cls&classSCH == classSCH && needsTranslit(f))
	if translit || (n > 3 && (f[n-1] == 'y' || finalIAt(f))) {
		return rewriteKey(b, f, translit, true) // no possessive: no apostrophe
	}
	return f[:stemASCII(f)]
}

// stemASCII is stemLen(f, len(f)) of an ASCII f, a rune a byte: the
// common case, without stemLen's count of runes and its generic code.
func stemASCII(f string) int {
	n := len(f)
	for n >= 5 { // no ending is stripped below five letters
		switch f[n-1] {
		case 's', 'n':
			if n >= 6 && f[n-2] == 'e' {
				n -= 2
			} else {
				n--
			}
		case 'r', 'm':
			if n < 6 || f[n-2] != 'e' {
				return n
			}
			n -= 2
		case 'e':
			n--
		default:
			return n
		}
	}
	return n
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
	if strings.IndexByte(f, 's') < 0 {
		// No "sch" (most words with a 'w': "wird", "zwei"): a copy with
		// 'w' made 'v', without looking for the patterns byte by byte.
		from := len(dst)
		dst = append(dst, f...)
		for i := from; i < len(dst); i++ {
			if dst[i] == 'w' {
				dst[i] = 'v'
			}
		}
		return dst
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch c { // only the bytes that start a pattern look further
		case 't':
			if i+3 < len(f) && f[i+1:i+4] == "sch" {
				dst = append(dst, "ch"...)
				i += 3
				continue
			}
		case 's':
			if i+2 < len(f) && f[i+1:i+3] == "ch" {
				dst = append(dst, "sh"...)
				i += 2
				continue
			}
		case 'w':
			c = 'v'
		}
		dst = append(dst, c)
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
