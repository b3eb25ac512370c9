package langid

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// chunk is a whitespace-delimited piece of a sentence; word is the chunk
// without surrounding punctuation, at byte offsets [start, end) of the
// sentence.
type chunk struct {
	raw        string
	word       string
	start, end int
}

const edgePunct = "\"'()[]{}«»„“”‘’¿¡,.;:!?"

// chunks returns the first limit chunks of sent (all for limit < 0).
func chunks(sent string, limit int) []chunk {
	var out []chunk
	for i := 0; i < len(sent) && len(out) != limit; {
		for i < len(sent) && (sent[i] == ' ' || sent[i] == '\t' || sent[i] == '\n') {
			i++
		}
		j := i
		for j < len(sent) && sent[j] != ' ' && sent[j] != '\t' && sent[j] != '\n' {
			j++
		}
		if j > i {
			raw := sent[i:j]
			lead := len(raw) - len(strings.TrimLeft(raw, edgePunct))
			word := strings.Trim(raw, edgePunct)
			out = append(out, chunk{raw: raw, word: word, start: i + lead, end: i + lead + len(word)})
		}
		i = j
	}
	return out
}

// connector finds a clause-opening connector phrase or a run of two or more
// function words of another language at the start of a sentence in the
// document language ("Sin embargo, die wachsende ..."), confirmed by lingua.
func (d *Detector) connector(sent string, doc int) []Segment {
	// The longest connector phrase has four words; the run may go on,
	// but a clause opener is short.
	cs := chunks(sent, 8)
	if len(cs) < 2 {
		return nil
	}
	lowered := make([]string, len(cs))
	for k, c := range cs {
		lowered[k] = lower(c.word)
	}
	for li := range d.langs {
		if li == doc {
			continue
		}
		n := 0 // chunks covered by the run
		for _, words := range d.lex.connectors[li] {
			if len(words) > len(cs)-1 || len(words) <= n || words[0] != lowered[0] {
				continue
			}
			match := true
			for k, w := range words {
				if lowered[k] != w || (k < len(words)-1 && cs[k].raw != cs[k].word) {
					match = false
					break
				}
			}
			if match {
				n = len(words)
			}
		}
		// Extend (or start) the run with exclusive function words; only
		// the last chunk of the run may carry punctuation.
		for n < len(cs)-1 && d.lex.lang(cs[n].word) == li && (n == 0 || cs[n-1].raw == cs[n-1].word) {
			n++
		}
		if n < 2 {
			continue
		}
		// The run must end the clause opener: at a comma, or before a
		// lower-case word. "De la Cruz" before a capital is a name.
		last := cs[n-1].raw
		nextRune, _ := utf8.DecodeRuneInString(cs[n].word)
		if !strings.HasSuffix(last, ",") && (last != cs[n-1].word || !unicode.IsLower(nextRune)) {
			continue
		}
		start, end := cs[0].start, cs[n-1].end
		code, conf, ok := d.detect(sent[start:end])
		if ok && code == d.langs[li] {
			return []Segment{{Lang: code, Confidence: conf, Start: start, End: end}}
		}
	}
	return nil
}

// foreignWords finds single words of another language inside a German
// sentence: a lower-case word, or a capitalised one in the position of a
// common noun (after a lower-case word, not followed by a capitalised one, so
// not part of a name), whose spelling German does not use ("c" not before
// "h" or "k", Romance accents), which is no established loanword, and which
// lingua calls foreign with German at most 0.2. Only German has the
// orthography cue: Spanish and English borrow too freely for it.
func (d *Detector) foreignWords(sent, docLang string) []Segment {
	if docLang != "de" {
		return nil
	}
	doc := 0
	for i, l := range d.langs {
		if l == docLang {
			doc = i
		}
	}
	if !foreignToGerman(sent) {
		return nil // the common case: no word needs a look
	}
	cs := chunks(sent, -1)
	var out []Segment
	for k := 1; k < len(cs); k++ {
		c := cs[k]
		w := c.word
		if utf8.RuneCountInString(w) < 4 || !allLetters(w) {
			continue
		}
		first, size := utf8.DecodeRuneInString(w)
		if hasUpper(w[size:]) {
			continue // "CiberCuba", "demMiguel": glued names, not words
		}
		if unicode.IsUpper(first) {
			prev := cs[k-1]
			if prev.raw != prev.word || !allLetters(prev.word) || hasUpper(prev.word) {
				continue
			}
			// After a foreign function word ("Ministerio de
			// Comunicaciones") the word belongs to a foreign name.
			if pl := d.lex.lang(prev.word); pl >= 0 && pl != doc {
				continue
			}
			if k+1 < len(cs) {
				next, _ := utf8.DecodeRuneInString(cs[k+1].word)
				if unicode.IsUpper(next) {
					continue
				}
			}
		}
		lw := lower(w)
		if !foreignToGerman(lw) || d.lex.lang(lw) >= 0 || d.lex.isLoanword(doc, lw) {
			continue
		}
		code, conf, docConf, ok := d.detectWithDoc(w, docLang)
		if ok && code != docLang && conf >= 0.6 && docConf <= 0.2 {
			out = append(out, Segment{Lang: code, Confidence: conf, Start: c.start, End: c.end})
		}
	}
	return out
}

// foreignToGerman reports spelling that native German words do not have:
// "c" not before "h" or "k", Romance accents. Applied to a whole sentence it
// is a cheap filter.
func foreignToGerman(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20 // ASCII lower case
		if c == 'c' && (i+1 == len(w) || w[i+1]|0x20 != 'h' && w[i+1]|0x20 != 'k') {
			return true
		}
	}
	return strings.ContainsAny(w, "ñáéíóúàèìòùçâêîôûÁÉÍÓÚÑ")
}

func allLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// englishDate is the English "Month D, YYYY" form (a tweet footer, a
// dateline): German writes "3. April 2023", Spanish "3 de abril de 2023".
var englishDate = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? [0-3]?\d, (?:1[89]|20)\d\d\b`)

// englishDates returns the English-form dates of sent as English segments.
func englishDates(sent string) []Segment {
	// The regexp backtracks on every capital; the ", YYYY" part is rare.
	if !strings.Contains(sent, ", 1") && !strings.Contains(sent, ", 2") {
		return nil
	}
	var out []Segment
	for _, m := range englishDate.FindAllStringIndex(sent, -1) {
		out = append(out, Segment{Lang: "en", Confidence: 0.9, Start: m[0], End: m[1]})
	}
	return out
}
