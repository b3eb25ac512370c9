package tagger

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// An abbreviation in brackets after the words it abbreviates means them
// in that document. The sentences are written for this test; FAR, PBA and
// NKA are the gazetteer's below.
func TestAbbreviationDefined(t *testing.T) {
	ents := append(entities(),
		&gazetteer.Entity{ID: "org/pba", Type: gazetteer.TypeOrganization, Name: "Press Bureau Alpha", Country: "NLD",
			Names: map[string][]string{"en": {"PBA"}, "de": {"PBA"}, "es": {"PBA"}}},
		&gazetteer.Entity{ID: "org/nka", Type: gazetteer.TypeOrganization, Name: "National Coordination Agency", Country: "DEU",
			Names: map[string][]string{"en": {"NKA"}, "de": {"Nationale Koordinierungsagentur", "NKA"}}},
	)
	tg := New(gazetteer.Compile(ents))
	ids := func(text string) map[string][]string {
		out := map[string][]string{}
		for _, f := range tg.Tag(text) {
			for _, m := range f.Mentions {
				out[f.Entity.ID] = append(out[f.Entity.ID], text[m.Start:m.End])
			}
		}
		return out
	}
	tests := []struct {
		name, text string
		id         string
		want       []string // the mentions of id that stay
	}{
		{"another body's letters: every mention goes", "Der PBA warnte. Die Portbehörde Amsterdam (PBA) hob die Gebühren an.", "org/pba", nil},
		{"es: another body", "La Plataforma de Bomberos de Alicante (PBA) pidió más medios.", "org/pba", nil},
		{"in quotes", "Die Firma „Papierfabrik Bernd Adler“ (PBA) meldete Insolvenz an.", "org/pba", nil},
		{"the entity's own name, tagged", "Die Nationale Koordinierungsagentur (NKA) warnte vor Angriffen. Die NKA rief zur Vorsicht.", "org/nka",
			[]string{"Nationale Koordinierungsagentur", "NKA", "NKA"}},
		{"a word of one of its names", "Staff of the National Knowledge Agency (NKA) met on Monday.", "org/nka", []string{"NKA"}},
		{"no letters before the bracket: a party after a name", "Ana Ruiz (PBA) sagte nichts.", "org/pba", []string{"PBA"}},
		{"not in brackets", "Die PBA und die Portbehörde Amsterdam sprachen.", "org/pba", []string{"PBA"}},
		{"es: FAR spelt out", "Las Fuerzas Armadas Revolucionarias (FAR) desfilaron.", "org/far", []string{"Fuerzas Armadas Revolucionarias", "FAR"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ids(tc.text)[tc.id])
		})
	}
}

// longFormStart is Schwartz and Hearst's match of an abbreviation's
// letters in the words before it.
func TestLongFormStart(t *testing.T) {
	for _, tc := range []struct {
		short, words string
		want         int
	}{
		{"bsw", "der bundesverband solarwirtschaft", 1},
		{"anp", "la administracion nacional de puertos", 1},
		{"dea", "die deutsche erdoel ag", 1},
		{"spd", "bundeskanzler olaf scholz", -1},
		{"eu", "durch entgeltumwandlung", 1},
		{"g7", "der gruppe der sieben", -1},
		{"nka", "die nationale koordinierungsagentur", 1},
		{"nka", "die nationale cyberagentur", -1},
	} {
		var ws []gazetteer.Token
		for _, w := range gazetteer.Tokens(tc.words) {
			ws = append(ws, w)
		}
		assert.Equal(t, tc.want, longFormStart(tc.short, ws), "%s in %q", tc.short, tc.words)
	}
}
