package batch_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/batch"
)

func encodeDocuments(r pipeline.Result) ([]byte, error) {
	data, err := json.Marshal(r.Document)
	return append(data, '\n'), err
}

// TestRunInProcess runs batch.Run in the test process (so that -race
// sees the reading ahead of HTML pages and the sink), stops it halfway
// with a cancelled context, resumes, and checks the records.
func TestRunInProcess(t *testing.T) {
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: 2})
	require.NoError(t, err)
	in, out := t.TempDir(), t.TempDir()
	want := writeCorpus(t, in, 120, 3)
	files := countFiles(t, in)

	var log strings.Builder
	opt := batch.Options{Encode: encodeDocuments, Checkpoint: time.Nanosecond, Log: &log, Fingerprint: "documents"}
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	first := opt
	first.Encode = func(r pipeline.Result) ([]byte, error) {
		if n++; n == 40 {
			cancel()
		}
		return encodeDocuments(r)
	}
	sum, err := batch.Run(ctx, p, in, out, first)
	require.ErrorIs(t, err, context.Canceled)
	assert.True(t, sum.Interrupted)
	assert.Less(t, sum.Files, files)
	tmps, _ := filepath.Glob(filepath.Join(out, "*.tmp"))
	assert.Empty(t, tmps)

	sum2, err := batch.Run(t.Context(), p, in, out, opt)
	require.NoError(t, err, log.String())
	assert.Equal(t, sum.Files, sum2.Skipped)
	assert.Equal(t, files, sum2.Manifest.Files)
	assert.Equal(t, len(want), sum2.Manifest.Records)
	checkOutput(t, out, want, files)

	raw, err := os.ReadFile(filepath.Join(out, "summary.json"))
	require.NoError(t, err)
	var onDisk batch.Summary
	require.NoError(t, json.Unmarshal(raw, &onDisk))
	assert.Equal(t, sum2.Documents, onDisk.Documents)
}
