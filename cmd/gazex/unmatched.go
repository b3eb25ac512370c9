package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
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

// write prints the YAML stub.
func (u *unmatched) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	cands := u.ranked()
	fmt.Fprintf(bw, "# gazex unmatched: %d candidates found only by role patterns in %d documents,\n", len(cands), u.docs)
	fmt.Fprintf(bw, "# ranked by the number of documents and mentions. Check each one (and add\n")
	fmt.Fprintf(bw, "# dated positions you are sure of) before pasting it into a gazetteer file.\n")
	for _, c := range cands {
		countryOrder := make([]string, 0, len(c.countries))
		for k := range c.countries {
			countryOrder = append(countryOrder, k)
		}
		slices.Sort(countryOrder)
		country := mostFrequent(c.countries, countryOrder)

		fmt.Fprintln(bw)
		var note []string
		if rt := mostFrequent(c.roleTexts, c.roleOrder); rt != "" {
			note = append(note, "role_text: "+strconv.Quote(rt))
		}
		note = append(note, fmt.Sprintf("count: %d %s in %d %s", c.mentions, plural(c.mentions, "mention"), c.docs, plural(c.docs, "document")))
		note = append(note, "example: "+c.example)
		fmt.Fprintf(bw, "# %s\n", strings.Join(note, "; "))
		fmt.Fprintf(bw, "- id: %s\n", yamlString(c.id))
		fmt.Fprintf(bw, "  type: %s\n", c.typ)
		fmt.Fprintf(bw, "  name: %s\n", yamlString(c.name))
		if country != "" {
			fmt.Fprintf(bw, "  country: %s\n", country)
		}
		if c.sector != "" {
			fmt.Fprintf(bw, "  sector: %s\n", c.sector)
		}
		langs := make([]string, 0, len(c.names))
		for l := range c.names {
			langs = append(langs, l)
		}
		slices.Sort(langs)
		if len(langs) > 0 {
			fmt.Fprintln(bw, "  names:")
			for _, l := range langs {
				forms := make([]string, len(c.names[l]))
				for i, f := range c.names[l] {
					forms[i] = yamlString(f)
				}
				fmt.Fprintf(bw, "    %s: [%s]\n", l, strings.Join(forms, ", "))
			}
		}
	}
	return bw.Flush()
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
