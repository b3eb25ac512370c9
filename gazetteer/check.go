package gazetteer

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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

var countryRe = regexp.MustCompile(`^country/[A-Z]{3}$`)

// isSlug reports whether s is a lowercase ASCII slug, runs of a–z and
// 0–9 joined by single hyphens (`^[a-z0-9]+(-[a-z0-9]+)*$`), as every id
// of a person, organisation ("org/ru-mid": the country prefix is a run
// like the others) and place is after its prefix. Written out: a million
// ids are checked at start.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// slugID reports whether id is prefix followed by a slug.
func slugID(id, prefix string) bool {
	rest, ok := strings.CutPrefix(id, prefix)
	return ok && isSlug(rest)
}

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
// every problem, each as an [*Error] reading "file:line: message" at the
// line of the part concerned (its type, a position, a name), in the order
// of the entities. Two entities may share a surface form (compared through
// [Fold]) only if the note of one of them lists that form in double
// quotes (`note: Shares "Wang" with person/wang-yi`): a note covers the
// names it lists, not every name of its entity. Short forms may be
// shared, since the tagger needs the entity's country next to them, but
// not with another entity's full names. Entities read from FollowTheMoney
// files, which have no notes, are exempt from the collision rule: a data
// set of officials names many people alike, and the tagger leaves a name
// shared by two entities unresolved rather than guess.
func Check(entities []*Entity) []error {
	c := &checker{}
	c.byID = c.ids(entities)
	for _, e := range entities {
		if e != nil && !e.broken {
			c.entity(e)
		}
	}
	c.collisions(entities)
	return c.errs
}

// checkOver checks the user's entities laid over base (the default, or
// nothing) with every rule of [Check]: the user's entities each by
// itself (duplicates too), the references and name collisions of the
// merged whole. Problems of base alone are not reported again (the
// default has a test of its own) unless the user's entities cause them.
func checkOver(m *merging) []error {
	// The user's entities: those that the collision rule applies to
	// (FtM entities are exempt, see collisions) are all it asks about.
	c := &checker{own: map[*Entity]bool{}, lookup: m.byID}
	for _, e := range m.user {
		if !e.fromFtM {
			c.own[e] = true
		}
	}
	for _, d := range m.dups { // duplicates among the user's own entities
		c.errorf(d[0], "duplicate id %q (first at %s)", d[0].ID, locOf(d[1]))
	}
	for _, e := range m.user {
		if e != nil && !e.broken {
			c.entity(e)
		}
	}
	for _, e := range m.keptBase {
		c.positions(e) // a user's entity may have replaced an org they name
	}
	c.collisions(m.merged)
	return c.errs
}

// ErrorList is every problem found in a set of gazetteer files, sorted by
// file and line. Its Error is one problem a line.
type ErrorList []error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// sortErrors orders problems by file (in the order the files first
// appear) and line; problems without a place come first.
func sortErrors(errs []error) ErrorList {
	fileRank := map[string]int{}
	for _, e := range errs {
		var ge *Error
		if errors.As(e, &ge) {
			if _, ok := fileRank[ge.File]; !ok {
				fileRank[ge.File] = len(fileRank) + 1
			}
		}
	}
	key := func(e error) (int, int) {
		var ge *Error
		if errors.As(e, &ge) {
			return fileRank[ge.File], ge.Line
		}
		return 0, 0
	}
	out := append(ErrorList(nil), errs...)
	sort.SliceStable(out, func(i, j int) bool {
		fi, li := key(out[i])
		fj, lj := key(out[j])
		if fi != fj {
			return fi < fj
		}
		return li < lj
	})
	return out
}

// Load is what `--gazetteer PATH… [--no-default-gazetteer]` means on every
// front end, and what `gazex gazetteer check PATH…` runs: it reads the
// files and folders (YAML and FollowTheMoney, see [LoadFile]), lays their
// entities over the embedded default ([Merge]: an entity with a default
// id replaces it), or takes them alone when noDefault, and checks the
// result with every rule of [Check]. It returns the merged entities and
// the gazetteer version, or an [ErrorList] of every problem of every file
// — one run reports them all, not the first file's first.
func Load(paths []string, noDefault bool) ([]*Entity, string, error) {
	user, errs := loadPaths(paths)
	return overDefault(user, errs, noDefault, len(paths) > 0)
}

// noCompileAhead stops Load from building the index ahead (for the
// benchmarks of its parts).
var noCompileAhead bool

// overDefault is [Load] and [OverDefault] once the files are read: errs
// are the problems of reading them; check says whether user entities
// were given (the default alone has a test of its own).
func overDefault(user []*Entity, errs []error, noDefault, check bool) ([]*Entity, string, error) {
	var base []*Entity
	if !noDefault {
		def, err := Default()
		if err != nil {
			return nil, "", err
		}
		if !check && len(errs) == 0 && len(user) == 0 {
			// The default alone: its version and index came with it.
			return def, defaultOnce.version, nil
		}
		base = def
	}
	m := merge(base, user)
	merged := m.merged
	if len(errs) == 0 && !noCompileAhead {
		// Most likely the entities are fine and an index of them is
		// wanted next: build it while they are checked and hashed.
		compileAhead(slices.Clone(merged)) // a copy: the caller may reorder what it gets
	}
	if check {
		errs = append(errs, checkOver(m)...)
	}
	if len(errs) > 0 {
		return nil, "", sortErrors(errs)
	}
	if check {
		// Checked: ids are unique (Merge keeps one entity an id, and
		// the user's duplicates are reported), only the version is
		// wanted of New.
		return merged, contentVersion(merged), nil
	}
	g, err := newGazetteer(merged)
	if err != nil {
		return nil, "", err
	}
	return merged, g.Version(), nil
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
	byID   map[string]*Entity
	lookup func(id string) *Entity // byID's lookup when not nil (checkOver: see merging)
	own    map[*Entity]bool        // the user's entities; nil: every entity is checked
	errs   []error
}

// entityByID returns the entity with the id, or nil.
func (c *checker) entityByID(id string) *Entity {
	if c.lookup != nil {
		return c.lookup(id)
	}
	return c.byID[id]
}

func (c *checker) errorf(e *Entity, format string, args ...any) {
	c.errorAt(e, "", format, args...)
}

// errorAt reports a problem at the line of part of e (see [Entity.Lines]),
// else at the entity's line.
func (c *checker) errorAt(e *Entity, part string, format string, args ...any) {
	file, line := splitWhere(e.File)
	if l := e.Lines[part]; l > 0 {
		line = l
	}
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
		if !slugID(e.ID, "person/") {
			c.errorf(e, "person id must be person/<lowercase-ascii-slug>")
		}
	case TypeOrganization:
		if !slugID(e.ID, "org/") {
			c.errorf(e, "organisation id must be org/<iso2>-<slug> or org/<slug>")
		}
	case TypeCountry:
		if !countryRe.MatchString(e.ID) {
			c.errorf(e, "country id must be country/<ISO3>")
		} else if code := strings.TrimPrefix(e.ID, "country/"); code != e.Country {
			c.errorAt(e, "country", "country %q does not match the id", e.Country)
		}
	case TypePlace:
		if !slugID(e.ID, "place/") {
			c.errorf(e, "place id must be place/<lowercase-ascii-slug>")
		}
	default:
		c.errorAt(e, "type", "invalid type %q (want person, organization, country or place)", e.Type)
	}
	switch {
	case e.Country == "" && e.Type != TypePlace:
		c.errorf(e, "missing country")
	case e.Country != "" && !ValidCountry(e.Country):
		c.errorAt(e, "country", "invalid country %q (want ISO 3166-1 alpha-3 or INT)", e.Country)
	}
	if e.Sector != "" {
		if _, ok := Sectors[e.Sector]; !ok {
			c.errorAt(e, "sector", "invalid sector %q", e.Sector)
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
					c.errorAt(e, "form "+f, "%s name %q has surrounding spaces", lang, f)
				}
			}
		}
	}
	// A wrong type has been reported: what it rules out would only repeat it.
	knownType := e.Type == TypePerson || e.Type == TypeOrganization || e.Type == TypeCountry || e.Type == TypePlace
	if len(e.Unique) > 0 && knownType {
		c.unique(e)
	}
	if len(e.Adjectives) > 0 && e.Type != TypeCountry && knownType {
		c.errorAt(e, "adjectives", "adjectives are for countries only")
	}
	if len(e.Positions) > 0 && e.Type != TypePerson && knownType {
		c.errorAt(e, "position 1", "positions are for persons only")
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
		c.errorAt(e, "unique", "unique is for persons only")
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
			c.errorAt(e, "unique", "unique form %q is not one word", u)
		}
		if !names[Fold(u)] {
			c.errorAt(e, "unique", "unique form %q is not among the names", u)
		}
	}
}

func (c *checker) positions(e *Entity) {
	for i, p := range e.Positions {
		// Made when there is a problem: most positions have none.
		label := func() string { return fmt.Sprintf("position %d (%s)", i+1, p.Title) }
		part := func() string { return fmt.Sprintf("position %d", i+1) }
		if p.Org != "" {
			switch org := c.entityByID(p.Org); {
			case org == nil:
				c.errorAt(e, part(), "%s: unknown org %q", label(), p.Org)
			case org.Type != TypeOrganization:
				c.errorAt(e, part(), "%s: org %q is a %s, not an organization", label(), p.Org, org.Type)
			}
		}
		if p.Sector != "" {
			if _, ok := Sectors[p.Sector]; !ok {
				c.errorAt(e, part(), "%s: invalid sector %q", label(), p.Sector)
			}
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.Compare(p.From) < 0 {
			c.errorAt(e, part(), "%s: to %s is before from %s", label(), p.To, p.From)
		}
		for j := 0; j < i; j++ {
			q := e.Positions[j]
			if q.Title == p.Title && termsOverlap(p, q) {
				c.errorAt(e, part(), "%s overlaps position %d of the same title (%s–%s and %s–%s)",
					label(), j+1, q.From, q.To, p.From, p.To)
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
		if e == nil || e.fromFtM {
			// A data set names many people alike and cannot say why
			// in a note; the tagger leaves a shared name unresolved
			// rather than guess.
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
				if c.own != nil && !c.own[a.e] && !c.own[b.e] {
					continue // two of the default's: its own test checks them
				}
				if noteLists(a.e.Note, k) || noteLists(b.e.Note, k) {
					continue
				}
				if c.own != nil && c.own[a.e] && !c.own[b.e] {
					a, b = b, a // report it where the user can fix it
				}
				c.errorAt(b.e, "form "+b.form, "name %q collides with %q of %s (%s); add a note that lists it (%s) and says why both keep it",
					b.form, a.form, a.e.ID, locAt(a.e, "form "+a.form), strconv.Quote(b.form))
			}
		}
	}
}

// locAt is where a part of e is, "file:line".
func locAt(e *Entity, part string) string {
	file, _ := splitWhere(e.File)
	if l := e.Lines[part]; l > 0 && file != "built-in" {
		return fmt.Sprintf("%s:%d", file, l)
	}
	return locOf(e)
}

// noteLists reports whether a note lists the surface form whose [Fold]
// is key, in double quotes ("…", “…”, „…“ or «…»).
func noteLists(note, key string) bool {
	for note != "" {
		i := strings.IndexAny(note, "\"“„«")
		if i < 0 {
			return false
		}
		open, size := utf8.DecodeRuneInString(note[i:])
		note = note[i+size:]
		close := map[rune]string{'"': "\"", '“': "”", '„': "“”", '«': "»"}[open]
		j := strings.IndexAny(note, close)
		if j < 0 {
			return false
		}
		if Fold(note[:j]) == key {
			return true
		}
		_, size = utf8.DecodeRuneInString(note[j:])
		note = note[j+size:]
	}
	return false
}
