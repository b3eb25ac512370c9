package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/batch"
)

var batchCmd = &command{
	name: "batch",
	args: "[flags] IN_DIR -o OUT_DIR",
	about: `Processes a large scraped folder into OUT_DIR: part files of records
(part-NNNNN.jsonl), manifest.jsonl (one line per input file: its status, documents and records)
and summary.json, with progress on stderr. Files are read by extension as in gazex extract
(others are skipped and counted). Resumable: after a crash, kill -9 or Ctrl-C, run the same
command again and it goes on where it stopped; a resume with other options is refused (--force
starts over). The records are byte for byte those of gazex extract on the same folder.`,
	examples: []string{
		"gazex batch --emit all crawl/ -o out/",
		"gazex batch --emit all crawl/ -o out/     # again after Ctrl-C: resumes",
	},
}

func runBatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := batchCmd
	fs := c.flags()
	var setup setupFlags
	setup.register(fs)
	emit := fs.String("emit", pipeline.EmitEvents, "records to write: events, entities, documents or all")
	format := fs.String("format", pipeline.FormatAuto, "input format: auto, text, html or jsonl")
	out := fs.String("o", "", "output `folder` (part-NNNNN.jsonl, manifest.jsonl, summary.json)")
	var include, exclude multiFlag
	fs.Var(&include, "include", "only files matching this `glob`, whatever their extension (base name, or path relative to IN_DIR if it has a /; repeatable)")
	fs.Var(&exclude, "exclude", "skip files and folders matching this `glob` (repeatable)")
	force := fs.Bool("force", false, "remove the outputs of an earlier run in the output folder and start over")
	shardMB := fs.Int("shard-mb", batch.DefaultShardBytes>>20, "complete a part file once it holds this many MiB (at a file boundary)")
	checkpoint := fs.Duration("checkpoint", batch.DefaultCheckpoint, "complete a part file at least this often, bounding the work a crash loses")
	progressFlag := fs.String("progress", "auto", "progress on stderr: auto (a bar on a terminal, else log lines), bar, or log")
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	usageErr := func(format string, a ...any) int { return c.usageError(stderr, format, a...) }
	switch {
	case len(pos) != 1:
		return usageErr("batch takes one IN_DIR (got %d)", len(pos))
	case *out == "":
		return usageErr("batch needs -o OUT_DIR")
	case *shardMB < 1:
		return usageErr("--shard-mb must be at least 1")
	case *checkpoint <= 0:
		return usageErr("--checkpoint must be positive")
	}
	enc, err := pipeline.NewEncoder(*emit)
	if err != nil {
		return usageErr("--%v", err)
	}
	switch *format {
	case pipeline.FormatAuto, pipeline.FormatText, pipeline.FormatHTML, pipeline.FormatJSONL:
	default:
		return usageErr("--format %q: want auto, text, html or jsonl", *format)
	}
	for _, g := range append(append([]string{}, include...), exclude...) {
		if err := pipeline.ValidGlob(g); err != nil {
			return usageErr("%v", err)
		}
	}
	bar := false
	switch *progressFlag {
	case "auto":
		f, ok := stderr.(*os.File)
		bar = ok && term.IsTerminal(int(f.Fd()))
	case "bar":
		bar = true
	case "log":
	default:
		return usageErr("--progress %q: want auto, bar or log", *progressFlag)
	}
	p, err := setup.pipeline()
	if err != nil {
		return setupError(c, stderr, err)
	}
	// What shapes the records: a resume with other values would mix two
	// kinds of output in one folder. The keys are the flags' names (_ for
	// -), so that a refused resume can name the flags that differ.
	fingerprint, _ := json.Marshal(map[string]any{
		"emit": *emit, "format": *format, "langs": setup.langs, "gazetteer": setup.gazetteers,
		"no_default_gazetteer": setup.noDefault, "published": setup.published,
		"include_text": setup.includeText, "max_bytes": setup.maxBytes,
		"include": include, "exclude": exclude,
	})
	var skipped skipCount
	sum, err := batch.Run(ctx, p, pos[0], *out, batch.Options{
		Input: pipeline.InputOptions{
			Format: *format, MaxBytes: setup.maxBytes, Include: include, Exclude: exclude,
			Skipped: skipped.add,
		},
		Encode:      enc.Encode,
		Fingerprint: string(fingerprint),
		ShardBytes:  int64(*shardMB) << 20,
		Checkpoint:  *checkpoint,
		Force:       *force,
		Log:         stderr,
		Bar:         bar,
		LogEvery:    10 * time.Second,
	})
	var setupErr *batch.SetupError
	if errors.As(err, &setupErr) {
		return setupError(c, stderr, err)
	}
	fmt.Fprintf(stderr, "gazex: batch: %d files (%d done before), %d documents, %d failed, %d records in %d new part files; %.1f MB in %.1f s: %.2f MB/s, %.1f documents/s\n",
		sum.Files, sum.Skipped, sum.Documents, sum.Failed, sum.Records, sum.Shards,
		float64(sum.Bytes)/1e6, sum.Seconds, sum.MBPerSec, sum.DocsPerSec)
	skipped.report(stderr)
	switch {
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "gazex: batch: interrupted; the completed files are in the manifest: run the same command again to resume\n")
		return exitInterrupt
	case err != nil:
		fmt.Fprintf(stderr, "gazex: batch: %v\n", err)
		return exitSomeFail
	case sum.Failed > 0:
		fmt.Fprintf(stderr, "gazex: batch: %d of %d documents failed (see the manifest)\n", sum.Failed, sum.Documents)
		return exitSomeFail
	case sum.Manifest.Failed > 0:
		// The folder's output is what counts: a rerun that had nothing
		// left to do does not make the failures of the first run succeed.
		fmt.Fprintf(stderr, "gazex: batch: %d of %d files in the manifest have failed documents, from an earlier run (see the manifest; --force starts over)\n",
			sum.Manifest.Failed, sum.Manifest.Files)
		return exitSomeFail
	}
	return exitOK
}
