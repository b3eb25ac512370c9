package events

// Merging: one sentence, one reading (prune), and one event per document
// however often it is reported (dedup).

import (
	"math"
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// prune removes the events of one sentence that another of its events
// already says:
//   - a readiness to cooperate that is the content of a named person's
//     statement is that statement; without a named speaker, the statement
//     is the readiness ("Die Beamten betonten die Notwendigkeit, … auszubauen");
//   - a readiness to cooperate, or a planned event, after an agreement or
//     signing is what was agreed ("vereinbarten, ihre Zusammenarbeit zu
//     verstärken", "beschlossen, die nächsten Konsultationen abzuhalten");
//   - a statement whose "dass"/"que"/"that" clause reports another event is
//     that event's attribution: its speaker is added to the event.
func prune(evs []Event, ws []word, lex *view) []Event {
	if len(evs) == 0 {
		return evs
	}
	st := slices.IndexFunc(evs, func(e Event) bool { return e.Type == TypeStatement })
	co := slices.IndexFunc(evs, func(e Event) bool { return e.Type == TypeCooperateIntent })
	drop := make([]bool, len(evs))
	if st >= 0 && co >= 0 {
		if slices.ContainsFunc(evs[st].Participants, func(p Participant) bool {
			return p.Role == RoleActor && p.Entity.Type == gazetteer.TypePerson
		}) {
			drop[co] = true
		} else {
			drop[st] = true
		}
	}
	// Events are large: the loops read them in place, not a copy of each.
	for i := range evs {
		e := &evs[i]
		for j := range evs {
			a := &evs[j]
			if (a.Type == TypeAgree || a.Type == TypeSignAgreement) && a.TrigStart < e.TrigStart &&
				(e.Type == TypeCooperateIntent || e.Modality.Future) {
				drop[i] = true
			}
		}
	}
	if st >= 0 && !drop[st] {
		comps := lex.find(kindComplement)
		for _, c := range comps {
			at := ws[c.i].start
			if at < evs[st].TrigStart {
				continue
			}
			end := contentEnd(ws, lex, evs[st].TrigStart, c.i)
			for i := range evs {
				e := &evs[i]
				if i == st || drop[i] || e.TrigStart < at || e.TrigStart >= end || !reported[e.Type] {
					continue
				}
				drop[st] = true
				if sp, ok := speaker(TypeStatement, evs[st].Participants, true); ok &&
					!slices.ContainsFunc(e.Attribution, func(a Attribution) bool { return a.Entity == sp.Entity }) {
					evs[i].Attribution = append(evs[i].Attribution, sp)
				}
			}
			break
		}
	}
	objects(evs, drop, ws, lex)
	for i := range evs {
		if isSpeech(evs[i].Type) && !drop[i] {
			evs[i].Participants = relativeSpeechSides(evs[i].Participants, ws, lex, evs[i].TrigStart)
		}
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// contentEnd returns the offset where the "dass"/"que"/"that" clause at
// word c of a statement whose verb starts at trig ends: the end of the
// sentence, but for a verb in a relative clause ("Pedro Sánchez, quien
// dijo que las reglas eran claras, viajó a Roma"), whose content ends
// with the clause the complementizer opens: the main verb after it is
// the antecedent's own act, not what was said.
func contentEnd(ws []word, lex *view, trig, c int) int {
	t := wordFrom(ws, trig)
	if t < 0 {
		return math.MaxInt
	}
	rel := false
	for k := t - 1; k >= 0 && k >= t-3 && ws[k].clause == ws[t].clause; k-- {
		rel = rel || lex.at(kindRelative, k)
	}
	if !rel {
		return math.MaxInt
	}
	for k := c + 1; k < len(ws); k++ {
		if ws[k].clause != ws[c].clause {
			return ws[k].start
		}
	}
	return math.MaxInt
}

// relativeSpeechSides drops, for a verb of saying in a relative clause,
// the participants after what was said: they belong to the main clause
// ("Annalena Baerbock, who said on Tuesday that the rules were clear,
// travelled to Rome": Italy is where she went, not whom she spoke of).
// What was said ends with the clause its complementizer opens, or with
// the verb's own clause when none follows.
func relativeSpeechSides(ps []Participant, ws []word, lex *view, trig int) []Participant {
	t := wordFrom(ws, trig)
	if t < 0 {
		return ps
	}
	end := math.MaxInt
	for _, c := range lex.find(kindComplement) {
		if c.i > t {
			end = contentEnd(ws, lex, trig, c.i)
			break
		}
	}
	if end == math.MaxInt {
		end = contentEnd(ws, lex, trig, t)
	}
	if end == math.MaxInt || !slices.ContainsFunc(ps, func(p Participant) bool { return p.Role != RoleActor && p.at >= end }) {
		return ps
	}
	out := make([]Participant, 0, len(ps))
	for _, p := range ps {
		if p.Role == RoleActor || p.at < end {
			out = append(out, p)
		}
	}
	return out
}

// objects applies "one sentence, one reading" to what a verb of saying,
// denying or accusing governs:
//   - what is denied or accused is not asserted: no event after a denial
//     ("wies die Vorwürfe zurück", "negó que … nuevas sanciones") or after
//     an accusation ("acusó a X de haber suscrito …", "kritisierte die
//     Vereinbarung") but another accusation or denial;
//   - a statement whose object is an act ("anunció la suspensión …",
//     "declaró persona non grata …") is that act, done by the statement's
//     subject;
//   - a statement that reports an attack ("sagte, russische Hacker hätten
//     Deutschland angegriffen") is an accusation, unless it speaks of
//     attacks as a kind or of the one a reply answers (attack.go); the
//     attack is what was said, no event of its own.
func objects(evs []Event, drop []bool, ws []word, lex *view) {
	for i := range evs {
		e := &evs[i]
		for j := range evs {
			a := &evs[j]
			if a.TrigStart == e.TrigStart || drop[i] || a.Type != TypeDeny && a.Type != TypeAccuse {
				continue
			}
			// After the verb, or before it in its clause (German puts
			// the object first: "hat die Vereinbarung kritisiert").
			governed := (a.TrigStart < e.TrigStart || clauseAt(ws, e.TrigStart) == clauseAt(ws, a.TrigStart)) && !predicateBefore(ws, e, a)
			switch {
			case !governed:
			case a.Type == TypeDeny && (a.TrigStart < e.TrigStart || e.Type != TypeStatement):
				drop[i] = true
			case a.Type == TypeAccuse && e.Type != TypeDeny && e.Type != TypeAccuse && e.Type != TypeStatement:
				drop[i] = true
			}
		}
	}
	for s := range evs {
		// st is read in place: the loop changes only evs[s]'s type and
		// rules, and goes on to the next event once it has.
		st := &evs[s]
		if st.Type != TypeStatement || drop[s] {
			continue
		}
		for _, h := range lex.find(kindAttack) {
			at := ws[h.i].start
			if at <= st.TrigEnd {
				continue
			}
			for i := range evs {
				if evs[i].TrigStart == at {
					drop[i] = true // the attack is what was said
				}
			}
			if accusesOfAttack(st, ws, lex, h) {
				evs[s].Type, evs[s].Plover, evs[s].Cameo = TypeAccuse, mapping[TypeAccuse].plover, mapping[TypeAccuse].cameo
				evs[s].Rules = append(evs[s].Rules, h.e.rule)
				break
			}
		}
		if evs[s].Type == TypeAccuse {
			continue
		}
		clause := clauseAt(ws, st.TrigStart)
		for i := range evs {
			e := &evs[i]
			if i == s || drop[i] || e.Type != TypeOther || e.TrigStart < st.TrigEnd {
				continue
			}
			// Its object in its clause, or what the next clause says it
			// will do ("kündigte an, die Beschränkungen aufzuheben",
			// "anunció que retira a su embajador").
			near := clauseAt(ws, e.TrigStart) == clause && wordsBetween(ws, st.TrigEnd, e.TrigStart) <= maxObjectWords
			next := clauseAt(ws, e.TrigStart) <= clause+1 && endsClause(ws, st.TrigEnd, lex)
			if !near && !next {
				continue
			}
			if evaluates(st, ws, lex) {
				drop[i] = true // "nannte die Einbestellung überfällig": the act is what is judged
				continue
			}
			drop[s] = true
			evs[i].Participants = subject(e.Participants, st.Participants)
			break
		}
	}
}

// endsClause reports whether the words after offset at start a new clause
// or a complement ("kündigte an, …", "anunció que …").
func endsClause(ws []word, at int, lex *view) bool {
	k := wordFrom(ws, at)
	return k < 0 || k > 0 && ws[k].clause != ws[k-1].clause || lex.at(kindComplement, k)
}

// maxObjectWords is how many words may stand between a verb of saying and
// the act it announces ("anunció el miércoles la suspensión").
const maxObjectWords = 4

// subject makes the actor of a governing verb the actor of the event it
// governs ("La Presidencia argelina anunció la suspensión …"): the
// event's other participants receive.
func subject(ps, gov []Participant) []Participant {
	var actor *Participant
	for i := range gov {
		if gov[i].Role == RoleActor {
			actor = &gov[i]
			break
		}
	}
	if actor == nil {
		return ps
	}
	out := []Participant{*actor}
	for _, p := range ps {
		if p.Entity == actor.Entity {
			continue
		}
		p.Role = RoleRecipient
		out = append(out, p)
	}
	return ownCountry(out)
}

// reported are the event types a statement's content clause may report.
var reported = map[string]bool{
	TypeSignAgreement: true, TypeAgree: true, TypeConsult: true, TypeMeet: true, TypeVisit: true, TypeDeny: true, TypeAccuse: true, TypeOther: true,
}

// dedup merges events of one type and modality that share a person, or,
// where one names no person, a country; never two whose resolved dates
// differ, nor statements (each is its own), nor two agreements of the body:
// what the lead sums up as one agreement the body details, but two
// agreements reported in the body are two ("waren sich einig, dass …",
// "Es wurde beschlossen, …").
func dedup(evs []Event) []Event {
	if len(evs) <= dedupScanMax {
		return dedupScanned(evs)
	}
	return dedupIndexed(evs)
}

// dedupScanMax is how many events dedup compares each with every one kept
// before it (a news article's few: cheaper than building the index).
const dedupScanMax = 16

// dedupScanned is dedup comparing each event with every one kept: the
// first that is [same] is the one dedupIndexed finds.
func dedupScanned(evs []Event) []Event {
	var out []Event
	if len(evs) > 0 {
		out = make([]Event, 0, len(evs))
	}
	for k := range evs {
		ev := &evs[k] // in place: an event is large, and IndexFunc copied each it compared
		if ev.Type != TypeStatement && ev.Type != TypeDeny && ev.Type != TypeAccuse {
			if i := sameIn(out, ev); i >= 0 {
				out[i] = merge(out[i], *ev)
				continue
			}
		}
		out = append(out, *ev)
	}
	return out
}

// dedupIndexed is dedup finding the events an event may be the same as
// by a [dedupIndex].
func dedupIndexed(evs []Event) []Event {
	var out []Event
	if len(evs) > 0 {
		out = make([]Event, 0, len(evs)) // events are large: no copying as out grows
	}
	var idx dedupIndex
	for _, ev := range evs {
		merged := false
		mergeable := ev.Type != TypeStatement && ev.Type != TypeDeny && ev.Type != TypeAccuse
		if mergeable {
			for i := range idx.candidates(ev) {
				if same(&out[i], &ev) {
					out[i] = merge(out[i], ev)
					idx.add(i, out[i])
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, ev)
			if mergeable {
				idx.add(len(out)-1, ev)
			}
		}
	}
	return out
}

// sameIn returns the index of the first event of out that is [same] as
// ev, or -1.
func sameIn(out []Event, ev *Event) int {
	for i := range out {
		if same(&out[i], ev) {
			return i
		}
	}
	return -1
}

func same(a, b *Event) bool {
	if a.Type != b.Type || a.Modality != b.Modality {
		return false
	}
	if a.Type == TypeAgree && !a.lead && !b.lead {
		return false
	}
	if a.SentStart == b.SentStart && (a.coordinated || b.coordinated) {
		return false // "bestellte … ein und sagte … ab": two acts of one subject
	}
	switch {
	case a.dateText != "" && b.dateText != "":
		if !compatible(a.dateText, b.dateText) {
			return false
		}
	case a.dateText != "" || b.dateText != "":
		// One is dated by the text, the other by the publication date:
		// a lead sums up what the body dates ("am Montag"), but not an
		// event of another month ("im vergangenen Dezember").
		if a.Date != nil && b.Date != nil && !near(a.Date.Value, b.Date.Value) {
			return false
		}
	}
	// Participants are few: comparing them pairwise costs less than building sets.
	pa, pb := hasActor(a, isPerson), hasActor(b, isPerson)
	if pa && pb {
		return sharedActor(a, b, isPerson, func(p Participant) string { return p.Entity.ID })
	}
	if a.Type == TypeOther && !a.lead && !b.lead {
		// Two acts the body reports are one only if one actor did both.
		return sharedActor(a, b, hasCountry, func(p Participant) string { return p.Entity.ID })
	}
	return sharedActor(a, b, hasCountry, func(p Participant) string { return p.Entity.Country })
}

func isPerson(p Participant) bool { return p.Entity.Type == gazetteer.TypePerson }

func hasCountry(p Participant) bool { return p.Entity.Country != "" }

// hasActor reports whether an actor of ev passes keep.
func hasActor(ev *Event, keep func(Participant) bool) bool {
	return slices.ContainsFunc(ev.Participants, func(p Participant) bool { return p.Role == RoleActor && keep(p) })
}

// sharedActor reports whether an actor of a and one of b, both passing
// keep, have the same id.
func sharedActor(a, b *Event, keep func(Participant) bool, id func(Participant) string) bool {
	for _, p := range a.Participants {
		if p.Role != RoleActor || !keep(p) {
			continue
		}
		for _, q := range b.Participants {
			if q.Role == RoleActor && keep(q) && id(p) == id(q) {
				return true
			}
		}
	}
	return false
}

// merge keeps a's trigger and sentence and takes from b what a lacks: a
// date stated in the text, a place, participants and sources.
func merge(a, b Event) Event {
	if !a.dateFromText && b.dateFromText {
		a.Date, a.dateFromText, a.hasDateX, a.dateText = b.Date, true, true, b.dateText
	}
	if a.Place == nil {
		a.Place = b.Place
	}
	for _, p := range b.Participants {
		if !slices.ContainsFunc(a.Participants, func(q Participant) bool { return q.Entity == p.Entity }) {
			a.Participants = append(a.Participants, p)
		}
	}
	for _, at := range b.Attribution {
		if !slices.ContainsFunc(a.Attribution, func(q Attribution) bool { return q.Entity == at.Entity && q.Relation == at.Relation }) {
			a.Attribution = append(a.Attribution, at)
		}
	}
	for _, r := range b.Rules {
		if !slices.Contains(a.Rules, r) {
			a.Rules = append(a.Rules, r)
		}
	}
	a.borrowed = a.borrowed && b.borrowed
	a.Confidence = float64(int(min(0.95, max(a.Confidence, b.Confidence)+0.05)*100+0.5)) / 100
	return a
}
