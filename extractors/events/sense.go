package events

import "strings"

// Senses of German triggers that are not the event their entry names:
// a nominalised participle, a rejected application, a proposed meeting.
// Each is tested only for a trigger of its type, so most sentences never
// reach them.

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
	for _, c := range lex.find(kindCue) {
		if c.e.name == "antrag" && ws[c.i].phrase == ws[tr.i].phrase {
			return true
		}
	}
	return false
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
