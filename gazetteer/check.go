package gazetteer

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/language"
)

// Sectors are the CAMEO/PLOVER actor sector codes a gazetteer may use.
var Sectors = map[string]string{
	"GOV": "government", "MIL": "military", "SPY": "intelligence", "COP": "police",
	"JUD": "judiciary", "LEG": "legislature", "PTY": "political party", "JRN": "news agency",
	"IGO": "intergovernmental organisation", "NGO": "non-governmental organisation",
	"BUS": "business", "MED": "media", "EDU": "education", "REB": "rebels", "OPP": "opposition",
	"CVL": "civilians", "ELI": "elites", "REL": "religious", "LAB": "labour", "HLH": "health",
	"REF": "refugees", "CRM": "criminals", "UAF": "unaffiliated armed forces",
}

var (
	slugRe    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	orgIDRe   = regexp.MustCompile(`^org/([a-z]{2}-)?[a-z0-9]+(-[a-z0-9]+)*$`)
	countryRe = regexp.MustCompile(`^country/[A-Z]{3}$`)
)

// ValidCountry reports whether code is an ISO 3166-1 alpha-3 country code,
// "INT", the code of international bodies, or "XKX", the user-assigned code
// the EU and the IMF give Kosovo, which ISO 3166-1 does not list.
func ValidCountry(code string) bool {
	if code == "INT" || code == "XKX" {
		return true
	}
	if len(code) != 3 || strings.ToUpper(code) != code {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.ISO3() == code
}

// Check validates entities against the rules of SPEC section 4 and returns
// every problem, each as an [*Error] reading "file:line: message", in the
// order of the entities. Two entities may share a surface form (compared
// through [Fold]) only if one of them carries a note saying why; short
// forms may be shared, since the tagger needs the entity's country next to
// them, but not with another entity's full names.
func Check(entities []*Entity) []error {
	c := &checker{}
	c.byID = c.ids(entities)
	for _, e := range entities {
		if e != nil {
			c.entity(e)
		}
	}
	c.collisions(entities)
	return c.errs
}

// DuplicateIDs returns an [*Error] for every entity whose id an earlier
// one has: [Merge] lets a user's entity replace a default one, but two of
// the user's own with one id are a mistake that nothing should resolve
// silently.
func DuplicateIDs(entities []*Entity) []error {
	c := &checker{}
	c.ids(entities)
	return c.errs
}

// ids indexes entities by id, reporting duplicates (the first one stays).
func (c *checker) ids(entities []*Entity) map[string]*Entity {
	byID := make(map[string]*Entity, len(entities))
	for _, e := range entities {
		if e == nil {
			continue
		}
		if prev, dup := byID[e.ID]; dup {
			c.errorf(e, "duplicate id %q (first at %s)", e.ID, locOf(prev))
			continue
		}
		byID[e.ID] = e
	}
	return byID
}

type checker struct {
	byID map[string]*Entity
	errs []error
}

func (c *checker) errorf(e *Entity, format string, args ...any) {
	file, line := splitWhere(e.File)
	msg := fmt.Sprintf(format, args...)
	if e.ID != "" {
		msg = e.ID + ": " + msg
	}
	c.errs = append(c.errs, &Error{File: file, Line: line, Msg: msg})
}

func splitWhere(w string) (string, int) {
	if w == "" {
		return "built-in", 0
	}
	i := strings.LastIndexByte(w, ':')
	if i < 0 {
		return w, 0
	}
	var line int
	if _, err := fmt.Sscan(w[i+1:], &line); err != nil {
		return w, 0
	}
	return w[:i], line
}

func (c *checker) entity(e *Entity) {
	switch e.Type {
	case TypePerson:
		if !strings.HasPrefix(e.ID, "person/") || !slugRe.MatchString(strings.TrimPrefix(e.ID, "person/")) {
			c.errorf(e, "person id must be person/<lowercase-ascii-slug>")
		}
	case TypeOrganization:
		if !orgIDRe.MatchString(e.ID) {
			c.errorf(e, "organisation id must be org/<iso2>-<slug> or org/<slug>")
		}
	case TypeCountry:
		if !countryRe.MatchString(e.ID) {
			c.errorf(e, "country id must be country/<ISO3>")
		} else if code := strings.TrimPrefix(e.ID, "country/"); code != e.Country {
			c.errorf(e, "country %q does not match the id", e.Country)
		}
	case TypePlace:
		if !strings.HasPrefix(e.ID, "place/") || !slugRe.MatchString(strings.TrimPrefix(e.ID, "place/")) {
			c.errorf(e, "place id must be place/<lowercase-ascii-slug>")
		}
	default:
		c.errorf(e, "invalid type %q (want person, organization, country or place)", e.Type)
	}
	switch {
	case e.Country == "" && e.Type != TypePlace:
		c.errorf(e, "missing country")
	case e.Country != "" && !ValidCountry(e.Country):
		c.errorf(e, "invalid country %q (want ISO 3166-1 alpha-3 or INT)", e.Country)
	}
	if e.Sector != "" {
		if _, ok := Sectors[e.Sector]; !ok {
			c.errorf(e, "invalid sector %q", e.Sector)
		}
	}
	if e.Type == TypeOrganization && e.Sector == "" {
		c.errorf(e, "missing sector")
	}
	if countForms(e.Names) == 0 && countForms(e.Short) == 0 {
		c.errorf(e, "no names: the entity could never be found")
	}
	for _, m := range []map[string][]string{e.Names, e.Short, e.Adjectives} {
		for lang, forms := range m {
			for _, f := range forms {
				if strings.TrimSpace(f) != f || f == "" {
					c.errorf(e, "%s name %q has surrounding spaces", lang, f)
				}
			}
		}
	}
	if len(e.Unique) > 0 {
		c.unique(e)
	}
	if len(e.Adjectives) > 0 && e.Type != TypeCountry {
		c.errorf(e, "adjectives are for countries only")
	}
	if len(e.Positions) > 0 && e.Type != TypePerson {
		c.errorf(e, "positions are for persons only")
	}
	c.positions(e)
}

func countForms(m map[string][]string) int {
	n := 0
	for _, forms := range m {
		n += len(forms)
	}
	return n
}

func (c *checker) unique(e *Entity) {
	if e.Type != TypePerson {
		c.errorf(e, "unique is for persons only")
		return
	}
	names := map[string]bool{}
	for _, forms := range e.Names {
		for _, f := range forms {
			names[Fold(f)] = true
		}
	}
	for _, u := range e.Unique {
		if len(strings.Fields(u)) != 1 {
			c.errorf(e, "unique form %q is not one word", u)
		}
		if !names[Fold(u)] {
			c.errorf(e, "unique form %q is not among the names", u)
		}
	}
}

func (c *checker) positions(e *Entity) {
	for i, p := range e.Positions {
		label := fmt.Sprintf("position %d (%s)", i+1, p.Title)
		if p.Org != "" {
			switch org := c.byID[p.Org]; {
			case org == nil:
				c.errorf(e, "%s: unknown org %q", label, p.Org)
			case org.Type != TypeOrganization:
				c.errorf(e, "%s: org %q is a %s, not an organization", label, p.Org, org.Type)
			}
		}
		if p.Sector != "" {
			if _, ok := Sectors[p.Sector]; !ok {
				c.errorf(e, "%s: invalid sector %q", label, p.Sector)
			}
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.Compare(p.From) < 0 {
			c.errorf(e, "%s: to %s is before from %s", label, p.To, p.From)
		}
		for j := 0; j < i; j++ {
			q := e.Positions[j]
			if q.Title == p.Title && termsOverlap(p, q) {
				c.errorf(e, "%s overlaps position %d of the same title (%s–%s and %s–%s)",
					label, j+1, q.From, q.To, p.From, p.To)
			}
		}
	}
}

// termsOverlap reports whether two terms share more than a boundary day. Terms
// that touch (one ends the day the next begins) are the norm, and partial
// dates that might touch are given the benefit of the doubt.
func termsOverlap(a, b Position) bool {
	return surelyBefore(a.From, b.To) && surelyBefore(b.From, a.To)
}

// surelyBefore reports whether from is surely before to; a zero from is the
// distant past, a zero to the open future.
func surelyBefore(from, to Date) bool {
	if from.IsZero() || to.IsZero() {
		return true
	}
	return from.Compare(to) < 0
}

type formUse struct {
	e     *Entity
	form  string
	short bool
}

func (c *checker) collisions(entities []*Entity) {
	uses := map[string][]formUse{}
	var order []string
	for _, e := range entities {
		if e == nil {
			continue
		}
		seen := map[string]bool{}
		add := func(m map[string][]string, short bool) {
			for _, lang := range sortedKeys(m) {
				for _, f := range m[lang] {
					k := Fold(f)
					if seen[k] {
						continue
					}
					seen[k] = true
					if _, ok := uses[k]; !ok {
						order = append(order, k)
					}
					uses[k] = append(uses[k], formUse{e, f, short})
				}
			}
		}
		add(e.Names, false)
		add(e.Short, true)
	}
	for _, k := range order {
		list := uses[k]
		for i := 1; i < len(list); i++ {
			for j := 0; j < i; j++ {
				a, b := list[j], list[i]
				if a.e == b.e || a.e.ID == b.e.ID || (a.short && b.short) {
					continue
				}
				if a.e.Note != "" || b.e.Note != "" {
					continue
				}
				c.errorf(b.e, "name %q collides with %q of %s (%s); add a note saying why both keep it",
					b.form, a.form, a.e.ID, locOf(a.e))
			}
		}
	}
}
