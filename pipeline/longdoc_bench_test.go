//go:build linux

package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// longDocument is one document of about n bytes: the seeds' texts
// concatenated, paragraph after paragraph, and repeated, as a long report
// or a book-length transcript is news prose without end.
func longDocument(tb testing.TB, n int) []byte {
	tb.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(tb, err)
	require.NotEmpty(tb, paths)
	var unit []byte
	for _, path := range paths {
		text, err := os.ReadFile(path)
		require.NoError(tb, err)
		unit = append(unit, bytes.TrimSpace(text)...)
		unit = append(unit, "\n\n"...)
	}
	out := make([]byte, 0, n+len(unit))
	for len(out) < n {
		out = append(out, unit...)
	}
	return out
}

// BenchmarkLongDocument processes one document of 1, 4 and 8 MB through
// every stage and the encoder (--emit all) and reports the CPU seconds per
// MB of the goroutine running them (pinned to one thread, so that a busy
// machine's other work does not count) and the live heap after the
// document, over the pipeline's own. One long document must cost the
// same per MB as a short one: cpu-s/MB flat from 1 to 8 MB, and
// peak-live-MB at most some bytes per input byte.
//
//	go test ./pipeline -run '^$' -bench LongDocument -benchtime 1x
func BenchmarkLongDocument(b *testing.B) {
	entities, err := gazetteer.Default()
	require.NoError(b, err)
	p, err := New(Config{Entities: entities, Workers: 1})
	require.NoError(b, err)
	enc, err := NewEncoder(EmitAll)
	require.NoError(b, err)
	// Load the language models before timing.
	_, err = p.Process(b.Context(), Document{ID: "warm", Text: longDocument(b, 1)})
	require.NoError(b, err)
	for _, size := range []struct {
		name string
		n    int
	}{{"1MB", 1 << 20}, {"4MB", 4 << 20}, {"8MB", 8 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			doc := Document{ID: "long.txt", Text: longDocument(b, size.n)}
			b.SetBytes(int64(len(doc.Text)))
			runtime.GC()
			base := heapInUse()
			peak := uint64(0)
			stages := p.stages()
			spent := make([]time.Duration, len(stages)+1) // and the encoder's
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			cpu0 := threadCPU()
			b.ResetTimer()
			for b.Loop() {
				w := &work{doc: doc}
				for i, st := range stages {
					t0 := threadCPU()
					st.fn(w)
					spent[i] += threadCPU() - t0
					peak = max(peak, heapInUse())
				}
				t0 := threadCPU()
				if _, err := enc.Encode(w.result()); err != nil {
					b.Fatal(err)
				}
				spent[len(stages)] += threadCPU() - t0
				peak = max(peak, heapInUse())
			}
			b.StopTimer()
			if cpu := threadCPU() - cpu0; cpu > 0 {
				b.ReportMetric(cpu.Seconds()/float64(b.N)/(float64(len(doc.Text))/1e6), "cpu-s/MB")
			}
			mb := float64(b.N) * float64(len(doc.Text)) / 1e6
			for i, st := range stages {
				b.ReportMetric(spent[i].Seconds()/mb, st.name+"-s/MB")
			}
			b.ReportMetric(spent[len(stages)].Seconds()/mb, "encode-s/MB")
			if peak > base {
				b.ReportMetric(float64(peak-base)/1e6, "peak-heap-MB")
				b.ReportMetric(float64(peak-base)/float64(len(doc.Text)), "heap-B/byte")
			}
			debug.FreeOSMemory()
		})
	}
}

// heapInUse is the bytes of the heap's spans in use: live objects and
// garbage not yet collected, what the process holds of its heap.
func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}
