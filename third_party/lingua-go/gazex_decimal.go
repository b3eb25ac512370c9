package lingua

import (
	"math"
	"strconv"

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
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], x, 'e', -1, 64) // [-]d[.ddd]e±dd[d]
	i, neg := 0, false
	if b[0] == '-' {
		neg, i = true, 1
	}
	var coef int64 // at most 17 digits
	digits := 0
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			coef = coef*10 + int64(b[i]-'0')
			digits++
		}
	}
	i++ // 'e'
	expNeg := b[i] == '-'
	exp := 0
	for i++; i < len(b); i++ {
		exp = exp*10 + int(b[i]-'0')
	}
	if expNeg {
		exp = -exp
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
	return decimal.New(coef, int32(exp-(digits-1)))
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
	if q.Exponent() != -16 {
		f, _ := q.Float64()
		return f
	}
	k := q.CoefficientInt64() // exact: k <= 10^16
	if k < 0 || k > 1e16 {
		f, _ := q.Float64()
		return f
	}
	if k <= 1<<53 {
		return float64(k) / 1e16
	}
	var buf [32]byte
	b := strconv.AppendInt(buf[:0], k, 10)
	f, err := strconv.ParseFloat(string(append(b, "e-16"...)), 64)
	if err != nil {
		f, _ = q.Float64()
	}
	return f
}
