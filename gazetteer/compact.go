package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// This file is the compact form of a list of entities: what `go generate`
// writes of the embedded default gazetteer (data/default.bin), so that a
// process decodes its 5,000 entities in a millisecond instead of parsing
// a megabyte of YAML. The YAML files stay the source; a test fails when
// the compact form is not the one they give.
//
// The form is a header line, the content version of the entities, then
// varints: the number of entities and each entity's fields, then their
// index as [Compile] builds it (decoding it costs a tenth of building
// it: the maps are filled, not searched and grown); strings are
// references (offset, length) into a pool of distinct strings at the end,
// so that a decoded entity's strings are slices of the embedded data and
// cost nothing to make. Lists and maps record whether they are nil (a
// count of n+1, 0 for nil): the content version tells null from [].

// compactMagic starts the compact form; its version changes with the form.
const compactMagic = "gazex compact gazetteer 1\n"

// MarshalCompact returns the compact form of entities read from gazetteer
// files (their locations and lines included), which [UnmarshalCompact]
// turns back into equal entities. It is for the generator of the embedded
// default; FollowTheMoney entities are not accepted (their form would need
// a flag it does not have).
func MarshalCompact(entities []*Entity) ([]byte, error) {
	w := &compactWriter{strs: map[string]int{}}
	g, err := New(entities)
	if err != nil {
		return nil, err
	}
	w.uint(uint64(len(entities)))
	for _, e := range entities {
		if e.broken || e.fromFtM {
			return nil, fmt.Errorf("gazetteer: %s: only whole entities read from YAML have a compact form", locOf(e))
		}
		w.entity(e)
	}
	w.index(compile(entities), entities)
	out := append([]byte(compactMagic), g.Version()...)
	out = append(out, '\n')
	out = binary.AppendUvarint(out, uint64(len(w.buf)))
	out = append(out, w.buf...)
	return append(out, w.pool...), nil
}

type compactWriter struct {
	buf  []byte
	pool []byte
	strs map[string]int // string → its offset in pool
}

func (w *compactWriter) uint(n uint64) { w.buf = binary.AppendUvarint(w.buf, n) }

func (w *compactWriter) str(s string) {
	off, ok := w.strs[s]
	if !ok {
		off = len(w.pool)
		w.pool = append(w.pool, s...)
		w.strs[s] = off
	}
	w.uint(uint64(off))
	w.uint(uint64(len(s)))
}

// count writes the length of a list or map that may be nil.
func (w *compactWriter) count(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *compactWriter) strs1(list []string) {
	w.count(len(list), list == nil)
	for _, s := range list {
		w.str(s)
	}
}

func (w *compactWriter) forms(m map[string][]string) {
	w.count(len(m), m == nil)
	for _, lang := range sortedKeys(m) {
		w.str(lang)
		w.strs1(m[lang])
	}
}

func (w *compactWriter) date(d Date) {
	w.uint(uint64(d.Year))
	w.uint(uint64(d.Month))
	w.uint(uint64(d.Day))
}

func (w *compactWriter) entity(e *Entity) {
	parts := make([]string, 0, len(e.Lines))
	for part := range e.Lines {
		parts = append(parts, part)
	}
	slices.Sort(parts)
	// A form's line is recorded under "form F": put that in the pool
	// first, so that F itself is a slice of it rather than a second copy.
	for _, part := range parts {
		if form, ok := strings.CutPrefix(part, "form "); ok {
			if _, ok := w.strs[part]; !ok {
				w.strs[part] = len(w.pool)
				w.pool = append(w.pool, part...)
				if _, ok := w.strs[form]; !ok {
					w.strs[form] = w.strs[part] + len("form ")
				}
			}
		}
	}
	for _, s := range []string{e.ID, e.Type, e.Name, e.Country, e.Sector, e.Note, e.File} {
		w.str(s)
	}
	w.forms(e.Names)
	w.forms(e.Short)
	w.forms(e.Adjectives)
	w.strs1(e.Unique)
	w.count(len(e.Positions), e.Positions == nil)
	for _, p := range e.Positions {
		w.str(p.Title)
		w.str(p.Org)
		w.str(p.Sector)
		w.date(p.From)
		w.date(p.To)
	}
	w.date(e.AsOf)
	w.count(len(e.Lines), e.Lines == nil)
	for _, part := range parts {
		w.str(part)
		w.uint(uint64(e.Lines[part]))
	}
}

// index writes the compiled index of entities: its keys in the order of
// their numbers, the root's children, the edges below it in the order of
// their keys, each node's first entry, and the entries, whose entity is
// its place in entities.
func (w *compactWriter) index(ix *Index, entities []*Entity) {
	place := make(map[*Entity]int, len(entities))
	for i, e := range entities {
		place[e] = i
	}
	keys := make([]string, len(ix.keys))
	for k, n := range ix.keys {
		keys[n-1] = k
	}
	w.uint(uint64(len(keys)))
	for _, k := range keys {
		w.str(k)
	}
	w.uint(uint64(ix.nodes))
	for _, c := range ix.root[1:] {
		w.uint(uint64(c))
	}
	edges := make([]uint64, 0, len(ix.edges))
	for e := range ix.edges {
		edges = append(edges, e)
	}
	slices.Sort(edges)
	w.uint(uint64(len(edges)))
	for _, e := range edges {
		w.uint(e)
		w.uint(uint64(ix.edges[e]))
	}
	for _, a := range ix.at {
		w.uint(uint64(a))
	}
	w.uint(uint64(len(ix.entries)))
	for i := range ix.entries {
		en := &ix.entries[i]
		w.uint(uint64(place[en.Entity]))
		flags := uint64(en.Kind) << 2
		if en.canonical {
			flags |= 1
		}
		if en.formFolds {
			flags |= 2
		}
		w.uint(flags)
		w.str(en.Lang)
		w.str(en.Form)
		w.str(en.folds)
		w.uint(en.shapes)
	}
}

// index reads what compactWriter.index wrote.
func (r *compactReader) index(entities []*Entity) *Index {
	nkeys := r.int()
	if r.err != nil || nkeys > len(r.data) {
		r.err = errCompact
		return nil
	}
	ix := &Index{keys: make(map[string]uint32, nkeys)}
	for n := range nkeys {
		ix.keys[r.str()] = uint32(n + 1)
	}
	ix.nodes = uint32(r.int())
	if r.err != nil || int(ix.nodes) > len(r.data) {
		r.err = errCompact
		return nil
	}
	ix.root = make([]uint32, nkeys+1)
	for k := range nkeys {
		ix.root[k+1] = r.node(ix.nodes)
	}
	nedges := r.int()
	if r.err != nil || nedges > len(r.data) {
		r.err = errCompact
		return nil
	}
	ix.edges = make(map[uint64]uint32, nedges)
	for range nedges {
		e := r.uint()
		ix.edges[e] = r.node(ix.nodes)
	}
	ix.at = make([]uint32, ix.nodes+1)
	for n := range ix.at {
		ix.at[n] = uint32(r.int())
	}
	nentries := r.int()
	if r.err != nil || nentries > len(r.data) {
		r.err = errCompact
		return nil
	}
	ix.entries = make([]Entry, nentries)
	for i := range ix.entries {
		en := &ix.entries[i]
		if p := r.int(); p < len(entities) {
			en.Entity = entities[p]
		} else {
			r.err = errCompact
		}
		flags := r.uint()
		en.Kind, en.canonical, en.formFolds = Kind(flags>>2), flags&1 != 0, flags&2 != 0
		en.Lang, en.Form, en.folds = r.str(), r.str(), r.str()
		en.shapes = r.uint()
	}
	for n := range ix.nodes {
		if ix.at[n] > ix.at[n+1] || ix.at[n+1] > uint32(nentries) {
			r.err = errCompact
		}
	}
	if r.err != nil {
		return nil
	}
	ix.markRuns()
	return ix
}

// node reads a node number below nodes.
func (r *compactReader) node(nodes uint32) uint32 {
	n := r.uint()
	if n >= uint64(nodes) {
		r.err = errCompact
		return 0
	}
	return uint32(n)
}

var errCompact = errors.New("gazetteer: compact form: truncated or corrupt")

// UnmarshalCompact decodes what [MarshalCompact] wrote: the entities, and
// the content version they had ([Gazetteer.Version]). Their strings are
// slices of data, which must not change afterwards.
func UnmarshalCompact(data string) ([]*Entity, string, error) {
	ents, version, _, err := unmarshalCompact(data)
	return ents, version, err
}

// unmarshalCompact is [UnmarshalCompact], with the index of the entities
// (what [Compile] builds of them).
func unmarshalCompact(data string) ([]*Entity, string, *Index, error) {
	rest, ok := strings.CutPrefix(data, compactMagic)
	if !ok {
		return nil, "", nil, fmt.Errorf("gazetteer: compact form: not %q", strings.TrimSpace(compactMagic))
	}
	version, rest, ok := strings.Cut(rest, "\n")
	if !ok {
		return nil, "", nil, errCompact
	}
	r := &compactReader{data: rest}
	n := r.uint()
	if r.err != nil || n > uint64(len(rest)-r.at) {
		return nil, "", nil, errCompact
	}
	r.pool = r.data[r.at+int(n):]
	r.data = r.data[:r.at+int(n)]
	count := r.uint()
	if r.err != nil || count > uint64(len(r.data)) {
		return nil, "", nil, errCompact
	}
	// One allocation for the entities, one for the pointers to them.
	ents := make([]Entity, count)
	out := make([]*Entity, count)
	for i := range ents {
		r.entity(&ents[i])
		out[i] = &ents[i]
	}
	ix := r.index(out)
	if r.err != nil || r.at != len(r.data) {
		return nil, "", nil, errCompact
	}
	return out, version, ix, nil
}

type compactReader struct {
	data, pool string
	at         int
	err        error
	// slabs from which the many small lists are cut
	strSlab []string
	posSlab []Position
}

func (r *compactReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	var n uint64
	var shift uint
	for r.at < len(r.data) {
		b := r.data[r.at]
		r.at++
		if b < 0x80 {
			return n | uint64(b)<<shift
		}
		n |= uint64(b&0x7f) << shift
		shift += 7
		if shift > 63 {
			break
		}
	}
	r.err = errCompact
	return 0
}

func (r *compactReader) int() int {
	n := r.uint()
	if n > 1<<31 {
		r.err = errCompact
		return 0
	}
	return int(n)
}

func (r *compactReader) str() string {
	off, n := r.int(), r.int()
	if r.err != nil || off+n > len(r.pool) {
		r.err = errCompact
		return ""
	}
	return r.pool[off : off+n]
}

// count reads the length of a list or map; nil reports a nil one.
func (r *compactReader) count() (n int, isNil bool) {
	c := r.int()
	if c == 0 || r.err != nil {
		return 0, true
	}
	if c-1 > len(r.data)-r.at { // every element takes a byte at least
		r.err = errCompact
		return 0, true
	}
	return c - 1, false
}

func (r *compactReader) strs() []string {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	if n == 0 {
		return []string{} // not nil: cut from a nil slab it would be
	}
	if len(r.strSlab) < n {
		r.strSlab = make([]string, max(n, 1024))
	}
	out := r.strSlab[:n:n]
	r.strSlab = r.strSlab[n:]
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *compactReader) forms() map[string][]string {
	n, isNil := r.count()
	if isNil {
		return nil
	}
	m := make(map[string][]string, n)
	for range n {
		lang := r.str()
		m[lang] = r.strs()
	}
	return m
}

func (r *compactReader) date() Date {
	return Date{Year: r.int(), Month: r.int(), Day: r.int()}
}

func (r *compactReader) entity(e *Entity) {
	e.ID, e.Type, e.Name, e.Country, e.Sector, e.Note, e.File = r.str(), r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
	e.Names = r.forms()
	e.Short = r.forms()
	e.Adjectives = r.forms()
	e.Unique = r.strs()
	if n, isNil := r.count(); !isNil {
		e.Positions = []Position{}
		if n > 0 && len(r.posSlab) < n {
			r.posSlab = make([]Position, max(n, 512))
		}
		if n > 0 {
			e.Positions = r.posSlab[:n:n]
			r.posSlab = r.posSlab[n:]
		}
		for i := range e.Positions {
			p := &e.Positions[i]
			p.Title, p.Org, p.Sector = r.str(), r.str(), r.str()
			p.From, p.To = r.date(), r.date()
		}
	}
	e.AsOf = r.date()
	if n, isNil := r.count(); !isNil {
		e.Lines = make(map[string]int, n)
		for range n {
			part := r.str()
			e.Lines[part] = r.int()
		}
	}
}
