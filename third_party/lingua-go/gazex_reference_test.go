package lingua

// Upstream's way from the n-grams to the confidence values, as gazex's
// copy had it before it worked in pooled scratch memory and replaced
// decimal's division (see GAZEX.md): maps per n-gram size, decimal sums
// and Div. TestConfidencesMatchReference holds gazexConfidenceValues to it.

import (
	"sort"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/shopspring/decimal"
)

// referenceConfidenceValues is ComputeLanguageConfidenceValues the old
// way, from the n-gram range on.
func (detector languageDetector) referenceConfidenceValues(text string) []ConfidenceValue {
	values := make(confidenceValueSlice, len(detector.languages))
	for i, language := range detector.languages {
		values[i] = newConfidenceValue(language, 0)
	}
	words := splitTextIntoWords(text)
	if len(words) == 0 || detector.detectLanguageWithRules(words) != Unknown {
		return nil
	}
	filteredLanguages := detector.filterLanguagesByRules(words)
	if len(filteredLanguages) == 1 {
		return nil
	}
	characterCount := 0
	for _, word := range words {
		characterCount += len([]rune(word))
	}
	if detector.isLowAccuracyModeEnabled && characterCount < 3 {
		return nil
	}
	ngramLengthRange := []int{1, 2, 3, 4, 5}
	if characterCount >= 120 || detector.isLowAccuracyModeEnabled {
		ngramLengthRange = []int{3}
	}
	probabilityMaps, unigramCounts := detector.lookUpAllLanguageModels(words, ngramLengthRange, filteredLanguages)
	summedUpProbabilities := sumUpProbabilities(probabilityMaps, unigramCounts, filteredLanguages)
	if len(summedUpProbabilities) == 0 {
		sort.Sort(values)
		return values
	}
	return detector.computeConfidenceValues(values, probabilityMaps, summedUpProbabilities)
}

// testNgrams are the distinct n-grams of some words, upstream's
// testDataLanguageModel: packed when all their runes are in the models'
// alphabet; otherwise (a rune in no model) as the packed prefix before
// the first such rune and its length, which is all a look-up can find.
type testNgrams struct {
	length  int
	packed  []uint64
	partial []partialNgram
}

// encodedWords are words as runes and their codes, once per text.
type encodedWords struct {
	runes []rune
	codes []uint8
	ends  []int
}

func encodeWords(words []string) encodedWords {
	codes := runeCodes()
	var e encodedWords
	for _, word := range words {
		for _, r := range word {
			e.runes = append(e.runes, r)
			e.codes = append(e.codes, codes.code(r))
		}
		e.ends = append(e.ends, len(e.runes))
	}
	return e
}

// ngrams returns the distinct n-grams of ngramLength runes of the words.
func (e *encodedWords) ngrams(ngramLength int) testNgrams {
	t := testNgrams{length: ngramLength}
	var set keySet
	set.reset(len(e.runes))
	var partial map[string]struct{}
	start := 0
	for _, end := range e.ends {
		for i := start; i+ngramLength <= end; i++ {
			var key uint64
			known := ngramLength
			for j := range ngramLength {
				c := e.codes[i+j]
				if c == 0 {
					known = j
					break
				}
				key |= uint64(c) << (codeBits * j)
			}
			if known == ngramLength {
				if set.add(key) {
					t.packed = append(t.packed, key)
				}
				continue
			}
			if partial == nil {
				partial = map[string]struct{}{}
			}
			s := string(e.runes[i : i+ngramLength])
			if _, seen := partial[s]; !seen {
				partial[s] = struct{}{}
				t.partial = append(t.partial, partialNgram{key, known})
			}
		}
		start = end
	}
	return t
}

// lookUpAllLanguageModels is upstream's goroutine per n-gram length
// (lookUpLanguageModels) run in turn: the probability maps in the order
// of ngramLengthRange (upstream's come in the order the goroutines end),
// and the unigram counts when the range holds 1.
func (detector languageDetector) lookUpAllLanguageModels(
	words []string,
	ngramLengthRange []int,
	filteredLanguages []Language,
) ([]map[Language]float64, map[Language]uint32) {
	encoded := encodeWords(words)
	probabilityMaps := make([]map[Language]float64, 0, len(ngramLengthRange))
	var unigramCounts map[Language]uint32
	for _, ngramLength := range ngramLengthRange {
		ngrams := encoded.ngrams(ngramLength)
		probabilities := detector.computeLanguageProbabilities(ngrams, filteredLanguages)
		probabilityMaps = append(probabilityMaps, probabilities)

		if ngramLength == 1 {
			intersectedLanguages := make([]Language, len(filteredLanguages))

			if len(probabilities) > 0 {
				for i, language := range filteredLanguages {
					if _, exists := probabilities[language]; exists {
						intersectedLanguages[i] = language
					}
				}
			} else {
				copy(intersectedLanguages, filteredLanguages)
			}

			unigramCounts = detector.countUnigrams(ngrams, intersectedLanguages)
		}
	}
	return probabilityMaps, unigramCounts
}

func (detector languageDetector) computeLanguageProbabilities(
	ngrams testNgrams,
	filteredLanguages []Language,
) map[Language]float64 {
	probabilities := make(map[Language]float64)
	for _, language := range filteredLanguages {
		sum := detector.computeSumOfNgramProbabilities(language, ngrams)
		if sum < 0 {
			probabilities[language] = sum
		}
	}
	return probabilities
}

// models returns the models of language for the n-gram lengths 1 to
// ngramLength, loading those that are not loaded yet.
func (detector languageDetector) referenceModels(language Language, ngramLength int) (models [maxNgramLength + 1]*compactModel) {
	caches := [maxNgramLength + 1]*sync.Map{nil,
		detector.unigramLanguageModels, detector.bigramLanguageModels, detector.trigramLanguageModels,
		detector.quadrigramLanguageModels, detector.fivegramLanguageModels}
	for n := 1; n <= ngramLength; n++ {
		models[n] = loadLanguageModels(caches[n], language, n)
	}
	return models
}

// computeSumOfNgramProbabilities is upstream's: the sum of the logs of the
// probabilities of the n-grams, each by its longest prefix (the n-gram
// itself first) that the models know.
func (detector languageDetector) computeSumOfNgramProbabilities(language Language, ngrams testNgrams) float64 {
	models := detector.referenceModels(language, ngrams.length)
	sum := 0.0
	for _, key := range ngrams.packed {
		for n := ngrams.length; n > 0; n-- {
			if logProbability, ok := models[n].lookUp(key & prefixMask[n]); ok {
				sum += logProbability
				break
			}
		}
	}
	for _, p := range ngrams.partial {
		for n := p.length; n > 0; n-- {
			if logProbability, ok := models[n].lookUp(p.key & prefixMask[n]); ok {
				sum += logProbability
				break
			}
		}
	}
	return sum
}

func (detector languageDetector) countUnigrams(
	unigrams testNgrams,
	filteredLanguages []Language,
) map[Language]uint32 {
	unigramCounts := make(map[Language]uint32)
	for _, language := range filteredLanguages {
		model := loadLanguageModels(detector.unigramLanguageModels, language, 1)
		// A partial unigram is a rune in no model: never counted.
		for _, key := range unigrams.packed {
			if model.probability(key) > 0 {
				unigramCounts[language]++
			}
		}
	}
	return unigramCounts
}

func (detector languageDetector) computeConfidenceValues(
	confidenceValues confidenceValueSlice,
	probabilityMaps []map[Language]float64,
	probabilities map[Language]decimal.Decimal,
) []ConfidenceValue {
	denominator := decimal.Zero
	for _, probability := range probabilities {
		denominator = denominator.Add(probability)
	}

	// If the denominator is still zero, the exponent of the summed
	// log probabilities is too large to be computed for very long input strings.
	// So we simply set the probability of the most likely language to 1.0 and
	// leave the other languages at 0.0.
	if denominator.IsZero() {
		// For very long inputs, only trigrams are used, so we safely access them at index 0.
		probabilityMap := probabilityMaps[0]

		var languages []Language
		for language := range probabilityMap {
			languages = append(languages, language)
		}
		sort.Slice(languages, func(i, j int) bool {
			return probabilityMap[languages[i]] > probabilityMap[languages[j]]
		})
		mostLikelyLanguage := languages[0]

		for i := range confidenceValues {
			if confidenceValues[i].Language() == mostLikelyLanguage {
				confidenceValues[i] = newConfidenceValue(mostLikelyLanguage, 1.0)
				break
			}
		}
	} else {
		for language, probability := range probabilities {
			for i := range confidenceValues {
				if confidenceValues[i].Language() == language {
					// apply softmax function
					normalizedProbability := probability.Div(denominator)
					f, _ := normalizedProbability.Float64() // upstream's
					confidenceValues[i] = newConfidenceValue(language, f)
					break
				}
			}
		}
	}
	sort.Sort(confidenceValues)
	return confidenceValues
}

func sumUpProbabilities(
	probabilityMaps []map[Language]float64,
	unigramCounts map[Language]uint32,
	filteredLanguages []Language,
) map[Language]decimal.Decimal {
	summedUpProbabilities := make(map[Language]decimal.Decimal)
	hasUnigramCounts := unigramCounts != nil
	for _, language := range filteredLanguages {
		sum := 0.0
		for _, probabilities := range probabilityMaps {
			if probability, exists := probabilities[language]; exists {
				sum += probability
			}
		}
		if hasUnigramCounts {
			if unigramCount, exists := unigramCounts[language]; exists {
				sum /= float64(unigramCount)
			}
		}
		if sum != 0 {
			summedUpProbabilities[language] = computeExponent(sum)
		}
	}
	return summedUpProbabilities
}

// TestConfidencesMatchReference holds ComputeLanguageConfidenceValues to
// referenceConfidenceValues (maps, decimal's sums, Div and Float64) on the
// test texts and on texts of up to 1024 bytes joined from them (trigrams
// only; the longest underflow to decimal's Pow(1000)): the same languages
// in the same order with the same float64, for de, es, en and its pairs,
// in both modes, with the detectors shared by two goroutines.
func TestConfidencesMatchReference(t *testing.T) {
	texts := fragments(t)
	joined := ""
	for _, text := range texts {
		if len(joined)+len(text) > 1024 {
			texts = append(texts, joined)
			joined = ""
		}
		joined += text + " "
	}
	for _, low := range []bool{false, true} {
		for _, langs := range [][]Language{{German, Spanish, English}, {German, Spanish}, {English, Spanish}, {German, English}} {
			b := NewLanguageDetectorBuilder().FromLanguages(langs...)
			if low {
				b = b.WithLowAccuracyMode()
			}
			d := b.Build().(languageDetector)
			var compared atomic.Int64
			var wg sync.WaitGroup
			for g := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i, text := range texts {
						if i%2 != g {
							continue
						}
						want := d.referenceConfidenceValues(text)
						if want == nil {
							continue
						}
						got := d.ComputeLanguageConfidenceValues(text)
						if format(got) != format(want) {
							t.Errorf("%v low=%v %q:\n got  %v\n want %v", langs, low, text, format(got), format(want))
							return
						}
						compared.Add(1)
					}
				}()
			}
			wg.Wait()
			t.Logf("%v low=%v: %d texts compared", langs, low, compared.Load())
		}
	}
}
