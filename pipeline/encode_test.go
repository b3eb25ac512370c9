package pipeline_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

func TestEncoderModes(t *testing.T) {
	s := seeds(t)[0]
	doc := process(t, s.name, s.text, "2024-05-10")
	require.NotEmpty(t, doc.Entities)
	require.NotEmpty(t, doc.Events)
	res := pipeline.Result{Doc: doc.Doc, Document: doc}

	kinds := func(mode string) map[string]int {
		t.Helper()
		enc, err := pipeline.NewEncoder(mode)
		require.NoError(t, err)
		out, err := enc.Encode(res)
		require.NoError(t, err)
		n := map[string]int{}
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ Kind, Schema string }
			require.NoError(t, json.Unmarshal(sc.Bytes(), &rec), "every line is one JSON object")
			assert.Equal(t, pipeline.Schema, rec.Schema)
			n[rec.Kind]++
		}
		return n
	}
	tests := []struct {
		mode string
		want map[string]int
	}{
		{pipeline.EmitDocuments, map[string]int{pipeline.KindDocument: 1}},
		{pipeline.EmitEntities, map[string]int{pipeline.KindEntity: len(doc.Entities)}},
		{pipeline.EmitEvents, map[string]int{pipeline.KindEvent: len(doc.Events)}},
		{pipeline.EmitAll, map[string]int{pipeline.KindDocument: 1, pipeline.KindEntity: len(doc.Entities), pipeline.KindEvent: len(doc.Events)}},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			assert.Equal(t, tt.want, kinds(tt.mode))
		})
	}
}

func TestEncoderRejectsUnknownModeAndFailedResults(t *testing.T) {
	_, err := pipeline.NewEncoder("unmatched")
	require.Error(t, err)

	enc, err := pipeline.NewEncoder(pipeline.EmitAll)
	require.NoError(t, err)
	out, err := enc.Encode(pipeline.Result{Doc: pipeline.DocRef{ID: "x"}, Err: errors.New("binary file")})
	require.NoError(t, err)
	assert.Empty(t, out, "a failed document has no records")
}
