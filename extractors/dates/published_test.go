package dates

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// publishedRef is Published as it read a text's head before it went
// without the lines' slice and ran dateLineRe only on lines mayDateLine
// lets through: the reference of TestPublishedFast.
func publishedRef(text string) (Anchor, bool) {
	lines := strings.SplitN(text, "\n", headLines+1)
	if len(lines) > headLines {
		lines = lines[:headLines]
	}
	for _, line := range lines {
		if m := dateLineRe.FindStringSubmatch(line); m != nil {
			if a, err := ParseAnchor(m[1]); err == nil {
				return refine(text, a), true
			}
		}
	}
	for _, line := range lines {
		if a, found := clockDateLine(line); found {
			return refine(text, a), true
		}
	}
	return Anchor{}, false
}

// TestPublishedFast holds Published to publishedRef on texts of date
// lines, clock lines and other lines, with up to twice headLines lines
// (so that the evidence falls before, on and after the last line read).
func TestPublishedFast(t *testing.T) {
	pieces := []string{"\n", "\n", "\n", "\n", " ", "\t", "\r", "\v", "date 2024-02", "datum 2023-11-05", "fecha 2022-01",
		"Date 2024-02", " date:2024-03-04", "dates 2024-01", "date\t2021-12-01x", "fecha: 2020-02-30",
		"12 Januar 2024, 09:15", "09:15 12 Januar 2024", "Samstag, 29 Juni 2024", "18:28", "1:2", ":3", "4:",
		"26 Mai 2022,", "— Radio Ejemplo (@RadioEj) February 7, 2024", "Text", "der Minister", "f", "d"}
	texts := []string{"", "\n", strings.Repeat("\n", headLines-1) + "date 2024-02", strings.Repeat("\n", headLines) + "date 2024-02",
		strings.Repeat("x\n", headLines-1) + "12 Januar 2024, 09:15\n", strings.Repeat("x\n", headLines) + "12 Januar 2024, 09:15"}
	texts = append(texts, randomTexts(rand.New(rand.NewPCG(3, 4)), pieces, 20000, 2*headLines)...)
	hits := 0
	for _, text := range texts {
		a, ok := Published(text)
		ra, rok := publishedRef(text)
		require.Equal(t, rok, ok, "%q", text)
		require.Equal(t, ra, a, "%q", text)
		if ok {
			hits++
		}
	}
	require.Greater(t, hits, 1000, "the texts give dates")
}

// TestHasDigitColonDigit holds hasDigitColonDigit, which goes from colon
// to colon, to the byte loop, at every offset of random texts.
func TestHasDigitColonDigit(t *testing.T) {
	ref := func(s string) bool {
		for i := 1; i+1 < len(s); i++ {
			if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) {
				return true
			}
		}
		return false
	}
	pieces := []string{":", "::", "1", "2:", ":3", "a", " ", "12:30", "x:y", "é"}
	for _, text := range randomTexts(rand.New(rand.NewPCG(5, 6)), pieces, 5000, 10) {
		for i := range len(text) + 1 {
			require.Equal(t, ref(text[i:]), hasDigitColonDigit(text[i:]), "%q", text[i:])
		}
	}
}
