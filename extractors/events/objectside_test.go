package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; Rosa Ejemplo is the
// invented Cuban minister of lang_test.go, the firms are invented.

// A country read from a nationality adjective in an object phrase is the
// partner of a symmetric event, not its side: alone it makes no event.
func TestObjectAdjectives(t *testing.T) {
	russia := country(t, "RUS")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Russland": russia, "Rusia": russia, "Russia": russia}
	tests := []struct {
		name, lang, text string
		actors           []string // nil: no cooperation
	}{
		// Another country in the sentence: the talks of one would be weak anyway (weakTalks).
		{"de mit den britischen Behörden", "de", "Der Unternehmer, der aus Russland keine Hilfe erwartet, ist zur Zusammenarbeit mit den britischen Behörden bereit.", nil},
		{"es con las autoridades británicas", "es", "El empresario, que no espera ayuda de Rusia, mostró su disposición a cooperar con las autoridades británicas.", nil},
		{"en with the British authorities", "en", "The owner, who expects no help from Russia, is willing to work with the British authorities.", nil},
		// Beside a subject the country is a side.
		{"de Subjekt und Partner", "de", "Rosa Ejemplo zeigte sich zur Zusammenarbeit mit den britischen Behörden bereit.", []string{rosa.ID}},
		{"de Land als Subjekt", "de", "Russland erklärte seine Bereitschaft zur Zusammenarbeit mit den chinesischen Behörden.", []string{russia.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.text), TypeCooperateIntent)
			if tc.actors == nil {
				assert.Empty(t, evs)
				return
			}
			if assert.NotEmpty(t, evs) {
				assert.Subset(t, actors(evs[0]), tc.actors)
			}
		})
	}
}
