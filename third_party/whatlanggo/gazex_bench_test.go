package whatlanggo

import (
	"os"
	"testing"

	up "github.com/abadojack/whatlanggo"
)

// BenchmarkDetect compares this copy with upstream per call, on what gazex
// asks: a 600-byte window of a page (Detect), a sentence against the
// configured languages and their neighbours (DetectWithOptions), and a
// window in another script.
func BenchmarkDetect(b *testing.B) {
	seed, err := os.ReadFile("../../testdata/seeds/000_29554157e1a2819e.txt")
	if err != nil {
		b.Fatal(err)
	}
	sample, err := os.ReadFile("testdata/sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	window := func(s []byte, at int) string { return string(s[at:min(len(s), at+600)]) }
	run := gazexOptions()[2]
	cases := []struct {
		name string
		text string
		o    Options
	}{
		{"window600", window(seed, len(seed)/2), Options{}},
		{"window600-sample", window(sample, 0), Options{}},
		{"sentence-runOptions", "Le conseil municipal a voté jeudi soir un budget en hausse de 4 %.", run},
		{"cyrillic", "Правительство в среду представило проект бюджета на следующий год.", Options{}},
	}
	for _, c := range cases {
		uo := upOptions(c.o)
		b.Run(c.name+"/gazex", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				DetectWithOptions(c.text, c.o)
			}
		})
		b.Run(c.name+"/upstream", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				up.DetectWithOptions(c.text, uo)
			}
		})
	}
}
