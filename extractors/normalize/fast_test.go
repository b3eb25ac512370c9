package normalize

import (
	"math/rand/v2"
	"slices"
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
		in := randomText(r, alpha, 1+r.IntN(60))
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

// TestCharsLong holds Chars, the table of multi-byte runes, to
// utf8.RuneCount at every offset, rune boundary or not, of long texts with
// runes of every length and invalid bytes.
func TestCharsLong(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alpha := []string{"a", " ", "ü", "€", "🇨🇺", "ß", "\u0301", "\r\n", "\xff", "\xe2\x82", "\xed\xa0\x80", "„", "\u00ad"}
	for n := 0; n < 200; n++ {
		checkChars(t, randomText(r, alpha, r.IntN(3000)))
	}
}

// FuzzChars holds Chars to utf8.RuneCount at every offset of any input.
func FuzzChars(f *testing.F) {
	f.Add([]byte(strings.Repeat("Grüße 🇨🇺 ", 300)))
	f.Add([]byte("abc"))
	f.Add([]byte("a\xffü\xe2\x82x\xf0\x9f"))
	f.Fuzz(func(t *testing.T, p []byte) {
		checkChars(t, p)
	})
}

// checkChars compares Normalize(p).Chars(b) with utf8.RuneCount(p[:b]) for
// every b, counting the prefixes on from the last rune boundary before b.
func checkChars(t *testing.T, p []byte) {
	t.Helper()
	txt := Normalize(p)
	runes, s := 0, 0 // runes before boundary s
	for b := 0; b <= len(p); b++ {
		if b > s {
			if _, size := utf8.DecodeRune(p[s:]); s+size <= b {
				runes++
				s += size
			}
		}
		if got, want := txt.Chars(b), runes+utf8.RuneCount(p[s:b]); got != want {
			t.Fatalf("Chars(%d) = %d, want %d in %q", b, got, want, p)
		}
	}
	if got, want := txt.Chars(len(p)+3), utf8.RuneCount(p); got != want {
		t.Fatalf("Chars(past the end) = %d, want %d", got, want)
	}
}

// TestTablesAgreeWithSearch holds the block tables of Span and Chars to
// the plain searches of the whole edit and rune lists, on long texts full
// of edits and multi-byte runes, at every normalised offset.
func TestTablesAgreeWithSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	alpha := []string{"a", "b", " ", "  ", "\n\n\n", "\r\n", "ü", "„", "“", "–", "demMiguel", "e\u0301", "\u00ad", "\xff", "🇨🇺", "\u00a0", "Wort "}
	for n := 0; n < 100; n++ {
		got := Normalize(randomText(r, alpha, r.IntN(2000)))
		plain := *got
		plain.editAt, plain.contAt = nil, nil
		for ns := 0; ns <= len(got.Norm); ns++ {
			ne := min(len(got.Norm), ns+r.IntN(100))
			os, oe := got.Span(ns, ne)
			wos, woe := plain.Span(ns, ne)
			if os != wos || oe != woe {
				t.Fatalf("Span(%d, %d) = %d, %d with the tables, %d, %d without", ns, ne, os, oe, wos, woe)
			}
			if c, w := got.Chars(oe), plain.Chars(oe); c != w {
				t.Fatalf("Chars(%d) = %d with the table, %d without", oe, c, w)
			}
		}
	}
}

// TestFastWideRandom holds what fast takes beyond ASCII (two-byte letters,
// quotes and dashes, whitespace runs) to the per-rune path, with the
// runes around them that must send it back: combining marks after a
// letter, removed characters, non-ASCII whitespace, invalid bytes, glued
// words with non-ASCII followers, leading and trailing whitespace.
func TestFastWideRandom(t *testing.T) {
	alpha := []string{"a", "z", "M", "Q", " ", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\v", "\f", " \n ",
		"ä", "ß", "ñ", "É", "Ö", "Ü", "×", "÷", "ǅ", "ʔ", "ɐ", "ſ", "ĸ", "ʼ", "ˆ", "\u00a0", "\u00ad", "\u0308", "\u0301", "\u0323",
		"„", "“", "”", "‚", "‘", "’", "–", "—", "‐", "‖", "‗", "\u2028", "\u200b", "\u202f", "\u20d7", "…",
		"\xc3", "\xff", "\xe2\x80", "\x00", "\x7f", "`", ".", "/", "@", ":", "#", "-", "1",
		"dem", "Miguel", "Ärger", "Österreich", "Gemeinschaftsstandards", "abcdefgh", "März", "x.yZz"}
	r := rand.New(rand.NewPCG(11, 12))
	for n := 0; n < 30000; n++ {
		in := randomText(r, alpha, 1+r.IntN(40))
		got, slow := Normalize(in), normalize(in, true)
		if got.Norm != slow.Norm || !slices.Equal(got.edits, slow.edits) || !slices.Equal(got.cont, slow.cont) {
			t.Fatalf("fast path differs for %q:\n%q %v %v\n%q %v %v", in, got.Norm, got.edits, got.cont, slow.Norm, slow.edits, slow.cont)
		}
	}
}

// randomText joins n pieces drawn from alpha.
func randomText(r *rand.Rand, alpha []string, n int) []byte {
	var sb strings.Builder
	for range n {
		sb.WriteString(alpha[r.IntN(len(alpha))])
	}
	return []byte(sb.String())
}
