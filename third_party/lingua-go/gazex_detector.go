// Gazex's replacements of upstream detector.go's hot spots (see GAZEX.md):
// the same decisions and the same arithmetic, without regular expressions,
// maps or strings per word, character or n-gram.

package lingua

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
	// models are the compact models by language and size once loaded
	// (see model).
	models *[Unknown + 1][maxNgramLength + 1]atomic.Pointer[compactModel]
}

type oneLanguageAlphabet struct {
	alphabet alphabet
	language Language
}

func newGazexRules(languages []Language, oneLanguageAlphabets map[alphabet]Language) gazexRules {
	r := gazexRules{models: new([Unknown + 1][maxNgramLength + 1]atomic.Pointer[compactModel])}
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
	// An ASCII rune matches Latin alone, if a letter (matchesRune): the
	// common case without a call per alphabet and rune.
	a = -1
	if first < utf8.RuneSelf {
		if isASCIILetter(first) {
			a = latin
		}
	} else {
		for _, b := range allAlphabetList {
			if b.matchesRune(first) {
				a = b
				break
			}
		}
	}
	if a < 0 {
		return 0, false
	}
	for _, r := range word[size:] {
		if r < utf8.RuneSelf {
			if a != latin || !isASCIILetter(r) {
				return 0, false
			}
		} else if !a.matchesRune(r) {
			return 0, false
		}
	}
	return a, true
}

func isASCIILetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
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
	return appendWords(nil, text)
}

// appendWords appends the words of splitTextIntoWords(text) to words.
func appendWords(words []string, text string) []string {
	lower := strings.ToLower(text)
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
	return detector.filterLanguagesByRulesIn(words, new(callScratch))
}

// filterLanguagesByRulesIn is filterLanguagesByRules that builds its
// lists in s.filtered and s.subset, and whose distinct counts are no map.
func (detector languageDetector) filterLanguagesByRulesIn(words []string, s *callScratch) []Language {
	var detectedAlphabets [thai + 1]uint32
	halfWordCount := float64(len(words)) * 0.5

	for _, word := range words {
		if a, ok := wordAlphabet(word); ok {
			detectedAlphabets[a]++
		}
	}

	detected, mostFrequentAlphabet := 0, alphabet(0)
	var firstCount uint32
	sameCounts := true // upstream: the map of distinct counts has one
	for a, count := range detectedAlphabets {
		if count == 0 {
			continue
		}
		detected++
		if firstCount == 0 {
			firstCount = count
		} else if count != firstCount {
			sameCounts = false
		}
		if count > detectedAlphabets[mostFrequentAlphabet] {
			mostFrequentAlphabet = alphabet(a)
		}
	}

	if detected == 0 {
		return detector.languages
	}

	if detected > 1 && sameCounts {
		return detector.languages
	}

	filteredLanguages := s.filtered[:0]
	defer func() { s.filtered = filteredLanguages[:0] }()

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

	languageSubset := s.subset[:0]
	defer func() { s.subset = languageSubset[:0] }()

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

// callScratch is the working memory of one ComputeLanguageConfidenceValues,
// pooled (a detector is shared by goroutines): the words, their runes and
// codes, the distinct n-grams of one size, the sums per size and language
// and the softmax's big integers. After the first calls a detection
// allocates only the values it returns.
type callScratch struct {
	words    []string
	filtered []Language
	subset   []Language

	runes []rune
	codes []uint8
	ends  []int

	set         keySet
	packed      []uint64
	partial     []partialNgram
	partialSeen map[[2]uint64]struct{}

	sums      []float64 // per n-gram size (its place in the range) and filtered language
	counts    []uint32  // unigram counts per filtered language
	exps      []exponential
	expIndex  []int // the filtered language of each of exps
	quotients []float64
	softmaxScratch
}

var callScratchPool = sync.Pool{New: func() any { return new(callScratch) }}

// release clears the references into the text and returns s to the pool.
func (s *callScratch) release() {
	clear(s.words)
	s.words = s.words[:0]
	callScratchPool.Put(s)
}

// partialNgram is an n-gram holding a rune that is in no model: the
// packed prefix before that rune and its length, all a look-up can find.
type partialNgram struct {
	key    uint64
	length int
}

// encode keeps the words as runes and their codes, once per text.
func (s *callScratch) encode(words []string) {
	codes := runeCodes()
	s.runes, s.codes, s.ends = s.runes[:0], s.codes[:0], s.ends[:0]
	for _, word := range words {
		for _, r := range word {
			s.runes = append(s.runes, r)
			s.codes = append(s.codes, codes.code(r))
		}
		s.ends = append(s.ends, len(s.runes))
	}
}

// ngrams sets s.packed and s.partial to the distinct n-grams of
// ngramLength runes of the words, upstream's testDataLanguageModel, in the
// order of their first occurrence: packed when all their runes are in the
// models' alphabet, else as partialNgram (distinct by their runes).
func (s *callScratch) ngrams(ngramLength int) {
	s.packed, s.partial = s.packed[:0], s.partial[:0]
	s.set.reset(len(s.runes))
	clear(s.partialSeen)
	start := 0
	for _, end := range s.ends {
		for i := start; i+ngramLength <= end; i++ {
			var key uint64
			known := ngramLength
			for j := range ngramLength {
				c := s.codes[i+j]
				if c == 0 {
					known = j
					break
				}
				key |= uint64(c) << (codeBits * j)
			}
			if known == ngramLength {
				if s.set.add(key) {
					s.packed = append(s.packed, key)
				}
				continue
			}
			// The runes themselves, 21 bits each, identify the n-gram.
			var runes [2]uint64
			for j, r := range s.runes[i : i+ngramLength] {
				runes[j/3] |= uint64(r&0x1FFFFF) << (21 * (j % 3))
			}
			if s.partialSeen == nil {
				s.partialSeen = map[[2]uint64]struct{}{}
			}
			if _, seen := s.partialSeen[runes]; !seen {
				s.partialSeen[runes] = struct{}{}
				s.partial = append(s.partial, partialNgram{key, known})
			}
		}
		start = end
	}
}

// keySet is a set of packed n-grams (never 0): open addressing.
type keySet struct {
	slots []uint64
	shift uint
}

// reset empties s for n keys at most.
func (s *keySet) reset(n int) {
	size := 16
	shift := uint(60)
	for size < 2*n {
		size *= 2
		shift--
	}
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]uint64, size)
	}
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

// resized returns b with length n, its contents undefined.
func resized[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// gazexConfidenceValues is the end of upstream's
// ComputeLanguageConfidenceValues, from the n-gram sizes on:
// lookUpAllLanguageModels (upstream's goroutine per size run in turn),
// sumUpProbabilities and computeConfidenceValues, with slices per size and
// language in s instead of maps, and the softmax's division of integers
// instead of decimal's (softmax). The same sums in the same order, the
// same values (TestConfidencesMatchReference).
func (detector languageDetector) gazexConfidenceValues(
	values confidenceValueSlice,
	words []string,
	ngramLengthRange []int,
	filteredLanguages []Language,
	s *callScratch,
) []ConfidenceValue {
	s.encode(words)
	nl := len(filteredLanguages)
	s.sums = resized(s.sums, len(ngramLengthRange)*nl)
	s.counts = resized(s.counts, nl)
	hasUnigramCounts := false
	for r, ngramLength := range ngramLengthRange {
		s.ngrams(ngramLength)
		sums := s.sums[r*nl : (r+1)*nl]
		anyFound := false
		for i, language := range filteredLanguages {
			// upstream's probability map has language when sum < 0.
			sums[i] = detector.sumOfNgramProbabilities(language, ngramLength, s)
			anyFound = anyFound || sums[i] < 0
		}
		if ngramLength != 1 {
			continue
		}
		// countUnigrams of upstream's intersectedLanguages: a language
		// the unigram map lacks (when it has any) is counted as
		// Language(0), which has no compact model: no count.
		hasUnigramCounts = true
		for i, language := range filteredLanguages {
			s.counts[i] = 0
			if anyFound && sums[i] >= 0 {
				continue
			}
			model := detector.model(language, 1)
			for _, key := range s.packed {
				if model.probability(key) > 0 {
					s.counts[i]++
				}
			}
		}
	}

	// sumUpProbabilities.
	s.exps, s.expIndex = s.exps[:0], s.expIndex[:0]
	for i := range filteredLanguages {
		sum := 0.0
		for r := range ngramLengthRange {
			if p := s.sums[r*nl+i]; p < 0 {
				sum += p
			}
		}
		if hasUnigramCounts && s.counts[i] > 0 {
			sum /= float64(s.counts[i])
		}
		if sum != 0 {
			s.exps = append(s.exps, computeExponential(sum))
			s.expIndex = append(s.expIndex, i)
		}
	}
	if len(s.exps) == 0 {
		sort.Sort(values)
		return values
	}

	// computeConfidenceValues.
	s.quotients = resized(s.quotients, len(s.exps))
	if s.softmax(s.exps, s.quotients) {
		for j, i := range s.expIndex {
			setValue(values, filteredLanguages[i], s.quotients[j])
		}
	} else {
		// A zero denominator: the language most likely by the first
		// size's probabilities (trigrams: only long texts get here) gets
		// 1. Upstream sorts the languages of that map by probability, in
		// map order; of equal ones this takes the first filtered one.
		best := -1
		for i, p := range s.sums[:nl] {
			if p < 0 && (best < 0 || p > s.sums[best]) {
				best = i
			}
		}
		if best >= 0 {
			setValue(values, filteredLanguages[best], 1)
		}
	}
	sort.Sort(values)
	return values
}

// setValue sets the value of language in values.
func setValue(values confidenceValueSlice, language Language, value float64) {
	for i := range values {
		if values[i].Language() == language {
			values[i] = newConfidenceValue(language, value)
			return
		}
	}
}

// sumOfNgramProbabilities is upstream's computeSumOfNgramProbabilities
// over s.packed and s.partial: the sum of the logs of the probabilities of
// the n-grams, each by its longest prefix (the n-gram itself first) that
// the models know.
func (detector languageDetector) sumOfNgramProbabilities(language Language, ngramLength int, s *callScratch) float64 {
	var models [maxNgramLength + 1]*compactModel
	for n := 1; n <= ngramLength; n++ {
		models[n] = detector.model(language, n)
	}
	sum := 0.0
	for _, key := range s.packed {
		for n := ngramLength; n > 0; n-- {
			// lookUp, inlined: every n-gram of a text comes here.
			m := models[n]
			var logProbability float64
			var ok bool
			if m != nil && m.pairs != nil {
				logProbability, ok = m.lookUpPaired(key & prefixMask[n])
			} else {
				logProbability, ok = m.lookUpSlots(key & prefixMask[n])
			}
			if ok {
				sum += logProbability
				break
			}
		}
	}
	for _, p := range s.partial {
		for n := p.length; n > 0; n-- {
			if logProbability, ok := models[n].lookUp(p.key & prefixMask[n]); ok {
				sum += logProbability
				break
			}
		}
	}
	return sum
}

// model returns the model of language and ngramLength, loading it if it
// is not loaded yet: from the detector's array once seen, instead of a
// look-up in the process-wide sync.Map at each call.
func (detector languageDetector) model(language Language, ngramLength int) *compactModel {
	slot := &detector.gazex.models[language][ngramLength]
	if m := slot.Load(); m != nil {
		return m
	}
	caches := [maxNgramLength + 1]*sync.Map{nil,
		detector.unigramLanguageModels, detector.bigramLanguageModels, detector.trigramLanguageModels,
		detector.quadrigramLanguageModels, detector.fivegramLanguageModels}
	m := loadLanguageModels(caches[ngramLength], language, ngramLength)
	if m != nil {
		slot.Store(m)
	}
	return m
}
