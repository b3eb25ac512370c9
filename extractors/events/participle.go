package events

import "strings"

// attributive reports a Spanish participle trigger that qualifies the
// noun before it, after that noun's article: "el amistoso pactado para el
// 27 de abril", "la reunión acordada". It describes the thing, it does not
// report the act: the sentence's event is its verb's ("México enfrentará a
// Guatemala en el amistoso pactado"). An agreement noun is the exception:
// "el acuerdo firmado el lunes por Cuba y China" names the signing.
func attributive(lang string, ws []word, lex *view, tr hit) bool {
	k := tr.i
	if lang != "es" || tr.n != 1 || k < 2 || ws[k-1].cap || ws[k-2].clause != ws[k].clause || !lex.at(kindArticle, k-2) {
		return false
	}
	f := ws[k].fold
	if !strings.HasSuffix(f, "do") && !strings.HasSuffix(f, "da") && !strings.HasSuffix(f, "dos") && !strings.HasSuffix(f, "das") &&
		!strings.HasSuffix(f, "to") && !strings.HasSuffix(f, "ta") {
		return false
	}
	for _, c := range lex.find(kindCue) {
		if c.i == k-1 && (c.e.name == "tratado" || c.e.name == "instrumento") {
			return false
		}
	}
	return true
}
