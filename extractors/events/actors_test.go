package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// Who acts: the sentences below are written for these tests; the persons
// are the invented officials of lang_test.go.

// A verb after an apposition ("El líder del partido, X, acusó a Y") has
// its subject before it: the object after it does not make it a verb
// after reported speech.
func TestVerbAfterApposition(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Dmitry Peskov": peskov}
	ev := pick(t, run(t, "es", thursday, ents, "La portavoz del partido, Rosa Ejemplo, acusó a Dmitry Peskov de mentir sobre las negociaciones."), TypeAccuse)
	assert.Equal(t, []string{rosa.ID}, actors(ev))
	assert.Contains(t, recipients(ev), peskov.ID)
	// After what was said the subject follows the verb.
	ev = pick(t, run(t, "es", thursday, ents, "La negociación ha fracasado, afirmó Dmitry Peskov en Moscú."), TypeStatement)
	assert.Equal(t, []string{peskov.ID}, actors(ev))
}

// A subject pronoun continues the official or body a sentence before
// named as its subject; it never stands for a country.
func TestSubjectPronoun(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Dmitry Peskov": peskov, "Xi Jinping": xi, "Russland": country(t, "RUS"), "Rusia": country(t, "RUS")}
	t.Run("opening the sentence, the named one after the verb receives", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Die Außenministerin Rosa Ejemplo sprach am Montag lange über die Lage.",
			"Sie warf Dmitry Peskov am Abend vor, die Gespräche zu verzögern.")
		ev := pick(t, evs, TypeAccuse)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
		assert.Contains(t, recipients(ev), peskov.ID)
	})
	t.Run("right after the verb", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Die Außenministerin Rosa Ejemplo sprach am Montag lange über die Lage.",
			"Die Vorwürfe wies sie als haltlos zurück.")
		assert.Equal(t, []string{rosa.ID}, actors(pick(t, evs, TypeDeny)))
	})
	t.Run("English", func(t *testing.T) {
		evs := run(t, "en", thursday, ents,
			"Dmitry Peskov spoke to reporters in Moscow on Monday.",
			"He rejected the accusations as baseless.")
		assert.Equal(t, []string{peskov.ID}, actors(pick(t, evs, TypeDeny)))
	})
	t.Run("English puts no subject after the verb", func(t *testing.T) {
		evs := run(t, "en", thursday, ents,
			"Dmitry Peskov spoke to reporters in Moscow on Monday.",
			"Rosa Ejemplo said she was appalled by the allegations.")
		ev := pick(t, evs, TypeStatement)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
		assert.NotContains(t, recipients(ev), peskov.ID)
	})
	t.Run("two officials before: the pronoun cannot say which", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Rosa Ejemplo und Xi Jinping sprachen am Montag lange über die Lage.",
			"Die Vorwürfe wies sie als haltlos zurück.")
		assert.Empty(t, filter(evs, TypeDeny))
	})
	t.Run("a country is not continued by er or sie", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Russland hat am Montag seine Truppen verlegt.",
			"Die Vorwürfe wies sie als haltlos zurück.")
		assert.Empty(t, filter(evs, TypeDeny))
	})
	t.Run("a pronoun in another clause is not the verb's subject", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Die Außenministerin Rosa Ejemplo sprach am Montag lange über die Lage.",
			"Dmitry Peskov sagte, sie habe die Gespräche verzögert.")
		ev := pick(t, evs, TypeStatement)
		assert.Equal(t, []string{peskov.ID}, actors(ev))
		assert.NotContains(t, recipients(ev), rosa.ID)
	})
	t.Run("a Spanish verb opening the sentence continues the subject", func(t *testing.T) {
		evs := run(t, "es", thursday, ents,
			"La canciller Rosa Ejemplo rechazó el martes las acusaciones.",
			"Además, acusó a Rusia de sabotear las negociaciones.")
		ev := pick(t, evs, TypeAccuse)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
		assert.Contains(t, recipients(ev), "country/RUS")
	})
	t.Run("the memory fades", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Die Außenministerin Rosa Ejemplo sprach am Montag lange über die Lage.",
			"Das Wetter war schlecht.", "Die Straßen waren voll.", "Der Zug kam spät.",
			"Die Vorwürfe wies sie als haltlos zurück.")
		assert.Empty(t, filter(evs, TypeDeny))
	})
}

// A capital stands for its government as the subject of a state act, or
// after a state body ("die Regierung in Prag"); any other city does not,
// nor does a capital as the place of the event or a dateline.
func TestCapitalActs(t *testing.T) {
	havana, hamburg, moscow := entity(t, "place/havana"), entity(t, "place/hamburg"), entity(t, "place/moscow")
	ents := map[string]*gazetteer.Entity{"Havanna": havana, "Hamburg": hamburg, "MOSKAU": moscow, "Moskau": moscow}
	t.Run("a capital as subject", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Havanna wies die Vorwürfe am Abend zurück."), TypeDeny)
		assert.Equal(t, []string{"country/CUB"}, actors(ev))
	})
	t.Run("another city stands for no government", func(t *testing.T) {
		assert.Empty(t, run(t, "de", thursday, ents, "Hamburg wies die Vorwürfe am Abend zurück."))
	})
	t.Run("the government in a capital", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Auch die Regierung in Havanna wies die Vorwürfe am Abend zurück."), TypeDeny)
		assert.Equal(t, []string{"country/CUB"}, actors(ev))
	})
	t.Run("a capital as the place", func(t *testing.T) {
		assert.Empty(t, run(t, "de", thursday, ents, "Die Vorwürfe wurden in Havanna am Abend zurückgewiesen."))
	})
	t.Run("a dateline with a colon", func(t *testing.T) {
		assert.Empty(t, run(t, "de", thursday, ents, "MOSKAU: Ein Anwohner sagte, das Wetter werde schlechter."))
	})
	t.Run("a dateline with an agency", func(t *testing.T) {
		assert.Empty(t, run(t, "de", thursday, ents, "MOSKAU (dpa) – Ein Anwohner sagte, das Wetter werde schlechter."))
		assert.Empty(t, filter(run(t, "de", thursday, ents, "Havanna/Moskau (AFP) – Ein Anwohner sagte, das Wetter werde schlechter."), TypeStatement))
		// Not in upper case nor before a dash, a place before brackets is the subject.
		ev := pick(t, run(t, "de", thursday, ents, "Moskau (Russland) wies die Vorwürfe am Abend zurück."), TypeDeny)
		assert.Equal(t, []string{"country/RUS"}, actors(ev))
	})
}

// Every capital of data/capitals.tsv is a place of the default gazetteer
// in the country the line names, and no country has two.
func TestCapitalsData(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	byID := map[string]*gazetteer.Entity{}
	for _, e := range all {
		byID[e.ID] = e
	}
	caps, err := capitals()
	require.NoError(t, err)
	require.Greater(t, len(caps), 150)
	seen := map[string]string{}
	for id, iso := range caps {
		e := byID[id]
		require.NotNil(t, e, id)
		assert.Equal(t, gazetteer.TypePlace, e.Type, id)
		assert.Equal(t, iso, e.Country, id)
		if other, ok := seen[e.Country]; ok {
			t.Errorf("%s has two capitals: %s and %s", e.Country, other, id)
		}
		seen[e.Country] = id
	}
}

// A role noun without a name ("la embajadora", "der Minister") is the
// person named before who holds that office, or whom the text introduced
// by that very role right before the name.
func TestRoleNounIntroduced(t *testing.T) {
	karima := &gazetteer.Entity{ID: "person/karima-prueba", Type: gazetteer.TypePerson, Name: "Karima Prueba", Country: "MAR"}
	vp := &gazetteer.Entity{ID: "person/hugo-ejemplo", Type: gazetteer.TypePerson, Name: "Hugo Ejemplo", Country: "PRY", Positions: []gazetteer.Position{{Title: "Vice President of Paraguay"}}}
	ents := map[string]*gazetteer.Entity{"Karima Prueba": karima, "Rosa Ejemplo": rosa, "Hugo Ejemplo": vp}
	t.Run("introduced by the role", func(t *testing.T) {
		evs := run(t, "es", thursday, ents,
			"El ministerio convocó el lunes a la embajadora de Marruecos en España, Karima Prueba, en Madrid.",
			"La embajadora había advertido el domingo de que hay decisiones que tienen consecuencias.")
		assert.Equal(t, []string{karima.ID}, actors(pick(t, evs, TypeStatement)))
	})
	t.Run("German", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Die Botschafterin Karima Prueba traf am Montag in Berlin ein.",
			"Die Botschafterin wies die Vorwürfe am Abend zurück.")
		assert.Equal(t, []string{karima.ID}, actors(pick(t, evs, TypeDeny)))
	})
	t.Run("not introduced by it", func(t *testing.T) {
		evs := run(t, "es", thursday, ents,
			"La canciller Rosa Ejemplo recibió ayer a Karima Prueba en La Habana.",
			"La embajadora había advertido el domingo de que hay decisiones que tienen consecuencias.")
		for _, ev := range filter(evs, TypeStatement) {
			assert.NotContains(t, actors(ev), karima.ID)
		}
	})
	t.Run("a capitalised title before a name is no anaphor", func(t *testing.T) {
		evs := run(t, "en", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			"Rosa Ejemplo opened the debate on Monday.",
			"Before the vote, Minister in the Ministry of Finance Bernd Probe said the issue was simple.")
		for _, ev := range filter(evs, TypeStatement) {
			assert.NotContains(t, actors(ev), rosa.ID)
		}
	})
	t.Run("the subject before goes before a nearer holder of the office", func(t *testing.T) {
		hanna := &gazetteer.Entity{ID: "person/hanna-probe", Type: gazetteer.TypePerson, Name: "Hanna Probe", Country: "AUS", Positions: []gazetteer.Position{{Title: "Minister for Foreign Affairs of Australia"}}}
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Hanna Probe": hanna},
			"Außenministerin Rosa Ejemplo sagte am Montag bei einem Auftritt mit Hanna Probe, die Lage sei ernst.",
			// An accusation: a statement right after hers would go on with it (continuedSpeech).
			"Die Gespräche seien schwierig verlaufen, kritisierte die Ministerin.")
		require.Len(t, filter(evs, TypeAccuse), 1, "%v", evs)
		assert.Equal(t, []string{rosa.ID}, actors(filter(evs, TypeAccuse)[0]))
	})
	t.Run("a German compound introduces the role", func(t *testing.T) {
		evs := run(t, "de", thursday, ents,
			"Bundesinnenministerin Karima Prueba sprach am Montag von einer ernsten Bedrohung.",
			"Die Täter seien bekannt, erklärte die Ministerin.")
		assert.Equal(t, []string{karima.ID}, actors(pick(t, evs, TypeStatement)))
	})
	t.Run("a role named after its complement refers to no one before", func(t *testing.T) {
		jin := &gazetteer.Entity{ID: "person/jin-probe", Type: gazetteer.TypePerson, Name: "Jin Probe", Country: "CHN", Positions: []gazetteer.Position{{Title: "Minister of Industry of China"}}}
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Jin Probe": jin, "Rosa Ejemplo": rosa},
			"Rosa Ejemplo sagte am Montag, die Lage sei gut.",
			"Der Politiker traf sich mit dem Minister für Industrie und Informationstechnologien Jin Probe und anderen Beamten.")
		for _, ev := range filter(evs, TypeMeet) {
			assert.NotContains(t, recipients(ev), rosa.ID)
			assert.NotContains(t, actors(ev), rosa.ID)
		}
	})
	t.Run("an office the gazetteer knows", func(t *testing.T) {
		evs := run(t, "es", thursday, ents,
			"Hugo Ejemplo perdió el apoyo de su partido en agosto.",
			"Entonces el vicepresidente anunció que renunciaría al cargo.")
		assert.Equal(t, []string{vp.ID}, actors(pick(t, evs, TypeStatement)))
	})
}

// Talks need two sides: a single country as the only side of a weakly
// attested meeting is no event; two countries are.
func TestTalksOfOneCountry(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Russland": country(t, "RUS"), "China": country(t, "CHN")}
	t.Run("one country, a bare noun", func(t *testing.T) {
		evs := run(t, "de", thursday, nil, "Im Gespräch mit deutschen Beamten fällt oft ein bekannter Name.")
		assert.Empty(t, filter(evs, TypeMeet))
	})
	t.Run("two countries", func(t *testing.T) {
		evs := run(t, "de", thursday, ents, "Russland und China vereinbarten am Montag in Peking Gespräche über den Handel.")
		assert.NotEmpty(t, evs)
	})
	t.Run("weakTalks", func(t *testing.T) {
		one := Event{Type: TypeMeet, Confidence: 0.35, Participants: []Participant{{Role: RoleActor, Entity: country(t, "DEU")}}}
		assert.True(t, weakTalks(&one))
		sure := one
		sure.Confidence = 0.6
		assert.False(t, weakTalks(&sure))
		two := one
		two.Participants = append(slices.Clone(one.Participants), Participant{Role: RoleRecipient, Entity: country(t, "CHN")})
		assert.False(t, weakTalks(&two))
		official := Event{Type: TypeMeet, Confidence: 0.35, Participants: []Participant{{Role: RoleActor, Entity: xi}}}
		assert.False(t, weakTalks(&official))
		statement := one
		statement.Type = TypeStatement
		assert.False(t, weakTalks(&statement))
	})
}

// German: an accusative or dative article governs the noun phrase after
// it, apposition included; among the names before a verb at the end of
// its clause the first is the subject.
func TestGermanObjectsAndOrder(t *testing.T) {
	ministry := &gazetteer.Entity{ID: "org/test-aussenministerium", Type: gazetteer.TypeOrganization, Name: "Außenministerium", Country: "POL", Sector: "GOV"}
	sergej := &gazetteer.Entity{ID: "person/sergej-prueba", Type: gazetteer.TypePerson, Name: "Sergej Prueba", Country: "RUS", Positions: []gazetteer.Position{{Title: "Ambassador of Russia to Poland"}}}
	ents := map[string]*gazetteer.Entity{"Außenministerium": ministry, "Sergej Prueba": sergej, "Warschau": entity(t, "place/warsaw"), "Polen": country(t, "POL"), "Russland": country(t, "RUS"), "Pablo Prueba": pablo}
	t.Run("the one summoned in apposition", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Am Montag hat das Außenministerium den russischen Botschafter in Warschau, Sergej Prueba, einbestellt."), TypeOther)
		assert.Equal(t, []string{ministry.ID}, actors(ev))
		assert.Contains(t, recipients(ev), sergej.ID)
	})
	t.Run("a speaker after a comma is not in the phrase", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Das Ministerium hat den Vorwurf zurückgewiesen, sagte Minister Pablo Prueba am Abend."), TypeStatement)
		assert.Equal(t, []string{pablo.ID}, actors(ev))
	})
	t.Run("the first of two names before the verb", func(t *testing.T) {
		ev := pick(t, run(t, "de", thursday, ents, "Am Montag hat Polen Russland scharf kritisiert."), TypeAccuse)
		assert.Equal(t, []string{"country/POL"}, actors(ev))
		assert.Contains(t, recipients(ev), "country/RUS")
	})
}

// A name inside what was said is not the speaker.
func TestQuotedIsNoSpeaker(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	evs := run(t, "en", thursday, ents, `"Rosa Ejemplo misled the parliament," the statement said on Monday.`)
	assert.Empty(t, filter(evs, TypeStatement))
	evs = run(t, "en", thursday, ents, `"We will not give in," Rosa Ejemplo said on Monday.`)
	assert.Equal(t, []string{rosa.ID}, actors(pick(t, evs, TypeStatement)))
	evs = run(t, "de", thursday, ents, "„Wir geben nicht nach“, sagte Rosa Ejemplo am Montag.")
	assert.Equal(t, []string{rosa.ID}, actors(pick(t, evs, TypeStatement)))
	de := func(text string) Sentence { return Sentence{End: len(text), Lang: "de"} }
	assert.True(t, quoted("„Rosa“ sagte", de("„Rosa“ sagte"), 3))
	assert.False(t, quoted("„Rosa“ sagte", de("„Rosa“ sagte"), 12))
	// A sentence that begins inside a quotation opened before.
	tail := `Y cumplamos", remarcó el Presidente.`
	assert.True(t, quoted(tail, Sentence{End: len(tail), Lang: "es"}, 2))
	assert.False(t, quoted(tail, Sentence{End: len(tail), Lang: "es"}, strings.Index(tail, "Presidente")))
	tail = "Wir geben nicht nach“, sagte sie."
	assert.False(t, quoted(tail, de(tail), strings.Index(tail, "sie")))
	assert.True(t, quoted(tail, de(tail), 2))
}

// A name after "unter", "bajo" (under) is no subject: the body it heads is.
func TestUnderIsNoSubject(t *testing.T) {
	ministry := &gazetteer.Entity{ID: "org/test-finanzministerium", Type: gazetteer.TypeOrganization, Name: "Finanzministerium", Country: "CUB", Sector: "GOV"}
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Finanzministerium": ministry, "Ministerio de Finanzas": ministry, "Russland": country(t, "RUS"), "Rusia": country(t, "RUS")}
	ev := pick(t, run(t, "de", thursday, ents, "Das Finanzministerium unter Rosa Ejemplo kritisierte am Montag Russland scharf."), TypeAccuse)
	assert.Equal(t, []string{ministry.ID}, actors(ev))
	ev = pick(t, run(t, "es", thursday, ents, "El Ministerio de Finanzas bajo Rosa Ejemplo criticó el lunes a Rusia."), TypeAccuse)
	assert.Equal(t, []string{ministry.ID}, actors(ev))
}
