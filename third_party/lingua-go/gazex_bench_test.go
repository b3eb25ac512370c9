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

// BenchmarkConfidenceCold is ComputeLanguageConfidenceValues on texts of
// ~300 bytes joined from the test texts (trigrams only) with the caches
// flushed before each (8 MB written, not timed), as in a run where the
// other stages evict the models between two detections: the time is the
// models' cache misses.
func BenchmarkConfidenceCold(b *testing.B) {
	d := NewLanguageDetectorBuilder().FromLanguages(German, Spanish, English).
		WithMinimumRelativeDistance(0.25).WithPreloadedLanguageModels().Build()
	var texts []string
	joined := ""
	for _, t := range benchTexts(b) {
		if len(joined)+len(t) > 300 {
			texts = append(texts, joined)
			joined = ""
		}
		joined += t + " "
	}
	flush := make([]uint64, 8<<20/8)
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		for j := 0; j < len(flush); j += 8 {
			flush[j]++
		}
		b.StartTimer()
		d.ComputeLanguageConfidenceValues(texts[i%len(texts)])
	}
}
