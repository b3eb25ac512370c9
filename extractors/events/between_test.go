package events

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// "zwischen X und Y", "entre X y Y", "between X and Y" after a meeting,
// talks or an agreement name both sides; a passive agreement without an
// agent has them as its actors. Not so the phrase on a noun that is no
// trigger, a country read from an adjective, or an event that is not
// symmetric.
func TestSidesBetween(t *testing.T) {
	rus, chn, deu, fra, esp, mar := country(t, "RUS"), country(t, "CHN"), country(t, "DEU"), country(t, "FRA"), country(t, "ESP"), country(t, "MAR")
	ents := map[string]*gazetteer.Entity{
		"Russland": rus, "China": chn, "Deutschland": deu, "Frankreich": fra, "España": esp, "Marruecos": mar,
		"Russia": rus, "France": fra, "Xi Jinping": xi, "Rosa Ejemplo": rosa,
	}
	tests := []actorCase{
		{"de: a meeting between two countries", "de", "Das Treffen zwischen Russland und China fand am Montag in Peking statt.", TypeMeet, []string{rus.ID, chn.ID}},
		{"de: a passive agreement without agent", "de", "Das Abkommen zwischen Deutschland und Frankreich wurde am Montag unterzeichnet.", TypeSignAgreement, []string{deu.ID, fra.ID}},
		{"es: a meeting between two countries", "es", "La reunión entre España y Marruecos terminó el lunes en Rabat.", TypeMeet, []string{esp.ID, mar.ID}},
		{"es: a passive agreement without agent", "es", "El acuerdo entre España y Marruecos fue firmado el viernes.", TypeSignAgreement, []string{esp.ID, mar.ID}},
		{"en: talks between two countries", "en", "Talks between Russia and France resumed on Monday.", TypeConsult, []string{rus.ID, fra.ID}},
		{"de: officials with titles and an apposition", "de", "Bei einem Treffen in Peking zwischen dem chinesischen Präsidenten Xi Jinping und seiner kubanischen Amtskollegin, Rosa Ejemplo, ging es um Handel.", TypeMeet, []string{xi.ID, rosa.ID}},
		{"de: relations are no event", "de", "Die Beziehungen zwischen Deutschland und Frankreich gelten als eng.", TypeMeet, nil},
		{"de: a non-symmetric act keeps its roles", "de", "Russland wies die Vorwürfe zurück, die Spannungen zwischen Deutschland und Frankreich zu schüren.", TypeDeny, []string{rus.ID}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, ents) })
	}
}
