package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; Rosa Ejemplo is the
// invented Cuban minister of lang_test.go.

// hasParticipant reports whether an event of the sentences names the
// entity id in any role.
func hasParticipant(evs []Event, id string) bool {
	for _, ev := range evs {
		for _, p := range ev.Participants {
			if p.Entity.ID == id {
				return true
			}
		}
	}
	return false
}

// A nationality adjective is read in its own language only: a word of
// another language with the same key names no country.
func TestAdjectiveLanguage(t *testing.T) {
	ents := map[string]*gazetteer.Entity{"Rosa Ejemplo": rosa}
	tests := []struct {
		name, lang, text string
		iceland          bool
	}{
		{"en islands is no Icelandic", "en", "Rosa Ejemplo said on Monday that flights to the Caribbean islands would resume in May.", false},
		{"en Virgin Islands", "en", "Rosa Ejemplo said on Monday that the British Virgin Islands would receive emergency aid.", false},
		{"en Icelandic", "en", "Rosa Ejemplo met the Icelandic foreign minister on Monday.", true},
		{"es islandés", "es", "Rosa Ejemplo se reunió el lunes con el canciller islandés en La Habana.", true},
		{"de isländisch", "de", "Rosa Ejemplo traf am Montag den isländischen Außenminister in Havanna.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			assert.NotEmpty(t, evs)
			assert.Equal(t, tc.iceland, hasParticipant(evs, "country/ISL"))
		})
	}
}

// A meeting or visit whose sides are of one state gets the state it takes
// place in as its counterpart, when the sentence names that state only as
// the place (a country or capital after a location preposition).
func TestHostSide(t *testing.T) {
	china, cuba, belgium := country(t, "CHN"), country(t, "CUB"), country(t, "BEL")
	beijing, brussels, havana := entity(t, "place/beijing"), entity(t, "place/brussels"), entity(t, "place/havana")
	eu := entity(t, "org/eu")
	ents := map[string]*gazetteer.Entity{
		"Rosa Ejemplo": rosa, "China": china, "Peking": beijing, "Pekín": beijing, "Beijing": beijing,
		"Brüssel": brussels, "Havanna": havana, "La Habana": havana, "EU": eu,
	}
	tests := []struct {
		name, lang, text, typ string
		host                  *gazetteer.Entity // nil: none added
	}{
		{"de reiste nach China", "de", "Rosa Ejemplo reiste am Montag nach China.", TypeVisit, china},
		{"de Delegation in China", "de", "Neben dem Handel besprach die kubanische Delegation in China auch die Zusammenarbeit bei der Impfstoffforschung.", TypeMeet, china},
		{"de traf sich in Peking", "de", "Rosa Ejemplo traf sich am Montag in Peking mit Vertretern der Industrie.", TypeMeet, china},
		{"es se reunió en Pekín", "es", "Rosa Ejemplo se reunió el lunes en Pekín con empresarios del sector turístico.", TypeMeet, china},
		{"en met in Beijing", "en", "Rosa Ejemplo met business leaders in Beijing on Monday.", TypeMeet, china},
		// Her own capital is no counterpart.
		{"de in Havanna", "de", "Rosa Ejemplo traf sich am Montag in Havanna mit Vertretern der Industrie.", TypeMeet, nil},
		// An international body's sides name their own counterparts.
		{"de EU in Brüssel", "de", "Die Außenminister der EU trafen sich am Montag in Brüssel mit Rosa Ejemplo.", TypeMeet, nil},
		// The place of another clause is not the visit's.
		{"de Ort eines anderen Satzteils", "de", "Nach Angaben der Botschaft in Peking war es das erste Mal, dass Rosa Ejemplo einen Besuch absagte.", TypeVisit, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ents, tc.text)
			var got *Event
			for i := range evs {
				if evs[i].Type == tc.typ {
					got = &evs[i]
				}
			}
			if tc.host == nil {
				if got != nil {
					assert.NotContains(t, recipients(*got), belgium.ID)
					assert.NotContains(t, recipients(*got), china.ID)
					assert.NotContains(t, recipients(*got), cuba.ID)
				}
				return
			}
			if assert.NotNil(t, got, "no %s in %+v", tc.typ, evs) {
				assert.Contains(t, recipients(*got), tc.host.ID)
			}
		})
	}
}
