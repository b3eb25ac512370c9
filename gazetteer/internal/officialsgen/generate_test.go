package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

func TestGenerateIsDeterministicAndCommitted(t *testing.T) {
	src, err := readSources(".", filepath.Join("..", "..", "data"))
	require.NoError(t, err)
	first, err := generate(src)
	require.NoError(t, err)
	second, err := generate(src)
	require.NoError(t, err)
	require.Equal(t, string(first), string(second), "map order must not leak into the output")

	committed, err := os.ReadFile(filepath.Join("..", "..", "data", "officials.yaml"))
	require.NoError(t, err)
	assert.Equal(t, string(first), string(committed), "data/officials.yaml is stale: run go generate ./gazetteer/...")

	ents, err := gazetteer.Parse("officials.yaml", first)
	require.NoError(t, err)
	persons := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(src.tsv)), "\n") {
		if i > 0 {
			persons[strings.Split(line, "\t")[2]] = true
		}
	}
	assert.Len(t, ents, len(persons), "one entity per person of the TSV")
	for _, e := range ents {
		assert.Equal(t, gazetteer.Date{Year: 2026, Month: 11, Day: 26}, e.AsOf)
	}
}

func TestOfficesPointIntoTheDefaultGazetteer(t *testing.T) {
	ents, err := gazetteer.Default()
	require.NoError(t, err)
	g, err := gazetteer.New(ents)
	require.NoError(t, err)
	check := func(where string, eras []office) {
		for _, o := range eras {
			if o.from != "" {
				_, err := gazetteer.ParseDate(o.from)
				assert.NoError(t, err, where)
			}
			if o.org != "" {
				e := g.Entity(o.org)
				if assert.NotNil(t, e, "%s: %s", where, o.org) {
					assert.Equal(t, gazetteer.TypeOrganization, e.Type)
				}
			}
		}
	}
	for country, byOffice := range offices {
		assert.Contains(t, countryNames, country)
		for off, eras := range byOffice {
			check(country+"|"+off, eras)
		}
	}
	for key, o := range overrides {
		check(key, o.eras)
	}
}

func TestSplit(t *testing.T) {
	eras := []office{{"", "Old", "org/a"}, {"2020-01-13", "New", "org/b"}}
	d := func(s string) gazetteer.Date {
		x, err := gazetteer.ParseDate(s)
		require.NoError(t, err)
		return x
	}
	tests := []struct {
		name     string
		from, to string
		want     []string // title from–to
	}{
		{"before", "2018-06-07", "2019-05-01", []string{"Old 2018-06-07–2019-05-01"}},
		{"after", "2021", "", []string{"New 2021–"}},
		{"spanning", "2018-06-07", "2023-11-21", []string{"Old 2018-06-07–2020-01-13", "New 2020-01-13–2023-11-21"}},
		{"open", "2018-06-07", "", []string{"Old 2018-06-07–2020-01-13", "New 2020-01-13–"}},
		{"ends on the boundary", "2018-06-07", "2020-01-13", []string{"Old 2018-06-07–2020-01-13"}},
		{"partial end may be the boundary", "2018", "2020-01", []string{"Old 2018–2020-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var to gazetteer.Date
			if tt.to != "" {
				to = d(tt.to)
			}
			var got []string
			for _, p := range split(eras, d(tt.from), to) {
				got = append(got, p.Title+" "+p.From.String()+"–"+p.To.String())
				assert.Equal(t, "GOV", p.Sector)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Álvaro López Miera": "alvaro-lopez-miera",
		"Robert C. O'Brien":  "robert-c-o-brien",
		"H. R. McMaster":     "h-r-mcmaster",
		"Freddy Ñáñez":       "freddy-nanez",
		"Elizabeth II":       "elizabeth-ii",
	} {
		assert.Equal(t, want, slug(in), in)
	}
}

func TestUniqueListIsChecked(t *testing.T) {
	src, err := readSources(".", filepath.Join("..", "..", "data"))
	require.NoError(t, err)
	tests := []struct{ name, list, want string }{
		{"no one", "Nobodyknows\n", `"Nobodyknows" is no one's one-word name`},
		{"two people", "Khamenei\n", `"Khamenei" names person/ali-khamenei, person/mojtaba-khamenei: not unique`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := src
			s.unique = []byte(tt.list)
			_, err := generate(s)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
