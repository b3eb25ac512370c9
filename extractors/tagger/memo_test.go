package tagger

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestInflectionFitsMemo checks inflectionFits, which judges a form shared
// by many entities once, against judging every entry on its own, on every
// match of the default gazetteer in the seed articles.
func TestInflectionFitsMemo(t *testing.T) {
	def, err := gazetteer.Default()
	require.NoError(t, err)
	ix := gazetteer.Compile(def)
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	shared := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		toks := gazetteer.Tokens(string(b) + "\nDas Parlaments, des Außenministeriums, der Kongress, el Congreso.")
		for _, m := range ix.Find(toks) {
			var want []*gazetteer.Entry
			span := toks[m.Start:m.End]
			for _, en := range m.Entries {
				if en.Kind == gazetteer.KindAdjective || en.Exact(span) || endingFits(span, en) {
					want = append(want, en)
				}
			}
			if len(m.Entries) > 1 {
				shared++
			}
			got := inflectionFits(toks, m)
			if len(want) == 0 {
				require.Empty(t, got)
				continue
			}
			require.Equal(t, want, got)
		}
	}
	require.Positive(t, shared)
}
