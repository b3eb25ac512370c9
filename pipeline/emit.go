package pipeline

import (
	"fmt"
	"time"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// emit turns the findings of the earlier stages into the document record,
// mapping every normalised offset back to the original text.
func (p *Pipeline) emit(w *work) {
	if w.err != nil {
		return
	}
	rec := &DocumentRecord{
		Schema:         Schema,
		Kind:           KindDocument,
		Doc:            w.ref,
		Lang:           w.lang,
		LangConfidence: round2(w.conf),
		Segments:       []Segment{},
		Entities:       []EntityRecord{},
		Events:         []EventRecord{},
	}
	for _, off := range w.norm.Invalid {
		rec.Warnings = append(rec.Warnings, fmt.Sprintf("invalid UTF-8 repaired at byte %d", off))
	}
	for _, s := range w.segs {
		rec.Segments = append(rec.Segments, Segment{Lang: s.Lang, Confidence: round2(s.Confidence), Span: w.span(s.Start, s.End)})
	}
	asOf, _ := parseDay(w.ref.Published)
	for _, f := range w.found {
		rec.Entities = append(rec.Entities, entityRecord(w, f, asOf))
	}
	if p.cfg.IncludeText {
		text := string(w.doc.Text)
		rec.Text = &text
	}
	w.rec = rec
}

// span maps the normalised byte range [ns, ne) to a Span of the original.
func (w *work) span(ns, ne int) Span {
	os, oe := w.norm.Span(ns, ne)
	return Span{
		Text: string(w.doc.Text[os:oe]),
		Byte: [2]int{os, oe},
		Char: [2]int{w.norm.Chars(os), w.norm.Chars(oe)},
	}
}

// langAt returns the language of the text at normalised offset off: the
// segment's that covers it, else the document's.
func (w *work) langAt(off int) string {
	for _, s := range w.segs {
		if s.Start <= off && off < s.End {
			return s.Lang
		}
	}
	return w.lang
}

func entityRecord(w *work, f tagger.Finding, asOf gazetteer.Date) EntityRecord {
	e := f.Entity
	rec := EntityRecord{
		ID:      e.ID,
		Type:    e.Type,
		Name:    e.Name,
		Country: e.Country,
		Sector:  e.Sector,
		Source:  "gazetteer",
	}
	if pos := e.PositionAt(asOf); pos != nil {
		rec.Position = &Position{
			Title: pos.Title,
			Org:   optional(pos.Org),
			From:  optional(pos.From.String()),
			To:    optional(pos.To.String()),
			AsOf:  asOf.String(),
		}
		if pos.Sector != "" {
			rec.Sector = pos.Sector
		}
	}
	rec.CameoActor = cameoActor(rec.Country, rec.Sector)
	for _, m := range f.Mentions {
		rec.Mentions = append(rec.Mentions, Mention{Span: w.span(m.Start, m.End), Lang: w.langAt(m.Start), Match: m.Match})
	}
	return rec
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

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
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
