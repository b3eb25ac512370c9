package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// What talks concern is no side of them. The sentences are written for
// this test.
func TestAside(t *testing.T) {
	rus, ukr, ven := country(t, "RUS"), country(t, "UKR"), country(t, "VEN")
	ents := map[string]*gazetteer.Entity{"Putin": putinP, "Xi Jinping": xi, "Rosa Ejemplo": rosa, "Ukraine": ukr, "Venezuela": ven, "Russland": rus, "Russia": rus}
	tests := []struct {
		name, lang, text, typ string
		actors                []string
	}{
		{"de über", "de", "Putin traf am Donnerstag Xi Jinping zu Gesprächen über die Ukraine.", TypeMeet, []string{putinP.ID, xi.ID}},
		{"es sobre", "es", "Rosa Ejemplo se reunió el jueves con Xi Jinping para hablar sobre Putin.", TypeMeet, []string{rosa.ID, xi.ID}},
		{"es por", "es", "Rosa Ejemplo y Xi Jinping se reunieron tras la discusión por Putin.", TypeMeet, []string{rosa.ID, xi.ID}},
		{"en about", "en", "Xi Jinping met Rosa Ejemplo on Thursday to talk about Putin.", TypeMeet, []string{rosa.ID, xi.ID}},
		{"de mit, a side", "de", "Putin traf sich am Donnerstag mit Xi Jinping in Peking.", TypeMeet, []string{putinP.ID, xi.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.text), tc.typ)
			require.NotEmpty(t, evs)
			assert.ElementsMatch(t, tc.actors, actors(evs[0]))
		})
	}
}
