package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"sync"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/extractors/events"
	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/extractors/roles"
	"github.com/gazex/gazex/gazetteer"
)

// extract is the stage that finds events (with their dates, places,
// attribution and modality) in the tagged sentences. It is safe for
// concurrent use: the extractor is immutable.
//
// Relative dates are anchored on the document's publication date; when the
// document has none, on one inferred from a dateline in its first lines
// ([dates.Published]), or else from an anniversary the text counts
// ([dates.Anniversary]: month precision). The inferred date only anchors
// event dates: doc.published stays as given.
func (p *Pipeline) extract(w *work) {
	if w.err != nil || w.lang == langid.Und {
		return
	}
	text := w.norm.Norm
	sc := getExtractScratch()
	defer putExtractScratch(sc)
	in := events.Input{Text: text, Tokens: w.toks, Sentences: slices.Grow(sc.sents[:0], len(w.sents))}
	for _, s := range w.sents {
		in.Sentences = append(in.Sentences, events.Sentence{Start: s.Start, End: s.End, Lang: w.langAt(s.Start)})
	}
	n := 0 // the mentions, counted first: one allocation for all of them
	for _, f := range w.found {
		n += len(f.Mentions)
	}
	for _, d := range w.roles.Discovered {
		n += len(d.Mentions)
	}
	in.Mentions = slices.Grow(sc.mentions[:0], n)
	for _, f := range w.found {
		for _, m := range f.Mentions {
			in.Mentions = append(in.Mentions, events.Mention{Start: m.Start, End: m.End, Entity: f.Entity})
		}
	}
	// Officials and agencies the role patterns found take part like the
	// gazetteer's: "Verteidigungsminister Mario Kunasek sagte" has a
	// speaker even when the gazetteer does not know him.
	for _, d := range w.roles.Discovered {
		e := &gazetteer.Entity{ID: d.ID, Type: d.Type, Name: d.Name, Country: d.Country, Sector: d.Sector}
		role := official(p.events, d) // once per entity, not per mention
		for _, m := range d.Mentions {
			in.Mentions = append(in.Mentions, events.Mention{Start: m.Start, End: m.End, Entity: e, Role: role})
		}
	}
	sc.merged = sortMentions(in.Mentions, sc.merged)
	if a, err := dates.ParseAnchor(w.ref.Published); err == nil && !a.IsZero() {
		in.Anchor = a
	} else if a, ok := dates.Published(text); ok {
		in.Anchor = a
	} else if a, ok := dates.Anniversary(text); ok {
		in.Anchor = a
	}
	w.events = p.events.Extract(in)
	sc.sents, sc.mentions = in.Sentences, in.Mentions
	putTokens(w.toks) // nothing after extract reads the tokens
	w.toks = nil
}

// extractScratch is what extract builds for the events extractor and
// drops when it returns (the events hold none of it: they copy what they
// take from the mentions): kept for the next document in a pool.
type extractScratch struct {
	sents    []events.Sentence
	mentions []events.Mention
	merged   []events.Mention // sortMentions' other half
}

var extractScratchPool sync.Pool

func getExtractScratch() *extractScratch {
	if sc, ok := extractScratchPool.Get().(*extractScratch); ok {
		return sc
	}
	return &extractScratch{}
}

// maxPooledMentions bounds the lists kept: a huge document's go back to
// the garbage collector.
const maxPooledMentions = 1 << 14

func putExtractScratch(sc *extractScratch) {
	if cap(sc.mentions) > maxPooledMentions || cap(sc.merged) > maxPooledMentions || cap(sc.sents) > maxPooledMentions {
		return
	}
	clear(sc.mentions[:cap(sc.mentions)]) // drop the entities: they may be a document's own
	clear(sc.merged[:cap(sc.merged)])
	extractScratchPool.Put(sc)
}

// official reports whether an entity the role patterns found acts for a
// state: an agency, or a person whose role names a state office
// ("Verteidigungsminister", "la diputada", "Governor"), or a head of
// something the text places in a country ("der israelische
// Parlamentspräsident"), or a party office ("der Chef der FPÖ, Herbert
// Kickl", "el portavoz de ERC"): parties act in politics (ANNOTATION.md).
// A head of something else ("DSGV-Präsident", "Sprecher") does not.
func official(x *events.Extractor, d roles.Entity) bool {
	if d.Type == gazetteer.TypeOrganization {
		return d.Country != "" || x.Office(d.Name)
	}
	return d.Sector == "PTY" || d.RoleText != "" && (d.Country != "" || x.Office(d.RoleText))
}

// tokenPool holds token slices for reuse between documents: tokens are the
// largest allocation per document (56 bytes a token), and reusing them
// spares the garbage collector a scan of the language models per few
// megabytes of news.
var tokenPool sync.Pool

// maxPooledTokens bounds the slices kept: a huge document's tokens go
// back to the garbage collector.
const maxPooledTokens = 1 << 18

func getTokens() []gazetteer.Token {
	if p, ok := tokenPool.Get().(*[]gazetteer.Token); ok {
		return (*p)[:0]
	}
	return nil
}

func putTokens(toks []gazetteer.Token) {
	if toks == nil || cap(toks) > maxPooledTokens {
		return
	}
	clear(toks) // drop the strings: they keep the text's foldings alive
	toks = toks[:0]
	tokenPool.Put(&toks)
}

// sortMentions orders mentions by Start, keeping the order of equal
// starts: slices.SortStableFunc's order. The mentions come grouped by
// entity, each entity's in text order: a handful of ascending runs.
// Sorted ones are left as they are; others are distributed by their
// start into about as many buckets as there are mentions, in order
// (bucketMentions: two passes and a stable insertion sort of what shares
// a bucket), or, when the starts crowd into few buckets or one is
// negative, the runs are merged pairwise, a pass per doubling of the runs
// (mergeRuns). TestSortMentions holds it to slices.SortStableFunc.
//
// buf is scratch room; sortMentions returns it, grown if it had to be,
// for the next call.
func sortMentions(ms, buf []events.Mention) []events.Mention {
	var bb [32]int
	bounds := append(bb[:0], 0) // run r is ms[bounds[r]:bounds[r+1]]
	lo, hi := 0, 0              // the least and greatest start
	if len(ms) > 0 {
		lo, hi = ms[0].Start, ms[0].Start
	}
	for i := 1; i < len(ms); i++ {
		s := ms[i].Start
		if s < ms[i-1].Start {
			bounds = append(bounds, i)
		}
		lo, hi = min(lo, s), max(hi, s)
	}
	if len(bounds) == 1 {
		return buf // sorted already
	}
	buf = slices.Grow(buf[:0], len(ms))[:len(ms)]
	if lo >= 0 && bucketMentions(ms, buf, lo, hi) {
		return buf
	}
	mergeRuns(ms, buf, append(bounds, len(ms)))
	return buf
}

// bucketMentions sorts ms (starts lo to hi, lo >= 0) through buf, of its
// length: a count of the mentions per bucket of 1<<shift starts, their
// places from the counts, each mention put in its place, and an
// insertion sort that moves each back past the greater starts of its
// bucket. It reports false, with ms as it was, when that insertion sort
// would move more than a few mentions per mention.
func bucketMentions(ms, buf []events.Mention, lo, hi int) bool {
	shift := uint(0)
	for (hi-lo)>>shift > len(ms) {
		shift++
	}
	nb := (hi-lo)>>shift + 2
	var small [258]int32
	var at []int32
	if nb <= len(small) {
		at = small[:nb]
	} else {
		at = make([]int32, nb)
	}
	for i := range ms {
		at[(ms[i].Start-lo)>>shift+1]++
	}
	for b := 1; b < nb; b++ {
		at[b] += at[b-1]
	}
	for i := range ms {
		b := (ms[i].Start - lo) >> shift
		buf[at[b]] = ms[i]
		at[b]++
	}
	moves, limit := 0, 4*len(ms)
	for i := 1; i < len(buf); i++ {
		if buf[i].Start >= buf[i-1].Start {
			continue
		}
		m, j := buf[i], i
		for ; j > 0 && buf[j-1].Start > m.Start; j-- {
			buf[j] = buf[j-1]
		}
		buf[j] = m
		if moves += i - j; moves > limit {
			return false
		}
	}
	copy(ms, buf)
	return true
}

// mergeRuns sorts ms, whose run r is ms[bounds[r]:bounds[r+1]], by
// merging the runs pairwise through buf, of its length.
func mergeRuns(ms, buf []events.Mention, bounds []int) {
	src, dst := ms, buf
	for len(bounds) > 2 {
		w := 1
		for r := 0; r+1 < len(bounds); r += 2 {
			lo, mid, hi := bounds[r], bounds[r+1], bounds[r+1]
			if r+2 < len(bounds) {
				hi = bounds[r+2]
			}
			mergeMentions(dst[lo:hi], src[lo:mid], src[mid:hi])
			bounds[w] = hi // bounds[r:] is read already
			w++
		}
		bounds = bounds[:w]
		src, dst = dst, src
	}
	if &src[0] != &ms[0] {
		copy(ms, src)
	}
}

// mergeMentions merges the ascending runs a and b into dst, a's first
// among equal starts.
func mergeMentions(dst, a, b []events.Mention) {
	k := 0
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			dst[k], b = b[0], b[1:]
		} else {
			dst[k], a = a[0], a[1:]
		}
		k++
	}
	k += copy(dst[k:], a)
	copy(dst[k:], b)
}

// eventID is the event's stable identifier: "ev_" and the first 8 bytes,
// in hex, of the SHA-256 of "docID\x00type\x00start\x00end" (the trigger's
// normalised offsets in decimal).
func eventID(docID, typ string, start, end int) string {
	var buf [128]byte
	b := append(buf[:0], docID...)
	b = append(append(b, 0), typ...)
	b = strconv.AppendInt(append(b, 0), int64(start), 10)
	b = strconv.AppendInt(append(b, 0), int64(end), 10)
	sum := sha256.Sum256(b)
	var id [3 + 16]byte // "ev_" and the hex: one allocation, the string
	copy(id[:], "ev_")
	hex.Encode(id[3:], sum[:8])
	return string(id[:])
}

// dateValue is v.String(), without fmt for the dates of news (years 1 to
// 9999; gazetteer.Date writes those by hand): every event with a date
// has one.
func dateValue(v dates.Value) string {
	d, inRange := gazetteer.Date{Year: v.Year}, true // gazetteer.Date omits a zero month or day
	switch v.Granularity {
	case dates.Year:
	case dates.Month:
		d.Month, inRange = v.Month, 1 <= v.Month && v.Month <= 99
	default:
		d.Month, d.Day = v.Month, v.Day
		inRange = 1 <= v.Month && v.Month <= 99 && 1 <= v.Day && v.Day <= 99
	}
	if !inRange || v.Year < 1 || v.Year > 9999 {
		return v.String()
	}
	return dateText(d)
}

// eventSlabs hold the parts of a document's event records that would
// otherwise be allocated one by one per event (participant and
// attribution lists, mention and date spans, PLOVER, date and place
// records): one allocation each per document, sized by size (none with
// Config.ReuseRecords, once the arena's are large enough). The records
// point into them, and so keep them alive, like any other allocation.
type eventSlabs struct {
	parts   []EventParticipant
	attrs   []EventAttribution
	spans   []Span
	plovers []Plover
	dates   []EventDate
	places  []EventPlace
}

// size makes the slabs, of arena a, empty with room for the records of
// evs.
func (sl *eventSlabs) size(a *recordArena, evs []events.Event) {
	var parts, attrs, spans, plovers, dates, places int
	for i := range evs {
		ev := &evs[i]
		parts += len(ev.Participants)
		attrs += len(ev.Attribution)
		spans += len(ev.Participants)
		if ev.Plover != "" {
			plovers++
		}
		if ev.Date != nil {
			dates++
			if ev.Date.End > ev.Date.Start {
				spans++
			}
		}
		if ev.Place != nil {
			places++
		}
	}
	sl.parts, sl.attrs = room(a, sl.parts, parts), room(a, sl.attrs, attrs)
	sl.spans, sl.plovers = room(a, sl.spans, spans), room(a, sl.plovers, plovers)
	sl.dates, sl.places = room(a, sl.dates, dates), room(a, sl.places, places)
}

// clear drops what the slabs' records point to.
func (sl *eventSlabs) clear() {
	clear(sl.parts)
	clear(sl.attrs)
	clear(sl.spans)
	clear(sl.plovers)
	clear(sl.dates)
	clear(sl.places)
}

// cut cuts the next n elements off the slab *s: an empty slice of
// capacity n (never nil: a record's empty list is JSON []), whose appends
// stay within its n elements. A slab too small (it never is: eventSlabs.size
// and emit count what eventRecord and the entity records take) falls back
// to an allocation of its own.
func cut[T any](s *[]T, n int) []T {
	l := len(*s)
	if cap(*s)-l < n {
		return make([]T, 0, n)
	}
	*s = (*s)[:l+n]
	return (*s)[l : l : l+n]
}

// eventRecord turns one event finding into its record, *rec, mapping
// offsets back to the original text.
func (p *Pipeline) eventRecord(rec *EventRecord, w *work, ev *events.Event, pubAsOf gazetteer.Date, sl *eventSlabs) {
	*rec = EventRecord{
		ID:           eventID(w.ref.ID, ev.Type, ev.TrigStart, ev.TrigEnd),
		Type:         ev.Type,
		Cameo:        ev.Cameo,
		Lang:         ev.Lang,
		Sentence:     w.span(ev.SentStart, ev.SentEnd),
		Trigger:      w.span(ev.TrigStart, ev.TrigEnd),
		Participants: cut(&sl.parts, len(ev.Participants)), // [] for none
		Topic:        ev.Topic,
		Attribution:  cut(&sl.attrs, len(ev.Attribution)),
		Modality:     EventModality{Negated: ev.Modality.Negated, Future: ev.Modality.Future, Hypothetical: ev.Modality.Hypothetical},
		Confidence:   ev.Confidence,
		Provenance:   Provenance{Version: "gazex " + Version, Gazetteer: p.cfg.GazetteerVersion, Rules: ev.Rules},
	}
	if ev.Plover != "" {
		rec.Plover = &cut(&sl.plovers, 1)[:1][0]
		*rec.Plover = Plover{Type: ev.Plover, Contexts: ev.Contexts}
		if rec.Plover.Contexts == nil {
			rec.Plover.Contexts = []string{}
		}
	}
	asOf := pubAsOf
	if ev.Date != nil {
		d := &cut(&sl.dates, 1)[:1][0]
		*d = EventDate{Value: dateValue(ev.Date.Value), Granularity: ev.Date.Granularity, Method: ev.Date.Method}
		if ev.Date.End > ev.Date.Start {
			sp := &cut(&sl.spans, 1)[:1][0]
			*sp = w.span(ev.Date.Start, ev.Date.End)
			d.Span = sp
		}
		rec.Date = d
		if ev.Date.Granularity == dates.Day || ev.Date.Granularity == dates.Week {
			asOf = gazetteer.Date{Year: ev.Date.Year, Month: ev.Date.Month, Day: ev.Date.Day}
		}
	}
	mentions := cut(&sl.spans, len(ev.Participants))[:len(ev.Participants)]
	asOfText := "" // asOf.String(), once for the participants
	for i, pt := range ev.Participants {
		e := pt.Entity
		mentions[i] = w.span(pt.Start, pt.End)
		ep := EventParticipant{Role: pt.Role, Entity: e.ID, Name: e.Name, Type: e.Type, Country: e.Country, Sector: e.Sector, Mention: &mentions[i]}
		if pos := e.PositionAt(asOf); pos != nil && !asOf.IsZero() {
			if asOfText == "" {
				asOfText = dateText(asOf)
			}
			ep.Position = w.positionRecord(pos, asOfText)
			if pos.Sector != "" {
				ep.Sector = pos.Sector
			}
		}
		rec.Participants = append(rec.Participants, ep)
	}
	if pl := ev.Place; pl != nil {
		rec.Place = &cut(&sl.places, 1)[:1][0]
		*rec.Place = EventPlace{Entity: pl.Entity.ID, Name: pl.Entity.Name, Country: pl.Entity.Country, Span: w.span(pl.Start, pl.End)}
	}
	for _, a := range ev.Attribution {
		rec.Attribution = append(rec.Attribution, EventAttribution{Relation: a.Relation, Entity: a.Entity.ID, Name: a.Entity.Name, Span: w.span(a.Start, a.End)})
	}
}
