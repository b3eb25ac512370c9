package gazetteer

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/gazex/gazex/gazetteer/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNameWordsAhead checks that the name words the index build meets
// on the way (NameWords after OverDefault) are those of tokenising the
// names: a synthetic FtM data set and odd forms (spacing, apostrophes,
// hyphens, line breaks, unique one-word names) over the default.
func TestNameWordsAhead(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 20000)
	require.NoError(t, err)
	user, err := ParseFtM("synth.ftm.json", buf.Bytes())
	require.NoError(t, err)
	forms := []string{
		"Anna Maria", "Anna", "O'Brien Smith", "Díaz-Canel Bermúdez", "Robert C. O'Brien",
		"Putin's Man", "Chavez' Erbe", "Ана Петрова", "Jean\u00a0Dupont", "Solo", "Xi Yu",
		"Karl\nMarx", "  Spaced   Out  ", "EU Commissioner", "BelTA Chef", "Müller Lüdenscheidt",
		"L'Oréal Chef", "van der Berg", "Dmitrij Peskow", "PESKOW Dmitrij", "Straße Ost",
	}
	for i := range 2 * len(forms) {
		a, b := forms[i%len(forms)], forms[(i*7+3)%len(forms)]
		user = append(user, &Entity{
			ID: fmt.Sprintf("person/t%d", i), Type: []string{TypePerson, TypeOrganization}[i%2],
			Name:   a,
			Names:  map[string][]string{"": {a, b + " " + a, "Solo"}, "de": {b}},
			Short:  map[string][]string{"es": {"Corto " + a}},
			Unique: []string{"Solo"},
		})
	}
	def, err := Default()
	require.NoError(t, err)
	merged := Merge(def, user)
	compileAhead(merged) // as OverDefault does
	want := nameWordsOf(merged)
	require.Greater(t, len(want), 1000)
	assert.Equal(t, want, NameWords(merged))
	assert.Equal(t, Compile(merged).Len(), compile(merged).Len())
	assert.Equal(t, want, NameWords(merged), "after Compile took the index: tokenised")
}

// TestOverDefaultAhead: OverDefault starts the index of a user's
// entities that have no problems, and NameWords finds it.
func TestOverDefaultAhead(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 2000)
	require.NoError(t, err)
	user, err := ParseFtM("synth.ftm.json", buf.Bytes())
	require.NoError(t, err)
	merged, _, err := OverDefault(user, false)
	require.NoError(t, err)
	ahead.Lock()
	pending := slices.Equal(ahead.entities, merged)
	ahead.Unlock()
	require.True(t, pending)
	assert.Equal(t, nameWordsOf(merged), NameWords(merged))
}
