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
	if !participle(ws[k].fold) {
		return false
	}
	for _, c := range lex.find(kindCue) {
		if c.i == k-1 && (c.e.name == "tratado" || c.e.name == "instrumento") {
			return false
		}
	}
	return true
}

// participle reports a folded Spanish word that ends as a participle does:
// a regular one in -do/-da(s), an irregular one in -to/-ta(s) or -cho/-cha(s)
// (irregularParticiple).
func participle(f string) bool {
	return strings.HasSuffix(f, "do") || strings.HasSuffix(f, "da") || strings.HasSuffix(f, "dos") || strings.HasSuffix(f, "das") ||
		irregularParticiple(f)
}

// nominalParticiple reports a Spanish participle trigger right after an
// article: the participle is a noun that names whom the act befell ("los
// detenidos", "el acusado", "la detenida"), not the act, which a verb
// reports ("ha detenido", "fue acusado").
func nominalParticiple(lang string, ws []word, lex *view, tr hit) bool {
	k := tr.i
	return lang == "es" && tr.n == 1 && k >= 1 && ws[k-1].clause == ws[k].clause && lex.at(kindArticle, k-1) && participle(ws[k].fold)
}
