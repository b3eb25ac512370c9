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
// A compact model, language-models/ISO/NAMEs.bin, is
//
//	uvarint  n-gram length (1-5)
//	uvarint  number of probability sets
//	uvarint  number of n-grams
//	per set, in ascending order of probability:
//	  8 bytes  the probability, IEEE 754 bits, little endian, exactly as in
//	           the protobuf
//	  uvarint  number of n-grams
//	  the n-grams, sorted, each as its runes' codes, one byte a rune
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

func encode(m *serialization.SerializableLanguageModel, codes map[rune]byte) ([]byte, error) {
	sets := slices.Clone(m.NgramSets)
	slices.SortFunc(sets, func(a, b *serialization.SerializableNgramSet) int {
		return cmp.Compare(a.Probability, b.Probability)
	})
	var raw []byte
	raw = binary.AppendUvarint(raw, uint64(m.NgramLength))
	raw = binary.AppendUvarint(raw, uint64(len(sets)))
	raw = binary.AppendUvarint(raw, uint64(m.TotalNgrams))
	total := 0
	for _, s := range sets {
		if !(s.Probability > 0 && s.Probability <= 1) {
			return nil, fmt.Errorf("probability %v", s.Probability)
		}
		raw = binary.LittleEndian.AppendUint64(raw, math.Float64bits(s.Probability))
		raw = binary.AppendUvarint(raw, uint64(len(s.Ngrams)))
		ngrams := slices.Clone(s.Ngrams)
		slices.Sort(ngrams)
		for _, g := range ngrams {
			n := 0
			for _, r := range g {
				if r == '\uFFFD' {
					return nil, fmt.Errorf("n-gram %q is not valid UTF-8", g)
				}
				raw = append(raw, codes[r])
				n++
			}
			if n != int(m.NgramLength) {
				return nil, fmt.Errorf("n-gram %q has %d runes", g, n)
			}
		}
		total += len(ngrams)
	}
	if total != int(m.TotalNgrams) {
		return nil, fmt.Errorf("%d n-grams, header says %d", total, m.TotalNgrams)
	}
	return raw, nil
}
