package eval

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// TestRunSeeds runs the real pipeline on the seeds. It asserts only what
// must hold whatever the scores: every document is scored and every span
// round-trips. The table is logged (go test -v -run RunSeeds).
func TestRunSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	if _, err := os.Stat(seedGold); err != nil {
		t.Skipf("seed gold not available: %v", err)
	}
	golds, err := LoadGold(seedGold)
	require.NoError(t, err)
	ents, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: ents, Workers: 2})
	require.NoError(t, err)

	rep, err := Run(t.Context(), p, golds, seedDir)
	require.NoError(t, err)
	assert.Equal(t, 5, rep.Files)
	assert.Empty(t, rep.Failed)
	assert.Positive(t, rep.Spans.Total)
	assert.Equal(t, rep.Spans.Total, rep.Spans.OK, "span errors: %v", rep.SpanErrors)
	assert.Equal(t, 19, rep.Counts(FieldOfficials, "all").Gold)

	var buf bytes.Buffer
	require.NoError(t, rep.WriteTable(&buf))
	t.Log("\n" + buf.String())
}
