package langid

import (
	"bytes"
	"embed"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/internal/swar"
)

// wordData holds the function-word lists: data/LANG.txt, one lower-case word
// a line, connector phrases on lines with a space, "#" starts a comment.
// data/LANG_loanwords.txt lists words of foreign spelling that are
// established in LANG.
//
//go:embed data/*.txt
var wordData embed.FS

// lexicon is the function-word evidence for the configured languages.
type lexicon struct {
	langs []string
	// words maps a lower-case word to the index in langs of the only
	// configured language it is a function word of; shared words are
	// dropped because they are no evidence.
	words map[string]int
	// connectors maps a language index to the clause-opening phrases of
	// that language ("sin embargo"), split into words.
	connectors [][][]string
	// loanwords maps a language index to the foreign-spelled words that
	// language has adopted.
	loanwords []map[string]bool
	// hasList records which languages ship a word list at all.
	hasList []bool
	// table is words for the keys of up to 16 bytes, as an
	// open-addressing table of zero-padded keys: the lookup of every word
	// of every document ([Detector.Words]).
	table wordTable
	// connectorStarts holds the first word of every connector phrase:
	// a sentence that opens with none of them and with no exclusive
	// function word has no connector run, and connector stops there.
	connectorStarts wordTable
}

// wordTable maps lower-case words to a small value (a language index); see
// lexicon.table. A key of up to 16 bytes is stored zero-padded in its
// slot, so a probe compares two machine words within one cache line, and
// the table (1,024 slots for ~300 words) stays within 17 KB; longer keys
// are in a map.
type wordTable struct {
	shift uint        // 64 minus the bits of the slot index
	keys  [][2]uint64 // the key's bytes, little-endian, zero-padded
	vals  []int8      // -1 marks an empty slot
	long  map[string]int
}

// newWordTable holds the keys of words in a table at most a third full, so
// that a probe rarely goes past its first slot.
func newWordTable(words map[string]int) wordTable {
	bits := uint(4)
	for 1<<bits < 3*len(words) {
		bits++
	}
	t := wordTable{shift: 64 - bits, keys: make([][2]uint64, 1<<bits), vals: make([]int8, 1<<bits), long: map[string]int{}}
	for j := range t.vals {
		t.vals[j] = -1
	}
	mask := uint64(1)<<bits - 1
	for w, i := range words {
		if w == "" {
			continue
		}
		// A padded key must not end in zeros of its own.
		if len(w) > 16 || strings.IndexByte(w, 0) >= 0 {
			t.long[w] = i
			continue
		}
		var buf [16]byte
		copy(buf[:], w)
		lo, hi := binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
		for j := t.slot(lo, hi); ; j = (j + 1) & mask {
			if t.vals[j] < 0 {
				t.keys[j], t.vals[j] = [2]uint64{lo, hi}, int8(i)
				break
			}
		}
	}
	return t
}

// slot is the first slot to probe for the zero-padded key lo, hi.
func (t *wordTable) slot(lo, hi uint64) uint64 {
	return ((lo ^ hi*0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the value of the word whose bytes, zero-padded to 16 and
// read little-endian, are lo and hi (no zero byte of its own), or -1.
func (t *wordTable) get(lo, hi uint64) int {
	mask := uint64(len(t.vals) - 1)
	for j := t.slot(lo, hi); ; j = (j + 1) & mask {
		if t.vals[j] < 0 {
			return -1
		}
		if k := &t.keys[j]; k[0] == lo && k[1] == hi {
			return int(t.vals[j])
		}
	}
}

// getBuf is get of the zero-padded word in buf.
func (t *wordTable) getBuf(buf *[16]byte) int {
	return t.get(binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:]))
}

// lookup returns the value of strings.ToLower(word), or -1. Words of up to
// 16 bytes of ASCII and Latin-1 letters (lowerKey) are lowered into a
// stack buffer and probed; others are lowered rune by rune.
func (t *wordTable) lookup(word string) int {
	if len(word) <= 16 {
		var buf [16]byte
		if lowerKey(&buf, word) {
			return t.getBuf(&buf)
		}
	} else if swar.ASCII(word) {
		// ToLower keeps the length of ASCII: only a long key can match.
		if len(t.long) == 0 {
			return -1
		}
		if i, ok := t.long[strings.ToLower(word)]; ok {
			return i
		}
		return -1
	}
	// strings.ToLower of a non-ASCII word is Map(unicode.ToLower): the
	// same runes, lowered into a stack buffer (it grows only for long words).
	var big [64]byte
	lw := big[:0]
	for _, r := range word {
		lw = utf8.AppendRune(lw, unicode.ToLower(r))
	}
	if len(lw) > 16 || bytes.IndexByte(lw, 0) >= 0 {
		if i, ok := t.long[string(lw)]; ok {
			return i
		}
		return -1
	}
	var buf [16]byte
	copy(buf[:], lw)
	return t.getBuf(&buf)
}

// lowerKey writes strings.ToLower(word) into buf, which must be zero, for
// a word of at most 16 bytes that holds only ASCII bytes other than zero
// and two-byte runes U+00C0-U+00FF, whose lower case is one byte pair too
// (U+00C0-U+00DE but U+00D7 add 0x20 to the second byte); it returns false
// for any other word, which buf then does not hold.
func lowerKey(buf *[16]byte, word string) bool {
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return false
			}
			buf[i] = lowerASCII(c)
			continue
		}
		if c != 0xC3 || i+1 == len(word) {
			return false
		}
		buf[i], buf[i+1] = 0xC3, lowerC3(word[i+1])
		if buf[i+1] == 0 {
			return false
		}
		i++
	}
	return true
}

// lowerC3 returns the second byte of the lower case of the rune 0xC3 c
// (U+00C0-U+00FF), or 0 when c does not continue a rune.
func lowerC3(c byte) byte {
	switch {
	case c < 0x80 || c > 0xBF:
		return 0
	case c <= 0x9E && c != 0x97:
		return c + 0x20
	}
	return c
}

func newLexicon(langs []string) *lexicon {
	lx := &lexicon{
		langs:      langs,
		words:      map[string]int{},
		connectors: make([][][]string, len(langs)),
		loanwords:  make([]map[string]bool, len(langs)),
		hasList:    make([]bool, len(langs)),
	}
	shared := map[string]bool{}
	for i, lang := range langs {
		lx.loanwords[i] = map[string]bool{}
		for _, w := range readList("data/" + lang + "_loanwords.txt") {
			lx.loanwords[i][w] = true
		}
		list := readList("data/" + lang + ".txt")
		lx.hasList[i] = len(list) > 0
		seen := map[string]bool{}
		for _, w := range list {
			if strings.Contains(w, " ") {
				lx.connectors[i] = append(lx.connectors[i], strings.Fields(w))
				continue
			}
			if seen[w] {
				continue
			}
			seen[w] = true
			if prev, ok := lx.words[w]; ok && prev != i {
				shared[w] = true
				continue
			}
			lx.words[w] = i
		}
	}
	for w := range shared {
		delete(lx.words, w)
	}
	lx.index()
	return lx
}

// index builds the lookup structures derived from words and connectors.
func (lx *lexicon) index() {
	lx.table = newWordTable(lx.words)
	starts := map[string]int{}
	for _, phrases := range lx.connectors {
		for _, words := range phrases {
			starts[words[0]] = 0
		}
	}
	lx.connectorStarts = newWordTable(starts)
}

// readList returns the entries of an embedded list, or nil when the file
// does not exist (a configured language without a list).
func readList(name string) []string {
	b, err := wordData.ReadFile(name)
	if err != nil {
		return nil
	}
	var out []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ToLower(line))
	}
	return out
}

// count adds to counts, per language index, the exclusive function words in
// text, and returns the number of words in text.
func (lx *lexicon) count(text string, counts []int) (words int) {
	forEachWord(text, func(start, end int) {
		words++
		if i := lx.lang(text[start:end]); i >= 0 {
			counts[i]++
		}
	})
	return words
}

// Words are the words of a text and the language of each exclusive
// function word among them, found once ([Detector.Words]) for the
// document decision and again for every sentence.
type Words struct {
	text  string
	lx    *lexicon
	words []wordSpan // in text order
	// totals are the counts per language index of the whole text, for
	// the document decision.
	totals []int
}

// wordSpan is one word of [Words]: text[start:end] and its language index,
// or -1.
type wordSpan struct {
	start, end int32
	lang       int8
}

// Words finds the words of text and its exclusive function words. The
// caller may hand the result back with [Words.Release] once done with it
// (and with nothing it returned), so that the next document reuses its
// memory: the word list is two bytes per byte of text.
func (d *Detector) Words(text string) *Words {
	w, _ := wordsPool.Get().(*Words)
	if w == nil {
		w = &Words{}
	}
	w.text, w.lx = text, d.lex
	if len(text) > math.MaxInt32 {
		w.words, w.totals = nil, nil
		return w // count falls back to the lexicon
	}
	if n := len(text)/6 + 1; cap(w.words) < n { // about one word per six bytes of news
		w.words = make([]wordSpan, 0, n)
	}
	w.words = d.lex.appendWords(w.words[:0], text)
	if cap(w.totals) < len(d.langs) {
		w.totals = make([]int, len(d.langs))
	}
	w.totals = w.totals[:len(d.langs)]
	clear(w.totals)
	for _, ws := range w.words {
		if ws.lang >= 0 {
			w.totals[ws.lang]++
		}
	}
	return w
}

// wordsPool holds released [Words] for the next document.
var wordsPool sync.Pool

// maxPooledWords bounds the word list a released [Words] keeps (12 bytes
// a word): a huge document's list is left to the collector.
const maxPooledWords = 1 << 16

// Release hands w back for reuse by a later [Detector.Words]: neither w
// nor anything else may use it afterwards. Calling it is optional.
func (w *Words) Release() {
	if w == nil {
		return
	}
	w.text, w.lx = "", nil
	if cap(w.words) > maxPooledWords {
		w.words = nil
	}
	wordsPool.Put(w)
}

// appendWords appends the words of text (nextWord) and their languages
// (lang) to out, in one pass over text: appendASCIIWords reads most words
// of news in de, es and en; every other word (a non-ASCII letter, 16 bytes
// or more, near the end of text) goes to nextWordLang.
// TestWordsScanMatchesLang and TestWordsScanRandom hold this to nextWord
// and lang.
func (lx *lexicon) appendWords(out []wordSpan, text string) []wordSpan {
	for i := 0; ; {
		if len(out) == cap(out) {
			out = slices.Grow(out, len(out)/4+16)
		}
		if out, i = lx.appendASCIIWords(out, text, i); i >= len(text) {
			return out
		}
		if len(out) == cap(out) {
			continue
		}
		s, e, lang := lx.nextWordLang(text, i)
		if s == e {
			return out
		}
		out = append(out, wordSpan{int32(s), int32(e), int8(lang)})
		i = e
	}
}

// appendASCIIWords appends the words from text[i:] on, up to the capacity
// of out, while they are words of ASCII letters shorter than 16 bytes
// separated by ASCII bytes, and returns where it stopped: at the end of
// text, at a non-ASCII byte between words, or at the start of a word it
// does not read. Such a word ends where nonLetters says, the bytes
// loaded for that are its key (bit 5 set lowers an ASCII letter), and its
// probe of the table (t.get) is written out here: the loop calls no
// function, which would make every value it keeps in a register go to
// memory and back for every word.
func (lx *lexicon) appendASCIIWords(out []wordSpan, text string, i int) ([]wordSpan, int) {
	const bit5 = 0x2020202020202020
	// The table's fields in locals, its keys as long as its values (one
	// bounds check for both) and its shift below 64 (no test of a shift
	// by 64), the words written at k of out at its capacity, and the 16
	// bytes from a word's start sliced once: few bounds checks and values
	// the loop keeps in registers.
	vals := lx.table.vals
	keys := lx.table.keys[:len(vals)]
	mask := uint64(len(vals) - 1)
	shift := lx.table.shift & 63
	buf := out[:cap(out)]
	k := len(out)
	last := len(text) - 16 // the last start of a word read here
	for ; k < len(buf); k++ {
		// Most gaps are a space or two.
		for i <= last && nonLetterASCII[text[i]] {
			i++
		}
		if i > last || text[i] >= utf8.RuneSelf {
			break
		}
		// stop marks (bit 7) the bytes that are no ASCII letters; its
		// lowest bit, shifted to bit 0 of its byte, less one, masks the
		// letters before it, and that byte of the loaded word has bit 7
		// clear if it is ASCII. text[i] is a letter: the first word
		// holds at least one.
		w := text[i : i+16]
		var lo, hi uint64
		var end int
		x := swar.Load64(w, 0)
		if stop := nonLetters(x); stop != 0 {
			first := stop & -stop
			if x&first != 0 {
				break
			}
			end, lo = i+bits.TrailingZeros64(stop)>>3, (x|bit5)&(first>>7-1)
		} else {
			y := swar.Load64(w, 8)
			stop := nonLetters(y)
			first := stop & -stop
			if stop == 0 || y&first != 0 {
				break
			}
			// A stop at the first byte of y masks nothing: hi is zero,
			// the key of eight bytes.
			end, lo, hi = i+8+bits.TrailingZeros64(stop)>>3, x|bit5, (y|bit5)&(first>>7-1)
		}
		lang := int8(-1)
		for j := ((lo ^ hi*0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15) >> shift & mask; vals[j] >= 0; j = (j + 1) & mask {
			if key := &keys[j]; key[0] == lo && key[1] == hi {
				lang = vals[j]
				break
			}
		}
		buf[k] = wordSpan{int32(i), int32(end), lang}
		i = end + 1 // text[end] is an ASCII byte and no letter
	}
	return buf[:k], i
}

// nonLetters returns bit 7 set in each of the eight bytes of x that is
// no ASCII letter, clear in the others: the complement of the letters of
// [swar.LetterRun], whose lowest set bit is its stop.
func nonLetters(x uint64) uint64 {
	const (
		high = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
	)
	t := (x | 0x2020202020202020) & low7
	return ^((t + 0x1F1F1F1F1F1F1F1F) &^ (t + 0x0505050505050505) &^ x) & high
}

// nonLetterASCII marks the ASCII bytes that are no letters.
var nonLetterASCII = func() (set [256]bool) {
	for c := range utf8.RuneSelf {
		set[c] = !asciiLetter[c]
	}
	return set
}()

// nextWordLang is nextWord that also returns lang of the word: it finds
// the end of a run of ASCII letters eight bytes at a time and reads the
// lower case of a word of up to 16 bytes of ASCII and Latin-1 letters as
// two machine words (lowerLetters),
// so that most words of news in de, es and en are read once and looked up
// without a loop over their bytes. TestWordsScanMatchesLang holds it to
// nextWord and lang.
func (lx *lexicon) nextWordLang(text string, i int) (start, end, lang int) {
	i = letterFrom(text, i)
	start = i
	ascii, keyed := true, true // keyed: every rune has a one-pair lower case
	for {
		for i+8 <= len(text) {
			k := swar.LetterRun(swar.Load64(text, i))
			i += k
			if k < 8 {
				break
			}
		}
		for i < len(text) && text[i] < utf8.RuneSelf && asciiLetter[text[i]] {
			i++
		}
		if i == len(text) || text[i] < utf8.RuneSelf {
			break
		}
		if text[i] == 0xC3 && i+1 < len(text) && latin1Letter(text[i+1]) {
			ascii = false
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			break
		}
		ascii, keyed = false, false
		i += size
	}
	n := i - start
	switch {
	case n == 0:
		return start, i, -1
	case n > 16 || !keyed:
		return start, i, lx.lang(text[start:i])
	}
	var lo, hi uint64
	if start+16 <= len(text) {
		lo, hi = swar.Load64(text, start), swar.Load64(text, start+8)
	} else {
		var buf [16]byte
		copy(buf[:], text[start:i])
		lo, hi = binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
	}
	if ascii {
		// Setting bit 5 lowers an ASCII letter.
		const bit5 = 0x2020202020202020
		lo, hi = lo|bit5, hi|bit5
	} else {
		lo, hi = lowerLetters(lo), lowerLetters(hi)
	}
	if n <= 8 {
		return start, i, lx.table.get(lo&(^uint64(0)>>(64-8*n)), 0)
	}
	return start, i, lx.table.get(lo, hi&(^uint64(0)>>(128-8*n)))
}

// lowerLetters returns the lower case of the eight bytes of x (little-endian),
// parts of a word of ASCII letters and two-byte runes 0xC3 c where
// latin1Letter(c): setting bit 5 lowers an ASCII letter and the second byte
// of a capital (c in 0x80-0x9E), and leaves a lower-case one as it is; it
// is kept clear in the first byte 0xC3 and in the second byte 0x9F of "ß".
func lowerLetters(x uint64) uint64 {
	const bit5 = 0x2020202020202020
	keep := swar.ZeroBytes(x^0xC3C3C3C3C3C3C3C3) | swar.ZeroBytes(x^0x9F9F9F9F9F9F9F9F)
	return x | bit5&^(keep>>2)
}

// latin1Letter reports whether the rune 0xC3 c is a letter: U+00C0-U+00FF
// but the multiplication and division signs.
func latin1Letter(c byte) bool {
	return 0x80 <= c && c <= 0xBF && c != 0x97 && c != 0xB7
}

// count is [lexicon.count] of text[start:end]: it adds the exclusive
// function words there to counts and returns the number of words. A
// span that cuts a word, whose part would be a word of its own, is
// counted afresh.
func (w *Words) count(start, end int, counts []int) int {
	c := wordCursor{w: w}
	return c.count(start, end, counts)
}

// wordCursor is count for spans that come in text order, as the sentences
// of SegmentsWords do: next, the first word after the span counted last,
// is most often the first word of the next span, found without a search.
type wordCursor struct {
	w    *Words
	next int
}

// count is [Words.count].
func (c *wordCursor) count(start, end int, counts []int) int {
	w := c.w
	if len(w.text) > math.MaxInt32 {
		return w.lx.count(w.text[start:end], counts)
	}
	if start == 0 && end == len(w.text) {
		for i, c := range w.totals {
			counts[i] += c
		}
		return len(w.words)
	}
	// The first word that ends after start, and the first that ends after
	// end: the words between them lie in the span unless one is cut. The
	// second is found while counting the words from the first on, into
	// acc (at lang+1, so that a word of no language needs no test), which
	// counts takes only if no word is cut.
	var acc [16]int
	if len(counts) > 8 {
		return w.lx.count(w.text[start:end], counts)
	}
	ws := w.words
	a := c.next
	if a > len(ws) || a < len(ws) && int(ws[a].end) <= start || a > 0 && int(ws[a-1].end) > start {
		a = w.endsAfter(start)
	}
	b := a + countUntil(ws[a:], end, &acc)
	c.next = b
	if a < len(ws) && ws[a].start < int32(start) && ws[a].end > int32(start) ||
		b < len(ws) && ws[b].start < int32(end) {
		return w.lx.count(w.text[start:end], counts)
	}
	for i := range counts {
		counts[i] += acc[i+1]
	}
	return b - a
}

// countUntil counts the words of ws up to the first that ends after end
// into acc at their lang+1 and returns their number: a loop of its own,
// in registers, apart from count's slow paths (inlined, it shared their
// registers and kept its index in memory).
//
//go:noinline
func countUntil(ws []wordSpan, end int, acc *[16]int) int {
	for i, x := range ws {
		if int(x.end) > end {
			return i
		}
		acc[uint8(x.lang+1)&15]++
	}
	return len(ws)
}

// endsAfter returns the index of the first word that ends after off.
func (w *Words) endsAfter(off int) int {
	lo, hi := 0, len(w.words)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(w.words[m].end) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// lang returns the language index of word if it is an exclusive function
// word, else -1.
func (lx *lexicon) lang(word string) int { return lx.table.lookup(word) }

// connectorStartAndLang is isConnectorStart and lang of word, lowering
// the word once for both tables when lowerKey can.
func (lx *lexicon) connectorStartAndLang(word string) (start bool, lang int) {
	if len(word) <= 16 {
		var buf [16]byte
		if lowerKey(&buf, word) {
			return lx.connectorStarts.getBuf(&buf) >= 0, lx.table.getBuf(&buf)
		}
	}
	return lx.isConnectorStart(word), lx.lang(word)
}

// isConnectorStart reports whether strings.ToLower(word) is the first word
// of a connector phrase.
func (lx *lexicon) isConnectorStart(word string) bool {
	return lx.connectorStarts.lookup(word) >= 0
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLower reports whether strings.ToLower(word) == lw, without
// building the lower-case copy for ASCII words.
func equalLower(word, lw string) bool {
	if len(word) != len(lw) {
		// An ASCII word keeps its length in lower case.
		if swar.ASCII(word) {
			return false
		}
		return strings.ToLower(word) == lw
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(word) == lw
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lw[i] {
			// The rest may hold non-ASCII runes, but an ASCII byte that
			// differs stays different: ToLower maps ASCII to ASCII.
			return false
		}
	}
	return true
}

// forEachWord calls fn with the byte range of every maximal run of letters
// in text.
func forEachWord(text string, fn func(start, end int)) {
	for i := 0; ; {
		start, end := nextWord(text, i)
		if start == end {
			return
		}
		fn(start, end)
		i = end
	}
}

// letterFrom returns the offset of the first letter of text from i on, or
// len(text): where nextWord and nextWordLang start a word. A Latin-1
// letter (0xC3 and its second byte) is known without decoding the rune.
func letterFrom(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiLetter[c] {
				return i
			}
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(text) && latin1Letter(text[i+1]) {
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isLetter(r) {
			return i
		}
		i += size
	}
	return i
}

// nextWord returns the first maximal run of letters (unicode.IsLetter or
// a non-spacing mark) in text at or after byte i; start == end ==
// len(text) when there is none. ASCII bytes are classified by a table:
// this runs over every byte of every document.
func nextWord(text string, i int) (start, end int) {
	i = letterFrom(text, i)
	start = i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiLetter[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			break
		}
		i += size
	}
	return start, i
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (set [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		set[c], set[c-'a'+'A'] = true, true
	}
	return set
}()

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// lower is strings.ToLower without an allocation for words already in lower
// case, which most words of running text are.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// isLoanword reports whether w (lower case) is an established loanword of
// language li, inflected with a final "s", or a compound that starts with
// one ("cybersicherheit", "serviceleistung"): German builds compounds on
// loanwords freely.
func (lx *lexicon) isLoanword(li int, w string) bool {
	lw := lx.loanwords[li]
	if lw[w] || lw[strings.TrimSuffix(w, "s")] {
		return true
	}
	for n := 4; n < len(w)-2; n++ {
		if lw[w[:n]] {
			return true
		}
	}
	return false
}
