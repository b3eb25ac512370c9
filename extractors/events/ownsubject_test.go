package events

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests about real office
// holders and bodies; the other persons in them are invented.

// A trigger whose clause names a subject of its own — a noun phrase the
// gazetteer does not know, a first-person pronoun — takes no actor from
// another clause or sentence; a pronoun continues only one it fits.
func TestOwnSubject(t *testing.T) {
	blinken, scholz, sanchez := entity(t, "person/antony-blinken"), entity(t, "person/olaf-scholz"), entity(t, "person/pedro-sanchez")
	pentagon, bmvg, mod, ukMod := entity(t, "org/us-dod"), entity(t, "org/de-bmvg"), entity(t, "org/es-mod"), entity(t, "org/gb-mod")
	germany := entity(t, "country/DEU")
	ents := map[string]*gazetteer.Entity{
		"Antony Blinken": blinken, "Olaf Scholz": scholz, "Scholz": scholz, "Pedro Sánchez": sanchez, "Sánchez": sanchez,
		"Pentagon": pentagon, "Bundesministerium der Verteidigung": bmvg, "Ministry of Defence": ukMod,
		"Ministerio de Defensa": mod, "Deutschland": germany,
	}
	// The sentences before, each naming one official or body.
	blinkenFlew := "Antony Blinken flew to Cairo on Wednesday for talks on a ceasefire."
	pentagonSent := "The Pentagon confirmed on Monday that two more destroyers would sail to the Red Sea."
	scholzOpened := "Olaf Scholz eröffnete am Mittwoch die Hannover Messe."
	bmvgOrdered := "Das Bundesministerium der Verteidigung bestellte am Montag weitere Munition für die Truppe."
	sanchezOpened := "Pedro Sánchez inauguró el miércoles una planta de hidrógeno en Huelva."
	modBought := "El Ministerio de Defensa compró el lunes dos nuevas fragatas para la Armada."
	tests := []struct {
		name, lang string
		sentences  []string
		actor      *gazetteer.Entity // nil: no statement
	}{
		// Pronouns continue one they fit.
		{"en he continues a person", "en", []string{blinkenFlew,
			"\"The talks were useful,\" he said on Tuesday.",
		}, blinken},
		{"en he does not continue a body", "en", []string{pentagonSent,
			"\"The ships are ready,\" he said on Tuesday.",
		}, nil},
		{"en they continue a body", "en", []string{pentagonSent,
			"They said on Tuesday that the ships were ready.",
		}, pentagon},
		{"de er setzt eine Person fort", "de", []string{scholzOpened,
			"Er sagte am Dienstag, die Gespräche seien nützlich gewesen.",
		}, scholz},
		{"de sie setzt eine Behörde fort", "de", []string{bmvgOrdered,
			"Am Dienstag sagte sie, die Munition komme im Sommer.",
		}, bmvg},
		{"es sujeto omitido continúa a una persona", "es", []string{sanchezOpened,
			"Dijo que la alianza debe reforzar su flanco sur.",
		}, sanchez},
		{"es verbo plural no continúa a una persona", "es", []string{sanchezOpened,
			"Respondieron que la alianza debe reforzar su flanco sur.",
		}, nil},
		// A noun phrase of its own borrows no one.
		{"de Substantivgruppe vor einem Relativsatz", "de", []string{bmvgOrdered,
			"Die Verbraucherzentrale Hamburg, die den Fall prüft, sagte am Dienstag, sie sei nicht informiert worden.",
		}, nil},
		{"de Behörde setzt eine Behörde fort", "de", []string{bmvgOrdered,
			"Die Behörde sagte am Dienstag, sie erwarte die Lieferung im Sommer.",
		}, bmvg},
		{"de Behörde setzt keine Person fort", "de", []string{scholzOpened,
			"Die Behörde sagte am Dienstag, sie erwarte die Lieferung im Sommer.",
		}, nil},
		{"es sustantivo de un órgano continúa a un órgano", "es", []string{modBought,
			"El ministerio dijo que ellas llegarán en junio.",
		}, mod},
		{"en body noun continues a body", "en", []string{"The Ministry of Defence confirmed on Monday that two more frigates would sail to the Red Sea.",
			"The ministry said they would arrive in June.",
		}, ukMod},
		// … nor anyone from another clause of its sentence.
		{"es sustantivo propio, nombre en otra cláusula", "es", []string{
			"Tras reunirse con Pedro Sánchez en Madrid, la gerente señaló que la obra se terminará en junio.",
		}, nil},
		{"es órgano, persona en otra cláusula", "es", []string{
			"Cuando Sánchez llegó a Bruselas, la Fiscalía afirmó que el contrato era ilegal.",
		}, nil},
		{"de nachgestelltes Subjekt, Land im Gesagten", "de", []string{
			"Ein solches Verbot müsse in ganz Deutschland gelten, forderte die Gewerkschaft.",
		}, nil},
		{"de erste Person", "de", []string{
			"Während Scholz im Saal wartete, sagte ich den Zuhörern, dass die Sitzung später beginne.",
		}, nil},
		{"en first person", "en", []string{
			"While Blinken waited outside, I told the guests that the meeting would start later.",
		}, nil},
		// A role noun stays coreference.
		{"es sustantivo de cargo", "es", []string{sanchezOpened,
			"Tras la cumbre, el presidente afirmó que la alianza debe reforzar su flanco sur.",
		}, sanchez},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := filter(run(t, tc.lang, thursday, ents, tc.sentences...), TypeStatement)
			last := tc.sentences[len(tc.sentences)-1]
			var got []Event
			for _, ev := range evs {
				if ev.SentStart >= len(strings.Join(tc.sentences, " "))-len(last) {
					got = append(got, ev)
				}
			}
			if tc.actor == nil {
				for _, ev := range got {
					assert.Empty(t, actors(ev), "statement %+v", ev.Participants)
				}
				return
			}
			require.NotEmpty(t, got)
			assert.Equal(t, []string{tc.actor.ID}, actors(got[0]))
		})
	}
}

// agrees holds which pronoun may stand for whom: an English name after
// "the" is no person's ("the Aspen Times" of a role pattern).
func TestAgrees(t *testing.T) {
	person := &gazetteer.Entity{Type: gazetteer.TypePerson}
	body := &gazetteer.Entity{Type: gazetteer.TypeOrganization}
	const text = "The speech, first reported by the Aspen Times, named Mike Smith."
	times, smith := strings.Index(text, "Aspen"), strings.Index(text, "Mike")
	tests := []struct {
		name, lang, fold string
		e                *gazetteer.Entity
		at               int
		want             bool
	}{
		{"he, a person", "en", "he", person, smith, true},
		{"he, a name after the", "en", "he", person, times, false},
		{"he, a body", "en", "he", body, smith, false},
		{"they, a body", "en", "they", body, smith, true},
		{"they, a person", "en", "they", person, smith, false},
		{"sie, a body", "de", "sie", body, smith, true},
		{"sie, a person", "de", "sie", person, smith, true},
		{"ella, a body", "es", "ella", body, smith, false},
		{"beide", "de", "beide", body, smith, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, agrees(text, tc.lang, tc.fold, Participant{Entity: tc.e, Start: tc.at}))
		})
	}
}
