package pipeline

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendSpanNumbers holds appendSpanNumbers (digits written in place)
// to the strconv.AppendInt it replaces, for every digit count, the
// borders of its fast range, negative and huge offsets, and random ones,
// appended after text of random length (so that growing is crossed).
func TestAppendSpanNumbers(t *testing.T) {
	want := func(b []byte, s *Span) []byte {
		return fmt.Appendf(b, `,"byte":[%d,%d],"char":[%d,%d]`, s.Byte[0], s.Byte[1], s.Char[0], s.Char[1])
	}
	var vals []int
	for p := 1; p <= 1e10; p *= 10 {
		vals = append(vals, p-1, p, p+1, p*5)
	}
	vals = append(vals, 0, 99, 100, 999_999_999, 1e9, -1, -10, math.MaxInt, math.MinInt)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		vals = append(vals, r.IntN(1<<r.IntN(31)))
	}
	for i, v := range vals {
		s := Span{Byte: [2]int{v, vals[(i*7+1)%len(vals)]}, Char: [2]int{vals[(i*13+2)%len(vals)], vals[(i*3+5)%len(vals)]}}
		pre := make([]byte, r.IntN(70), r.IntN(70)+70)
		for j := range pre {
			pre[j] = 'x'
		}
		got := appendSpanNumbers(pre, &s)
		if w := want(append([]byte(nil), pre...), &s); string(got) != string(w) {
			t.Fatalf("span %v: got %q, want %q", s, got, w)
		}
	}
}

// TestPutUint holds putUint to strconv for every number below two
// million and for random ones up to its limit.
func TestPutUint(t *testing.T) {
	var b [16]byte
	check := func(v uint32) {
		n := putUint(b[:], 1, v)
		if got, want := string(b[1:n]), strconv.FormatUint(uint64(v), 10); got != want {
			t.Fatalf("putUint(%d) = %q", v, got)
		}
	}
	for v := range uint32(2e6) {
		check(v)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1_000_000 {
		check(r.Uint32N(1e9))
	}
	check(1e9 - 1)
}
