package tagger

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// inLongerName reports whether the organisation that m names is only
// part of a longer proper name the text gives, and so not that
// organisation (no match is better than a wrong one): "the Democratic
// Labour Party" (Barbados) is not the "Labour Party" (UK), "die Neue
// Demokratische Partei" (Canada) not the "Demokratische Partei" (South
// Korea), "el Partido Popular Europeo" not the "Partido Popular" (Spain),
// "the Barbados Labour Party" not the British one.
//
//   - English and German put a name's modifiers before its head: a
//     capitalised adjective right before the name, inside a sentence, that
//     the gazetteer does not know continues it ("Democratic",
//     "Progressive", "Freie", "Christlich").
//     Not so a word the gazetteer knows (a nationality or country names
//     the same body: "British Labour Party", "the German Bundestag"), a
//     sentence's or line's first word, a determiner, preposition, day or
//     month, a title, or a possessive ("Starmer's Labour Party"). A
//     party's adjective continues only a party's name: before another
//     body it says whose ("the Democratic House members", "the
//     Republican Senate candidate").
//   - A country or nationality right before a name of two words or more
//     that is another country's body names that country's body: "the
//     Barbados Labour Party", "Israel's Labour Party" (only names: a
//     short form is qualified by its country, [Tagger.qualify]).
//   - Spanish puts them after: a capitalised adjective of names right
//     after it ("Europeo", "Nacional", "Socialista") continues it; a
//     person's name or a new sentence does not ("del Partido Popular
//     Alberto Núñez Feijóo").
//
// prev is the kept match that ends where m starts, nil for none. It
// is asked at each match only, and reads the neighbours' Shape and Fold.
func inLongerName(toks []gazetteer.Token, m gazetteer.Match, prev *gazetteer.Match) bool {
	// Only the shapes of the neighbours first: most matches have no
	// capitalised word beside them, and most that have are people.
	s, n := m.Start, m.End
	before := s > 0 && toks[s].Shape == gazetteer.ShapeCap && !toks[s].LineBreak &&
		(prev == nil && toks[s-1].Shape == gazetteer.ShapeCap || prev != nil && n-s > 1)
	after := n < len(toks) && toks[n].Shape == gazetteer.ShapeCap && !toks[n].LineBreak &&
		toks[n].Start-toks[n-1].End == 1
	if !before && !after || !allOfType(m, gazetteer.TypeOrganization) {
		return false
	}
	if before && prev == nil && continuesBefore(toks, s-1) {
		if partisan[toks[s-1].Fold] {
			return allParties(m)
		}
		return true
	}
	if before && prev != nil && toks[s].Start-toks[s-1].End <= 1 && m.Entries[0].Kind == gazetteer.KindName {
		if c := countryOf(*prev); c != "" && otherCountryName(m, c) {
			return true
		}
	}
	return after && esNameAdjective[toks[n].Fold]
}

// continuesBefore reports whether the capitalised word at token p, right
// before a name, is a modifier of the name: inside a sentence, a single
// space before the name, shaped like an adjective (German capitalises
// its nouns, and a noun before a name is its apposition: "die Agentur
// Xinhua", "die Terrormiliz Hamas"), and no title or day.
func continuesBefore(toks []gazetteer.Token, p int) bool {
	if !midCap(toks, p) {
		return false
	}
	f := toks[p].Fold
	if s, ok := strings.CutSuffix(f, "'s"); ok { // the normaliser made every apostrophe ASCII
		return s == "people" || s == "women" // "People's Democratic Party"; not "Starmer's Labour Party"
	}
	if notModifier[f] {
		return false
	}
	return adjectiveShaped(f)
}

// adjectiveShaped reports whether the folded word f is shaped like an
// English or German adjective of a name, with or without a German
// ending: "Democratic", "Progressive", "National", "Socialist",
// "Christian", "Republican", "Revolutionary", "Scottish", "Freie",
// "Demokratische", "Christlich", "Nationalen".
func adjectiveShaped(f string) bool {
	if modifierWord[f] || adjectiveSuffix(f) {
		return true
	}
	// A German ending: -e, -en, -er, -es, -em.
	var s string
	switch {
	case strings.HasSuffix(f, "e"):
		s = f[:len(f)-1]
	case len(f) > 2 && f[len(f)-2] == 'e' && strings.IndexByte("nrsm", f[len(f)-1]) >= 0:
		s = f[:len(f)-2]
	default:
		return false
	}
	return len(s) > 2 && (modifierWord[s] || adjectiveSuffix(s))
}

// adjectiveSuffix reports whether f ends in an adjective's suffix:
// -ic, -al, -ive, -ist, -ian, -ican, -ary, -ish, -isch, -lich.
func adjectiveSuffix(f string) bool {
	if len(f) < 4 {
		return false
	}
	switch f[len(f)-1] { // the last letter picks the suffixes to compare
	case 'c':
		return f[len(f)-2] == 'i'
	case 'l':
		return f[len(f)-2] == 'a'
	case 'e':
		return strings.HasSuffix(f, "ive")
	case 't':
		return strings.HasSuffix(f, "ist")
	case 'n':
		return strings.HasSuffix(f, "ian") || strings.HasSuffix(f, "ican")
	case 'y':
		return strings.HasSuffix(f, "ary")
	case 'h':
		return strings.HasSuffix(f, "ish") || strings.HasSuffix(f, "isch") || strings.HasSuffix(f, "lich")
	}
	return false
}

// modifierWord are the adjectives of names that adjectiveSuffix misses
// (folded, without a German ending).
var modifierWord = map[string]bool{
	"new": true, "free": true, "green": true, "united": true, "unified": true, "reformed": true,
	"allied": true, "independent": true, "popular": true, "frei": true, "neu": true, "grun": true,
	"link": true, "vereinigt": true, "vereint": true, "unabhangig": true,
}

// partisan are the English adjectives of a party's members (folded),
// which qualify any noun after them: "the Democratic White House
// nominee".
var partisan = map[string]bool{
	"democratic": true, "republican": true, "conservative": true, "liberal": true, "progressive": true,
	"socialist": true, "communist": true,
}

// allParties reports whether m's entries are all political parties.
func allParties(m gazetteer.Match) bool {
	if oneRun(m.Entries) {
		return m.Entries[0].Entity.Sector == "PTY"
	}
	for _, en := range m.Entries {
		if en.Entity.Sector != "PTY" {
			return false
		}
	}
	return true
}

// countryOf returns the country that all of m's entries name (a country's
// name or nationality adjective), "" when m is no country or several.
func countryOf(m gazetteer.Match) string {
	if !allOfType(m, gazetteer.TypeCountry) {
		return ""
	}
	c := m.Entries[0].Entity.Country
	for _, en := range m.Entries[1:] {
		if en.Entity.Country != c {
			return ""
		}
	}
	return c
}

// otherCountryName reports whether m's entries are all names (not short
// forms) of organisations of a country other than c.
func otherCountryName(m gazetteer.Match, c string) bool {
	for _, en := range m.Entries {
		e := en.Entity
		if en.Kind != gazetteer.KindName || e.Type != gazetteer.TypeOrganization || e.Country == "" || e.Country == c {
			return false
		}
	}
	return true
}

// notModifier are the words shaped like adjectives that stand before an
// organisation's name without being part of it: titles and nouns in
// apposition ("General", "Journalist"), months (folded).
var notModifier = map[string]bool{
	"general": true, "admiral": true, "cardinal": true, "kardinal": true, "tribunal": true,
	"hospital": true, "capital": true, "journal": true, "portal": true, "canal": true, "kanal": true,
	"personal": true, "journalist": true, "jurist": true, "polizist": true, "representative": true,
	"detective": true, "initiative": true, "archive": true, "executive": true, "republic": true,
	"clinic": true, "music": true, "critic": true, "guardian": true, "politician": true,
	"historian": true, "civilian": true, "secretary": true, "january": true, "february": true,
	"official": true,
}

// esNameAdjective are the Spanish adjectives that follow the head of a
// party's or a body's name ("Partido Popular Europeo", "Ministerio de
// Defensa Nacional"), in their folded forms; none is an English word, so
// "the Labour Party Central Office" keeps its party.
var esNameAdjective = map[string]bool{
	"europeo": true, "europea": true, "nacional": true, "democratico": true, "democratica": true,
	"democrata": true, "unido": true, "unida": true, "socialista": true, "comunista": true,
	"republicano": true, "republicana": true, "revolucionario": true, "revolucionaria": true,
	"cristiano": true, "cristiana": true, "conservador": true, "conservadora": true, "progresista": true,
	"independiente": true, "institucional": true, "autentico": true, "autentica": true, "obrero": true,
	"obrera": true, "verde": true, "unificado": true, "unificada": true, "patriotico": true,
	"patriotica": true, "bolivariano": true, "bolivariana": true, "popular": true, "nacionalista": true,
	"internacional": true, "renovador": true, "renovadora": true, "libertario": true, "libertaria": true,
}
