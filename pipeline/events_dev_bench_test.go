//go:build linux

package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"runtime"
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
	ws := prepared(b, p, docs, "extract")
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	for b.Loop() {
		for _, w0 := range ws {
			w := *w0
			w.toks = append(getTokens(), w.toks...)
			p.extract(&w)
		}
	}
	cpuMBs(b, size, threadCPU()-cpu0)
}
