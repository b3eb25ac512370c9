package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// A visit noun names its visitor after "von" or "de" ("nach dem Besuch von
// Olaf Scholz in Peking", "la visita de Pedro Sánchez a Pekín", "el viaje
// del presidente Gustavo Petro"), where an act's noun names who suffers it
// ("die Ausweisung von zwei Diplomaten"): the lexicon's agent entry
// "agens_besuch" counts only right after a visit trigger, and only for a
// name that follows it within its noun phrase (an article, a title, an
// adjective of nationality or capitalised words between), so that "la
// visita de Estado a España" names no visitor. The visitor acts, the rest
// of the clause is visited (passiveRoles). A visit with an indefinite
// article is one spoken of, planned or not ("Ein Besuch von Maas in Riad sei
// derzeit nicht geplant"): it names no visitor who went.

// indefinite are the indefinite articles before a visit noun.
var indefinite = map[string]bool{"ein": true, "einen": true, "einem": true, "eines": true, "un": true, "una": true, "unos": true, "unas": true}

// maxVisitorWords bounds the words between the agent word and the
// visitor's name ("del presidente colombiano Gustavo Petro").
const maxVisitorWords = 3

// visitor returns, for a visit trigger tr followed at word k by the agent
// word "agens_besuch", the offset of the candidate it names, made to act.
func visitor(ws []word, lex *view, tr hit, k int, cands []Participant) (int, bool) {
	if tr.e.value != TypeVisit || k != tr.i+tr.n || tr.i > 0 && indefinite[ws[tr.i-1].fold] {
		return -1, false
	}
	if !slices.ContainsFunc(lex.hits, func(h hit) bool { return h.i == k && h.n == 1 && h.kind == kindAgent && h.e.name == "agens_besuch" }) {
		return -1, false
	}
	c := ws[k].clause
	for i, p := range cands {
		pk := wordFrom(ws, p.at)
		if pk <= k || pk-k-1 > maxVisitorWords || ws[pk].clause != c || p.at != p.Start {
			continue
		}
		between := true
		for j := k + 1; j < pk; j++ {
			if !lex.at(kindArticle, j) && !lex.at(kindRole, j) && !lex.at(kindOffice, j) && ws[j].adj == nil && !ws[j].cap ||
				lex.at(kindPreposition, j) || lex.at(kindLocation, j) {
				between = false
				break
			}
		}
		if between && (p.acts || p.Entity.Type == gazetteer.TypeCountry) {
			cands[i].acts = true
			return p.at, true
		}
	}
	return -1, false
}
