package trafilatura

import (
	"math/rand"
	"strings"
	"testing"
)

// TestTrim checks gazex's trim against what it replaced.
func TestTrim(t *testing.T) {
	want := func(s string) string { return strings.TrimSpace(strings.Join(strings.Fields(s), " ")) }
	cases := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", " a b ", "a b\n",
		"Ministerin\u00A0Baerbock", "a\u2003b", "a \u0085b", "\xffa b\xfe", "Peña  y  Nieto", "  \n\t  "}
	pieces := []string{" ", "  ", "\t", "\n", "\u00A0", "\u3000", "a", "bé", "\xff", "x y", "ñ"}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range r.Intn(8) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got := trim(s); got != want(s) {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want(s))
		}
	}
}
