package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A person in the German genitive after a noun does not do what its
// clause's verb says. The sentences are written for this test.
func TestGenitiveOwner(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Wladimir Putin": putinP, "Putin": putinP}
	tests := []struct {
		name, text string
		actor      *gazetteer.Entity // the actor of the sentence's event, nil for none
	}{
		{"owner of the object", "Rosa Ejemplo, Vorsitzende der Partei, die die Maßnahmen des Präsidenten Wladimir Putin anfangs begrüßte, schwieg.", nil},
		{"owner, adjective", "Rosa Ejemplo, die die Rede des russischen Präsidenten Wladimir Putin lobte, schwieg danach.", nil},
		{"the subject", "Wladimir Putin begrüßte am Dienstag die Maßnahmen der Regierung.", putinP},
		{"spokesperson", "Der Sprecher des Präsidenten Wladimir Putin sagte am Dienstag, die Gespräche gingen weiter.", putinP},
		{"relative clause of its own", "Die Äußerungen des Präsidenten Wladimir Putin, der Rosa Ejemplo Lügen vorgeworfen hatte, sorgten für Empörung.", putinP},
		{"agent of a trigger noun", "Der Besuch des Präsidenten Wladimir Putin in Havanna dauerte zwei Tage.", putinP},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var actors []*gazetteer.Entity
			for _, ev := range run(t, "de", thursday, ents, tc.text) {
				for _, p := range ev.Participants {
					if p.Role == RoleActor {
						actors = append(actors, p.Entity)
					}
				}
			}
			if tc.actor == nil {
				assert.NotContains(t, actors, putinP)
			} else {
				assert.Contains(t, actors, tc.actor)
			}
		})
	}
}
