package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRandomProperties runs the property checks on random strings over an
// alphabet of the characters each rule touches, in a fixed sequence, so
// that every plain "go test" covers what the fuzzer found worth probing.
func TestRandomProperties(t *testing.T) {
	alpha := []string{"a", "b", "B", "C", "e", "\u0301", "\u0323", "\u0345", "\u00ad", " ", "\n", "\r", "\t", "\u00a0", "„", ".", "/", "@", "\xff", "\xc3", "\u200b", "\u212b", "ü", "Ü", "\u2029", "\u034f", "\u1100", "\u1161", "\u11a8", "x", "M", "`", "\x00", "ǅ", "ß", "\u0308", "\u2000", "\u0085", "dem", "Miguel", "abcdefgh", "Q", "\u0f73", "\u0344", "\u0958", "\u0300"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 30000; n++ {
		var sb strings.Builder
		k := r.IntN(12)
		if n%100 == 0 {
			k = r.IntN(80)
		}
		for range k {
			sb.WriteString(alpha[r.IntN(len(alpha))])
		}
		in := []byte(sb.String())
		checkProperties(t, in, Normalize(in))
	}
}

// TestLongCombiningRuns covers runs of more combining marks than NFC's
// stream-safe limit, where the pass cuts the sequence with a CGJ.
func TestLongCombiningRuns(t *testing.T) {
	marks := []string{"\u0301", "\u0323", "\u0345", "\u0308", "\u0f73", "\u0344", "\u00ad", "\u200b", "\u034f", "\u0300", "\u0327"}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 2000; n++ {
		var sb strings.Builder
		sb.WriteString([]string{"a", "e", "\u1100", " ", "\n", "ü", "Q"}[r.IntN(7)])
		k := 20 + r.IntN(100)
		for range k {
			sb.WriteString(marks[r.IntN(len(marks))])
		}
		if r.IntN(2) == 0 {
			sb.WriteString("\u1161\u11a8 dem")
		}
		in := []byte(sb.String())
		checkProperties(t, in, Normalize(in))
	}
}
