package pipeline

import (
	"sync/atomic"

	"github.com/gazex/gazex/gazetteer"
)

// Dates of 1900 to 2099 as text, made once each and shared: every position
// record carries two or three dates (from, to, as of) and every dated
// event one, most of them the same few days, and gazetteer.Date.String
// allocates its string each time. The slots are atomic so that workers may
// fill them concurrently; a slot filled twice holds equal strings.
const (
	dayTextFirstYear = 1900
	dayTextYears     = 200
)

// 200 years × 13 months (0: none) × 32 days (0: none): 83,200 pointers,
// 650 KB of zeroed memory of which only the used slots' pages are touched.
var dayTexts [dayTextYears * 13 * 32]atomic.Pointer[string]

// dateText is d.String().
func dateText(d gazetteer.Date) string {
	y, m, day := d.Year-dayTextFirstYear, d.Month, d.Day
	if uint(y) >= dayTextYears || uint(m) > 12 || uint(day) > 31 {
		return d.String()
	}
	slot := &dayTexts[(y*13+m)*32+day]
	if s := slot.Load(); s != nil {
		return *s
	}
	s := d.String()
	slot.Store(&s)
	return s
}
