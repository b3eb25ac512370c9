package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; the persons are the
// invented officials of lang_test.go or real office holders.

// entity returns an entity of the default gazetteer by id.
func entity(t *testing.T, id string) *gazetteer.Entity {
	t.Helper()
	all, err := loadDefault()
	require.NoError(t, err)
	for _, e := range all {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entity %s", id)
	return nil
}

func types(evs []Event) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Type)
	}
	return out
}

func recipients(ev Event) []string {
	var out []string
	for _, p := range ev.Participants {
		if p.Role == RoleRecipient {
			out = append(out, p.Entity.ID)
		}
	}
	return out
}

// An event needs an actor that acts for a state.
func TestStateActor(t *testing.T) {
	rus, chn, usa := country(t, "RUS"), country(t, "CHN"), country(t, "USA")
	t.Run("a country from an adjective on anything but a state body is no actor", func(t *testing.T) {
		evs := run(t, "de", thursday, nil, "Die Umlagen der deutschen Industrie werden steigen, sagte der Trainer.")
		assert.Empty(t, evs)
		evs = run(t, "en", thursday, nil, "Chinese athletes met their coach on Monday.")
		assert.Empty(t, evs)
	})
	t.Run("an adjective on a state body makes its country act", func(t *testing.T) {
		evs := run(t, "de", thursday, nil, "Die russische Botschaft wies die Vorwürfe am Abend zurück.")
		require.Equal(t, []string{TypeDeny}, types(evs))
		assert.Equal(t, []string{rus.ID}, actors(evs[0]))
		evs = run(t, "es", thursday, nil, "La embajada rusa rechazó las acusaciones.")
		require.Equal(t, []string{TypeDeny}, types(evs))
		assert.Equal(t, []string{rus.ID}, actors(evs[0]))
	})
	t.Run("countries acting as a whole", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Russland": rus, "China": chn},
			"Russland und China vereinbarten eine engere Zusammenarbeit.")
		ev := pick(t, evs, TypeAgree)
		assert.ElementsMatch(t, []string{rus.ID, chn.ID}, actors(ev))
		moskau := entity(t, "place/moscow")
		evs = run(t, "de", thursday, map[string]*gazetteer.Entity{"Moskau": moskau}, "Moskau wies die Kritik zurück.")
		assert.Equal(t, []string{rus.ID}, actors(pick(t, evs, TypeDeny)))
	})
	t.Run("a country in a compound or a name is no actor", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"US": usa}, "Der Preis stieg auf 120 US-Dollar, sagte ein Händler.")
		assert.Empty(t, evs)
		evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"China": chn}, "The China Daily said the harvest was good.")
		assert.Empty(t, evs)
		evs = run(t, "de", thursday, map[string]*gazetteer.Entity{"Russlands": rus}, "Die größte Partei Russlands schrieb, die Wahl sei frei.")
		assert.Empty(t, evs, "a genitive country qualifies its noun")
		evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Putin": putinP}, "The targets Putin set fall short of the Paris Agreement.")
		assert.Empty(t, evs, "a capitalised trigger inside a sentence is part of a name")
		evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Putin": putinP}, "The anti-Putin groups cannot agree on a candidate.")
		assert.Empty(t, filter(evs, TypeAgree), "a name in a compound does not act")
		evs = run(t, "de", thursday, map[string]*gazetteer.Entity{"Russlands": rus}, "Die Regierung Russlands wies die Kritik zurück.")
		assert.Equal(t, []string{rus.ID}, actors(pick(t, evs, TypeDeny)))
	})
	t.Run("a person without an official role is no actor", func(t *testing.T) {
		player := &gazetteer.Entity{ID: "person/tom-spieler", Type: gazetteer.TypePerson, Name: "Tom Spieler", Country: "DEU"}
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Tom Spieler": player}, "Tom Spieler sagte, das Spiel sei hart gewesen.")
		assert.Empty(t, evs)
	})
	t.Run("a pronoun continues one official named before, nothing else borrows", func(t *testing.T) {
		ps := map[string]*gazetteer.Entity{"Putin": putinP}
		evs := run(t, "de", thursday, ps, "Putin sprach am Montag in Moskau.", "Er sagte, die Lage sei ernst.")
		assert.Equal(t, []string{putinP.ID}, actors(pick(t, evs, TypeStatement)))
		evs = run(t, "de", thursday, ps, "Putin sprach am Montag in Moskau.", "Die Lage sei ernst, sagte ein Händler.")
		assert.Empty(t, evs)
		evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo},
			"Anna Test and Pablo Prueba spoke in Vienna.", "He said the talks went well.")
		assert.Empty(t, filter(evs, TypeStatement), "two officials before: whom does he continue?")
	})
}

// A trigger word in its ordinary sense is no trigger.
func TestTriggerSense(t *testing.T) {
	ps := map[string]*gazetteer.Entity{"Putin": putinP, "Xi Jinping": xi}
	for _, tc := range []struct{ name, lang, text, not string }{
		{"einigen the determiner", "de", "Vor einigen Tagen hatte Putin noch geschwiegen.", TypeAgree},
		{"treffen = hit", "de", "Die neuen Zölle von Putin treffen vor allem die Verbraucher.", TypeMeet},
		{"a compound visit", "de", "Nach einem Diskothekenbesuch wurde Putin gesehen.", TypeVisit},
		{"firma, a company", "es", "La firma de abogados de Putin presentó sus cuentas.", TypeSignAgreement},
		{"abgeschlossen, a project", "de", "Putin sagte, der Bau der Brücke sei abgeschlossen.", TypeSignAgreement},
		{"received patients", "en", "The hospital that Putin opened received 550 patients.", TypeMeet},
		{"concluded a debate", "en", "As Putin concluded the debate, the Duma voted on the budget.", TypeSignAgreement},
		{"concluded, said last", "en", "\"We will not give up an inch,\" concluded Putin.", TypeSignAgreement},
		{"added to a list", "en", "Russia and China added to Putin's list of partners", TypeStatement},
		{"added to the confusion", "en", "Putin added to the confusion on Thursday.", TypeStatement},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ps, tc.text)
			assert.Empty(t, filter(evs, tc.not), "%v", evs)
		})
	}
	t.Run("the meeting senses stay", func(t *testing.T) {
		evs := run(t, "de", thursday, ps, "Putin traf am Montag Xi Jinping in Peking.")
		assert.NotEmpty(t, filter(evs, TypeMeet))
		evs = run(t, "de", thursday, ps, "Putin und Xi Jinping haben sich auf einen Zeitplan einigen können.")
		assert.NotEmpty(t, filter(evs, TypeAgree))
		evs = run(t, "en", thursday, ps, "Putin received Xi Jinping in the Kremlin.")
		assert.NotEmpty(t, filter(evs, TypeMeet))
		evs = run(t, "en", thursday, ps, "Putin and Xi Jinping concluded a treaty on energy supplies in Moscow.")
		assert.NotEmpty(t, filter(evs, TypeSignAgreement))
		evs = run(t, "en", thursday, ps, "Putin added that the weather in Beijing had been fine.")
		assert.NotEmpty(t, filter(evs, TypeStatement))
	})
}

// One sentence, one reading.
func TestOneReading(t *testing.T) {
	cub := country(t, "CUB")
	t.Run("denying accusations is one denial", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Peskow": peskov}, "Peskow wies die Vorwürfe entschieden zurück.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		evs = run(t, "en", thursday, map[string]*gazetteer.Entity{"Peskov": peskov}, "Peskov rejected the accusations.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
	})
	t.Run("criticising an agreement is one accusation", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna}, "Anna Test hat die Vereinbarung scharf kritisiert.")
		assert.Equal(t, []string{TypeAccuse}, types(evs))
	})
	t.Run("what is denied is no event", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Cuba": cub},
			"Rosa Ejemplo negó que Cuba haya sancionado a sus vecinos.")
		assert.Equal(t, []string{TypeDeny}, types(evs))
		assert.False(t, evs[0].Modality.Negated)
	})
	t.Run("announcing an act is the act", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			"Rosa Ejemplo anunció el lunes la expulsión de dos diplomáticos.")
		require.Equal(t, []string{TypeOther}, types(evs))
		assert.Equal(t, []string{rosa.ID}, actors(evs[0]))
	})
	t.Run("a negation in what was said does not negate the saying", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa},
			"Rosa Ejemplo aseguró que el suministro no está en riesgo.")
		assert.Equal(t, []string{TypeStatement}, types(evs))
	})
	t.Run("negated and hypothetical events are none", func(t *testing.T) {
		ps := map[string]*gazetteer.Entity{"Putin": putinP, "Xi Jinping": xi}
		assert.Empty(t, run(t, "de", thursday, ps, "Putin und Xi Jinping haben kein Abkommen unterzeichnet."))
		assert.Empty(t, run(t, "en", thursday, ps, "Putin might meet Xi Jinping next year."))
	})
}

// Who acts and who receives.
func TestActorAndRecipient(t *testing.T) {
	rus, deu := country(t, "RUS"), country(t, "DEU")
	t.Run("the object of acusar receives", func(t *testing.T) {
		evs := run(t, "es", thursday, map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa, "Rusia": rus},
			"La canciller Rosa Ejemplo acusó a Rusia de espionaje.")
		ev := pick(t, evs, TypeAccuse)
		assert.Equal(t, []string{rosa.ID}, actors(ev))
		assert.Equal(t, []string{rus.ID}, recipients(ev))
	})
	t.Run("a speaker's own country is not his recipient", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Deutschland": deu},
			"Anna Test sagte, die Wirtschaft in Deutschland wachse wieder.")
		ev := pick(t, evs, TypeStatement)
		assert.Equal(t, []string{anna.ID}, actors(ev))
		assert.Empty(t, recipients(ev))
	})
	t.Run("a spokesperson of a body: the body acts", func(t *testing.T) {
		aa := entity(t, "org/de-auswaertiges-amt")
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Auswärtigen Amts": aa},
			"Ein Sprecher des Auswärtigen Amts erklärte, man sei besorgt.")
		assert.Equal(t, []string{aa.ID}, actors(pick(t, evs, TypeStatement)))
	})
	t.Run("after what was said, the verb's subject follows it", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Russland": rus, "Kurz": &gazetteer.Entity{ID: "person/x", Type: gazetteer.TypePerson, Name: "X"}},
			"Das sei inakzeptabel für Russland, sagte Kurz.")
		assert.Empty(t, evs, "Kurz holds no office here, and Russia is what was said")
		evs = run(t, "de", thursday, map[string]*gazetteer.Entity{"Moskau": entity(t, "place/moscow")},
			"Sollte Moskau weiter schweigen, seien Sanktionen denkbar, hieß es aus Regierungskreisen.")
		assert.Empty(t, filter(evs, TypeStatement), "%v", evs)
	})
	t.Run("a statement reporting an attack accuses", func(t *testing.T) {
		evs := run(t, "de", thursday, map[string]*gazetteer.Entity{"Anna Test": anna, "Deutschland": deu},
			"Anna Test sagte, russische Hacker hätten Deutschland angegriffen.")
		assert.Equal(t, []string{TypeAccuse}, types(evs))
	})
	t.Run("summons, expulsions, sanctions, arrests are OTHER", func(t *testing.T) {
		aa := entity(t, "org/de-auswaertiges-amt")
		for _, tc := range []struct {
			lang, text string
			ents       map[string]*gazetteer.Entity
			actor      string
		}{
			{"de", "Das Auswärtige Amt bestellte den russischen Botschafter ein.", map[string]*gazetteer.Entity{"Auswärtige Amt": aa}, aa.ID},
			{"de", "Moskau wies zehn amerikanische Diplomaten aus.", map[string]*gazetteer.Entity{"Moskau": entity(t, "place/moscow")}, rus.ID},
			{"es", "Rosa Ejemplo convocó al embajador ruso.", map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}, rosa.ID},
			{"es", "Rusia expulsó a diez diplomáticos alemanes.", map[string]*gazetteer.Entity{"Rusia": rus}, rus.ID},
			{"en", "Putin imposed sanctions on ten officials.", map[string]*gazetteer.Entity{"Putin": putinP}, putinP.ID},
			{"en", "Russia expelled ten German diplomats.", map[string]*gazetteer.Entity{"Russia": rus}, rus.ID},
		} {
			evs := run(t, tc.lang, thursday, tc.ents, tc.text)
			assert.Equal(t, []string{tc.actor}, actors(pick(t, evs, TypeOther)), tc.text)
		}
	})
}

// A state office makes an official; a head of anything else does not.
func TestOffice(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	for _, role := range []string{"Verteidigungsminister", "Bundeskanzlerin", "la diputada", "el embajador", "Ex-environment secretary", "Governor"} {
		assert.True(t, x.Office(role), role)
	}
	for _, role := range []string{"DSGV-Präsident", "Sprecher", "Vorsitzende", "el director", "chairman", "Trainer"} {
		assert.False(t, x.Office(role), role)
	}
}
