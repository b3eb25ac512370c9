package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A capital in a treaty's name is no party to the event; a country by an
// agreement, or a capital standing for its government, is. The sentences
// are written for this test.
func TestTreatyName(t *testing.T) {
	fra, col := country(t, "FRA"), country(t, "COL")
	paris, lisbon := entity(t, "place/paris"), entity(t, "place/lisbon")
	ents := map[string]*gazetteer.Entity{
		"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Pariser": paris, "París": paris, "Paris": paris,
		"Lissabon": lisbon, "Frankreich": fra, "Francia": fra, "Colombia": col,
	}
	checkSides(t, ents, []sidesCase{
		{"de adjective", "de", "Rosa Ejemplo unterzeichnete 2016 das Pariser Klimaschutzabkommen.", nil, fra},
		{"de von", "de", "Wladimir Putin lobte am Donnerstag den Vertrag von Lissabon.", nil, country(t, "PRT")},
		{"es de", "es", "Rosa Ejemplo firmó el jueves el Acuerdo de París en nombre de su gobierno.", nil, fra},
		{"en before", "en", "Rosa Ejemplo signed the Paris Agreement on Thursday.", nil, fra},
		{"es country by agreement", "es", "Rosa Ejemplo firmó el jueves un acuerdo con Colombia.", col, nil},
		{"de capital for its government", "de", "Wladimir Putin erzielte am Donnerstag eine Einigung mit Lissabon.", country(t, "PRT"), nil},
		{"de capital and country", "de", "Rosa Ejemplo unterzeichnete in Paris ein Abkommen mit Frankreich.", fra, nil},
	})
}

// Brussels as the side or subject of an act is the EU; the government in
// Brussels is Belgium's. The sentences are written for this test.
func TestSeatOfABody(t *testing.T) {
	brussels, eu, bel := entity(t, "place/brussels"), entity(t, "org/eu"), country(t, "BEL")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Brüssel": brussels, "Bruselas": brussels, "Brussels": brussels}
	checkSides(t, ents, []sidesCase{
		{"de side", "de", "Wladimir Putin erzielte am Donnerstag eine Einigung mit Brüssel.", eu, bel},
		{"es subject", "es", "Bruselas criticó el jueves la medida de Rosa Ejemplo.", eu, bel},
		{"en subject", "en", "Brussels warned Rosa Ejemplo on Thursday.", eu, bel},
		{"de government in", "de", "Die Regierung in Brüssel kritisierte am Donnerstag Wladimir Putin.", bel, eu},
	})
}

// sidesCase is a sentence, a participant its first event has and one it
// has not (either nil for none).
type sidesCase struct {
	name, lang, text string
	want, not        *gazetteer.Entity
}

// checkSides runs the cases with the entities ents.
func checkSides(t *testing.T, ents map[string]*gazetteer.Entity, tests []sidesCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			require.NotEmpty(t, evs)
			var got []*gazetteer.Entity
			for _, p := range evs[0].Participants {
				got = append(got, p.Entity)
			}
			if tc.want != nil {
				assert.Contains(t, got, tc.want, "%+v", evs[0])
			}
			if tc.not != nil {
				assert.NotContains(t, got, tc.not, "%+v", evs[0])
			}
		})
	}
}
