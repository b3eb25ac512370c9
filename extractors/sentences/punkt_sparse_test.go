package sentences

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// punktTokensByBytes is punktTokens as it was written first, visiting
// every byte of the text; TestPunktPortMatchesLibrary held it to the
// library, and TestPunktTokensSparse holds punktTokens to it.
func punktTokensByBytes(out []ptoken, text string) []ptoken {
	n := len(text)
	if n == 0 {
		return out
	}
	base := len(out)
	getNext := false
	start, has := -1, false
	for i := 0; i < n; {
		if start >= 0 {
			for i < n-1 && plainByte[text[i]] {
				i++
			}
		}
		c := text[i]
		size, space := 1, false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if !space {
			if start < 0 {
				start = i
			}
			has = has || c == '.' || c == '!' || c == '?'
			if i != n-1 {
				i += size
				continue
			}
		}
		end, cursor := i, i
		if i == n-1 {
			cursor = n
			if !space {
				end = n
			}
		}
		if start >= 0 {
			if has || getNext {
				out = append(out, ptoken{start: start, end: end, pos: cursor, punct: has})
			}
			getNext = has
			start, has = -1, false
		}
		i += size
	}
	if len(out) == base {
		out = append(out, ptoken{start: 0, end: n, pos: n, punct: strings.ContainsAny(text, ".!?")})
	}
	return out
}

func requireSparseTokens(t *testing.T, text string) {
	t.Helper()
	require.Equal(t, punktTokensByBytes(nil, text), punktTokens(nil, text), "%q", text)
}

// TestPunktTokensSparse holds punktTokens to punktTokensByBytes on the
// port's cases, every line of the seeds and the hold-out texts, and
// random texts of words, punctuation, ASCII and Unicode white space,
// multi-byte runes and broken ones, at every place of the text.
func TestPunktTokensSparse(t *testing.T) {
	for _, c := range portCases {
		requireSparseTokens(t, c)
	}
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	more, _ := filepath.Glob("../../testdata/eval/holdout/texts/*")
	for _, f := range append(files, more...) {
		for _, text := range readTexts(t, f) {
			for line := range strings.SplitSeq(text, "\n") {
				requireSparseTokens(t, line)
			}
		}
	}
	pieces := []string{" ", "  ", "\t", "\u00a0", "\u2000", "\u3000", "\u0085", "\u1680", ".", "!", "?", "..", "a", "Ab", "ü", "Ü", "z.B.",
		"Dr.", "\xff", "\xe2\x80", "\xc3", "\xe2\xe2\x80\x80", "»", "’", "3.5", "U.S.", "x", "word", "\xc2", "\xa0", "\x80"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		requireSparseTokens(t, b.String())
	}
}

func FuzzPunktTokensSparse(f *testing.F) {
	for _, c := range portCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		requireSparseTokens(t, text)
	})
}
