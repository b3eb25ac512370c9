package dates

import (
	"strings"
	"time"
)

// holiday is a day of the year known by name: a fixed day of a month, or
// a day counted from Easter Sunday (month 0).
type holiday struct {
	names      []string // lower case, words separated by one space
	month, day int      // month 0: day is the offset from Easter Sunday
}

// holidays are the named days news dates events by ("am Karfreitag", "el
// Viernes Santo", "on Christmas Eve"). Only days that name one day: a
// season ("Weihnachten", "Semana Santa") does not.
var holidays = []holiday{
	{[]string{"gründonnerstag", "jueves santo", "maundy thursday"}, 0, -3},
	{[]string{"karfreitag", "viernes santo", "good friday"}, 0, -2},
	{[]string{"ostern", "ostersonntag", "domingo de pascua", "domingo de resurrección", "domingo de resurreccion", "easter", "easter sunday"}, 0, 0},
	{[]string{"ostermontag", "lunes de pascua", "easter monday"}, 0, 1},
	{[]string{"pfingsten", "pfingstsonntag"}, 0, 49},
	{[]string{"pfingstmontag"}, 0, 50},
	{[]string{"heiligabend", "nochebuena", "christmas eve"}, 12, 24},
	{[]string{"navidad", "christmas", "christmas day"}, 12, 25},
	{[]string{"silvester", "nochevieja"}, 12, 31},
	{[]string{"neujahr", "neujahrstag"}, 1, 1},
}

// holidayRe matches the names of holidays, longest first.
const holidayRe = `gründonnerstag|(?:jueves|viernes)\s+santo|maundy\s+thursday|karfreitag|good\s+friday|ostersonntag|ostermontag|ostern|` +
	`domingo\s+de\s+(?:pascua|resurrección|resurreccion)|lunes\s+de\s+pascua|easter(?:\s+(?:sunday|monday))?|pfingstsonntag|pfingstmontag|pfingsten|` +
	`heiligabend|nochebuena|christmas(?:\s+(?:eve|day))?|navidad|silvester|nochevieja|neujahrstag|neujahr`

// holidayWords are the words of holiday names a text must hold for the
// holiday rule to run (with "friday" and "thursday", which cueWords adds).
var holidayWords = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range holidays {
		for _, n := range h.names {
			w, _, _ := strings.Cut(n, " ")
			if w != "jueves" && w != "viernes" && w != "domingo" && w != "lunes" && w != "maundy" && w != "good" {
				m[w] = true
			}
		}
	}
	m["santo"], m["pascua"] = true, true
	return m
}()

// holidayOf returns the index in holidays of a name holidayRe matched, or -1.
func holidayOf(name string) int {
	name = strings.Join(strings.Fields(strings.ToLower(name)), " ")
	for i, h := range holidays {
		for _, n := range h.names {
			if n == name {
				return i
			}
		}
	}
	return -1
}

// on returns the day of holiday h in year y.
func (h holiday) on(y int) time.Time {
	if h.month != 0 {
		return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC)
	}
	return easter(y).AddDate(0, 0, h.day)
}

// easter returns Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
