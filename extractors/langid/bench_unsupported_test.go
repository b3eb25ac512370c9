package langid

import (
	"strings"
	"testing"
)

// BenchmarkUnsupported is the cost of the check a document with few
// function words gets: whatlanggo on up to three windows, a confirming
// lingua detector on Spanish-looking and short ones.
func BenchmarkUnsupported(b *testing.B) {
	d := detector(b)
	d.Document("Qxz") // loads lingua's models (on first use) outside the timing
	for _, tc := range unsupportedTexts {
		text := strings.Repeat(tc.long+"\n\n", 4)
		d.unsupported(text, 300, "es")
	}
	b.ResetTimer()
	for b.Loop() {
		for _, tc := range unsupportedTexts {
			d.unsupported(tc.long, 70, "es")
		}
	}
}
