package gazexbeam

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// Prefixes of the output files.
const (
	PartPrefix   = "part"   // records
	FailedPrefix = "failed" // failed documents: {"id","path","error"} lines
)

// ShardName returns the name of shard i of n for prefix:
// "part-00003-of-00016.jsonl". Names depend only on (prefix, i, n).
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// Failure is a line of the failed-*.jsonl files.
type Failure struct {
	ID    string `json:"id"`
	Path  string `json:"path,omitempty"`
	Error string `json:"error"`
}

// writeFn writes one shard: its records to part-…, its failures to
// failed-…, both always (an empty file says the shard had none), each
// under a temporary name that is renamed when complete, so a retried or
// duplicated bundle replaces the file instead of adding to it.
type writeFn struct {
	Output string `json:"output"`
	Shards int    `json:"shards"`
}

// ProcessElement sorts the shard's documents by (document id, file id,
// position in file) and writes them.
func (f *writeFn) ProcessElement(ctx context.Context, shard int, docs func(*Doc) bool) error {
	var all []Doc
	var d Doc
	for docs(&d) {
		if d.Doc != "" || d.File != "" { // not the marker that makes empty shards exist
			all = append(all, d)
		}
		d = Doc{}
	}
	slices.SortStableFunc(all, func(a, b Doc) int {
		return cmp.Or(strings.Compare(a.Doc, b.Doc), strings.Compare(a.File, b.File), cmp.Compare(a.Index, b.Index))
	})
	err := writeAtomic(ctx, joinPath(f.Output, ShardName(PartPrefix, shard, f.Shards)), func(w *bufio.Writer) error {
		for _, d := range all {
			if _, err := w.Write(d.Lines); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeAtomic(ctx, joinPath(f.Output, ShardName(FailedPrefix, shard, f.Shards)), func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, d := range all {
			if d.Err != "" {
				if err := enc.Encode(Failure{ID: d.Doc, Path: d.Path, Error: d.Err}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeAtomic writes name through a temporary file beside it, then
// renames it into place. The temporary name starts with "." and carries a
// random suffix, so two attempts at one shard never write the same file
// and a glob for part-* never sees a partial one.
func writeAtomic(ctx context.Context, name string, fill func(*bufio.Writer) error) error {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	dir, base := splitDir(name)
	tmp := dir + ".tmp-" + base + "-" + hex.EncodeToString(rnd[:])
	wc, err := fsys.OpenWrite(ctx, tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	bw := bufio.NewWriterSize(wc, 1<<20)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = filesystem.Rename(ctx, fsys, tmp, name)
	}
	if err != nil {
		if rm, ok := fsys.(filesystem.Remover); ok {
			_ = rm.Remove(ctx, tmp)
		}
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// joinPath joins an output folder (local path or URL) and a file name.
func joinPath(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// splitDir splits a path or URL after its last "/".
func splitDir(name string) (dir, base string) {
	i := strings.LastIndexByte(name, '/')
	return name[:i+1], name[i+1:]
}

// emptyShardsFn emits one empty Doc per shard, so that every shard file is
// written even when no document falls into it.
type emptyShardsFn struct {
	Shards int `json:"shards"`
}

// ProcessElement emits the markers.
func (f *emptyShardsFn) ProcessElement(_ []byte, emit func(int, Doc)) {
	for i := range f.Shards {
		emit(i, Doc{})
	}
}

// markerShards returns the per-shard markers.
func markerShards(s beam.Scope, shards int) beam.PCollection {
	return beam.ParDo(s, &emptyShardsFn{Shards: shards}, beam.Impulse(s))
}
