package events

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// An ambassador called home for consultations is recalled: an act of the
// state, no consultations. The sentences are written for this test.
func TestRecallForConsultations(t *testing.T) {
	chl, per, arg := country(t, "CHL"), country(t, "PER"), country(t, "ARG")
	ents := map[string]*gazetteer.Entity{"Chile": chl, "Perú": per, "Argentina": arg}
	checkLexCases(t, ents, []lexCase{
		{"gerund", "es", "Perú respondió llamando a consultas a su embajador en Santiago.", TypeOther, "country/PER", ""},
		{"gerund is no consultation", "es", "Perú respondió llamando a consultas a su embajador en Santiago.", "", "", TypeConsult},
		{"ambassador between", "es", "Argentina llamó a su embajadora a consultas tras las declaraciones.", TypeOther, "country/ARG", ""},
		{"plural", "es", "Chile y Perú llamaron a consultas a sus embajadores.", TypeOther, "country/PER", ""},
		{"consultations stay consultations", "es", "Chile y Perú celebraron el lunes consultas políticas en Lima.", TypeConsult, "country/CHL", TypeOther},
	})
}
