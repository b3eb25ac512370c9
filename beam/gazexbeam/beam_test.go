package gazexbeam

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/batch"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// corpusSize is the number of documents of the equivalence test: 10,000,
// or GAZEX_BEAM_DOCS; fewer with -short or -race.
func corpusSize(t *testing.T) int {
	if s := os.Getenv("GAZEX_BEAM_DOCS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "GAZEX_BEAM_DOCS")
		return n
	}
	switch {
	case testing.Short():
		return 400
	case raceEnabled:
		return 1000
	}
	return 10000
}

// runBeam runs the gazex Beam pipeline on prism.
func runBeam(t *testing.T, opt Options) (Counters, time.Duration) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(s, opt))
	start := time.Now()
	res, err := ptest.RunWithMetrics(p)
	require.NoError(t, err)
	return ReadCounters(res), time.Since(start)
}

// readLines returns the lines of the files matching glob, sorted.
func readLines(t *testing.T, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for l := range strings.SplitSeq(string(data), "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// TestBeamMatchesBatch is issue 6's proof: on a generated folder of 10,000
// documents, the Beam pipeline on prism writes the same records as
// `gazex batch` (same emit mode, same gazetteer), and reports the same
// documents as failed.
func TestBeamMatchesBatch(t *testing.T) {
	n := corpusSize(t)
	in, beamOut, batchOut := t.TempDir(), t.TempDir(), t.TempDir()
	c := writeCorpus(t, in, n, 2026)
	t.Logf("corpus: %d files, %d documents, %d that must fail", c.files, c.docs, c.bad)

	const shards = 8
	before := builds.Load()
	// The default MaxBytes spelt out: the same records as Config{}, but a
	// configuration no other test builds, so the count below is this run's.
	cfg := Config{MaxBytes: pipeline.DefaultMaxBytes}
	counters, beamTook := runBeam(t, Options{Input: in, Output: beamOut, Emit: pipeline.EmitAll, Shards: shards, Config: cfg})
	assert.Equal(t, int64(1), builds.Load()-before, "one pipeline built for the whole run (Build and every DoFn Setup share it)")
	t.Logf("beam on prism: %d documents in %v: %.0f docs/s", counters.Documents, beamTook.Round(time.Millisecond), float64(counters.Documents)/beamTook.Seconds())

	ents, version, err := entities(Config{})
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: ents, GazetteerVersion: version, Workers: 2})
	require.NoError(t, err)
	enc, err := pipeline.NewEncoder(pipeline.EmitAll)
	require.NoError(t, err)
	var log bytes.Buffer
	start := time.Now()
	sum, err := batch.Run(t.Context(), p, in, batchOut, batch.Options{Encode: enc.Encode, Fingerprint: "beam-test", Log: &log})
	require.NoError(t, err)
	batchTook := time.Since(start)
	t.Logf("gazex batch: %d documents in %v: %.0f docs/s", sum.Documents, batchTook.Round(time.Millisecond), float64(sum.Documents)/batchTook.Seconds())

	assert.Equal(t, int64(c.docs), counters.Documents, "documents seen by Beam")
	assert.Equal(t, c.docs, sum.Documents, "documents seen by batch")
	assert.Equal(t, int64(c.bad), counters.Failed)
	assert.Equal(t, c.bad, sum.Failed)
	assert.Equal(t, int64(sum.Records), counters.Records)

	beamLines := readLines(t, filepath.Join(beamOut, "part-*-of-*.jsonl"))
	batchLines := readLines(t, filepath.Join(batchOut, "part-*.jsonl"))
	require.NotEmpty(t, batchLines)
	if !assert.Equal(t, len(batchLines), len(beamLines), "record count") || !slices.Equal(batchLines, beamLines) {
		for i := range min(len(beamLines), len(batchLines)) {
			if beamLines[i] != batchLines[i] {
				t.Fatalf("first difference at sorted line %d:\nbeam:  %.300s\nbatch: %.300s", i, beamLines[i], batchLines[i])
			}
		}
		t.Fatal("the sorted records differ")
	}

	// The same documents failed, for the same reasons.
	var beamFailed, batchFailed []string
	for _, l := range readLines(t, filepath.Join(beamOut, "failed-*-of-*.jsonl")) {
		var f Failure
		require.NoError(t, json.Unmarshal([]byte(l), &f))
		beamFailed = append(beamFailed, "gazex: "+f.ID+": "+f.Error)
	}
	for l := range strings.SplitSeq(log.String(), "\n") {
		if strings.HasPrefix(l, "gazex: ") && !strings.HasPrefix(l, "gazex: batch") && !strings.Contains(l, ": warning: ") {
			batchFailed = append(batchFailed, l)
		}
	}
	slices.Sort(beamFailed)
	slices.Sort(batchFailed)
	assert.Equal(t, batchFailed, beamFailed)

	checkShards(t, beamOut, shards)
}

// checkShards checks the output folder: every shard's two files exist, no
// temporary file is left, and the records of a shard are in document id
// order and belong to that shard.
func checkShards(t *testing.T, dir string, shards int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for i := range shards {
		want = append(want, ShardName(FailedPrefix, i, shards), ShardName(PartPrefix, i, shards))
	}
	slices.Sort(want)
	assert.Equal(t, want, names, "exactly the shard files, no temporary ones")
	for i := range shards {
		f, err := os.Open(filepath.Join(dir, ShardName(PartPrefix, i, shards)))
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		last := ""
		for sc.Scan() {
			var rec struct {
				Doc struct {
					ID string `json:"id"`
				} `json:"doc"`
			}
			require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
			assert.Equal(t, i, ShardOf(rec.Doc.ID, shards), "record of %s in shard %d", rec.Doc.ID, i)
			assert.LessOrEqual(t, last, rec.Doc.ID, "shard %d is in document id order", i)
			last = rec.Doc.ID
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
}

// TestBeamRerunAndGlob runs a small corpus twice into one folder — as a
// retried job would — and checks that the second run replaces the shards
// byte for byte; then a glob input selects a subset with the ids batch
// gives.
func TestBeamRerunAndGlob(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeCorpus(t, in, 60, 7)
	opt := Options{Input: in, Output: out, Emit: pipeline.EmitEntities, Shards: 3}
	runBeam(t, opt)
	first := readFolder(t, out)
	runBeam(t, opt)
	assert.Equal(t, first, readFolder(t, out), "a second run writes the same bytes, nothing more")
	checkShards(t, out, 3)

	globOut := t.TempDir()
	c, _ := runBeam(t, Options{Input: in + "/**/t*.txt", Output: globOut, Emit: pipeline.EmitEntities, Shards: 3})
	assert.Positive(t, c.Documents)
	assert.Zero(t, c.Failed)
	for _, l := range readLines(t, filepath.Join(globOut, "part-*.jsonl")) {
		var rec struct {
			Doc struct{ ID, Path string } `json:"doc"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &rec))
		assert.Regexp(t, `^d\d{3}/t\d{6}\.txt$`, rec.Doc.ID)
		assert.Equal(t, filepath.Join(in, rec.Doc.ID), rec.Doc.Path)
	}
}

func readFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(data)
	}
	return out
}
