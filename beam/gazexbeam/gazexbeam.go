// Package gazexbeam runs the gazex pipeline on Apache Beam: read → extract
// → write, on the Go-native prism runner in-process or on Dataflow, Flink
// and Spark.
//
// The Beam pipeline that [Build] adds is
//
//	Impulse → list files ([Expand]) → Reshuffle → extract → GroupByKey(shard) → write
//
// and it guarantees:
//
//   - The same records as `gazex batch` (and `gazex extract`) on the same
//     files with the same options: documents get the ids batch gives them,
//     each is run through [pipeline.Pipeline.Process] and encoded by
//     [pipeline.Encoder]. Only the order across documents differs.
//   - One pipeline (compiled gazetteer, language models) per worker
//     process and configuration, built on the first DoFn Setup and shared
//     by every DoFn instance and bundle after it.
//   - Output OUTPUT/part-SSSSS-of-NNNNN.jsonl (records) and
//     OUTPUT/failed-SSSSS-of-NNNNN.jsonl (failed documents), for every
//     shard S < N, even an empty one. A document's shard is a hash of its
//     id ([ShardOf]); inside a shard, documents are sorted by id, then
//     file and position, and keep their records in encoder order. So the
//     output bytes depend on the input and options only, not on the
//     runner, the bundling or retries. Each file is written under a
//     temporary name and renamed: a retried bundle overwrites a shard, it
//     never adds to it.
//   - A file or document that cannot be read or processed (empty, binary,
//     broken gzip, bad JSONL line) is a line in failed-*.jsonl, counted in
//     the gazex/failed_documents metric and logged; the run goes on.
//
// A shard's documents are sorted in the memory of one worker: choose
// Shards so that the output divided by Shards fits comfortably.
package gazexbeam

import (
	"context"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	// Filesystems for --input, --output and --gazetteer: local paths,
	// gs:// and s3://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	"github.com/gazex/gazex/pipeline"
)

func init() {
	beam.RegisterType(reflect.TypeFor[FileRef]())
	beam.RegisterType(reflect.TypeFor[Doc]())
	register.DoFn3x1[context.Context, []byte, func(FileRef), error](&listFn{})
	register.DoFn3x1[context.Context, FileRef, func(int, Doc), error](&extractFn{})
	register.DoFn3x1[context.Context, int, func(*Doc) bool, error](&writeFn{})
	register.DoFn2x0[[]byte, func(int, Doc)](&emptyShardsFn{})
	register.Emitter1[FileRef]()
	register.Emitter2[int, Doc]()
	register.Iter1[Doc]()
}

// DefaultShards is the default of Options.Shards.
const DefaultShards = 16

// Options configures a run.
type Options struct {
	// Input is a local folder, file or glob, or a gs:// or s3:// URL or
	// glob (see [Expand]).
	Input string
	// Output is the folder (local path or URL) of the shard files.
	Output string
	// Emit is the --emit mode: events, entities, documents or all.
	Emit string
	// Shards is the number of output shards; default DefaultShards.
	Shards int
	// Include and Exclude filter the files of a local walk as `gazex
	// batch --include/--exclude` do.
	Include, Exclude []string
	// Config shapes the records.
	Config Config
}

// Build adds the gazex transforms to s. It checks the options and builds
// the pipeline once on the launcher, so that a bad gazetteer or language
// list fails here rather than on every worker.
func Build(s beam.Scope, opt Options) error {
	if opt.Input == "" || opt.Output == "" {
		return fmt.Errorf("gazexbeam: Input and Output are required")
	}
	if !pipeline.ValidEmit(opt.Emit) {
		_, err := pipeline.NewEncoder(opt.Emit)
		return err
	}
	if opt.Shards <= 0 {
		opt.Shards = DefaultShards
	}
	switch opt.Config.Format {
	case "", pipeline.FormatAuto, pipeline.FormatText, pipeline.FormatHTML, pipeline.FormatJSONL:
	default:
		return fmt.Errorf("format %q: want auto, text, html or jsonl", opt.Config.Format)
	}
	for _, g := range append(append([]string{}, opt.Include...), opt.Exclude...) {
		if err := pipeline.ValidGlob(g); err != nil {
			return err
		}
	}
	if _, pattern := splitGlob(opt.Input); pattern != "" {
		if _, err := globRegexp(pattern); err != nil {
			return fmt.Errorf("input: %w", err)
		}
	}
	if _, err := sharedPipeline(opt.Config); err != nil {
		return err
	}
	s = s.Scope("gazex")
	files := beam.ParDo(s.Scope("list"), &listFn{Input: opt.Input, Output: opt.Output, Include: opt.Include, Exclude: opt.Exclude}, beam.Impulse(s))
	files = beam.Reshuffle(s.Scope("spread"), files)
	docs := beam.ParDo(s.Scope("extract"), &extractFn{Config: opt.Config, Emit: opt.Emit, Shards: opt.Shards}, files)
	all := beam.Flatten(s, docs, markerShards(s.Scope("shards"), opt.Shards))
	beam.ParDo0(s.Scope("write"), &writeFn{Output: opt.Output, Shards: opt.Shards}, beam.GroupByKey(s, all))
	return nil
}

// listFn expands the input on a worker, so the launcher needs no access
// to the files and the list is not embedded in the job graph.
type listFn struct {
	Input   string   `json:"input"`
	Output  string   `json:"output"`
	Include []string `json:"include,omitempty"`
	Exclude []string `json:"exclude,omitempty"`
}

// ProcessElement lists the input files.
func (f *listFn) ProcessElement(ctx context.Context, _ []byte, emit func(FileRef)) error {
	opt := pipeline.InputOptions{Include: f.Include, Exclude: f.Exclude, SkipDirs: []string{f.Output}}
	refs, err := Expand(ctx, f.Input, opt)
	if err != nil {
		return err
	}
	for _, r := range refs {
		emit(r)
	}
	return nil
}

// Counters are the gazex metrics of a finished run.
type Counters struct {
	Files, Documents, Failed, Records, InputBytes, Warnings int64
}

// ReadCounters sums the gazex counters of a pipeline result (committed
// values where the runner reports them, else attempted ones).
func ReadCounters(res beam.PipelineResult) Counters {
	var c Counters
	if res == nil {
		return c
	}
	for _, r := range res.Metrics().AllMetrics().Counters() {
		if r.Namespace() != "gazex" {
			continue
		}
		v := r.Result()
		switch r.Name() {
		case "files":
			c.Files += v
		case "documents":
			c.Documents += v
		case "failed_documents":
			c.Failed += v
		case "records":
			c.Records += v
		case "input_bytes":
			c.InputBytes += v
		case "warnings":
			c.Warnings += v
		}
	}
	return c
}
