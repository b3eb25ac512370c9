package events

// Reported speech: what a statement says decides its type. A statement
// whose content charges someone ("sprach von einer gezielten Kampagne
// gegen sein Land", "calificó lo ocurrido de agresión", "called the
// strikes an act of aggression") is an accusation; one that rejects a
// claim ("nannte die Vorwürfe haltlos", "expresó su rechazo") or denies
// a part in something ("aseguró que Estados Unidos no estuvo
// involucrado") is a denial. Each speaker of a sentence says his own
// thing: two speakers are two events, and the one a verb of saying is
// addressed to or speaks of receives.

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// speechTriggers are the triggers of a sentence that report speech, in
// text order.
func speechTriggers(trs []hit) []hit {
	var out []hit
	for _, t := range trs {
		if isSpeech(t.e.value) {
			out = append(out, t)
		}
	}
	return out
}

func isSpeech(typ string) bool {
	return typ == TypeStatement || typ == TypeAccuse || typ == TypeDeny
}

// content returns the word range [from, to) a verb of saying speaks for:
// the sentence from the end of the speech trigger before it (or the
// start) to the start of the next (or the end). What a quote before an
// inverted verb says ("„…“, sagte X") is its content, and what the next
// speaker says is not.
func content(ws []word, tr hit, speech []hit) (from, to int) {
	from, to = 0, len(ws)
	for _, s := range speech {
		switch {
		case s.i+s.n <= tr.i && s.i+s.n > from:
			from = s.i + s.n
		case s.i >= tr.i+tr.n && s.i < to:
			to = s.i
		}
	}
	return from, to
}

// speechType types a statement by what it says (see the package comment
// of this file): a rejection makes it a denial, so does a negated part in
// something; else a charge makes it an accusation. It returns the type
// and the lexicon entry that decided, or TypeStatement and "".
func speechType(ws []word, tr hit, lex *view, speech []hit) (string, string) {
	from, to := content(ws, tr, speech)
	// Before the verb only its own clause counts ("hat die Aggression
	// verurteilt"), or, for a verb that opens its clause but for a short
	// subject, what was said before it ("„…“, sagte X", "“…,” Trump
	// declared"): not the clause of another's act ("tras lo cual el
	// vicepresidente anunció"). The gap of a verb with a particle is
	// content too ("von „harten Evidenzen“ für eine Verwicklung …
	// gesprochen").
	first := tr.i
	for first > 0 && ws[first-1].clause == ws[tr.i].clause {
		first--
	}
	opens := first > 0 && tr.i-first <= 2
	in := func(h hit) bool {
		before := h.i+h.n <= tr.i && (opens || ws[h.i].clause == ws[tr.i].clause)
		return h.i >= from && h.i+h.n <= to && (h.i >= tr.i+tr.n || before || tr.gap && h.i > tr.i && h.i+h.n < tr.i+tr.n)
	}
	// One pass over the sentence's hits (no lists per trigger): the first
	// of each kind in the content, and whether a negation stands there.
	var rejection, involvement, charge *entry
	negatedReply := false
	negated := func(k int) bool { // a negation up to three words before word k, in its clause
		for _, n := range lex.hits {
			if n.e.kind == kindNegation && n.i < k && k-n.i <= 3 && ws[n.i].clause == ws[k].clause && in(n) {
				return true
			}
		}
		return false
	}
	for _, h := range lex.hits {
		switch h.e.kind {
		case kindRejection:
			if rejection == nil && in(h) {
				rejection = h.e
			}
		case kindInvolvement:
			// "no estuvo involucrado", "nicht beteiligt gewesen", "was not involved"
			if involvement == nil && in(h) && negated(h.i) {
				involvement = h.e
			}
		case kindCharge:
			if charge == nil && in(h) {
				charge = h.e
			}
		case kindNegation:
			// "respondió que no ve motivo para negociar": a negative reply rejects.
			negatedReply = negatedReply || h.i > tr.i && in(h)
		}
	}
	switch {
	case rejection != nil:
		return TypeDeny, rejection.rule
	case negatedReply && lex.at(kindReply, tr.i):
		return TypeDeny, tr.e.rule
	case involvement != nil:
		return TypeDeny, involvement.rule
	case charge != nil:
		return TypeAccuse, charge.rule
	}
	return TypeStatement, ""
}

// evaluates reports whether the trigger of ev is a verb that judges its
// object ("nannte die Einbestellung überfällig", "calificó la expulsión de
// injustificada"): the act it names is what is judged, not done.
func evaluates(ev *Event, ws []word, lex *view) bool {
	k := wordFrom(ws, ev.TrigStart)
	return k >= 0 && ws[k].start == ev.TrigStart && lex.at(kindEvaluation, k)
}

// speakerKey identifies the speaker of a speech event of a sentence: a
// sentence reports one statement (accusation, denial) per speaker and
// type, however many verbs of saying it has ("sagte … und betonte").
func speakerKey(ev Event) string {
	for _, p := range ev.Participants {
		if p.Role == RoleActor {
			return ev.Type + "\x00" + p.Entity.ID
		}
	}
	return ev.Type
}

// ownContent keeps, of a speech event's recipients, those in its own
// content and not speaking themselves: in "X acusó a Y de …, y Z calificó
// …", Z is no recipient of X's accusation, nor Y of Z's evaluation.
// speakers are the offsets of the other speech events' actors.
func ownContent(ps []Participant, ws []word, tr hit, speech []hit, speakers []int) []Participant {
	if len(speech) < 2 {
		return ps
	}
	from, to := content(ws, tr, speech)
	lo, hi := 0, ws[len(ws)-1].end
	if from > 0 {
		lo = ws[from].start
	}
	if to < len(ws) {
		hi = ws[to].start
	}
	out := ps[:0:0]
	for _, p := range ps {
		if p.Role == RoleRecipient && (p.at < lo || p.at >= hi || slices.Contains(speakers, p.at)) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// speakersApart gives each speech event of a sentence with several
// speakers the recipients of its own content ([ownContent]).
func speakersApart(evs []Event, ws []word, speech []hit) []Event {
	if len(speech) < 2 {
		return evs
	}
	// Only the verbs that made an event divide the sentence.
	speech = slices.DeleteFunc(slices.Clone(speech), func(h hit) bool {
		return !slices.ContainsFunc(evs, func(ev Event) bool { return isSpeech(ev.Type) && ev.TrigStart == ws[h.i].start })
	})
	if len(speech) < 2 {
		return evs
	}
	var speakers []int
	for _, ev := range evs {
		if !isSpeech(ev.Type) {
			continue
		}
		for _, p := range ev.Participants {
			if p.Role == RoleActor {
				speakers = append(speakers, p.at)
			}
		}
	}
	for i, ev := range evs {
		if !isSpeech(ev.Type) {
			continue
		}
		k := slices.IndexFunc(speech, func(h hit) bool { return ws[h.i].start == ev.TrigStart })
		if k < 0 {
			continue
		}
		evs[i].Participants = ownContent(ev.Participants, ws, speech[k], speech, speakers)
	}
	return evs
}

// sameSpeaker reports whether a statement ev repeats a speaker of the
// sentence's earlier speech events: the same actor, a verb of saying coordinated with an
// earlier one shares its subject ("calificó a X de … y dijo …"), and a
// country speaks through its official ("Kenias Vizepräsident X").
//
// So does one whose clause has a subject pronoun before it ("…, was er
// als Freundschaft bezeichnete"): the pronoun is the earlier speaker.
func sameSpeaker(evs []Event, ev Event, ws []word, tr hit, lex *view) bool {
	pronoun := slices.ContainsFunc(lex.hits, func(p hit) bool {
		return p.e.kind == kindPronoun && p.i < tr.i && ws[p.i].phrase == ws[tr.i].phrase && p.e.name != "impersonal"
	})
	var actor *Participant
	for i := range ev.Participants {
		if ev.Participants[i].Role == RoleActor {
			actor = &ev.Participants[i]
			break
		}
	}
	for _, e := range evs {
		if isSpeech(e.Type) && speakerKey(e) == speakerKey(ev) {
			return true // "sagte … und betonte"; two entries of one verb ("wies … zurück")
		}
		if !isSpeech(e.Type) || e.TrigStart >= ev.TrigStart {
			continue
		}
		if ev.Type == TypeStatement && (pronoun || tr.i > 0 && isConjunction(ws[tr.i-1].fold)) {
			return true
		}
		for _, p := range e.Participants {
			if p.Role != RoleActor || actor == nil || e.Type != ev.Type {
				continue
			}
			if p.Entity.Type == gazetteer.TypeCountry && actor.Entity.Country == p.Entity.Country ||
				actor.Entity.Type == gazetteer.TypeCountry && p.Entity.Country == actor.Entity.Country {
				return true
			}
		}
	}
	return false
}

// afterQuote reports a verb of saying right after a closing quotation
// ("“…”, respondieron a la prensa"): what stands before it is what was
// said, and its subject, if any, follows it.
func afterQuote(text string, ws []word, tr hit) bool {
	if tr.i == 0 {
		return false
	}
	between := text[ws[tr.i-1].end:ws[tr.i].start]
	return strings.ContainsAny(between, "”\"»“") && strings.Contains(between, ",")
}

// relativeOnNoName reports an English or Spanish relative pronoun among
// the three words before the verb tr, in its clause, whose antecedent
// right before it is no candidate ("a string of Tory MPs who said").
func relativeOnNoName(cands []Participant, ws []word, tr hit, first int, lex *view) bool {
	for k := tr.i - 1; k >= first && k >= tr.i-3 && k > 0; k-- {
		if lex.at(kindRelative, k) {
			return !slices.ContainsFunc(cands, func(p Participant) bool {
				return p.Start <= ws[k-1].start && ws[k-1].end <= p.End
			})
		}
	}
	return false
}

// speechObjects marks, for a verb of saying, accusing or denying, the
// candidates that stand where its objects go, so that they are not taken
// for its subject:
//   - in a relative clause on a speaker ("Sigmar Gabriel, der Riad …
//     Abenteurertum vorgeworfen hatte", "la ministra, quien acusó a …"),
//     the relative pronoun is the subject: every candidate of the clause
//     before the verb is an object; where the antecedent names no one
//     ("Tory MPs who said", "los diputados, quienes dijeron"; English and
//     Spanish, whose pronoun is no article), every candidate before it is;
//   - between a German auxiliary and a participle at the end of the clause
//     the candidates are objects ("Nicaragua hatte … Deutschland
//     vorgeworfen"), but for a subject right after the auxiliary when none
//     stands before it ("Ende Januar hatte Israel Mitarbeitern …
//     vorgeworfen") and the clause does not open with an article ("Die
//     Bundesregierung hat Russland … verantwortlich gemacht"); in a
//     subordinate clause, the verb and its auxiliary last, all but the
//     first ("nachdem Warschau Moskau … verantwortlich gemacht hatte").
//
// It returns cands itself when it marks nothing, else a marked copy.
func speechObjects(lang string, cands []Participant, ws []word, tr hit, lex *view) []Participant {
	if !isSpeech(tr.e.value) || tr.i == 0 {
		return cands
	}
	first := tr.i // the first word of the trigger's clause
	for first > 0 && ws[first-1].phrase == ws[tr.i].phrase {
		first--
	}
	from, to := -1, ws[tr.i].start // candidates in [from, to) become objects
	switch {
	case first > 0 && lex.at(kindRelative, first) && verbFinal(lang, ws, tr, lex) && slices.ContainsFunc(cands, func(p Participant) bool {
		// The antecedent ends right before: "der" opening reported speech ("sagte, der Botschafter habe …") is an article.
		return p.Start <= ws[first-1].start && ws[first-1].end <= p.End
	}):
		from = ws[first].start
	case lang != "de" && relativeOnNoName(cands, ws, tr, first, lex):
		// "who", "quien" are relative pronouns only: on a noun that names
		// no one ("a string of Tory MPs who said", "los diputados, quienes
		// dijeron"), the speaker is that noun, and no name before it.
		from = ws[0].start
	case lang == "de" && !tr.gap && !ws[tr.i].cap && verbFinal(lang, ws, tr, lex):
		aux := -1
		for k := tr.i - 1; k >= first; k-- {
			if lex.at(kindAuxiliary, k) {
				aux = k
				break
			}
		}
		if aux < 0 {
			// A subordinate clause, its verb last ("nachdem Warschau Moskau
			// für … verantwortlich gemacht hatte"): its first candidate is
			// the subject, the others are objects.
			if tr.i+tr.n >= len(ws) || !lex.at(kindAuxiliary, tr.i+tr.n) {
				return cands
			}
			k := slices.IndexFunc(cands, func(p Participant) bool { return p.acts && !p.object && p.at >= ws[first].start && p.at < to })
			// It must open the clause after its conjunction ("nachdem X", "weil die X").
			subj := first + 1
			if subj < tr.i && lex.at(kindArticle, subj) {
				subj++
			}
			if k < 0 || cands[k].at != ws[subj].start {
				return cands
			}
			from = cands[k].End
			break
		}
		subject := slices.ContainsFunc(cands, func(p Participant) bool {
			return p.acts && !p.object && p.at >= ws[first].start && p.at < ws[aux].start
		})
		from = ws[aux].start
		// "Die Bundesregierung hat Russland … verantwortlich gemacht": a
		// clause opening with an article has its subject there, named or not.
		if !subject && !lex.at(kindArticle, first) {
			// The subject right after the auxiliary: the objects after it.
			k := slices.IndexFunc(cands, func(p Participant) bool { return p.acts && !p.object && p.at > from && p.at < to })
			if k < 0 {
				return cands
			}
			from = cands[k].End
		}
	default:
		return cands
	}
	var out []Participant
	for i, p := range cands {
		if p.at >= from && p.at < to && !p.object {
			if out == nil {
				out = slices.Clone(cands)
			}
			out[i].object = true
		}
	}
	if out == nil {
		return cands
	}
	return out
}

// verbFinal reports a trigger that ends its clause, perhaps before an
// auxiliary ("vorgeworfen hatte", "gesprochen habe"); in Spanish and
// English, where the verb does not go last, any trigger.
func verbFinal(lang string, ws []word, tr hit, lex *view) bool {
	if lang != "de" {
		return true
	}
	k := tr.i + tr.n
	if k < len(ws) && ws[k].phrase == ws[tr.i].phrase && lex.at(kindAuxiliary, k) {
		k++
	}
	return k >= len(ws) || ws[k].phrase != ws[tr.i].phrase || isConjunction(ws[k].fold)
}
