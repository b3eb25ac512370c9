package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// A meeting told with its partner alone continues the subject of the
// sentence before: "El canciller X viajó a Pekín. Allí se reunió con su
// homólogo Wang Yi." has X meet Wang Yi, as "Dort traf sie sich mit Y"
// has the "sie" of the sentence before. When the sentence's first trigger
// is of a symmetric type, every side it names stands after "con" or "mit"
// past the trigger, and the sentence continues one before (a pronoun, or a
// Spanish verb near its start with its subject dropped), the one official
// that acted in the sentence before joins as the other side.

// withDroppedSubject returns cands with the one acting person of prev
// before them, if the trigger tr names only partners.
func withDroppedSubject(ws []word, tr hit, cands, prev []Participant) []Participant {
	if !symmetric[tr.e.value] || len(cands) == 0 {
		return cands
	}
	c := ws[tr.i].clause
	for _, p := range cands {
		if !p.acts {
			continue
		}
		k := wordFrom(ws, p.at)
		if k <= tr.i || ws[k].clause != c {
			return cands
		}
		partner := false
		for j := tr.i + tr.n; j < k; j++ {
			partner = partner || comitative[ws[j].fold]
		}
		if !partner {
			return cands
		}
	}
	var subject *Participant
	for i := range prev {
		p := &prev[i]
		if !p.acts || p.Entity.Type != gazetteer.TypePerson {
			continue
		}
		if subject != nil && subject.Entity != p.Entity {
			return cands // two officials before: which one goes on is unknown
		}
		subject = p
	}
	if subject == nil || slices.ContainsFunc(cands, func(p Participant) bool { return p.Entity == subject.Entity }) {
		return cands
	}
	s := *subject
	s.Role, s.at, s.clause, s.object = "", ws[tr.i].start-1, c, false
	return append([]Participant{s}, cands...)
}
