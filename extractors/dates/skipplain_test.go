package dates

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCuesRandom holds cues, which steps over most words in skipPlain
// and rules them out by cuePairLens before cueTab, to cuesRef: every cue
// word in lower, upper and title case, with a letter more or less, alone
// and among other words, digits, runes and marks, at every offset (so
// that words end at every place of an eight-byte load and at the end of
// the text).
func TestCuesRandom(t *testing.T) {
	pieces := []string{" ", " ", ", ", ".", "a", "Zq", "2024", "12", "é", "ñ", "Ü", "„", "—", "\xff", "\xc3",
		"Präsident", "über", "abcdefghijklmnopqrstuvwxyz"}
	var texts []string
	for w := range cueWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "s", w[:len(w)-1], "x" + w} {
			pieces = append(pieces, v)
			texts = append(texts, v, "am "+v+" 3", v+"é", v+"„")
		}
	}
	texts = append(texts, randomTexts(rand.New(rand.NewPCG(1, 2)), pieces, 4000, 12)...)
	for _, text := range texts {
		for i := 0; i < min(len(text), 9); i++ {
			c, spans := cues(text[i:], nil)
			rc, rspans := cuesRef(text[i:])
			require.Equal(t, rc, c, "%q", text[i:])
			require.Equal(t, rspans, spans, "%q", text[i:])
		}
	}
}

// TestSkipPlain holds skipPlain, which reads a short word from one load,
// to skipPlainAt, which reads each word's bytes, from every offset of
// texts with words of every length at every place of a load, runes,
// digits and cue words.
func TestSkipPlain(t *testing.T) {
	pieces := []string{" ", " ", ", ", ".", "a", "Zq", "2024", "1", "é", "ñ", "Ü", "„", "\xff", "\xc3",
		"Montag", "montags", "vor", "VOR", "heute", "Präsident", "abcdefg", "abcdefgh", "abcdefghi", "Donnerstagnachmittag", "diciembre", "mes", "Mai"}
	var texts []string
	for w := range cueWords {
		texts = append(texts, w, "x "+w+" y", w+"é", strings.ToUpper(w)+",")
	}
	texts = append(texts, randomTexts(rand.New(rand.NewPCG(3, 4)), pieces, 3000, 14)...)
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			wi, we := skipPlainAt(text, i)
			gi, ge := skipPlain(text, i)
			require.Equal(t, wi, gi, "%q from %d", text, i)
			require.Equal(t, we, ge, "%q from %d", text, i)
		}
	}
}

// randomTexts returns count texts of up to most pieces each, drawn by r,
// two in three followed by a space.
func randomTexts(r *rand.Rand, pieces []string, count, most int) []string {
	texts := make([]string, 0, count)
	for range count {
		var b strings.Builder
		for n := r.IntN(most); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	return texts
}
