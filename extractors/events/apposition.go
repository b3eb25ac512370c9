package events

import "github.com/gazex/gazex/gazetteer"

// appositions reads, for a trigger whose subject is in its own sentence,
// the appositions of its candidates subj (appositionSubject in German,
// invertedApposition for a verb of saying, and for any Spanish verb), in
// place, and returns subj.
func appositions(lang string, subj []Participant, ws []word, lex *view, tr hit, borrowed bool) []Participant {
	if borrowed {
		return subj
	}
	if lang == "de" {
		appositionSubject(ws, lex, tr, subj)
	}
	if isSpeech(tr.e.value) || lang == "es" {
		// Spanish inverts the subject after any verb ("dejaron sus
		// cargos el ministro del Interior, X, y …"); German and English
		// after a verb of saying.
		invertedApposition(ws, lex, tr, subj)
	}
	return subj
}

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
	if !lex.at(kindArticle, 0) || ws[tr.i].clause < 2 {
		return // most sentences: asked first, before the clause is walked
	}
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
	if from == 0 || ws[from-1].clause != ws[0].clause {
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

// maxInvertedPhrase bounds the words of the noun phrase after a verb of
// saying that invertedApposition reads ("el ministro de Asuntos Exteriores").
const maxInvertedPhrase = 8

// maxInvertedLead bounds the words between such a verb and the article of
// its subject ("anunció en rueda de prensa el …").
const maxInvertedLead = 6

// invertedApposition makes the person named after a verb of saying, at
// the end of its clause, its subject when the verb's subject slot before
// it is empty and that end is a noun phrase headed by an office, role or
// state body noun ("…, afirmó el ministro de Asuntos Exteriores, José
// Manuel Albares", "Lo anunció en rueda de prensa el canciller X", "…,
// sagte der Sprecher der Bundesregierung, X"): the phrase has an article
// but no object marker (Spanish marks a person object with "a", German
// with "den", "dem"), so it is the subject, and the name in it, or in the
// apposition right after it, is the person. The person is then read right
// after the verb, where an inverted subject stands, as a role noun's
// person is read at the role noun.
//
// It changes cands in place, as appositionSubject does.
func invertedApposition(ws []word, lex *view, tr hit, cands []Participant) {
	c := ws[tr.i].clause
	trig := ws[tr.i].start
	after := tr.i + tr.n
	if after >= len(ws) || ws[after].clause != c {
		return
	}
	art := -1
	end := after
	for ; end < len(ws) && ws[end].clause == c; end++ {
		if art < 0 && lex.at(kindComplement, end) {
			return // "exigió que el presidente X …": what follows is what was said
		}
		if art < 0 && lex.at(kindArticle, end) && !lex.at(kindObjectMarker, end) && (end == after || !lex.at(kindObjectMarker, end-1) && !lex.at(kindPreposition, end-1)) {
			art = end
		}
		if art >= 0 && end-art >= maxInvertedPhrase || art < 0 && end-after >= maxInvertedLead {
			return // a long clause after the verb: what was said, not its subject
		}
	}
	if art < 0 {
		return
	}
	for _, p := range cands {
		if p.acts && !p.object && p.clause == c && p.at < trig {
			return // the verb has its subject before it
		}
	}
	for k := art + 1; k < end; k++ {
		if lex.at(kindTrigger, k) || lex.at(kindObjectMarker, k) {
			return // "lo comunicó el Gobierno al ministro X": X is spoken to
		}
	}
	// The phrase's head, after the article and a nationality adjective:
	// "las comparaciones del presidente X" is an object that names X.
	head := art + 1
	if head < end && ws[head].adj != nil {
		head++
	}
	if head >= end || !lex.at(kindRole, head) && !lex.at(kindOffice, head) && !lex.at(kindBody, head) {
		return
	}
	app := -1 // the apposition's clause, if a clause of name words only follows
	if end < len(ws) {
		last := end
		for last+1 < len(ws) && ws[last+1].clause == ws[end].clause {
			last++
		}
		app = ws[end].clause
		for k := end; k <= last; k++ {
			if !nameWord(ws, lex, k) {
				app = -1
				break
			}
		}
	}
	from := ws[art].start
	for i := range cands {
		p := &cands[i]
		if p.acts && p.Entity.Type == gazetteer.TypePerson && (p.clause == app || p.clause == c && p.at > from) {
			p.clause, p.at = c, ws[after].start
		}
	}
}
