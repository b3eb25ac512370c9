package tagger

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// seedTokens returns the tokens of each seed article with the line extra
// added.
func seedTokens(t *testing.T, extra string) [][]gazetteer.Token {
	t.Helper()
	files, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out [][]gazetteer.Token
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out = append(out, gazetteer.Tokens(string(b)+"\n"+extra))
	}
	return out
}

// TestInflectionFitsMemo checks inflectionFits, which judges a form shared
// by many entities once, against judging every entry on its own, on every
// match of the default gazetteer in the seed articles; and the exactness
// it tells of the entries kept, which spares matchKind its Exact, against
// Exact of each.
func TestInflectionFitsMemo(t *testing.T) {
	def, err := gazetteer.Default()
	require.NoError(t, err)
	ix := gazetteer.Compile(def)
	shared, told := 0, 0
	for _, toks := range seedTokens(t, "Das Parlaments, des Außenministeriums, der Kongress, el Congreso.") {
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
			got, ex := inflectionFits(toks, m)
			if len(want) == 0 {
				require.Empty(t, got)
				continue
			}
			require.Equal(t, want, got)
			// The exactness it tells, matchKind's shortcut, is every
			// kept entry's Exact.
			for _, en := range got {
				switch ex {
				case exactAll:
					require.True(t, en.Exact(span), en.Form)
					told++
				case exactNone:
					require.False(t, en.Exact(span), en.Form)
					told++
				}
			}
		}
	}
	require.Positive(t, shared)
	require.Positive(t, told)
}

// TestCountryBody holds countryBody, which reads a long run of entries
// once into a table, to countryBodyScan on every match of the default
// gazetteer in the seed articles (and of forms many countries share), for
// every country of the gazetteer and one of none.
func TestCountryBody(t *testing.T) {
	def, err := gazetteer.Default()
	require.NoError(t, err)
	ix := gazetteer.Compile(def)
	tg := New(ix)
	countries := map[string]bool{"XXX": true}
	for _, e := range def {
		countries[e.Country] = true
	}
	tabled := 0
	for _, toks := range seedTokens(t, "Das Außenministerium, das Verteidigungsministerium, el Ministerio de Defensa, the Foreign Ministry.") {
		for _, m := range ix.Find(toks) {
			for _, kind := range []gazetteer.Kind{gazetteer.KindShort, gazetteer.KindName} {
				short := entriesOf(m, kind)
				if len(short) == 0 {
					continue
				}
				if len(short) >= minRunBodies && oneRun(short) {
					tabled++
				}
				for c := range countries {
					require.Same(t, countryBodyScan(short, c), tg.countryBody(short, c), "%s in %q", c, toks[m.Start].Fold)
				}
			}
		}
	}
	require.Positive(t, tabled)

	// A form 40 bodies share, two of some countries: the table must tell
	// the ambiguous.
	var ents []*gazetteer.Entity
	for i := range 40 {
		c := string(rune('A'+i%20)) + "XX"
		if i >= 20 && i%3 != 0 {
			c = string(rune('A'+i)) + "YY"
		}
		ents = append(ents, &gazetteer.Entity{ID: "org/" + strconv.Itoa(i), Type: gazetteer.TypeOrganization, Name: "Amt " + strconv.Itoa(i),
			Country: c, Short: map[string][]string{"de": {"Sonderamt"}}})
	}
	six := gazetteer.Compile(ents)
	stg := New(six)
	toks := gazetteer.Tokens("Das Sonderamt.")
	ms := six.Find(toks)
	require.Len(t, ms, 1)
	short := entriesOf(ms[0], gazetteer.KindShort)
	require.GreaterOrEqual(t, len(short), minRunBodies)
	require.True(t, oneRun(short))
	nilHits, hits := 0, 0
	for _, e := range ents {
		got := stg.countryBody(short, e.Country)
		require.Same(t, countryBodyScan(short, e.Country), got, e.Country)
		if got == nil {
			nilHits++
		} else {
			hits++
		}
	}
	require.Positive(t, nilHits)
	require.Positive(t, hits)
}
