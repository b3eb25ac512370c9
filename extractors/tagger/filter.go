package tagger

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
)

// filter drops the matches that are not mentions although the index's
// keys meet:
//
//   - a name whose text differs from the form by more than an
//     inflectional ending ("Kastner" is not "Kast", "Hamann" not "Hamas",
//     "Roman" not "Roma"): the index strips endings until they meet, so
//     it cannot tell an ending from the rest of a longer word;
//   - a one-word country inside a person's name: a capitalised word right
//     before it, itself not sentence-initial and no known name ("la
//     embajadora, Ana Salomón");
//   - an acronym with digits after a brand or before a model word ("BMW
//     G20", "der G20 Touring"): a product code, not the forum;
//   - an organisation's name inside a longer proper name ("the Democratic
//     Labour Party", "el Partido Popular Europeo"): see [inLongerName].
//
// matches is modified in place; entries are copied only when some are
// dropped.
//
// It appends to ex, and returns, the exactness of each match kept, as
// inflectionFits learnt it, for matchKind.
func filter(toks []gazetteer.Token, matches []gazetteer.Match, ex []exactness) ([]gazetteer.Match, []exactness) {
	out := matches[:0]
	prevEnd := -1 // end of the previous kept match, in tokens
	for i, m := range matches {
		nextTagged := i+1 < len(matches) && matches[i+1].Start == m.End
		var mx exactness
		m.Entries, mx = inflectionFits(toks, m)
		if len(m.Entries) == 0 {
			continue
		}
		if m.End-m.Start == 1 && prevEnd != m.Start {
			// Only an uninflected country: "Präsident Kubas" is a genitive.
			// The tests on the text come first: allOfType reads every
			// entry's entity (a cache miss each, 200 for a form that every
			// country's ministry shares), and they rule out nearly all.
			if nameLike[toks[m.Start].Fold] && allOfType(m, gazetteer.TypeCountry) && m.Entries[0].Exact(toks[m.Start:m.End]) &&
				(inPersonName(toks, m.Start) || beforeName(toks, m.Start, nextTagged)) {
				continue
			}
			if hasDigit(toks[m.Start].Fold) && allOfType(m, gazetteer.TypeOrganization) && productCode(toks, m.Start) {
				continue
			}
		}
		if !nextTagged && adjectiveBeforeNoun(toks, m) {
			continue
		}
		var prev *gazetteer.Match
		if prevEnd == m.Start {
			prev = &out[len(out)-1]
		}
		if inLongerName(toks, m, prev) {
			continue
		}
		out = append(out, m)
		ex = append(ex, mx)
		prevEnd = m.End
	}
	return out, ex
}

// exactness is what inflectionFits learnt of whether the entries it kept
// spell the match's tokens exactly ([gazetteer.Entry.Exact]).
type exactness uint8

const (
	exactUnknown exactness = iota // not asked of every entry alike
	exactAll                      // every entry kept is Exact
	exactNone                     // no entry kept is Exact
)

// hasDigit reports whether f holds an ASCII digit, as productCode asks
// first.
func hasDigit(f string) bool { return strings.ContainsAny(f, "0123456789") }

func allOfType(m gazetteer.Match, typ string) bool {
	if oneRun(m.Entries) {
		return m.Entries[0].Entity.Type == typ
	}
	for _, en := range m.Entries {
		if en.Entity.Type != typ {
			return false
		}
	}
	return true
}

// inflectionFits returns the entries of m whose form the text spells
// exactly or with an inflectional ending. Adjectives inflect freely and
// are kept.
//
// Of the entries of one run (most matches), whose foldings are the same,
// it also tells whether they are Exact: matchKind asked Exact of them again
// (TestInflectionFitsMemo holds the answer to Exact).
func inflectionFits(toks []gazetteer.Token, m gazetteer.Match) ([]*gazetteer.Entry, exactness) {
	span := toks[m.Start:m.End]
	if oneRun(m.Entries) {
		// Judged alike, as the loop below would judge them.
		en := m.Entries[0]
		if en.Kind == gazetteer.KindAdjective {
			return m.Entries, exactUnknown
		}
		if en.Exact(span) {
			return m.Entries, exactAll
		}
		if endingFits(span, en) {
			return m.Entries, exactNone
		}
		return nil, exactUnknown
	}
	var kept []*gazetteer.Entry
	var prev *gazetteer.Entry // the last entry judged by its form
	prevExact, prevOK := false, false
	// What is known of the kept entries' exactness: an adjective's is not
	// asked; every other entry's is its prev's or its own.
	var anyExact, anyInexact, unknown bool
	for i, en := range m.Entries {
		ok := en.Kind == gazetteer.KindAdjective
		if ok {
			unknown = true
		} else {
			// A form that many entities share ("Außenministerium", 200
			// countries) is judged once: Exact answers alike for the
			// same foldings, and endingFits for the same foldings and
			// entity type (the entity is read only then: reading 200
			// of them cost more than the rest of the filter). Entries of
			// one run (next to each other in the index, same foldings
			// and type) are told without comparing the foldings.
			if prev != nil && (en.SameRun(prev) || en.SameFolds(prev) && (prevExact || en.Entity.Type == prev.Entity.Type)) {
				ok = prevOK
			} else {
				exact := en.Exact(span)
				ok = exact || endingFits(span, en)
				prev, prevExact, prevOK = en, exact, ok
			}
			if ok {
				anyExact = anyExact || prevExact
				anyInexact = anyInexact || !prevExact
			}
		}
		if ok && kept != nil {
			kept = append(kept, en)
		}
		if !ok && kept == nil {
			kept = make([]*gazetteer.Entry, i, len(m.Entries))
			copy(kept, m.Entries[:i])
		}
	}
	ex := exactUnknown
	switch {
	case unknown || anyExact && anyInexact:
	case anyExact:
		ex = exactAll
	case anyInexact:
		ex = exactNone
	}
	if kept == nil {
		return m.Entries, ex
	}
	return kept, ex
}

// endingFits reports whether each token of span is the form's token, up
// to transliteration, with at most an inflectional ending added (or, in an
// organisation's name, with one of its endings changed: "Vereinte" /
// "Vereinten").
func endingFits(span []gazetteer.Token, en *gazetteer.Entry) bool {
	// The form's tokens are the foldings the index keeps, one space apart:
	// tokenising en.Form again for every inexact match cost a fifth of
	// tagging. Both live on the stack, transliterated, as long as they fit.
	var fb, tb, ab [128]byte
	folds := en.AppendFolds(fb[:0])
	if bytes.Count(folds, []byte{' '})+1 != len(span) {
		return true // not ours to judge
	}
	person := en.Entity.Type == gazetteer.TypePerson
	single := len(span) == 1
	for _, t := range span {
		var f []byte
		f, folds, _ = bytes.Cut(folds, []byte{' '})
		at := appendTranslit(ab[:0], t.Fold)
		bt := appendTranslit(tb[:0], f)
		if bytes.Equal(at, bt) {
			continue
		}
		a, b := string(at), string(bt)
		p := commonPrefix(a, b)
		stem, rt, rf := a[:p], a[p:], b[p:]
		switch {
		case person:
			// A name takes an ending and loses nothing ("Putins", not
			// "Kastner", "Stör" for "Støre").
			if rf != "" || !ending(stem, rt, false) {
				return false
			}
		case single && rt == "" && en.Entity.Type == gazetteer.TypeOrganization:
			return false // a one-word name cut short: "Grün" is not "Grüne"
		case single && en.Entity.Type == gazetteer.TypeOrganization && strongAdjective(a, b):
			// A one-word name in -e or -en ("Grüne", "Grünen", "Linke": a
			// party named by an adjective) with a strong adjective's
			// ending is the adjective: "Grüner Wasserstoff", "Grünes
			// Licht", "mit Grünem Strom", "als Linker". A noun in -e
			// takes -n.
			return false
		case !single || en.Entity.Type == gazetteer.TypeOrganization:
			// Adjectives in a name change their endings ("Nationaler
			// Sicherheitsrat", "des Nationalen Sicherheitsrates",
			// "des Vereinigten Königreichs").
			if !adjEnding(stem, rt) || !adjEnding(stem, rf) {
				return false
			}
		default:
			// A one-word country or place: an ending, or an inhabitant's
			// word ("Schweizer", "Norweger", "Dresdner", "Japanese"); the
			// text is never the form cut short ("Salomón" is not
			// "Salomonen", "Münch" not "München", "Pole" not "Polen").
			if !placeEnding(stem, rt, rf, en.Entity.Type == gazetteer.TypeCountry) {
				return false
			}
		}
	}
	return true
}

// strongAdjective reports whether text is form, a word in -e or -en, with
// a strong adjective's ending instead (-er, -es, -em): "gruner" for
// "grune" or "grunen".
func strongAdjective(text, form string) bool {
	base, ok := strings.CutSuffix(form, "en")
	if !ok {
		if base, ok = strings.CutSuffix(form, "e"); !ok {
			return false
		}
	}
	end, ok := strings.CutPrefix(text, base)
	return ok && (end == "er" || end == "es" || end == "em")
}

// placeEnding reports whether a one-word country or place spelt stem+rt
// is its form stem+rf inflected, or the word for its people: "Kubas",
// "Schweizer", "Dresdner" (Dresden), "Norweger" (Norwegen), "Jamaican".
func placeEnding(stem, rt, rf string, country bool) bool {
	switch {
	case rt == "":
		return false // the form cut short: "Münch", "Salomón" for "Salomonen"
	case rf == "":
		last, _ := utf8.DecodeLastRuneInString(stem)
		return ending(stem, rt, true) || rt == "ern" || rt == "ers" || (country && inhabitant[rt]) ||
			(last == 'e' && (rt == "r" || rt == "rn")) // "Karlsruher", "Niederländer"
	case rf == "en" || rf == "e":
		return rt == "er" || rt == "ern" || rt == "ner" || rt == "nern" || rt == "ners"
	case rf == "n" && country:
		return rt == "r" || rt == "rn" || rt == "rs" // "Spanier", "Ägyptern"
	}
	return false
}

// inhabitant are the endings of the words for a country's or city's
// people and of its adjectives that the gazetteer does not list.
var inhabitant = map[string]bool{
	"n": true, "ns": true, "e": true, "ier": true, "iern": true, "iers": true, "er": true, "ern": true, "ers": true, "ner": true, "nern": true, "ners": true, "aner": true, "anern": true,
	"ese": true, "eses": true, "ans": true, "ian": true, "ians": true,
}

// ending reports whether e is an inflectional ending after stem: "-s",
// "-es", "-'s", "-'" anywhere; "-n", "-ns" after an "e" ("Vereinten",
// "Grünen"); "-en" after a consonant ("Präsidenten"); "-er" on a place
// ("Berliner", "Wiener").
func ending(stem, e string, place bool) bool {
	last, _ := utf8.DecodeLastRuneInString(stem)
	vowel := strings.ContainsRune("aeiouy", last)
	switch e {
	case "", "s", "es", "'s", "'", "’s", "’":
		return true
	case "n", "ns":
		return last == 'e'
	case "en":
		return !vowel
	case "er":
		return place
	}
	return false
}

// adjEnding reports whether e is an ending of a German adjective or noun
// in an organisation's name, or an [ending].
func adjEnding(stem, e string) bool {
	switch e {
	case "e", "em", "er", "m", "r", "ers", "ern":
		return true
	}
	return ending(stem, e, false)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	// Back off to a rune boundary.
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// appendTranslit appends f to dst with the German and English
// transliterations the index's keys unify: "tsch"/"ch", "sch"/"sh",
// "w"/"v", and "j", "y", "ij", "iy" as "i" (Sergej/Sergey/Sergei,
// Dmitrij/Dmitri).
func appendTranslit[S string | []byte](dst []byte, f S) []byte {
	from := len(dst)
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch c { // only a 't' or an 's' may start a pattern: the others are not compared
		case 't':
			if hasPrefix(f[i:], "tsch") {
				dst = append(dst, "ch"...)
				i += 3
				continue
			}
		case 's':
			if hasPrefix(f[i:], "sch") {
				dst = append(dst, "sh"...)
				i += 2
				continue
			}
		case 'w':
			c = 'v'
		case 'j', 'y':
			if len(dst) == from || dst[len(dst)-1] != 'i' {
				dst = append(dst, 'i')
			}
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

func hasPrefix[S string | []byte](s S, prefix string) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == prefix
}

// sentenceEnd are the tokens after which a capitalised word may be
// capitalised only because it starts a sentence, heading or quotation.
var sentenceEnd = map[string]bool{
	".": true, "!": true, "?": true, ":": true, ";": true, "\"": true, "„": true, "“": true, "”": true,
	"«": true, "»": true, "(": true, "[": true, "-": true, "–": true, "—": true, "•": true, "|": true, "/": true,
	"¿": true, "¡": true, "'": true, "‘": true, "’": true, "‚": true, "*": true,
}

// stateForm are the words that stand before a country's name in its
// formal name ("Bundesrepublik Deutschland", "Republik Moldau").
var stateForm = map[string]bool{
	"republik": true, "bundesrepublik": true, "volksrepublik": true, "konigreich": true, "furstentum": true,
	"emirat": true, "sultanat": true, "staat": true, "republic": true, "kingdom": true, "principality": true,
	"state": true, "republica": true, "reino": true, "principado": true, "estado": true, "emirato": true,
	"commonwealth": true, "union": true, "union's": true, "islas": true, "isla": true, "islands": true,
}

// midCap reports whether token k is a capitalised word that is neither
// the first word of its sentence or line nor right after a sentence mark,
// and that a single space separates from token k+1.
func midCap(toks []gazetteer.Token, k int) bool {
	if k < 1 || k+1 >= len(toks) {
		return false
	}
	t := toks[k]
	if !t.IsWord() || t.Shape == gazetteer.ShapeOther || t.LineBreak || toks[k+1].LineBreak {
		return false
	}
	if toks[k+1].Start-t.End != 1 {
		return false
	}
	return !sentenceEnd[toks[k-1].Fold]
}

// nameLike are the folded one-word country forms that are also given
// names or surnames: "Jordan Henderson", "Israel Katz", "Ana Salomón",
// "Georgia Meloni", "Trinidad Jiménez", "Salvador Illa".
var nameLike = map[string]bool{
	"jordan": true, "israel": true, "chad": true, "georgia": true, "salomon": true, "india": true,
	"trinidad": true, "salvador": true, "dominica": true, "lucia": true, "granada": true, "grenada": true,
}

// inPersonName reports whether the one-word country at token k is part of
// a person's name: its form is also a name, and a capitalised word (no
// formal state word like "Republik") stands right before it inside a
// sentence, itself after a punctuation mark or another capitalised word
// ("la embajadora española, Ana Salomón", "Foreign Minister Israel
// Katz"), not after an article or preposition ("das Nachbarland Israel").
func inPersonName(toks []gazetteer.Token, k int) bool {
	if !nameLike[toks[k].Fold] {
		return false
	}
	p := k - 1
	if !midCap(toks, p) || toks[p].Shape != gazetteer.ShapeCap || stateForm[toks[p].Fold] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[p].Fold)
	if !unicode.IsLetter(r) {
		return false
	}
	return !toks[p-1].IsWord() || midCap(toks, p-1)
}

// beforeName reports whether the one-word country at token k, whose form
// is also a name, is a first name: an untagged capitalised word follows
// it in the sentence ("Jordan Henderson", "Israel Katz").
func beforeName(toks []gazetteer.Token, k int, nextTagged bool) bool {
	if !nameLike[toks[k].Fold] || nextTagged || k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	return n.Shape == gazetteer.ShapeCap && n.IsWord() && !n.LineBreak && n.Start-toks[k].End == 1
}

// adjectiveBeforeNoun reports a party named by a German adjective whose
// form ends right before a capitalised word the tagger did not find: it is that noun's adjective ("des von ihnen produzierten Grünen
// Wasserstoffs", "Die Grüne Variante"), as its strong forms are ("Grüner
// Wasserstoff", see endingFits). A party's name is followed by a verb, a
// punctuation mark, or a hyphen ("Grünen-Chefin"); a name the tagger
// found after it ("die Grünen Baden-Württemberg"), or two capitalised
// words, a person's name ("Bündnis 90/Die Grünen Katrin Göring-Eckardt"),
// keep it.
func adjectiveBeforeNoun(toks []gazetteer.Token, m gazetteer.Match) bool {
	k := m.End - 1 // "Grünen", "Die Grüne"
	f := toks[k].Fold
	if k+1 >= len(toks) || toks[k].Shape != gazetteer.ShapeCap || !strings.HasSuffix(f, "e") && !strings.HasSuffix(f, "en") {
		return false
	}
	n := toks[k+1]
	if n.Shape != gazetteer.ShapeCap || !n.IsWord() || n.LineBreak || n.Start-toks[k].End != 1 {
		return false
	}
	if k+2 < len(toks) && toks[k+2].Shape == gazetteer.ShapeCap && toks[k+2].IsWord() && toks[k+2].Start-n.End == 1 {
		return false // two capitalised words: a person's name the tagger does not know ("Die Grünen Anna Beispiel")
	}
	for _, en := range m.Entries {
		if en.Entity.Type != gazetteer.TypeOrganization || en.Entity.Sector != "PTY" {
			return false
		}
	}
	return true
}

// modelWords are the body styles and trim words that follow a car's or a
// product's model code ("G20 Touring", "G21 Kombi").
var modelWords = map[string]bool{
	"touring": true, "limousine": true, "kombi": true, "coupe": true, "cabrio": true, "cabriolet": true,
	"sedan": true, "saloon": true, "wagon": true, "hatchback": true, "estate": true, "berlina": true,
	"familiar": true, "roadster": true, "xdrive": true, "sdrive": true, "quattro": true, "facelift": true,
	"gran": true, "competition": true, "hybrid": true, "diesel": true, "turbo": true, "modell": true, "model": true,
	"modelo": true, "baureihe": true, "generation": true,
}

// productCode reports whether the one-word organisation at token k is an
// acronym with digits used as a model code: after a capitalised brand
// word inside a sentence ("BMW G20", "Sony A7"), or before a model word or
// another code ("G20 Touring", "G20 320d").
func productCode(toks []gazetteer.Token, k int) bool {
	f := toks[k].Fold
	if !strings.ContainsAny(f, "0123456789") {
		return false
	}
	if midCap(toks, k-1) && !stateForm[toks[k-1].Fold] {
		return true
	}
	if k+1 < len(toks) && !toks[k+1].LineBreak && toks[k+1].Start-toks[k].End == 1 {
		n := toks[k+1].Fold
		if modelWords[n] {
			return true
		}
		if strings.ContainsAny(n, "0123456789") && strings.IndexFunc(n, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}
