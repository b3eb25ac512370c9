//go:build linux

package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkExtractDev times the extract stage alone on the first 32
// documents of the JSONL file GAZEX_DEV names (the dev texts, which live
// outside the repository, as {"id","text"} lines), prepared as
// BenchmarkStage prepares the seeds. Without GAZEX_DEV it is skipped.
func BenchmarkExtractDev(b *testing.B) {
	path := os.Getenv("GAZEX_DEV")
	if path == "" {
		b.Skip("GAZEX_DEV names no JSONL file of documents")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() && len(lines) < 32 {
		lines = append(lines, append([]byte(nil), sc.Bytes()...))
	}
	p := benchPipeline(b)
	var docs []Document
	var size int64
	for d := range ReadDocuments("dev", "dev.jsonl", bytes.NewReader(bytes.Join(lines, []byte("\n"))), InputOptions{Format: FormatJSONL}) {
		require.NoError(b, d.Err)
		docs = append(docs, d)
		size += int64(len(d.Text))
		_, err := p.Process(context.Background(), d)
		require.NoError(b, err)
	}
	timeStage(b, prepared(b, p, docs, "extract"), size, func(w *work) {
		// extract gives its tokens back to the pool: it gets a copy.
		w.toks = append(getTokens(), w.toks...)
		p.extract(w)
	})
}
