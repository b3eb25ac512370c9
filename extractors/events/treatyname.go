package events

// Treaties take the names of the cities where they were signed: the city
// of "das Pariser Klimaschutzabkommen", "die Minsker Abkommen", "the Paris
// Agreement", "el Acuerdo de París", "der Vertrag von Lissabon" is part of
// a name, and its state no party to whatever the sentence reports. A
// capital names a treaty right before the treaty's noun (the cues
// "vertrag", "tratado", "treaty") or right after that noun and the
// preposition of such names (the cue "treaty_of": von, de, of). Only
// capitals are read here: a country's name by an agreement stands for a
// party to it ("el acuerdo de Colombia con las FARC").

// namesTreaty reports whether the capital mentioned at m is part of a
// treaty's name.
func namesTreaty(ws []word, lex *view, m Mention) bool {
	first, next := wordFrom(ws, m.Start), wordFrom(ws, m.End)
	if first < 0 || ws[first].start != m.Start {
		return false
	}
	treaty := func(k int) bool {
		return cueAt(lex, "vertrag", k) || cueAt(lex, "tratado", k) || cueAt(lex, "treaty", k)
	}
	if next >= 0 && ws[next].clause == ws[first].clause && treaty(next) {
		return true
	}
	return first >= 2 && ws[first-2].clause == ws[first].clause && treaty(first-2) && cueAt(lex, "treaty_of", first-1)
}
