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

// A name in the object slot after the verb is not its subject when one
// stands before it.
func TestObjectSlot(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Dmitry Peskov": peskov, "Kuba": country(t, "CUB"), "Cuba": country(t, "CUB"), "Madrid": country(t, "ESP")}
	t.Run("the one accused between verb and particle", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Der Kremlsprecher, Dmitry Peskov, warf Kuba am Abend vor, die Gespräche zu verzögern."), TypeAccuse)
		assert.Equal(t, []string{peskov.ID}, actors(ev))
		assert.Contains(t, recipients(ev), "country/CUB")
	})
	t.Run("a country in what was said", func(t *testing.T) {
		ev := pick(t, run(t, "es", thursday, ents, "La canciller, Rosa Ejemplo, lamentó la medida y aseguró que Cuba defenderá sus intereses."), TypeStatement)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
	})
	t.Run("a country in the slot with no subject before is the subject", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Am Montag warf Kuba den Nachbarn vor, die Gespräche zu verzögern."), TypeAccuse)
		assert.Equal(t, []string{"country/CUB"}, actors(ev))
	})
}

// Talks need a side that can hold them: an official or a country.
func TestTalksNeedASide(t *testing.T) {
	ministry := &gazetteer.Entity{ID: "org/test-ministerio", Type: gazetteer.TypeOrganization, Name: "Ministerio de Pesca", Country: "CUB", Sector: "GOV"}
	evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Ministerio de Pesca": ministry}, "Asistieron a la reunión del Ministerio de Pesca cuarenta delegados.")
	assert.Empty(t, filter(evs, TypeMeet))
	evs = run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}, "La canciller Rosa Ejemplo se reunió el martes con los delegados.")
	assert.NotEmpty(t, filter(evs, TypeMeet))
}

// In a passive clause the subject receives and the agent acts.
func TestPassive(t *testing.T) {
	ministry := &gazetteer.Entity{ID: "org/test-aussenamt", Type: gazetteer.TypeOrganization, Name: "Außenamt", Country: "CUB", Sector: "GOV"}
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Dmitry Peskov": peskov, "Außenamt": ministry}
	t.Run("the summoned one is no actor; the body he is summoned to is", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Der Gesandte Dmitry Peskov wurde am Dienstag ins Außenamt einbestellt."), TypeOther)
		assert.Equal(t, []string{ministry.ID}, actors(ev))
		assert.Contains(t, recipients(ev), peskov.ID)
	})
	t.Run("the agent after por acts", func(t *testing.T) {
		ev := pick(t, run(t, "es", thursday, ents, "El diplomático Dmitry Peskov fue convocado por Rosa Ejemplo el martes."), TypeOther)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
	})
	t.Run("a passive without agent names no actor", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Der Gesandte Dmitry Peskov war am Freitag festgenommen worden.")
		assert.Empty(t, filter(evs, TypeOther))
	})
	// The infinitive and gerund of the passive: "tras ser acusado", "after
	// being accused", "to be arrested".
	for _, tc := range []struct{ lang, text string }{
		{"es", "Rosa Ejemplo habló el martes del diplomático, tras ser acusado de espionaje por una periodista."},
		{"es", "El diplomático Dmitry Peskov podría ser expulsado el viernes."},
		{"en", "Rosa Ejemplo spoke of the diplomat on Tuesday, after being accused of spying by a journalist."},
		{"en", "The diplomat Dmitry Peskov is expected to be expelled on Friday."},
	} {
		t.Run("passive infinitive: "+tc.text, func(t *testing.T) {
			for _, ev := range run(t, tc.lang, thursday, ents, tc.text) {
				if ev.Type == TypeAccuse || ev.Type == TypeOther {
					assert.NotContains(t, actors(ev), rosa.ID)
					assert.NotContains(t, actors(ev), peskov.ID)
				}
			}
		})
	}
}

// An unnamed spokesperson of a named body makes that body speak.
func TestSpokespersonOfABody(t *testing.T) {
	ministry := &gazetteer.Entity{ID: "org/test-ministerio", Type: gazetteer.TypeOrganization, Name: "Ministerio de Pesca", Country: "CUB", Sector: "GOV"}
	ents := map[string]*gazetteer.Entity{"Ministerio de Pesca": ministry, "ministry of fisheries": ministry}
	ev := pick(t, run(t, "es", thursday, ents, "Un portavoz del Ministerio de Pesca afirmó que las cuotas no cambiarán."), TypeStatement)
	assert.Equal(t, []string{ministry.ID}, actors(ev))
	ev = pick(t, run(t, "en", thursday, ents, "A spokesman for the ministry of fisheries said the quotas would stay."), TypeStatement)
	assert.Equal(t, []string{ministry.ID}, actors(ev))
}

// What a statement says may lie in the future; the statement was made.
func TestStatementOfTheFuture(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Dmitry Peskov": peskov}
	evs := run(t, "en", thursday, ents, "Dmitry Peskov said the ministers would meet at the summit.")
	ev := pick(t, evs, TypeStatement)
	assert.False(t, ev.Modality.Hypothetical)
	evs = run(t, "en", thursday, ents, "Dmitry Peskov would say nothing about the summit.")
	assert.Empty(t, filter(evs, TypeStatement))
}

// A party acts in politics: its accusation is an event; a company's is not.
func TestPartyActs(t *testing.T) {
	party := &gazetteer.Entity{ID: "org/test-partei", Type: gazetteer.TypeOrganization, Name: "Bürgerpartei", Country: "DEU", Sector: "PTY"}
	firm := &gazetteer.Entity{ID: "org/test-firma", Type: gazetteer.TypeOrganization, Name: "Musterwerke", Country: "DEU", Sector: "BUS"}
	ents := map[string]*gazetteer.Entity{"Bürgerpartei": party, "Musterwerke": firm}
	ev := pick(t, run(t, "de", thursday, ents, "Die Bürgerpartei kritisierte den Haushaltsentwurf scharf."), TypeAccuse)
	assert.Equal(t, []string{party.ID}, actors(ev))
	evs := run(t, "de", thursday, ents, "Die Musterwerke kritisierten den Haushaltsentwurf scharf.")
	assert.Empty(t, evs)
}

// A party beside officials who meet is their membership, not a side.
func TestMemberPartyIsNoSide(t *testing.T) {
	party := &gazetteer.Entity{ID: "org/test-partei", Type: gazetteer.TypeOrganization, Name: "Bürgerpartei", Country: "DEU", Sector: "PTY"}
	ents := map[string]*gazetteer.Entity{"Bürgerpartei": party, "Dmitry Peskov": peskov, "Xi Jinping": xi}
	ev := pick(t, run(t, "de", thursday, ents, "Dmitry Peskov (Bürgerpartei) traf am Montag Xi Jinping zu einem Gespräch."), TypeMeet)
	assert.NotContains(t, actors(ev), party.ID)
}
