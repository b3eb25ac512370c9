package events

import "slices"

// Talks are about something: "Putin traf Xi Jinping zu Gesprächen über
// die Ukraine", "se reunió con Lula para hablar sobre Venezuela",
// "discussed sanctions against Russia". A name after a preposition of
// topic, purpose or opposition (the cue "aside": über, gegen, für; sobre,
// contra, para, por; about, against, for, on) is what a meeting, talks or
// an agreement concern, not one of their sides. Prepositions of company
// ("mit", "con", "with"), of the sides ("zwischen", "entre", "between")
// and of the genitive ("von", "de", "of": "das Treffen von Scholz und
// Macron") are not among them.

// markAside marks the candidates governed by an aside preposition, or by
// one and an article. It is read for a sentence with a trigger only.
func markAside(cands []Participant, ws []word, lex *view) {
	if lex.has&(1<<kindCue) == 0 || len(cands) == 0 {
		return
	}
	var buf [8]int
	preps := buf[:0] // the words that are aside prepositions: few
	for _, c := range lex.find(kindCue) {
		if c.e.name == "aside" {
			preps = append(preps, c.i)
		}
	}
	if len(preps) == 0 {
		return
	}
	for i := range cands {
		k := wordFrom(ws, cands[i].Start)
		if k < 0 || ws[k].start != cands[i].Start {
			continue
		}
		if k > 0 && slices.Contains(preps, k-1) || k > 1 && lex.at(kindArticle, k-1) && slices.Contains(preps, k-2) {
			cands[i].aside = true
		}
	}
}
