package gazetteer

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendCanonical checks the hand-written encoding of the version
// hash against encoding/json, on the default gazetteer and on entities
// with every kind of string JSON escapes.
func TestAppendCanonical(t *testing.T) {
	def, err := Default()
	require.NoError(t, err)
	odd := []*Entity{
		{ID: "person/odd", Type: TypePerson, Name: "A \"quoted\" <b>&</b> \\ name\n\t\x01\x7f",
			Names: map[string][]string{"de": {"Außenminister", "x\u2028y\u2029z"}, "en": {}, "": {"\xff broken"}},
			Short: map[string][]string{}, Unique: []string{}, Note: "é ß 中文 😀",
			Positions: []Position{{Title: "Minister", Org: "org/x", Sector: "GOV", From: Date{2019, 5, 0}}}},
		{ID: "org/plain", Type: TypeOrganization, Name: "Plain", Positions: []Position{}},
	}
	for _, e := range append(def, odd...) {
		c := canonical{ID: e.ID, Type: e.Type, Name: e.Name, Country: e.Country, Sector: e.Sector,
			Names: e.Names, Short: e.Short, Adjectives: e.Adjectives, Unique: e.Unique, Note: e.Note}
		for _, p := range e.Positions {
			c.Positions = append(c.Positions, canonicalPosition{p.Title, p.Org, p.Sector, p.From.String(), p.To.String()})
		}
		var want bytes.Buffer
		require.NoError(t, json.NewEncoder(&want).Encode(c))
		require.Equal(t, want.String(), string(appendCanonical(nil, &c)), e.ID)
	}
}
