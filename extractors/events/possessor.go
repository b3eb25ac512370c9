package events

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// maxPossessedWords bounds the words of the noun phrase a possessive
// country heads ("Kenias Vizepräsident William Ruto", "Russlands größte
// Bank", "Britain's foreign ministry").
const maxPossessedWords = 3

// possessive reports a country or capital in the possessive before the
// noun it owns: the German genitive that precedes its noun ("Österreichs
// Tauchmesse", "Kenias Vizepräsident", "Moskaus Außenminister"), a form
// ending in "s" that is none of the place's names; the English "'s"
// ("Britain's universities").
func possessive(text, lang string, m Mention) bool {
	switch lang {
	case "de":
		name := text[m.Start:m.End]
		return strings.HasSuffix(name, "s") && !slices.Contains(m.Entity.Names["de"], name)
	case "en":
		// The tagger's mention may hold the "'s" or stop before it.
		name, rest := text[m.Start:m.End], text[m.End:]
		return strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
	}
	return false
}

// possessors settles the candidates that name a country in the possessive
// (Participant.owner) by the noun phrase they head, of up to
// maxPossessedWords words in their clause:
//   - a person in it ("Kenias Vizepräsident William Ruto", "Russia's
//     Foreign Minister Sergei Lavrov"): the country is the person's own,
//     neither actor nor recipient (ownCountry), and the person stands
//     where the phrase does, so that it is the subject of "bezeichnete
//     Kenias Vizepräsident William Ruto das Lager";
//   - a state body in it ("Russlands Regierung", "Britain's foreign
//     ministry"): the country acts through it, as before;
//   - any other noun ("Österreichs Tauchmesse", "Russlands größte Bank",
//     "UK's universities"): the country owns it and does not act; the
//     noun is the subject, and it is no state.
//
// It runs only on a sentence that names such a possessive.
//
// German nouns have their capital: the phrase is lower-case adjectives and
// then capitalised words ("Russlands größte Bank"); without one what
// follows is no noun ("Russlands wies … zurück" is not said), and a
// genitive after a noun is that noun's ("Die Regierung Russlands", read
// by countryActs).
func possessors(lang string, out []Participant, ws []word, lex *view) []Participant {
	for i := 0; i < len(out); i++ {
		p := &out[i]
		if !p.owner {
			continue
		}
		k := wordFrom(ws, p.End)
		if k <= 0 || ws[k].clause != ws[k-1].clause {
			continue // nothing after it in its clause: "… Russlands", "…, said Britain's."
		}
		if h := wordFrom(ws, p.Start); lang == "de" && h > 1 && ws[h-1].cap && ws[h-1].clause == ws[h].clause {
			continue // after its noun: "Die Regierung Russlands wies … zurück"
		}
		body, person := false, -1
		n := 0
		for j := k; j < len(ws) && j < k+maxPossessedWords && ws[j].clause == ws[k].clause; j++ {
			if j < len(lex.one) && lex.one[j]&notNoun != 0 {
				break // a verb, a preposition …: the phrase has ended
			}
			if lang == "de" && !ws[j].cap {
				if n > 0 {
					break // "Österreichs Tauchmesse abgesagt"
				}
				continue // an adjective before the noun
			}
			if person = slices.IndexFunc(out, func(q Participant) bool {
				return q.Start == ws[j].start && q.Entity.Type == gazetteer.TypePerson
			}); person >= 0 {
				break
			}
			body = body || lex.at(kindBody, j)
			n++
		}
		switch {
		case person >= 0:
			out[person].at = p.at
			out = slices.Delete(out, i, i+1)
			i--
		case !body && n > 0:
			p.acts = false
		}
	}
	return out
}

// endsName reports a capital that ends a longer proper name: two words
// before it in its clause that may be part of a name (nameWord), the
// first not opening the sentence ("des Getränkegroßhandels OBD Grand
// Paris", "Imperial College London"). The name is a company's or a
// college's; the city in it stands for no government.
func endsName(ws []word, lex *view, m Mention) bool {
	k := wordFrom(ws, m.Start)
	return k > 2 && ws[k-2].clause == ws[k].clause && ws[k-1].clause == ws[k].clause && nameWord(ws, lex, k-1) && nameWord(ws, lex, k-2)
}
