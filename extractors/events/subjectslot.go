package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// The German subject slot: in a clause whose verb comes at its end
// ("hatte Polen das russische Konsulat geschlossen", "nachdem Warschau
// Moskau verantwortlich gemacht hatte", "Polen hat das Konsulat
// geschlossen"), the subject stands first — right after the auxiliary,
// the modal or the subordinating conjunction, or right before the
// auxiliary at the head of the clause — and the objects follow it. The
// name in that slot is the subject whatever its kind: a country there
// goes before a body or a person named after it, which rank alone would
// have put first ("das russische Konsulat" was made to close itself).

// auxiliary reports a German auxiliary or modal of a verb at the end of
// its clause; subordinator a conjunction that opens a clause whose verb is
// last too. Switches, not lists: they are asked of most words of a
// trigger's sentence.
func auxiliary(f string) bool {
	switch f {
	case "hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "werden", "wurden",
		"will", "wollte", "wollen", "wollten", "soll", "sollte", "sollen", "sollten", "kann", "konnte", "konnen", "konnten",
		"muss", "musste", "mussen", "mussten", "darf", "durfte":
		return true
	}
	return false
}

// Not "als", "da", "seit", "während": a role ("als Bundeskanzler"), an adverb, prepositions.
func subordinator(f string) bool {
	switch f {
	case "nachdem", "dass", "weil", "wenn", "ob", "obwohl", "bevor", "seitdem":
		return true
	}
	return false
}

// slotArticle reports an article that may open the noun phrase in the
// slot: nominative forms ("das russische Außenministerium"); "den",
// "dem", "des" mark an object or a genitive.
func slotArticle(f string) bool { return f == "der" || f == "die" || f == "das" }

// markSubjectSlots marks the German candidates that stand in the subject
// slot of their clause. A name at the head of a clause, before its
// auxiliary, is the subject, and a name after the auxiliary then its
// object ("Das Konsulat hat X ausgewiesen"); otherwise the name right
// after the auxiliary or the conjunction is the subject.
func markSubjectSlots(lang string, ws []word, cands []Participant) {
	if lang != "de" {
		return
	}
	var heads []int // the clauses with a subject at their head
	after := make([]bool, len(cands))
	for i := range cands {
		p := &cands[i]
		if p.at != p.Start || p.object {
			continue // a role noun's person, or one after an object marker
		}
		k := wordFrom(ws, p.Start)
		if k < 0 || ws[k].start != p.Start || !ws[k].cap && !adjectiveForm(ws[k].fold) {
			continue // a name, or a body with its adjective ("russische Botschaft")
		}
		first := k
		// An article and up to two adjectives before the name ("das
		// russische Außenministerium").
		j := first
		for j > 0 && first-j < 2 && !ws[j-1].cap && ws[j-1].clause == ws[k].clause && adjectiveForm(ws[j-1].fold) {
			j--
		}
		if j > 0 && ws[j-1].clause == ws[k].clause && slotArticle(ws[j-1].fold) {
			first = j - 1
		}
		if first > 0 && ws[first-1].clause == ws[k].clause {
			// "Am Montag hatte Polen …", "nachdem Warschau …". An
			// auxiliary that opens its clause follows its subject before
			// the comma ("Der Botschafter, X, hatte die spanischen Behörden
			// … gebeten").
			v := first - 1
			fronted := v > 0 && ws[v-1].clause == ws[v].clause
			after[i] = auxiliary(ws[v].fold) && fronted || subordinator(ws[v].fold)
			continue
		}
		// At the head of the clause, before its auxiliary: "Polen hat …".
		next := wordFrom(ws, p.End)
		if next > 0 && ws[next].clause == ws[k].clause && auxiliary(ws[next].fold) {
			p.slot = true
			heads = append(heads, ws[k].clause)
		}
	}
	for i := range cands {
		if after[i] && !slices.Contains(heads, cands[i].clause) {
			cands[i].slot = true
		}
	}
	// A person right after a title in the slot is of its noun phrase
	// ("hatte Generalbundesanwalt Peter Frank"), whom rank then puts
	// first; after a country it is another phrase, the object ("hat
	// Russland X festgenommen").
	for i := range cands {
		if !cands[i].slot || cands[i].Entity.Type == gazetteer.TypeCountry {
			continue
		}
		next := wordFrom(ws, cands[i].End)
		for j := range cands {
			if next >= 0 && cands[j].Start == ws[next].start && cands[j].at == cands[j].Start && !cands[j].object && cands[j].Entity.Type == gazetteer.TypePerson {
				cands[j].slot = true
			}
		}
	}
}

// adjectiveForm reports a German attributive adjective's ending.
func adjectiveForm(fold string) bool {
	n := len(fold)
	return n > 3 && !auxiliary(fold) && !subordinator(fold) && (fold[n-1] == 'e' || fold[n-2:] == "en" || fold[n-2:] == "er" || fold[n-2:] == "es")
}
