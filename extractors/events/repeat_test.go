package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A page that repeats a sentence (its title as its first heading) reports
// one statement; the same words said again elsewhere by another speaker,
// or a statement of other words, stay. The sentences are written for this
// test.
func TestRepeatedSpeech(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP}
	title := "Rosa Ejemplo criticó el acuerdo con Rusia."
	tests := []struct {
		name      string
		sentences []string
		want      int // statements and accusations
	}{
		{"title twice", []string{title, title, "El texto se firmará el viernes."}, 1},
		{"title, then the body", []string{title, "Rosa Ejemplo criticó el martes el acuerdo con Rusia."}, 2},
		{"de title twice", []string{"Wladimir Putin kritisiert die Vereinbarung.", "Wladimir Putin kritisiert die Vereinbarung."}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lang := "es"
			if tc.name[:2] == "de" {
				lang = "de"
			}
			evs := run(t, lang, thursday, ents, tc.sentences...)
			n := len(filter(evs, TypeStatement)) + len(filter(evs, TypeAccuse))
			assert.Equal(t, tc.want, n, "%+v", evs)
		})
	}
}
