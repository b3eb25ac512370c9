package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A country acts only where the text makes it a subject: not as the
// possessor of a thing ("Österreichs Tauchmesse"), nor of its own official
// ("Kenias Vizepräsident William Ruto", who acts), nor as a capital at
// the end of a company's name; a name the gazetteer does not know, heading
// its clause right before the verb, is the subject, not a country of
// another clause. The sentences are written for this test.
func TestCountrySubject(t *testing.T) {
	rus, aut, ken, gbr, chn, pri := country(t, "RUS"), country(t, "AUT"), country(t, "KEN"), country(t, "GBR"), country(t, "CHN"), country(t, "PRI")
	ruto, lavrov := entity(t, "person/william-ruto"), entity(t, "person/sergei-lavrov")
	moscow, paris := entity(t, "place/moscow"), entity(t, "place/paris")
	tests := []struct {
		name, lang, text string
		ents             map[string]*gazetteer.Entity
		actors           []string // nil: no event
	}{
		{"de Land als Subjekt", "de", "Russland wies die Vorwürfe am Montag zurück.",
			map[string]*gazetteer.Entity{"Russland": rus}, []string{rus.ID}},
		{"de Hauptstadt als Subjekt", "de", "Moskau wies die Vorwürfe am Montag entschieden zurück.",
			map[string]*gazetteer.Entity{"Moskau": moscow}, []string{rus.ID}},
		{"de Genitiv vor einer Behörde", "de", "Russlands Regierung wies die Vorwürfe am Montag zurück.",
			map[string]*gazetteer.Entity{"Russlands": rus}, []string{rus.ID}},
		{"de Genitiv vor einer Sache", "de", "Österreichs größte Tauchmesse in Tulln wurde am Montag abgesagt.",
			map[string]*gazetteer.Entity{"Österreichs": aut}, nil},
		{"de Genitiv vor einer Bank", "de", "Russlands größte Bank wies die Vorwürfe am Montag zurück.",
			map[string]*gazetteer.Entity{"Russlands": rus}, nil},
		{"de Genitiv vor Amt und Person, nach dem Verb", "de", "„Das Lager ist ein Sicherheitsrisiko“, sagte Kenias Vizepräsident William Ruto am Dienstag in Nairobi.",
			map[string]*gazetteer.Entity{"Kenias": ken, "William Ruto": ruto}, []string{ruto.ID}},
		{"de Genitiv vor Amt und Person, V2", "de", "Am Montag wies Russlands Außenminister Sergej Lawrow die Vorwürfe zurück.",
			map[string]*gazetteer.Entity{"Russlands": rus, "Sergej Lawrow": lavrov}, []string{lavrov.ID}},
		{"de Hauptstadt am Ende eines Firmennamens", "de", "Wie der Sprecher des Logistikunternehmens Seine Fret Paris, Marc Durand, erklärte, lohne sich der Transport per Schiff.",
			map[string]*gazetteer.Entity{"Paris": paris}, nil},
		{"en possessive before a thing", "en", "Britain's largest universities said they would test all students every week.",
			map[string]*gazetteer.Entity{"Britain": gbr}, nil},
		{"en possessive before its official", "en", "Russia's Foreign Minister Sergei Lavrov rejected the accusations on Monday.",
			map[string]*gazetteer.Entity{"Russia": rus, "Sergei Lavrov": lavrov}, []string{lavrov.ID}},
		{"en unknown name heading its clause", "en", "With agents posted across Puerto Rico and the Virgin Islands, the CBP air unit patrols the coast, and Harlan Briggs has said it will hire more pilots.",
			map[string]*gazetteer.Entity{"Puerto Rico": pri}, nil},
		{"en country as subject", "en", "After the talks in Vienna, China said it would send a delegation to Moscow.",
			map[string]*gazetteer.Entity{"China": chn}, []string{chn.ID}},
		{"es país como sujeto", "es", "China anunció el martes sanciones contra la industria de defensa de Lituania.",
			map[string]*gazetteer.Entity{"China": chn}, []string{chn.ID}},
		{"es nombre desconocido antes del verbo", "es", "Tras la reunión con la delegación de Rusia, Fernández dijo que las conversaciones seguirán en mayo.",
			map[string]*gazetteer.Entity{"Rusia": rus}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, tc.ents, tc.text)
			if tc.actors == nil {
				for _, ev := range evs {
					assert.Empty(t, actors(ev), "%s", ev)
				}
				return
			}
			require.NotEmpty(t, evs)
			assert.Equal(t, tc.actors, actors(evs[0]))
		})
	}
}
