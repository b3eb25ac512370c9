package events

// A visit named by a noun with an article after a verb of saying in its
// clause is what the speaker speaks of, not the speaker's own visit:
// "Albares calificó la visita de histórica", "bezeichnete den Besuch als
// historisch" (the visit is another's, told before). Its visitor is named
// after "de" or "von" (visitor), or not at all; a possessive makes it the
// speaker's ("anunció su visita a China").

// spokenOfVisit reports a visit trigger tr that is a noun after an article,
// with a verb of saying before it in its clause.
func spokenOfVisit(ws []word, lex *view, tr hit, speech []hit) bool {
	if tr.e.value != TypeVisit || tr.i == 0 || !lex.at(kindArticle, tr.i-1) {
		return false
	}
	for _, h := range speech {
		if h.i < tr.i && ws[h.i].clause == ws[tr.i].clause {
			return true
		}
	}
	return false
}
