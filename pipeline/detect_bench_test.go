package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkDetectFile times the normalise and detect stages, one after the
// other, on the documents of the JSONL file GAZEX_DETECT names (such as the
// dev corpus), prepared as BenchmarkStage prepares the seeds; every
// document has been through the whole pipeline once, so lingua's and
// Punkt's models are loaded before timing. It reports lingua's calls per
// pass. Without GAZEX_DETECT it is skipped.
//
//	GAZEX_DETECT=/tmp/thru/d400.jsonl go test ./pipeline -run X -bench DetectFile -count 6
func BenchmarkDetectFile(b *testing.B) {
	path := os.Getenv("GAZEX_DETECT")
	if path == "" {
		b.Skip("GAZEX_DETECT names no JSONL file of documents")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	p := benchPipeline(b)
	var docs []Document
	var size int64
	for d := range ReadDocuments("detect", path, f, InputOptions{Format: FormatJSONL}) {
		require.NoError(b, d.Err)
		docs = append(docs, d)
		size += int64(len(d.Text))
		_, err := p.Process(context.Background(), d)
		require.NoError(b, err)
	}
	b.Run("normalise", func(b *testing.B) {
		timeStage(b, prepared(b, p, docs, "normalise"), size, p.normalise)
	})
	b.Run("detect", func(b *testing.B) {
		ws := prepared(b, p, docs, "detect")
		calls := p.langs.LinguaCalls()
		timeStage(b, ws, size, p.detect)
		b.ReportMetric(float64(p.langs.LinguaCalls()-calls)/float64(b.N), "lingua-calls/op")
	})
}
