package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// What a sentence names as the victim of an act does not do it. The
// sentences are written for this test; the ministry is invented.
func TestVictim(t *testing.T) {
	rus := country(t, "RUS")
	ministry := &gazetteer.Entity{ID: "org/test-finance", Type: gazetteer.TypeOrganization, Name: "Ministry of Finance of Testland", Country: "CUB", Sector: "GOV"}
	ents := map[string]*gazetteer.Entity{"Ministerio de Hacienda": ministry, "Finance Ministry": ministry, "Rusia": rus, "Russia": rus}
	tests := []struct {
		name, lang, text string
		actors           []string // of the act, none for no event
	}{
		{"es objeto de", "es", "El Ministerio de Hacienda fue objeto de un ciberataque el jueves.", nil},
		{"es víctima de", "es", "El Ministerio de Hacienda se convirtió el jueves en víctima de un ataque informático.", nil},
		{"en target of", "en", "The Finance Ministry was the target of a cyberattack on Thursday.", nil},
		{"es the attacker after the noun: no actor", "es", "El Ministerio de Hacienda fue objeto de un ataque de Rusia el jueves.", nil},
		{"es the attacker as subject", "es", "Rusia lanzó el jueves un ataque contra el Ministerio de Hacienda.", []string{"country/RUS"}},
		{"en the attacker as subject", "en", "Russia attacked the Finance Ministry on Thursday.", []string{"country/RUS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, ev := range filter(run(t, tc.lang, thursday, ents, tc.text), TypeOther) {
				got = append(got, actors(ev)...)
			}
			assert.Equal(t, tc.actors, got)
		})
	}
}
