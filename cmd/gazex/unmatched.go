package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/gazex/gazex/extractors/roles"
	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// emitUnmatched is the --emit mode of the curation loop: no records, but
// at the end a YAML stub of the officials and agencies that only role
// patterns found (SPEC section 4 format), ready to review and paste into
// a gazetteer file.
const emitUnmatched = "unmatched"

// unmatched gathers the pattern-found entities of a run, across documents.
type unmatched struct {
	docs  int
	byKey map[string]*candidateStat
	order []*candidateStat
}

// candidateStat is one candidate entity over all documents.
type candidateStat struct {
	id, typ, name, sector string
	countries             map[string]int
	roleTexts             map[string]int
	roleOrder             []string
	names                 map[string][]string // surface forms by language, in order of appearance
	seen                  map[string]bool     // folded surface forms already listed
	mentions, docs        int
	example               string // the first document naming it
}

func newUnmatched() *unmatched {
	return &unmatched{byKey: map[string]*candidateStat{}}
}

// add counts the pattern-found entities of one document.
func (u *unmatched) add(doc *pipeline.DocumentRecord) {
	if doc == nil {
		return
	}
	u.docs++
	for _, e := range doc.Entities {
		if e.Source != "pattern" {
			continue
		}
		key := e.Type + "|" + roles.Slug(e.Name)
		c := u.byKey[key]
		if c == nil {
			c = &candidateStat{
				id: e.ID, typ: e.Type, name: e.Name,
				countries: map[string]int{}, roleTexts: map[string]int{},
				names: map[string][]string{}, seen: map[string]bool{},
				example: doc.Doc.ID,
			}
			u.byKey[key] = c
			u.order = append(u.order, c)
		}
		c.docs++
		c.mentions += len(e.Mentions)
		if c.sector == "" {
			c.sector = e.Sector
		}
		if e.Country != "" {
			c.countries[e.Country]++
		}
		if e.RoleText != "" {
			if c.roleTexts[e.RoleText] == 0 {
				c.roleOrder = append(c.roleOrder, e.RoleText)
			}
			c.roleTexts[e.RoleText]++
		}
		for _, m := range e.Mentions {
			// Full forms only: a surname alone is added by the gazetteer
			// loader's coreference, and inflected heads are noise.
			if m.Match != roles.MatchPattern && len(strings.Fields(m.Text)) < 2 {
				continue
			}
			f := gazetteer.Fold(m.Text)
			if c.seen[m.Lang+"|"+f] {
				continue
			}
			c.seen[m.Lang+"|"+f] = true
			c.names[m.Lang] = append(c.names[m.Lang], strings.Join(strings.Fields(m.Text), " "))
		}
	}
}

// ranked returns the candidates by the number of documents that name
// them, then of mentions, then by id.
func (u *unmatched) ranked() []*candidateStat {
	out := slices.Clone(u.order)
	slices.SortStableFunc(out, func(a, b *candidateStat) int {
		if a.docs != b.docs {
			return b.docs - a.docs
		}
		if a.mentions != b.mentions {
			return b.mentions - a.mentions
		}
		return strings.Compare(a.id, b.id)
	})
	return out
}

// mostFrequent returns the key with the highest count, the first listed
// on ties (order is the order of first appearance).
func mostFrequent(counts map[string]int, order []string) string {
	best := ""
	for _, k := range order {
		if counts[k] > counts[best] {
			best = k
		}
	}
	return best
}

// write prints the YAML stub. Every entry it lists passes `gazetteer
// check` against the default gazetteer: what the text did not say (a
// country) is never guessed, so a candidate the format cannot take without
// it — or whose names another entity already has — is written as a
// commented-out entry with the reason, for the curator to complete.
func (u *unmatched) write(w io.Writer) error {
	cands := u.ranked()
	blocks := make([]string, len(cands))
	for i, c := range cands {
		blocks[i] = c.yaml()
	}
	reasons, err := rejected(blocks)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# gazex unmatched: %d candidates found only by role patterns in %d documents,\n", len(cands), u.docs)
	fmt.Fprintf(bw, "# ranked by the number of documents and mentions. Check each one (and add\n")
	fmt.Fprintf(bw, "# dated positions you are sure of) before pasting it into a gazetteer file.\n")
	if n := len(reasons); n > 0 {
		fmt.Fprintf(bw, "# %d of them are commented out: the text did not give what the format requires\n", n)
		fmt.Fprintf(bw, "# (a country), or the gazetteer already has their names.\n")
	}
	for i, c := range cands {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "# %s\n", c.note())
		why, ok := reasons[i]
		if !ok {
			bw.WriteString(blocks[i])
			continue
		}
		fmt.Fprintf(bw, "# left out: %s\n", strings.Join(why, "; "))
		for _, line := range strings.SplitAfter(blocks[i], "\n") {
			if line != "" {
				bw.WriteString("#   " + line)
			}
		}
	}
	return bw.Flush()
}

// note is the comment line above a candidate: its role, counts and an
// example document.
func (c *candidateStat) note() string {
	var note []string
	if rt := mostFrequent(c.roleTexts, c.roleOrder); rt != "" {
		note = append(note, "role_text: "+strconv.Quote(rt))
	}
	note = append(note, fmt.Sprintf("count: %d %s in %d %s", c.mentions, plural(c.mentions, "mention"), c.docs, plural(c.docs, "document")))
	note = append(note, "example: "+c.example)
	return strings.Join(note, "; ")
}

// yaml returns the candidate's gazetteer entry, one field a line; fields
// the texts did not give are left out.
func (c *candidateStat) yaml() string {
	var b strings.Builder
	countryOrder := make([]string, 0, len(c.countries))
	for k := range c.countries {
		countryOrder = append(countryOrder, k)
	}
	slices.Sort(countryOrder)
	country := mostFrequent(c.countries, countryOrder)
	fmt.Fprintf(&b, "- id: %s\n", yamlString(c.id))
	fmt.Fprintf(&b, "  type: %s\n", c.typ)
	fmt.Fprintf(&b, "  name: %s\n", yamlString(c.name))
	if country != "" {
		fmt.Fprintf(&b, "  country: %s\n", country)
	}
	if c.sector != "" {
		fmt.Fprintf(&b, "  sector: %s\n", c.sector)
	}
	langs := make([]string, 0, len(c.names))
	for l := range c.names {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	if len(langs) > 0 {
		fmt.Fprintln(&b, "  names:")
		for _, l := range langs {
			forms := make([]string, len(c.names[l]))
			for i, f := range c.names[l] {
				forms[i] = yamlString(f)
			}
			fmt.Fprintf(&b, "    %s: [%s]\n", l, strings.Join(forms, ", "))
		}
	}
	return b.String()
}

// rejected runs the checks of `gazetteer check` over the default
// gazetteer and the blocks, and returns the problems of each block that
// fails them, by index. A block that collides with an earlier block is
// the one rejected, so the loop ends when no block fails.
func rejected(blocks []string) (map[int][]string, error) {
	def, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	out := map[int][]string{}
	for {
		var doc strings.Builder
		var starts []int // first line of each listed block
		index := []int{}
		line := 1
		for i, b := range blocks {
			if _, bad := out[i]; bad {
				continue
			}
			starts = append(starts, line)
			index = append(index, i)
			doc.WriteString(b)
			line += strings.Count(b, "\n")
		}
		const file = "unmatched.yaml"
		ents, err := gazetteer.Parse(file, []byte(doc.String()))
		if err != nil {
			return nil, fmt.Errorf("unmatched stub: %w", err)
		}
		found := false
		for _, e := range gazetteer.Check(append(slices.Clone(def), ents...)) {
			var ge *gazetteer.Error
			if !errors.As(e, &ge) || ge.File != file {
				continue
			}
			k := sort.SearchInts(starts, ge.Line+1) - 1
			if k < 0 {
				continue
			}
			msg := ge.Msg
			if _, rest, ok := strings.Cut(msg, ": "); ok {
				msg = rest
			}
			out[index[k]] = append(out[index[k]], msg)
			found = true
		}
		if !found {
			return out, nil
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// yamlString writes s as a plain YAML scalar when it is a name of letters,
// digits, spaces, dots, hyphens and apostrophes, and double-quoted (with
// escapes YAML shares with Go) otherwise.
func yamlString(s string) string {
	plain := s != "" && unicode.IsLetter([]rune(s)[0]) && !strings.HasSuffix(s, " ")
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune(" .-'’/", r)) {
			plain = false
			break
		}
	}
	switch strings.ToLower(s) {
	case "yes", "no", "true", "false", "null", "on", "off", "y", "n":
		plain = false
	}
	if plain {
		return s
	}
	return strconv.Quote(s)
}
