package langid

import (
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"

	fork "github.com/gazex/gazex/third_party/lingua-go"
)

// linguaDetector is lingua's ComputeLanguageConfidenceValues, languages as
// ISO 639-1 codes: either gazex's copy of lingua-go
// (third_party/lingua-go: the same results from compact, pointer-free
// models that load in a fraction of the time and that the collector does
// not scan), which has the models of de, es and en, or, for other
// configured languages, upstream lingua-go.
type linguaDetector interface {
	confidences(text string) []linguaValue
}

type linguaValue struct {
	code  string
	value float64
}

// newLingua returns the detector for ll (nil with fewer than two languages:
// lingua's builder panics on them, and there is nothing to decide) and the
// functions that load its trigram models and its models of all sizes once
// per process. It loads nothing itself.
func newLingua(ll []lingua.Language) (detector func() linguaDetector, trigrams, allModels func()) {
	if len(ll) < 2 {
		return func() linguaDetector { return nil }, func() {}, func() {}
	}
	var fl []fork.Language
	for _, l := range ll {
		f := fork.GetLanguageFromIsoCode639_1(fork.GetIsoCode639_1FromValue(strings.ToLower(l.IsoCode639_1().String())))
		if !fork.HasCompactModels(f) {
			fl = nil
			break
		}
		fl = append(fl, f)
	}
	if fl == nil {
		return newUpstreamLingua(ll)
	}
	detector = sync.OnceValue(func() linguaDetector {
		codes := map[fork.Language]string{}
		for _, l := range fl {
			codes[l] = strings.ToLower(l.IsoCode639_1().String())
		}
		return forkDetector{fork.NewLanguageDetectorBuilder().
			FromLanguages(fl...).
			WithMinimumRelativeDistance(minimumRelativeDistance).
			Build(), codes}
	})
	// Like upstream, the copy keeps its models in process-wide caches,
	// which a detector built with preloading fills for every other one.
	trigrams = sync.OnceFunc(func() {
		fork.NewLanguageDetectorBuilder().FromLanguages(fl...).
			WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
	})
	allModels = sync.OnceFunc(func() {
		fork.NewLanguageDetectorBuilder().FromLanguages(fl...).
			WithPreloadedLanguageModels().Build()
	})
	return detector, trigrams, allModels
}

func newUpstreamLingua(ll []lingua.Language) (detector func() linguaDetector, trigrams, allModels func()) {
	detector = sync.OnceValue(func() linguaDetector {
		return upstreamDetector{lingua.NewLanguageDetectorBuilder().
			FromLanguages(ll...).
			WithMinimumRelativeDistance(minimumRelativeDistance).
			Build()}
	})
	// lingua keeps its models in process-wide caches, which a detector
	// built with preloading fills for every other one.
	trigrams = sync.OnceFunc(func() {
		lingua.NewLanguageDetectorBuilder().FromLanguages(ll...).
			WithLowAccuracyMode().WithPreloadedLanguageModels().Build()
	})
	allModels = sync.OnceFunc(func() {
		lingua.NewLanguageDetectorBuilder().FromLanguages(ll...).
			WithPreloadedLanguageModels().Build()
	})
	return detector, trigrams, allModels
}

type forkDetector struct {
	d     fork.LanguageDetector
	codes map[fork.Language]string // the ISO 639-1 code of each language
}

func (f forkDetector) confidences(text string) []linguaValue {
	values := f.d.ComputeLanguageConfidenceValues(text)
	out := make([]linguaValue, len(values))
	for i, v := range values {
		out[i] = linguaValue{f.codes[v.Language()], v.Value()}
	}
	return out
}

type upstreamDetector struct{ d lingua.LanguageDetector }

func (u upstreamDetector) confidences(text string) []linguaValue {
	values := u.d.ComputeLanguageConfidenceValues(text)
	out := make([]linguaValue, len(values))
	for i, v := range values {
		out[i] = linguaValue{isoCode(v.Language()), v.Value()}
	}
	return out
}
