package events

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// Spanish puts the subject after any verb, not only after a verb of
// saying: the person in the apposition of an office noun at the end of the
// clause is the subject; an object marked by "a", or a noun phrase that
// is the verb's object, names no subject.
func TestSpanishInvertedSubject(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Vladimir Putin": putinP}
	tests := []actorCase{
		{"a resignation", "es", "El lunes presentó su renuncia la canciller, Rosa Ejemplo.", TypeOther, []string{rosa.ID}},
		{"an expulsion with its object before the subject", "es", "Ayer expulsó a dos diplomáticos rusos la canciller cubana, Rosa Ejemplo.", TypeOther, []string{rosa.ID}},
		{"a person object after al", "es", "El lunes convocó la cancillería al embajador ruso, Vladimir Putin.", TypeOther, nil},
		{"a person inside the object", "es", "Ayer criticó duramente las declaraciones del presidente ruso, Vladimir Putin.", TypeAccuse, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, ents) })
	}
}
