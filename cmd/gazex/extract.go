package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// setupFlags are the flags every command that builds a pipeline shares.
type setupFlags struct {
	langs       string
	gazetteers  multiFlag
	noDefault   bool
	workers     int
	maxBytes    int
	published   string
	includeText bool
	// eventsOnly is set by extract --emit events: the document records
	// need no entities or segments (pipeline.Config.EventsOnly).
	eventsOnly bool
	// reuseRecords is set by extract, whose sink encodes each result and
	// keeps nothing of it (pipeline.Config.ReuseRecords).
	reuseRecords bool
}

func (s *setupFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.langs, "langs", "de,es,en", "languages to consider (comma-separated ISO 639-1 codes)")
	fs.Var(&s.gazetteers, "gazetteer", "extra gazetteer `file or folder`, merged over the default (repeatable)")
	fs.BoolVar(&s.noDefault, "no-default-gazetteer", false, "drop the embedded default gazetteer")
	fs.IntVar(&s.workers, "workers", runtime.NumCPU(), "goroutines per stage, and at most this many cores")
	fs.IntVar(&s.maxBytes, "max-bytes", pipeline.DefaultMaxBytes, "larger documents are reported and skipped")
	fs.StringVar(&s.published, "published", "", "publication date `YYYY-MM-DD` of documents that carry none (positions and relative dates are resolved against it)")
	fs.BoolVar(&s.includeText, "include-text", false, "document records carry the original text")
}

// pipeline builds the pipeline the flags describe. Its errors are setup
// errors (exit status 2).
func (s *setupFlags) pipeline() (*pipeline.Pipeline, error) {
	if err := checkDate("--published", s.published); err != nil {
		return nil, err
	}
	langs, err := parseLangs(s.langs)
	if err != nil {
		return nil, err
	}
	defer limitSetupMemory(s.gazetteers)()
	entities, version, err := gazetteer.Load(s.gazetteers, s.noDefault)
	if err != nil {
		return nil, err
	}
	if s.workers < 1 {
		return nil, fmt.Errorf("--workers must be at least 1")
	}
	// --workers bounds the cores used, as ripgrep's -j does: with one
	// worker per stage the stages would otherwise still run side by side.
	runtime.GOMAXPROCS(min(s.workers, runtime.NumCPU()))
	return pipeline.New(pipeline.Config{
		Langs:            langs,
		Entities:         entities,
		GazetteerVersion: version,
		Workers:          s.workers,
		MaxBytes:         s.maxBytes,
		IncludeText:      s.includeText,
		Published:        s.published,
		EventsOnly:       s.eventsOnly,
		ReuseRecords:     s.reuseRecords,
	})
}

// checkDate checks the value of a date flag: every date flag takes one
// syntax, YYYY-MM-DD (a partial date would leave "am Montag" and the
// position held on the day undecided).
func checkDate(flag, value string) error {
	if value == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, value); err != nil {
		return fmt.Errorf("%s %q: want a date YYYY-MM-DD", flag, value)
	}
	return nil
}

// setupError reports an error in building the pipeline (exit status 2):
// each gazetteer problem on a line of its own, "file:line: message", as
// `gazex gazetteer check` prints them.
func setupError(c *command, stderr io.Writer, err error) int {
	var list gazetteer.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "gazex: %s: --gazetteer: %s (gazex gazetteer check FILE… lists the same)\n", c.name, problems(len(list)))
		return exitUsage
	}
	fmt.Fprintf(stderr, "gazex: %s: %v\n", c.name, err)
	return exitUsage
}

// problems is "1 problem" or "N problems".
func problems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseArgs is parseInterleaved for a command without a [command]
// description (prefer command.parse, which prints help on stdout): when
// parsing ends the command — -h (exit 0) or a bad flag, which flag has
// already reported (exit 2) — ok is false and code is the exit status.
func parseArgs(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	pos, err := parseInterleaved(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, exitOK, false
	case err != nil:
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

// parseInterleaved parses flags that may stand before, between or after the
// positional arguments, as users of ripgrep and jq expect. "--" ends flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

var extractCmd = &command{
	name: "extract",
	args: "[flags] [PATH…]",
	about: `Reads files, folders and standard input ("-", or no PATH) and writes one JSON Lines record
per line to stdout, in input order (docs/records.md). A folder is read recursively, but only
files gazex reads by their extension: .txt .text .md (text), .html .htm .xhtml (main text
extracted), .jsonl .ndjson (one document a line: {"id","text","url","published","lang"}), each
also .gz; other files are skipped and counted in one line on stderr (--include reads them). A
file named as an argument is always read. Every document that cannot be processed, and every
warning, is reported on stderr as "gazex: ID: reason" (docs/cli.md).`,
	examples: []string{
		"gazex extract --published 2023-04-04 article.txt            # events (the default)",
		"gazex extract --emit all --include-text news/ > records.jsonl",
		"cat wire.jsonl | gazex extract --format jsonl --emit entities",
		"gazex extract --gazetteer my-officials.yaml --emit entities news/",
	},
}

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := extractCmd
	fs := c.flags()
	var setup setupFlags
	setup.register(fs)
	emit := fs.String("emit", pipeline.EmitEvents, "records to write: events, entities, documents or all; or unmatched (a YAML gazetteer stub of what only role patterns found)")
	format := fs.String("format", pipeline.FormatAuto, "input format: auto (by extension, then content), text, html or jsonl")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	var include, exclude multiFlag
	fs.Var(&include, "include", "in folders, only files matching this `glob`, whatever their extension (base name, or path relative to the folder if it has a /; repeatable)")
	fs.Var(&exclude, "exclude", "in folders, skip files and folders matching this `glob` (repeatable)")
	skipBad := fs.Bool("skip-bad", false, "documents that cannot be processed are reported on stderr but do not make the exit status 1 (for Spark RDD.pipe and Hadoop Streaming, where it fails the task)")
	paths, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if *cpuprofile != "" {
		stop, perr := startCPUProfile(*cpuprofile)
		if perr != nil {
			return setupError(c, stderr, perr)
		}
		defer stop()
	}
	if !pipeline.ValidEmit(*emit) && *emit != emitUnmatched {
		return c.usageError(stderr, "--emit %q: want events, entities, documents, all or unmatched", *emit)
	}
	switch *format {
	case pipeline.FormatAuto, pipeline.FormatText, pipeline.FormatHTML, pipeline.FormatJSONL:
	default:
		return c.usageError(stderr, "--format %q: want auto, text, html or jsonl", *format)
	}
	for _, g := range append(append([]string{}, include...), exclude...) {
		if err := pipeline.ValidGlob(g); err != nil {
			return c.usageError(stderr, "%v", err)
		}
	}
	setup.eventsOnly = *emit == pipeline.EmitEvents
	setup.reuseRecords = true // the sink below encodes, or counts strings (unmatched)
	p, err := setup.pipeline()
	if err != nil {
		return setupError(c, stderr, err)
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var skipped skipCount
	src := pipeline.FileSource(paths, pipeline.InputOptions{
		Format: *format, MaxBytes: setup.maxBytes, Stdin: stdin, Include: include, Exclude: exclude,
		Skipped: skipped.add,
	})
	paced, restore := paceCollector(setup.gazetteers)
	defer restore()
	src = limitMemory(src, p.Workers(), paced)

	out := bufio.NewWriterSize(stdout, 64<<10)
	enc, _ := pipeline.NewEncoder(*emit) // nil for unmatched
	report := newUnmatched()
	stats, err := p.Run(ctx, src, func(r pipeline.Result) error {
		if r.Err != nil {
			fmt.Fprintf(stderr, "gazex: %s: %v\n", r.Doc.ID, r.Err)
			return nil
		}
		for _, w := range r.Document.Warnings {
			fmt.Fprintf(stderr, "gazex: %s: warning: %s\n", r.Doc.ID, w)
		}
		if *emit == emitUnmatched {
			report.add(r.Document)
			return nil
		}
		lines, err := enc.Encode(r)
		if err != nil {
			return err
		}
		// Whole lines only: a line is written in one call, so an
		// interrupted run never leaves half a record on stdout.
		_, err = out.Write(lines)
		return err
	})
	if *emit == emitUnmatched && err == nil && ctx.Err() == nil {
		err = report.write(out)
	}
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = ferr
	}
	skipped.report(stderr)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "gazex: interrupted after %d documents\n", stats.Documents)
		return exitInterrupt
	case err != nil:
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitSomeFail
	case stats.Failed > 0 && *skipBad:
		fmt.Fprintf(stderr, "gazex: %d of %d documents skipped (--skip-bad)\n", stats.Failed, stats.Documents)
	case stats.Failed > 0:
		fmt.Fprintf(stderr, "gazex: %d of %d documents failed\n", stats.Failed, stats.Documents)
		return exitSomeFail
	}
	return exitOK
}

// startCPUProfile profiles the process into path until the returned
// function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// skipCount counts the files that folder walks leave out for their type.
type skipCount struct{ n atomic.Int64 }

func (s *skipCount) add(pipeline.Entry) { s.n.Add(1) }

// report writes the one line that says how many were skipped, if any.
func (s *skipCount) report(stderr io.Writer) {
	switch n := s.n.Load(); n {
	case 0:
	case 1:
		fmt.Fprintf(stderr, "gazex: skipped 1 file of another type (--include to read it)\n")
	default:
		fmt.Fprintf(stderr, "gazex: skipped %d files of other types (--include to read them)\n", n)
	}
}

// warnSource prints the warnings of the documents a source reads
// (`gazex: ID: warning: …`) as they pass, for commands that hand documents
// on instead of processing them (publish).
type warnSource struct {
	pipeline.Source
	stderr io.Writer
}

func (w warnSource) Next(ctx context.Context) (pipeline.Document, error) {
	d, err := w.Source.Next(ctx)
	for _, warning := range d.Warnings {
		fmt.Fprintf(w.stderr, "gazex: %s: warning: %s\n", d.ID, warning)
	}
	return d, err
}
