package lingua

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"
)

// decimalFromFloat is decimal.NewFromFloat(x): the shortest decimal that
// reads back as x, as coefficient and exponent, the same two numbers.
// decimal finds those digits with the exact multi-precision algorithm
// that strconv used before Go 1.17 (for the tiny values of lingua's
// softmax, e^-20 and less, it shifts numbers of hundreds of digits: two
// thirds of the cost of a detection); strconv finds the same shortest
// digits with Ryū (TestDecimalFromFloat compares the two on millions of
// values: random bits, exponentials, subnormals, powers of ten, halves).
func decimalFromFloat(x float64) decimal.Decimal {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.NewFromFloat(x) // 0, or decimal's panic
	}
	coef, exp := shortestDecimal(x)
	return decimal.New(coef, exp)
}

// shortestDecimal returns the coefficient and exponent of
// decimalFromFloat(x) for a finite x other than 0, without a big.Int.
func shortestDecimal(x float64) (coef int64, exp int32) {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'e', -1, 64) // [-]d[.ddd]e±dd[d]
	i, neg := 0, false
	if b[0] == '-' {
		neg, i = true, 1
	}
	digits := 0 // coef: at most 17 digits
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			coef = coef*10 + int64(b[i]-'0')
			digits++
		}
	}
	i++ // 'e'
	expNeg := b[i] == '-'
	e := 0
	for i++; i < len(b); i++ {
		e = e*10 + int(b[i]-'0')
	}
	if expNeg {
		e = -e
	}
	// Shortest digits end in no zero ("1e+02"); should one, the
	// coefficient drops it, as decimal's does.
	for coef%10 == 0 && digits > 1 {
		coef /= 10
		digits--
	}
	if neg {
		coef = -coef
	}
	return coef, int32(e - (digits - 1))
}

// pow5to16 is 5^16: 10^16 = 5^16·2^16.
const pow5to16 = 152587890625

// quotientFloat is the nearest float64 to k·10^-16, 0 <= k <= 10^16,
// ties to even (big.Rat's Float64). Up to 2^53, k and 10^16 are exact
// float64 and IEEE division rounds correctly. Above, k·10^-16 lies in
// (2^-1, 1], where float64 are m·2^-53: m is k·2^53/10^16 = k·2^37/5^16
// rounded to nearest with 128-bit integers (k·2^37 <
// 2^91, so its high word is below 5^16 as bits.Div64 needs).
func quotientFloat(k int64) float64 {
	if k <= 1<<53 {
		return float64(k) / 1e16
	}
	hi, lo := uint64(k)>>(64-37), uint64(k)<<37
	m, rem := bits.Div64(hi, lo, pow5to16)
	if 2*rem > pow5to16 { // 5^16 is odd: never a tie
		m++
	}
	return float64(m) * 0x1p-53 // m <= 2^53: exact
}

// exponential is computeExponent(value) as coefficient·10^exp: coef when
// math.Exp(value) is a float64 above 0, the decimal's digits; big (and
// exp) when it underflows and decimal's ExpTaylor and Pow(1000) make it.
type exponential struct {
	coef int64
	exp  int32
	big  *big.Int
}

// computeExponential is computeExponent without a decimal on the common
// path.
func computeExponential(value float64) exponential {
	if e := math.Exp(value); e > 0 {
		coef, exp := shortestDecimal(e)
		return exponential{coef: coef, exp: exp}
	}
	d := computeExponent(value)
	return exponential{exp: d.Exponent(), big: d.Coefficient()}
}

// softmax is the division of upstream's computeConfidenceValues,
// p.Div(denominator) for each of the exponentials ps, the denominator
// their sum, then quotientFloat64. decimal's Div is DivRound(·, 16): the
// exact quotient p·10^16/sum rounded to an integer, halves up (away from
// 0; all are positive), whatever the exponents that represent p and the
// sum (QuoRem scales whichever side needs it). So with E the smallest
// exponent and t_i = coef_i·10^(exp_i-E) as exact integers, k_i is
// t_i·10^16 / Σt rounded half up: one division of integers of ~33 digits
// plus the spread of the exponents, instead of decimal's rescaled copies
// and powers of ten made at every Add and Div. TestSoftmax holds it to
// decimal on random values and edges.
//
// softmax reports false when the sum is 0 (upstream's zero denominator).
func (s *softmaxScratch) softmax(ps []exponential, out []float64) bool {
	if len(ps) == 0 {
		return false
	}
	minExp := ps[0].exp
	for _, p := range ps[1:] {
		minExp = min(minExp, p.exp)
	}
	for len(s.terms) < len(ps) {
		s.terms = append(s.terms, new(big.Int))
	}
	s.sum.SetInt64(0)
	for i, p := range ps {
		s.coefficient(p)
		s.terms[i].Mul(&s.coef, pow10(int64(p.exp)-int64(minExp), &s.pow))
		s.sum.Add(&s.sum, s.terms[i])
	}
	if s.sum.Sign() == 0 {
		return false
	}
	for i := range ps {
		s.num.Mul(s.terms[i], pow10(16, &s.pow))
		s.q.QuoRem(&s.num, &s.sum, &s.r)
		s.r.Lsh(&s.r, 1)
		k := s.q.Int64() // <= 10^16: t_i <= Σt
		if s.r.Cmp(&s.sum) >= 0 {
			k++
		}
		out[i] = quotientFloat(k)
	}
	return true
}

// softmaxScratch is softmax's big integers, kept between calls so that
// they allocate only while they grow.
type softmaxScratch struct {
	sum, coef, num, q, r, pow big.Int
	terms                     []*big.Int
}

// coefficient sets s.coef to p's coefficient.
func (s *softmaxScratch) coefficient(p exponential) {
	if p.big != nil {
		s.coef.Set(p.big)
	} else {
		s.coef.SetInt64(p.coef)
	}
}

// pow10 returns 10^n: from a table made once for the spreads a softmax of
// float64 exponentials can have (their exponents lie within -340..0), and
// made in into for larger (the Pow(1000) path).
func pow10(n int64, into *big.Int) *big.Int {
	t := pow10Table()
	if n < int64(len(t)) {
		return &t[n]
	}
	return into.Exp(big.NewInt(10), big.NewInt(n), nil)
}

var pow10Table = sync.OnceValue(func() []big.Int {
	t := make([]big.Int, 400)
	t[0].SetInt64(1)
	for i := 1; i < len(t); i++ {
		t[i].Mul(&t[i-1], big.NewInt(10))
	}
	return t
})
