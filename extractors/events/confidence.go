package events

import "github.com/gazex/gazex/gazetteer"

// confidence says how far the event's evidence goes, from what the dev
// set showed to be right more or less often (README, "Event confidence"):
//   - who acts: a named official is the surest actor. A country or a body
//     is sure of acts of state (a summons, a visit, a denial, a signed
//     agreement) but not of words: "Moskau erklärte" and "el Ministerio
//     afirmó" often stand for a spokesperson whose words the event then
//     gives to the wrong side;
//   - the actor stands before the trigger: one found after it ("warf
//     Berlin vor", "…, aseguró que España") is often its object rather than
//     its subject; not so an official after his own words ("…, sagte X");
//   - the sentence names its actor rather than continuing an earlier one;
//   - few sides: a sentence naming four or more entities often lists
//     them, and then which acts is a guess;
//   - the trigger is no bare noun of talks or meetings ("Gespräch",
//     "cumbre", "bereit"), which also name what was not held.
//
// Events at 0.7 or more have an official, or a country or body doing an
// act of state, named before the trigger among at most three entities.
func confidence(ev *Event) float64 { // an event is large: read in place
	c := 0.5
	actor := strongestActor(ev)
	switch {
	case actor == nil:
	case actor.Entity.Type == gazetteer.TypePerson:
		c += 0.2
	case actsOfState[ev.Type]:
		c += 0.2
	default:
		c -= 0.05
	}
	if actor != nil && !ev.borrowed && actor.at > ev.TrigStart && !speaksAfter(ev, actor) {
		c -= 0.2
	}
	if ev.borrowed {
		c -= 0.2
	}
	if len(ev.Participants) >= 4 {
		c -= 0.1
	}
	switch ev.Type {
	case TypeMeet, TypeConsult, TypeCooperateIntent:
		c -= 0.1
	}
	c = min(0.95, max(0.05, c))
	return float64(int(c*100+0.5)) / 100
}

// actsOfState are the event types a country or a state body performs as
// a whole: no spokesperson stands behind them.
var actsOfState = map[string]bool{
	TypeOther: true, TypeDeny: true, TypeSignAgreement: true, TypeVisit: true, TypeAgree: true,
}

// strongestActor is the event's strongest actor: a person before a
// country before an organisation.
func strongestActor(ev *Event) *Participant {
	var best *Participant
	for i := range ev.Participants {
		p := &ev.Participants[i]
		if p.Role != RoleActor {
			continue
		}
		switch t := p.Entity.Type; {
		case t == gazetteer.TypePerson:
			return p
		case t == gazetteer.TypeCountry && (best == nil || best.Entity.Type != gazetteer.TypeCountry) || best == nil:
			best = p
		}
	}
	return best
}

// speaksAfter reports an official named after his own words ("…, sagte
// X", "…, dijo el canciller"): the subject of a statement or a denial in
// its usual place after what was said.
func speaksAfter(ev *Event, actor *Participant) bool {
	return actor.Entity.Type == gazetteer.TypePerson && (ev.Type == TypeStatement || ev.Type == TypeDeny)
}

// weakTalks reports talks, meetings or readiness with a single country as
// the only side and weak evidence (confidence below minCountryTalks: a
// bare noun, a borrowed or a later actor): talks need two sides, and on
// real pages such events are nearly always none — "Gespräche über
// Expansionen nach Salzburg", "im Gespräch mit deutschen Beamten", "des
// jährlichen Gipfeltreffens der G7". Two countries ("Russland und China
// intensivieren", "die russisch-belarussischen Konsultationen", "besprach
// die kubanische Seite mit China") stay.
func weakTalks(ev *Event) bool {
	switch ev.Type {
	case TypeMeet, TypeConsult, TypeCooperateIntent:
	default:
		return false
	}
	if ev.Confidence >= minCountryTalks {
		return false
	}
	countries := 0
	for _, p := range ev.Participants {
		if p.Role == RoleActor && p.Entity.Type != gazetteer.TypeCountry {
			return false
		}
		if p.Entity.Type == gazetteer.TypeCountry {
			countries++
		}
	}
	return countries < 2
}

// minCountryTalks is the confidence below which talks of countries alone
// are dropped.
const minCountryTalks = 0.4
