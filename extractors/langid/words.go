package langid

import (
	"embed"
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
	// ascii is words for the ASCII keys, as an open-addressing table that
	// lang probes with the hash it computes while lowering the word: the
	// lookup of every function word of every document.
	ascii wordTable
	// single is words for the one-byte words ("a", "y", "I"), by byte.
	single [utf8.RuneSelf]int8
	// connectorStarts holds the first word of every connector phrase:
	// a sentence that opens with none of them and with no exclusive
	// function word has no connector run, and connector stops there.
	connectorStarts map[string]bool
}

// wordTable maps lower-case ASCII words to a language index; see
// lexicon.ascii.
type wordTable struct {
	mask uint32
	keys []string // "" marks an empty slot
	vals []int8
}

// FNV-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// newWordTable holds the ASCII keys of words in a table at most a quarter
// full, so that a probe rarely goes past its first slot.
func newWordTable(words map[string]int) wordTable {
	size := uint32(16)
	for int(size) < 4*len(words) {
		size *= 2
	}
	t := wordTable{mask: size - 1, keys: make([]string, size), vals: make([]int8, size)}
	for w, i := range words {
		if w == "" || !isASCII(w) {
			continue
		}
		h := uint32(fnvOffset)
		for k := 0; k < len(w); k++ {
			h = (h ^ uint32(w[k])) * fnvPrime
		}
		for j := h & t.mask; ; j = (j + 1) & t.mask {
			if t.keys[j] == "" {
				t.keys[j], t.vals[j] = w, int8(i)
				break
			}
		}
	}
	return t
}

// get returns the language index of key, whose FNV-1a hash is h, or -1.
func (t *wordTable) get(key []byte, h uint32) int {
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		k := t.keys[j]
		if k == "" {
			return -1
		}
		if k == string(key) {
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
	return lx
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
	var buf [24]byte
	if len(word) <= len(buf) {
		ascii := true
		h := uint32(fnvOffset)
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
			h = (h ^ uint32(c)) * fnvPrime
		}
		if ascii {
			return lx.ascii.get(buf[:len(word)], h)
		}
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
