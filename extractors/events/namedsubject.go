package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// namedSubject reports whether the subject slot of the trigger tr holds a
// name of its own: a run of capitalised words that no lexicon entry
// claims (no article, pronoun, role noun, state body, preposition …) and
// that is no nationality adjective, standing right before the verb in its
// clause ("Scott told reporters", "García dijo que"; in German only at the
// head of the clause, "Müller sagte am Dienstag") or right after it where
// a subject may follow the verb ("sagte Müller", "dijo García"; in English
// only after what was said, "…, said Smith", which opens tells). Then the
// sentence names its own subject, one the gazetteer does not know, and
// no one from an earlier sentence may stand in for it.
//
// A capital letter alone does not make a name where every word may have
// one: the first word of a sentence ("Officials said", "Fuentes dijeron"),
// and in German every noun ("Experten sagten", "sagten Diplomaten"). Such a
// word counts only when the text uses it as a name: in German after
// another capitalised word inside a sentence ("Bernd Müller", "Minister
// Müller"), in Spanish and English anywhere inside a sentence
// (usedAsName).
//
// It is asked only where an event would borrow its actor, never per word.
func namedSubject(text, lang string, ws []word, lex *view, tr hit, opens bool) bool {
	if nameBefore(text, lang, ws, lex, tr) {
		return true
	}
	// After the verb: the run of name words starting right after it.
	c := ws[tr.i].clause
	k := tr.i + tr.n
	if k >= len(ws) || ws[k].clause != c || !nameWord(ws, lex, k) || lang == "en" && !opens {
		return false
	}
	last := k
	for last+1 < len(ws) && ws[last+1].clause == c && nameWord(ws, lex, last+1) {
		last++
	}
	return lang != "de" || nameRun(text, ws, k, last)
}

// nameBefore is namedSubject's subject before the verb: the run of name
// words ending right before it, or before its auxiliary ("Cambridge has
// said", "García ha dicho"), in German heading the clause.
func nameBefore(text, lang string, ws []word, lex *view, tr hit) bool {
	c := ws[tr.i].clause
	j := tr.i - 1
	for j > 0 && ws[j].clause == c && perfect(lang, ws[j].fold) {
		j--
	}
	if j >= 0 && ws[j].clause == c && nameWord(ws, lex, j) {
		first := j
		for first > 0 && ws[first-1].clause == c && nameWord(ws, lex, first-1) {
			first--
		}
		headed := first == 0 || ws[first-1].clause != c // the run opens its clause
		switch {
		case first > 0 && ws[first-1].clause == c && (lex.at(kindArticle, first-1) || lex.at(kindObjectMarker, first-1) || lex.at(kindPreposition, first-1) || lex.at(kindLocation, first-1)):
			// "the Reckoning Crew said", "die Deutsche Bahn": a noun phrase.
		case lang == "de":
			if headed && nameRun(text, ws, first, j) {
				return true
			}
		case j > 0 || usedAsName(text, lang, ws[j]):
			return true
		}
	}
	return false
}

// perfect reports an English or Spanish auxiliary of the perfect, which
// stands between a subject and its participle. (German puts the
// participle at the end of its clause, far from the subject.)
func perfect(lang, fold string) bool {
	switch lang {
	case "en":
		return fold == "has" || fold == "have" || fold == "had"
	case "es":
		return fold == "ha" || fold == "han" || fold == "habia" || fold == "habian"
	}
	return false
}

// nameRun reports, for German, whether the run of capitalised words
// [first, last] is a name: it has two words inside the sentence ("sagte
// Bernd Müller"), or the text uses its last word as a name elsewhere.
func nameRun(text string, ws []word, first, last int) bool {
	return last > first && first > 0 || usedAsName(text, "de", ws[last])
}

// nameWord reports whether word k may be part of a name: capitalised, of
// no lexicon entry, no nationality adjective.
func nameWord(ws []word, lex *view, k int) bool {
	w := &ws[k]
	return w.cap && w.adj == nil && (k >= len(lex.one) || lex.one[k] == 0)
}

// maxNameWindow bounds the text usedAsName searches on either side of the
// word: a long document is not read whole for each sentence that asks.
const maxNameWindow = 8 << 10

// usedAsName reports whether the text, near w, has w's word capitalised
// where only a name is: inside a sentence after a word or a comma in
// Spanish and English ("King asked Scott"); in German after another
// capitalised word that itself stands inside a sentence ("Bernd Müller",
// "Ministerin Müller").
func usedAsName(text, lang string, w word) bool {
	name := text[w.start:w.end]
	from, to := max(0, w.start-maxNameWindow), min(len(text), w.end+maxNameWindow)
	for at := from; at < to; {
		i := strings.Index(text[at:to], name)
		if i < 0 {
			return false
		}
		i += at
		at = i + len(name)
		if i == w.start || at < len(text) && wordByte(text, at) || i > 0 && wordByte(text, i-1) {
			continue // the word itself, or part of a longer one
		}
		prev, p := before(text, i) // the word or mark before it
		if p < 0 {
			continue
		}
		if lang != "de" {
			if prev == ',' || prev == ';' || isWordRune(prev) {
				return true // "King asked Scott", "Bernice Scott"
			}
			continue
		}
		if isWordRune(prev) && unicode.IsUpper(firstRuneOfWord(text, p)) && insideSentence(text, wordStart(text, p)) {
			return true
		}
	}
	return false
}

// before returns the last rune before offset i that is not a space, and
// its offset (-1 at the start of the text).
func before(text string, i int) (rune, int) {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		i -= n
		if r == '\n' {
			return r, -1 // a new line: a heading or paragraph start
		}
		if !unicode.IsSpace(r) {
			return r, i
		}
	}
	return 0, -1
}

// insideSentence reports whether the word at offset p follows a word or a
// comma rather than the start of a sentence or a line.
func insideSentence(text string, p int) bool {
	r, q := before(text, wordStart(text, p))
	return q >= 0 && (r == ',' || r == ';' || isWordRune(r))
}

// wordStart returns the start of the word that has a rune at offset p.
func wordStart(text string, p int) int {
	for p > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:p])
		if !isWordRune(r) {
			break
		}
		p -= n
	}
	return p
}

// firstRuneOfWord is the first rune of the word that has a rune at p.
func firstRuneOfWord(text string, p int) rune {
	r, _ := utf8.DecodeRuneInString(text[wordStart(text, p):])
	return r
}

// wordByte reports whether the rune at byte offset i (or the one it is
// part of) is a word rune.
func wordByte(text string, i int) bool {
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// clauseSubject reports a candidate that may be the subject of the trigger
// tr in its own clause: one that acts before it there, or one right after
// it. Where there is none, a name before the verb (nameBefore) is its
// subject, and the candidates of other clauses are not.
func clauseSubject(cands []Participant, ws []word, tr hit) bool {
	c, trig := ws[tr.i].clause, ws[tr.i].start
	next := -1
	if k := tr.i + tr.n; k < len(ws) {
		next = ws[k].start
	}
	for i := range cands {
		if p := &cands[i]; p.acts && (p.clause == c && p.at < trig || p.at == next) {
			return true
		}
	}
	return false
}

// headedByName reports a clause that is only a name (and an auxiliary)
// before the trigger tr, perhaps after a conjunction (", and Cambridge has
// said"): not a name that ends a list inside the clause ("integrado por
// las juezas X, Y y Z— condenó", where the subject stands before the
// insertion).
func headedByName(lang string, ws []word, lex *view, tr hit) bool {
	c := ws[tr.i].clause
	first := tr.i
	for first > 0 && ws[first-1].clause == c {
		first--
	}
	if first < tr.i {
		switch ws[first].fold {
		case "and", "y", "e", "und":
			first++
		}
	}
	for k := first; k < tr.i; k++ {
		if !nameWord(ws, lex, k) && !perfect(lang, ws[k].fold) {
			return false
		}
	}
	return first < tr.i
}
