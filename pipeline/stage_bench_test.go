//go:build linux

package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// The benchmarks of this file measure each stage alone, on the seeds
// (testdata/seeds, five news texts in German, Spanish and English), with
// the stages before it run once outside the timing; BenchmarkRun measures
// the whole: JSONL in, JSON lines out. Every one reports MB/s of original
// text, so that the stages' costs add up to the whole's. Compare runs with
// benchstat (-count 6 or more); on a shared machine, interleave the runs of
// the two builds.
//
//	go test ./pipeline -run XXX -bench 'Stage|Run' -count 6

// cpuMBs reports the benchmark's speed in MB of original text per second
// of CPU time (cpu-MB/s), which a busy machine disturbs far less than the
// wall time of MB/s: cpu is the CPU time the timed loop took.
func cpuMBs(b *testing.B, size int64, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// processCPU is the CPU time of the whole process, garbage collection
// included; 0 where it cannot be read.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchPipeline is the default pipeline with the default gazetteer, built
// once for every benchmark of this file.
var benchPipeline = func() func(b *testing.B) *Pipeline {
	var p *Pipeline
	return func(b *testing.B) *Pipeline {
		b.Helper()
		if p == nil {
			entities, err := gazetteer.Default()
			require.NoError(b, err)
			p, err = New(Config{Entities: entities, Workers: 1})
			require.NoError(b, err)
		}
		return p
	}
}()

// benchSeeds returns the seeds as documents, and their size in bytes.
func benchSeeds(b *testing.B) ([]Document, int64) {
	b.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(b, err)
	require.NotEmpty(b, paths)
	var docs []Document
	var size int64
	for _, path := range paths {
		text, err := os.ReadFile(path)
		require.NoError(b, err)
		docs = append(docs, Document{ID: filepath.Base(path), Published: "2024-03-01", Text: text})
		size += int64(len(text))
	}
	return docs, size
}

// prepared runs the seeds through the stages before the one named, and
// returns them as they reach it.
func prepared(b *testing.B, p *Pipeline, docs []Document, upto string) []*work {
	b.Helper()
	var out []*work
	for _, d := range docs {
		w := &work{doc: d}
		for _, st := range p.stages() {
			if st.name == upto {
				break
			}
			st.fn(w)
		}
		require.NoError(b, w.err)
		out = append(out, w)
	}
	return out
}

// timeStage runs each on a shallow copy of every prepared document (a
// stage replaces the fields it makes) as benchCPU's pass.
func timeStage(b *testing.B, ws []*work, size int64, each func(w *work)) {
	benchCPU(b, size, func() {
		for _, w0 := range ws {
			w := *w0
			each(&w)
		}
	})
}

// benchCPU runs pass, over size bytes, for the benchmark's loop on one
// thread, whose CPU time is what the work costs (garbage collection in the
// background aside), and reports it as cpu-MB/s beside MB/s.
func benchCPU(b *testing.B, size int64, pass func()) {
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	for b.Loop() {
		pass()
	}
	cpuMBs(b, size, threadCPU()-cpu0)
}

// BenchmarkStage times the stages one at a time: normalise, detect (the
// document's language, sentences and segments), tag (tokens and gazetteer
// names), roles (role patterns), extract (events with their dates), dates
// (the date expressions of every sentence, as the event timeline finds
// them; part of extract), emit (the document record) and encode (its JSON
// lines, --emit all).
func BenchmarkStage(b *testing.B) {
	p := benchPipeline(b)
	docs, size := benchSeeds(b)
	for _, d := range docs { // lingua's models, Punkt's tables: loaded before timing
		_, err := p.Process(context.Background(), d)
		require.NoError(b, err)
	}
	// each runs one stage on a copy of a prepared document (the copy is
	// shallow: a stage replaces the fields it makes).
	run := func(upto string, each func(w *work)) func(b *testing.B) {
		return func(b *testing.B) {
			ws := prepared(b, p, docs, upto)
			if upto == "roles" { // the role patterns, on tag's tokens and names
				ws = prepared(b, p, docs, "tag")
				for _, w := range ws {
					p.tagEntities(w)
				}
			}
			timeStage(b, ws, size, each)
		}
	}
	b.Run("normalise", run("normalise", p.normalise))
	b.Run("detect", run("detect", p.detect))
	b.Run("tag", run("tag", func(w *work) {
		p.tagEntities(w)
		putTokens(w.toks)
	}))
	b.Run("roles", run("roles", p.rolePatterns))
	b.Run("extract", run("extract", func(w *work) {
		// extract gives its tokens back to the pool: it gets a copy.
		w.toks = append(getTokens(), w.toks...)
		p.extract(w)
	}))
	b.Run("dates", run("extract", func(w *work) {
		text := w.norm.Norm
		for _, s := range w.sents {
			dates.Find(text[s.Start:s.End])
		}
	}))
	b.Run("emit", run("emit", p.emit))
	b.Run("encode", func(b *testing.B) {
		ws := prepared(b, p, docs, "")
		enc, err := NewEncoder(EmitAll)
		require.NoError(b, err)
		benchCPU(b, size, func() {
			for _, w := range ws {
				_, err := enc.Encode(w.result())
				require.NoError(b, err)
			}
		})
	})
}

// benchJSONL returns the seeds as JSONL, copies times over.
func benchJSONL(b *testing.B, docs []Document, copies int) []byte {
	b.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range copies {
		for _, d := range docs {
			require.NoError(b, enc.Encode(map[string]string{
				"id": fmt.Sprintf("%s#%d", d.ID, i), "text": string(d.Text), "published": d.Published,
			}))
		}
	}
	return buf.Bytes()
}

// BenchmarkDecode reads JSONL documents (--format jsonl).
func BenchmarkDecode(b *testing.B) {
	docs, _ := benchSeeds(b)
	data := benchJSONL(b, docs, 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		for d := range ReadDocuments("bench", "bench.jsonl", bytes.NewReader(data), InputOptions{Format: FormatJSONL}) {
			if d.Err != nil {
				b.Fatal(d.Err)
			}
		}
	}
	cpuMBs(b, int64(len(data)), processCPU()-cpu0)
}

// BenchmarkRun is the whole pipeline after start-up, as `gazex extract
// --format jsonl --emit documents --workers N` runs it: a JSONL file of the
// seeds repeated (20 copies, 320 KB) read, processed and encoded, with one
// and with two workers. MB/s is of the JSONL file.
func BenchmarkRun(b *testing.B) {
	docs, _ := benchSeeds(b)
	path := filepath.Join(b.TempDir(), "corpus.jsonl")
	data := benchJSONL(b, docs, 20)
	require.NoError(b, os.WriteFile(path, data, 0o644))
	entities, err := gazetteer.Default()
	require.NoError(b, err)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			p, err := New(Config{Entities: entities, Workers: workers, ReuseRecords: true})
			require.NoError(b, err)
			run := func() {
				enc, err := NewEncoder(EmitDocuments)
				require.NoError(b, err)
				_, err = p.Run(context.Background(), FileSource([]string{path}, InputOptions{Format: FormatJSONL}), func(r Result) error {
					line, err := enc.Encode(r)
					if err == nil {
						_, err = io.Discard.Write(line)
					}
					return err
				})
				require.NoError(b, err)
			}
			run() // lingua's models and the rest loaded before timing
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			cpu0 := processCPU()
			for b.Loop() {
				run()
			}
			// CPU of every thread: with two workers, cpu-MB/s is per
			// core, and wall time says how well the two are used.
			cpuMBs(b, int64(len(data)), processCPU()-cpu0)
		})
	}
}
