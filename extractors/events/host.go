package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// hostSide adds to a meeting, talks or a visit whose sides are all of one
// state the state it takes place in, when that is another: "reiste nach
// China", "traf sich in Peking mit Amtskollegen", "la delegación cubana
// se reunió en China con …". A country after a location preposition is a
// place, not a side (participants passes it over), yet where one state's
// people meet in another, or visit it, that other state is the
// counterpart the sentence names. Sides of no single state (an
// international body, two countries) name their counterparts themselves:
// "die EU-Außenminister trafen sich in Brüssel" is no talk with Belgium.
// The place must be in the trigger's clause.
//
// It returns the event's participants, with the state if added.
func (x *Extractor) hostSide(text string, s Sentence, ms []Mention, ws []word, lex *view, clause int, ev *Event) []Participant {
	switch ev.Type {
	case TypeMeet, TypeConsult, TypeVisit:
	default:
		return ev.Participants
	}
	side := ""
	for _, p := range ev.Participants {
		c := p.Entity.Country
		if c == "" || c == "INT" || side != "" && c != side {
			return ev.Participants
		}
		side = c
	}
	if side == "" {
		return ev.Participants
	}
	host, m := x.hostOf(text, s, ms, ws, lex, clause)
	if host == nil || host.Country == side {
		return ev.Participants
	}
	// In text order, in a new list: the event's may share its array with
	// the sentence's candidates.
	at := len(ev.Participants)
	if i := slices.IndexFunc(ev.Participants, func(p Participant) bool { return p.Start > m.Start }); i >= 0 {
		at = i
	}
	out := append(make([]Participant, 0, len(ev.Participants)+1), ev.Participants...)
	return slices.Insert(out, at, Participant{Role: RoleRecipient, Entity: host, Start: m.Start, End: m.End, rule: "host"})
}

// hostOf returns the first state the clause names as a place: a country,
// or a capital (its government's seat), right after a location preposition
// ("in China", "nach Peking", "en Cuba"), not in a compound or a
// dateline. The clause is the trigger's: in "Nach Angaben des Ministeriums
// in Seoul war es das erste Mal, dass er einen Besuch … verpasste" Seoul is
// where the ministry speaks, not where the visit was.
func (x *Extractor) hostOf(text string, s Sentence, ms []Mention, ws []word, lex *view, clause int) (*gazetteer.Entity, Mention) {
	for _, m := range ms {
		var c *gazetteer.Entity
		switch m.Entity.Type {
		case gazetteer.TypeCountry:
			c = m.Entity
		case gazetteer.TypePlace:
			if x.capital[m.Entity.ID] == m.Entity.Country {
				c = x.country[m.Entity.Country]
			}
		}
		if c == nil || hyphenated(text, m) {
			continue
		}
		k := wordFrom(ws, m.Start)
		if k < 0 || ws[k].start != m.Start || ws[k].clause != clause {
			continue
		}
		if k > 1 && lex.at(kindArticle, k-1) {
			k-- // "in die Ukraine"
		}
		if k == 0 || !lex.at(kindLocation, k-1) || dateline(text, s, m) {
			continue
		}
		return c, m
	}
	return nil, Mention{}
}
