package events

// rulePenalty is the provenance of an accusation retyped by [penalty].
const rulePenalty = "sense.penalty"

// penaltyPrep is the preposition before the term of a penalty in each
// language: "zu vier Jahren", "a tres años", "to ten years".
var penaltyPrep = map[string]string{"de": "zu", "es": "a", "en": "to"}

// penalty reports an accusation trigger that condemns someone to a
// penalty: a court that does passes a sentence, a decision (OTHER), and
// accuses no one of anything ("condenó a tres años de prisión al
// exministro", "zu vier Jahren Haft verurteilt", "condemned to life
// imprisonment"). The penalty is a cue of its phrase ("penalty": prison,
// Haft, a fine), or its term right after the preposition (the cue "term"
// within two words after "a", "zu", "to": "condenó a dos años a la
// exdirectora"). Condemning an attack names neither.
func penalty(lang string, ws []word, lex *view, tr hit) bool {
	if tr.e.value != TypeAccuse {
		return false
	}
	if cueIn(lex, "penalty", ws, tr) {
		return true
	}
	prep := penaltyPrep[lang]
	if prep == "" {
		return false
	}
	for _, c := range lex.find(kindCue) {
		if c.e.name != "term" || c.i <= tr.i || ws[c.i].phrase != ws[tr.i].phrase {
			continue
		}
		for k := max(c.i-3, tr.i+1); k < c.i; k++ {
			if ws[k].fold == prep {
				return true
			}
		}
	}
	return false
}
