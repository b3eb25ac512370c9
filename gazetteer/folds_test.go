package gazetteer

import (
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
