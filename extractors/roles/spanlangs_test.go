package roles

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSpanLangsMatchesScan holds the walk over ordered segments to the
// first covering segment of a scan, asked in order and out of it, and
// for segments that overlap or come out of order (a scan then).
func TestSpanLangsMatchesScan(t *testing.T) {
	scan := func(segs []LangSpan, off int) string {
		for _, s := range segs {
			if s.Start <= off && off < s.End {
				return s.Lang
			}
		}
		return "de"
	}
	cases := [][]LangSpan{
		nil,
		{{"es", 3, 8}, {"en", 8, 9}, {"es", 12, 12}, {"en", 15, 20}},
		{{"es", 3, 10}, {"en", 5, 12}}, // overlapping
		{{"en", 15, 20}, {"es", 3, 8}}, // out of order
		{{"es", 0, 30}},
	}
	for _, segs := range cases {
		l := newSpanLangs(segs, "de")
		for off := 0; off < 25; off++ {
			assert.Equal(t, scan(segs, off), l.at(off), "%v at %d", segs, off)
		}
		for _, off := range []int{16, 4, 8, 2, 19, 9, 0, 21} {
			assert.Equal(t, scan(segs, off), l.at(off), "%v at %d, out of order", segs, off)
		}
	}
}
