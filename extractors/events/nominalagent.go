package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// maxAgentWords bounds the words between a nominal agent's word and its
// name ("durch den damaligen US-Präsidenten Donald Trump").
const maxAgentWords = 6

// agentOf is passive, or for a trigger in no passive clause nominalAgent:
// the offset of the agent and whether the event has its roles as a
// passive's (passiveRoles).
func agentOf(ws []word, lex *view, tr hit, noun bool, cands []Participant) (int, bool) {
	if agent, pass := passive(ws, tr, lex); pass {
		return agent, true
	}
	return nominalAgent(ws, lex, tr, noun, cands)
}

// nominalAgent returns, for a noun trigger ("die Ausweisung zweier
// Diplomaten durch Estland", "la expulsión de dos diplomáticos por parte
// de Estonia", "the expulsion of two diplomats by Estonia"), the offset of
// the participant its agent word (a lexicon agent "agens_nominal") names
// within maxNominalWords after it in its clause, and true; else -1, false.
// A nominalised act names its actor there, and the genitive or adjective
// before it ("zweier russischer Diplomaten") the ones it befalls.
//
// It makes that participant act in cands, in place.
//
// A trigger is a noun when German spells it with its capital inside the
// sentence (noun), or an article or object marker stands before it.
func nominalAgent(ws []word, lex *view, tr hit, noun bool, cands []Participant) (int, bool) {
	if lex.has&(1<<kindAgent) == 0 || !noun && (tr.i == 0 || !lex.at(kindArticle, tr.i-1) && !lex.at(kindObjectMarker, tr.i-1)) {
		return -1, false
	}
	c := ws[tr.i].clause
	for k := tr.i + tr.n; k < len(ws) && k-tr.i <= maxNominalWords && ws[k].clause == c; k++ {
		if !lex.at(kindAgent, k) {
			continue // a bit test a word; the hits are read only where an agent is
		}
		j := slices.IndexFunc(lex.hits, func(h hit) bool { return h.i == k && h.kind == kindAgent && h.e.name == "agens_nominal" })
		if j < 0 {
			if at, ok := visitor(ws, lex, tr, k, cands); ok {
				return at, true
			}
			continue
		}
		h := &lex.hits[j]
		last := h.i + h.n - 1
		from := ws[last].end
		limit := min(len(ws)-1, last+maxAgentWords)
		for limit > last && ws[limit].clause != c {
			limit--
		}
		best := -1
		for i, p := range cands {
			if p.at < from || p.at > ws[limit].start || best >= 0 && p.at >= cands[best].at {
				continue
			}
			// A country right after the agent word acts although a
			// preposition ends it ("por parte de Estonia").
			if p.acts || p.Entity.Type == gazetteer.TypeCountry && wordFrom(ws, p.at) == last+1 {
				best = i
			}
		}
		if best >= 0 {
			cands[best].acts = true
			return cands[best].at, true
		}
	}
	return -1, false
}
