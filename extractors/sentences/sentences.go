// Package sentences splits normalised news text into sentences with byte
// offsets.
//
// Guarantees of [Split]: the spans it returns are half-open byte ranges into
// the text it was given, in order, non-overlapping, never empty, trimmed of
// surrounding whitespace, and, for valid UTF-8 (which the normaliser
// guarantees), they start and end on rune boundaries. A line
// break always ends a sentence, because scraped pages put bylines, headlines,
// section names and menu items on lines of their own without any final
// punctuation. Within a line the Punkt tokenizer of
// gopkg.in/neurosnap/sentences.v1 decides, with the model of the document
// language (German, Spanish, English; other languages use the English
// model), corrected by a few rules that hold for news at large: no break
// before a word that starts in lower case, none after an ordinal before a
// month name ("am 24. Februar", "MOSKAU, 26. Mai"), none after a German
// ordinal before a noun ("zum 80. Jahrestag"), and none after abbreviations
// that never end a sentence ("Dr.", "Sr.", "z.B.", "Anm.d. Red.").
//
// The Punkt models are the ones shipped with gopkg.in/neurosnap/sentences.v1
// (MIT licence, see data/LICENSE.md), written by go generate in a compact
// sorted form (data/*.punkt) that loads in a millisecond where the JSON took
// 40-180 ms; each is read once per process, on first use. The library's
// annotation is ported in punkt.go, which tests compare with the library.
//
// English uses the Punkt English model directly rather than prose: prose's
// segmenter decodes the same model again on every document (14 ms for 5 KB,
// 0.4 MB/s) and returns sentence text without offsets.
//
// Split is safe for concurrent use: the models are read-only once loaded.
package sentences

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/internal/swar"
)

//go:generate go run ./internal/punktgen

// Span is a half-open byte range [Start, End) into the text given to [Split].
type Span struct {
	Start, End int
}

var (
	//go:embed data/german.punkt
	germanModel string
	//go:embed data/spanish.punkt
	spanishModel string
	//go:embed data/english.punkt
	englishModel string
)

var models = map[string]*lazyModel{
	"de": {data: germanModel},
	"es": {data: spanishModel},
	"en": {data: englishModel, english: true},
}

// modelFor returns the Punkt model for lang (the English one for a language
// without a model of its own), or nil when its data cannot be read (then
// lines are not split further: a wrong model must not take the pipeline
// down).
func modelFor(lang string) *punktModel {
	m, ok := models[lang]
	if !ok {
		m = models["en"]
	}
	return m.get()
}

// Split returns the sentences of text, a normalised document in language
// lang (an ISO 639-1 code). See the package documentation for the
// guarantees.
func Split(text, lang string) []Span {
	var spans []Span
	var m *punktModel // looked up at the first line that needs it
	looked := false
	f := newPuncts(text) // the first ".!?" of each line, in one pass
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		k := f.index(start)
		if k >= end {
			k = -1
		} else if k >= 0 {
			k -= start
		}
		if line := text[start:end]; !midLinePunctAt(line, k) {
			spans = appendTrimmed(spans, text, start, end)
		} else {
			if !looked {
				m, looked = modelFor(lang), true
			}
			spans = punktLineAt(spans, m, text, start, end, lang, k)
		}
		start = end + 1
	}
	return spans
}

// punktLineModel appends the sentences of text[start:end], which holds no
// line break, as Punkt (m, the model of lang) and the corrections of
// keepBreak find them.
func punktLineModel(spans []Span, m *punktModel, text string, start, end int, lang string) []Span {
	return punktLineAt(spans, m, text, start, end, lang, indexPunct(text[start:end], 0))
}

// punktLineAt is punktLineModel of a line whose first ".!?" is at k.
func punktLineAt(spans []Span, m *punktModel, text string, start, end int, lang string, k int) []Span {
	line := text[start:end]
	if m == nil {
		return appendTrimmed(spans, text, start, end)
	}
	// Punkt sees only the line from the word holding the first ".!?" on:
	// it keeps no word before that one (its tokens are the words with
	// ".!?" and the word after each), and its annotations look at
	// nothing but a token and the next, so it places the same breaks,
	// shifted by from.
	from := wordStart(line, k)
	sub := line[from:]
	var buf [32]ptoken
	tokens := punktTokens(buf[:0], sub)
	punktAnnotate(m, sub, tokens)
	last := 0
	for i, t := range tokens {
		pos := from + t.pos
		if !t.sentBreak || pos <= last || pos >= len(line) {
			continue
		}
		next, hasNext := "", i+1 < len(tokens)
		if hasNext {
			next = sub[tokens[i+1].start:tokens[i+1].end]
		}
		if !keepBreakAfter(sub[t.start:t.end], next, hasNext, lang) {
			continue
		}
		spans = appendTrimmed(spans, text, start+last, start+pos)
		last = pos
	}
	return appendTrimmed(spans, text, start+last, end)
}

// wordStart returns where the white-space-delimited word holding
// line[k] starts (0 for k < 0), as wordStartForward finds it: looking
// back from k over ASCII bytes, which the forward decoding reads one by
// one too, and forwards from the start of the line only when the word
// holds another byte.
func wordStart(line string, k int) int {
	for i := k; i > 0; i-- {
		c := line[i-1]
		if c >= utf8.RuneSelf {
			return wordStartForward(line, k)
		}
		if asciiSpace[c] {
			return i
		}
	}
	return 0
}

// wordStartForward is wordStart decoding the line forwards from its
// start, as Punkt does.
func wordStartForward(line string, k int) int {
	start := 0
	for i := 0; i < k; {
		if c := line[i]; c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:k])
		i += size
		if unicode.IsSpace(r) {
			start = i
		}
	}
	return start
}

// midLinePunct reports whether Punkt could place a break inside line, that
// is, whether a word that is followed by another word holds one of ".!?".
//
// Punkt splits a line into words at white space (unicode.IsSpace, as here)
// and marks a break only after a word holding ".", "!" or "?", at the white
// space that ends it, or at the end of the line. When no such word precedes
// another word (a headline, a one-sentence paragraph) the only possible
// break is after the last word, where it would cut off nothing but
// trailing white space, which appendTrimmed drops anyway: the line is one
// sentence with or without Punkt, so Punkt need not run.
func midLinePunct(line string) bool {
	return midLinePunctAt(line, indexPunct(line, 0))
}

// midLinePunctAt is midLinePunct of a line whose first ".!?" is at k
// (-1: none).
func midLinePunctAt(line string, k int) bool {
	if k < 0 {
		return false
	}
	space := false
	for _, r := range line[k:] {
		if unicode.IsSpace(r) {
			space = true
		} else if space {
			return true // a word follows the one holding the punctuation
		}
	}
	return false
}

// appendTrimmed appends text[start:end] without surrounding white space,
// unless nothing is left.
func appendTrimmed(spans []Span, text string, start, end int) []Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		spans = append(spans, Span{Start: start, End: end})
	}
	return spans
}

// keepBreakAfter applies the corrections to a break Punkt placed after the
// token prev, which is followed by the token next if hasNext (not at the
// end of the line).
func keepBreakAfter(prev, next string, hasNext bool, lang string) bool {
	if !hasNext {
		return true
	}
	word := trimOpening(next)
	first, _ := utf8.DecodeRuneInString(word)
	// A sentence starts with a capital, a digit or punctuation in all
	// three languages; a lower-case word after "Red.)" or "?"" continues.
	if unicode.IsLower(first) && !strings.ContainsAny(word, "/@") {
		return false // a URL or handle after a sentence is no continuation
	}
	bare := strings.TrimRight(prev, ".)\"'")
	if isOrdinal(prev) {
		if isMonth(word) {
			return false
		}
		// German writes ordinals with a period ("zum 80. Jahrestag");
		// a sentence ending in a bare number of up to three digits is rare.
		if lang == "de" && unicode.IsUpper(first) && !isFunctionStart(word) {
			return false
		}
	}
	if strings.HasSuffix(prev, ".") && isNeverFinal(bare) {
		return false
	}
	return true
}

// openingMarks are what trimOpening drops.
const openingMarks = "\"'([¿¡-"

// trimOpening is strings.TrimLeft(next, openingMarks): most tokens start
// with a byte that can start none of the marks (every mark is ASCII or
// starts with 0xC2), and are returned as they are without TrimLeft's
// search of a cutset that is not all ASCII.
func trimOpening(next string) string {
	if next == "" {
		return next
	}
	switch next[0] {
	case '"', '\'', '(', '[', '-', 0xC2:
		return strings.TrimLeft(next, openingMarks)
	}
	return next
}

// isNeverFinal reports whether neverFinal holds strings.ToLower(bare),
// which Punkt's break after every sentence ending in a period asks: an
// ASCII word is lowered into a stack buffer (strings.ToLower allocates
// for a capitalised word, as most are) or, longer than every key, not
// looked up at all (ASCII keeps its length in lower case).
// TestIsNeverFinal holds it to the map look-up.
func isNeverFinal(bare string) bool {
	if len(bare) > neverFinalLen {
		if swar.ASCII(bare) {
			return false
		}
		return neverFinal[strings.ToLower(bare)]
	}
	var buf [16]byte
	if len(bare) > len(buf) {
		return neverFinal[strings.ToLower(bare)]
	}
	for i := 0; i < len(bare); i++ {
		c := bare[i]
		if c >= utf8.RuneSelf {
			return neverFinal[strings.ToLower(bare)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return neverFinal[string(buf[:len(bare)])]
}

// neverFinalLen is the length of the longest key of neverFinal.
var neverFinalLen = func() int {
	n := 0
	for w := range neverFinal {
		n = max(n, len(w))
	}
	return n
}()

// isOrdinal reports whether tok is a number of one to three digits followed
// by a period: years ("2023.") end sentences, ordinals do not.
func isOrdinal(tok string) bool {
	digits := strings.TrimSuffix(tok, ".")
	if len(digits) == len(tok) || len(digits) == 0 || len(digits) > 3 {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isMonth reports whether word starts with a German, Spanish or English
// month name or its usual abbreviation.
func isMonth(word string) bool {
	w := strings.ToLower(strings.TrimRight(word, ".,;:)"))
	return months[w]
}

// isFunctionStart reports whether word is a German article or pronoun that
// typically opens a sentence: after an ordinal those mean the number ended
// the sentence ("... im Jahr 80. Die ...").
func isFunctionStart(word string) bool {
	return germanStarters[strings.ToLower(strings.TrimRight(word, ".,;:"))]
}

var months = setOf(
	// German
	"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
	"august", "september", "oktober", "november", "dezember",
	"jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
	// Spanish
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "setiembre", "octubre", "noviembre", "diciembre",
	"ene", "mar", "may", "ago", "oct", "dic",
	// English
	"january", "february", "march", "june", "july", "october", "december",
)

var germanStarters = setOf(
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "er", "sie",
	"es", "wir", "ich", "ihr", "man", "dies", "diese", "dieser", "dieses", "damit",
	"dabei", "doch", "aber", "auch", "so", "und", "im", "am", "in", "auf", "nach",
	"zuvor", "danach", "bereits",
)

// neverFinal holds abbreviations (lower case, without the final period) that
// stand before a name, number or further word and so never end a sentence.
// Ones that can end a sentence ("usw.", "etc.", "EE.UU.", "u.a.") are left to
// Punkt.
var neverFinal = setOf(
	// titles, all three languages
	"dr", "dra", "prof", "sr", "sra", "srta", "mr", "mrs", "ms", "hr", "fr",
	"gen", "gral", "lt", "col", "cnel", "capt", "sgt", "gov", "sen", "rep",
	"lic", "ing", "dipl", "excmo", "excma", "mons", "hl",
	// German
	"z.b", "d.h", "anm", "anm.d", "bzw", "ca", "vgl", "nr", "abs",
	"bzgl", "ggf", "evtl", "inkl", "sog", "mio", "mrd", "s.o", "u.u",
	// Spanish
	"p.ej", "núm", "pág", "ud", "uds", "vd", "vds", "aprox",
	// English
	"e.g", "i.e", "vs", "approx",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
