// Package pipeline turns documents into gazex records (SPEC section 3).
//
// A [Pipeline] is built once — gazetteer compiled, language models loaded —
// and is then safe for concurrent use. [Pipeline.Process] handles one
// document; [Pipeline.Run] a stream of them, in staged goroutine workers
// joined by bounded channels:
//
//	read → normalise → detect → tag → extract → emit
//
// Run delivers results in input order whatever the number of workers, holds
// a bounded number of bytes in flight (so memory stays constant on
// unbounded input), and stops promptly when its context is cancelled. The
// stages themselves are synchronous functions of one document; this
// package owns every goroutine and channel.
package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/gazex/gazex/extractors/events"
	"github.com/gazex/gazex/extractors/langid"
	"github.com/gazex/gazex/extractors/normalize"
	"github.com/gazex/gazex/extractors/roles"
	"github.com/gazex/gazex/extractors/sentences"
	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// Version is the gazex version written into records and `gazex version`.
const Version = "0.1.0"

// Document is one input document.
type Document struct {
	ID        string // SPEC doc.id
	Path      string // the file read, if any
	URL       string
	Published string // YYYY-MM-DD, or "" when unknown
	Text      []byte // the original text
	// Warnings are what a source noticed while reading the document (a
	// "published" value that is not a date…); they come first in the
	// document record's warnings.
	Warnings []string
	// Err is set by a source that could not read the document: it flows
	// through the pipeline in order and comes out as a failed Result.
	Err error
	// own is set by this package's sources when Text is a buffer of the
	// document's own, made by the source and written by nobody after:
	// emit then takes the records' text from it without a copy.
	own bool
	// esc lists the offsets in Text of the characters its JSON escapes,
	// when escKnown: the JSONL reader found them while decoding the text
	// (unquote), and the Encoder writes the text's JSON without a search
	// for them (escapedText).
	esc      []int32
	escKnown bool
}

// Result is what the pipeline made of one document.
type Result struct {
	Doc      DocRef
	Document *DocumentRecord // nil when Err is set
	Err      error           // why the document could not be processed
	// text is the original text, of which the record's span texts are
	// substrings (emit makes them so): the Encoder escapes it once and
	// copies each span's JSON from there (escapedText).
	text string
	// esc and escKnown are the document's (Document.esc): where text's
	// JSON escapes it, when known.
	esc      []int32
	escKnown bool
}

// ErrDocument marks per-document failures (binary input, over the size
// limit, read errors): the run goes on without the document.
var ErrDocument = errors.New("document skipped")

// Config configures a Pipeline.
type Config struct {
	// Langs are the languages to consider (ISO 639-1); default de, es, en.
	Langs []string
	// Entities is the gazetteer to tag against.
	Entities []*gazetteer.Entity
	// GazetteerVersion is written into provenance.
	GazetteerVersion string
	// Workers is the number of goroutines per stage; default GOMAXPROCS.
	Workers int
	// MaxBytes is the largest document processed; larger ones fail with
	// ErrDocument. Default 32 MiB.
	MaxBytes int
	// IncludeText makes document records carry the original text.
	IncludeText bool
	// Published is the publication date (YYYY-MM-DD) assumed for documents
	// that carry none.
	Published string
	// EventsOnly leaves the entities and the language segments out of the
	// document records (empty lists), for a front end that writes event
	// records alone (gazex extract --emit events): those do not depend on
	// them, and mapping every mention back to the original text is a good
	// part of the emit stage.
	EventsOnly bool
	// ReuseRecords lets Run use the memory of a result's records (the
	// DocumentRecord, its lists and what they point to) again for a
	// later document once the sink has returned: for a sink that encodes
	// the result, or keeps nothing of it but strings (those stay valid).
	// It spares the allocation of some forty kilobytes of records per
	// news article. Process never reuses them.
	ReuseRecords bool
}

// DefaultMaxBytes is the default of Config.MaxBytes.
const DefaultMaxBytes = 32 << 20

// Pipeline extracts records from documents. It is safe for concurrent use.
type Pipeline struct {
	cfg    Config
	langs  *langid.Detector
	tagger *tagger.Tagger
	events *events.Extractor
	roles  *roles.Extractor
}

// New builds a pipeline: it compiles the gazetteer and loads the language
// models, once.
func New(cfg Config) (*Pipeline, error) {
	if len(cfg.Langs) == 0 {
		cfg.Langs = []string{"de", "es", "en"}
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Published != "" {
		if _, err := parseDay(cfg.Published); err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
	}
	det, err := langid.New(cfg.Langs)
	if err != nil {
		return nil, err
	}
	ev, err := events.New(cfg.Entities)
	if err != nil {
		return nil, err
	}
	rx, err := roles.New(cfg.Entities)
	if err != nil {
		return nil, err
	}
	return &Pipeline{
		cfg:    cfg,
		langs:  det,
		tagger: tagger.New(gazetteer.Compile(cfg.Entities)),
		events: ev,
		roles:  rx,
	}, nil
}

// Workers returns the number of goroutines per stage.
func (p *Pipeline) Workers() int { return p.cfg.Workers }

// work is one document on its way through the stages.
type work struct {
	seq    int
	doc    Document
	ref    DocRef
	norm   *normalize.Text
	lang   string
	conf   float64
	sents  []sentences.Span
	segs   []langid.Segment
	segsOK int8              // langAt's: 0 not yet known, 1 segs ascend without overlap, -1 not
	toks   []gazetteer.Token // of norm.Norm, made by tag, reused by extract
	found  []tagger.Finding
	roles  roles.Result // officials and agencies found by role patterns
	events []events.Event
	rec    *DocumentRecord
	err    error
	// src is the original text as a string, made by emit: the records'
	// span texts are substrings of it.
	src string
	// positions is emit's current slab of position records (positionRecord).
	positions []positionBox
	// arena holds the records emit made (Config.ReuseRecords).
	arena *recordArena
}

// Process runs every stage on one document. It is safe for concurrent use.
func (p *Pipeline) Process(ctx context.Context, doc Document) (Result, error) {
	w := &work{doc: doc}
	for _, st := range p.stages() {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		st.fn(w)
	}
	return w.result(), nil
}

func (w *work) result() Result {
	r := Result{Doc: w.ref, Document: w.rec, Err: w.err, text: w.src}
	if w.doc.escKnown {
		r.esc, r.escKnown = w.doc.esc, true
	}
	return r
}

// stage is one step of the pipeline: a synchronous function of one
// document that records failures in w.err. Stages skip failed work.
type stage struct {
	name string
	fn   func(w *work)
}

func (p *Pipeline) stages() []stage {
	return []stage{
		{"read", p.read},
		{"normalise", p.normalise},
		{"detect", p.detect},
		{"tag", p.tag},
		{"extract", p.extract},
		{"emit", p.emit},
	}
}

// read validates the document and identifies it. A document that is not
// text fails here, so that no later stage sees binary data.
func (p *Pipeline) read(w *work) {
	d := w.doc
	sum := sha256.Sum256(d.Text)
	w.ref = DocRef{ID: d.ID, Path: d.Path, URL: d.URL, Published: d.Published, SHA256: hex.EncodeToString(sum[:])}
	if w.ref.Published == "" {
		w.ref.Published = p.cfg.Published
	}
	switch {
	case d.Err != nil:
		w.err = d.Err
	case len(d.Text) > p.cfg.MaxBytes:
		w.err = fmt.Errorf("%w: %d bytes is over the limit of %d (--max-bytes)", ErrDocument, len(d.Text), p.cfg.MaxBytes)
	case isBinary(d.Text):
		w.err = fmt.Errorf("%w: binary file (NUL bytes)", ErrDocument)
	}
}

// isBinary reports whether text looks like a binary file: a NUL byte in
// its first 8 KiB, as git and ripgrep decide.
func isBinary(text []byte) bool {
	head := text[:min(len(text), 8<<10)]
	return bytes.IndexByte(head, 0) >= 0
}

func (p *Pipeline) normalise(w *work) {
	if w.err != nil {
		return
	}
	w.norm = normalize.Normalize(w.doc.Text)
}

func (p *Pipeline) detect(w *work) {
	if w.err != nil {
		return
	}
	text := w.norm.Norm
	words := p.langs.Words(text) // function words counted once for both
	w.lang, w.conf = p.langs.DocumentWords(words)
	w.sents = sentences.Split(text, w.lang)
	w.segs = p.langs.SegmentsWords(words, w.sents, w.lang)
	words.Release() // its memory serves the next document
}

func (p *Pipeline) tag(w *work) {
	// A document in none of --langs yields no entities and no events
	// (SPEC section 3): nothing is mined with another language's rules.
	if w.err != nil || w.lang == langid.Und {
		return
	}
	p.tagEntities(w)
	p.rolePatterns(w)
}

// tagEntities tokenises the normalised text, once, into a pooled slice
// that extract gives back, and finds the gazetteer's names in it.
func (p *Pipeline) tagEntities(w *work) {
	w.toks = gazetteer.AppendTokens(tokensFor(w.norm.Norm), w.norm.Norm)
	w.found = p.tagger.TagTokens(w.toks)
}

// rolePatterns finds the officials and agencies of role patterns, on the
// tokens and findings of tagEntities.
func (p *Pipeline) rolePatterns(w *work) {
	in := roles.Input{Text: w.norm.Norm, Tokens: w.toks, Lang: w.lang, Found: w.found,
		Sentences: make([]roles.Span, 0, len(w.sents)), Segments: make([]roles.LangSpan, 0, len(w.segs))}
	for _, s := range w.sents {
		in.Sentences = append(in.Sentences, roles.Span{Start: s.Start, End: s.End})
	}
	for _, s := range w.segs {
		in.Segments = append(in.Segments, roles.LangSpan{Lang: s.Lang, Start: s.Start, End: s.End})
	}
	in.Date, _ = parseDay(w.ref.Published) // as emit's positions: gazex guesses no date
	w.roles = p.roles.Extract(in)
	if len(w.roles.Linked) > 0 {
		w.found = addLinked(w.found, w.roles.Linked)
	}
}

// addLinked adds to the tagger's findings the officials that a title
// named by another form of their name ("British Foreign Secretary
// Elizabeth Truss": Liz Truss), so that their records and events are the
// gazetteer entity's. The mention next to the title is fuzzy (a first
// name the gazetteer does not list before its surname), later ones are
// coreferences; the findings keep the tagger's order.
func addLinked(found []tagger.Finding, links []roles.Link) []tagger.Finding {
	for _, l := range links {
		i := slices.IndexFunc(found, func(f tagger.Finding) bool { return f.Entity == l.Entity })
		if i < 0 {
			found = append(found, tagger.Finding{Entity: l.Entity})
			i = len(found) - 1
		}
		f := &found[i]
		f.Mentions = slices.Clip(f.Mentions) // the tagger's share one list: append to a copy
		for _, m := range l.Mentions {
			match := tagger.MatchFuzzy
			if m.Match == roles.MatchCoref {
				match = tagger.MatchCoref
			}
			f.Mentions = append(f.Mentions, tagger.Mention{Start: m.Start, End: m.End, Match: match})
		}
		slices.SortFunc(f.Mentions, func(a, b tagger.Mention) int { return a.Start - b.Start })
	}
	slices.SortStableFunc(found, func(a, b tagger.Finding) int {
		if d := a.Mentions[0].Start - b.Mentions[0].Start; d != 0 {
			return d
		}
		return strings.Compare(a.Entity.ID, b.Entity.ID)
	})
	return found
}
