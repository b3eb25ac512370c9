package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// Sides after "zwischen", "entre", "between": "das Treffen zwischen
// Russland und China", "la reunión entre España y Marruecos", "talks
// between Russia and Ukraine", "während eines Treffens in Peking zwischen
// dem Verteidigungsminister X und seinem Amtskollegen Y". The preposition
// names every side of the meeting, talks or agreement it follows, the
// first as much as the second: a country right after it is no object (as
// after "für"), and none of them receives. A passive without an agent
// whose subject names its sides so ("Das Abkommen zwischen Deutschland und
// Frankreich wurde unterzeichnet", "El acuerdo entre la UE y el Mercosur
// fue firmado") has them as its actors.

// betweenWords are the prepositions that name the sides of a relation.
var betweenWords = map[string]string{"de": "zwischen", "es": "entre", "en": "between"}

// maxBetweenGap is how many words may stand between a noun trigger and its
// "zwischen" ("eines Treffens in Peking zwischen …").
const maxBetweenGap = 4

// maxSideWords bounds the phrase after the conjunction that names the last
// side ("und seinem kubanischen Amtskollegen Álvaro López Miera").
const maxSideWords = 6

// betweenSides returns the candidates that a "zwischen X und Y" phrase of
// the trigger's clause names as sides: after a noun trigger (at most
// maxBetweenGap words after it), or before a passive trigger (in its
// subject), when passive. A side is a person or body that may act, or a
// country named as such (not by an adjective, nor in a compound).
func betweenSides(text, lang string, ws []word, tr hit, cands []Participant, passive bool) []int {
	prep := betweenWords[lang]
	if prep == "" {
		return nil
	}
	conjs := coordinators[lang]
	c := ws[tr.i].clause
	last := tr.i + tr.n - 1
	b := -1
	for k := last + 1; k < len(ws) && k-last <= maxBetweenGap+1 && ws[k].clause == c; k++ {
		if ws[k].fold == prep {
			b = k
			break
		}
	}
	if b < 0 && passive {
		for k := tr.i - 1; k >= 0 && ws[k].clause == c; k-- {
			if ws[k].fold == prep {
				b = k
				break
			}
		}
	}
	if b < 0 {
		return nil
	}
	conj := -1
	for k := b + 1; k < len(ws) && ws[k].clause == c && (k < tr.i || k > last); k++ {
		if slices.Contains(conjs, ws[k].fold) {
			conj = k
			break
		}
	}
	if conj < 0 {
		return nil
	}
	// The last side's phrase ends with the clause, but for an apposition
	// right after a comma ("und seinem Amtskollegen, X"): the name there.
	end, appos := len(ws)-1, -1
	for k := conj + 1; k < len(ws); k++ {
		if k-conj > maxSideWords || k >= tr.i && k <= last {
			end = k - 1
			break
		}
		if ws[k].clause != c {
			if appos < 0 && ws[k].clause == c+1 && ws[k].phrase == ws[k].clause {
				appos, c = k, ws[k].clause
				continue
			}
			end = k - 1
			break
		}
	}
	side := func(p Participant) bool {
		switch p.Entity.Type {
		case gazetteer.TypeCountry:
			// Not one read from an adjective ("zwischen dem chinesischen Minister X und …"): that qualifies a side.
			return !p.adjective && !inCompound(text, Mention{Start: p.Start, End: p.End})
		default:
			return p.acts
		}
	}
	var first, second []int
	for i, p := range cands {
		if !side(p) {
			continue // the preposition governs its phrase: an article there marks no object ("zwischen dem Minister X")
		}
		switch {
		case p.Start > ws[b].start && p.Start < ws[conj].start:
			first = append(first, i)
		case p.Start > ws[conj].start && p.Start <= ws[end].start && len(second) == 0 && (appos < 0 || p.Start < ws[appos].start || p.Start == ws[appos].start):
			second = append(second, i)
		}
	}
	if len(first) == 0 || len(second) == 0 {
		return nil
	}
	return append(first, second...)
}

// withSides makes the sides of ev's sentence that betweenSides found act
// in ev: recipients become actors, and a passive event without an agent
// gets its participants from cands, the sides acting.
func withSides(ev *Event, cands []Participant, sides []int) {
	if len(ev.Participants) == 0 {
		ev.Participants = make([]Participant, len(cands))
		copy(ev.Participants, cands)
		for i := range ev.Participants {
			ev.Participants[i].Role = RoleRecipient
		}
	}
	for _, i := range sides {
		id := cands[i].Entity.ID
		k := slices.IndexFunc(ev.Participants, func(p Participant) bool { return p.Entity.ID == id })
		if k < 0 {
			p := cands[i]
			ev.Participants = append(ev.Participants, p)
			k = len(ev.Participants) - 1
		}
		ev.Participants[k].Role = RoleActor
	}
}
