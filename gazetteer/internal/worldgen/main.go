// Command worldgen writes the gazetteer's data/world.yaml: the countries
// that the hand-written data/countries.yaml does not hold (every other UN
// member state and the usual others, countries.txt) and capitals and large
// cities (cities.txt) that data/places.yaml does not hold.
//
// Country names come from CLDR (golang.org/x/text/language/display) in
// German, Spanish and English, with the additions and removals that
// countries.txt lists; nationality adjectives are written there by hand.
// The output is deterministic. Run it through `go generate ./gazetteer/...`
// (it runs in the gazetteer folder).
package main

import (
	"flag"
	"os"
	"path/filepath"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/gazetteer/internal/gen"
)

func main() {
	dir := flag.String("dir", filepath.Join("internal", "worldgen"), "folder with countries.txt and cities.txt")
	data := flag.String("data", "data", "folder with the hand-written countries.yaml and places.yaml")
	out := flag.String("o", filepath.Join("data", "world.yaml"), "output file")
	flag.Parse()
	gen.Main("worldgen", *dir, *data, *out, readSources, generate)
}

type sources struct {
	countries, cities, bodies []byte
	have                      map[string]bool     // ids the hand-written files hold
	handCountries             []*gazetteer.Entity // data/countries.yaml
	orgShort                  map[string][]string // country → folded short forms of its hand-written organisations
}

func readSources(dir, data string) (sources, error) {
	s := sources{have: map[string]bool{}, orgShort: map[string][]string{}}
	var err error
	if s.countries, err = os.ReadFile(filepath.Join(dir, "countries.txt")); err != nil {
		return s, err
	}
	if s.cities, err = os.ReadFile(filepath.Join(dir, "cities.txt")); err != nil {
		return s, err
	}
	if s.bodies, err = os.ReadFile(filepath.Join(dir, "bodies.txt")); err != nil {
		return s, err
	}
	for _, f := range []string{"countries.yaml", "places.yaml", "organizations.yaml", "agencies.yaml"} {
		b, err := os.ReadFile(filepath.Join(data, f))
		if err != nil {
			return s, err
		}
		ents, err := gazetteer.Parse(f, b)
		if err != nil {
			return s, err
		}
		for _, e := range ents {
			s.have[e.ID] = true
			switch e.Type {
			case gazetteer.TypeCountry:
				s.handCountries = append(s.handCountries, e)
			case gazetteer.TypeOrganization:
				for _, forms := range e.Short {
					for _, f := range forms {
						s.orgShort[e.Country] = append(s.orgShort[e.Country], gazetteer.Fold(f))
					}
				}
				for _, forms := range e.Names {
					for _, f := range forms {
						s.orgShort[e.Country] = append(s.orgShort[e.Country], gazetteer.Fold(f))
					}
				}
			}
		}
	}
	return s, nil
}
