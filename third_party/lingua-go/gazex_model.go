// Gazex's compact language models (see GAZEX.md): not part of upstream
// lingua-go.

package lingua

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"strings"
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
	// probabilities and logs are the model's distinct probabilities and
	// their natural logarithms (math.Log, as upstream computes them at
	// each look-up).
	probabilities []float64
	logs          []float64
}

func slotOf(key uint64, shift uint) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> shift
}

// lookUp returns the log of the probability of the packed n-gram key and
// whether the model holds it. A nil model holds nothing.
func (m *compactModel) lookUp(key uint64) (logProbability float64, ok bool) {
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
			return m.probabilities[s>>keyBits]
		}
	}
}

// loadCompactModel reads the compact model of language for ngramLength
// (written by internal/linguagen); nil when there is none.
func loadCompactModel(language Language, ngramLength int) *compactModel {
	isoCode := strings.ToLower(language.IsoCode639_1().String())
	path := fmt.Sprintf("language-models/%s/%ss.bin", isoCode, getNgramNameByLength(ngramLength))
	raw, err := languageModels.ReadFile(path)
	if err != nil {
		return nil
	}
	m, err := decodeCompactModel(raw, ngramLength)
	if err != nil {
		panic(fmt.Sprintf("lingua: %s: %v", path, err))
	}
	return m
}

func decodeCompactModel(raw []byte, ngramLength int) (*compactModel, error) {
	next := func() (int, error) {
		v, n := binary.Uvarint(raw)
		if n <= 0 || v > math.MaxInt32 {
			return 0, fmt.Errorf("bad uvarint")
		}
		raw = raw[n:]
		return int(v), nil
	}
	length, err := next()
	if err != nil {
		return nil, err
	}
	if length != ngramLength {
		return nil, fmt.Errorf("n-gram length %d, want %d", length, ngramLength)
	}
	numSets, err := next()
	if err != nil {
		return nil, err
	}
	if numSets >= 1<<(64-keyBits) {
		return nil, fmt.Errorf("%d probabilities", numSets)
	}
	total, err := next()
	if err != nil {
		return nil, err
	}
	m := &compactModel{
		probabilities: make([]float64, numSets),
		logs:          make([]float64, numSets),
	}
	// A load factor of at most 2/3.
	size := 1 << bits.Len(uint(total+total/2))
	m.slots = make([]uint64, size)
	m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	seen := 0
	for index := range numSets {
		if len(raw) < 8 {
			return nil, fmt.Errorf("truncated")
		}
		p := math.Float64frombits(binary.LittleEndian.Uint64(raw))
		raw = raw[8:]
		m.probabilities[index] = p
		m.logs[index] = math.Log(p)
		count, err := next()
		if err != nil {
			return nil, err
		}
		if count > total-seen || count*ngramLength > len(raw) {
			return nil, fmt.Errorf("truncated")
		}
		seen += count
		// The n-grams are raw[:count*ngramLength]; raw itself runs on to
		// the end of the file, so that all but its last n-grams can be read
		// 8 bytes at a time.
		block := raw
		raw = raw[count*ngramLength:]
		for off := 0; off < count*ngramLength; off += ngramLength {
			// The n-gram's codes are its packed form, little endian.
			var key uint64
			if len(block)-off >= 8 {
				key = binary.LittleEndian.Uint64(block[off:]) & prefixMask[ngramLength]
			} else {
				for i, c := range block[off : off+ngramLength] {
					key |= uint64(c) << (codeBits * i)
				}
			}
			i := slotOf(key, m.shift)
			for m.slots[i] != 0 {
				if m.slots[i]&prefixMask[maxNgramLength] == key {
					return nil, fmt.Errorf("n-gram twice")
				}
				i = (i + 1) & mask
			}
			m.slots[i] = key | uint64(index)<<keyBits
		}
	}
	if len(raw) != 0 || seen != total {
		return nil, fmt.Errorf("%d bytes left over, %d of %d n-grams", len(raw), seen, total)
	}
	return m, nil
}

// HasCompactModels reports whether this copy embeds the models of
// language: those of German, Spanish and English (gazex's default
// languages). A detector for other languages finds no n-grams of theirs;
// use upstream lingua-go for them.
func HasCompactModels(language Language) bool {
	isoCode := strings.ToLower(language.IsoCode639_1().String())
	_, err := languageModels.Open(fmt.Sprintf("language-models/%s/trigrams.bin", isoCode))
	return err == nil
}
