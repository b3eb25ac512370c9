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
}

func (s *setupFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.langs, "langs", "de,es,en", "languages to consider (comma-separated ISO 639-1 codes)")
	fs.Var(&s.gazetteers, "gazetteer", "extra gazetteer `file or folder`, merged over the default (repeatable)")
	fs.BoolVar(&s.noDefault, "no-default-gazetteer", false, "drop the embedded default gazetteer")
	fs.IntVar(&s.workers, "workers", runtime.NumCPU(), "goroutines per stage, and at most this many cores")
	fs.IntVar(&s.maxBytes, "max-bytes", pipeline.DefaultMaxBytes, "larger documents are reported and skipped")
	fs.StringVar(&s.published, "published", "", "publication date `YYYY-MM-DD` for documents that carry none")
	fs.BoolVar(&s.includeText, "include-text", false, "document records carry the original text")
}

// pipeline builds the pipeline the flags describe. Its errors are setup
// errors (exit status 2).
func (s *setupFlags) pipeline() (*pipeline.Pipeline, error) {
	langs, err := parseLangs(s.langs)
	if err != nil {
		return nil, err
	}
	entities, version, err := loadGazetteer(s.gazetteers, s.noDefault)
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
	})
}

// loadGazetteer returns the default gazetteer merged with the user's files.
func loadGazetteer(paths []string, noDefault bool) ([]*gazetteer.Entity, string, error) {
	var user []*gazetteer.Entity
	for _, p := range paths {
		es, err := gazetteer.LoadFile(p)
		if err != nil {
			return nil, "", err
		}
		user = append(user, es...)
	}
	return gazetteer.OverDefault(user, noDefault)
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

// parseArgs is parseInterleaved for a command: when parsing ends the
// command — -h (exit 0) or a bad flag, which flag has already reported
// (exit 2) — ok is false and code is the exit status.
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

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gazex extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var setup setupFlags
	setup.register(fs)
	emit := fs.String("emit", pipeline.EmitEvents, "records to write: events, entities, documents or all; or unmatched (a YAML gazetteer stub of what only role patterns found)")
	format := fs.String("format", pipeline.FormatAuto, "input format: auto, text, html or jsonl")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	var include, exclude multiFlag
	fs.Var(&include, "include", "in folders, only files matching this `glob` (base name, or path relative to the folder if it has a /; repeatable)")
	fs.Var(&exclude, "exclude", "in folders, skip files and folders matching this `glob` (repeatable)")
	skipBad := fs.Bool("skip-bad", false, "documents that cannot be processed are reported on stderr but do not make the exit status 1 (for Spark RDD.pipe and Hadoop Streaming, where it fails the task)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gazex extract [flags] [PATH…]   (PATH: file, folder, or - for stdin)")
		fs.PrintDefaults()
	}
	paths, code, ok := parseArgs(fs, args)
	if !ok {
		return code
	}
	if *cpuprofile != "" {
		stop, perr := startCPUProfile(*cpuprofile)
		if perr != nil {
			fmt.Fprintf(stderr, "gazex: %v\n", perr)
			return exitUsage
		}
		defer stop()
	}
	if !pipeline.ValidEmit(*emit) && *emit != emitUnmatched {
		fmt.Fprintf(stderr, "gazex: --emit %q: want events, entities, documents, all or unmatched\n", *emit)
		return exitUsage
	}
	switch *format {
	case pipeline.FormatAuto, pipeline.FormatText, pipeline.FormatHTML, pipeline.FormatJSONL:
	default:
		fmt.Fprintf(stderr, "gazex: --format %q: want auto, text, html or jsonl\n", *format)
		return exitUsage
	}
	for _, g := range append(append([]string{}, include...), exclude...) {
		if err := pipeline.ValidGlob(g); err != nil {
			fmt.Fprintf(stderr, "gazex: %v\n", err)
			return exitUsage
		}
	}
	p, err := setup.pipeline()
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	src := pipeline.FileSource(paths, pipeline.InputOptions{
		Format: *format, MaxBytes: setup.maxBytes, Stdin: stdin, Include: include, Exclude: exclude,
	})

	out := bufio.NewWriterSize(stdout, 64<<10)
	enc, _ := pipeline.NewEncoder(*emit) // nil for unmatched
	report := newUnmatched()
	stats, err := p.Run(ctx, src, func(r pipeline.Result) error {
		if r.Err != nil {
			fmt.Fprintf(stderr, "gazex: %s: %v\n", r.Doc.ID, r.Err)
			return nil
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
