// Gazex's replacements of upstream detector.go's hot spots (see GAZEX.md):
// the same decisions and the same arithmetic, without regular expressions,
// maps or strings per word, character or n-gram.

package lingua

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// gazexRules is what the rules need of a detector's languages, worked out
// once when it is built.
type gazexRules struct {
	// oneLanguageAlphabets is upstream's map of the same name as a slice.
	// Scripts do not overlap, so at most one of them holds a rune, and
	// upstream's random map order does not matter.
	oneLanguageAlphabets []oneLanguageAlphabet
	// asciiInert: no ASCII letter counts for any language in
	// detectLanguageWithRules (Latin is no one-language alphabet and no
	// language's unique characters are ASCII).
	asciiInert bool
}

type oneLanguageAlphabet struct {
	alphabet alphabet
	language Language
}

func newGazexRules(languages []Language, oneLanguageAlphabets map[alphabet]Language) gazexRules {
	var r gazexRules
	for _, a := range allAlphabets() {
		if l, ok := oneLanguageAlphabets[a]; ok {
			r.oneLanguageAlphabets = append(r.oneLanguageAlphabets, oneLanguageAlphabet{a, l})
		}
	}
	_, latinCounts := oneLanguageAlphabets[latin]
	r.asciiInert = !latinCounts
	for _, l := range collectLanguagesWithUniqueCharacters(languages) {
		for _, c := range l.uniqueCharacters() {
			if c < utf8.RuneSelf {
				r.asciiInert = false
			}
		}
	}
	return r
}

// alphabetTables are the Unicode scripts of upstream's regular expressions
// (createRegexp: `^\p{Script}+$`), by alphabet.
var alphabetTables = [thai + 1]*unicode.RangeTable{
	arabic:     unicode.Arabic,
	armenian:   unicode.Armenian,
	bengali:    unicode.Bengali,
	cyrillic:   unicode.Cyrillic,
	devanagari: unicode.Devanagari,
	georgian:   unicode.Georgian,
	greek:      unicode.Greek,
	gujarati:   unicode.Gujarati,
	gurmukhi:   unicode.Gurmukhi,
	han:        unicode.Han,
	hangul:     unicode.Hangul,
	hebrew:     unicode.Hebrew,
	hiragana:   unicode.Hiragana,
	katakana:   unicode.Katakana,
	latin:      unicode.Latin,
	tamil:      unicode.Tamil,
	telugu:     unicode.Telugu,
	thai:       unicode.Thai,
}

// matchesRune is alphabet.matches(string(r)).
func (alphabet alphabet) matchesRune(r rune) bool {
	if r < utf8.RuneSelf {
		return alphabet == latin && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}
	if alphabet < 0 || alphabet > thai {
		return false
	}
	return unicode.Is(alphabetTables[alphabet], r)
}

// wordAlphabet returns the first alphabet, in upstream's order, whose
// regular expression matches all of word; ok is false for none. Scripts
// do not overlap, so it is the script of the first rune if all others share
// it.
func wordAlphabet(word string) (a alphabet, ok bool) {
	first, size := utf8.DecodeRuneInString(word)
	if size == 0 {
		return 0, false
	}
	a = -1
	for _, b := range allAlphabetList {
		if b.matchesRune(first) {
			a = b
			break
		}
	}
	if a < 0 {
		return 0, false
	}
	for _, r := range word[size:] {
		if !a.matchesRune(r) {
			return 0, false
		}
	}
	return a, true
}

var allAlphabetList = allAlphabets()

// isSingleRuneWord reports whether upstream's `letters` expression makes a
// word of r alone: its first four alternatives.
func isSingleRuneWord(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// splitTextIntoWords is upstream's letters.FindAllString(strings.ToLower(
// text), -1) without the regular expression: a Han, Hangul, Hiragana or
// Katakana rune alone, or else a run of letters (\p{L}+, which takes such
// runes in too). No rune of those four scripts is below U+1100.
func splitTextIntoWords(text string) []string {
	lower := strings.ToLower(text)
	var words []string
	for i := 0; i < len(lower); {
		r, size := utf8.DecodeRuneInString(lower[i:])
		switch {
		case isSingleRuneWord(r):
			words = append(words, lower[i:i+size])
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(lower) {
				r, size := utf8.DecodeRuneInString(lower[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += size
			}
			words = append(words, lower[i:j])
			i = j
		default:
			i += size
		}
	}
	return words
}

// languageCounts counts per language, as upstream's map[Language]uint32:
// present is the number of keys the map would have.
type languageCounts struct {
	counts  [Unknown + 1]uint32
	present int
}

func (c *languageCounts) add(language Language) {
	if c.counts[language] == 0 {
		c.present++
	}
	c.counts[language]++
}

// top returns the languages with the highest and second highest counts
// (Unknown and 0 for none), in the order of upstream's sort by count.
func (c *languageCounts) top() (first Language, firstCount, secondCount uint32) {
	first = Unknown
	for l, n := range c.counts {
		if n > firstCount {
			secondCount = firstCount
			first, firstCount = Language(l), n
		} else if n > secondCount {
			secondCount = n
		}
	}
	return first, firstCount, secondCount
}

// detectLanguageWithRules is upstream's, with arrays for its maps and
// Unicode tables for its regular expressions on single characters.
func (detector languageDetector) detectLanguageWithRules(words []string) Language {
	var totalLanguageCounts languageCounts
	halfWordCount := float64(len(words)) * 0.5

	// A word's counts, and the languages in them (the keys of upstream's
	// map), to clear them for the next word.
	var wordLanguageCounts [Unknown + 1]uint32
	var keysArray [8]Language
	keys := keysArray[:0]
	add := func(language Language) {
		if wordLanguageCounts[language] == 0 {
			keys = append(keys, language)
		}
		wordLanguageCounts[language]++
	}

	for _, word := range words {
		for _, language := range keys {
			wordLanguageCounts[language] = 0
		}
		keys = keys[:0]

		for _, chr := range word {
			if chr < utf8.RuneSelf && detector.gazex.asciiInert {
				continue
			}
			isMatch := false
			for _, a := range detector.gazex.oneLanguageAlphabets {
				if a.alphabet.matchesRune(chr) {
					add(a.language)
					isMatch = true
					break
				}
			}
			if !isMatch {
				if han.matchesRune(chr) {
					add(Chinese)
				} else if hiragana.matchesRune(chr) || katakana.matchesRune(chr) {
					// japaneseCharacterSet; Han is taken above.
					add(Japanese)
				} else if latin.matchesRune(chr) || cyrillic.matchesRune(chr) || devanagari.matchesRune(chr) {
					for _, language := range detector.languagesWithUniqueCharacters {
						if strings.ContainsRune(language.uniqueCharacters(), chr) {
							add(language)
						}
					}
				}
			}
		}

		if len(keys) == 0 {
			totalLanguageCounts.add(Unknown)
		} else if len(keys) == 1 {
			if slices.Contains(detector.languages, keys[0]) {
				totalLanguageCounts.add(keys[0])
			} else {
				totalLanguageCounts.add(Unknown)
			}
		} else {
			if wordLanguageCounts[Chinese] > 0 && wordLanguageCounts[Japanese] > 0 {
				totalLanguageCounts.add(Japanese)
			} else {
				// Upstream sorts the languages by count: the first is the
				// most frequent, unless the second has as many.
				var first Language
				var firstCount, secondCount uint32
				for _, language := range keys {
					if c := wordLanguageCounts[language]; c > firstCount {
						first, secondCount, firstCount = language, firstCount, c
					} else if c > secondCount {
						secondCount = c
					}
				}
				if firstCount > secondCount && slices.Contains(detector.languages, first) {
					totalLanguageCounts.add(first)
				} else {
					totalLanguageCounts.add(Unknown)
				}
			}
		}
	}
	if float64(totalLanguageCounts.counts[Unknown]) < halfWordCount && totalLanguageCounts.counts[Unknown] > 0 {
		totalLanguageCounts.counts[Unknown] = 0
		totalLanguageCounts.present--
	}
	switch totalLanguageCounts.present {
	case 0:
		return Unknown
	case 1:
		first, _, _ := totalLanguageCounts.top()
		return first
	case 2:
		if totalLanguageCounts.counts[Chinese] > 0 && totalLanguageCounts.counts[Japanese] > 0 {
			return Japanese
		}
	}
	first, firstCount, secondCount := totalLanguageCounts.top()
	if firstCount == secondCount {
		return Unknown
	}
	return first
}

// charLanguages is upstream's charsToLanguagesMapping by character.
var charLanguages = sync.OnceValue(func() map[rune][]Language {
	m := map[rune][]Language{}
	for characters, languages := range charsToLanguagesMapping {
		for _, c := range characters {
			m[c] = append(m[c], languages...)
		}
	}
	return m
})

// filterLanguagesByRules is upstream's, with the script of a word found
// without regular expressions and the characters of charsToLanguagesMapping
// looked up per character of the words rather than searched in every word.
//
// Where upstream's result depends on its map order, this one does not: two
// alphabets with the same highest count (and a third with another count)
// pick the first in upstream's order of alphabets, and the languages of the
// subset come in the detector's order.
func (detector languageDetector) filterLanguagesByRules(words []string) []Language {
	var detectedAlphabets [thai + 1]uint32
	halfWordCount := float64(len(words)) * 0.5

	for _, word := range words {
		if a, ok := wordAlphabet(word); ok {
			detectedAlphabets[a]++
		}
	}

	detected, mostFrequentAlphabet := 0, alphabet(0)
	distinct := map[uint32]struct{}{}
	for a, count := range detectedAlphabets {
		if count == 0 {
			continue
		}
		detected++
		distinct[count] = struct{}{}
		if count > detectedAlphabets[mostFrequentAlphabet] {
			mostFrequentAlphabet = alphabet(a)
		}
	}

	if detected == 0 {
		return detector.languages
	}

	if detected > 1 && len(distinct) == 1 {
		return detector.languages
	}

	var filteredLanguages []Language

	for _, language := range detector.languages {
		if slices.Contains(language.alphabets(), mostFrequentAlphabet) {
			filteredLanguages = append(filteredLanguages, language)
		}
	}

	var counts [Unknown + 1]uint32
	chars := charLanguages()

	for _, word := range words {
		for i, character := range word {
			if character < utf8.RuneSelf {
				continue
			}
			languages := chars[character]
			if len(languages) == 0 || strings.ContainsRune(word[:i], character) {
				continue
			}
			for _, language := range languages {
				if slices.Contains(filteredLanguages, language) {
					counts[language]++
				}
			}
		}
	}

	var languageSubset []Language

	for _, language := range filteredLanguages {
		if counts[language] > 0 && float64(counts[language]) >= halfWordCount {
			languageSubset = append(languageSubset, language)
		}
	}

	if len(languageSubset) > 0 {
		return languageSubset
	}

	return filteredLanguages
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

type partialNgram struct {
	key    uint64
	length int
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
	set.init(len(e.runes))
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

// keySet is a set of packed n-grams (never 0): open addressing.
type keySet struct {
	slots []uint64
	shift uint
}

func (s *keySet) init(n int) {
	size := 16
	shift := uint(60)
	for size < 2*n {
		size *= 2
		shift--
	}
	s.slots = make([]uint64, size)
	s.shift = shift
}

// add adds key and reports whether it was new.
func (s *keySet) add(key uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := slotOf(key, s.shift); ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = key
			return true
		case key:
			return false
		}
	}
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
func (detector languageDetector) models(language Language, ngramLength int) (models [maxNgramLength + 1]*compactModel) {
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
	models := detector.models(language, ngrams.length)
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

// loadLanguageModels is upstream's, for compact models.
func loadLanguageModels(
	languageModels *sync.Map,
	language Language,
	ngramLength int,
) *compactModel {
	existingModels, exists := languageModels.Load(language)
	if exists {
		return existingModels.(*compactModel)
	}

	model := loadCompactModel(language, ngramLength)
	if model == nil {
		return nil
	}

	languageModels.Store(language, model)
	return model
}
