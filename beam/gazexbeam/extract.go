package gazexbeam

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing/fstest"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// Config is what shapes the records: the pipeline's settings and the
// gazetteer. It travels inside the DoFn to every worker (as JSON), so it
// holds the gazetteer files' bytes, not their paths: a worker on Dataflow
// cannot read the launcher's disk.
type Config struct {
	Langs              []string        `json:"langs,omitempty"`
	Gazetteers         []GazetteerFile `json:"gazetteers,omitempty"`
	NoDefaultGazetteer bool            `json:"no_default_gazetteer,omitempty"`
	MaxBytes           int             `json:"max_bytes,omitempty"`
	Published          string          `json:"published,omitempty"`
	IncludeText        bool            `json:"include_text,omitempty"`
	Format             string          `json:"format,omitempty"` // pipeline.FormatAuto when empty
}

// GazetteerFile is one gazetteer file (YAML or FollowTheMoney JSON lines)
// read by the launcher. Files of one --gazetteer argument share Arg.
type GazetteerFile struct {
	Arg  int    `json:"arg"`  // which --gazetteer argument it came from
	Name string `json:"name"` // the path as the launcher read it
	Data []byte `json:"data"`
}

// ReadGazetteers reads the files of --gazetteer arguments: a local file,
// every gazetteer file under a local folder (.yaml, .yml, .json, .jsonl,
// .ndjson, in lexical order), or a gs:// / s3:// file through Beam's
// filesystem. The files are checked by loading them, so a bad gazetteer
// stops the launcher, not the workers.
func ReadGazetteers(ctx context.Context, paths []string) ([]GazetteerFile, error) {
	var out []GazetteerFile
	for i, p := range paths {
		if strings.Contains(p, "://") {
			fsys, err := filesystem.New(ctx, p)
			if err != nil {
				return nil, err
			}
			data, err := filesystem.Read(ctx, fsys, p)
			fsys.Close()
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %s: %w", p, err)
			}
			out = append(out, GazetteerFile{Arg: i, Name: p, Data: data})
			continue
		}
		if _, err := gazetteer.LoadFile(p); err != nil {
			return nil, err // the errors `gazex extract --gazetteer` gives
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		files := []string{p}
		if info.IsDir() {
			files = nil
			err := filepath.WalkDir(p, func(f string, d os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				switch strings.ToLower(filepath.Ext(f)) {
				case ".yaml", ".yml", ".json", ".jsonl", ".ndjson":
					if !d.IsDir() {
						files = append(files, f)
					}
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %w", err)
			}
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("gazetteer: %w", err)
			}
			out = append(out, GazetteerFile{Arg: i, Name: f, Data: data})
		}
	}
	if _, _, err := entities(Config{Gazetteers: out, NoDefaultGazetteer: true}); err != nil {
		return nil, err
	}
	return out, nil
}

// entities merges the user's gazetteer files over the default (unless
// NoDefaultGazetteer), as `gazex extract --gazetteer` does.
func entities(cfg Config) ([]*gazetteer.Entity, string, error) {
	// The files of one --gazetteer argument load together, in argument
	// order, as `gazex extract` loads them.
	byArg := map[int][]GazetteerFile{}
	for _, f := range cfg.Gazetteers {
		byArg[f.Arg] = append(byArg[f.Arg], f)
	}
	var extra []*gazetteer.Entity
	for _, arg := range slices.Sorted(maps.Keys(byArg)) {
		fsys := fstest.MapFS{}
		var names []string
		for _, f := range byArg[arg] {
			name := mapName(f.Name)
			if _, dup := fsys[name]; dup || !fs.ValidPath(name) {
				name = fmt.Sprintf("gazetteer-%d/%d/%s", arg, len(names), path.Base(name))
			}
			fsys[name] = &fstest.MapFile{Data: f.Data}
			names = append(names, name)
		}
		es, err := gazetteer.LoadFS(fsys, names...)
		if err != nil {
			return nil, "", err
		}
		extra = append(extra, es...)
	}
	return gazetteer.OverDefault(extra, cfg.NoDefaultGazetteer)
}

// mapName turns a launcher path or URL into an fs.FS name that still
// reads like it in error messages.
func mapName(name string) string {
	name = strings.ReplaceAll(filepath.ToSlash(name), "://", "/")
	name = path.Clean("/" + name) // drops "..", "." and duplicate slashes
	return strings.TrimPrefix(name, "/")
}

// pipelines holds the pipelines built in this process, one per Config:
// every DoFn instance of a worker shares one compiled gazetteer and one
// set of language models, however many bundles run at once.
var pipelines = struct {
	sync.Mutex
	byKey map[[sha256.Size]byte]*pipelineOnce
}{byKey: map[[sha256.Size]byte]*pipelineOnce{}}

type pipelineOnce struct {
	once sync.Once
	p    *pipeline.Pipeline
	err  error
}

// builds counts the pipelines this process has built (for tests).
var builds atomic.Int64

// sharedPipeline returns this process's pipeline for cfg, building it on
// first use. A failed build is not retried: a bad gazetteer stays bad.
func sharedPipeline(cfg Config) (*pipeline.Pipeline, error) {
	raw, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	key := sha256.Sum256(raw)
	pipelines.Lock()
	po := pipelines.byKey[key]
	if po == nil {
		po = &pipelineOnce{}
		pipelines.byKey[key] = po
	}
	pipelines.Unlock()
	po.once.Do(func() {
		builds.Add(1)
		ents, version, err := entities(cfg)
		if err != nil {
			po.err = err
			return
		}
		po.p, po.err = pipeline.New(pipeline.Config{
			Langs:            cfg.Langs,
			Entities:         ents,
			GazetteerVersion: version,
			Workers:          1, // Process only; Beam owns the parallelism
			MaxBytes:         cfg.MaxBytes,
			IncludeText:      cfg.IncludeText,
			Published:        cfg.Published,
		})
	})
	return po.p, po.err
}

// Doc is what the extract step emits for one document, keyed by its
// shard: the encoded record lines, or why the document failed. Doc, File
// and Index order the lines of a shard.
type Doc struct {
	Doc   string // document id
	File  string // id of the input file
	Index int    // position of the document in its file
	Path  string
	Lines []byte // records, one JSON line each ("" when the mode emits none)
	Err   string // why the document failed; then Lines is empty
}

var (
	docsCounter     = beam.NewCounter("gazex", "documents")
	failedCounter   = beam.NewCounter("gazex", "failed_documents")
	recordsCounter  = beam.NewCounter("gazex", "records")
	filesCounter    = beam.NewCounter("gazex", "files")
	inBytesCounter  = beam.NewCounter("gazex", "input_bytes")
	warningsCounter = beam.NewCounter("gazex", "warnings")
)

// extractFn reads input files and runs pipeline.Process on their
// documents. Its exported fields are its serialised configuration.
type extractFn struct {
	Config Config `json:"config"`
	Emit   string `json:"emit"`
	Shards int    `json:"shards"`

	p   *pipeline.Pipeline
	enc *pipeline.Encoder
}

// Setup fetches the process's shared pipeline (built on first use) and
// makes this instance's encoder: an Encoder is not safe for concurrent
// use, and a DoFn instance runs one bundle at a time.
func (f *extractFn) Setup() error {
	p, err := sharedPipeline(f.Config)
	if err != nil {
		return err
	}
	enc, err := pipeline.NewEncoder(f.Emit)
	if err != nil {
		return err
	}
	f.p, f.enc = p, enc
	return nil
}

// ProcessElement reads one file and emits each of its documents, keyed
// by shard. Unreadable files and failed documents are emitted as
// failures and logged; only a cancelled context or an encoder error fails
// the bundle.
func (f *extractFn) ProcessElement(ctx context.Context, ref FileRef, emit func(int, Doc)) error {
	filesCounter.Inc(ctx, 1)
	index := 0
	out := func(r pipeline.Result) error {
		d := Doc{Doc: r.Doc.ID, File: ref.ID, Index: index, Path: r.Doc.Path}
		index++
		docsCounter.Inc(ctx, 1)
		if r.Err != nil {
			failedCounter.Inc(ctx, 1)
			d.Err = r.Err.Error()
			log.Warnf(ctx, "gazex: %s: %v", d.Doc, r.Err)
		} else {
			for _, w := range r.Document.Warnings {
				warningsCounter.Inc(ctx, 1)
				log.Infof(ctx, "gazex: %s: warning: %s", d.Doc, w)
			}
			lines, err := f.enc.Encode(r)
			if err != nil {
				return fmt.Errorf("%s: encode: %w", d.Doc, err)
			}
			d.Lines = append([]byte(nil), lines...)
			recordsCounter.Inc(ctx, int64(bytes.Count(lines, []byte("\n"))))
		}
		emit(ShardOf(d.Doc, f.Shards), d)
		return nil
	}
	process := func(doc pipeline.Document) error {
		r, err := f.p.Process(ctx, doc)
		if err != nil {
			return err
		}
		return out(r)
	}
	if ref.Err != "" {
		return process(pipeline.Document{ID: ref.ID, Path: ref.Path, Err: listError(ref.Err)})
	}
	fsys, err := filesystem.New(ctx, ref.Path)
	if err != nil {
		return err // a scheme this binary cannot read: a setup error
	}
	defer fsys.Close()
	rc, err := fsys.OpenRead(ctx, ref.Path)
	if err != nil {
		return process(pipeline.Document{ID: ref.ID, Path: ref.Path, Err: err})
	}
	defer rc.Close()
	cr := &countingReader{r: rc}
	opt := pipeline.InputOptions{Format: f.Config.Format, MaxBytes: f.Config.MaxBytes}
	for doc := range pipeline.ReadDocuments(ref.ID, ref.Path, cr, opt) {
		if err := process(doc); err != nil {
			return err
		}
	}
	inBytesCounter.Inc(ctx, cr.n)
	return nil
}

// listError is an error Expand found for a file (it travels as text): it
// reads as it did there, and is a pipeline.ErrDocument.
type listError string

func (e listError) Error() string { return string(e) }

func (e listError) Unwrap() error { return pipeline.ErrDocument }

// ShardOf returns the shard (0 ≤ shard < n) of a document id: FNV-1a of
// the id, so a document lands in the same shard on every run and runner.
func ShardOf(docID string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New64a()
	io.WriteString(h, docID)
	return int(h.Sum64() % uint64(n))
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
