package dates

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// cueWordRef is cueWord as it was before it ruled out words of ASCII and
// Latin-1 letters by their cueKey: every word lower-cased.
func cueWordRef(text string, i int) (cue, int) {
	end := lettersAt(text, i)
	if w := strings.ToLower(text[i:end]); len(w) >= 2 && len(w) <= maxCueLen {
		return cueWords[w], end
	}
	return 0, end
}

// TestCueWord holds cueWord to cueWordRef from every offset of every cue
// word in lower, upper and title case and with a rune more or less, of
// words with runes of every kind (Latin-1 letters and marks, ß, the
// Kelvin sign and İ, whose lower case is shorter, invalid bytes) and of
// random mixes of them.
func TestCueWord(t *testing.T) {
	pieces := []string{"a", "Zq", "é", "É", "ñ", "Ñ", "ü", "Ü", "ß", "×", "÷", "ÿ", "\u212A", "İ", "ſ", "\u0301", "ł", "я", "\xc3", "\xc3(", "\xff", " ", "1",
		"Präsident", "über", "MÄRZ", "Mär", "mañana", "MIÉRCOLES", "sÁbado", "\u212Aommenden", "İ", "dİc"}
	var texts []string
	for w := range cueWords {
		up := strings.ToUpper(w)
		title := strings.ToUpper(w[:1]) + w[1:]
		texts = append(texts, w, up, title, w+"é", "é"+w, w+"ß", w[:len(w)-1], up+"\u0301")
		pieces = append(pieces, w, up, title)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var b strings.Builder
		for n := 1 + r.IntN(4); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		for i := range len(text) {
			wc, wi := cueWordRef(text, i)
			c, e := cueWord(text, i)
			require.Equal(t, wc, c, "%q from %d", text, i)
			require.Equal(t, wi, e, "%q from %d", text, i)
		}
	}
}
