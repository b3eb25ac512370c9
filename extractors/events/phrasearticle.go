package events

// A role's complement names its body with an article as often as without:
// "el presidente de la Generalitat, Pere Aragonès", "la ministra de la
// Presidencia, X", "der Präsident der Republik" beside "el presidente de
// Colombia, Gustavo Petro". A preposition followed by an article and a
// capitalised word goes on with the role's noun phrase (nounPhrase), so that
// the name after it is the role's own and the role noun stands for no one
// named before (roleNouns).

// prepositionArticle reports whether word j is a preposition followed by an
// article and a capitalised word, both at most at word to.
func prepositionArticle(ws []word, lex *view, j, to int) bool {
	return lex.at(kindPreposition, j) && j+2 <= to && j+2 < len(ws) && lex.at(kindArticle, j+1) && ws[j+2].cap &&
		ws[j+1].clause == ws[j].clause && ws[j+2].clause == ws[j].clause
}
