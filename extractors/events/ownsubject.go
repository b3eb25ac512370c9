package events

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// subjectSlot is what a trigger's subject slot holds, as ownSubject reads it.
type subjectSlot int

const (
	subjectOpen subjectSlot = iota // nothing the extractor reads, a name, or a role noun: the participants decide
	subjectBody                    // a state-body noun and its adjectives ("die Behörde", "la autoridad monetaria"): a body named in a sentence before, no one of another clause
	subjectOwn                     // a noun phrase of its own ("la gerente", "Die Datenschutzbehörde Nordrhein-Westfalen") or "ich", "we", "yo"
)

// maxSubjectNouns bounds the words after the article of a subject noun
// phrase ownSubject reads ("die zuständige Behörde des Landes" is not one).
const maxSubjectNouns = 3

// ownSubject reads the subject slot of the trigger tr, for a trigger that
// must not take its actor from another clause or sentence when its clause
// names a subject of its own:
//   - a first-person pronoun in its clause before it ("sobald ich etwas
//     sagte", "as I said") or right after it ("sagte ich"): the writer or
//     the one quoted, never someone named elsewhere;
//   - a noun phrase that is no name the gazetteer knows: an article and up
//     to three words that end its clause right before the verb ("…, la
//     gerente señaló"; in German only heading the sentence, V2), also
//     before a relative clause the verb follows ("Die Datenschutzbehörde
//     Nordrhein-Westfalen, wo …, sagte"), or ending the clause of a verb
//     of saying that opens it after what was said ("…, forderte die
//     Interessenvertretung"; saidBefore).
//
// A role noun the lexicon knows ("der Minister", "la canciller", "the
// spokesman") stands for someone named before (roleNouns): it is left to
// the participants. A state-body noun after its article, with adjectives
// only ("die Regierung", "la autoridad monetaria", "the ministry"), may
// stand for a body named in a sentence before, not for a person, a
// country or one named in another clause of its own sentence
// (subjectBody).
func ownSubject(lang string, ws []word, lex *view, tr hit, cands []Participant) subjectSlot {
	c := ws[tr.i].clause
	for k := tr.i - 1; k >= 0 && ws[k].clause == c; k-- {
		if firstPerson(lang, ws, lex, k) {
			return subjectOwn
		}
	}
	if k := tr.i + tr.n; lang != "en" && k < len(ws) && ws[k].clause == c && firstPerson(lang, ws, lex, k) {
		return subjectOwn
	}
	opens := tr.i > 0 && ws[tr.i-1].clause != c
	switch {
	case !opens && tr.i > 0:
		// Right before the verb, heading its clause; in German only the
		// sentence's (V2): in a later clause the verb may end it, after
		// its object ("…, die Grenzkontrollen aufzuheben").
		first := tr.i - 1
		for first > 0 && ws[first-1].clause == c {
			first--
		}
		if lang == "de" && first > 0 {
			return subjectOpen
		}
		return subjectPhrase(lang, ws, lex, cands, first, tr.i-1)
	case opens && tr.e.value == TypeStatement && tr.i+tr.n < len(ws) && ws[tr.i+tr.n].clause == c && lex.at(kindArticle, tr.i+tr.n) && saidBefore(lang, ws, tr.i):
		// "…, forderte die Interessenvertretung": the phrase after the
		// verb, up to the end of its clause or a preposition.
		k := tr.i + tr.n
		last := k
		for last+1 < len(ws) && ws[last+1].clause == c && last-k < maxSubjectNouns {
			last++
		}
		if last+1 < len(ws) && ws[last+1].clause == c {
			return subjectOpen // more follows: an object ("destacó la gestión de X"), not a subject
		}
		return subjectPhrase(lang, ws, lex, cands, k, last)
	case opens && tr.i > 0:
		// "Die Behörde NRW, wo Rheinmetall sitzt, sagte": the clause
		// before a relative clause that the verb follows.
		rel := ws[tr.i-1].clause
		first := tr.i - 1
		for first > 0 && ws[first-1].clause == rel {
			first--
		}
		if first == 0 || !relativeWord(lang, ws[first].fold) {
			return subjectOpen
		}
		last := first - 1
		first = last
		for first > 0 && ws[first-1].clause == ws[last].clause {
			first--
		}
		return subjectPhrase(lang, ws, lex, cands, first, last)
	}
	return subjectOpen
}

// notNoun are the kinds of words no subject noun phrase holds.
const notNoun = 1<<kindTrigger | 1<<kindArticle | 1<<kindPreposition | 1<<kindPronoun | 1<<kindComplement |
	1<<kindObjectMarker | 1<<kindRelative | 1<<kindNegation | 1<<kindPassive | 1<<kindAuxiliary | 1<<kindAgent |
	1<<kindLocation | 1<<kindSpeech | 1<<kindSource | 1<<kindReport

// minReported is the fewest words of a first clause that may be what was
// said: fewer are a subject and its apposition ("Sumar, socio del PSOE,
// celebró la decisión"), whose verb's object follows it.
const minReported = 4

// saidBefore reports whether the clauses before the verb at word v may be
// what was said, so that a phrase after the verb is its subject: the
// sentence's first clause has minReported words or more, and the verb
// follows no relative clause ("El PP, que negoció el contrato,
// respaldó la decisión").
func saidBefore(lang string, ws []word, v int) bool {
	n := 0
	for n < len(ws) && ws[n].clause == ws[0].clause {
		n++
	}
	if n < minReported {
		return false
	}
	first := v - 1
	for first > 0 && ws[first-1].clause == ws[v-1].clause {
		first--
	}
	return !relativeWord(lang, ws[first].fold)
}

// subjectPhrase classifies the words [first, last] as a subject: an article
// and one to maxSubjectNouns words, of no lexicon entry but a noun of a
// body, an office or a role, where no participant is named.
func subjectPhrase(lang string, ws []word, lex *view, cands []Participant, first, last int) subjectSlot {
	if !lex.at(kindArticle, first) || last <= first || last-first > maxSubjectNouns {
		return subjectOpen
	}
	if lang == "de" && !ws[last].cap {
		return subjectOpen // a German noun has its capital: "die anderen" is no phrase of its own
	}
	for k := first + 1; k <= last; k++ {
		if lex.at(kindRole, k) || lex.at(kindOffice, k) || lex.at(kindSides, k) {
			return subjectOpen // "der Minister", "the spokesman", "die Parteien": resolved elsewhere
		}
		if lang != "de" && ws[k].cap && !lex.at(kindBody, k) {
			return subjectOpen // a name the gazetteer does not know ("el Partido Democrático"): its members may speak for it
		}
		if k < len(lex.one) && lex.one[k]&notNoun != 0 {
			return subjectOpen // a preposition, a pronoun, a trigger …: no noun phrase
		}
	}
	for _, p := range cands {
		if p.at >= ws[first].start && p.at < ws[last].end {
			return subjectOpen // the phrase names a participant ("die Bundesregierung")
		}
	}
	// A body noun with adjectives only ("la autoridad monetaria", "die
	// zuständige Behörde") is a body; one with a name or another noun
	// ("Die Datenschutzbehörde Nordrhein-Westfalen") a phrase of its own.
	body := false
	for k := first + 1; k <= last; k++ {
		switch {
		case lex.at(kindBody, k):
			body = true
		case ws[k].cap:
			return subjectOwn
		}
	}
	if body {
		return subjectBody
	}
	return subjectOwn
}

// firstPerson reports a first-person subject pronoun at word k: "ich",
// "wir", "I", "we", "yo", "nosotros" (not after a preposition: "para
// nosotros").
func firstPerson(lang string, ws []word, lex *view, k int) bool {
	switch ws[k].fold {
	case "ich", "wir":
		return lang == "de"
	case "i", "we":
		return lang == "en" && (ws[k].fold == "we" || ws[k].cap)
	case "yo", "nosotros", "nosotras":
		return lang == "es" && (k == 0 || ws[k-1].clause != ws[k].clause || !lex.at(kindPreposition, k-1))
	}
	return false
}

// relativeWord reports a word that opens a relative clause.
func relativeWord(lang, fold string) bool {
	switch lang {
	case "de":
		switch fold {
		case "der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher", "welches", "wo":
			return true
		}
	case "es":
		switch fold {
		case "que", "quien", "quienes", "donde", "cuyo", "cuya":
			return true
		}
	case "en":
		switch fold {
		case "who", "which", "where", "whose", "that":
			return true
		}
	}
	return false
}

// elsewhere reports a candidate that may act named before the trigger
// at trig in another clause than its own: the only ones notSubjects
// takes away, so that ownSubject is read only where one is.
func elsewhere(cands []Participant, trig, clause int) bool {
	for i := range cands {
		if p := &cands[i]; p.acts && !p.object && p.at < trig && p.clause != clause {
			return true
		}
	}
	return false
}

// notSubjects returns the candidates a trigger whose subject slot holds
// sub may take as its actor: named in the trigger's clause (or after it),
// for a body noun also a body borrowed from the sentence before. The
// others stay, as objects, for the recipients.
func notSubjects(cands []Participant, sub subjectSlot, trig, clause int, borrowed bool) []Participant {
	var out []Participant
	for i, p := range cands {
		if p.object || !borrowed && (p.at >= trig || p.clause == clause) {
			continue
		}
		if borrowed && sub == subjectBody && p.Entity.Type == gazetteer.TypeOrganization {
			continue // "die Behörde" for the body named before; not for one in another clause of its sentence
		}
		if out == nil {
			out = append([]Participant(nil), cands...)
		}
		out[i].object = true
	}
	if out == nil {
		return cands
	}
	return out
}

// agrees reports whether a subject pronoun may stand for the participant
// p named before: "er", "he", "she", "él", "ella" for a person; German
// "sie" for a person or a body; "they", "ellos" for a body; other
// entries ("beide", "es wurde") are read by their own rules. An English
// name after "the" is no person's ("the Aspen Times").
func agrees(text, lang, fold string, p Participant) bool {
	switch fold {
	case "er", "he", "she", "el", "ella", "sie":
		if lang == "en" && p.Start >= len("the ") && strings.EqualFold(text[p.Start-len("the "):p.Start], "the ") {
			return false
		}
		return singular(fold, p.Entity)
	case "they", "ellos":
		return p.Entity.Type == gazetteer.TypeOrganization
	}
	return true
}

// pluralVerb reports a Spanish verb in the third person plural of the
// preterite ("respondieron", "anunciaron"): its dropped subject is
// several, not one person.
func pluralVerb(lang, fold string) bool {
	return lang == "es" && (strings.HasSuffix(fold, "aron") || strings.HasSuffix(fold, "ieron"))
}
