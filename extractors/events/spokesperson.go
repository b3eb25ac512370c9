package events

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// maxSpokesWords is how many words may stand between a spokesperson noun
// and the body it speaks for ("un portavoz del Ministerio de Exteriores
// ruso": four).
const maxSpokesWords = 4

// spokespersonBodies puts a body named after an unnamed spokesperson of it
// where the spokesperson stands ("sagte eine Sprecherin des Auswärtigen
// Amts", "dijo un portavoz del Gobierno polaco", "a spokeswoman for the
// Israeli government said"): the body speaks through them. So it is the
// subject of a verb right before the spokesperson, however long the phrase
// that names the body, and not the object of the preposition that joins
// them; and it is an object where the spokesperson is one ("kritisierte
// einen Sprecher des Ministeriums", "criticó a un portavoz del Kremlin").
// The body is the first candidate of the phrase after the noun, an
// organisation or a country (named, or read from an adjective on a state
// body); a spokesperson named next to the noun ("der Sprecher des Kremls,
// Dmitri Peskow") speaks for himself.
//
// Most sentences have neither a role noun nor a location preposition: they
// return before the call. Sentence calls it on the line of roleNouns: a
// line more there moves the call sites that default.pgo knows, and
// markObjects lost its inlining (+1.6 M instructions on dev documents
// 101-400).
func spokespersonBodies(in *Input, lang string, cands []Participant, ws []word, lex *view) []Participant {
	if lex.has&(1<<kindRole|1<<kindLocation) == 0 || len(cands) == 0 {
		return cands
	}
	return moveToSpokespersons(in, lang, cands, ws, lex)
}

// moveToSpokespersons is spokespersonBodies for a sentence that may have a
// spokesperson.
func moveToSpokespersons(in *Input, lang string, cands []Participant, ws []word, lex *view) []Participant {
	moved := false
	if lex.has&(1<<kindLocation) != 0 && lex.has&(1<<kindBody) != 0 {
		for i := range cands {
			// "sagte eine Regierungssprecherin in Warschau": the state the
			// capital stands for speaks where its spokesperson stands.
			if j := capitalBody(ws, lex, &cands[i]); j >= 0 && !government(ws[j].fold) {
				cands[i].at = ws[j].start
				moved = true
			}
		}
	}
	for _, r := range lex.find(kindRole) {
		end := r.i + r.n
		if end >= len(ws) || !bodyJoin(ws, lex, end) || !strings.Contains(r.e.value, "Spokesperson") || named(*in, ws, lex, end) {
			continue
		}
		// The first candidate of the phrase after the noun; a capital
		// after a government starts it at the government ("ein Sprecher
		// der Regierung in Warschau").
		body, first := -1, 0
		for i := range cands {
			p := &cands[i]
			k := capitalBody(ws, lex, p)
			if k < 0 {
				k = wordFrom(ws, p.Start)
			}
			if p.at != p.Start || p.side || p.Entity.Type == gazetteer.TypePerson || k <= end || k > end+maxSpokesWords {
				continue
			}
			if body < 0 || k < first {
				body, first = i, k
			}
		}
		if body < 0 || !spokesPhrase(lang, ws, lex, end+1, first, ws[r.i].clause) {
			continue
		}
		cands[body].at = ws[r.i].start
		moved = true
	}
	if moved {
		sortParticipants(cands, true)
	}
	return cands
}

// capitalBody returns, for a capital that stands for its state after a
// government or its spokesperson ("die Regierung in Prag", "ein
// Regierungssprecher in Warschau": participants, governmentAt), the word
// of the government; else -1.
func capitalBody(ws []word, lex *view, p *Participant) int {
	if p.rule != "capital.body" {
		return -1
	}
	j := wordFrom(ws, p.Start) - 2
	if lex.at(kindArticle, j+1) {
		j-- // "in die"
	}
	return j
}

// bodyJoin reports whether the word at k joins a spokesperson noun to the
// body it speaks for: a preposition ("for", "of", "de", "del", "von") or,
// in German, the genitive article ("des", "der").
func bodyJoin(ws []word, lex *view, k int) bool {
	return lex.at(kindPreposition, k) || ws[k].fold == "des" || ws[k].fold == "der"
}

// spokesPhrase reports whether the words [from, to) go on with the phrase
// of the body in clause c: articles, prepositions, state-body nouns,
// adjectives before a noun ("des russischen", "for the Russian") and, in
// Spanish and English, capitalised words of a name the gazetteer does not
// know ("del Ministerio de Exteriores ruso"). Not a German noun of another
// kind: "ein Sprecher der Opposition im Bundestag" speaks for the
// opposition.
func spokesPhrase(lang string, ws []word, lex *view, from, to, c int) bool {
	for j := from; j < to; j++ {
		w := ws[j]
		switch {
		case w.clause != c:
			return false
		case lex.at(kindArticle, j), lex.at(kindPreposition, j), lex.at(kindBody, j):
		case w.cap && lang != "de":
		case strings.HasSuffix(w.fold, "en") && j+1 < len(ws) && ws[j+1].cap:
			// an inflected German adjective before its noun ("der Ständigen Vertretung")
		default:
			return false
		}
	}
	return to < len(ws) && ws[to].clause == c
}

// governmentAt reports a word naming a government as a whole at word j
// (government), or its spokesperson: "Regierungssprecher", "government
// spokesman", "portavoz gubernamental". A capital after it stands for its
// state ("ein Regierungssprecher in Warschau").
func governmentAt(ws []word, lex *view, j int) bool {
	f := ws[j].fold
	switch {
	case government(f):
		return true
	case strings.HasSuffix(f, "regierungssprecher"), strings.HasSuffix(f, "regierungssprecherin"):
		return true
	case f == "gubernamental":
		return j > 0 && spokespersonAt(lex, j-1)
	}
	return j > 0 && government(ws[j-1].fold) && spokespersonAt(lex, j)
}

// spokespersonAt reports a spokesperson noun of the lexicon ending at word j.
func spokespersonAt(lex *view, j int) bool {
	for _, r := range lex.find(kindRole) {
		if r.i+r.n == j+1 && strings.Contains(r.e.value, "Spokesperson") {
			return true
		}
	}
	return false
}
