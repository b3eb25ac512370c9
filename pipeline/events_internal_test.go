//go:build linux

package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// BenchmarkStages runs the seeds through the stages one by one and reports
// each stage's share of the time, and the extract stage's own speed, so
// that the cost of one stage can be judged on a machine too busy for the
// absolute numbers of the whole to mean much.
func BenchmarkStages(b *testing.B) {
	entities, err := gazetteer.Default()
	require.NoError(b, err)
	p, err := New(Config{Entities: entities, Workers: 1})
	require.NoError(b, err)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(b, err)
	var docs []Document
	var size int64
	for _, path := range paths {
		text, err := os.ReadFile(path)
		require.NoError(b, err)
		docs = append(docs, Document{ID: filepath.Base(path), Text: text})
		size += int64(len(text))
	}
	for _, d := range docs { // load the language models before timing
		_, err := p.Process(b.Context(), d)
		require.NoError(b, err)
	}
	stages := p.stages()
	spent := make([]time.Duration, len(stages))
	b.SetBytes(size)
	// The stages run on this goroutine: pinned to one thread, that
	// thread's CPU time is what the documents cost, however busy the
	// machine (wall time on a shared machine is not).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			w := &work{doc: d}
			for i, st := range stages {
				t0 := time.Now()
				st.fn(w)
				spent[i] += time.Since(t0)
			}
		}
	}
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
	var total time.Duration
	for _, d := range spent {
		total += d
	}
	for i, st := range stages {
		b.ReportMetric(100*float64(spent[i])/float64(total), st.name+"-%")
		if st.name == "extract" {
			b.ReportMetric(float64(size)*float64(b.N)/spent[i].Seconds()/1e6, st.name+"-MB/s")
		}
	}
}

// threadCPU is the CPU time of the calling thread; 0 where it cannot be
// read.
func threadCPU() time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD on Linux
	var ru syscall.Rusage
	if runtime.GOOS != "linux" || syscall.Getrusage(rusageThread, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
