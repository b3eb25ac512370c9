// Command gazex-beam runs the gazex extraction as an Apache Beam pipeline:
//
//	gazex-beam --input GLOB --output DIR [--runner prism|dataflow|flink|spark|universal]
//	           [--emit events|entities|documents|all] [--shards N] [--langs de,es,en]
//	           [--gazetteer FILE]… [--no-default-gazetteer] [Beam runner flags]
//
// It writes DIR/part-SSSSS-of-NNNNN.jsonl (records) and
// DIR/failed-SSSSS-of-NNNNN.jsonl (documents that could not be processed);
// see package gazexbeam for the guarantees. The default runner is prism,
// in-process: no service is needed. The same binary is the worker binary
// on Dataflow, Flink and Spark (see beam/README.md for the flags).
//
// Exit status: 0 when every document was processed, 1 when some failed
// (they are listed in failed-*.jsonl) or the job failed, 2 on a usage or
// setup error.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"

	// The runners --runner may name.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/gazex/gazex/beam/gazexbeam"
	"github.com/gazex/gazex/pipeline"
)

const (
	exitOK       = 0
	exitSomeFail = 1
	exitUsage    = 2
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

var (
	input       = flag.String("input", "", "input `GLOB`: a folder, a file, a glob (** spans folders), or a gs:// or s3:// URL or glob")
	output      = flag.String("output", "", "output `DIR` (local path, gs:// or s3://) for part-*.jsonl and failed-*.jsonl")
	emit        = flag.String("emit", pipeline.EmitEvents, "records to write: events, entities, documents or all")
	shards      = flag.Int("shards", gazexbeam.DefaultShards, "number of output shards")
	format      = flag.String("format", pipeline.FormatAuto, "input format: auto, text, html or jsonl")
	langs       = flag.String("langs", "de,es,en", "languages to consider (comma-separated ISO 639-1 codes)")
	noDefault   = flag.Bool("no-default-gazetteer", false, "drop the embedded default gazetteer")
	maxBytes    = flag.Int("max-bytes", pipeline.DefaultMaxBytes, "larger documents are reported and skipped")
	published   = flag.String("published", "", "publication date `YYYY-MM-DD` for documents that carry none")
	includeText = flag.Bool("include-text", false, "document records carry the original text")
	gazetteers  multiFlag
	include     multiFlag
	exclude     multiFlag
)

func init() {
	flag.Var(&gazetteers, "gazetteer", "extra gazetteer `file or folder`, merged over the default (repeatable)")
	flag.Var(&include, "include", "only files matching this `glob` (local inputs; repeatable)")
	flag.Var(&exclude, "exclude", "skip files and folders matching this `glob` (local inputs; repeatable)")
}

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gazex-beam --input GLOB --output DIR [--runner prism|dataflow|flink|spark|universal] [flags]")
		flag.PrintDefaults()
	}
	flag.Parse()
	// On a worker, Init runs the SDK harness and never returns.
	beam.Init()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Stderr))
}

func run(ctx context.Context, stderr io.Writer) int {
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "gazex-beam: "+format+"\n", a...)
		return exitUsage
	}
	if flag.NArg() > 0 {
		return usage("unexpected arguments %q; the input is --input", flag.Args())
	}
	if *input == "" || *output == "" {
		return usage("--input and --output are required")
	}
	if *shards < 1 {
		return usage("--shards must be at least 1")
	}
	if !strings.Contains(*input, "://") { // a local input must exist here (workers list it again)
		root := *input
		if i := strings.IndexAny(root, "*?["); i >= 0 {
			root = root[:strings.LastIndexByte(root[:i], '/')+1] + "."
		}
		if _, err := os.Stat(root); err != nil {
			return usage("--input: %v", err)
		}
	}
	gz, err := gazexbeam.ReadGazetteers(ctx, gazetteers)
	if err != nil {
		return usage("%v", err)
	}
	opt := gazexbeam.Options{
		Input: *input, Output: *output, Emit: *emit, Shards: *shards,
		Include: include, Exclude: exclude,
		Config: gazexbeam.Config{
			Langs: splitList(*langs), Gazetteers: gz, NoDefaultGazetteer: *noDefault,
			MaxBytes: *maxBytes, Published: *published, IncludeText: *includeText, Format: *format,
		},
	}
	p, s := beam.NewPipelineWithRoot()
	if err := gazexbeam.Build(s, opt); err != nil {
		return usage("%v", err)
	}
	runner := *runners.Runner
	if runner == "" {
		runner = "prism"
	}
	start := time.Now()
	res, err := beam.Run(ctx, runner, p)
	if err != nil {
		fmt.Fprintf(stderr, "gazex-beam: %s: %v\n", runner, err)
		return exitSomeFail
	}
	if res == nil { // an asynchronous submission
		return exitOK
	}
	c := gazexbeam.ReadCounters(res)
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stderr, "gazex-beam: %d files, %d documents, %d failed, %d records in %d shards; %.1f MB in %.1f s: %.1f documents/s\n",
		c.Files, c.Documents, c.Failed, c.Records, *shards, float64(c.InputBytes)/1e6, secs, float64(c.Documents)/secs)
	if c.Failed > 0 {
		fmt.Fprintf(stderr, "gazex-beam: %d of %d documents failed (see %s)\n", c.Failed, c.Documents, strings.TrimSuffix(*output, "/")+"/failed-*.jsonl")
		return exitSomeFail
	}
	return exitOK
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
