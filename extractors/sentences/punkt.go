package sentences

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/internal/swar"
)

// This file is a port of the Punkt annotation of
// gopkg.in/neurosnap/sentences.v1 (DefaultWordTokenizer.Tokenize with
// onlyPeriodContext, TypeBasedAnnotation, TokenBasedAnnotation and, for
// English, english.MultiPunctWordAnnotation) that gives the same tokens and
// the same breaks, quirks included, without its cost: the library builds a
// *Token per word, lower-cases and runs a regular expression over every
// token type it looks up, and joins strings for each collocation. Here
// tokens are byte offsets, types are built in stack buffers and looked up
// in the model's maps without a string allocation. It was a third of the
// detect stage. TestPunktPortMatchesLibrary and FuzzPunktPort compare it
// with the library token by token.
//
// The quirks kept on purpose, because the reference output depends on them:
//   - a last word whose last rune is not one byte long is never a token
//     (Tokenize looks for the end of text at byte len-1 only);
//   - a text without any token becomes one token, the whole text;
//   - the abbreviation test cuts the token at its rune count, not its
//     byte length, as TypeBasedAnnotation does.

// ptoken is one Punkt token: the word text[start:end], its Position pos
// (the byte after the white space-delimited word, or len(text)) and the
// annotations.
type ptoken struct {
	start, end, pos int
	// punct: the word holds one of ".!?"; without, typeAnnotation has
	// nothing to mark (every sentence ender it looks for holds one).
	punct           bool
	sentBreak, abbr bool
}

// punktTokens appends to out the tokens DefaultWordTokenizer.Tokenize(text,
// true) returns: every word holding one of ".!?" and the word after each.
//
// Tokenize cuts the text at each white-space rune (and at its last byte)
// and trims what lies between; that is the same as the runs of non-space
// runes. A token's Position is the index of the space after it, or
// len(text) when that space, or the word itself, ends at the last byte.
//
// Only the words around ".!?" matter, so the scan jumps from one of
// these bytes to the next (puncts), and reads
// the word around it (punktWordStart back to white space, punktWord on to
// it) and the words after it while they hold one: it reads the bytes of
// these few words, not every byte of the text. punktTokensByBytes in the
// tests is the scan of every byte it replaced; TestPunktTokensSparse and
// FuzzPunktTokensSparse hold the two to the same tokens.
func punktTokens(out []ptoken, text string) []ptoken {
	n := len(text)
	if n == 0 {
		return out
	}
	base := len(out)
	// pos is where the forward decoding of the text stands between two
	// words: every word before it has been judged.
	pos, getNext := 0, false
	f := newPuncts(text)
	for pos < n {
		var start int
		if getNext {
			// The word after a word with ".!?", whatever it holds.
			start = skipSpace(text, pos)
			if start == n {
				break
			}
		} else {
			p := f.index(pos)
			if p < 0 {
				break
			}
			start = punktWordStart(text, pos, p)
		}
		end, cursor, next, has, ok := punktWord(text, start)
		if !ok {
			break // the last word, cut by the end of the text, is no token
		}
		out = append(out, ptoken{start: start, end: end, pos: cursor, punct: has})
		pos, getNext = next, has
	}
	if len(out) == base {
		out = append(out, ptoken{start: 0, end: n, pos: n, punct: strings.ContainsAny(text, ".!?")})
	}
	return out
}

// decodeSpace decodes the rune at text[i] as Tokenize does and reports its
// size and whether it is white space.
func decodeSpace(text string, i int) (size int, space bool) {
	if c := text[i]; c < utf8.RuneSelf {
		return 1, asciiSpace[c]
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return size, unicode.IsSpace(r)
}

// skipSpace returns the start of the first word at or after i, a place
// where the decoding stands, or len(text).
func skipSpace(text string, i int) int {
	for i < len(text) {
		size, space := decodeSpace(text, i)
		if !space {
			return i
		}
		i += size
	}
	return i
}

// punktWord reads the word that starts at start, where the decoding
// stands, to its boundary: the white space after it, or the last byte of
// the text. It returns the word's end, its Position (cursor), where the
// decoding goes on after the boundary, and whether the word holds one of
// ".!?"; ok is false when a rune of more than one byte ends the text
// inside the word: Tokenize finds no boundary for that word.
func punktWord(text string, start int) (end, cursor, next int, has, ok bool) {
	n := len(text)
	for i := start; ; {
		// Plain ASCII bytes, short of the last byte of the text.
		for i < n-1 && plainByte[text[i]] {
			i++
		}
		c := text[i]
		size, space := decodeSpace(text, i)
		if !space {
			has = has || c == '.' || c == '!' || c == '?'
			if i != n-1 {
				if i += size; i >= n {
					return 0, 0, 0, false, false
				}
				continue
			}
		}
		end, cursor = i, i
		if i == n-1 {
			cursor = n
			if !space {
				end = n
			}
		}
		return end, cursor, i + size, has, true
	}
}

// punktWordStart returns the start of the word that holds text[p], an
// ASCII byte, where the decoding stands at pos <= p between two words: the
// end of the last white-space rune in text[pos:p], or pos. An ASCII byte
// is a rune of its own wherever the decoding stands, and so is the start
// of a run of non-ASCII bytes after one: such a run is decoded forwards,
// from its start, as the forward scan decodes it.
func punktWordStart(text string, pos, p int) int {
	for i := p; i > pos; {
		c := text[i-1]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return i
			}
			i--
			continue
		}
		// text[a:i] is a run of non-ASCII bytes after an ASCII byte or pos.
		a := i - 1
		for a > pos && text[a-1] >= utf8.RuneSelf {
			a--
		}
		last := -1 // the end of the last space rune in the run
		for j := a; j < i; {
			size, space := decodeSpace(text, j)
			j += size
			if space {
				last = j
			}
		}
		if last >= 0 {
			return last
		}
		i = a
	}
	return pos // no white space from pos to p: the word starts at pos
}

// indexPunct returns the index of the first '.', '!' or '?' of text at or
// after i, or -1.
func indexPunct(text string, i int) int {
	f := newPuncts(text)
	return f.index(i)
}

// puncts finds the '.', '!' and '?' of a text in the order of the
// places asked: it remembers the next of each of the three bytes, found
// with strings.IndexByte (vectorised), and searches for one again only
// once the place asked has passed it, so that each byte of the text is
// searched about once per byte value, however often it is asked.
type puncts struct {
	text string
	// next[k] is the first of the k-th byte at or after from[k], or
	// len(text) when there is none.
	next, from [3]int
}

var punctBytes = [3]byte{'.', '!', '?'}

func newPuncts(text string) puncts {
	return puncts{text: text, next: [3]int{-1, -1, -1}, from: [3]int{-1, -1, -1}}
}

// index returns the index of the first '.', '!' or '?' at or after i, or -1.
func (f *puncts) index(i int) int {
	best := len(f.text)
	for k, c := range punctBytes {
		if f.next[k] < i || f.from[k] > i {
			f.from[k], f.next[k] = i, len(f.text)
			if i < len(f.text) {
				if j := strings.IndexByte(f.text[i:], c); j >= 0 {
					f.next[k] = i + j
				}
			}
		}
		best = min(best, f.next[k])
	}
	if best == len(f.text) {
		return -1
	}
	return best
}

// plainByte marks the ASCII bytes that are neither white space nor one of
// ".!?": inside a word, punktTokens only steps over them.
var plainByte = func() (set [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		set[c] = !asciiSpace[c] && c != '.' && c != '!' && c != '?'
	}
	return set
}()

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// punktAnnotate sets the annotations of toks, tokens of text, as the
// library's annotations do for a tokenizer over the model st (the English
// tokenizer, with its sentence enders and multi-period abbreviations, for
// an English model).
func punktAnnotate(st *punktModel, text string, toks []ptoken) {
	english := st.english
	var b1, b2, b3 [64]byte
	for i := range toks {
		if toks[i].punct {
			typeAnnotation(st, english, text[toks[i].start:toks[i].end], &toks[i], b1[:0])
		}
	}
	for i := range toks {
		if i+1 == len(toks) {
			break // the last token pairs with nothing: no annotation
		}
		one, two := &toks[i], &toks[i+1]
		tokOne, tokTwo := text[one.start:one.end], text[two.start:two.end]
		if !strings.HasSuffix(tokOne, ".") {
			continue
		}
		typ := typeNoPeriod(b1[:0], tokOne)
		nextTyp := typeNoSentPeriod(b2[:0], tokTwo, two.sentBreak)
		initial := isInitial(tokOne)
		coll := append(append(append(b3[:0], typ...), ','), nextTyp...)
		if st.colloc.has(coll) {
			one.sentBreak, one.abbr = false, true
			continue
		}
		if (one.abbr || strings.HasSuffix(tokOne, "..")) && !initial {
			if orthoHeuristic(st, tokTwo, nextTyp) == 1 {
				one.sentBreak = true
				continue
			}
			if firstUpper(tokTwo) && st.starters.has(nextTyp) {
				one.sentBreak = true
				continue
			}
		}
		if tokOne == "." && tokTwo == "." {
			one.sentBreak, two.sentBreak = false, false
			continue
		}
		if initial || string(typ) == "##number##" {
			h := orthoHeuristic(st, tokTwo, nextTyp)
			if h == 0 {
				one.sentBreak, one.abbr = false, true
				continue
			}
			if h == -1 && initial && firstUpper(tokTwo) && st.ortho.get(nextTyp)&orthoLc == 0 {
				one.sentBreak, one.abbr = false, true
				continue
			}
		}
	}
	if !english {
		return
	}
	for i := 0; i+1 < len(toks); i++ {
		one, two := &toks[i], &toks[i+1]
		tokOne, tokTwo := text[one.start:one.end], text[two.start:two.end]
		if !hasMultiPeriodAbbr(tokOne) || isInitial(tokOne) {
			continue
		}
		one.abbr, one.sentBreak = true, false
		nextTyp := typeNoSentPeriod(b2[:0], tokTwo, two.sentBreak)
		if orthoHeuristic(st, tokTwo, nextTyp) == 1 {
			one.sentBreak = true
			continue
		}
		if firstUpper(tokTwo) && st.starters.has(nextTyp) {
			one.sentBreak = true
		}
	}
}

// Orthographic contexts of the library (ortho.go).
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoUc    = orthoBegUc + orthoMidUc + orthoUnkUc
	orthoLc    = orthoBegLc + orthoMidLc + orthoUnkLc
)

// typeAnnotation is TypeBasedAnnotation.typeAnnotation.
func typeAnnotation(st *punktModel, english bool, tok string, t *ptoken, buf []byte) {
	if hasSentEndChars(tok, english) {
		t.sentBreak = true
		return
	}
	if !strings.HasSuffix(tok, ".") || strings.HasSuffix(tok, "..") {
		return
	}
	noPeriod := appendLower(buf, tok[:utf8.RuneCountInString(tok)-1])
	last := noPeriod
	for i := len(noPeriod) - 1; i >= 0; i-- {
		if noPeriod[i] == '-' {
			last = noPeriod[i+1:]
			break
		}
	}
	if st.abbrev.has(noPeriod) || st.abbrev.has(last) {
		t.abbr = true
	} else {
		t.sentBreak = true
	}
}

// hasSentEndChars is HasSentEndChars of DefaultWordTokenizer, or of the
// English WordTokenizer, which also takes curly quotes after "." and "?".
func hasSentEndChars(tok string, english bool) bool {
	if k := len(tok); k > 0 {
		switch tok[k-1] {
		case '?', '!':
			return true
		case '"', '\'', ')':
			if k >= 2 && (tok[k-2] == '.' || tok[k-2] == '?' || tok[k-2] == '!') {
				return true
			}
		}
	}
	if strings.HasSuffix(tok, "!’") || strings.HasSuffix(tok, "!”") {
		return true
	}
	if english && (strings.HasSuffix(tok, ".’") || strings.HasSuffix(tok, ".”") ||
		strings.HasSuffix(tok, "?’") || strings.HasSuffix(tok, "?”")) {
		return true
	}
	// ".[", ".(", ".\"", ".'", "?[", "?(", "![", "!(" anywhere: one test
	// of a table for each byte that is none of ".?!", most bytes.
	// TestHasSentEndChars holds it to those pairs.
	for i := 0; i+1 < len(tok); i++ {
		if !sentPunct[tok[i]] {
			continue
		}
		if c := tok[i+1]; c == '[' || c == '(' || tok[i] == '.' && (c == '"' || c == '\'') {
			return true
		}
	}
	return false
}

// sentPunct marks '.', '!' and '?'.
var sentPunct = [256]bool{'.': true, '!': true, '?': true}

// appendLower appends strings.ToLower(s) to buf: ASCII byte by byte, other
// runes as strings.Map(unicode.ToLower) does, an invalid byte as U+FFFD.
func appendLower(buf []byte, s string) []byte {
	// Eight ASCII bytes at a time while they last, their upper-case
	// letters lowered by setting bit 5 (upperASCII): most of a long token
	// in one append per word, not one per byte. TestAppendLower holds it
	// and the byte loop below to strings.ToLower.
	if len(s) >= 4 && len(s) < 8 {
		// A short token (most are) as its first and its last four bytes,
		// written the same way, overlapping.
		x, y := uint64(load32(s[:4])), uint64(load32(s[len(s)-4:]))
		if (x|y)&0x80808080 == 0 {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(x|upperASCII(x)))
			buf = buf[:len(buf)-(8-len(s))]
			return binary.LittleEndian.AppendUint32(buf, uint32(y|upperASCII(y)))
		}
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load64(s, i)
		if x&0x8080808080808080 != 0 {
			break
		}
		buf = binary.LittleEndian.AppendUint64(buf, x|upperASCII(x))
	}
	if i > 0 && i < len(s) && i+8 > len(s) {
		// The last few bytes as the last eight, which overlap the bytes
		// written last and lower them again to the same.
		if x := swar.Load64(s, len(s)-8); x&0x8080808080808080 == 0 {
			buf = buf[:len(buf)-(i-(len(s)-8))]
			return binary.LittleEndian.AppendUint64(buf, x|upperASCII(x))
		}
	}
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = utf8.AppendRune(buf, utf8.RuneError)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

// load32 reads the four bytes of s, little-endian (one load).
func load32(s string) uint32 {
	s = s[:4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// upperASCII returns bit 5 set in each of the eight bytes of x, all
// ASCII, that is an upper-case letter 'A'..'Z': adding 0x3F sets bit 7 of
// a byte from 'A' on, adding 0x25 from '[' on, and no sum carries out of
// its byte.
func upperASCII(x uint64) uint64 {
	return ((x + 0x3F3F3F3F3F3F3F3F) &^ (x + 0x2525252525252525) & 0x8080808080808080) >> 2
}

// appendType appends DefaultWordTokenizer.Type of tok to buf: lower case,
// a final number (the regular expression -?[\.,]?\d[\d,\.-]*\.?$) replaced
// by "##number##", commas dropped unless the type is one byte long.
func appendType(buf []byte, tok string) []byte {
	n0 := len(buf)
	buf = appendLower(buf, tok)
	// A match lies inside the longest suffix of "0-9,.-" bytes and starts
	// at its first position that reads -?[.,]?\d.
	k := len(buf)
	for k > n0 && isNumByte(buf[k-1]) {
		k--
	}
	for p := k; p < len(buf); p++ {
		q := p
		if buf[q] == '-' {
			q++
		}
		if q < len(buf) && (buf[q] == '.' || buf[q] == ',') {
			q++
		}
		if q < len(buf) && '0' <= buf[q] && buf[q] <= '9' {
			buf = append(buf[:p], "##number##"...)
			break
		}
	}
	if len(buf)-n0 == 1 {
		return buf
	}
	// Most types hold no comma: found by IndexByte, not copied byte by
	// byte onto themselves.
	c := bytes.IndexByte(buf[n0:], ',')
	if c < 0 {
		return buf
	}
	w := n0 + c
	for i := w; i < len(buf); i++ {
		if buf[i] != ',' {
			buf[w] = buf[i]
			w++
		}
	}
	return buf[:w]
}

func isNumByte(c byte) bool {
	return '0' <= c && c <= '9' || c == ',' || c == '.' || c == '-'
}

// typeNoPeriod is TypeNoPeriod: the type without a final period.
func typeNoPeriod(buf []byte, tok string) []byte {
	typ := appendType(buf, tok)
	if len(typ) > 1 && typ[len(typ)-1] == '.' {
		return typ[:len(typ)-1]
	}
	return typ
}

// typeNoSentPeriod is TypeNoSentPeriod of a token marked sentBreak or not.
func typeNoSentPeriod(buf []byte, tok string, sentBreak bool) []byte {
	if sentBreak {
		return typeNoPeriod(buf, tok)
	}
	return appendType(buf, tok)
}

// isInitial is the library's ^[A-Za-z]\.$.
func isInitial(tok string) bool {
	return len(tok) == 2 && tok[1] == '.' && ('a' <= tok[0]|0x20 && tok[0]|0x20 <= 'z')
}

// hasMultiPeriodAbbr reports whether the English ((?:[\w]\.)+[\w]*\.)
// matches somewhere in tok: every match starts with a word byte, a period,
// word bytes and a period, and that is a match.
func hasMultiPeriodAbbr(tok string) bool {
	for i := 0; i+3 <= len(tok); i++ {
		if !isWordByte(tok[i]) || tok[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(tok) && isWordByte(tok[j]) {
			j++
		}
		if j < len(tok) && tok[j] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// orthoHeuristic is OrthoContext.Heuristic of the token tok whose
// TypeNoSentPeriod is typ: 1 when it starts a sentence, 0 when it does
// not, -1 when the model cannot tell.
func orthoHeuristic(st *punktModel, tok string, typ []byte) int {
	if len(tok) == 1 && strings.IndexByte(";:,.!?", tok[0]) >= 0 {
		return 0
	}
	ctx := st.ortho.get(typ)
	if firstUpper(tok) && ctx&orthoLc > 0 && ctx&orthoMidUc == 0 {
		return 1
	}
	if firstLower(tok) && (ctx&orthoUc > 0 || ctx&orthoBegLc == 0) {
		return 0
	}
	return -1
}

func firstUpper(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsUpper(r)
}

func firstLower(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return tok != "" && unicode.IsLower(r)
}
