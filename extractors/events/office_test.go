package events

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestOfficeMemo holds Office, its memo and its list of patterns without
// duplicates, to what it stands for: a word of the role matching any
// one-word office pattern of any lexicon, asked afresh each time.
func TestOfficeMemo(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	var patterns []string
	for _, lang := range []string{"de", "es", "en"} {
		for _, e := range x.lex[lang].of(kindOffice).entries {
			for _, seq := range e.patterns {
				if len(seq) == 1 {
					patterns = append(patterns, strings.TrimSuffix(seq[0], umlautMark))
				}
			}
		}
	}
	require.Less(t, len(x.offices), len(patterns), "the languages share patterns")
	want := func(role string) bool {
		for _, tok := range gazetteer.Tokens(role) {
			for _, p := range patterns {
				if wordMatch(p, tok.Fold) {
					return true
				}
			}
		}
		return false
	}
	roles := []string{"", "Verteidigungsminister", "Bundeskanzlerin", "la diputada", "el embajador", "Ex-environment secretary", "Governor",
		"DSGV-Präsident", "Sprecher", "Vorsitzende", "el director", "chairman", "Trainer", "Ministerpräsidentin von Bayern", "Minister"}
	// Words made from each pattern: the pattern's core alone, with a
	// prefix and with a suffix.
	for _, p := range patterns {
		core := strings.Trim(p, "*$")
		roles = append(roles, core, "ex-"+core, "vize"+core, core+"in", "der "+core+"s")
	}
	trues := 0
	for pass := range 2 { // the second pass reads the memo
		for _, role := range roles {
			w := want(role)
			assert.Equal(t, w, x.Office(role), "pass %d: %q", pass, role)
			if w {
				trues++
			}
		}
	}
	assert.Positive(t, trues)
	assert.Less(t, trues, 2*len(roles))
}
