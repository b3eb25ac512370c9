// Package gazetteer holds the entities gazex knows — officials with dated
// positions, organisations, countries — their surface forms in German,
// Spanish and English, the loaders for gazetteer files, and the compiled
// name index that the tagger matches text against.
//
// A [Gazetteer] is immutable once built and safe for concurrent use. Names
// are compared through [Fold] and [Tokens], the one owner of name
// comparison: the index and the tagger both go through them.
package gazetteer

import (
	"fmt"
	"strconv"
	"strings"
)

// Entity types.
const (
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypeCountry      = "country"
	TypePlace        = "place"
)

// Entity is one person, organisation, country or place.
type Entity struct {
	ID      string // "person/nikolai-patrushev", "org/prensa-latina", "country/RUS"
	Type    string // one of the Type* constants
	Name    string // canonical display name (usually English)
	Country string // ISO 3166-1 alpha-3, or "INT"
	Sector  string // CAMEO/PLOVER sector of an organisation (GOV, MIL, SPY, JRN, IGO, …)

	// Names are the surface forms by language ("de", "es", "en") that match
	// on their own. For a person, a one-word form is a bare surname and
	// counts only after a fuller mention in the same document, unless it is
	// also listed in Unique.
	Names map[string][]string
	// Short forms count only after a fuller mention in the same document
	// (coreference), or when the text qualifies them with the entity's
	// country ("das russische Außenministerium", "Außenministerium Russlands",
	// "la cancillería rusa").
	Short map[string][]string
	// Unique lists one-word person forms that are unambiguous on their own
	// ("Putin").
	Unique []string
	// Adjectives are a country's nationality adjectives by language, in
	// their base form ("russisch", "ruso", "Russian"); inflected forms match
	// through [Tokens]' stemming.
	Adjectives map[string][]string

	Positions []Position
	Note      string // why colliding names are fine, and other curation notes

	File string // where the entity was defined, "file:line"; empty for built-ins
	// AsOf is the date the entity's facts were last checked, from its
	// file's "# as-of: YYYY-MM-DD" header comment; zero when the file has
	// none. [Gazetteer.Version] reports the latest one.
	AsOf Date
	// Lines are the lines in File of the entity's parts, so that a
	// problem is reported where it is: "type", "country", "sector",
	// "unique", "adjectives", "position N" (N from 1), and "form F" for each
	// surface form F. Nil for entities not read from YAML.
	Lines map[string]int

	// broken marks an entity the loader kept despite problems in its
	// fields (already reported), so that references to its id resolve
	// while [Check] does not report its zeroed fields again.
	broken bool
	// fromFtM marks an entity read from a FollowTheMoney file, which has
	// no notes: [Check] does not hold its names to the collision rule.
	fromFtM bool
}

// Position is an office held over a period. Zero dates are unknown: a
// position with no From is taken to have started before any date asked
// about, one with no To to be still held.
type Position struct {
	Title  string
	Org    string // id of the organisation, "" when none
	Sector string
	From   Date
	To     Date
}

// Date is a calendar date that may be partial: Month and Day are zero when
// unknown. The zero Date is unknown altogether.
type Date struct {
	Year, Month, Day int
}

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	var d Date
	parts := strings.Split(s, "-")
	if len(parts) > 3 || s == "" {
		return Date{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		n, err := strconv.Atoi(p)
		if err != nil || len(p) != want {
			return Date{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	d.Year = nums[0]
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("bad date %q: month out of range", s)
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("bad date %q: day out of range", s)
		}
	}
	return d, nil
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date with the precision it has; "" when unknown.
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return d.format() // not a date of news: as fmt writes it
	}
	// Every record carries dates: by hand, without fmt's reflection.
	var b [10]byte
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return string(appendDigits(b[:0], d.Year, 4))
	case d.Day == 0:
		return string(appendDigits(append(appendDigits(b[:0], d.Year, 4), '-'), d.Month, 2))
	}
	return string(appendDigits(append(appendDigits(append(appendDigits(b[:0], d.Year, 4), '-'), d.Month, 2), '-'), d.Day, 2))
}

// format is String by fmt, for any ints.
func (d Date) format() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// appendDigits appends the n low decimal digits of v (0 <= v < 10^n).
func appendDigits(b []byte, v, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, 0)
	}
	for i := len(b) - 1; n > 0; i, n = i-1, n-1 {
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return b
}

// Compare compares two dates by the period they share: a partial date
// equals every date inside its period ("2024-05" == "2024-05-14").
// It returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	pairs := [3][2]int{{d.Year, o.Year}, {d.Month, o.Month}, {d.Day, o.Day}}
	for _, p := range pairs {
		if p[0] == 0 || p[1] == 0 {
			return 0
		}
		if p[0] != p[1] {
			if p[0] < p[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Covers reports whether the position was held on date d. Boundaries are
// inclusive, and a partial boundary covers its whole period. A zero d is
// covered by nothing.
func (p Position) Covers(d Date) bool {
	if d.IsZero() {
		return false
	}
	if !p.From.IsZero() && d.Compare(p.From) < 0 {
		return false
	}
	if !p.To.IsZero() && d.Compare(p.To) > 0 {
		return false
	}
	return true
}

// PositionAt returns the position the entity held on date d, or nil. When
// terms touch (one ends the day the next begins), the one that began last
// wins.
func (e *Entity) PositionAt(d Date) *Position {
	var best *Position
	for i := range e.Positions {
		p := &e.Positions[i]
		if !p.Covers(d) {
			continue
		}
		if best == nil || best.From.Compare(p.From) <= 0 {
			best = p
		}
	}
	return best
}
