package pipeline_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A party leader the role patterns find acts in events like an official
// (ANNOTATION.md: parties take part in politics); the head of a club does
// not. The sentences and the person are invented for this test.
func TestPartyLeaderActs(t *testing.T) {
	actors := func(text string) []string {
		doc := process(t, "party.txt", []byte(text), "2024-04-02")
		var out []string
		for _, ev := range doc.Events {
			for _, p := range ev.Participants {
				if p.Role == "actor" {
					out = append(out, p.Name)
				}
			}
		}
		return out
	}
	assert.Contains(t, actors("Die Regierung steht unter Druck.\n\nParteichef Hannes Beispielmann wies die Vorwürfe am Montag als haltlos zurück.\n"), "Hannes Beispielmann")
	assert.Empty(t, actors("Die Saison war lang.\n\nVereinschef Hannes Beispielmann wies die Vorwürfe am Montag als haltlos zurück.\n"))
}
