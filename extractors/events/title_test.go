package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A German title before a name is in the phrase of the preposition before
// it: the person is spoken of, not the subject. The sentences are written
// for this test.
func TestTitledObject(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Anna Test": anna, "Wladimir Putin": putinP}
	tests := []struct {
		name, text string
		actors     []string // of the accusation
	}{
		{"von after a noun", "Am Montag hatte der Verbandschef das Vorgehen von Präsident Wladimir Putin scharf kritisiert.", nil},
		{"von after a noun, hyphened title", "Im Mai hatte der Bankenpräsident das Vorgehen von Kreml-Chef Wladimir Putin in einem Brief kritisiert.", nil},
		{"gegen", "Am Montag hatte der Verbandschef die Vorwürfe gegen Präsident Wladimir Putin scharf kritisiert.", nil},
		{"the titled subject", "Außenministerin Anna Test hat das Vorgehen Russlands scharf kritisiert.", []string{anna.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, ev := range filter(run(t, "de", thursday, ents, tc.text), TypeAccuse) {
				got = append(got, actors(ev)...)
			}
			assert.Equal(t, tc.actors, got)
		})
	}
}
