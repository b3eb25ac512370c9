package lingua

import "testing"

// BenchmarkConfidence is one ComputeLanguageConfidenceValues of the
// detector gazex builds (de, es, en; models loaded) on the two kinds of
// text gazex asks about: a single foreign word (all five n-gram sizes,
// the softmax of small exponentials) and a sentence of 200 characters
// (trigrams only; its exponentials underflow, the softmax of decimal's
// Pow(1000) path).
func BenchmarkConfidence(b *testing.B) {
	d := NewLanguageDetectorBuilder().FromLanguages(German, Spanish, English).
		WithMinimumRelativeDistance(0.25).WithPreloadedLanguageModels().Build()
	for _, c := range []struct{ name, text string }{
		{"word", "coincides"},
		{"sentence", "The committee said on Tuesday that the new rules would apply to every member state from next year, " +
			"although several governments had asked for more time to prepare their own laws."},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				d.ComputeLanguageConfidenceValues(c.text)
			}
		})
	}
}
