package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendFolds checks that the foldings an entry keeps are those of
// its form's tokens, for every entry of the default index and of one
// compiled afresh: the tagger reads them instead of tokenising the form.
func TestAppendFolds(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	for _, ix := range []*Index{defaultOnce.index, compile(defaultOnce.entities)} {
		for k := range ix.entries {
			e := &ix.entries[k]
			var want []string
			for _, tok := range Tokens(e.Form) {
				want = append(want, tok.Fold)
			}
			require.Equal(t, strings.Join(want, " "), string(e.AppendFolds(nil)), e.Form)
		}
	}
}

// TestKeyFilter checks that the Bloom filter before the key map never
// hides a key: every key of the default index, and every token of the
// seed articles, gets the number the map holds, and FindWith finds what
// Find does.
func TestKeyFilter(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	ix := defaultOnce.index
	bits := ix.KeyFilter()
	require.NotNil(t, bits)
	for k, n := range ix.keys {
		require.Equal(t, n, ix.keyNumber(bits, k), k)
	}
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	hidden := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		toks := Tokens(string(b))
		require.Equal(t, ix.Find(toks), ix.FindWith(bits, toks))
		for _, tok := range toks {
			require.Equal(t, ix.keys[tok.Key], ix.keyNumber(bits, tok.Key), tok.Key)
			if ix.keyNumber(bits, tok.Key) == 0 {
				hidden++
			}
		}
	}
	require.Positive(t, hidden)
}
