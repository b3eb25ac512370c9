package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; Rosa Ejemplo is the
// invented Cuban minister of lang_test.go.

// An event's topic comes from its sentence's topic words, else from its
// document's; words of several senses count only in the sense of the
// topic.
func TestTopic(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	tests := []struct {
		name, lang string
		text       []string
		want       string
	}{
		{"de Generalversammlung is no army", "de", []string{"Rosa Ejemplo sagte am Donnerstag vor der UN-Generalversammlung, Kuba wolle den Dialog."}, "other"},
		{"de handeln is no trade", "de", []string{"Rosa Ejemplo sagte am Donnerstag, es handelt sich um ein Missverständnis."}, "other"},
		{"de Handelsabkommen", "de", []string{"Rosa Ejemplo sagte am Donnerstag, das Handelsabkommen mit Vietnam trete im Mai in Kraft."}, "trade"},
		{"de Waffen", "de", []string{"Rosa Ejemplo kritisierte am Donnerstag die Lieferung von Waffen an die Region."}, "military"},
		{"de Nachrichtendienst", "de", []string{"Rosa Ejemplo sagte am Donnerstag, der Nachrichtendienst habe die Regierung gewarnt."}, "security"},
		{"de the document's hack", "de", []string{"Unbekannte Hacker haben die Server des Ministeriums lahmgelegt.", "Rosa Ejemplo sagte am Donnerstag, Kuba werde reagieren."}, "cyber"},
		{"es seguridad social is no security", "es", []string{"Rosa Ejemplo afirmó el jueves que la seguridad social de Cuba es sólida."}, "other"},
		{"es seguridad", "es", []string{"Rosa Ejemplo afirmó el jueves que la seguridad de la frontera está garantizada."}, "security"},
		{"es servicios de inteligencia", "es", []string{"Rosa Ejemplo afirmó el jueves que los servicios de inteligencia vigilan a los diplomáticos."}, "security"},
		{"es inteligencia artificial", "es", []string{"Rosa Ejemplo afirmó el jueves que la inteligencia artificial cambiará la agricultura."}, "other"},
		{"es aranceles", "es", []string{"Rosa Ejemplo afirmó el jueves que los nuevos aranceles perjudican a los productores."}, "trade"},
		{"en hackers", "en", []string{"Rosa Ejemplo said on Thursday that hackers had attacked the ministry's servers."}, "cyber"},
		{"en general election is no army", "en", []string{"Rosa Ejemplo said on Thursday that the general election would be held in March."}, "other"},
		{"en sentence before document", "en", []string{"Hackers attacked the ministry's servers last week.", "Rosa Ejemplo said on Thursday that the tariffs on sugar would fall."}, "trade"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text...)
			require.NotEmpty(t, evs)
			assert.Equal(t, tc.want, evs[len(evs)-1].Topic, "%+v", evs)
		})
	}
}
