package events

import "github.com/gazex/gazex/gazetteer"

// confidence says how far the event's evidence goes, from what the dev
// set showed to be right more or less often:
//   - who acts: a named official is the surest actor, a country acting as
//     a whole next, a body last (bodies are often named inside someone
//     else's words);
//   - the event names whom it concerns (a recipient or a second side);
//   - the sentence states its date;
//   - the sentence names its actor rather than continuing an earlier one;
//   - the trigger is no bare noun of talks or meetings ("Gespräch",
//     "cumbre", "bereit"), which also name what was not held.
//
// Events at 0.7 or more have a named official, or a country, with a
// second participant or a stated date; see README ("Event confidence").
func confidence(ev Event) float64 {
	c := 0.45
	switch actorType(ev) {
	case gazetteer.TypePerson:
		c += 0.2
	case gazetteer.TypeCountry:
		c += 0.1
	}
	if len(ev.Participants) >= 2 {
		c += 0.1
	}
	if ev.dateFromText {
		c += 0.05
	}
	if ev.borrowed {
		c -= 0.2
	}
	switch ev.Type {
	case TypeMeet, TypeConsult, TypeCooperateIntent:
		c -= 0.1
	}
	c = min(0.95, max(0.05, c))
	return float64(int(c*100+0.5)) / 100
}

// actorType is the type of the event's strongest actor: a person before a
// country before an organisation.
func actorType(ev Event) string {
	best := ""
	for _, p := range ev.Participants {
		if p.Role != RoleActor {
			continue
		}
		switch t := p.Entity.Type; {
		case t == gazetteer.TypePerson:
			return t
		case t == gazetteer.TypeCountry || best == "":
			best = t
		}
	}
	return best
}
