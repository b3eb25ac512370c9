package events

import "slices"

// Relative clauses: "El opositor Partido Democrático, cuyo líder X
// encabezó protestas en Seúl, acusó al Gobierno …", "Die Partei, deren
// Chef X ist, forderte …", "The ministry, which X has led since May,
// said …". A name inside a relative clause belongs to that clause: it is
// the subject or object of the clause's own verb, never the subject of
// the verb the clause interrupts, whatever its rank (a person goes before
// a body among the names before a verb, which put X before the party).

// relativePronouns open a relative clause after a comma.
var relativePronouns = map[string][]string{
	"de": {"der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welche", "welcher", "welches", "welchem", "welchen"},
	"es": {"que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas", "donde"},
	"en": {"who", "whom", "whose", "which"},
}

// markRelative marks the candidates that stand in a relative clause: a
// clause opened by a relative pronoun right after a comma. German "der",
// "die", "das" are articles as often as pronouns: there the word before
// the comma must be a noun (its antecedent, written with a capital) and
// the clause must end in a verb (lower case), as a German relative clause
// does ("Außenministerin X, die derzeit Australien besucht, sagte"; not
// "sagte, die Regierung werde …", nor the apposition "Xi, der Präsident
// Chinas").
func markRelative(lang string, ws []word, cands []Participant) {
	pronouns := relativePronouns[lang]
	if pronouns == nil || len(cands) == 0 {
		return
	}
	for k := 1; k < len(ws); k++ {
		w := &ws[k] // not a copy: most words are passed at the first test
		if w.clause == ws[k-1].clause || !slices.Contains(pronouns, w.fold) || !afterComma(ws, k) {
			continue
		}
		last := k
		for last+1 < len(ws) && ws[last+1].clause == w.clause {
			last++
		}
		if lang == "de" && (!ws[k-1].cap || ws[last].cap || last == k) {
			continue
		}
		for i := range cands {
			if cands[i].clause == w.clause {
				cands[i].relative = true
			}
		}
	}
}

// afterComma reports whether the word at k follows a comma: the clause
// before it ended there, not at a quotation mark or a parenthesis.
func afterComma(ws []word, k int) bool {
	// Clauses are numbered by punctuation; a comma starts a clause of its
	// own (phrase == clause), a parenthesis's close resumes the phrase it
	// interrupted.
	return ws[k].phrase == ws[k].clause && ws[k].clause == ws[k-1].clause+1
}
