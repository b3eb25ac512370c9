package main

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestSampledRowsResolveOnADateInTheirTerm does what `gazex gazetteer lookup
// NAME --date D` does for every 7th row of officials.tsv: the person's full
// name must find the person in the default gazetteer's compiled index, and
// on a day inside the row's term the person must hold the row's office.
func TestSampledRowsResolveOnADateInTheirTerm(t *testing.T) {
	src, err := readSources(".", "../../data")
	require.NoError(t, err)
	ents, err := gazetteer.Default()
	require.NoError(t, err)
	ix := gazetteer.Compile(ents)
	rows := strings.Split(strings.TrimSpace(string(src.tsv)), "\n")[1:]
	checked := 0
	for i := 0; i < len(rows); i += 7 {
		f := strings.Split(rows[i], "\t")
		country, off, name, start, end := f[0], f[1], f[2], f[3], f[4]
		eras, _, err := erasFor(country, off, name, start, src.countries)
		require.NoError(t, err, rows[i])
		d, ok := inside(start, end)
		if !ok {
			continue // a partial start: no day surely inside
		}
		var e *gazetteer.Entity
		for _, en := range ix.Lookup(name) {
			if en.Entity.ID == "person/"+gazetteer.Slug(name) {
				e = en.Entity
			}
		}
		if !assert.NotNil(t, e, "line %d: %q not found", i+2, name) {
			continue
		}
		require.NotNil(t, e.PositionAt(d), "line %d: %s holds nothing on %s", i+2, name, d)
		var held []string
		for _, p := range e.Positions {
			if p.Covers(d) {
				held = append(held, strings.TrimPrefix(p.Title, "Acting "))
			}
		}
		want := eras[0].title
		for _, era := range eras[1:] {
			if from, _ := gazetteer.ParseDate(era.from); d.Compare(from) >= 0 {
				want = era.title
			}
		}
		assert.Contains(t, held, want, "line %d: %s on %s", i+2, name, d)
		checked++
	}
	assert.Greater(t, checked, 200)
}

// inside returns a day inside a term: its middle, or 30 days after its
// start when it is open.
func inside(start, end string) (gazetteer.Date, bool) {
	a, err := time.Parse("2006-01-02", start)
	if err != nil {
		return gazetteer.Date{}, false
	}
	b := a.AddDate(0, 0, 60)
	if end != "" {
		if b, err = time.Parse("2006-01-02", end); err != nil {
			return gazetteer.Date{}, false
		}
	}
	m := a.Add(b.Sub(a) / 2)
	return gazetteer.Date{Year: m.Year(), Month: int(m.Month()), Day: m.Day()}, true
}
