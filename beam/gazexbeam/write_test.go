package gazexbeam

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

func writeMemFS(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		memfs.Write(n, []byte("Der Kreml-Sprecher Dmitri Peskow äußerte sich am Montag.\n"))
	}
}

func TestShardName(t *testing.T) {
	tests := []struct {
		name   string
		prefix string
		i, n   int
		want   string
	}{
		{"first", PartPrefix, 0, 16, "part-00000-of-00016.jsonl"},
		{"middle", PartPrefix, 3, 16, "part-00003-of-00016.jsonl"},
		{"failures", FailedPrefix, 15, 16, "failed-00015-of-00016.jsonl"},
		{"many shards", PartPrefix, 12345, 99999, "part-12345-of-99999.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ShardName(tt.prefix, tt.i, tt.n))
		})
	}
}

func TestShardOf(t *testing.T) {
	tests := []struct {
		name string
		id   string
		n    int
		want int
	}{
		{"one shard", "anything", 1, 0},
		{"no shards", "anything", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ShardOf(tt.id, tt.n)
			assert.Equal(t, tt.want, got)
			assert.GreaterOrEqual(t, got, 0)
			assert.Less(t, got, max(tt.n, 1))
		})
	}
	// Pinned (FNV-1a 64 of the id, mod 16): a change here would move
	// documents between the shards of existing outputs.
	assert.Equal(t, 14, ShardOf("wire/2023/000001", 16))
	counts := make([]int, 16)
	for i := range 16000 {
		counts[ShardOf("d"+string(rune('a'+i%26))+"/doc-"+itoa(i)+".txt", 16)]++
	}
	for s, c := range counts {
		assert.InDelta(t, 1000, c, 150, "shard %d is balanced", s)
	}
}

func itoa(i int) string {
	return string([]byte{byte('0' + i/10000%10), byte('0' + i/1000%10), byte('0' + i/100%10), byte('0' + i/10%10), byte('0' + i%10)})
}

// iter turns docs into the iterator a GroupByKey hands a DoFn.
func iter(docs []Doc) func(*Doc) bool {
	i := 0
	return func(d *Doc) bool {
		if i == len(docs) {
			return false
		}
		*d = docs[i]
		i++
		return true
	}
}

func TestWriteFnOrdersAndReplaces(t *testing.T) {
	out := t.TempDir()
	f := &writeFn{Output: out, Shards: 4}
	docs := []Doc{
		{Doc: "wire/2", File: "b.jsonl", Index: 1, Lines: []byte("{\"n\":\"wire/2 b\"}\n")},
		{Doc: "a.txt", File: "a.txt", Lines: []byte("{\"n\":\"a 1\"}\n{\"n\":\"a 2\"}\n")},
		{}, // the marker that makes an empty shard exist
		{Doc: "wire/2", File: "a.jsonl", Index: 7, Lines: []byte("{\"n\":\"wire/2 a\"}\n")},
		{Doc: "c.txt", File: "c.txt", Path: "in/c.txt", Err: "document skipped: binary file (NUL bytes)"},
	}
	require.NoError(t, f.ProcessElement(t.Context(), 2, iter(docs)))
	part, err := os.ReadFile(filepath.Join(out, "part-00002-of-00004.jsonl"))
	require.NoError(t, err)
	assert.Equal(t, "{\"n\":\"a 1\"}\n{\"n\":\"a 2\"}\n{\"n\":\"wire/2 a\"}\n{\"n\":\"wire/2 b\"}\n", string(part),
		"sorted by document id, then file; a document's lines keep their order")
	failed, err := os.ReadFile(filepath.Join(out, "failed-00002-of-00004.jsonl"))
	require.NoError(t, err)
	assert.Equal(t, `{"id":"c.txt","path":"in/c.txt","error":"document skipped: binary file (NUL bytes)"}`+"\n", string(failed))

	// A retry with other contents replaces the shard, it does not append.
	require.NoError(t, f.ProcessElement(t.Context(), 2, iter([]Doc{{}})))
	part, err = os.ReadFile(filepath.Join(out, "part-00002-of-00004.jsonl"))
	require.NoError(t, err)
	assert.Empty(t, part)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file left")
}

func TestWriteAtomicThroughMemFS(t *testing.T) {
	ctx := t.Context()
	name := "memfs://out/part-00000-of-00001.jsonl"
	write := func(s string) {
		require.NoError(t, writeAtomic(ctx, name, func(w *bufio.Writer) error {
			_, err := io.WriteString(w, s)
			return err
		}))
	}
	write("{\"a\":1}\n")
	write("{\"b\":2}\n")
	fsys, err := filesystem.New(ctx, name)
	require.NoError(t, err)
	data, err := filesystem.Read(ctx, fsys, name)
	require.NoError(t, err)
	assert.Equal(t, "{\"b\":2}\n", string(data))
	files, err := fsys.List(ctx, "memfs://out/*")
	require.NoError(t, err)
	assert.Equal(t, []string{name}, files, "the temporary file was renamed away")
}

// TestSetupBuildsOncePerProcess: however many DoFn instances a worker
// makes, and however many set up at once, the pipeline is built once per
// configuration.
func TestSetupBuildsOncePerProcess(t *testing.T) {
	cfg := Config{Published: "2019-06-05"} // a configuration no other test uses
	before := builds.Load()
	fns := make([]*extractFn, 8)
	var wg sync.WaitGroup
	for i := range fns {
		fns[i] = &extractFn{Config: cfg, Emit: pipeline.EmitEntities, Shards: 4}
		wg.Go(func() { assert.NoError(t, fns[i].Setup()) })
	}
	wg.Wait()
	assert.Equal(t, int64(1), builds.Load()-before)
	for _, f := range fns[1:] {
		assert.Same(t, fns[0].p, f.p, "one shared pipeline")
		assert.NotSame(t, fns[0].enc, f.enc, "an encoder per instance")
	}
	other := &extractFn{Config: Config{Published: "2019-06-06"}, Emit: pipeline.EmitEntities, Shards: 4}
	require.NoError(t, other.Setup())
	assert.Equal(t, int64(2), builds.Load()-before, "another configuration gets its own pipeline")
	assert.NotSame(t, fns[0].p, other.p)

	bad := &extractFn{Config: Config{Langs: []string{"xx"}}, Emit: pipeline.EmitEntities}
	assert.Error(t, bad.Setup(), "a bad configuration fails Setup")
	badEmit := &extractFn{Config: cfg, Emit: "tweets"}
	assert.Error(t, badEmit.Setup())
}

// TestExtractFnReportsBadFiles runs the DoFn directly on files that must
// be reported, not crash the bundle.
func TestExtractFnReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":  nil,
		"binary.txt": []byte("\x00\x01\x02PK"),
		"ok.txt":     []byte("Kreml-Sprecher Dmitri Peskow sagte am Dienstag in Moskau, die Gespräche seien konstruktiv gewesen.\n"),
		"two.jsonl":  []byte(`{"id":"wire/1","text":"El portavoz del Kremlin, Dmitri Peskov, habló en Moscú."}` + "\nnot json\n"),
	}
	for n, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), data, 0o644))
	}
	f := &extractFn{Emit: pipeline.EmitEntities, Shards: 4}
	require.NoError(t, f.Setup())
	got := map[string]Doc{}
	emit := func(shard int, d Doc) {
		assert.Equal(t, ShardOf(d.Doc, 4), shard)
		got[d.Doc] = d
	}
	ctx := context.Background()
	for _, n := range []string{"empty.txt", "binary.txt", "ok.txt", "two.jsonl", "missing.txt"} {
		require.NoError(t, f.ProcessElement(ctx, FileRef{ID: n, Path: filepath.Join(dir, n)}, emit))
	}
	require.NoError(t, f.ProcessElement(ctx, FileRef{ID: "locked", Path: filepath.Join(dir, "locked"), Err: "cannot read folder"}, emit))
	assert.Contains(t, got["empty.txt"].Err, "empty file")
	assert.Contains(t, got["binary.txt"].Err, "binary")
	assert.Contains(t, got["missing.txt"].Err, "no such file")
	assert.Contains(t, got["two.jsonl:2"].Err, "not a JSON object")
	assert.Contains(t, got["locked"].Err, "cannot read folder")
	assert.Empty(t, got["ok.txt"].Err)
	assert.Contains(t, string(got["ok.txt"].Lines), `"person/dmitry-peskov"`)
	assert.Contains(t, string(got["wire/1"].Lines), `"kind":"entity"`)
	assert.Equal(t, 1, got["two.jsonl:2"].Index, "position in the file")
}
