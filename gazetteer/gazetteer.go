package gazetteer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// Gazetteer is a set of entities with unique ids. It is immutable once
// built and safe for concurrent use; callers must not modify the entities
// it hands out.
type Gazetteer struct {
	entities []*Entity
	byID     map[string]*Entity
	version  string
}

// New builds a gazetteer from entities, in the order given. It rejects
// duplicate ids (run [Check] first for the full list of problems).
func New(entities []*Entity) (*Gazetteer, error) {
	return newGazetteer(append([]*Entity(nil), entities...))
}

// newGazetteer is [New] taking entities for its own.
func newGazetteer(entities []*Entity) (*Gazetteer, error) {
	g := &Gazetteer{
		entities: entities,
		byID:     make(map[string]*Entity, len(entities)),
	}
	for _, e := range g.entities {
		if e == nil {
			return nil, fmt.Errorf("gazetteer: nil entity")
		}
		if prev, dup := g.byID[e.ID]; dup {
			return nil, fmt.Errorf("gazetteer: %s: duplicate id %q (first at %s)", locOf(e), e.ID, locOf(prev))
		}
		g.byID[e.ID] = e
	}
	g.version = contentVersion(g.entities)
	return g, nil
}

// Entities returns every entity, in the order New was given them.
func (g *Gazetteer) Entities() []*Entity { return append([]*Entity(nil), g.entities...) }

// Entity returns the entity with the given id, or nil.
func (g *Gazetteer) Entity(id string) *Entity { return g.byID[id] }

// Version identifies the gazetteer's content: "<as-of>+<8 hex>", the
// latest as-of date of its files and the start of a SHA-256 over its
// entities in a canonical form (sorted by id, without file locations), so
// moving an entity between files keeps the version and changing a fact
// changes it. The as-of part is "unknown" when no file is dated.
func (g *Gazetteer) Version() string { return g.version }

// Merge returns base with over laid on top: an entity of over replaces the
// base entity of the same id in place, the others are appended in order.
// Neither input is modified.
func Merge(base, over []*Entity) []*Entity {
	overByID := make(map[string]*Entity, len(over))
	for _, e := range over {
		overByID[e.ID] = e
	}
	out := make([]*Entity, 0, len(base)+len(over))
	used := make(map[string]bool, len(over))
	for _, e := range base {
		if o, ok := overByID[e.ID]; ok {
			if !used[e.ID] {
				out = append(out, o)
				used[e.ID] = true
			}
			continue
		}
		out = append(out, e)
	}
	for _, e := range over {
		if !used[e.ID] {
			out = append(out, e)
			used[e.ID] = true
		}
	}
	return out
}

func locOf(e *Entity) string {
	if e.File == "" {
		return "built-in"
	}
	return e.File
}

// canonical is what the version hashes: every fact of an entity, none of
// its provenance. encoding/json sorts map keys, which makes it canonical.
type canonical struct {
	ID, Type, Name, Country, Sector string
	Names, Short, Adjectives        map[string][]string
	Unique                          []string
	Positions                       []canonicalPosition
	Note                            string
}

type canonicalPosition struct {
	Title, Org, Sector, From, To string
}

func contentVersion(entities []*Entity) string {
	sorted := sortedByID(entities)
	h := sha256.New()
	var (
		buf       []byte
		asOf      Date
		positions []canonicalPosition // reused: a million names hold hundreds of thousands of positions
		dates     = map[Date]string{} // their dates' strings, a few thousand distinct ones
	)
	date := func(d Date) string {
		s, ok := dates[d]
		if !ok {
			s = d.String()
			dates[d] = s
		}
		return s
	}
	for _, e := range sorted {
		c := canonical{
			ID: e.ID, Type: e.Type, Name: e.Name, Country: e.Country, Sector: e.Sector,
			Names: e.Names, Short: e.Short, Adjectives: e.Adjectives, Unique: e.Unique, Note: e.Note,
		}
		if len(e.Positions) > 0 {
			positions = positions[:0]
			for _, p := range e.Positions {
				positions = append(positions, canonicalPosition{p.Title, p.Org, p.Sector, date(p.From), date(p.To)})
			}
			c.Positions = positions
		}
		buf = appendCanonical(buf[:0], &c)
		h.Write(buf)
		if dateAfter(e.AsOf, asOf) {
			asOf = e.AsOf
		}
	}
	day := asOf.String()
	if day == "" {
		day = "unknown"
	}
	return day + "+" + hex.EncodeToString(h.Sum(nil))[:8]
}

// dateAfter reports whether a is strictly after b, comparing partial dates
// field by field (Compare would call "2026" equal to "2026-11-26").
func dateAfter(a, b Date) bool {
	if a.Year != b.Year {
		return a.Year > b.Year
	}
	if a.Month != b.Month {
		return a.Month > b.Month
	}
	return a.Day > b.Day
}

// sortedByID returns the entities sorted by id, those with one id in
// their order (a stable sort). It sorts the ids beside their places
// rather than the entities: a comparison then reads no entity, and
// pdqsort with the place as tie-break is stable and several times
// faster than slices.SortStableFunc (half a second at a million names).
func sortedByID(entities []*Entity) []*Entity {
	type idAt struct {
		id string
		at int
	}
	ids := make([]idAt, len(entities))
	for i, e := range entities {
		ids[i] = idAt{e.ID, i}
	}
	slices.SortFunc(ids, func(a, b idAt) int {
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return a.at - b.at
	})
	sorted := make([]*Entity, len(entities))
	for i, x := range ids {
		sorted[i] = entities[x.at]
	}
	return sorted
}
