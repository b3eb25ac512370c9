package events

import "github.com/gazex/gazex/gazetteer"

// A state body names its state after a preposition as well as by an
// adjective or a genitive: "El Gobierno de Venezuela acusó …", "Die
// Regierung von Venezuela warf … vor" say what "el gobierno venezolano"
// and "die Regierung Venezuelas" say. The country there owns the body that
// acts, and is no object of the preposition (markObjects), when the body's
// phrase is itself governed by nothing: it opens its clause, an article
// at most before it, or follows an article that no preposition or object
// marker governs ("con el Gobierno de Venezuela", "al embajador de Rusia",
// "del Gobierno de Perú" stay objects).

// bodyOwner reports whether the country p at word k follows a preposition
// after a state body noun whose phrase nothing governs.
func bodyOwner(p Participant, ws []word, lex *view, k int) bool {
	if p.Entity.Type != gazetteer.TypeCountry || k < 2 || !lex.at(kindPreposition, k-1) || !lex.at(kindBody, k-2) {
		return false
	}
	c := ws[k].clause
	if ws[k-1].clause != c || ws[k-2].clause != c {
		return false
	}
	b := k - 2
	if b > 0 && ws[b-1].clause == c && lex.at(kindArticle, b-1) {
		b-- // "el Gobierno", "die Regierung"
	}
	if b == 0 || ws[b-1].clause != c {
		return true
	}
	return false
}
