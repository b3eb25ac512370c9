package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; Rosa Ejemplo is the
// invented Cuban minister of lang_test.go.

// A noun trigger whose lack the sentence states names what did not
// happen; the lack word negates its noun only, not the clause.
func TestLacking(t *testing.T) {
	russia, eu := country(t, "RUS"), entity(t, "org/eu")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Russland": russia, "Rusia": russia, "Russia": russia, "EU": eu, "UE": eu}
	tests := []struct {
		name, lang, text, typ string
		want                  bool
	}{
		{"de mangelnde Bereitschaft", "de", "Die Opposition kritisiert die mangelnde Bereitschaft der EU, mit Russland über Gas zu verhandeln.", TypeCooperateIntent, false},
		{"de fehlende politische Bereitschaft", "de", "Beobachter beklagen die fehlende politische Bereitschaft der EU zur Zusammenarbeit mit Russland.", TypeCooperateIntent, false},
		{"en lack of willingness", "en", "Analysts pointed to the lack of willingness of the EU to cooperate with Russia on energy.", TypeCooperateIntent, false},
		{"es falta de voluntad", "es", "Los analistas lamentan la falta de voluntad de la UE para cooperar con Rusia.", TypeCooperateIntent, false},
		{"en lack of agreement", "en", "Rosa Ejemplo regretted the lack of agreement with Russia on gas prices.", TypeAgree, false},
		// The lack word negates its noun, not the clause: the criticism stays.
		{"de Kritik am Mangel", "de", "Rosa Ejemplo kritisierte am Montag die mangelnde Bereitschaft der EU.", TypeAccuse, true},
		// Without one the noun is the event.
		{"de Bereitschaft", "de", "Rosa Ejemplo bekundete die Bereitschaft Kubas zur Zusammenarbeit mit Russland.", TypeCooperateIntent, true},
		{"es disposición", "es", "Rosa Ejemplo mostró su disposición a cooperar con Rusia.", TypeCooperateIntent, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.text), tc.typ)
			assert.Equal(t, tc.want, len(evs) > 0, "%+v", evs)
		})
	}
}
