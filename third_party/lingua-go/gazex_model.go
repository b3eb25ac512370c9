// Gazex's compact language models (see GAZEX.md): not part of upstream
// lingua-go.

package lingua

import (
	"fmt"
	"math"
	"math/bits"
	"sync"
)

//go:generate go run ./internal/linguagen

// A packed n-gram is an n-gram of at most maxNgramLength runes as an
// integer: rune i's code (its place in language-models/alphabet.txt, plus
// one) in bits 8i to 8i+7. The prefix of length l is the packed n-gram
// masked with prefixMask[l]. A rune that is in no model has code 0, so an
// n-gram holding it is in no model either.
const codeBits = 8

var prefixMask = [maxNgramLength + 1]uint64{0, 1<<8 - 1, 1<<16 - 1, 1<<24 - 1, 1<<32 - 1, 1<<40 - 1}

const keyBits = codeBits * maxNgramLength

// runeCodes maps runes to their codes: an array for the runes below
// len(low), a map for the few others (ligatures, a fullwidth m).
type runeCodeTable struct {
	low  [0x300]uint8
	high map[rune]uint8
}

var runeCodes = sync.OnceValue(func() *runeCodeTable {
	b, err := languageModels.ReadFile("language-models/alphabet.txt")
	if err != nil {
		panic(err.Error())
	}
	t := &runeCodeTable{high: map[rune]uint8{}}
	code := 0
	for _, r := range string(b) {
		code++
		if code >= 1<<codeBits {
			panic("lingua: alphabet.txt has too many runes")
		}
		if int(r) < len(t.low) {
			t.low[r] = uint8(code)
		} else {
			t.high[r] = uint8(code)
		}
	}
	return t
})

func (t *runeCodeTable) code(r rune) uint8 {
	if r >= 0 && int(r) < len(t.low) {
		return t.low[r]
	}
	return t.high[r]
}

// compactModel is one language model of one n-gram size: open addressing
// over packed n-grams. A slot is 0 (empty) or a packed n-gram (never 0) in
// its low keyBits bits and the index of its probability in its high bits.
// It holds no pointers, so the collector never scans its ~25 MB (de, es
// and en, all sizes) as it scanned upstream's map[string]float64, and a
// look-up makes no string.
type compactModel struct {
	slots []uint64
	shift uint // 64 - log2(len(slots))
	// probabilities are the model's distinct probabilities, 8 bytes each
	// (IEEE 754, little endian) in the embedded file; logs are their
	// natural logarithms (math.Log, as upstream computes them at each
	// look-up).
	probabilities string
	logs          []float64
	// pairs, for the sizes up to pairedNgramLength, is slots with each
	// slot's logarithm beside it (slot i at 2i, the bits of its log at
	// 2i+1): a look-up reads one cache line instead of a slot and, far
	// away, its entry of logs. Those are the sizes every detection looks
	// up (a long text's trigrams); for them the logs are nearly as many as
	// the n-grams, so a probe missed the cache twice. 16 instead of 8
	// bytes a slot: +1.7 MB for de, es and en; the 4- and 5-grams (12 MB
	// of slots) stay as they are.
	pairs []uint64
}

// pairedNgramLength is the longest n-gram size with pairs.
const pairedNgramLength = 3

// le64 is binary.LittleEndian.Uint64 of s[i:] for a string.
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// probabilityAt is the probability with the index.
func (m *compactModel) probabilityAt(index uint64) float64 {
	return math.Float64frombits(le64(m.probabilities, 8*int(index)))
}

func slotOf(key uint64, shift uint) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> shift
}

// lookUp returns the log of the probability of the packed n-gram key and
// whether the model holds it. A nil model holds nothing.
func (m *compactModel) lookUp(key uint64) (logProbability float64, ok bool) {
	if m != nil && m.pairs != nil {
		return m.lookUpPaired(key)
	}
	return m.lookUpSlots(key)
}

// lookUpPaired is lookUp for a model with pairs. It and lookUpSlots are
// small enough for the compiler to inline (lookUp is not): a detection's
// loop calls them.
func (m *compactModel) lookUpPaired(key uint64) (logProbability float64, ok bool) {
	mask := uint64(len(m.slots) - 1)
	for i := slotOf(key, m.shift); ; i = (i + 1) & mask {
		s := m.pairs[2*i]
		if s == 0 {
			return 0, false
		}
		if s&prefixMask[maxNgramLength] == key {
			return math.Float64frombits(m.pairs[2*i+1]), true
		}
	}
}

// lookUpSlots is lookUp for a model without pairs (or nil).
func (m *compactModel) lookUpSlots(key uint64) (logProbability float64, ok bool) {
	if m == nil {
		return 0, false
	}
	mask := uint64(len(m.slots) - 1)
	for i := slotOf(key, m.shift); ; i = (i + 1) & mask {
		s := m.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&prefixMask[maxNgramLength] == key {
			return m.logs[s>>keyBits], true
		}
	}
}

// probability returns the probability of key, 0 if the model lacks it.
func (m *compactModel) probability(key uint64) float64 {
	if m == nil {
		return 0
	}
	mask := uint64(len(m.slots) - 1)
	for i := slotOf(key, m.shift); ; i = (i + 1) & mask {
		s := m.slots[i]
		if s == 0 {
			return 0
		}
		if s&prefixMask[maxNgramLength] == key {
			return m.probabilityAt(s >> keyBits)
		}
	}
}

// loadCompactModel reads the compact model of language for ngramLength
// (written by internal/linguagen); nil when there is none.
func loadCompactModel(language Language, ngramLength int) *compactModel {
	files := compactModelFiles[language]
	if files == nil || ngramLength < 1 || ngramLength > maxNgramLength {
		return nil
	}
	m, err := decodeCompactModel(files[ngramLength], ngramLength)
	if err != nil {
		panic(fmt.Sprintf("lingua: the %v model of %d-grams: %v", language, ngramLength, err))
	}
	return m
}

// decodeCompactModel reads a model as internal/linguagen writes it: the
// table slot by slot, so that loading is one sequential pass (no hashing,
// no probing: inserting ~340,000 n-grams into a fresh 4 MB table missed
// the cache at nearly every one). TestDecodeMatchesInsertion holds the
// table to the one that inserting the n-grams makes.
func decodeCompactModel(raw string, ngramLength int) (*compactModel, error) {
	next := func() (int, error) {
		var v uint64
		for shift := 0; shift < 35 && len(raw) > 0; shift += 7 {
			c := raw[0]
			raw = raw[1:]
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				if v > math.MaxInt32 {
					break
				}
				return int(v), nil
			}
		}
		return 0, fmt.Errorf("bad uvarint")
	}
	var header [4]int
	for i := range header {
		v, err := next()
		if err != nil {
			return nil, err
		}
		header[i] = v
	}
	length, numSets, total, log2Size := header[0], header[1], header[2], header[3]
	if length != ngramLength {
		return nil, fmt.Errorf("n-gram length %d, want %d", length, ngramLength)
	}
	if numSets == 0 || numSets >= 1<<(64-keyBits) {
		return nil, fmt.Errorf("%d probabilities", numSets)
	}
	if log2Size > 30 || total >= 1<<log2Size {
		return nil, fmt.Errorf("%d n-grams in 2^%d slots", total, log2Size)
	}
	size := 1 << log2Size
	bitmapBytes := (size + 63) / 64 * 8
	indexBytes := 1
	for numSets-1 >= 1<<(8*indexBytes) {
		indexBytes++
	}
	entryBytes := ngramLength + indexBytes
	if len(raw) != numSets*8+bitmapBytes+total*entryBytes {
		return nil, fmt.Errorf("%d bytes, want %d", len(raw), numSets*8+bitmapBytes+total*entryBytes)
	}
	m := &compactModel{
		probabilities: raw[:numSets*8],
		logs:          make([]float64, numSets),
		slots:         make([]uint64, size),
		shift:         uint(64 - log2Size),
	}
	for i := range m.logs {
		m.logs[i] = math.Log(m.probabilityAt(uint64(i)))
	}
	bitmap := raw[numSets*8 : numSets*8+bitmapBytes]
	entries := raw[numSets*8+bitmapBytes:]
	occupied := 0
	for w := 0; w < bitmapBytes; w += 8 {
		occupied += bits.OnesCount64(le64(bitmap, w))
	}
	if occupied != total || size < 64 && bits.Len64(le64(bitmap, 0)) > size {
		return nil, fmt.Errorf("%d occupied slots, %d n-grams", occupied, total)
	}
	// An entry is at most 8 bytes (ngramLength+indexBytes <= 5+3): read
	// it as one little-endian word while 8 bytes are left, byte by byte
	// at the end. The number of entries is checked above, their keys
	// against upstream's models by TestCompactModelsMatchUpstream; only
	// an index past the probabilities would make a look-up fail.
	keyMask := prefixMask[ngramLength]
	indexShift := uint(codeBits * ngramLength)
	indexMask := uint64(1)<<(8*indexBytes) - 1
	var maxIndex uint64
	off := 0
	for w := 0; w < bitmapBytes; w += 8 {
		word := le64(bitmap, w)
		for word != 0 {
			slot := w*8 + bits.TrailingZeros64(word)
			word &= word - 1
			var v uint64
			if off+8 <= len(entries) {
				v = le64(entries, off)
			} else {
				for i := range entryBytes {
					v |= uint64(entries[off+i]) << (8 * i)
				}
			}
			off += entryBytes
			index := v >> indexShift & indexMask
			maxIndex = max(maxIndex, index)
			m.slots[slot] = v&keyMask | index<<keyBits
		}
	}
	if maxIndex >= uint64(numSets) {
		return nil, fmt.Errorf("probability index %d of %d", maxIndex, numSets)
	}
	if ngramLength <= pairedNgramLength {
		m.pairs = pairSlots(m.slots, m.logs)
	}
	return m, nil
}

// pairSlots returns compactModel.pairs of slots and logs.
func pairSlots(slots []uint64, logs []float64) []uint64 {
	pairs := make([]uint64, 2*len(slots))
	for i, s := range slots {
		if s != 0 {
			pairs[2*i] = s
			pairs[2*i+1] = math.Float64bits(logs[s>>keyBits])
		}
	}
	return pairs
}

// HasCompactModels reports whether this copy embeds the models of
// language: those of German, Spanish and English (gazex's default
// languages). A detector for other languages finds no n-grams of theirs;
// use upstream lingua-go for them.
func HasCompactModels(language Language) bool {
	return compactModelFiles[language] != nil
}
