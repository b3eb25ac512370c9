// Command linguagen writes the compact language models of gazex's copy of
// lingua-go (third_party/lingua-go/language-models) from the protobuf models
// that upstream lingua-go v1.4.0 ships as zip files: run it with go generate
// in third_party/lingua-go. It reads them from the module cache (go list -m
// finds the directory).
//
// language-models/alphabet.txt is the sorted union of the runes of all the
// models, UTF-8 without separators; a rune's code is its place in it plus
// one (at most 255 runes).
//
// A compact model, language-models/ISO/NAMEs.bin, is the lookup table
// itself (lingua's compactModel: open addressing with linear probing over
// packed n-grams), written slot by slot so that loading it is one
// sequential pass with no hashing and no probing:
//
//	uvarint  n-gram length n (1-5)
//	uvarint  number of probability sets
//	uvarint  number of n-grams
//	uvarint  log2 of the number of slots
//	per set, in ascending order of probability (a set's index is its place):
//	  8 bytes  the probability, IEEE 754 bits, little endian, exactly as in
//	           the protobuf
//	the occupied slots as a bitmap, 8 bytes (little endian) per 64 slots
//	per occupied slot, in slot order:
//	  n bytes  the n-gram, its runes' codes, one byte a rune
//	  w bytes  the index of its probability, little endian, w the fewest
//	           bytes that hold the highest index (at least 1)
//
// The table is the one that inserting the n-grams set by set (ascending
// probability), each set's n-grams sorted, into an empty table makes: a
// load factor of at most 2/3, slot (key*0x9E3779B97F4A7C15)>>(64-log2),
// the next free slot on a collision (see Table). The format holds no
// pointers and no hashes, so a change of the hash or the load factor is a
// change here and in lingua's decodeCompactModel, and go generate.
//
// It is not compressed: inflating cost more CPU than all the rest of the
// loading, and git compresses what it stores anyway.
package main

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"math"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

// Languages are the ISO 639-1 codes of the languages whose models the copy
// embeds: gazex's default languages.
var Languages = []string{"de", "es", "en"}

// Names are lingua's names of the n-gram sizes 1-5, as in its file names.
var Names = []string{"unigram", "bigram", "trigram", "quadrigram", "fivegram"}

func main() {
	log.SetFlags(0)
	files, err := Generate()
	if err != nil {
		log.Fatal(err)
	}
	for name, b := range files {
		path := filepath.Join("language-models", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// UpstreamDir returns the directory of lingua-go in the module cache.
func UpstreamDir() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		return "", fmt.Errorf("go list lingua-go: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// ReadUpstream decodes upstream's model of lang (ISO 639-1) for the n-gram
// size named name.
func ReadUpstream(dir, lang, name string) (*serialization.SerializableLanguageModel, error) {
	b, err := os.ReadFile(filepath.Join(dir, "language-models", lang, name+"s.pb.bin.zip"))
	if err != nil {
		return nil, err
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	f, err := z.File[0].Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pb, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	m := &serialization.SerializableLanguageModel{}
	if err := proto.Unmarshal(pb, m); err != nil {
		return nil, err
	}
	return m, nil
}

// Generate returns the files under language-models by their slash-separated
// paths.
func Generate() (map[string][]byte, error) {
	dir, err := UpstreamDir()
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	var models []*serialization.SerializableLanguageModel
	var names []string
	runes := map[rune]bool{}
	for _, lang := range Languages {
		for i, name := range Names {
			m, err := ReadUpstream(dir, lang, name)
			if err != nil {
				return nil, err
			}
			if int(m.NgramLength) != i+1 {
				return nil, fmt.Errorf("%s %s: n-gram length %d", lang, name, m.NgramLength)
			}
			for _, s := range m.NgramSets {
				for _, g := range s.Ngrams {
					for _, r := range g {
						runes[r] = true
					}
				}
			}
			models = append(models, m)
			names = append(names, lang+"/"+name+"s.bin")
		}
	}
	alphabet := make([]rune, 0, len(runes))
	for r := range runes {
		alphabet = append(alphabet, r)
	}
	slices.Sort(alphabet)
	if len(alphabet) > 255 {
		return nil, fmt.Errorf("%d runes, at most 255 have a code", len(alphabet))
	}
	codes := map[rune]byte{}
	for i, r := range alphabet {
		codes[r] = byte(i + 1)
	}
	files["alphabet.txt"] = []byte(string(alphabet))
	for i, m := range models {
		b, err := encode(m, codes)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
		files[names[i]] = b
	}
	return files, nil
}

// Hash is lingua's slotOf: the home slot of a packed n-gram in a table of
// 1<<(64-shift) slots.
func Hash(key uint64, shift uint) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> shift
}

// Table inserts keys (packed n-grams, never 0) in order into an
// open-addressing table with linear probing and a load factor of at most
// 2/3: lingua's compactModel.slots, without the probability indexes. It
// returns the table and each key's slot.
func Table(keys []uint64) (slots []uint64, at []int, err error) {
	total := len(keys)
	size := 1 << bits.Len(uint(total+total/2))
	shift := uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint64(size - 1)
	slots = make([]uint64, size)
	at = make([]int, len(keys))
	for k, key := range keys {
		if key == 0 {
			return nil, nil, fmt.Errorf("n-gram with key 0")
		}
		i := Hash(key, shift)
		for slots[i] != 0 {
			if slots[i] == key {
				return nil, nil, fmt.Errorf("n-gram %x twice", key)
			}
			i = (i + 1) & mask
		}
		slots[i] = key
		at[k] = int(i)
	}
	return slots, at, nil
}

// IndexBytes is the number of bytes of a probability index in a model with
// numSets probabilities.
func IndexBytes(numSets int) int {
	w := 1
	for numSets-1 >= 1<<(8*w) {
		w++
	}
	return w
}

func encode(m *serialization.SerializableLanguageModel, codes map[rune]byte) ([]byte, error) {
	sets := slices.Clone(m.NgramSets)
	slices.SortFunc(sets, func(a, b *serialization.SerializableNgramSet) int {
		return cmp.Compare(a.Probability, b.Probability)
	})
	n := int(m.NgramLength)
	var keys []uint64
	var index []int
	for setIndex, s := range sets {
		if !(s.Probability > 0 && s.Probability <= 1) {
			return nil, fmt.Errorf("probability %v", s.Probability)
		}
		ngrams := slices.Clone(s.Ngrams)
		slices.Sort(ngrams)
		for _, g := range ngrams {
			var key uint64
			i := 0
			for _, r := range g {
				if r == '\uFFFD' {
					return nil, fmt.Errorf("n-gram %q is not valid UTF-8", g)
				}
				if i < 8 {
					key |= uint64(codes[r]) << (8 * i)
				}
				i++
			}
			if i != n {
				return nil, fmt.Errorf("n-gram %q has %d runes", g, i)
			}
			keys = append(keys, key)
			index = append(index, setIndex)
		}
	}
	if len(keys) != int(m.TotalNgrams) {
		return nil, fmt.Errorf("%d n-grams, header says %d", len(keys), m.TotalNgrams)
	}
	if len(sets) >= 1<<24 {
		return nil, fmt.Errorf("%d probabilities", len(sets))
	}
	slots, at, err := Table(keys)
	if err != nil {
		return nil, err
	}
	bySlot := make([]int, len(slots)) // index+1 of the n-gram in each slot
	for k, i := range at {
		bySlot[i] = index[k] + 1
	}
	var raw []byte
	raw = binary.AppendUvarint(raw, uint64(n))
	raw = binary.AppendUvarint(raw, uint64(len(sets)))
	raw = binary.AppendUvarint(raw, uint64(len(keys)))
	raw = binary.AppendUvarint(raw, uint64(bits.TrailingZeros(uint(len(slots)))))
	for _, s := range sets {
		raw = binary.LittleEndian.AppendUint64(raw, math.Float64bits(s.Probability))
	}
	for w := 0; w < len(slots); w += 64 {
		var word uint64
		for b := 0; b < 64 && w+b < len(slots); b++ {
			if slots[w+b] != 0 {
				word |= 1 << b
			}
		}
		raw = binary.LittleEndian.AppendUint64(raw, word)
	}
	w := IndexBytes(len(sets))
	for i, key := range slots {
		if key == 0 {
			continue
		}
		for b := range n {
			raw = append(raw, byte(key>>(8*b)))
		}
		for b := range w {
			raw = append(raw, byte((bySlot[i]-1)>>(8*b)))
		}
	}
	return raw, nil
}
