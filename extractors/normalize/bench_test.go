package normalize

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// seedCorpus returns the seeds concatenated, repeated to about 1 MB so that
// one iteration is long enough to measure.
func seedCorpus(b *testing.B) []byte {
	b.Helper()
	var one []byte
	for _, path := range seedFiles(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		one = append(one, data...)
		one = append(one, "\n\n"...)
	}
	return bytes.Repeat(one, 1<<20/len(one)+1)
}

// scraped makes the corpus look like a scraped page: CRLF, indented lines,
// NBSP and soft hyphens, so that most lines carry edits.
func scraped(corpus []byte) []byte {
	s := strings.NewReplacer("\n", "\r\n    ", ", ", ",\u00a0", "keit", "\u00adkeit").Replace(string(corpus))
	return []byte(s)
}

func BenchmarkNormalize(b *testing.B) {
	seeds := seedCorpus(b)
	for _, bc := range []struct {
		name string
		in   []byte
	}{
		{"seeds", seeds},
		{"scraped", scraped(seeds)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				Normalize(bc.in)
			}
		})
	}
}

func BenchmarkSpanChars(b *testing.B) {
	orig := scraped(seedCorpus(b))
	t := Normalize(orig)
	n := len(t.Norm)
	i := 0
	for b.Loop() {
		ns := (i * 7919) % n
		os, oe := t.Span(ns, min(ns+20, n))
		t.Chars(os)
		t.Chars(oe)
		i++
	}
}
