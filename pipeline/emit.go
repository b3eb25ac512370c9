package pipeline

import (
	"fmt"
	"slices"
	"sort"
	"time"
	"unsafe"

	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/extractors/roles"
	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// emit turns the findings of the earlier stages into the document record,
// mapping every normalised offset back to the original text.
func (p *Pipeline) emit(w *work) {
	if w.err != nil {
		return
	}
	// The original text as one string, once: every span's text is a
	// substring of it (no allocation or copy per span), and the Encoder
	// recognises such texts and copies their JSON from one escaping of
	// the whole text (Result.text). A text the source made for the
	// document alone is that string already (Document.own).
	if w.doc.own {
		w.src = unsafe.String(unsafe.SliceData(w.doc.Text), len(w.doc.Text))
	} else {
		w.src = string(w.doc.Text)
	}
	a := newArena(p.cfg.ReuseRecords)
	w.arena = a
	a.segments = room(a, a.segments, len(w.segs))
	a.entities = room(a, a.entities, len(w.found)+len(w.roles.Discovered))
	a.events = room(a, a.events, len(w.events))
	a.rec = DocumentRecord{
		Schema:         Schema,
		Kind:           KindDocument,
		Doc:            w.ref,
		Lang:           w.lang,
		LangConfidence: round2(w.conf),
		// Sized up front (and never nil: the JSON says [] for none).
		Segments: a.segments,
		Entities: a.entities,
		Events:   a.events,
	}
	rec := &a.rec
	rec.Warnings = append(rec.Warnings, w.doc.Warnings...)
	for _, off := range w.norm.Invalid {
		rec.Warnings = append(rec.Warnings, fmt.Sprintf("invalid UTF-8 repaired at byte %d", off))
	}
	asOf, _ := parseDay(w.ref.Published)
	if !p.cfg.EventsOnly { // else the segments and entities stay empty
		for _, s := range w.segs {
			rec.Segments = append(rec.Segments, Segment{Lang: s.Lang, Confidence: round2(s.Confidence), Span: w.span(s.Start, s.End)})
		}
		// The entities' mentions in one slab (see eventSlabs).
		n := 0
		for _, f := range w.found {
			n += len(f.Mentions)
		}
		for _, d := range w.roles.Discovered {
			n += len(d.Mentions)
		}
		a.mentions = room(a, a.mentions, n)
		for _, f := range w.found {
			rec.Entities = append(rec.Entities, entityRecord(w, f, asOf, &a.mentions))
		}
		addRoles(w, rec, asOf, &a.mentions)
	}
	sl := &a.slabs
	sl.size(a, w.events)
	for i := range w.events {
		// Made in place: an event record is some 360 bytes, copied twice
		// on its way out of a function and into the list.
		rec.Events = append(rec.Events, EventRecord{})
		p.eventRecord(&rec.Events[len(rec.Events)-1], w, &w.events[i], asOf, sl)
	}
	if p.cfg.IncludeText {
		text := w.src
		rec.Text = &text
	}
	w.rec = rec
}

// span maps the normalised byte range [ns, ne) to a Span of the original.
func (w *work) span(ns, ne int) Span {
	s := w.offsets(ns, ne)
	s.Text = w.src[s.Byte[0]:s.Byte[1]]
	return s
}

// mentionTexts sets the Text of each mention's span: substrings of the
// original text, like every span's.
func (w *work) mentionTexts(ms []Mention) {
	for i := range ms {
		ms[i].Text = w.src[ms[i].Byte[0]:ms[i].Byte[1]]
	}
}

// offsets is span without the text. normalize.Text.Chars is a table
// look-up, so each offset is converted on its own, in any order.
func (w *work) offsets(ns, ne int) Span {
	os, oe := w.norm.Span(ns, ne)
	return Span{
		Byte: [2]int{os, oe},
		Char: [2]int{w.norm.Chars(os), w.norm.Chars(oe)},
	}
}

// langAt returns the language of the text at normalised offset off: the
// segment's that covers it, else the document's.
func (w *work) langAt(off int) string {
	if w.segsOK == 0 {
		w.segsOK = orderedSegments(w.segs)
	}
	if w.segsOK > 0 {
		// Ends ascend: the first segment ending after off is the only one
		// that may cover it.
		i := sort.Search(len(w.segs), func(i int) bool { return w.segs[i].End > off })
		if i < len(w.segs) && w.segs[i].Start <= off {
			return w.segs[i].Lang
		}
		return w.lang
	}
	for _, s := range w.segs {
		if s.Start <= off && off < s.End {
			return s.Lang
		}
	}
	return w.lang
}

// orderedSegments is 1 when segs are in order and do not overlap (at most
// one covers an offset), else -1.
func orderedSegments(segs []langid.Segment) int8 {
	for i, s := range segs {
		if s.End < s.Start || i > 0 && s.Start < segs[i-1].End {
			return -1
		}
	}
	return 1
}

func entityRecord(w *work, f tagger.Finding, asOf gazetteer.Date, ms *[]Mention) EntityRecord {
	e := f.Entity
	rec := EntityRecord{
		ID:      e.ID,
		Type:    e.Type,
		Name:    e.Name,
		Country: e.Country,
		Sector:  e.Sector,
		Source:  "gazetteer",
	}
	setPositions(w, &rec, e, asOf, "")
	rec.CameoActor = cameoActor(rec.Country, rec.Sector)
	rec.Mentions = cut(ms, len(f.Mentions))
	for _, m := range f.Mentions {
		rec.Mentions = append(rec.Mentions, Mention{Span: w.offsets(m.Start, m.End), Lang: w.langAt(m.Start), Match: m.Match})
	}
	w.mentionTexts(rec.Mentions)
	return rec
}

// setPositions sets the position of rec held on asOf (the one roleText
// names, else the highest-ranking), its sector, and all positions held
// when there are several.
func setPositions(w *work, rec *EntityRecord, e *gazetteer.Entity, asOf gazetteer.Date, roleText string) {
	// Most entities hold one position on a day: it is the one PositionsAt
	// would choose, without its list (an allocation per entity).
	var pos *gazetteer.Position
	var held []*gazetteer.Position
	if p, n := coveringPosition(e, asOf); n == 1 {
		pos = p
	} else if n > 1 {
		pos, held = PositionsAt(e, asOf, roleText)
	}
	rec.Position, rec.Positions, rec.Sector = nil, nil, e.Sector
	if pos == nil {
		return
	}
	asOfText := dateText(asOf) // once for all the positions
	rec.Position = w.positionRecord(pos, asOfText)
	if pos.Sector != "" {
		rec.Sector = pos.Sector
	}
	if len(held) > 1 {
		rec.Positions = make([]Position, 0, len(held))
		for _, p := range held {
			rec.Positions = append(rec.Positions, *w.positionRecord(p, asOfText))
		}
	}
}

// coveringPosition returns the first position e held on d, and how many
// it held (counting stops at two).
func coveringPosition(e *gazetteer.Entity, d gazetteer.Date) (*gazetteer.Position, int) {
	var first *gazetteer.Position
	for i := range e.Positions {
		if e.Positions[i].Covers(d) {
			if first != nil {
				return first, 2
			}
			first = &e.Positions[i]
		}
	}
	if first == nil {
		return nil, 0
	}
	return first, 1
}

// positionRecord returns the record of pos as held on the day asOf.
func (w *work) positionRecord(pos *gazetteer.Position, asOf string) *Position {
	// The record and the strings its pointers point to, in one box; the
	// boxes of a document come eight to an allocation.
	if len(w.positions) == cap(w.positions) {
		w.positions = w.arena.nextBoxes()
	}
	w.positions = w.positions[:len(w.positions)+1]
	b := &w.positions[len(w.positions)-1]
	*b = positionBox{org: pos.Org, from: dateText(pos.From), to: dateText(pos.To)}
	b.Position = Position{Title: pos.Title, Org: optionalIn(&b.org), From: optionalIn(&b.from), To: optionalIn(&b.to), AsOf: asOf}
	return &b.Position
}

// positionBox is a position record with the strings its pointers point to.
type positionBox struct {
	Position
	org, from, to string
}

// optionalIn is s, or nil when *s is empty (an absent optional field):
// the record points at the string its box holds.
func optionalIn(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}

// addRoles gives tagged entities the role the text states next to them,
// and adds the officials and agencies that only role patterns found
// (source "pattern"), keeping the entities in order of first mention.
func addRoles(w *work, rec *DocumentRecord, asOf gazetteer.Date, ms *[]Mention) {
	if len(w.roles.Roles) == 0 && len(w.roles.Discovered) == 0 {
		return
	}
	roleOf := make(map[string]string, len(w.roles.Roles))
	for _, r := range w.roles.Roles {
		roleOf[r.Entity.ID] = r.Text
	}
	for i := range rec.Entities {
		if rt, ok := roleOf[rec.Entities[i].ID]; ok {
			er := &rec.Entities[i]
			er.RoleText = w.originalText(rt, w.roles.Roles, er.ID)
			if len(er.Positions) > 1 {
				// The office the text names, among those held on the date.
				for _, r := range w.roles.Roles {
					if r.Entity.ID == er.ID {
						setPositions(w, er, r.Entity, asOf, er.RoleText)
						er.CameoActor = cameoActor(er.Country, er.Sector)
					}
				}
			}
		}
	}
	for _, d := range w.roles.Discovered {
		er := EntityRecord{
			ID:       d.ID,
			Type:     d.Type,
			Name:     d.Name,
			Country:  d.Country,
			Sector:   d.Sector,
			Source:   "pattern",
			RoleText: d.RoleText,
		}
		er.CameoActor = cameoActor(er.Country, er.Sector)
		if d.RoleText != "" {
			er.RoleText = w.span(d.Role.Start, d.Role.End).Text
		}
		er.Mentions = cut(ms, len(d.Mentions))
		for _, m := range d.Mentions {
			er.Mentions = append(er.Mentions, Mention{Span: w.offsets(m.Start, m.End), Lang: w.langAt(m.Start), Match: m.Match})
		}
		w.mentionTexts(er.Mentions)
		rec.Entities = append(rec.Entities, er)
	}
	sortByFirstMention(rec.Entities)
}

// sortByFirstMention orders entity records by their first mention's byte
// offset, keeping the order of equal offsets (slices.SortStableFunc's
// order): it sorts keys of offset and index, and moves each record once
// (along the cycles of the permutation), instead of moving records of
// some 200 bytes at every step of a stable sort. TestSortByFirstMention
// holds it to slices.SortStableFunc.
func sortByFirstMention(es []EntityRecord) {
	if slices.IsSortedFunc(es, func(a, b EntityRecord) int { return a.Mentions[0].Byte[0] - b.Mentions[0].Byte[0] }) {
		return
	}
	if len(es) >= 1<<20 {
		slices.SortStableFunc(es, func(a, b EntityRecord) int { return a.Mentions[0].Byte[0] - b.Mentions[0].Byte[0] })
		return
	}
	var kb [64]uint64
	keys := kb[:0]
	if len(es) > len(kb) {
		keys = make([]uint64, 0, len(es))
	}
	keys = keys[:len(es)]
	for i := range es {
		off := es[i].Mentions[0].Byte[0]
		if off < 0 || off >= 1<<43 {
			slices.SortStableFunc(es, func(a, b EntityRecord) int { return a.Mentions[0].Byte[0] - b.Mentions[0].Byte[0] })
			return
		}
		keys[i] = uint64(off)<<20 | uint64(i)
	}
	slices.Sort(keys) // the index breaks ties: stable
	// Position k takes the record at index keys[k]&(1<<20-1); follow
	// each cycle once, holding one record aside.
	for start := range keys {
		src := int(keys[start] & (1<<20 - 1))
		if src == start || keys[start] == ^uint64(0) {
			continue
		}
		held := es[start]
		k := start
		for {
			from := int(keys[k] & (1<<20 - 1))
			keys[k] = ^uint64(0) // done
			if from == start {
				es[k] = held
				break
			}
			es[k] = es[from]
			k = from
		}
	}
}

// originalText returns the role text of entity id as the original text
// spells it (normalisation may have changed quotes or dashes in it).
func (w *work) originalText(normalised string, rs []roles.Role, id string) string {
	for _, r := range rs {
		if r.Entity.ID == id {
			return w.span(r.Start, r.End).Text
		}
	}
	return normalised
}

// cameoActor composes a CAMEO actor code from country and sector:
// "RUS"+"GOV" → "RUSGOV"; international bodies are "IGO".
func cameoActor(country, sector string) string {
	switch {
	case country == "INT":
		return "IGO"
	case country == "":
		return sector
	}
	return country + sector
}

func round2(f float64) float64 {
	return float64(int(f*100+0.5)) / 100
}

// parseDay parses a YYYY-MM-DD publication date; "" is the zero Date.
func parseDay(s string) (gazetteer.Date, error) {
	if s == "" {
		return gazetteer.Date{}, nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return gazetteer.Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return gazetteer.ParseDate(s)
}
