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
	r := rand.New(rand.NewPCG(1, 2))
	for range 4000 {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		for i := 0; i < min(len(text), 9); i++ {
			c, spans := cues(text[i:], nil)
			rc, rspans := cuesRef(text[i:])
			require.Equal(t, rc, c, "%q", text[i:])
			require.Equal(t, rspans, spans, "%q", text[i:])
		}
	}
}
