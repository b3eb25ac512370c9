package langid

import (
	"embed"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// starts and ends hold the first and the last two bytes of every key
	// of words, as bit arrays: most words of running text are no function
	// words, and lang rejects them without hashing.
	starts, ends pairSet
	// ascii is words for the ASCII keys, as an open-addressing table of
	// zero-padded keys: the lookup of every function word of every
	// document.
	ascii wordTable
	// single is words for the one-byte words ("a", "y", "I"), by byte.
	single [utf8.RuneSelf]int8
	// connectorStarts holds the first word of every connector phrase:
	// a sentence that opens with none of them and with no exclusive
	// function word has no connector run, and connector stops there.
	connectorStarts map[string]bool
}

// wordTable maps lower-case ASCII words of up to 16 bytes to a language
// index; see lexicon.ascii. A key is stored zero-padded in its slot, so a
// probe compares two machine words within one cache line, and the table
// (1,024 slots for ~300 words) stays within 17 KB.
type wordTable struct {
	shift uint // 64 minus the bits of the slot index
	keys  [][16]byte
	vals  []int8 // -1 marks an empty slot
	long  map[string]int
}

// newWordTable holds the ASCII keys of words in a table at most a third
// full, so that a probe rarely goes past its first slot; longer keys, if
// any, in a map.
func newWordTable(words map[string]int) wordTable {
	bits := uint(4)
	for 1<<bits < 3*len(words) {
		bits++
	}
	t := wordTable{shift: 64 - bits, keys: make([][16]byte, 1<<bits), vals: make([]int8, 1<<bits), long: map[string]int{}}
	for j := range t.vals {
		t.vals[j] = -1
	}
	mask := uint64(1)<<bits - 1
	for w, i := range words {
		if w == "" || !isASCII(w) {
			continue
		}
		if len(w) > 16 {
			t.long[w] = i
			continue
		}
		var k [16]byte
		copy(k[:], w)
		for j := t.slot(&k); ; j = (j + 1) & mask {
			if t.vals[j] < 0 {
				t.keys[j], t.vals[j] = k, int8(i)
				break
			}
		}
	}
	return t
}

// slot is the first slot to probe for the zero-padded key k.
func (t *wordTable) slot(k *[16]byte) uint64 {
	lo := binary.LittleEndian.Uint64(k[:8])
	hi := binary.LittleEndian.Uint64(k[8:])
	return ((lo ^ hi*0xC2B2AE3D27D4EB4F) * 0x9E3779B97F4A7C15) >> t.shift
}

// get returns the language index of the lower-case ASCII word in buf[:n]
// (buf zero beyond n), or -1.
func (t *wordTable) get(buf *[16]byte) int {
	mask := uint64(len(t.vals) - 1)
	for j := t.slot(buf); ; j = (j + 1) & mask {
		if t.vals[j] < 0 {
			return -1
		}
		if t.keys[j] == *buf {
			return int(t.vals[j])
		}
	}
}

// pairSet is a set of byte pairs.
type pairSet [1 << 16 / 64]uint64

func (ps *pairSet) add(a, b byte) {
	k := uint(a)<<8 | uint(b)
	ps[k/64] |= 1 << (k % 64)
}

func (ps *pairSet) has(a, b byte) bool {
	k := uint(a)<<8 | uint(b)
	return ps[k/64]&(1<<(k%64)) != 0
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
	lx.ascii = newWordTable(lx.words)
	for c := range lx.single {
		lx.single[c] = -1
		if i, ok := lx.words[string(lowerASCII(byte(c)))]; ok {
			lx.single[c] = int8(i)
		}
	}
	lx.connectorStarts = map[string]bool{}
	for _, phrases := range lx.connectors {
		for _, words := range phrases {
			lx.connectorStarts[words[0]] = true
		}
	}
	for w := range lx.words {
		if len(w) >= 2 {
			lx.starts.add(w[0], w[1])
			lx.ends.add(w[len(w)-2], w[len(w)-1])
		}
	}
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
	text   string
	lx     *lexicon
	starts []int32 // byte offsets of the words, in text order
	ends   []int32
	langs  []int8 // the word's language index, or -1
}

// Words finds the words of text and its exclusive function words.
func (d *Detector) Words(text string) *Words {
	w := &Words{text: text, lx: d.lex}
	if len(text) > math.MaxInt32 {
		return w // count falls back to the lexicon
	}
	n := len(text)/6 + 1 // about one word per six bytes of news
	w.starts, w.ends, w.langs = make([]int32, 0, n), make([]int32, 0, n), make([]int8, 0, n)
	for i := 0; ; {
		start, end := nextWord(text, i)
		if start == end {
			return w
		}
		w.starts = append(w.starts, int32(start))
		w.ends = append(w.ends, int32(end))
		w.langs = append(w.langs, int8(d.lex.lang(text[start:end])))
		i = end
	}
}

// count is [lexicon.count] of text[start:end]: it adds the exclusive
// function words there to counts and returns the number of words. A
// span that cuts a word, whose part would be a word of its own, is
// counted afresh.
func (w *Words) count(start, end int, counts []int) int {
	if len(w.text) > math.MaxInt32 {
		return w.lx.count(w.text[start:end], counts)
	}
	// The first word that ends after start, and the first that ends after
	// end: the words between them lie in the span unless one is cut.
	a, _ := slices.BinarySearch(w.ends, int32(start)+1)
	b, _ := slices.BinarySearch(w.ends, int32(end)+1)
	if a < len(w.starts) && w.starts[a] < int32(start) && w.ends[a] > int32(start) ||
		b < len(w.starts) && w.starts[b] < int32(end) {
		return w.lx.count(w.text[start:end], counts)
	}
	for _, l := range w.langs[a:b] {
		if l >= 0 {
			counts[l]++
		}
	}
	return b - a
}

// lang returns the language index of word if it is an exclusive function
// word, else -1. It looks capitalised ASCII words up through a buffer on
// the stack: the map index of string(bytes) does not allocate, and this
// runs for every word of every document.
func (lx *lexicon) lang(word string) int {
	// Reject by the first and last two bytes before lowering anything:
	// ToLower maps an ASCII byte to one ASCII byte, as far from either end.
	if len(word) == 1 && word[0] < utf8.RuneSelf {
		return int(lx.single[word[0]])
	}
	if n := len(word); n >= 2 {
		if a, b := word[0], word[1]; a|b < utf8.RuneSelf && !lx.starts.has(lowerASCII(a), lowerASCII(b)) {
			return -1
		}
		if y, z := word[n-2], word[n-1]; y|z < utf8.RuneSelf && !lx.ends.has(lowerASCII(y), lowerASCII(z)) {
			return -1
		}
	}
	if isASCII(word) {
		if len(word) > 16 {
			if len(lx.ascii.long) == 0 {
				return -1
			}
			if i, ok := lx.ascii.long[strings.ToLower(word)]; ok {
				return i
			}
			return -1
		}
		var buf [16]byte
		for i := 0; i < len(word); i++ {
			buf[i] = lowerASCII(word[i])
		}
		return lx.ascii.get(&buf)
	}
	// strings.ToLower of a non-ASCII word is Map(unicode.ToLower): the
	// same runes, lowered into a stack buffer (it grows only for long words).
	var big [64]byte
	lw := big[:0]
	for _, r := range word {
		lw = utf8.AppendRune(lw, unicode.ToLower(r))
	}
	if i, ok := lx.words[string(lw)]; ok {
		return i
	}
	return -1
}

// foreign reports whether word is an exclusive function word of a language
// other than the one at index doc.
func (lx *lexicon) foreign(word string, doc int) bool {
	l := lx.lang(word)
	return l >= 0 && l != doc
}

// isConnectorStart reports whether strings.ToLower(word) is the first word
// of a connector phrase, lowering an ASCII word into a stack buffer.
func (lx *lexicon) isConnectorStart(word string) bool {
	var buf [32]byte
	if len(word) > len(buf) || !isASCII(word) {
		return lx.connectorStarts[strings.ToLower(word)]
	}
	for i := 0; i < len(word); i++ {
		buf[i] = lowerASCII(word[i])
	}
	return lx.connectorStarts[string(buf[:len(word)])]
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
		if isASCII(word) {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
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

// nextWord returns the first maximal run of letters (unicode.IsLetter or
// a non-spacing mark) in text at or after byte i; start == end ==
// len(text) when there is none. ASCII bytes are classified by a table:
// this runs over every byte of every document.
func nextWord(text string, i int) (start, end int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiLetter[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isLetter(r) {
			break
		}
		i += size
	}
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
