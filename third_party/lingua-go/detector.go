/*
 * Copyright © 2021-present Peter M. Stahl pemistahl@gmail.com
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either expressed or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package lingua

import (
	"embed"
	"github.com/shopspring/decimal"
	"golang.org/x/exp/maps"
	"golang.org/x/exp/slices"
	"math"
	"sort"
	"sync"
	"unicode/utf8"
)

//go:embed language-models
var languageModels embed.FS

var unigramModels sync.Map
var bigramModels sync.Map
var trigramModels sync.Map
var quadrigramModels sync.Map
var fivegramModels sync.Map

// LanguageDetector is the interface describing the available methods
// for detecting the language of some textual input.
type LanguageDetector interface {
	// DetectLanguageOf detects the language of the given text.
	// The boolean return value indicates whether a language can be reliably
	// detected. If this is not possible, (Unknown, false) is returned.
	DetectLanguageOf(text string) (Language, bool)

	// DetectMultipleLanguagesOf attempts to detect multiple languages in
	// mixed-language text. This feature is experimental and under continuous
	// development.
	//
	// A slice of DetectionResult is returned containing an entry for each
	// contiguous single-language text section as identified by the library.
	// Each entry consists of the identified language, a start index and an
	// end index. The indices denote the substring that has been identified
	// as a contiguous single-language text section.
	DetectMultipleLanguagesOf(text string) []DetectionResult

	// ComputeLanguageConfidenceValues computes confidence values for each
	// language supported by this detector for the given input text. These
	// values denote how likely it is that the given text has been written
	// in any of the languages supported by this detector.
	//
	// A slice of ConfidenceValue is returned containing those languages which
	// the calling instance of LanguageDetector has been built from. The entries
	// are sorted by their confidence value in descending order. Each value is
	// a probability between 0.0 and 1.0. The probabilities of all languages
	// will sum to 1.0. If the language is unambiguously identified by the rule
	// engine, the value 1.0 will always be returned for this language. The
	// other languages will receive a value of 0.0.
	ComputeLanguageConfidenceValues(text string) []ConfidenceValue

	// ComputeLanguageConfidence computes the confidence value for the given
	// language and input text. This value denotes how likely it is that the
	// given text has been written in the given language.
	//
	// The value that this method computes is a number between 0.0 and 1.0.
	// If the language is unambiguously identified by the rule engine, the value
	// 1.0 will always be returned. If the given language is not supported by
	// this detector instance, the value 0.0 will always be returned.
	ComputeLanguageConfidence(text string, language Language) float64
}

type languageDetector struct {
	languages                     []Language
	minimumRelativeDistance       float64
	isLowAccuracyModeEnabled      bool
	languagesWithUniqueCharacters []Language
	oneLanguageAlphabets          map[alphabet]Language
	unigramLanguageModels         *sync.Map
	bigramLanguageModels          *sync.Map
	trigramLanguageModels         *sync.Map
	quadrigramLanguageModels      *sync.Map
	fivegramLanguageModels        *sync.Map
	gazex                         gazexRules
}

func newLanguageDetector(
	languages []Language,
	minimumRelativeDistance float64,
	isEveryLanguageModelPreloaded bool,
	isLowAccuracyModeEnabled bool,
) languageDetector {
	detector := languageDetector{
		languages,
		minimumRelativeDistance,
		isLowAccuracyModeEnabled,
		collectLanguagesWithUniqueCharacters(languages),
		collectOneLanguageAlphabets(languages),
		&unigramModels,
		&bigramModels,
		&trigramModels,
		&quadrigramModels,
		&fivegramModels,
		newGazexRules(languages, collectOneLanguageAlphabets(languages)),
	}
	if isEveryLanguageModelPreloaded {
		detector.preloadLanguageModels(languages)
	}
	return detector
}

func (detector languageDetector) preloadLanguageModels(languages []Language) {
	var wg sync.WaitGroup
	for _, language := range languages {
		wg.Add(1)
		go func(language Language, wg *sync.WaitGroup) {
			defer wg.Done()
			loadLanguageModels(detector.trigramLanguageModels, language, 3)

			if !detector.isLowAccuracyModeEnabled {
				loadLanguageModels(detector.unigramLanguageModels, language, 1)
				loadLanguageModels(detector.bigramLanguageModels, language, 2)
				loadLanguageModels(detector.quadrigramLanguageModels, language, 4)
				loadLanguageModels(detector.fivegramLanguageModels, language, 5)
			}
		}(language, &wg)
	}
	wg.Wait()
}

func (detector languageDetector) DetectLanguageOf(text string) (Language, bool) {
	confidenceValues := detector.ComputeLanguageConfidenceValues(text)
	mostLikely := confidenceValues[0]
	secondMostLikely := confidenceValues[1]

	if mostLikely.Value() == secondMostLikely.Value() {
		return Unknown, false
	}
	if (mostLikely.Value() - secondMostLikely.Value()) < detector.minimumRelativeDistance {
		return Unknown, false
	}

	return mostLikely.Language(), true
}

func (detector languageDetector) DetectMultipleLanguagesOf(text string) []DetectionResult {
	if len(text) == 0 {
		return []DetectionResult{}
	}

	tokenWithoutWhitespaceIndices := tokensWithoutWhitespace.FindAllStringIndex(text, -1)
	if len(tokenWithoutWhitespaceIndices) == 0 {
		return []DetectionResult{}
	}

	var results []detectionResult
	languageCounts := make(map[Language]int)

	language, _ := detector.DetectLanguageOf(text)
	languageCounts[language]++

	for _, tokenIndex := range tokenWithoutWhitespaceIndices {
		if tokenIndex[1]-tokenIndex[0] < 5 {
			continue
		}
		word := text[tokenIndex[0]:tokenIndex[1]]
		language, _ = detector.DetectLanguageOf(word)
		languageCounts[language]++
	}

	languages := maps.Keys(languageCounts)

	if len(languages) == 1 {
		result := newDetectionResult(
			0,
			len(text),
			len(tokenWithoutWhitespaceIndices),
			languages[0],
		)
		results = append(results, result)
	} else {
		previousDetectorLanguages := make([]Language, len(detector.languages))
		copy(previousDetectorLanguages, detector.languages)
		detector.languages = languages

		currentStartIndex := 0
		currentEndIndex := 0
		wordCount := 0
		currentLanguage := Unknown
		tokenIndices := tokensWithOptionalWhitespace.FindAllStringIndex(text, -1)
		lastIndex := len(tokenIndices) - 1

		for i, tokenIndex := range tokenIndices {
			word := text[tokenIndex[0]:tokenIndex[1]]
			language, _ = detector.DetectLanguageOf(word)

			if i == 0 {
				currentLanguage = language
			}

			if language != currentLanguage {
				result := newDetectionResult(currentStartIndex, currentEndIndex, wordCount, currentLanguage)
				results = append(results, result)
				currentStartIndex = currentEndIndex
				currentLanguage = language
				wordCount = 0
			}

			currentEndIndex = tokenIndex[1]
			wordCount++

			if i == lastIndex {
				result := newDetectionResult(currentStartIndex, currentEndIndex, wordCount, currentLanguage)
				results = append(results, result)
			}
		}

		if len(results) > 1 {
			var mergeableResultIndices []int
			for i, result := range results {
				if result.wordCount == 1 {
					mergeableResultIndices = append(mergeableResultIndices, i)
				}
			}

			results = mergeAdjacentResults(results, mergeableResultIndices)

			if len(results) > 1 {
				mergeableResultIndices = nil

				for i := 0; i < len(results)-1; i++ {
					if results[i].Language() == results[i+1].Language() {
						mergeableResultIndices = append(mergeableResultIndices, i+1)
					}
				}

				results = mergeAdjacentResults(results, mergeableResultIndices)
			}
		}

		detector.languages = previousDetectorLanguages
	}

	detectionResults := make([]DetectionResult, len(results))
	for i, result := range results {
		detectionResults[i] = DetectionResult(result)
	}

	return detectionResults
}

func (detector languageDetector) ComputeLanguageConfidenceValues(text string) []ConfidenceValue {
	values := make(confidenceValueSlice, len(detector.languages))
	for i, language := range detector.languages {
		values[i] = newConfidenceValue(language, 0)
	}

	s := callScratchPool.Get().(*callScratch)
	defer s.release()
	s.words = appendWords(s.words[:0], text)
	words := s.words

	if len(words) == 0 {
		sort.Sort(values)
		return values
	}

	languageDetectedByRules := detector.detectLanguageWithRules(words)

	if languageDetectedByRules != Unknown {
		for i := range values {
			if values[i].Language() == languageDetectedByRules {
				values[i] = newConfidenceValue(languageDetectedByRules, 1)
				break
			}
		}
		sort.Sort(values)
		return values
	}

	filteredLanguages := detector.filterLanguagesByRulesIn(words, s)

	if len(filteredLanguages) == 1 {
		languageDetectedByFilter := filteredLanguages[0]
		for i := range values {
			if values[i].Language() == languageDetectedByFilter {
				values[i] = newConfidenceValue(languageDetectedByFilter, 1)
				break
			}
		}
		sort.Sort(values)
		return values
	}

	characterCount := 0
	for _, word := range words {
		characterCount += utf8.RuneCountInString(word)
	}

	if detector.isLowAccuracyModeEnabled && characterCount < 3 {
		sort.Sort(values)
		return values
	}

	var ngramLengthRange []int

	if characterCount >= 120 || detector.isLowAccuracyModeEnabled {
		ngramLengthRange = []int{3}
	} else {
		ngramLengthRange = []int{1, 2, 3, 4, 5}
	}

	return detector.gazexConfidenceValues(values, words, ngramLengthRange, filteredLanguages, s)
}

func (detector languageDetector) ComputeLanguageConfidence(text string, language Language) float64 {
	confidenceValues := detector.ComputeLanguageConfidenceValues(text)
	for _, confidenceValue := range confidenceValues {
		if confidenceValue.Language() == language {
			return confidenceValue.Value()
		}
	}
	return 0
}

func computeExponent(value float64) decimal.Decimal {
	exponent := math.Exp(value)
	if exponent > 0 {
		return decimalFromFloat(exponent)
	}
	// exp(x) = exp(x / y) ** y
	d := decimalFromFloat(value / 1000)
	e, _ := d.ExpTaylor(25)
	p := e.Pow(decimal.NewFromInt(1000))
	return p
}

func collectLanguagesWithUniqueCharacters(languages []Language) []Language {
	var languagesWithUniqueCharacters []Language
	for _, language := range languages {
		if len(language.uniqueCharacters()) > 0 {
			languagesWithUniqueCharacters = append(languagesWithUniqueCharacters, language)
		}
	}
	return languagesWithUniqueCharacters
}

func collectOneLanguageAlphabets(languages []Language) map[alphabet]Language {
	oneLanguageAlphabets := make(map[alphabet]Language)
	for alphabet, language := range allAlphabetsSupportingSingleLanguage() {
		if slices.Contains(languages, language) {
			oneLanguageAlphabets[alphabet] = language
		}
	}
	return oneLanguageAlphabets
}

func mergeAdjacentResults(results []detectionResult, mergeableResultIndices []int) []detectionResult {
	sort.Sort(sort.Reverse(sort.IntSlice(mergeableResultIndices)))

	for _, i := range mergeableResultIndices {
		if i == 0 {
			results[i+1].startIndex = results[i].startIndex
		} else {
			results[i-1].endIndex = results[i].endIndex
		}
		results = slices.Delete(results, i, i+1)

		if len(results) == 1 {
			break
		}
	}

	return results
}
