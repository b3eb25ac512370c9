// Package dates finds date expressions in German, Spanish and English news
// text and resolves them to calendar values against a publication date.
//
// [Find] returns the spans of explicit dates ("26. Mai 2022", "3 de abril
// de 2023", "April 3, 2023", "2023-04"), of dates without a year ("am 24.
// Februar", "Ende Februar"), and of relative expressions ("heute", "ayer",
// "am Montag", "el pasado martes", "vergangene Woche", "im vergangenen
// Dezember", "last month", "vor zwei Wochen", "hace dos semanas", "two
// weeks ago"). [Expr.Resolve] turns one into a [Value] given an
// [Anchor] (the publication date, possibly known only to the month).
//
// Guarantees: spans are half-open byte ranges of the text given to Find,
// on rune boundaries, in order and non-overlapping; Resolve never guesses:
// an expression that needs a day the anchor does not give (a weekday word
// with an anchor known only to the month) resolves to nothing, because no
// date is better than a wrong one. Everything here is pure and safe for
// concurrent use.
//
// gazex finds the spans itself rather than calling a general date parser
// such as github.com/markusmobius/go-dateparser: the forms news uses are
// few, the spans have to be found anyway (a parser's search over a German
// article invents dates from "die" or "2272"), and the measured parser
// fails on exactly the forms that matter here ("am 24. Februar",
// "vergangene Woche").
package dates

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Granularities of a [Value].
const (
	Day   = "day"
	Week  = "week" // Value holds the Monday of the week
	Month = "month"
	Year  = "year"
)

// Methods: how a [Value] was obtained, as the SPEC's date.method.
const (
	MethodExplicit        = "explicit"         // the text gives day/month and year, or month and year
	MethodExplicitNoYear  = "explicit_no_year" // "am 24. Februar": the year comes from the anchor
	MethodRelativeDay     = "relative_day"     // heute, gestern, ayer, today
	MethodRelativeWeekday = "relative_weekday" // am Montag, el pasado martes, on Monday
	MethodRelativeWeek    = "relative_week"    // vergangene Woche, la semana pasada
	MethodRelativeMonth   = "relative_month"   // im vergangenen Dezember, el mes pasado, im März vergangenen Jahres
	MethodRelativeContext = "relative_context" // tags darauf, al día siguiente, damals: told from the date spoken of last
	MethodPublication     = "publication"      // no date in the sentence: the publication date
)

// Anchor is the date relative expressions are resolved against, usually
// the publication date. Zero fields are unknown; Day is only meaningful
// with Month, and Month with Year.
type Anchor struct {
	Year, Month, Day int
	// Method is how the anchor is known, the method of the values it
	// gives itself: "" for a publication date (MethodPublication) or
	// MethodAnniversary.
	Method string
}

// IsZero reports whether nothing is known of the anchor.
func (a Anchor) IsZero() bool { return a.Year == 0 }

// Value returns the anchor itself as a value of its own precision, with
// the anchor's method ([MethodPublication] by default); ok is false for a
// zero anchor.
func (a Anchor) Value() (Value, bool) {
	method := cmp.Or(a.Method, MethodPublication)
	switch {
	case a.Year == 0:
		return Value{}, false
	case a.Month == 0:
		return Value{Year: a.Year, Granularity: Year, Method: method}, true
	case a.Day == 0:
		return Value{Year: a.Year, Month: a.Month, Granularity: Month, Method: method}, true
	}
	return Value{Year: a.Year, Month: a.Month, Day: a.Day, Granularity: Day, Method: method}, true
}

// ParseAnchor parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" is the zero anchor.
func ParseAnchor(s string) (Anchor, error) {
	if s == "" {
		return Anchor{}, nil
	}
	var a Anchor
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Anchor{}, fmt.Errorf("dates: bad date %q", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Anchor{}, fmt.Errorf("dates: bad date %q", s)
		}
		switch i {
		case 0:
			a.Year = n
		case 1:
			a.Month = n
		case 2:
			a.Day = n
		}
	}
	if !valid(a.Year, max(a.Month, 1), max(a.Day, 1)) {
		return Anchor{}, fmt.Errorf("dates: bad date %q", s)
	}
	return a, nil
}

// Value is a resolved date.
type Value struct {
	Year, Month, Day int
	Granularity      string // Day, Week, Month or Year
	Method           string // one of the Method* constants
}

// String formats v as YYYY-MM-DD, YYYY-MM or YYYY by its granularity.
func (v Value) String() string {
	switch v.Granularity {
	case Year:
		return fmt.Sprintf("%04d", v.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", v.Year, v.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", v.Year, v.Month, v.Day)
}

// Expr is a date expression found in a text.
type Expr struct {
	Start, End int    // byte offsets into the text given to Find, half-open
	Method     string // how it resolves: one of the Method* constants but MethodPublication
	// Granularity is what the expression states: Day, Week, Month or Year.
	Granularity string

	// Bound says the expression is a limit rather than when something
	// happens: "bis zum 19. Oktober", "antes del lunes", "until May 3".
	Bound bool

	year, month, day int
	weekday          time.Weekday
	onWeekday        bool // a calendar date the text gives with its weekday ("Sonntag, 1. Mai"): weekday is its day's
	shift            int  // -1 past ("vergangene"), +1 next ("kommende"), 0 unmarked; days, weeks or months
	lean             int  // +1 put ahead by the words before ("für", "para", "el próximo"), -1 behind ("el pasado")
	holiday          int  // 1 + index in holidays
	ofYear           bool // MethodRelativeMonth: shift counts years ("im März vergangenen Jahres")
	unit             byte // MethodRelativeContext: 'd' days, 'm' months, 'y' month of the year, 0 the context as it is
}

// Ahead reports whether the words right before e put it ahead of the
// sentence's time: "für Anfang Dezember (geplant)", "prevista para el
// miércoles", "el próximo 28 de mayo", "scheduled for June".
func (e Expr) Ahead() bool { return e.lean > 0 }

// Resolve turns e into a calendar value against anchor a. future says the
// sentence speaks of what is still to come, which decides an unmarked
// weekday ("am Montag") forwards instead of backwards, and a date without
// a year ("im Juni") into the months ahead; words right before the
// expression ("für", "el próximo", "el pasado") decide over it. ok is false
// when the anchor does not give what the expression needs. An expression
// of [MethodRelativeContext] is told from the date the text spoke of
// last, which the caller gives as a.
func (e Expr) Resolve(a Anchor, future bool) (Value, bool) {
	if e.lean != 0 {
		future = e.lean > 0
	}
	v := Value{Granularity: e.Granularity, Method: e.Method}
	switch e.Method {
	case MethodExplicit:
		v.Year, v.Month, v.Day = e.year, e.month, e.day
		return v, true
	case MethodExplicitNoYear:
		if a.Year == 0 {
			return Value{}, false
		}
		if e.holiday != 0 {
			return e.resolveHoliday(a, future)
		}
		v.Year, v.Month, v.Day = a.Year, e.month, e.day
		switch {
		case a.Month == 0:
		case future:
			// What is still to come lies ahead; a date more than a month
			// back is next year's ("im Februar" written in November).
			anchor := time.Date(a.Year, time.Month(a.Month), max(a.Day, 1), 0, 0, 0, 0, time.UTC)
			if anchor.Sub(time.Date(a.Year, time.Month(e.month), max(e.day, 1), 0, 0, 0, 0, time.UTC)) > 31*24*time.Hour {
				v.Year++
			}
		case e.month > a.Month:
			// News reports the past: a month later than the anchor's is
			// last year's.
			v.Year--
		}
		if e.onWeekday {
			v.Year = e.weekdayYear(a, v.Year)
		}
		return v, true
	case MethodRelativeMonth:
		if e.ofYear {
			if a.Year == 0 {
				return Value{}, false
			}
			v.Year, v.Month = a.Year+e.shift, e.month
			return v, true
		}
		if a.Month == 0 {
			return Value{}, false
		}
		if e.month == 0 { // "vergangenen Monat", "el mes próximo"
			t := time.Date(a.Year, time.Month(a.Month)+time.Month(e.shift), 1, 0, 0, 0, 0, time.UTC)
			v.Year, v.Month = t.Year(), int(t.Month())
			return v, true
		}
		v.Year, v.Month = a.Year, e.month
		if e.shift > 0 && e.month <= a.Month {
			v.Year++
		} else if e.shift < 0 && e.month >= a.Month {
			v.Year--
		}
		return v, true
	case MethodRelativeContext:
		return e.resolveContext(a)
	}
	if a.Day == 0 {
		return Value{}, false // weekday, week and day words need the day
	}
	t := time.Date(a.Year, time.Month(a.Month), a.Day, 0, 0, 0, 0, time.UTC)
	switch e.Method {
	case MethodRelativeDay:
		t = t.AddDate(0, 0, e.shift)
	case MethodRelativeWeekday:
		diff := int(e.weekday - t.Weekday())
		switch {
		case e.shift < 0 || (e.shift == 0 && !future):
			// the last such day: on or before the anchor (strictly before
			// with "vergangenen", "pasado", "last").
			back := (-diff + 7) % 7
			if back == 0 && e.shift < 0 {
				back = 7
			}
			t = t.AddDate(0, 0, -back)
		default:
			fwd := (diff + 7) % 7
			if fwd == 0 && e.shift > 0 {
				fwd = 7
			}
			t = t.AddDate(0, 0, fwd)
		}
	case MethodRelativeWeek:
		t = t.AddDate(0, 0, 7*e.shift)
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // that week's Monday
	default:
		return Value{}, false
	}
	v.Year, v.Month, v.Day = t.Year(), int(t.Month()), t.Day()
	return v, true
}

// resolveHoliday is the holiday's last day on or before the anchor, or
// with future its next on or after it.
func (e Expr) resolveHoliday(a Anchor, future bool) (Value, bool) {
	h := holidays[e.holiday-1]
	anchor := time.Date(a.Year, time.Month(max(a.Month, 1)), max(a.Day, 1), 0, 0, 0, 0, time.UTC)
	if a.Month == 0 {
		return Value{}, false
	}
	t := h.on(a.Year)
	switch {
	case future && t.Before(anchor) && (a.Day != 0 || int(t.Month()) < a.Month):
		t = h.on(a.Year + 1)
	case !future && t.After(anchor) && (a.Day != 0 || int(t.Month()) > a.Month):
		t = h.on(a.Year - 1)
	}
	return Value{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Granularity: Day, Method: e.Method}, true
}

// resolveContext tells e from the date spoken of last, a.
func (e Expr) resolveContext(a Anchor) (Value, bool) {
	v := Value{Method: e.Method}
	switch {
	case a.Year == 0:
		return Value{}, false
	case e.unit == 0 || (e.unit == 'd' && e.shift == 0 && a.Day == 0):
		// "damals", or "am selben Tag" after a month: the context as it is.
		c, ok := a.Value()
		c.Method = e.Method
		return c, ok && a.Month != 0
	case e.unit == 'y':
		v.Year, v.Month, v.Granularity = a.Year, e.month, Month
		return v, true
	case e.unit == 'm':
		if a.Month == 0 {
			return Value{}, false
		}
		t := time.Date(a.Year, time.Month(a.Month)+time.Month(e.shift), 1, 0, 0, 0, 0, time.UTC)
		v.Year, v.Month, v.Granularity = t.Year(), int(t.Month()), Month
		return v, true
	case a.Day == 0:
		return Value{}, false
	}
	t := time.Date(a.Year, time.Month(a.Month), a.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, e.shift)
	v.Year, v.Month, v.Day, v.Granularity = t.Year(), int(t.Month()), t.Day(), Day
	return v, true
}

func valid(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// weekdayYear is the year of e, a date without a year that the text gives
// with its weekday ("am Sonntag, 1. Mai"), resolved to year against a: year
// if the date falls on that weekday there, else the year in which it does
// within half a year of a's day ("on Friday, January 10" written on 20
// December is next year's), else year: a weekday that fits no near year
// is the text's slip, and the date without it still its best word. (A
// day's weekday moves by one or two a year, so at most one of three years
// in a row has it.)
func (e Expr) weekdayYear(a Anchor, year int) int {
	on := func(y int) (time.Time, bool) {
		t := time.Date(y, time.Month(e.month), e.day, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == e.day && t.Weekday() == e.weekday
	}
	if _, ok := on(year); ok || a.Month == 0 {
		return year
	}
	anchor := time.Date(a.Year, time.Month(a.Month), max(a.Day, 1), 0, 0, 0, 0, time.UTC)
	for _, y := range [...]int{a.Year - 1, a.Year, a.Year + 1} {
		if t, ok := on(y); ok && t.Sub(anchor).Abs() <= halfYear {
			return y
		}
	}
	return year
}

// halfYear is how far from the anchor a weekday may move a date's year.
const halfYear = 183 * 24 * time.Hour
