package eval

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"
)

// Counts are the tallies of one field in one language. Gold-side and
// prediction-side tallies are kept apart because they differ: one gold
// official found by two predicted entities is one Found and two TP.
type Counts struct {
	Gold    int `json:"gold"`    // gold items
	Found   int `json:"found"`   // gold items matched by a prediction (recall numerator)
	Pred    int `json:"pred"`    // predicted items: TP + FP + Ignored
	TP      int `json:"tp"`      // predicted items that match a gold item (precision numerator)
	FP      int `json:"fp"`      // predicted items that match none
	Ignored int `json:"ignored"` // predicted items only on ignore forms: neither TP nor FP
}

// FN is the number of gold items no prediction matched.
func (c Counts) FN() int { return c.Gold - c.Found }

// Precision is TP/(TP+FP); ok is false when nothing was predicted.
func (c Counts) Precision() (p float64, ok bool) { return ratio(c.TP, c.TP+c.FP) }

// Recall is Found/Gold; ok is false when the gold has no item.
func (c Counts) Recall() (r float64, ok bool) { return ratio(c.Found, c.Gold) }

// F1 is the harmonic mean of precision and recall; ok is false when either
// is undefined. It is 0 when both are 0.
func (c Counts) F1() (f float64, ok bool) {
	p, okP := c.Precision()
	r, okR := c.Recall()
	if !okP || !okR {
		return 0, false
	}
	if p+r == 0 {
		return 0, true
	}
	return 2 * p * r / (p + r), true
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Pred += o.Pred
	c.TP += o.TP
	c.FP += o.FP
	c.Ignored += o.Ignored
}

func ratio(a, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}

// DateCounts tallies the dates of matched events.
type DateCounts struct {
	Matched  int `json:"matched"`   // matched event pairs
	WithGold int `json:"with_gold"` // of those, pairs whose gold date is not null
	Right    int `json:"right"`     // of those, pairs whose predicted date agrees
}

// TopicCounts tallies the topics of matched events: a topic is what an
// analyst filters on ("cyber", "military"), so a wrong one hides an event
// or shows one that does not belong.
type TopicCounts struct {
	WithGold int `json:"with_gold"` // matched event pairs whose gold has a topic
	Right    int `json:"right"`     // of those, pairs whose predicted topic is the gold's
}

// BandCounts tallies predicted events by their confidence: how many lie
// at or above [HighConfidence] and how many of those matched a gold
// event, and the same below it.
type BandCounts struct {
	High, HighRight int
	Low, LowRight   int
}

// HighConfidence is the confidence from which an event counts as high.
const HighConfidence = 0.7

// SpanCounts tallies the span round-trip check.
type SpanCounts struct {
	Total int `json:"total"`
	OK    int `json:"ok"`
}

// Miss is one gold item not found (Kind "fn"), one predicted item that
// matched nothing (Kind "fp"), or a matched event whose date or topic is
// not the gold's (Kind "date", "topic"): what to look at to improve a
// score.
type Miss struct {
	File  string `json:"file"`
	Field string `json:"field"`
	Kind  string `json:"kind"`
	Item  string `json:"item"`
}

// maxSpanErrors bounds the span errors kept: one broken offset map breaks
// every span after it, and the first few say what is wrong.
const maxSpanErrors = 20

// Report is the outcome of scoring one or more documents. Build it with
// [Score] or [Run] and sum with [Report.Add]; the zero value is an empty
// report.
type Report struct {
	Files int // documents scored
	// Failed lists documents the pipeline could not process, as
	// "file: reason"; their gold items all count as missed.
	Failed     []string
	Dates      DateCounts
	Topics     TopicCounts
	Bands      BandCounts // events by confidence: is a high one more often right?
	Spans      SpanCounts
	SpanErrors []string // the first failures of the span round-trip
	Misses     []Miss

	byField map[string]map[string]*Counts // field → lang → counts
}

// NewReport returns an empty report.
func NewReport() *Report {
	return &Report{byField: map[string]map[string]*Counts{}}
}

func (r *Report) counts(field, lang string) *Counts {
	if r.byField == nil {
		r.byField = map[string]map[string]*Counts{}
	}
	m := r.byField[field]
	if m == nil {
		m = map[string]*Counts{}
		r.byField[field] = m
	}
	c := m[lang]
	if c == nil {
		c = &Counts{}
		m[lang] = c
	}
	return c
}

func (r *Report) miss(file, field, kind, item string) {
	r.Misses = append(r.Misses, Miss{File: file, Field: field, Kind: kind, Item: item})
}

func (r *Report) spanError(msg string) {
	if len(r.SpanErrors) < maxSpanErrors {
		r.SpanErrors = append(r.SpanErrors, msg)
	}
}

// Add adds the counts of o to r.
func (r *Report) Add(o *Report) {
	r.Files += o.Files
	r.Failed = append(r.Failed, o.Failed...)
	r.Dates.Matched += o.Dates.Matched
	r.Dates.WithGold += o.Dates.WithGold
	r.Dates.Right += o.Dates.Right
	r.Topics.WithGold += o.Topics.WithGold
	r.Topics.Right += o.Topics.Right
	r.Bands.High += o.Bands.High
	r.Bands.HighRight += o.Bands.HighRight
	r.Bands.Low += o.Bands.Low
	r.Bands.LowRight += o.Bands.LowRight
	r.Spans.Total += o.Spans.Total
	r.Spans.OK += o.Spans.OK
	for _, e := range o.SpanErrors {
		r.spanError(e)
	}
	r.Misses = append(r.Misses, o.Misses...)
	for field, langs := range o.byField {
		for lang, c := range langs {
			r.counts(field, lang).add(*c)
		}
	}
}

// Langs returns the languages that have counts for field, sorted.
func (r *Report) Langs(field string) []string {
	return slices.Sorted(maps.Keys(r.byField[field]))
}

// Counts returns the counts of field in lang, or summed over all languages
// when lang is "all" or "".
func (r *Report) Counts(field, lang string) Counts {
	var sum Counts
	for l, c := range r.byField[field] {
		if lang == "" || lang == "all" || l == lang {
			sum.add(*c)
		}
	}
	return sum
}

// Row is one line of the report: a field in one language, or "all".
type Row struct {
	Field string `json:"field"`
	Lang  string `json:"lang"`
	Counts
	FN        int      `json:"fn"`
	Precision *float64 `json:"precision"` // null when undefined
	Recall    *float64 `json:"recall"`
	F1        *float64 `json:"f1"`
}

// Rows returns the report's lines: per field in [Fields] order, one per
// language and then "all".
func (r *Report) Rows() []Row {
	var rows []Row
	for _, f := range Fields {
		for _, lang := range append(r.Langs(f), "all") {
			c := r.Counts(f, lang)
			rows = append(rows, Row{
				Field: f, Lang: lang, Counts: c, FN: c.FN(),
				Precision: optional(c.Precision()),
				Recall:    optional(c.Recall()),
				F1:        optional(c.F1()),
			})
		}
	}
	return rows
}

func optional(f float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &f
}

// ReportJSON is the machine-readable form of a [Report] (gazex eval
// --json). Undefined ratios are null.
type ReportJSON struct {
	Files  int      `json:"files"`
	Failed []string `json:"failed"`
	Rows   []Row    `json:"rows"`
	Dates  struct {
		DateCounts
		Share *float64 `json:"share"` // Right / WithGold
	} `json:"event_dates"`
	Topics struct {
		TopicCounts
		Share *float64 `json:"share"` // Right / WithGold
	} `json:"event_topics"`
	Spans struct {
		SpanCounts
		Share  *float64 `json:"share"` // OK / Total
		Errors []string `json:"errors"`
	} `json:"spans"`
	Misses []Miss `json:"misses"`
}

// JSON returns the report in its machine-readable form; lists are never
// null.
func (r *Report) JSON() ReportJSON {
	var j ReportJSON
	j.Files = r.Files
	j.Failed = nonNil(r.Failed)
	j.Rows = nonNil(r.Rows())
	j.Dates.DateCounts = r.Dates
	j.Dates.Share = optional(ratio(r.Dates.Right, r.Dates.WithGold))
	j.Topics.TopicCounts = r.Topics
	j.Topics.Share = optional(ratio(r.Topics.Right, r.Topics.WithGold))
	j.Spans.SpanCounts = r.Spans
	j.Spans.Share = optional(ratio(r.Spans.OK, r.Spans.Total))
	j.Spans.Errors = nonNil(r.SpanErrors)
	j.Misses = nonNil(r.Misses)
	return j
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteTable writes the report as an aligned text table — field, lang, tp,
// fp, fn, ignored, gold, P, R, F1, one row per language and an "all" row
// per field — followed by the event-date share, the span round-trip and
// any failed documents. Misses are only in [Report.JSON]. Write errors are
// returned.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "field\tlang\ttp\tfp\tfn\tign\tgold\tP\tR\tF1\t")
	for _, row := range r.Rows() {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n",
			row.Field, row.Lang, row.TP, row.FP, row.FN, row.Ignored, row.Gold,
			num(row.Precision), num(row.Recall), num(row.F1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var err error
	printf := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	printf("%d documents. P = tp/(tp+fp) over predictions; R = (gold-fn)/gold over gold items.\n", r.Files)
	printf("event dates: %d/%d matched events with a gold date have it%s\n",
		r.Dates.Right, r.Dates.WithGold, percent(r.Dates.Right, r.Dates.WithGold))
	printf("event topics: %d/%d matched events with a gold topic have it%s\n",
		r.Topics.Right, r.Topics.WithGold, percent(r.Topics.Right, r.Topics.WithGold))
	if b := r.Bands; b.High+b.Low > 0 {
		printf("event confidence: >= %.1f right %d/%d%s, below %d/%d%s\n", HighConfidence,
			b.HighRight, b.High, percent(b.HighRight, b.High), b.LowRight, b.Low, percent(b.LowRight, b.Low))
	}
	printf("span round-trip: %d/%d%s\n", r.Spans.OK, r.Spans.Total, percent(r.Spans.OK, r.Spans.Total))
	for _, e := range r.SpanErrors {
		printf("  %s\n", e)
	}
	for _, f := range r.Failed {
		printf("failed: %s\n", f)
	}
	return err
}

func num(f *float64) string {
	if f == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", *f)
}

func percent(a, b int) string {
	if b == 0 {
		return ""
	}
	return fmt.Sprintf(" (%.1f%%)", 100*float64(a)/float64(b))
}
