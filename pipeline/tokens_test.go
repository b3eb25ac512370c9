package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/gazetteer"
)

// TestEstimateTokens: the estimate is at least the tokens made, and not
// far above them, on news sentences of the three languages.
func TestEstimateTokens(t *testing.T) {
	for _, text := range []string{
		"Die Außenministerin traf am Montag in Brüssel ihren Amtskollegen – „ein gutes Gespräch“, sagte sie danach.",
		"El canciller dijo: «Ambas partes firmarán el acuerdo en 2024». ¿Cuándo? Nadie lo sabe (aún).",
		"The minister's spokesman said on Tuesday that talks with O'Brien would resume; costs: €4.5bn, 12%.",
		"Zeile eins\nZeile zwei\n\n\tnach einem Tabulator …",
		"",
	} {
		n := len(gazetteer.Tokens(text))
		est := estimateTokens(text)
		assert.GreaterOrEqual(t, est, n, text)
		assert.LessOrEqual(t, est, n+n/4+16, text)
	}
}

// TestLangAt holds the binary search over ordered segments to a scan,
// and falls back to the scan when segments overlap.
func TestLangAt(t *testing.T) {
	for _, segs := range [][]langid.Segment{
		nil,
		{{Lang: "es", Start: 3, End: 8}, {Lang: "en", Start: 8, End: 9}, {Lang: "es", Start: 12, End: 12}, {Lang: "en", Start: 15, End: 20}},
		{{Lang: "es", Start: 3, End: 10}, {Lang: "en", Start: 5, End: 12}},
	} {
		w := &work{lang: "de", segs: segs}
		for off := 0; off < 22; off++ {
			want := "de"
			for _, s := range segs {
				if s.Start <= off && off < s.End {
					want = s.Lang
					break
				}
			}
			assert.Equal(t, want, w.langAt(off), "%v at %d", segs, off)
		}
	}
}
