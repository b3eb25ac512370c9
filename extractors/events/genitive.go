package events

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// A person in the German genitive after a noun owns that noun and is not
// the subject of its clause's verb: "Abir Moussi, die die Maßnahmen des
// Präsidenten anfangs begrüßte" (Moussi welcomed them), "kritisierte die
// Rede des russischen Außenministers Sergej Lawrow". The genitive article
// is the cue "genitive" ("des": "der" is as often a nominative or a
// dative); an adjective may stand between it and the person, or a title
// before the name. Only a clause with a trigger is read: the owner may act
// in a relative clause of its own ("Äußerungen des Außenministers X, der
// Riad vorgeworfen hatte"). A spokesperson of the person speaks for him
// ("der Sprecher des Präsidenten sagte"), and a person right after a
// trigger noun may be its agent ("der Besuch des Präsidenten"): both are
// left to the other rules.

// genitiveOwner reports whether the person p, spoken of at word k, stands
// in the genitive after a noun of its clause.
func genitiveOwner(text, lang string, p Participant, ws []word, lex *view, k int) bool {
	if p.Entity.Type != gazetteer.TypePerson || lex.has&(1<<kindCue) == 0 {
		return false
	}
	if p.at == p.Start {
		if t := titleBefore(text, lang, ws, lex, k); t > 0 {
			k = t
		}
	}
	for _, c := range lex.find(kindCue) {
		g := c.i
		if c.e.name != "genitive" || g >= k || k-g > 2 || g == 0 || ws[g].clause != ws[k].clause || ws[g-1].clause != ws[g].clause {
			continue
		}
		owned := g - 1
		if !ws[owned].cap || lex.at(kindTrigger, owned) {
			return false
		}
		for _, r := range lex.find(kindRole) {
			if r.i+r.n-1 == owned && strings.Contains(r.e.value, "Spokesperson") {
				return false
			}
		}
		return triggerIn(ws, lex, ws[g].clause)
	}
	return false
}

// triggerIn reports whether clause holds a trigger: a genitive owner may
// go on to act in a relative clause of its own ("Äußerungen des
// Außenministers X, der Riad vorgeworfen hatte"), and only its own
// clause's verb is the one it does not do.
func triggerIn(ws []word, lex *view, clause int) bool {
	for k := range ws {
		if ws[k].clause == clause && lex.at(kindTrigger, k) {
			return true
		}
	}
	return false
}
