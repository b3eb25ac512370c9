package events

import "strings"

// Spanish irregular participles end in -to or -cho after a few stems only:
// -uesto (puesto, dispuesto, impuesto), -isto (visto, previsto), -erto
// (abierto, muerto), -elto (vuelto, resuelto), -roto (roto), -crito
// (escrito, suscrito) and -cho (dicho, hecho), each also -ta, -tos, -tas.
// Nouns of events that end in -ta or -tas otherwise are no participles: "la
// visita", "las visitas", "las consultas" name the act, as "los detenidos"
// name persons (nominalParticiple).

// irregularEndings are the endings of irregular participles, masculine
// singular; the other forms replace the final "o".
var irregularEndings = []string{"uesto", "isto", "erto", "elto", "roto", "crito", "cho"}

// irregularParticiple reports a folded word that ends as an irregular
// participle does.
func irregularParticiple(f string) bool {
	stem := strings.TrimSuffix(f, "s")
	if !strings.HasSuffix(stem, "o") && !strings.HasSuffix(stem, "a") {
		return false
	}
	stem = stem[:len(stem)-1]
	for _, e := range irregularEndings {
		if strings.HasSuffix(stem, e[:len(e)-1]) {
			return true
		}
	}
	return false
}
