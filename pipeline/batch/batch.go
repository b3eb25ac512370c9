// Package batch runs the gazex pipeline over a large folder of scraped
// files (`gazex batch IN_DIR -o OUT_DIR`, SPEC section 2) and makes the
// run safe to interrupt.
//
// Output goes to OUT_DIR/part-00000.jsonl, part-00001.jsonl, …: each is
// written under a temporary name (part-NNNNN.jsonl.tmp) and renamed when
// complete. OUT_DIR/manifest.jsonl has one line per input file ([Entry]),
// appended only after the shard that holds all the file's records has been
// synced and renamed; the lines committed with one shard carry their count,
// so a line cut short is detected. The guarantees:
//
//   - A file listed in the manifest has all its records in completed part
//     files; a record in a completed part file belongs to a listed file.
//   - After a crash, kill -9 or Ctrl-C, a second run removes the part
//     files no manifest line vouches for and processes exactly the files
//     that are not listed: the union of the part files then holds every
//     record exactly once. --force ([Options.Force]) starts over.
//   - Files are processed in the lexical order of the walk and their
//     documents in file order, whatever the number of workers; the records
//     themselves are those of `gazex extract` on the same files. How files
//     fall into shards depends on ShardBytes and Checkpoint, not on input
//     content. Output names never derive from input content.
//
// The unit of work is the input file: a JSONL file of many documents is
// committed whole or not at all. IN_DIR is listed before the run starts
// (the list costs a few hundred bytes per file); documents are then
// streamed through [pipeline.Pipeline.Run], so memory does not grow with
// the size of the files.
package batch

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gazex/gazex/pipeline"
)

// Options configures a batch run.
type Options struct {
	// Input says how files are found and read (formats, globs, size limit).
	Input pipeline.InputOptions
	// Encode (required) turns one successful result into the JSON lines
	// to write, each ending in "\n"; the returned slice may be reused
	// afterwards. It is called from one goroutine.
	Encode func(pipeline.Result) ([]byte, error)
	// Fingerprint describes the options that shape the records (emit
	// mode, gazetteer, languages…). It is kept in OUT_DIR/run.json; a
	// resume with another fingerprint is refused, since it would mix
	// records of two kinds. When it is a JSON object from option names
	// to values, as gazex batch writes it, the refusal names each option
	// that differs ("--emit was events, now all"; an _ in a name is
	// shown as -).
	Fingerprint string
	// ShardBytes bounds a part file: it is completed at the first file
	// boundary past this size (a single file's records are never split).
	// Default 64 MiB.
	ShardBytes int64
	// Checkpoint completes the current part file at the first file
	// boundary after this much time, so that a crash loses at most about
	// this much work. Default 30 s.
	Checkpoint time.Duration
	// Force removes the outputs of an earlier run (and only those) first.
	Force bool
	// Log receives failures ("gazex: ID: reason"), notes and progress.
	Log io.Writer
	// Bar draws a progress bar on Log (when it is a terminal); otherwise
	// a plain progress line is written every LogEvery (default 10 s).
	Bar      bool
	LogEvery time.Duration
}

// DefaultShardBytes and DefaultCheckpoint are the defaults of Options.
const (
	DefaultShardBytes = 64 << 20
	DefaultCheckpoint = 30 * time.Second
)

// Summary is what a run did; it is also written to OUT_DIR/summary.json.
type Summary struct {
	Files       int     `json:"files"`            // input files processed in this run
	Skipped     int     `json:"files_skipped"`    // already in the manifest from an earlier run
	FailedFiles int     `json:"files_failed"`     // of Files, those with a failed document
	Documents   int     `json:"documents"`        // documents processed in this run
	Failed      int     `json:"failed_documents"` // of those, documents that failed
	Records     int     `json:"records"`          // lines written to part files
	Bytes       int64   `json:"bytes"`            // input bytes read
	Shards      int     `json:"shards"`           // part files completed in this run
	Seconds     float64 `json:"seconds"`
	MBPerSec    float64 `json:"mb_per_s"`
	DocsPerSec  float64 `json:"docs_per_s"`
	Interrupted bool    `json:"interrupted"`
	// Manifest totals over every run into OUT_DIR.
	Manifest struct {
		Files   int `json:"files"`
		OK      int `json:"ok"`
		Failed  int `json:"failed"`
		Records int `json:"records"`
	} `json:"manifest"`
}

// SetupError is returned when a run cannot start (an unusable OUT_DIR, a
// resume with other options): nothing was processed.
type SetupError struct{ Err error }

// Error returns the message of the underlying error.
func (e *SetupError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SetupError) Unwrap() error { return e.Err }

// Run processes the files under in with p and writes the records to out.
// It returns when every file is done, when ctx is cancelled (then the
// completed files are committed first and the error is ctx's), or at an
// output error. Failed documents are reported on opt.Log and counted,
// never fatal.
func Run(ctx context.Context, p *pipeline.Pipeline, in, out string, opt Options) (Summary, error) {
	start := time.Now()
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = DefaultShardBytes
	}
	if opt.Checkpoint <= 0 {
		opt.Checkpoint = DefaultCheckpoint
	}
	if opt.LogEvery <= 0 {
		opt.LogEvery = 10 * time.Second
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Encode == nil {
		return Summary{}, &SetupError{errors.New("batch: Options.Encode is required")}
	}
	b, err := setup(in, out, opt, p.Workers())
	if err != nil {
		return Summary{}, &SetupError{err}
	}
	defer b.unlock()
	defer limitMemory()()
	b.start = start
	b.progress = newProgress(opt, len(b.src.files), b.todoBytes, start)

	_, runErr := p.Run(ctx, b.src, b.sink)
	b.src.close()
	if err := b.commit(); err != nil && runErr == nil {
		runErr = err
	}
	if b.shard != nil { // the records of a file that was cut short
		b.shard.discard()
	}
	b.progress.finish()
	sum := b.summary(ctx.Err() != nil)
	if data, err := json.MarshalIndent(sum, "", "  "); err == nil {
		if werr := writeFileAtomic(filepath.Join(out, summaryName), append(data, '\n')); werr != nil && runErr == nil {
			runErr = werr
		}
	}
	return sum, runErr
}

// batch is the state of one run.
type batch struct {
	opt       Options
	out       string
	src       *source
	prior     *state
	todoBytes int64
	unlock    func()
	start     time.Time
	progress  *progress

	seen int // documents delivered to the sink

	// the file whose documents are arriving
	curDocs, curFailed, curRecords int
	curReason                      string

	shard     *shardWriter
	pending   []Entry // files whose records are all in shard, not committed yet
	shardNext int

	sum Summary
}

func setup(in, out string, opt Options, workers int) (*batch, error) {
	info, err := os.Stat(in)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", in)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lock(out)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			unlock()
		}
	}()
	if opt.Force {
		if err := removeOutputs(out); err != nil {
			return nil, err
		}
	}
	if err := checkRun(out, opt.Fingerprint); err != nil {
		return nil, err
	}
	prior, notes, err := recoverState(out)
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		fmt.Fprintf(opt.Log, "gazex: batch: %s\n", n)
	}
	b := &batch{opt: opt, out: out, prior: prior, shardNext: prior.nextShard, unlock: unlock}
	b.sum.Manifest.Files, b.sum.Manifest.OK, b.sum.Manifest.Failed, b.sum.Manifest.Records = prior.files, prior.ok, prior.failed, prior.records

	walkOpt := opt.Input
	walkOpt.SkipDirs = append(walkOpt.SkipDirs[:len(walkOpt.SkipDirs):len(walkOpt.SkipDirs)], out)
	var files []pipeline.Entry
	for e := range pipeline.Walk(in, walkOpt) {
		k := newEntry(e.ID)
		if _, done := prior.done[k.key()]; done {
			b.sum.Skipped++
			continue
		}
		files = append(files, e)
		b.todoBytes += e.Size
	}
	b.src = newSource(files, opt.Input, workers)
	ok = true
	return b, nil
}

// checkRun refuses to resume a run made with other options, and records
// the options of a new one.
func checkRun(out, fingerprint string) error {
	type runFile struct {
		Gazex   string `json:"gazex"`
		Options string `json:"options"`
	}
	name := filepath.Join(out, runName)
	raw, err := os.ReadFile(name)
	if err == nil {
		var r runFile
		if err := json.Unmarshal(raw, &r); err != nil {
			return fmt.Errorf("%s: %v; use --force to start over", name, err)
		}
		if r.Options == fingerprint {
			return nil
		}
		return fmt.Errorf("%s holds a run made with other options: %s; use the same options to resume, or --force to start over", out, optionChanges(r.Options, fingerprint))
	}
	if _, serr := os.Stat(filepath.Join(out, manifestName)); serr == nil {
		return fmt.Errorf("%s has a manifest but no %s: not a gazex batch folder of this version; use --force to start over", out, runName)
	}
	data, _ := json.Marshal(runFile{Gazex: pipeline.Version, Options: fingerprint})
	return writeFileAtomic(name, append(data, '\n'))
}

// optionChanges says how two fingerprints differ: option by option when
// both are JSON objects, else whole.
func optionChanges(was, now string) string {
	a, aok := fingerprintOptions(was)
	b, bok := fingerprintOptions(now)
	if !aok || !bok {
		return fmt.Sprintf("they were %q, now %q", was, now)
	}
	keys := slices.Sorted(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var diffs []string
	for _, k := range keys {
		va, vb := cmp.Or(a[k], "unset"), cmp.Or(b[k], "unset")
		if va != vb {
			diffs = append(diffs, fmt.Sprintf("--%s was %s, now %s", strings.ReplaceAll(k, "_", "-"), va, vb))
		}
	}
	if len(diffs) == 0 { // the same options, written differently
		return fmt.Sprintf("they were %q, now %q", was, now)
	}
	return strings.Join(diffs, "; ")
}

// fingerprintOptions reads a fingerprint that is a JSON object into the
// values of its options as a person would type them ("unset" for none).
func fingerprintOptions(fp string) (map[string]string, bool) {
	dec := json.NewDecoder(strings.NewReader(fp))
	dec.UseNumber()
	var m map[string]any
	if dec.Decode(&m) != nil || m == nil {
		return nil, false
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = optionValue(v)
	}
	return out, true
}

func optionValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "unset"
	case string:
		if v == "" {
			return "unset"
		}
		return v
	case []any:
		if len(v) == 0 {
			return "unset"
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = optionValue(x)
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(v)
	}
}

// sink receives every result in input order.
func (b *batch) sink(r pipeline.Result) error {
	seq := b.seen
	b.seen++
	b.curDocs++
	b.sum.Documents++
	if r.Err != nil {
		b.curFailed++
		b.sum.Failed++
		if b.curReason == "" {
			b.curReason = r.Err.Error()
		}
		b.progress.logf("gazex: %s: %v\n", r.Doc.ID, r.Err)
	} else {
		for _, w := range r.Document.Warnings {
			b.progress.logf("gazex: %s: warning: %s\n", r.Doc.ID, w)
		}
		lines, err := b.opt.Encode(r)
		if err != nil {
			return err
		}
		if len(lines) > 0 {
			if b.shard == nil {
				if b.shard, err = newShard(b.out, b.shardNext); err != nil {
					return err
				}
			}
			if err := b.shard.write(lines); err != nil {
				return err
			}
			n := bytes.Count(lines, []byte("\n"))
			b.curRecords += n
			b.sum.Records += n
		}
	}
	end, ok := b.src.endAt(seq)
	if !ok {
		return nil
	}
	return b.fileDone(end)
}

// fileDone records a complete file and completes the shard when it is
// full or old enough.
func (b *batch) fileDone(end fileEnd) error {
	e := newEntry(end.entry.ID)
	e.Size, e.SHA256 = end.size, end.sum
	e.Status, e.Reason = StatusOK, b.curReason
	if b.curFailed > 0 {
		e.Status = StatusFailed
		b.sum.FailedFiles++
		if b.curFailed > 1 {
			e.Reason = fmt.Sprintf("%s (and %d more)", b.curReason, b.curFailed-1)
		}
	}
	e.Documents, e.Failed, e.Records = b.curDocs, b.curFailed, b.curRecords
	b.curDocs, b.curFailed, b.curRecords, b.curReason = 0, 0, 0, ""
	b.sum.Files++
	b.sum.Bytes += end.size
	if b.shard == nil {
		var err error
		if b.shard, err = newShard(b.out, b.shardNext); err != nil {
			return err
		}
	}
	b.shard.boundary()
	b.pending = append(b.pending, e)
	b.progress.file(end.entry.Size, b.sum.Files, b.sum.Documents, b.sum.Failed, b.sum.Bytes)
	if b.shard.size() >= b.opt.ShardBytes || time.Since(b.shard.opened) >= b.opt.Checkpoint {
		return b.commit()
	}
	return nil
}

// commit completes the current shard with the files that are complete in
// it: records of a file cut short are truncated away, the shard is synced
// and renamed, and only then are the files' manifest lines appended (in
// one write, synced).
func (b *batch) commit() error {
	if len(b.pending) == 0 {
		return nil
	}
	name, err := b.shard.complete()
	if err != nil {
		return err
	}
	b.shard = nil
	b.shardNext++
	b.sum.Shards++
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range b.pending {
		e := &b.pending[i]
		e.Shard, e.ShardFiles = name, len(b.pending)
		if err := enc.Encode(e); err != nil {
			return err
		}
		b.sum.Manifest.Files++
		b.sum.Manifest.Records += e.Records
		if e.Status == StatusOK {
			b.sum.Manifest.OK++
		} else {
			b.sum.Manifest.Failed++
		}
	}
	b.pending = b.pending[:0]
	f, err := os.OpenFile(filepath.Join(b.out, manifestName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (b *batch) summary(interrupted bool) Summary {
	s := b.sum
	s.Interrupted = interrupted
	s.Seconds = time.Since(b.start).Seconds()
	if s.Seconds > 0 {
		s.MBPerSec = round2(float64(s.Bytes) / 1e6 / s.Seconds)
		s.DocsPerSec = round2(float64(s.Documents) / s.Seconds)
	}
	s.Seconds = round2(s.Seconds)
	return s
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

// shardWriter writes one part file under its temporary name.
type shardWriter struct {
	dir, name string
	f         *os.File
	w         *bufio.Writer
	written   int64 // bytes handed to w
	safe      int64 // bytes up to the end of the last complete file
	opened    time.Time
}

func newShard(dir string, n int) (*shardWriter, error) {
	name := shardName(n)
	f, err := os.OpenFile(filepath.Join(dir, name+tmpSuffix), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &shardWriter{dir: dir, name: name, f: f, w: bufio.NewWriterSize(f, 256<<10), opened: time.Now()}, nil
}

func (s *shardWriter) write(p []byte) error {
	n, err := s.w.Write(p)
	s.written += int64(n)
	return err
}

func (s *shardWriter) boundary()   { s.safe = s.written }
func (s *shardWriter) size() int64 { return s.written }

// complete keeps the records up to the last file boundary, syncs, and
// renames the shard to its final name.
func (s *shardWriter) complete() (string, error) {
	tmp := filepath.Join(s.dir, s.name+tmpSuffix)
	err := s.w.Flush()
	if err == nil {
		err = s.f.Truncate(s.safe)
	}
	if err == nil {
		err = s.f.Sync()
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(s.dir, s.name))
	}
	if err == nil {
		err = syncDir(s.dir)
	}
	if err != nil {
		return "", fmt.Errorf("completing %s: %w", s.name, err)
	}
	return s.name, nil
}

// discard removes a shard that holds no complete file.
func (s *shardWriter) discard() {
	s.f.Close()
	if err := os.Remove(filepath.Join(s.dir, s.name+tmpSuffix)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return
	}
}
