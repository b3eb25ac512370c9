package events

import "strings"

// Senses of German triggers that are not the event their entry names:
// a nominalised participle, a rejected application, a proposed meeting.
// Each is tested only for a trigger of its type, so most sentences never
// reach them.

// germanSense reports whether a German trigger is in a sense of the
// rules below that makes no event (skip), or the rule that retypes it a
// decision (OTHER). One call from the sentence loop, so that the loop
// stays small enough for the compiler to inline what it calls.
func germanSense(ws []word, lex *view, triggers []hit, tr hit) (skip bool, rule string) {
	const lang = "de"
	if nominalised(lang, ws, lex, tr) || proposed(ws, lex, triggers, tr) || summoned(lang, ws, lex, tr) || standing(lang, ws, lex, tr) {
		return true, ""
	}
	if application(lang, ws, lex, tr) {
		return false, ruleApplication
	}
	return false, ""
}

// nominalised reports a German trigger spelt as a past verb ("beschuldigte",
// "verdächtigten") that is a capitalised word after an article: a
// participle made a noun names a person ("wurde der Beschuldigte dem
// Richter vorgeführt", "die Verdächtigten schweigen"), not the act of
// accusing. A verb is capitalised only where it opens the sentence.
func nominalised(lang string, ws []word, lex *view, tr hit) bool {
	if lang != "de" || tr.i == 0 || tr.n != 1 || !ws[tr.i].cap || !lex.at(kindArticle, tr.i-1) && !lex.at(kindObjectMarker, tr.i-1) {
		return false
	}
	fold := ws[tr.i].fold
	if !strings.HasSuffix(fold, "te") && !strings.HasSuffix(fold, "ten") {
		return false
	}
	// Spelt as the entry spells a verb: a noun entry ("einreiseverbot*")
	// may end so too ("die Einreiseverbote").
	for j := range tr.e.single {
		if w := &tr.e.single[j].w; w.op == opExact && w.text == fold {
			return true
		}
	}
	return false
}

// ruleApplication is the provenance of a denial retyped by [application].
const ruleApplication = "de.sense.antrag"

// application reports a German denial whose clause names an application
// (the cue "antrag": "Antrag", "Klage", "Beschwerde" …): a court or an
// office that rejects one decides on it ("hat einen Eilantrag … zurückgewiesen")
// and denies no accusation, so the event is a decision (OTHER).
func application(lang string, ws []word, lex *view, tr hit) bool {
	if lang != "de" || tr.e.value != TypeDeny {
		return false
	}
	return cueIn(lex, "antrag", ws, tr)
}

// proposed reports a meeting, visit or talks noun that is the object of a
// proposal or an invitation in its clause ("schlug Putin ein Gipfeltreffen
// vor", "lud ihn zu einem Besuch ein"): what is proposed has not taken
// place; the proposal is the readiness (COOPERATE_INTENT) its own entry
// finds. Only an object inside the split verb counts: a noun before it
// may be an event of its own ("Bei seinem Besuch lud er …").
func proposed(ws []word, lex *view, triggers []hit, tr hit) bool {
	switch tr.e.value {
	case TypeMeet, TypeVisit, TypeConsult:
	default:
		return false
	}
	for _, h := range triggers {
		if h.kind != kindNeedsObject || h.e.value != TypeCooperateIntent || h.e.cue == "" || !h.gap {
			continue
		}
		if h.i < tr.i && tr.i < h.i+h.n-1 && ws[h.i].clause == ws[tr.i].clause {
			for _, c := range lex.find(kindCue) {
				if c.i == tr.i && c.e.name == h.e.cue {
					return true
				}
			}
		}
	}
	return false
}

// summoned reports a meeting or talks noun that a summons in its clause
// names as its purpose ("wurde zu einem „schwierigen Gespräch“
// einbestellt", "zum Gespräch vorgeladen"): the talk is the summons,
// which the summons' own entry finds, not a meeting of its own.
func summoned(lang string, ws []word, lex *view, tr hit) bool {
	if lang != "de" || tr.e.value != TypeMeet && tr.e.value != TypeConsult {
		return false
	}
	to := false
	for k := tr.i - 1; k >= 0 && k >= tr.i-3 && ws[k].phrase == ws[tr.i].phrase; k-- {
		if f := ws[k].fold; f == "zu" || f == "zum" || f == "zur" {
			to = true
			break
		}
	}
	return to && cueIn(lex, "vorladung", ws, tr)
}

// standing reports a readiness trigger ("bereit") that is the particle
// of "bereitstehen", "bereitstellen", "bereithalten" or "bereitlegen" ("die
// Flugzeuge stünden bereit, um … abzuholen", "das Ministerium stellt 400
// Millionen Euro für … bereit"): what stands, is held or is provided ready
// is at hand, no one declares a will to cooperate. The particle ends its
// clause, and the verb (cue "bereitverb") may stand any number of words
// before it, but no form of "sein" between them (cue "bereitsein": "hält
// an den Zielen fest und ist zur Zusammenarbeit bereit" is ready).
func standing(lang string, ws []word, lex *view, tr hit) bool {
	if lang != "de" || tr.e.value != TypeCooperateIntent {
		return false
	}
	last := tr.n == 1 && (tr.i+1 == len(ws) || ws[tr.i+1].clause != ws[tr.i].clause)
	verb := -1 // the last bereitverb of the clause before the particle
	cues := lex.find(kindCue)
	for _, c := range cues {
		if c.e.name == "bereitstehen" && c.i+c.n-1 == tr.i {
			return true
		}
		if last && c.e.name == "bereitverb" && c.i < tr.i && ws[c.i].clause == ws[tr.i].clause {
			verb = max(verb, c.i)
		}
	}
	if verb < 0 {
		return false
	}
	for _, c := range cues {
		if c.e.name == "bereitsein" && verb < c.i && c.i < tr.i {
			return false
		}
	}
	return true
}

// cueAt reports a hit of the cue named name that starts at word i.
func cueAt(lex *view, name string, i int) bool {
	for _, c := range lex.find(kindCue) {
		if c.i == i && c.e.name == name {
			return true
		}
	}
	return false
}

// cueIn reports a hit of the cue named name in the phrase of tr.
func cueIn(lex *view, name string, ws []word, tr hit) bool {
	for _, c := range lex.find(kindCue) {
		if c.e.name == name && ws[c.i].phrase == ws[tr.i].phrase {
			return true
		}
	}
	return false
}
