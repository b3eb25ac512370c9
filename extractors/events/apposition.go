package events

import "github.com/gazex/gazex/gazetteer"

// appositionSubject puts into the trigger's clause the person named in an
// apposition right before it, when that clause opens with an auxiliary of
// the perfect: German (V2) places the subject, with its apposition, before
// the finite verb ("Die lettische Außenministerin, Baiba Braže, hatte die
// russischen Behörden … gebeten"), so that the names after "hatte" are its
// objects, not its subject. The apposition is a clause of name words only,
// after the sentence's first clause, which its article opens.
//
// It changes the clause of cands in place: the sentence's later triggers
// read the apposition the same way.
func appositionSubject(ws []word, lex *view, tr hit, cands []Participant) {
	c := ws[tr.i].clause
	first := tr.i
	for first > 0 && ws[first-1].clause == c {
		first--
	}
	if first == 0 || first == tr.i || !lex.at(kindAuxiliary, first) {
		return
	}
	app := ws[first-1].clause
	from := first - 1
	for from > 0 && ws[from-1].clause == app {
		from--
	}
	if from == 0 || ws[from-1].clause != ws[0].clause || !lex.at(kindArticle, 0) {
		return
	}
	for k := from; k < first; k++ {
		if !nameWord(ws, lex, k) {
			return
		}
	}
	for i := range cands {
		if p := &cands[i]; p.acts && p.clause == app && p.Entity.Type == gazetteer.TypePerson {
			p.clause = c
		}
	}
}
