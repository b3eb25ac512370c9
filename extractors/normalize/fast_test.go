package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestPlainRunRandom holds the eight-bytes-at-a-time stretches of fast
// (plainRun, skipped) to the per-rune path on long mostly-ASCII strings:
// words of every shape, glued words, URLs, double spaces, backticks,
// controls and non-ASCII at every position of a word.
func TestPlainRunRandom(t *testing.T) {
	alpha := []string{"a", "b", "z", "A", "Z", "M", " ", " ", " ", "  ", ".", "/", "@", "#", ":", "-", ",", "1", "9",
		"`", "~", "\x7f", "\n", "\t", "\r", "\x00", "ü", "\u0301", "\u00a0", "„", "dem", "Miguel", "demMiguel",
		"ß", "É", "’", "«", "\u2009", "\u0085", "Gemeinschaftsstandards", "Diskussion", "McCain", "iPhone", "USA", "https://t.co/fooBar", "x.yZz", "\xff"}
	r := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for range 1 + r.IntN(60) {
			sb.WriteString(alpha[r.IntN(len(alpha))])
		}
		in := []byte(sb.String())
		got, slow := Normalize(in), normalize(in, true)
		require.Equal(t, slow.Norm, got.Norm, "fast path differs for %q", in)
		require.Equal(t, slow.edits, got.edits, "fast path map differs for %q", in)
	}
}

// TestPlainRunCovers guards the speed of fast: in plain text plainRun
// takes whole stretches up to the byte before anything that needs a
// decision.
func TestPlainRunCovers(t *testing.T) {
	in := []byte("Die Regierung hat am 3. Mai 2024 (laut dpa) eine neue Liste veroeffentlicht; der Minister sagte: \"Nein.\" Ende")
	require.GreaterOrEqual(t, plainRun(in, 0, len(in)-1, false), len(in)-9)
	// It stops at the upper-case letter of a possible glued word, at a
	// double space and before a non-ASCII byte.
	require.Equal(t, 11, plainRun([]byte("abc def ghiJkl mno pqr stu"), 0, 25, false))
	require.Equal(t, 9, plainRun([]byte("abc def g  hi jkl mno pqr"), 0, 24, false))
	require.Equal(t, 8, plainRun([]byte("abc def gü hi jkl mno pqr"), 0, 24, false))
	require.Equal(t, 0, plainRun([]byte("Abc def ghi jkl mno pqr"), 0, 22, true))
}

// TestCountLong holds the lane sums of count to utf8.RuneCount on texts
// longer than 127 rounds of sixteen bytes.
func TestCountLong(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alpha := []string{"a", " ", "ü", "€", "🇨🇺", "ß", "\u0301"}
	for n := 0; n < 200; n++ {
		var sb strings.Builder
		for range r.IntN(3000) {
			sb.WriteString(alpha[r.IntN(len(alpha))])
		}
		p := []byte(sb.String())
		txt := &Text{orig: p}
		for _, from := range []int{0, 1, 7, 9} {
			if from < len(p) && utf8.RuneStart(p[from]) {
				require.Equal(t, utf8.RuneCount(p[from:]), txt.count(p[from:]))
			}
		}
	}
}

// FuzzCount holds count to utf8.RuneCount on valid UTF-8 of any length;
// FuzzNormalize already holds fast to the per-rune path.
func FuzzCount(f *testing.F) {
	f.Add([]byte(strings.Repeat("Grüße 🇨🇺 ", 300)))
	f.Add([]byte("abc"))
	f.Fuzz(func(t *testing.T, p []byte) {
		if !utf8.Valid(p) {
			return
		}
		if got, want := (&Text{orig: p}).count(p), utf8.RuneCount(p); got != want {
			t.Fatalf("count = %d, want %d", got, want)
		}
	})
}
