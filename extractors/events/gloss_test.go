package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests.

// A country in brackets after a place locates it: no participant, and not
// one of the sides a later "die Parteien" stands for.
func TestGlossedCountry(t *testing.T) {
	japan, qatar, russia, china := country(t, "JPN"), country(t, "QAT"), country(t, "RUS"), country(t, "CHN")
	ents := map[string]*gazetteer.Entity{
		"Japan": japan, "Japón": japan, "Katar": qatar, "Qatar": qatar,
		"Russland": russia, "Rusia": russia, "Russia": russia, "China": china,
	}
	tests := []struct {
		name, lang string
		sentences  []string
		want       []string // the AGREE's actors; nil: none
	}{
		{"de Orte mit Land in Klammern", "de", []string{
			"Die Regatta in Osaka (Japan) wird verschoben, das Finale in Doha (Katar) findet im Januar statt.",
			"Die beteiligten Parteien einigten sich am Montag auf einen neuen Termin.",
		}, nil},
		{"es lugares con país entre paréntesis", "es", []string{
			"La regata de Osaka (Japón) se aplaza y la final de Doha (Qatar) será en enero.",
			"Ambas partes acordaron el lunes una nueva fecha.",
		}, nil},
		{"en places with a country in brackets", "en", []string{
			"The regatta in Osaka (Japan) is postponed and the final in Doha (Qatar) moves to January.",
			"Both sides agreed on Monday on a new date.",
		}, nil},
		// Countries named as such stay the sides.
		{"de Länder", "de", []string{
			"Russland und China führten am Montag Gespräche über Energie.",
			"Die Parteien einigten sich auf einen neuen Liefervertrag.",
		}, []string{russia.ID, china.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, ev := range filter(run(t, tc.lang, thursday, ents, tc.sentences...), TypeAgree) {
				got = append(got, actors(ev)...)
			}
			if tc.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.ElementsMatch(t, tc.want, got)
		})
	}
}
