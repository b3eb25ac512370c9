package pipeline

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gazex/gazex/internal/swar"
)

// The records' JSON, written without reflection: the same bytes as
// encoding/json with SetEscapeHTML(false) writes for them, at a fraction of
// the cost (encoding was ~5% of a news run). The appenders know the record
// types field by field; recordShapes says which fields those are, and
// appendersFit checks at start-up that the types still have exactly them.
// When a field was added, removed or changed and the appenders were not
// brought along, the Encoder goes back to encoding/json — slower, never
// different — and TestAppendersFitRecords fails until they are.

// appendersFit reports whether the record types are still the ones the
// appenders below write.
var appendersFit = func() bool {
	for _, t := range []reflect.Type{
		reflect.TypeFor[DocumentRecord](), reflect.TypeFor[DocRef](), reflect.TypeFor[Span](),
		reflect.TypeFor[Segment](), reflect.TypeFor[EntityRecord](), reflect.TypeFor[Position](),
		reflect.TypeFor[Mention](), reflect.TypeFor[EventRecord](), reflect.TypeFor[Plover](),
		reflect.TypeFor[EventParticipant](), reflect.TypeFor[EventDate](), reflect.TypeFor[EventPlace](),
		reflect.TypeFor[EventAttribution](), reflect.TypeFor[EventModality](), reflect.TypeFor[Provenance](),
	} {
		if recordShapes[t.Name()] != shapeOf(t) {
			return false
		}
	}
	return true
}()

// shapeOf lists t's fields: name, type and tag.
func shapeOf(t reflect.Type) string {
	var b strings.Builder
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Fprintf(&b, "%s %s %q;", f.Name, f.Type, f.Tag)
	}
	return b.String()
}

// recordShapes are the shapeOf of the record types the appenders write.
var recordShapes = map[string]string{
	"DocumentRecord":   `Schema string "json:\"schema\"";Kind string "json:\"kind\"";Doc pipeline.DocRef "json:\"doc\"";Lang string "json:\"lang\"";LangConfidence float64 "json:\"lang_confidence\"";Segments []pipeline.Segment "json:\"segments\"";Entities []pipeline.EntityRecord "json:\"entities\"";Events []pipeline.EventRecord "json:\"events\"";Warnings []string "json:\"warnings,omitempty\"";Text *string "json:\"text,omitempty\"";`,
	"DocRef":           `ID string "json:\"id\"";Path string "json:\"path,omitempty\"";URL string "json:\"url,omitempty\"";Published string "json:\"published,omitempty\"";SHA256 string "json:\"sha256\"";`,
	"Span":             `Text string "json:\"text\"";Byte [2]int "json:\"byte\"";Char [2]int "json:\"char\"";`,
	"Segment":          `Lang string "json:\"lang\"";Confidence float64 "json:\"confidence\"";Span pipeline.Span "json:\"span\"";`,
	"EntityRecord":     `Schema string "json:\"schema,omitempty\"";Kind string "json:\"kind,omitempty\"";Doc *pipeline.DocRef "json:\"doc,omitempty\"";ID string "json:\"id\"";Type string "json:\"type\"";Name string "json:\"name\"";Country string "json:\"country,omitempty\"";Sector string "json:\"sector,omitempty\"";CameoActor string "json:\"cameo_actor,omitempty\"";Position *pipeline.Position "json:\"position\"";Positions []pipeline.Position "json:\"positions,omitempty\"";Source string "json:\"source\"";RoleText string "json:\"role_text,omitempty\"";Mentions []pipeline.Mention "json:\"mentions\"";`,
	"Position":         `Title string "json:\"title\"";Org *string "json:\"org\"";From *string "json:\"from\"";To *string "json:\"to\"";AsOf string "json:\"as_of\"";`,
	"Mention":          `Span pipeline.Span "";Lang string "json:\"lang\"";Match string "json:\"match\"";`,
	"EventRecord":      `Schema string "json:\"schema,omitempty\"";Kind string "json:\"kind,omitempty\"";Doc *pipeline.DocRef "json:\"doc,omitempty\"";ID string "json:\"id\"";Type string "json:\"type\"";Plover *pipeline.Plover "json:\"plover\"";Cameo string "json:\"cameo,omitempty\"";Lang string "json:\"lang\"";Sentence pipeline.Span "json:\"sentence\"";Trigger pipeline.Span "json:\"trigger\"";Participants []pipeline.EventParticipant "json:\"participants\"";Date *pipeline.EventDate "json:\"date\"";Place *pipeline.EventPlace "json:\"place\"";Topic string "json:\"topic\"";Attribution []pipeline.EventAttribution "json:\"attribution\"";Modality pipeline.EventModality "json:\"modality\"";Confidence float64 "json:\"confidence\"";Provenance pipeline.Provenance "json:\"provenance\"";`,
	"Plover":           `Type string "json:\"type\"";Contexts []string "json:\"contexts\"";`,
	"EventParticipant": `Role string "json:\"role\"";Entity string "json:\"entity\"";Name string "json:\"name\"";Type string "json:\"type\"";Country string "json:\"country,omitempty\"";Sector string "json:\"sector,omitempty\"";Position *pipeline.Position "json:\"position,omitempty\"";Mention *pipeline.Span "json:\"mention\"";`,
	"EventDate":        `Value string "json:\"value\"";Granularity string "json:\"granularity\"";Method string "json:\"method\"";Span *pipeline.Span "json:\"span\"";`,
	"EventPlace":       `Entity string "json:\"entity\"";Name string "json:\"name\"";Country string "json:\"country,omitempty\"";Span pipeline.Span "json:\"span\"";`,
	"EventAttribution": `Relation string "json:\"relation\"";Entity string "json:\"entity\"";Name string "json:\"name\"";Span pipeline.Span "json:\"span\"";`,
	"EventModality":    `Negated bool "json:\"negated\"";Future bool "json:\"future\"";Hypothetical bool "json:\"hypothetical\"";`,
	"Provenance":       `Version string "json:\"version\"";Gazetteer string "json:\"gazetteer\"";Rules []string "json:\"rules\"";`,
}

// jsonWriter appends JSON to b. bad is set by a value encoding/json
// refuses (a NaN or infinite number): the caller then lets encoding/json
// encode the record, for its error.
type jsonWriter struct {
	b   []byte
	bad bool
	// marking makes document note in marks where it wrote each entity
	// and event.
	marking bool
	marks   []mark
	// ref is where the JSON of the DocRef at refOf is in b.
	refOf *DocRef
	ref   mark
	// esc, when not nil, is the escaping of the document's text, for
	// copying its spans' (spanText).
	esc *escapedText
	// tail is where the JSON of the last mention's lang and match
	// (`,"lang":…,"match":…}`) is in b, and tailLang and tailMatch
	// theirs: most mentions of a document have the same two.
	tail                mark
	tailLang, tailMatch string
}

// mark is where a value's JSON is in jsonWriter.b: b[start:end].
type mark struct{ start, end int }

// key writes `"name":`, after a comma unless first.
func (w *jsonWriter) key(name string, first bool) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

// str writes s as a JSON string. Most strings of a record are short and
// plain (identifiers, types, languages, names): those are checked a byte
// at a time and written in one append, without the escaping loop's setup.
func (w *jsonWriter) str(s string) {
	if plainShort(s) {
		w.b = append(w.b, '"')
		w.b = append(w.b, s...)
		w.b = append(w.b, '"')
		return
	}
	w.b = appendJSONString(w.b, s)
}

// maxShort is the longest string plainShort tests: names and
// identifiers of entities ("person/mayra-arevich-marin") are written in
// one append too, without the escaping loop's setup and calls.
const maxShort = 48

// plainShort reports whether s is at most maxShort bytes, all ASCII that a
// JSON string holds as it is: from 8 bytes on by eight-byte tests, the
// last of the last eight bytes (overlapping the one before); below by one
// test of eight bytes made of two overlapping loads of four (4 to 7
// bytes) or of two (2 and 3), the first and the last, repeated: every
// byte of s and nothing else.
// TestPlainShort holds it to a byte-by-byte test.
func plainShort(s string) bool {
	switch {
	case len(s) > maxShort:
		return false
	case len(s) >= 8:
		for i := 0; i+8 < len(s); i += 8 {
			if jsonSpecial(swar.Load64(s, i)) != 8 {
				return false
			}
		}
		return jsonSpecial(swar.Load64(s, len(s)-8)) == 8
	case len(s) >= 4:
		return jsonSpecial(load32(s, 0)|load32(s, len(s)-4)<<32) == 8
	case len(s) >= 2:
		x := load16(s, 0) | load16(s, len(s)-2)<<16
		return jsonSpecial(x|x<<32) == 8
	case len(s) == 1:
		return jsonPlain[s[0]]
	}
	return true
}

// load32 reads the four bytes of s from i, little-endian (one load).
func load32(s string, i int) uint64 {
	s = s[i : i+4]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// load16 reads the two bytes of s from i, little-endian (one load).
func load16(s string, i int) uint64 {
	s = s[i : i+2]
	return uint64(uint16(s[0]) | uint16(s[1])<<8)
}

// lit writes JSON that is always the same: a member's name with its
// comma and colon (`,"name":`), written in one append.
func (w *jsonWriter) lit(s string) { w.b = append(w.b, s...) }

// field writes a string member that is not the object's first; key is
// its `,"name":`.
func (w *jsonWriter) field(key, v string) {
	w.lit(key)
	w.str(v)
}

// omitEmpty writes a string member tagged omitempty: nothing when v is "".
func (w *jsonWriter) omitEmpty(key, v string) {
	if v != "" {
		w.field(key, v)
	}
}

func (w *jsonWriter) strPtr(s *string) {
	if s == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.str(*s)
}

func (w *jsonWriter) boolean(v bool) { w.b = strconv.AppendBool(w.b, v) }

// float writes f as encoding/json does: like ES6, %f between 1e-6 and
// 1e21, else %e with an exponent of at least one digit.
func (w *jsonWriter) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		w.bad = true
		w.b = append(w.b, '0')
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' {
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

func (w *jsonWriter) strings(list []string) {
	if list == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '[')
	for i, s := range list {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.str(s)
	}
	w.b = append(w.b, ']')
}

// list writes the n elements of a slice, each by elem; null if the slice
// is nil.
func (w *jsonWriter) list(isNil bool, n int, elem func(i int)) {
	if isNil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		elem(i)
	}
	w.b = append(w.b, ']')
}

// spanFields writes the fields of a Span without braces (Mention embeds it).
func (w *jsonWriter) spanFields(s *Span) {
	w.lit(`"text":`)
	w.spanRest(s)
}

// spanRest writes a Span's fields after `"text":`. The literals between
// the numbers take the brackets along, and the four numbers are written
// into room made once (appendSpanNumbers): a span is written by few
// appends.
func (w *jsonWriter) spanRest(s *Span) {
	w.spanText(s)
	w.b = appendSpanNumbers(w.b, s)
}

// appendSpanNumbers appends `,"byte":[B0,B1],"char":[C0,C1]` of s. Offsets
// of 0 to 999,999,999 (every text below a gigabyte) are written in place
// two digits at a time (putUint), into room grown once, instead of by
// four strconv.AppendInt, each of which formats into a buffer of its own
// and copies it; others go to strconv. TestAppendSpanNumbers holds it to
// strconv.AppendInt.
func appendSpanNumbers(b []byte, s *Span) []byte {
	const limit = 1e9 // putUint writes up to nine digits
	if uint(s.Byte[0]) >= limit || uint(s.Byte[1]) >= limit || uint(s.Char[0]) >= limit || uint(s.Char[1]) >= limit {
		b = append(b, `,"byte":[`...)
		b = strconv.AppendInt(b, int64(s.Byte[0]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Byte[1]), 10)
		b = append(b, `],"char":[`...)
		b = strconv.AppendInt(b, int64(s.Char[0]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Char[1]), 10)
		return append(b, ']')
	}
	const room = len(`,"byte":[`) + len(`],"char":[`) + 2 + 1 + 4*9
	n := len(b)
	if cap(b)-n < room {
		b = slices.Grow(b, room)
	}
	b = b[:n+room]
	// `,"byte":` and `],"char"` are eight bytes each: one store.
	binary.LittleEndian.PutUint64(b[n:], 0x3a2265747962222c) // ,"byte":
	b[n+8] = '['
	n = putUint(b, n+9, uint32(s.Byte[0]))
	b[n] = ','
	n = putUint(b, n+1, uint32(s.Byte[1]))
	binary.LittleEndian.PutUint64(b[n:], 0x2272616863222c5d) // ],"char"
	b[n+8], b[n+9] = ':', '['
	n = putUint(b, n+10, uint32(s.Char[0]))
	b[n] = ','
	n = putUint(b, n+1, uint32(s.Char[1]))
	b[n] = ']'
	return b[:n+1]
}

// putUint writes v (below 1e9) in decimal into b at n, which has room
// for nine bytes, and returns the offset after it. Its eight low digits
// are made at once, a byte each, in a machine word (digits8), whose
// leading zeros are shifted out before it is stored whole: no loop and no
// branch for the offsets of news.
func putUint(b []byte, n int, v uint32) int {
	if v >= 1e8 {
		b[n] = byte('0' + v/1e8)
		binary.LittleEndian.PutUint64(b[n+1:], digits8(v%1e8))
		return n + 9
	}
	x := digits8(v)
	// The leading zeros are the low bytes that are '0'; at least the
	// last digit stays.
	zeros := min(bits.TrailingZeros64(x-0x3030303030303030)>>3, 7)
	binary.LittleEndian.PutUint64(b[n:], x>>(8*zeros))
	return n + 8 - zeros
}

// digits8 returns the eight decimal digits of v (below 1e8, with leading
// zeros) as ASCII bytes, the first digit in the lowest byte: v splits
// into two lanes of four digits (32 bits each), each into two of two
// digits (16 bits), each into its tens and ones (a byte each), dividing
// by 100 and by 10 through a multiplication and a shift that are exact
// for lanes below 10,000 and 100.
func digits8(v uint32) uint64 {
	hi := v / 10000
	x := uint64(hi) | uint64(v-hi*10000)<<32
	q := (x * 10486 >> 20) & 0x0000007F0000007F // each lane / 100
	x = q | (x-q*100)<<16
	t := (x * 103 >> 10) & 0x000F000F000F000F // each lane / 10
	return t | (x-t*10)<<8 | 0x3030303030303030
}

// spanMember writes a Span member: open is `,"name":{"text":`, its key,
// brace and first field's key in one literal.
func (w *jsonWriter) spanMember(open string, s *Span) {
	w.lit(open)
	w.spanRest(s)
	w.b = append(w.b, '}')
}

// spanPtrMember is spanMember for a *Span member, whose key alone is
// nullKey (`,"name":null`) when it is nil.
func (w *jsonWriter) spanPtrMember(open, nullKey string, s *Span) {
	if s == nil {
		w.lit(nullKey)
		return
	}
	w.spanMember(open, s)
}

// spanText writes s.Text, copied from the document text's escaping when
// it is long and a substring of it.
func (w *jsonWriter) spanText(s *Span) {
	if w.esc != nil && len(s.Text) >= minCopied {
		if b, ok := w.esc.appendSpan(w.b, s.Text, s.Byte[0], s.Byte[1]); ok {
			w.b = b
			return
		}
	}
	w.str(s.Text)
}

func (w *jsonWriter) docRef(d *DocRef) {
	// Every record of a document names it: its JSON is written once per
	// Encode and copied after.
	if d == w.refOf && w.refOf != nil {
		w.b = append(w.b, w.b[w.ref.start:w.ref.end]...)
		return
	}
	start := len(w.b)
	w.b = append(w.b, '{')
	w.lit(`"id":`)
	w.str(d.ID)
	w.omitEmpty(`,"path":`, d.Path)
	w.omitEmpty(`,"url":`, d.URL)
	w.omitEmpty(`,"published":`, d.Published)
	w.field(`,"sha256":`, d.SHA256)
	w.b = append(w.b, '}')
	w.refOf, w.ref = d, mark{start, len(w.b)}
}

func (w *jsonWriter) position(p *Position) {
	if p == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '{')
	w.lit(`"title":`)
	w.str(p.Title)
	w.lit(`,"org":`)
	w.strPtr(p.Org)
	w.lit(`,"from":`)
	w.strPtr(p.From)
	w.lit(`,"to":`)
	w.strPtr(p.To)
	w.field(`,"as_of":`, p.AsOf)
	w.b = append(w.b, '}')
}

func (w *jsonWriter) document(r *DocumentRecord) {
	w.b = append(w.b, '{')
	w.lit(`"schema":`)
	w.str(r.Schema)
	w.field(`,"kind":`, r.Kind)
	w.lit(`,"doc":`)
	w.docRef(&r.Doc)
	w.field(`,"lang":`, r.Lang)
	w.lit(`,"lang_confidence":`)
	w.float(r.LangConfidence)
	w.lit(`,"segments":`)
	w.list(r.Segments == nil, len(r.Segments), func(i int) {
		s := &r.Segments[i]
		w.b = append(w.b, '{')
		w.lit(`"lang":`)
		w.str(s.Lang)
		w.lit(`,"confidence":`)
		w.float(s.Confidence)
		w.spanMember(`,"span":{"text":`, &s.Span)
		w.b = append(w.b, '}')
	})
	w.lit(`,"entities":`)
	w.list(r.Entities == nil, len(r.Entities), func(i int) {
		start := len(w.b)
		w.entity(&r.Entities[i])
		if w.marking {
			w.marks = append(w.marks, mark{start, len(w.b)})
		}
	})
	w.lit(`,"events":`)
	w.list(r.Events == nil, len(r.Events), func(i int) {
		start := len(w.b)
		w.event(&r.Events[i])
		if w.marking {
			w.marks = append(w.marks, mark{start, len(w.b)})
		}
	})
	if len(r.Warnings) > 0 {
		w.lit(`,"warnings":`)
		w.strings(r.Warnings)
	}
	if r.Text != nil {
		w.lit(`,"text":`)
		w.str(*r.Text)
	}
	w.b = append(w.b, '}')
}

// mentionTail writes a mention's lang and match and its closing brace:
// copied from the last mention's when they are the same (as strings are
// compared: the same bytes), else written and noted.
func (w *jsonWriter) mentionTail(lang, match string) {
	if w.tail.end > w.tail.start && lang == w.tailLang && match == w.tailMatch {
		w.b = append(w.b, w.b[w.tail.start:w.tail.end]...)
		return
	}
	start := len(w.b)
	w.field(`,"lang":`, lang)
	w.field(`,"match":`, match)
	w.b = append(w.b, '}')
	w.tail, w.tailLang, w.tailMatch = mark{start, len(w.b)}, lang, match
}

// head writes the omitempty schema, kind and doc that open entity and
// event records, and reports whether it wrote any field.
func (w *jsonWriter) head(schema, kind string, doc *DocRef) (wrote bool) {
	if schema != "" {
		w.lit(`"schema":`)
		w.str(schema)
		wrote = true
	}
	if kind != "" {
		w.key("kind", !wrote)
		w.str(kind)
		wrote = true
	}
	if doc != nil {
		w.key("doc", !wrote)
		w.docRef(doc)
		wrote = true
	}
	return wrote
}

func (w *jsonWriter) entity(r *EntityRecord) { w.entityWith(r, r.Schema, r.Kind, r.Doc) }

// entityWith writes r as if its head (schema, kind, doc) were the one
// given: a record of its own, from the one inside the document record,
// without a copy of it.
func (w *jsonWriter) entityWith(r *EntityRecord, schema, kind string, doc *DocRef) {
	w.b = append(w.b, '{')
	w.key("id", !w.head(schema, kind, doc))
	w.str(r.ID)
	w.field(`,"type":`, r.Type)
	w.field(`,"name":`, r.Name)
	w.omitEmpty(`,"country":`, r.Country)
	w.omitEmpty(`,"sector":`, r.Sector)
	w.omitEmpty(`,"cameo_actor":`, r.CameoActor)
	w.lit(`,"position":`)
	w.position(r.Position)
	if len(r.Positions) > 0 {
		w.lit(`,"positions":`)
		w.list(false, len(r.Positions), func(i int) { w.position(&r.Positions[i]) })
	}
	w.field(`,"source":`, r.Source)
	w.omitEmpty(`,"role_text":`, r.RoleText)
	w.lit(`,"mentions":`)
	w.list(r.Mentions == nil, len(r.Mentions), func(i int) {
		m := &r.Mentions[i]
		w.b = append(w.b, '{')
		w.spanFields(&m.Span)
		w.mentionTail(m.Lang, m.Match)
	})
	w.b = append(w.b, '}')
}

func (w *jsonWriter) event(r *EventRecord) { w.eventWith(r, r.Schema, r.Kind, r.Doc) }

// eventWith is entityWith for an event.
func (w *jsonWriter) eventWith(r *EventRecord, schema, kind string, doc *DocRef) {
	w.b = append(w.b, '{')
	w.key("id", !w.head(schema, kind, doc))
	w.str(r.ID)
	w.field(`,"type":`, r.Type)
	w.lit(`,"plover":`)
	if r.Plover == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.lit(`"type":`)
		w.str(r.Plover.Type)
		w.lit(`,"contexts":`)
		w.strings(r.Plover.Contexts)
		w.b = append(w.b, '}')
	}
	w.omitEmpty(`,"cameo":`, r.Cameo)
	w.field(`,"lang":`, r.Lang)
	w.spanMember(`,"sentence":{"text":`, &r.Sentence)
	w.spanMember(`,"trigger":{"text":`, &r.Trigger)
	w.lit(`,"participants":`)
	w.list(r.Participants == nil, len(r.Participants), func(i int) {
		p := &r.Participants[i]
		w.b = append(w.b, '{')
		w.lit(`"role":`)
		w.str(p.Role)
		w.field(`,"entity":`, p.Entity)
		w.field(`,"name":`, p.Name)
		w.field(`,"type":`, p.Type)
		w.omitEmpty(`,"country":`, p.Country)
		w.omitEmpty(`,"sector":`, p.Sector)
		if p.Position != nil {
			w.lit(`,"position":`)
			w.position(p.Position)
		}
		w.spanPtrMember(`,"mention":{"text":`, `,"mention":null`, p.Mention)
		w.b = append(w.b, '}')
	})
	w.lit(`,"date":`)
	if d := r.Date; d == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.lit(`"value":`)
		w.str(d.Value)
		w.field(`,"granularity":`, d.Granularity)
		w.field(`,"method":`, d.Method)
		w.spanPtrMember(`,"span":{"text":`, `,"span":null`, d.Span)
		w.b = append(w.b, '}')
	}
	w.lit(`,"place":`)
	if pl := r.Place; pl == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.lit(`"entity":`)
		w.str(pl.Entity)
		w.field(`,"name":`, pl.Name)
		w.omitEmpty(`,"country":`, pl.Country)
		w.spanMember(`,"span":{"text":`, &pl.Span)
		w.b = append(w.b, '}')
	}
	w.field(`,"topic":`, r.Topic)
	w.lit(`,"attribution":`)
	w.list(r.Attribution == nil, len(r.Attribution), func(i int) {
		a := &r.Attribution[i]
		w.b = append(w.b, '{')
		w.lit(`"relation":`)
		w.str(a.Relation)
		w.field(`,"entity":`, a.Entity)
		w.field(`,"name":`, a.Name)
		w.spanMember(`,"span":{"text":`, &a.Span)
		w.b = append(w.b, '}')
	})
	w.lit(`,"modality":`)
	w.b = append(w.b, '{')
	w.lit(`"negated":`)
	w.boolean(r.Modality.Negated)
	w.lit(`,"future":`)
	w.boolean(r.Modality.Future)
	w.lit(`,"hypothetical":`)
	w.boolean(r.Modality.Hypothetical)
	w.b = append(w.b, '}')
	w.lit(`,"confidence":`)
	w.float(r.Confidence)
	w.lit(`,"provenance":`)
	w.b = append(w.b, '{')
	w.lit(`"version":`)
	w.str(r.Provenance.Version)
	w.field(`,"gazetteer":`, r.Provenance.Gazetteer)
	w.lit(`,"rules":`)
	w.strings(r.Provenance.Rules)
	w.b = append(w.b, '}')
	w.b = append(w.b, '}')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: `"`, `\` and control characters, each
// invalid UTF-8 byte as \ufffd, U+2028 and U+2029 as \u2028 and \u2029.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendEscaped(dst, s, nil)
	return append(dst, '"')
}

// appendEscaped appends the inside of s's JSON string (appendJSONString
// without the quotes). When grown is not nil it notes there, after each
// byte or rune whose escape is longer than itself, the offset in s after
// it and the length of the escaping so far: escapedText's map from
// offsets in s to offsets in its JSON.
func appendEscaped(dst []byte, s string, grown *[]growth) []byte {
	const hex = "0123456789abcdef"
	base := len(dst)
	start := 0
	for i := 0; i < len(s); {
		i = plainRun(s, i)
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf { // a control character, '"' or '\\'
			dst = append(dst, s[start:i]...)
			dst = appendEscapeASCII(dst, c)
			i++
			start = i
			if grown != nil {
				*grown = append(*grown, growth{i, len(dst) - base})
			}
			continue
		}
		if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // a valid two-byte rune ("ä", "ñ"): never escaped
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			if grown != nil {
				*grown = append(*grown, growth{i, len(dst) - base})
			}
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			if grown != nil {
				*grown = append(*grown, growth{i, len(dst) - base})
			}
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// appendEscapeASCII appends the escape of c, a control character, '"' or
// '\\'.
func appendEscapeASCII(dst []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '\\', '"':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// appendEscapedAt is appendEscaped (with grown) for a valid UTF-8 s whose
// characters to escape are known: at lists their offsets, ascending (the
// JSONL reader's, Document.esc). It copies the text between them without
// looking at it. ok is false, and dst as it was, when an offset is not
// that of such a character (at is not s's).
func appendEscapedAt(dst []byte, s string, at []int32, grown *[]growth) (out []byte, ok bool) {
	base, start := len(dst), 0
	for _, a := range at {
		i := int(a)
		if i < start || i >= len(s) {
			return dst[:base], false
		}
		dst = append(dst, s[start:i]...)
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\':
			dst = appendEscapeASCII(dst, c)
			i++
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			dst = append(dst, '\\', 'u', '2', '0', '2', '0'+s[i+2]-0xA0) // U+2028, U+2029
			i += 3
		default:
			return dst[:base], false
		}
		start = i
		*grown = append(*grown, growth{i, len(dst) - base})
	}
	return append(dst, s[start:]...), true
}

// growth is a point where the JSON escaping of a text has grown: after
// the text's first at bytes, the escaping is json bytes long.
type growth struct{ at, json int }

// escapedText is the JSON escaping of one document's original text, made
// once, from which the Encoder copies the JSON of the spans' texts: the
// sentence of each event, the segments covering the whole text. Escaping
// is a byte at a time wherever the text is not plain ASCII; copying is a
// memmove. A span's text is only copied from here when it is the very
// substring of the text at its byte offsets (emit makes it so; a record
// built or changed elsewhere is escaped as it is) and it starts and ends
// on a boundary of what the escaping treats as one (no UTF-8 continuation
// byte at either end): then its escaping alone is the same bytes as its
// part of the whole text's (TestEscapedTextAsAppendJSONString).
type escapedText struct {
	src   string // the original text
	built bool   // json and grown are those of src
	json  []byte
	grown []growth
	// at, when atKnown, lists where src has characters to escape
	// (Result.esc): the escaping is then made without a search.
	at      []int32
	atKnown bool
}

// minCopied is the shortest span text copied from escapedText: for a name
// or a trigger, escaping it is cheaper than finding it in the escaping.
const minCopied = 24

// reset makes t the escaping of src, made when first needed; at, when
// atKnown, lists where src has characters to escape.
func (t *escapedText) reset(src string, at []int32, atKnown bool) {
	t.src, t.built, t.at, t.atKnown = src, false, at, atKnown
}

// release lets go of the text, and of an escaping too large to keep for
// the next document.
func (t *escapedText) release() {
	t.src, t.built, t.at, t.atKnown = "", false, nil, false
	if cap(t.json) > 1<<20 {
		t.json, t.grown = nil, nil
	}
}

// appendSpan appends the JSON string of text, the span of the original
// text at bytes [b0, b1), copied from the escaping of the text; ok is
// false, and nothing appended, when text is not that substring of it or
// does not start and end on a boundary.
func (t *escapedText) appendSpan(dst []byte, text string, b0, b1 int) (out []byte, ok bool) {
	src := t.src
	if len(text) == 0 || b0 < 0 || b1 > len(src) || b1-b0 != len(text) ||
		unsafe.StringData(text) != unsafe.StringData(src[b0:b1]) ||
		src[b0]&0xC0 == 0x80 || b1 < len(src) && src[b1]&0xC0 == 0x80 {
		return dst, false
	}
	if !t.built {
		t.build()
	}
	dst = append(dst, '"')
	dst = append(dst, t.json[t.offset(b0):t.offset(b1)]...)
	return append(dst, '"'), true
}

// build makes the escaping of t.src: from the list of what to escape
// when it has one, else by a search.
func (t *escapedText) build() {
	t.grown = t.grown[:0]
	if t.atKnown {
		var ok bool
		if t.json, ok = appendEscapedAt(t.json[:0], t.src, t.at, &t.grown); ok {
			t.built = true
			return
		}
		t.grown = t.grown[:0]
	}
	t.json = appendEscaped(t.json[:0], t.src, &t.grown)
	t.built = true
}

// offset maps offset b of the text, on a boundary, to its offset in the
// escaping: b plus what the escapes before b added.
func (t *escapedText) offset(b int) int {
	// n is the number of growths at or before b.
	n := sort.Search(len(t.grown), func(i int) bool { return t.grown[i].at > b })
	if n == 0 {
		return b
	}
	return b + t.grown[n-1].json - t.grown[n-1].at
}

// plainRun returns the end of the run of bytes from s[i] on that a JSON
// string holds as they are and that are ASCII: eight bytes at a time
// (most of a news text is such runs), the last few one by one.
func plainRun(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if n := jsonSpecial(swar.Load64(s, i)); n < 8 {
			return i + n
		}
	}
	if i < len(s) && len(s) >= 8 {
		// The last eight bytes, shifted past the k before i (the zero
		// bytes shifted in count as special, after the end).
		k := i - (len(s) - 8)
		return i + jsonSpecial(swar.Load64(s, len(s)-8)>>(8*k))
	}
	for i < len(s) && jsonPlain[s[i]] {
		i++
	}
	return i
}

// jsonPlain marks the ASCII bytes that a JSON string holds as they are.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// jsonSpecial returns how many of the eight bytes of x (a string's,
// little-endian) come before the first that a JSON string does not hold
// as it is, or that may start a rune (a control character, '"', '\\', or
// a byte above 0x7F): 8 when there is none. Per byte, bit 7 ends up set
// in x, x-0x20, x^'"'-1 or x^'\\'-1 exactly when the byte is one of those;
// a borrow between bytes only starts at such a byte and runs to higher
// ones, after the first.
func jsonSpecial(x uint64) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	m := (x | (x - 0x20*ones) | (x ^ '"'*ones - ones) | (x ^ '\\'*ones - ones)) & highs
	return bits.TrailingZeros64(m) / 8
}
