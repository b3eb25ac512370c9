package lingua

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// decimalTestValues are the values TestDecimalFromFloat converts: edges,
// powers of ten and their neighbours, halves, and many random ones
// (random bits, random exponentials of the range lingua's softmax sees).
func decimalTestValues(n int) []float64 {
	vs := []float64{
		1, 2, 0.5, 0.1, 0.2, 0.3, 1.5, 2.5, 100, 1e20, 1e21, 1e22, 1e23, 123456789012345678,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 2 * math.SmallestNonzeroFloat64,
		0x1p-1022, 0x1p-1022 - math.SmallestNonzeroFloat64, 0x1p-1074 * 12345,
		math.Nextafter(1, 0), math.Nextafter(1, 2), 5e-324, 1.7976931348623157e308,
		9007199254740993, 9007199254740992, 4.35e-310, 2.2250738585072011e-308,
	}
	for e := -325; e <= 308; e++ {
		p := math.Pow(10, float64(e))
		vs = append(vs, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)), 5*p, 2.5*p, 1.25*p)
	}
	for e := -1074; e <= 1023; e++ {
		p := math.Ldexp(1, e)
		vs = append(vs, p, 1.5*p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		vs = append(vs, math.Float64frombits(r.Uint64()&^(1<<63)&(1<<63-1)))
		vs = append(vs, math.Exp(-r.Float64()*745))
		vs = append(vs, math.Exp(-r.Float64()*40))
		vs = append(vs, r.Float64())
		vs = append(vs, float64(r.Int64N(1<<53))*math.Pow(10, float64(r.IntN(40)-30)))
	}
	var out []float64
	for _, v := range vs {
		if v > 0 && !math.IsInf(v, 0) && !math.IsNaN(v) {
			out = append(out, v, -v)
		}
	}
	return out
}

// TestDecimalFromFloat holds decimalFromFloat to decimal.NewFromFloat:
// the same coefficient and the same exponent.
func TestDecimalFromFloat(t *testing.T) {
	n := 50_000
	if testing.Short() {
		n = 10_000
	}
	vs := append(decimalTestValues(n), 0)
	for _, v := range vs {
		got, want := decimalFromFloat(v), decimal.NewFromFloat(v)
		if got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("%v (%#x): got %v×10^%d, want %v×10^%d", v, math.Float64bits(v),
				got.Coefficient(), got.Exponent(), want.Coefficient(), want.Exponent())
		}
	}
	t.Logf("%d values", len(vs))
}

// TestQuotientFloat64 holds quotientFloat64 to decimal's Float64 on
// quotients k·10^-16: the edges, every k around 2^53, where the fast path
// ends, and around the halves between two float64 there, and random ones.
func TestQuotientFloat64(t *testing.T) {
	ks := []int64{0, 1, 2, 5, 10, 1e15, 1e16 - 1, 1e16, 5e15, 1 << 52, 1<<53 + 1, 9007199254740993}
	for d := int64(-3000); d <= 3000; d++ {
		ks = append(ks, 1<<53+d, 1e16-3000+d+3000, 5e15+d)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 300_000 {
		ks = append(ks, r.Int64N(1e16+1), r.Int64N(1e16-1<<53)+1<<53, r.Int64N(1<<20))
	}
	for _, k := range ks {
		if k < 0 || k > 1e16 {
			continue
		}
		q := decimal.New(k, -16)
		want, _ := q.Float64()
		if got := quotientFloat64(q); got != want {
			t.Fatalf("%d·10^-16: got %v, want %v", k, got, want)
		}
	}
	// Quotients as Div makes them, from exponentials as the softmax has them.
	for range 20_000 {
		a, b := decimalFromFloat(math.Exp(-r.Float64()*60)), decimalFromFloat(math.Exp(-r.Float64()*60))
		q := a.Div(a.Add(b))
		want, _ := q.Float64()
		if got := quotientFloat64(q); got != want {
			t.Fatalf("%v: got %v, want %v", q, got, want)
		}
	}
}
