package events

// Spanish puts a nationality adjective after the role noun it qualifies
// ("el presidente francés", "la canciller alemana"), where German puts it
// before ("der französische Präsident"): the role stands for a person of
// that country named before (roleNouns), not for another president ("Pedro
// Sánchez recibió a Emmanuel Macron. … el presidente francés aseguró …" is
// Macron).

// adjectiveAfter returns the country of a nationality adjective right after
// the Spanish role noun h, in its clause, or "".
func adjectiveAfter(lang string, ws []word, h hit) string {
	k := h.i + h.n
	if lang != "es" || k >= len(ws) || ws[k].clause != ws[h.i].clause {
		return ""
	}
	if c := ws[k].adj; c != nil {
		return c.Country
	}
	return ""
}
