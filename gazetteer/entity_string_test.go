package gazetteer

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// String writes dates by hand; it must write what fmt writes.
func TestDateStringAsFmt(t *testing.T) {
	for _, y := range []int{0, 1, 7, 99, 476, 1999, 2024, 9999, 10000, -5} {
		for _, m := range []int{0, 1, 9, 12, 100, -1} {
			for _, d := range []int{0, 1, 9, 31, 100, -2} {
				date := Date{Year: y, Month: m, Day: d}
				require.Equal(t, date.format(), date.String(), "%d-%d-%d", y, m, d)
			}
		}
	}
}
