package roles

import (
	"strings"
	"sync"

	"github.com/gazex/gazex/third_party/prose"
)

// englishNER proposes person names in English text with prose's
// named-entity model (third_party/prose: upstream's model and answers,
// ~20 times cheaper). The model is loaded once, on first use (~0.01 s;
// German and Spanish input never pays it), and then only read: one model
// serves every goroutine.
type englishNER struct {
	once  sync.Once
	model *prose.Model
}

func (e *englishNER) load() *prose.Model {
	e.once.Do(func() {
		defer func() { _ = recover() }() // broken model data: run without it
		if m, err := prose.Load(); err == nil {
			e.model = m
		}
	})
	return e.model
}

// persons returns the PERSON entities prose finds in an English sentence,
// as prose spells them (tokens joined by single spaces).
func (e *englishNER) persons(sentence string) (out []string) {
	m := e.load()
	if m == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil // no panics on input: prose's own errors become "no names"
		}
	}()
	return m.Persons(sentence)
}

// prosePerson returns the part of the capitalised run [p, end) that prose
// calls a PERSON, in the English sentence around it.
func (d *doc) prosePerson(p, end int) (int, int, bool) {
	names, ok := d.prose[int(d.sent[p])]
	if !ok {
		s, e := p, p
		for s > 0 && d.same(s-1, p) {
			s--
		}
		for e+1 < len(d.toks) && d.same(e+1, p) {
			e++
		}
		names = d.x.english.persons(d.text[d.toks[s].Start:d.toks[e].End])
		if d.prose == nil {
			d.prose = map[int][]string{}
		}
		d.prose[int(d.sent[p])] = names
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, name := range names {
		want := squash(name)
		for a := p; a < end; a++ {
			for b := end; b > a; b-- {
				if squash(d.text[d.toks[a].Start:d.toks[b-1].End]) == want {
					return a, b, true
				}
			}
		}
	}
	return 0, 0, false
}
