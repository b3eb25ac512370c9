package dates

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkFind runs Find over the lines of the seeds, and Footers over
// the whole seeds, as the events extractor does.
func BenchmarkFind(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(b, err)
	require.NotEmpty(b, paths)
	var texts []string
	var size int64
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		require.NoError(b, err)
		texts = append(texts, string(raw))
		size += int64(len(raw))
	}
	b.Run("Find", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, text := range texts {
				for line := range strings.Lines(text) {
					Find(line)
				}
			}
		}
	})
	b.Run("Footers", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, text := range texts {
				Footers(text)
			}
		}
	})
}

// BenchmarkFindCorpus runs Find over the sentences in the file
// GAZEX_DATES_CALLS names, one Go-quoted a line as Find got them on a
// corpus (repeats included): one op is that corpus's date finding.
func BenchmarkFindCorpus(b *testing.B) {
	p := os.Getenv("GAZEX_DATES_CALLS")
	if p == "" {
		b.Skip("GAZEX_DATES_CALLS names no file")
	}
	raw, err := os.ReadFile(p)
	require.NoError(b, err)
	var texts []string
	for line := range strings.Lines(string(raw)) {
		s, err := strconv.Unquote(strings.TrimSuffix(line, "\n"))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, s)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			Find(text)
		}
	}
}
