package roles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestPerMapFiltersMatchUnfiltered checks that matchIn with the filter of
// one map (roleHeads, newsHeads) finds what match finds with no filter,
// on every token of the seed articles.
func TestPerMapFiltersMatchUnfiltered(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	text := "Der Außenminister sagte der Nachrichtenagentur dpa, la agencia EFE y el ministro de Defensa; Reuters and the Secretary of State."
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		text += "\n" + string(data)
	}
	toks := gazetteer.Tokens(text)
	x, err := New(nil)
	require.NoError(t, err)
	off := prefixFilter{short: true}
	hits := 0
	for _, lang := range Languages {
		lx := x.lex[lang]
		for i := range toks {
			for _, c := range []struct {
				m     map[string][]form
				heads *prefixFilter
			}{{lx.roles, &lx.roleHeads}, {lx.newsAgency, &lx.newsHeads}} {
				f, end, ok := lx.matchIn(c.m, c.heads, toks, i)
				wf, wend, wok := lx.matchIn(c.m, &off, toks, i)
				assert.Equal(t, wok, ok, "%s %q", lang, toks[i].Fold)
				assert.Equal(t, wend, end, "%s %q", lang, toks[i].Fold)
				assert.Equal(t, wf, f, "%s %q", lang, toks[i].Fold)
				if ok {
					hits++
				}
			}
		}
	}
	assert.Positive(t, hits)
}
