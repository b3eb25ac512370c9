package pipeline

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
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

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, s) }

// field writes a string member that is not the object's first.
func (w *jsonWriter) field(name, v string) {
	w.key(name, false)
	w.str(v)
}

// omitEmpty writes a string member tagged omitempty: nothing when v is "".
func (w *jsonWriter) omitEmpty(name, v string) {
	if v != "" {
		w.field(name, v)
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

func (w *jsonWriter) pair(p [2]int) {
	w.b = append(w.b, '[')
	w.b = strconv.AppendInt(w.b, int64(p[0]), 10)
	w.b = append(w.b, ',')
	w.b = strconv.AppendInt(w.b, int64(p[1]), 10)
	w.b = append(w.b, ']')
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
	w.key("text", true)
	w.str(s.Text)
	w.key("byte", false)
	w.pair(s.Byte)
	w.key("char", false)
	w.pair(s.Char)
}

func (w *jsonWriter) span(s *Span) {
	w.b = append(w.b, '{')
	w.spanFields(s)
	w.b = append(w.b, '}')
}

func (w *jsonWriter) spanPtr(s *Span) {
	if s == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.span(s)
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
	w.key("id", true)
	w.str(d.ID)
	w.omitEmpty("path", d.Path)
	w.omitEmpty("url", d.URL)
	w.omitEmpty("published", d.Published)
	w.field("sha256", d.SHA256)
	w.b = append(w.b, '}')
	w.refOf, w.ref = d, mark{start, len(w.b)}
}

func (w *jsonWriter) position(p *Position) {
	if p == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.b = append(w.b, '{')
	w.key("title", true)
	w.str(p.Title)
	w.key("org", false)
	w.strPtr(p.Org)
	w.key("from", false)
	w.strPtr(p.From)
	w.key("to", false)
	w.strPtr(p.To)
	w.field("as_of", p.AsOf)
	w.b = append(w.b, '}')
}

func (w *jsonWriter) document(r *DocumentRecord) {
	w.b = append(w.b, '{')
	w.key("schema", true)
	w.str(r.Schema)
	w.field("kind", r.Kind)
	w.key("doc", false)
	w.docRef(&r.Doc)
	w.field("lang", r.Lang)
	w.key("lang_confidence", false)
	w.float(r.LangConfidence)
	w.key("segments", false)
	w.list(r.Segments == nil, len(r.Segments), func(i int) {
		s := &r.Segments[i]
		w.b = append(w.b, '{')
		w.key("lang", true)
		w.str(s.Lang)
		w.key("confidence", false)
		w.float(s.Confidence)
		w.key("span", false)
		w.span(&s.Span)
		w.b = append(w.b, '}')
	})
	w.key("entities", false)
	w.list(r.Entities == nil, len(r.Entities), func(i int) {
		start := len(w.b)
		w.entity(&r.Entities[i])
		if w.marking {
			w.marks = append(w.marks, mark{start, len(w.b)})
		}
	})
	w.key("events", false)
	w.list(r.Events == nil, len(r.Events), func(i int) {
		start := len(w.b)
		w.event(&r.Events[i])
		if w.marking {
			w.marks = append(w.marks, mark{start, len(w.b)})
		}
	})
	if len(r.Warnings) > 0 {
		w.key("warnings", false)
		w.strings(r.Warnings)
	}
	if r.Text != nil {
		w.key("text", false)
		w.str(*r.Text)
	}
	w.b = append(w.b, '}')
}

// head writes the omitempty schema, kind and doc that open entity and
// event records, and reports whether it wrote any field.
func (w *jsonWriter) head(schema, kind string, doc *DocRef) (wrote bool) {
	if schema != "" {
		w.key("schema", true)
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

func (w *jsonWriter) entity(r *EntityRecord) {
	w.b = append(w.b, '{')
	w.key("id", !w.head(r.Schema, r.Kind, r.Doc))
	w.str(r.ID)
	w.field("type", r.Type)
	w.field("name", r.Name)
	w.omitEmpty("country", r.Country)
	w.omitEmpty("sector", r.Sector)
	w.omitEmpty("cameo_actor", r.CameoActor)
	w.key("position", false)
	w.position(r.Position)
	if len(r.Positions) > 0 {
		w.key("positions", false)
		w.list(false, len(r.Positions), func(i int) { w.position(&r.Positions[i]) })
	}
	w.field("source", r.Source)
	w.omitEmpty("role_text", r.RoleText)
	w.key("mentions", false)
	w.list(r.Mentions == nil, len(r.Mentions), func(i int) {
		m := &r.Mentions[i]
		w.b = append(w.b, '{')
		w.spanFields(&m.Span)
		w.field("lang", m.Lang)
		w.field("match", m.Match)
		w.b = append(w.b, '}')
	})
	w.b = append(w.b, '}')
}

func (w *jsonWriter) event(r *EventRecord) {
	w.b = append(w.b, '{')
	w.key("id", !w.head(r.Schema, r.Kind, r.Doc))
	w.str(r.ID)
	w.field("type", r.Type)
	w.key("plover", false)
	if r.Plover == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.key("type", true)
		w.str(r.Plover.Type)
		w.key("contexts", false)
		w.strings(r.Plover.Contexts)
		w.b = append(w.b, '}')
	}
	w.omitEmpty("cameo", r.Cameo)
	w.field("lang", r.Lang)
	w.key("sentence", false)
	w.span(&r.Sentence)
	w.key("trigger", false)
	w.span(&r.Trigger)
	w.key("participants", false)
	w.list(r.Participants == nil, len(r.Participants), func(i int) {
		p := &r.Participants[i]
		w.b = append(w.b, '{')
		w.key("role", true)
		w.str(p.Role)
		w.field("entity", p.Entity)
		w.field("name", p.Name)
		w.field("type", p.Type)
		w.omitEmpty("country", p.Country)
		w.omitEmpty("sector", p.Sector)
		if p.Position != nil {
			w.key("position", false)
			w.position(p.Position)
		}
		w.key("mention", false)
		w.spanPtr(p.Mention)
		w.b = append(w.b, '}')
	})
	w.key("date", false)
	if d := r.Date; d == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.key("value", true)
		w.str(d.Value)
		w.field("granularity", d.Granularity)
		w.field("method", d.Method)
		w.key("span", false)
		w.spanPtr(d.Span)
		w.b = append(w.b, '}')
	}
	w.key("place", false)
	if pl := r.Place; pl == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.b = append(w.b, '{')
		w.key("entity", true)
		w.str(pl.Entity)
		w.field("name", pl.Name)
		w.omitEmpty("country", pl.Country)
		w.key("span", false)
		w.span(&pl.Span)
		w.b = append(w.b, '}')
	}
	w.field("topic", r.Topic)
	w.key("attribution", false)
	w.list(r.Attribution == nil, len(r.Attribution), func(i int) {
		a := &r.Attribution[i]
		w.b = append(w.b, '{')
		w.key("relation", true)
		w.str(a.Relation)
		w.field("entity", a.Entity)
		w.field("name", a.Name)
		w.key("span", false)
		w.span(&a.Span)
		w.b = append(w.b, '}')
	})
	w.key("modality", false)
	w.b = append(w.b, '{')
	w.key("negated", true)
	w.boolean(r.Modality.Negated)
	w.key("future", false)
	w.boolean(r.Modality.Future)
	w.key("hypothetical", false)
	w.boolean(r.Modality.Hypothetical)
	w.b = append(w.b, '}')
	w.key("confidence", false)
	w.float(r.Confidence)
	w.key("provenance", false)
	w.b = append(w.b, '{')
	w.key("version", true)
	w.str(r.Provenance.Version)
	w.field("gazetteer", r.Provenance.Gazetteer)
	w.key("rules", false)
	w.strings(r.Provenance.Rules)
	w.b = append(w.b, '}')
	w.b = append(w.b, '}')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: `"`, `\` and control characters, each
// invalid UTF-8 byte as \ufffd, U+2028 and U+2029 as \u2028 and \u2029.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are plain ASCII that needs no
		// escape (most of a news text); the loop below decides any other.
		for i+8 <= len(s) && plainASCII8(s[i:i+8]) {
			i += 8
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
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
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainASCII8 reports whether the eight bytes of s are all ASCII that a
// JSON string holds as it is: none is a control character, '"', '\\' or
// above 0x7F. It tests the eight at once (SWAR): a byte b of x has its
// high bit set in x-0x20 and not in x exactly when b < 0x20, and a byte
// equal to c is a zero byte of x^c; a false alarm only sends the bytes to
// the byte-by-byte loop.
func plainASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56 // one load
	ctl := (x - 0x20*ones) &^ x
	quote := x ^ '"'*ones
	quote = (quote - ones) &^ quote
	bslash := x ^ '\\'*ones
	bslash = (bslash - ones) &^ bslash
	return (x|ctl|quote|bslash)&highs == 0
}
