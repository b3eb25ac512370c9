package sentences

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomToken joins up to n-1 pieces drawn at random.
func randomToken(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range r.IntN(n) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestAppendLower holds appendLower, eight-byte path and byte loop, to
// strings.ToLower on random tokens of every length: every ASCII byte
// next to the letters' edges ('@', '[', '`', '{'), non-ASCII at every
// position, runes whose lower case is longer or shorter, invalid bytes.
func TestAppendLower(t *testing.T) {
	pieces := []string{"A", "Z", "a", "z", "M", "@", "[", "`", "{", ".", "-", "0", " ", "\x00", "\x7f",
		"Ä", "ß", "É", "İ", "Ⱥ", "\xc3", "\xff", "Bundesministerium", "GOBIERNO", "MwSt."}
	r := rand.New(rand.NewPCG(7, 8))
	for range 30000 {
		s := randomToken(r, pieces, 10)
		prefix := []byte("pre")
		want := append([]byte("pre"), strings.ToLower(s)...)
		require.Equal(t, string(want), string(appendLower(prefix, s)), "%q", s)
	}
	for c := range 256 {
		s := strings.Repeat(string(rune(c)), 1) + "abcdefgH" + string([]byte{byte(c)})
		require.Equal(t, strings.ToLower(s), string(appendLower(nil, s)), "%q", s)
	}
}

// TestHasSentEndChars holds hasSentEndChars to its definition written
// with strings: a final "?" or "!", one of ".?!" before a final quote or
// parenthesis, "!" before a curly quote (English: "." and "?" too), or
// one of the pairs ".[", ".(", ".\"", ".'", "?[", "?(", "![", "!("
// anywhere; on random tokens of the bytes and runes it looks at.
func TestHasSentEndChars(t *testing.T) {
	ref := func(tok string, english bool) bool {
		ends := []string{"?", "!", ".\"", "?\"", "!\"", ".'", "?'", "!'", ".)", "?)", "!)", "!’", "!”"}
		if english {
			ends = append(ends, ".’", ".”", "?’", "?”")
		}
		for _, e := range ends {
			if strings.HasSuffix(tok, e) {
				return true
			}
		}
		for _, p := range []string{".[", ".(", ".\"", ".'", "?[", "?(", "![", "!("} {
			if strings.Contains(tok, p) {
				return true
			}
		}
		return false
	}
	pieces := []string{".", "!", "?", "\"", "'", ")", "(", "[", "’", "”", "a", "Z", "1", "-", ",", "ü", "\xe2", "\x80"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 30000 {
		tok := randomToken(r, pieces, 6)
		for _, english := range []bool{false, true} {
			require.Equal(t, ref(tok, english), hasSentEndChars(tok, english), "%q english=%v", tok, english)
		}
	}
}
