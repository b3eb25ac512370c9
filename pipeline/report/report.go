// Package report turns gazex records into one self-contained HTML page for
// a person to read: each document's text with its officials, agencies,
// countries, places and event triggers highlighted (the hover shows the
// entity or event id, the position held and the confidence), a table of
// each document's events, and a graph of who met, signed with or accused
// whom across the documents.
//
// The page loads nothing: no script, no style sheet, no font, no image
// from anywhere; its styles are inline and the graph is inline SVG. Text
// from the records is escaped by html/template. The same records give the
// same page, byte for byte.
//
// The input is what `gazex extract --emit all --include-text` writes.
// Document records carry the text, entities and events; entity and event
// records of a document whose document record was read are the same data
// and are skipped. Without document records (--emit events), events and
// entities still make tables and the graph, and the page says that the
// text is missing.
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/gazex/gazex/pipeline"
)

// Report is what the page shows, built by [Read].
type Report struct {
	Docs     []*Doc
	Records  int      // lines read
	Skipped  []string // what could not be used, and why (line numbers)
	entities map[string]*pipeline.EntityRecord
}

// Doc is one document of the report.
type Doc struct {
	ID, Path, URL, Published, Lang string
	Text                           *string // nil when the records carry no text
	Entities                       []pipeline.EntityRecord
	Events                         []pipeline.EventRecord
	Warnings                       []string
	fromDocument                   bool // a document record was read
}

// Read reads JSON Lines records (SPEC section 3) from r. A line that is
// not a gazex record is noted in Report.Skipped, not fatal; a read error is.
func Read(r io.Reader) (*Report, error) {
	rep := &Report{entities: map[string]*pipeline.EntityRecord{}}
	byID := map[string]*Doc{}
	doc := func(ref pipeline.DocRef) *Doc {
		d := byID[ref.ID]
		if d == nil {
			d = &Doc{ID: ref.ID, Path: ref.Path, URL: ref.URL, Published: ref.Published}
			byID[ref.ID] = d
			rep.Docs = append(rep.Docs, d)
		}
		return d
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		rep.Records++
		var head struct {
			Schema string           `json:"schema"`
			Kind   string           `json:"kind"`
			Doc    *pipeline.DocRef `json:"doc"`
		}
		if err := json.Unmarshal(raw, &head); err != nil || head.Doc == nil || head.Kind == "" {
			rep.Skipped = append(rep.Skipped, fmt.Sprintf("line %d: not a gazex record", line))
			continue
		}
		switch head.Kind {
		case "document":
			var rec pipeline.DocumentRecord
			if err := json.Unmarshal(raw, &rec); err != nil {
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("line %d: %v", line, err))
				continue
			}
			d := doc(rec.Doc)
			// A document record holds all of the document: it replaces
			// what entity and event records before it gave.
			d.fromDocument, d.Lang, d.Text, d.Warnings = true, rec.Lang, rec.Text, rec.Warnings
			d.Entities, d.Events = rec.Entities, rec.Events
		case "entity":
			var rec pipeline.EntityRecord
			if err := json.Unmarshal(raw, &rec); err != nil {
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("line %d: %v", line, err))
				continue
			}
			if d := doc(*head.Doc); !d.fromDocument {
				d.Entities = append(d.Entities, rec)
			}
		case "event":
			var rec pipeline.EventRecord
			if err := json.Unmarshal(raw, &rec); err != nil {
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("line %d: %v", line, err))
				continue
			}
			if d := doc(*head.Doc); !d.fromDocument {
				d.Events = append(d.Events, rec)
			}
		default:
			rep.Skipped = append(rep.Skipped, fmt.Sprintf("line %d: unknown kind %q", line, head.Kind))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("report: line %d: %w", line+1, err)
	}
	for _, d := range rep.Docs {
		for i := range d.Entities {
			e := &d.Entities[i]
			if _, ok := rep.entities[e.ID]; !ok {
				rep.entities[e.ID] = e
			}
		}
	}
	return rep, nil
}

// kind is how the page colours an entity or a trigger.
type kind struct {
	Class, Label string
}

var (
	kindOfficial = kind{"official", "official"}
	kindAgency   = kind{"agency", "agency"}
	kindCountry  = kind{"country", "country"}
	kindPlace    = kind{"place", "place"}
	kindTrigger  = kind{"trigger", "event trigger"}
	kinds        = []kind{kindOfficial, kindAgency, kindCountry, kindPlace, kindTrigger}
)

func entityKind(typ string) kind {
	switch typ {
	case "person":
		return kindOfficial
	case "organization":
		return kindAgency
	case "country":
		return kindCountry
	default:
		return kindPlace
	}
}

// mark is one highlighted span of a document's text.
type mark struct {
	start, end int // bytes
	kind       kind
	title      string
}

// piece is a run of text, highlighted or not, with the highlights nested
// in it.
type piece struct {
	Text     string
	Class    string // "" for plain text
	Title    string
	Children []piece
}

// marks lists the spans of d to highlight: every mention of an entity and
// every event trigger whose offsets hold the text the record says.
func (d *Doc) marks() (ms []mark, bad int) {
	text := *d.Text
	ok := func(s pipeline.Span) bool {
		return s.Byte[0] >= 0 && s.Byte[0] < s.Byte[1] && s.Byte[1] <= len(text) && text[s.Byte[0]:s.Byte[1]] == s.Text
	}
	for _, e := range d.Entities {
		k := entityKind(e.Type)
		for _, m := range e.Mentions {
			if !ok(m.Span) {
				bad++
				continue
			}
			ms = append(ms, mark{m.Byte[0], m.Byte[1], k, entityTitle(e, m)})
		}
	}
	for _, ev := range d.Events {
		if !ok(ev.Trigger) {
			bad++
			continue
		}
		ms = append(ms, mark{ev.Trigger.Byte[0], ev.Trigger.Byte[1], kindTrigger, eventTitle(ev)})
	}
	sortMarks(ms)
	return ms, bad
}

// sortMarks puts outer spans first: by start, then the longer one.
func sortMarks(ms []mark) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
}

func entityTitle(e pipeline.EntityRecord, m pipeline.Mention) string {
	t := e.ID + " · " + e.Name
	if e.Position != nil && e.Position.Title != "" {
		t += " · " + e.Position.Title
		if e.Position.AsOf != "" {
			t += " (as of " + e.Position.AsOf + ")"
		}
	} else if e.RoleText != "" {
		t += " · " + e.RoleText
	}
	t += fmt.Sprintf(" · bytes %d–%d · match: %s", m.Byte[0], m.Byte[1], m.Match)
	if e.Source == "pattern" {
		t += " (found by a pattern, not in the gazetteer)"
	}
	return t
}

func eventTitle(ev pipeline.EventRecord) string {
	return fmt.Sprintf("%s · %s · bytes %d–%d · confidence %.2f", ev.ID, ev.Type, ev.Trigger.Byte[0], ev.Trigger.Byte[1], ev.Confidence)
}

// pieces cuts text into plain and highlighted runs. Highlights nest when
// one lies inside another (an official's mention inside an agency's
// name, or a trigger on the very words of an entity); a highlight that
// crosses the end of an enclosing one is dropped.
func pieces(text string, ms []mark) []piece {
	var build func(from, to int, ms []mark) ([]piece, []mark)
	build = func(from, to int, ms []mark) ([]piece, []mark) {
		var out []piece
		at := from
		for len(ms) > 0 {
			m := ms[0]
			if m.start >= to {
				break
			}
			ms = ms[1:]
			if m.start < at || m.end > to {
				continue // crosses a highlight already placed
			}
			if m.start > at {
				out = append(out, piece{Text: text[at:m.start]})
			}
			var inner []piece
			inner, ms = build(m.start, m.end, ms)
			out = append(out, piece{Class: m.kind.Class, Title: m.title, Children: inner})
			at = m.end
		}
		if at < to {
			out = append(out, piece{Text: text[at:to]})
		}
		return out, ms
	}
	out, _ := build(0, len(text), ms)
	return out
}
