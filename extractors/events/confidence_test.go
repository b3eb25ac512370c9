package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// Confidence separates what is mostly right from what is often wrong.
func TestConfidenceBands(t *testing.T) {
	t.Run("an official named before his words is sure", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}, "La canciller Rosa Ejemplo afirmó que la decisión fue un error.")
		ev := pick(t, evs, TypeStatement)
		assert.GreaterOrEqual(t, ev.Confidence, 0.7)
	})
	t.Run("a country's words stand for an unnamed speaker", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Russland": country(t, "RUS")}, "Russland erklärte am Abend, man prüfe die Vorschläge.")
		ev := pick(t, evs, TypeStatement)
		assert.Less(t, ev.Confidence, 0.7)
	})
	t.Run("a country's act of state is sure", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Russland": country(t, "RUS")}, "Russland wies die Vorwürfe am Abend zurück.")
		ev := pick(t, evs, TypeDeny)
		assert.GreaterOrEqual(t, ev.Confidence, 0.7)
	})
	t.Run("an actor after the trigger is less sure than one before", func(t *testing.T) {
		ents := map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}
		before := pick(t, run(t, "en", thursday, ents, "Dmitry Peskov said on Monday that the decision was a mistake."), TypeStatement)
		after := pick(t, run(t, "de", thursday, ents, "Am Montag kritisierte Dmitry Peskov die neuen Zölle scharf."), TypeAccuse)
		require.NotEmpty(t, actors(after))
		assert.Greater(t, before.Confidence, after.Confidence)
	})
}
