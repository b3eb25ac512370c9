package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// Readiness to use force threatens; readiness to cooperate is an intent.
// The sentences are written for this test.
func TestThreat(t *testing.T) {
	rus, chn := country(t, "RUS"), country(t, "CHN")
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Vladimir Putin": putinP, "Putin": putinP, "Rusia": rus, "China": chn, "Russia": rus}
	tests := []struct {
		name, lang, text string
		want             bool // a COOPERATE_INTENT
	}{
		{"es armas nucleares", "es", "En medio de la crisis, Putin insinuó su voluntad de desplegar las armas nucleares de Rusia.", false},
		{"de Atomwaffen", "de", "Wladimir Putin sei bereit, im Notfall Atomwaffen einzusetzen.", false},
		{"en nuclear weapons", "en", "Putin signalled the readiness of Russia to use nuclear weapons.", false},
		{"es cooperar", "es", "Rosa Ejemplo mostró el jueves su disposición a cooperar con Rusia.", true},
		{"es cooperar contra ataques", "es", "Rosa Ejemplo mostró su disposición a cooperar con Rusia contra los ataques informáticos.", true},
		{"de Zusammenarbeit gegen Angriffe", "de", "Wladimir Putin sei bereit zur Zusammenarbeit bei der Abwehr von Angriffen.", true},
		{"en willing to cooperate", "en", "Rosa Ejemplo is willing to cooperate with China against cyber attacks.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.text), TypeCooperateIntent)
			assert.Equal(t, tc.want, len(evs) > 0, "%+v", evs)
		})
	}
}
