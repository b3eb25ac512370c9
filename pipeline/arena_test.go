package pipeline_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// TestReuseRecordsSameLines runs the seeds with and without
// Config.ReuseRecords, on one and on two workers, and wants the same lines
// (--emit all): a record filled in a reused arena says what a new one
// does, with nothing left over from the document before. The seeds come
// in an order that puts large documents before small ones and back, so
// that reused lists are longer and shorter than needed.
func TestReuseRecordsSameLines(t *testing.T) {
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	docs := corpus(t, 3)
	docs = append(docs, corpus(t, 2)[3:]...)
	encode := func(reuse bool, workers int) []byte {
		p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: workers, ReuseRecords: reuse})
		require.NoError(t, err)
		enc, err := pipeline.NewEncoder(pipeline.EmitAll)
		require.NoError(t, err)
		var out bytes.Buffer
		_, err = p.Run(t.Context(), &sliceSource{docs: docs}, func(r pipeline.Result) error {
			require.NoError(t, r.Err)
			lines, err := enc.Encode(r)
			out.Write(lines)
			return err
		})
		require.NoError(t, err)
		return out.Bytes()
	}
	want := encode(false, 1)
	require.NotEmpty(t, want)
	assert.Equal(t, string(want), string(encode(true, 1)), "one worker")
	assert.Equal(t, string(want), string(encode(true, 2)), "two workers")
}
