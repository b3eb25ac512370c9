package tagger

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// An abbreviation in brackets after the words it abbreviates defines it
// for the document: "der Bundesverband Solarwirtschaft (BSW)", "la
// Administración Nacional de Puertos (ANP)". Where those words are no name
// of the gazetteer's entity for the abbreviation (BSW, the party; ANP, the
// Dutch news agency), the abbreviation means something else in this
// document, and undefined drops its mentions of that entity, all of them:
// a headline may use it before the body defines it.
//
// The words are found as Schwartz and Hearst find the long form of an
// abbreviation ("A simple algorithm for identifying abbreviation
// definitions in biomedical text", 2003): the abbreviation's letters, from
// the last, in order in the words before the bracket, its first letter at
// the start of a word, within min(n+5, 2n) words for n letters. An
// abbreviation whose letters are not there ("Olaf Scholz (SPD)": a party
// after a name) defines nothing and stays.
//
// The words confirm the entity when a mention of it covers them, or when
// they share a word with one of its names in any language ("Drug
// Enforcement Agency (DEA)" for the Drug Enforcement Administration).

// maxAbbrev is the longest abbreviation read, in bytes.
const maxAbbrev = 10

// undefined drops from out the mentions of entities whose abbreviation
// the text defines as something else (see above); a finding left without
// mentions is dropped. out is changed in place.
func undefined(toks []gazetteer.Token, out []Finding) []Finding {
	var drop []abbrev
	for _, f := range out {
		for _, m := range f.Mentions {
			// Most mentions are no abbreviation: no call for them.
			if toks[m.TokStart].Shape != gazetteer.ShapeUpper || m.TokEnd != m.TokStart+1 {
				continue
			}
			if a, ok := bracketed(toks, m); ok && !confirms(toks, f, a) {
				drop = append(drop, abbrev{f.Entity, toks[m.TokStart].Fold})
			}
		}
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for _, f := range out {
		ms := f.Mentions[:0:0] // a copy: findings share their mentions' memory
		for _, m := range f.Mentions {
			if !dropped(drop, f.Entity, toks, m) {
				ms = append(ms, m)
			}
		}
		if len(ms) == len(f.Mentions) {
			kept = append(kept, f)
		} else if len(ms) > 0 {
			kept = append(kept, Finding{Entity: f.Entity, Mentions: ms})
		}
	}
	clear(out[len(kept):]) // no entities kept alive past the end
	return kept
}

// abbrev is an abbreviation (its folding) that does not stand for entity
// in a document.
type abbrev struct {
	entity *gazetteer.Entity
	fold   string
}

func dropped(drop []abbrev, e *gazetteer.Entity, toks []gazetteer.Token, m Mention) bool {
	if m.TokEnd != m.TokStart+1 {
		return false
	}
	for _, d := range drop {
		if d.entity == e && toks[m.TokStart].Fold == d.fold {
			return true
		}
	}
	return false
}

// definition is an abbreviation in brackets and the words before it that
// it abbreviates, toks[start:end].
type definition struct {
	short      string // folded
	start, end int
}

// bracketed returns the definition m makes, if m is an abbreviation of
// one token in brackets right after words on its line, and those words
// hold its letters.
func bracketed(toks []gazetteer.Token, m Mention) (definition, bool) {
	k := m.TokStart
	if m.TokEnd != k+1 || k < 2 || k+1 >= len(toks) {
		return definition{}, false
	}
	t := &toks[k]
	if t.Shape != gazetteer.ShapeUpper || len(t.Fold) > maxAbbrev || toks[k-1].Fold != "(" || toks[k+1].Fold != ")" ||
		t.LineBreak || toks[k-1].LineBreak {
		return definition{}, false
	}
	// The words before the bracket, on its line and in its clause; a
	// closing quote may end them ("der „Deutschen Erdoel AG“ (DEA)").
	n := len(t.Fold)
	window := min(n+5, 2*n)
	end := k - 1
	if closingQuote(toks[end-1].Fold) {
		end--
	}
	start, words := end, 0
	for start > 0 && words < window {
		p := &toks[start-1]
		if !p.IsWord() && p.Fold != "-" {
			break
		}
		start--
		if p.IsWord() {
			words++
		}
		if p.LineBreak {
			break
		}
	}
	if words == 0 {
		return definition{}, false
	}
	from := longFormStart(t.Fold, toks[start:end])
	if from < 0 {
		return definition{}, false
	}
	return definition{short: t.Fold, start: start + from, end: end}, true
}

// closingQuote reports whether a token is a quotation mark that may close
// a quoted name.
func closingQuote(fold string) bool {
	switch fold {
	case "\"", "'", "\u201c", "\u201d", "\u2019", "\u00bb", "\u00ab":
		return true
	}
	return false
}

// longFormStart returns the index of the word of ws where the long form of
// short begins (Schwartz and Hearst's match: short's letters and digits
// from the last, each found before the one after it, the first at a
// word's start), or -1 if ws do not hold it. Words and short are folded.
func longFormStart(short string, ws []gazetteer.Token) int {
	w := len(ws) - 1
	at := len(ws[w].Fold) - 1 // a byte of ws[w].Fold
	for s := len(short) - 1; s >= 0; s-- {
		c := short[s]
		if !isAlnum(c) {
			continue
		}
		for {
			if at < 0 {
				if w--; w < 0 {
					return -1
				}
				at = len(ws[w].Fold) - 1
				continue
			}
			if ws[w].Fold[at] == c && (s > 0 || at == 0) {
				break
			}
			at--
		}
		at--
	}
	return w
}

func isAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// confirms reports whether the words that d says the abbreviation stands
// for name f's entity: a mention of it covers one of them, or they share
// a word of four letters or more with one of its names.
func confirms(toks []gazetteer.Token, f Finding, d definition) bool {
	for _, m := range f.Mentions {
		if m.TokStart < d.end && m.TokEnd > d.start {
			return true
		}
	}
	words := map[string]bool{}
	for _, t := range toks[d.start:d.end] {
		if len(t.Fold) >= 4 && t.IsWord() {
			words[t.Key] = true
		}
	}
	e := f.Entity
	names := []string{e.Name}
	for _, ns := range e.Names {
		names = append(names, ns...)
	}
	for _, name := range names {
		if strings.EqualFold(name, d.short) {
			continue
		}
		for _, t := range gazetteer.Tokens(name) {
			if words[t.Key] {
				return true
			}
		}
	}
	return false
}
