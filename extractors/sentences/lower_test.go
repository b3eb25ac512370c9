package sentences

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// appendLowerByBytes is appendLower as it was first written, a byte (or a
// rune) at a time: the reference of its eight-byte path.
func appendLowerByBytes(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = utf8.AppendRune(buf, utf8.RuneError)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

// TestAppendLower holds the eight-byte path of appendLower to the byte
// loop on random tokens of every length: every ASCII byte next to the
// letters' edges ('@', '[', '`', '{'), non-ASCII at every position, runes
// whose lower case is longer or shorter, invalid bytes.
func TestAppendLower(t *testing.T) {
	pieces := []string{"A", "Z", "a", "z", "M", "@", "[", "`", "{", ".", "-", "0", " ", "\x00", "\x7f",
		"Ä", "ß", "É", "İ", "Ⱥ", "\xc3", "\xff", "Bundesministerium", "GOBIERNO", "MwSt."}
	r := rand.New(rand.NewPCG(7, 8))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		prefix := []byte("pre")
		want := appendLowerByBytes([]byte("pre"), s)
		require.Equal(t, string(want), string(appendLower(prefix, s)), "%q", s)
	}
	for c := range 256 {
		s := strings.Repeat(string(rune(c)), 1) + "abcdefgH" + string([]byte{byte(c)})
		require.Equal(t, string(appendLowerByBytes(nil, s)), string(appendLower(nil, s)), "%q", s)
	}
}
