package events

// A passive is told by a phrase as well as by a participle: "wurden zu
// unerwünschten Personen erklärt", "wurde für den Angriff verantwortlich
// gemacht". A trigger of several words without a gap whose last word is a
// participle of the cue "participle" (erklärt, gemacht) is passive with an
// auxiliary before it in its clause, as a one-word participle is
// (passive): its subject receives, its agent acts.

// participlePhrase reports whether the trigger hit tr is a phrase that ends
// in a participle of the cue "participle".
func participlePhrase(tr hit, lex *view) bool {
	if tr.n < 2 || tr.gap {
		return false
	}
	last := tr.i + tr.n - 1
	for _, c := range lex.find(kindCue) {
		if c.i == last && c.n == 1 && c.e.name == "participle" {
			return true
		}
	}
	return false
}
