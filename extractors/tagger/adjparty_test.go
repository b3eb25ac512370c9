package tagger

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/gazetteer"
)

// A party named by a German adjective ("die Grünen", "die Linke") is not
// the adjective: not in lower case, not with a strong adjective's ending,
// and not right before a noun. The sentences are written for this test; the parties are
// invented.
func TestPartyNamedByAdjective(t *testing.T) {
	ents := []*gazetteer.Entity{
		{ID: "org/test-greens", Type: gazetteer.TypeOrganization, Name: "Test Greens", Country: "DEU", Sector: "PTY",
			Names: map[string][]string{"de": {"Die Grünen", "Grüne", "Grünen"}}},
		{ID: "org/test-left", Type: gazetteer.TypeOrganization, Name: "Test Left", Country: "DEU", Sector: "PTY",
			Names: map[string][]string{"de": {"Die Linke", "Linke"}}},
	}
	tg := New(gazetteer.Compile(ents))
	tests := []struct {
		text string
		want []string // the mentions found
	}{
		{"Grüner Wasserstoff wird teurer.", nil},
		{"Mit Grünem Strom fährt der Zug.", nil},
		{"Grünes Licht gab es am Montag.", nil},
		{"Als Linker sieht er das anders.", nil},
		{"Die linke Hand blieb unten.", nil},
		{"Die grünen Wiesen blühen.", nil},
		{"Die Grünen fordern mehr Geld.", []string{"Die Grünen"}},
		{"Der Vorsitzende der Grünen sprach.", []string{"Grünen"}},
		{"Im Landtag stimmte die Linke dagegen.", []string{"die Linke"}},
		{"Wir Grüne im Bundestag wollen mehr.", []string{"Grüne"}},
		// The weak form right before a noun is the noun's adjective; a
		// hyphen, a punctuation mark or a verb after it leave the party.
		{"Der Preis des Grünen Wasserstoffs sinkt.", nil},
		{"Die Grüne Variante kostet mehr.", nil},
		{"Die Grünen-Chefin sprach am Montag.", []string{"Die Grünen"}},
		{"Nach der Wahl der Grünen, die gewannen, war alles anders.", []string{"Grünen"}},
		{"Die Grünen wollen mehr.", []string{"Die Grünen"}},
		{"Die Fraktion der Grünen Anna Beispiel sprach.", []string{"Grünen"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, f := range tg.Tag(tc.text) {
				for _, m := range f.Mentions {
					got = append(got, tc.text[m.Start:m.End])
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
