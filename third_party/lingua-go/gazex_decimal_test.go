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

// quotientFloat64 is q.Float64() for a quotient of the softmax, a
// probability divided by the sum of all (decimal's Div, rounded to 16
// places): q is k·10^-16 with k in [0, 10^16]. decimal goes through a
// big.Rat, which reduces k/10^16 by their greatest common divisor before
// it rounds; the nearest float64 of k/10^16 is also float64(k)/1e16 when
// k (and 10^16 = 5^16·2^16) is exact in a float64, since IEEE division
// rounds correctly to nearest-even as Rat.Float64 does, and strconv's
// correctly rounded parse of "ke-16" otherwise (TestQuotientFloat64).
func quotientFloat64(q decimal.Decimal) float64 {
	if q.Exponent() != -16 || !q.Coefficient().IsInt64() {
		f, _ := q.Float64()
		return f
	}
	k := q.CoefficientInt64()
	if k < 0 || k > 1e16 {
		f, _ := q.Float64()
		return f
	}
	return quotientFloat(k)
}

// decimalOf is e as decimal makes it.
func decimalOf(e exponential) decimal.Decimal {
	if e.big != nil {
		return decimal.NewFromBigInt(e.big, e.exp)
	}
	return decimal.New(e.coef, e.exp)
}

// TestSoftmax holds softmax to upstream's decimal arithmetic (the sum by
// Add, Div, Float64) on sets of two to four exponentials: of random sums
// of the ranges lingua has (and e^-745 and below, which underflow to
// decimal's Pow(1000) path), equal ones, huge spreads, and coefficients
// whose quotients are exact halves or next to them at the 17th digit.
func TestSoftmax(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sets [][]exponential
	value := func() float64 {
		switch r.IntN(6) {
		case 0:
			return -r.Float64() * 5
		case 1:
			return -r.Float64() * 60
		case 2:
			return -700 - r.Float64()*45 // subnormal exponentials
		case 3:
			return -r.Float64() * 745
		case 4:
			return -745 - r.Float64()*3000 // Pow(1000)
		default:
			return -float64(r.IntN(40)) // exact repeats
		}
	}
	for n := range 40_000 {
		size := 2 + r.IntN(3)
		if n < 300 {
			size = 2 + n%3 // the Pow path is slow: few of those
		}
		var set []exponential
		for range size {
			v := value()
			if n >= 300 && v < -745 {
				v = -r.Float64() * 745
			}
			set = append(set, computeExponential(v))
		}
		if r.IntN(8) == 0 {
			set[1] = set[0] // equal values
		}
		sets = append(sets, set)
	}
	// Ties: coefficients summing to 2·10^16 (·m), an odd one's quotient is
	// k + 1/2; and next to them, sums of 2·10^16 ± 1.
	for range 20_000 {
		exp := int32(-r.IntN(60))
		for _, total := range []int64{2e16, 2e16 - 1, 2e16 + 1, 1e16, 4e16, 6e16} {
			c1 := r.Int64N(total-1) + 1
			if r.IntN(2) == 0 {
				c1 |= 1
			}
			set := []exponential{{coef: c1, exp: exp}, {coef: total - c1, exp: exp}}
			if r.IntN(3) == 0 && total-c1 > 2 {
				c2 := r.Int64N(total-c1-1) + 1
				set = []exponential{{coef: c1, exp: exp}, {coef: c2, exp: exp}, {coef: total - c1 - c2, exp: exp}}
			}
			// The same values with other exponents: c·10^d at exp-d.
			if d := r.IntN(3); d > 0 && set[0].coef < 1e15 {
				set[0].coef *= int64(math.Pow10(d))
				set[0].exp -= int32(d)
			}
			sets = append(sets, set)
		}
	}
	sets = append(sets,
		[]exponential{{coef: 1, exp: 0}, {coef: 1, exp: -400}},
		[]exponential{{coef: 1, exp: -340}, {coef: 49406564584124654, exp: -340}},
		[]exponential{{coef: 5, exp: -17}, {coef: 99999999999999995, exp: -17}},
		[]exponential{{coef: 15, exp: -17}, {coef: 199999999999999985, exp: -18}},
		[]exponential{{coef: 1, exp: 0}, {coef: 1, exp: 0}, {coef: 1, exp: 0}},
	)
	var s softmaxScratch
	got := make([]float64, 4)
	for _, set := range sets {
		sum := decimal.Zero
		for _, p := range set {
			sum = sum.Add(decimalOf(p))
		}
		ok := s.softmax(set, got)
		if ok != !sum.IsZero() {
			t.Fatalf("%v: softmax %v, sum %v", set, ok, sum)
		}
		if !ok {
			continue
		}
		for i, p := range set {
			want, _ := decimalOf(p).Div(sum).Float64()
			if got[i] != want {
				t.Fatalf("%v [%d]: got %v, want %v (%v)", set, i, got[i], want, decimalOf(p).Div(sum))
			}
		}
	}
	t.Logf("%d sets", len(sets))
}

// TestComputeExponential holds computeExponential to computeExponent.
func TestComputeExponential(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := range 20_000 {
		v := -r.Float64() * 745
		if n < 50 {
			v = -745 - r.Float64()*5000
		}
		if got, want := decimalOf(computeExponential(v)), computeExponent(v); got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("%v: got %v, want %v", v, got, want)
		}
	}
}
