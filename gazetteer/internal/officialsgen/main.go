// Command officialsgen turns officials.tsv, the table of state officials
// of 17 countries and, since its world extension, of 102 more (see
// OFFICIALS-README.md), into the gazetteer's data/officials.yaml: one
// person entity per person, one position per term and office, with titles
// and organisations from offices.go (world.go for the world extension),
// positions from extra-positions.yaml, and the one-word forms listed in
// unique-surnames.txt marked unique. Shared names get a note naming the
// other entities of data/ that hold them.
//
// The output is deterministic: the same inputs give the same bytes. Run it
// through `go generate ./gazetteer/...` (it runs in the gazetteer folder).
package main

import (
	"flag"
	"os"
	"path/filepath"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/gazetteer/internal/gen"
)

// asOf is the date officials.tsv was compiled (OFFICIALS-README.md,
// "Compiled on"). Its newest sources are from about June–July 2026: an
// open term means "in office according to the latest source found".
const asOf = "2026-11-26"

func main() {
	dir := flag.String("dir", filepath.Join("internal", "officialsgen"), "folder with officials.tsv, extra-positions.yaml and unique-surnames.txt")
	data := flag.String("data", "data", "folder with the hand-written and world entities, for titles and name collisions")
	out := flag.String("o", filepath.Join("data", "officials.yaml"), "output file")
	flag.Parse()
	gen.Main("officialsgen", *dir, *data, *out, readSources, generate)
}

// sources are the generator's inputs, read before any work so that the
// test can run generate on the very files main uses.
type sources struct {
	tsv, extra, unique []byte
	countries          map[string]string   // code → English name, from the country entities
	others             []*gazetteer.Entity // the hand-written and world entities, for name collisions
}

func readSources(dir, data string) (sources, error) {
	s := sources{countries: map[string]string{}}
	for _, f := range []string{"countries.yaml", "world.yaml", "places.yaml", "organizations.yaml", "persons.yaml"} {
		b, err := os.ReadFile(filepath.Join(data, f))
		if err != nil {
			return s, err
		}
		ents, err := gazetteer.Parse(f, b)
		if err != nil {
			return s, err
		}
		s.others = append(s.others, ents...)
		for _, e := range ents {
			if e.Type == gazetteer.TypeCountry {
				s.countries[e.Country] = e.Name
			}
		}
	}
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"officials.tsv", &s.tsv}, {"extra-positions.yaml", &s.extra}, {"unique-surnames.txt", &s.unique}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			return s, err
		}
		*f.dst = b
	}
	return s, nil
}
