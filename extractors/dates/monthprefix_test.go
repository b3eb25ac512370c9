package dates

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// monthPrefixStartRef is monthPrefixStart as a map look-up of the lower
// case of the word's ASCII letters (first "" for a word with other runes).
func monthPrefixStartRef(s string, i int) (first string, ok bool) {
	words := map[string]string{}
	for _, a := range monthPrefixes {
		w, _, _ := cut(a, ' ')
		words[w] = w
	}
	var buf []byte
	for j := i; j < len(s); j++ {
		b := s[j]
		if b >= utf8.RuneSelf {
			return "", true
		}
		if !('a' <= b|0x20 && b|0x20 <= 'z') {
			break
		}
		if len(buf) == 12 {
			return "", false
		}
		buf = append(buf, b|0x20)
	}
	first, ok = words[string(buf)]
	return first, ok
}

// TestMonthPrefixStart holds monthPrefixStart, a perfect hash of the
// first words of monthPrefixes, to monthPrefixStartRef, at every offset
// of texts of those words in every case, with a letter more or less, and
// other words.
func TestMonthPrefixStart(t *testing.T) {
	pieces := []string{" ", "-", "é", "Ñ", "2024", "x", "th", "ed", "miid", "abcdefghijkl", "abcdefghijklm",
		"ſeit", "ſtart", "finaleſ", "\u212Ax", "über", "\u00a0", "—", "en\u00a0", "\xff"}
	for _, w := range monthPrefixWords {
		pieces = append(pieces, w, strings.ToUpper(w), w[1:], w[:len(w)-1], w+"e", "e"+w, w[:1]+"x"+w[1:])
	}
	texts := append(append([]string(nil), pieces...), randomTexts(rand.New(rand.NewPCG(7, 8)), pieces, 3000, 6)...)
	found := 0
	for _, text := range texts {
		for i := range len(text) + 1 {
			first, ok := monthPrefixStartRef(text, i)
			id, fok := monthPrefixStart(text, i)
			if ok && first == "" && !fok {
				// A run with a rune beyond ASCII that monthPrefixStart
				// rules out: no alternative may match there.
				for _, a := range monthPrefixes {
					j := foldAt(text, i, a)
					require.False(t, j >= 0 && j < len(text) && isSpaceByte(text[j]), "%q at %d: %q", text, i, a)
				}
				j := foldAt(text, i, "mid")
				require.False(t, j >= 0 && j < len(text) && text[j] == '-', "%q at %d: mid-", text, i)
				continue
			}
			require.Equal(t, ok, fok, "%q at %d", text, i)
			if !ok {
				continue
			}
			if first == "" {
				require.Equal(t, -1, id, "%q at %d", text, i)
				continue
			}
			require.Equal(t, first, monthPrefixWords[id], "%q at %d", text, i)
			found++
		}
	}
	require.Greater(t, found, 1000)
}
