package main

import (
	"context"
	"os"
	"runtime/debug"
	"sync"

	"github.com/gazex/gazex/pipeline"
)

// Memory that a long document needs. A gazex process holds 45–70 MB
// live before any document (the gazetteer's index, the role patterns,
// lingua's compact models once a short foreign run needed them; ~140 MB
// with lingua-go's own models); a document adds, at its peak (the tag stage), its
// tokens (56 bytes each, one per six or seven bytes of news) and the role
// patterns' scratch per token: about 20 bytes live per byte of text.
// The garbage collector lets the heap grow to twice what was live at its
// last cycle (four times under paceCollector), so an 8 MB document that peaks at ~300 MB live reached
// 550–610 MB of RSS, though nothing held it. A soft limit makes the
// collector run early when the heap nears it instead.
const (
	memoryBase = 260 << 20 // the limit's share for the process itself
	// memoryPerByte is the limit's share per byte of the largest
	// document, per worker that may hold one. RSS runs above the limit by
	// what the runtime does not count (the binary's embedded tables as
	// they are read): one 8 MB document peaked at up to 516 MiB with 26
	// bytes a byte (the bar is 540 MB), at up to 457 MiB with 20, in the
	// same time (ten runs each).
	memoryPerByte = 20
	// longDocument is the size from which a document raises the limit: a
	// run of news articles keeps the collector's default pacing.
	longDocument = 1 << 20
)

// memoryLimiter is a source that raises the Go runtime's soft memory limit
// as long documents come (never lowering it): to memoryBase plus
// memoryPerByte bytes per byte of the largest document for each worker
// that may hold one (one while only one long document came). Documents
// below longDocument and a GOMEMLIMIT the user set leave the runtime as it
// is. The limit is soft: a document that
// needs more gets more, at the cost of more collection.
type memoryLimiter struct {
	src     pipeline.Source
	workers int64
	mu      sync.Mutex
	largest int
	long    int64 // long documents seen: fewer than workers are fewer at once
	set     bool  // the limit in force is ours
}

// limitMemory wraps src in a memoryLimiter. paced says the limit in force
// is gazex's own (paceCollector's), which long documents raise like one
// the limiter set.
func limitMemory(src pipeline.Source, workers int, paced bool) pipeline.Source {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return src
	}
	return &memoryLimiter{src: src, workers: int64(max(workers, 1)), set: paced}
}

func (m *memoryLimiter) Next(ctx context.Context) (pipeline.Document, error) {
	doc, err := m.src.Next(ctx)
	if err == nil && len(doc.Text) >= longDocument {
		m.raise(len(doc.Text))
	}
	return doc, err
}

func (m *memoryLimiter) raise(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.long++
	if n <= m.largest && m.long > m.workers {
		return
	}
	m.largest = max(m.largest, n)
	limit := memoryBase + memoryPerByte*min(m.workers, m.long)*int64(m.largest)
	// The first limit only if it is below the one in force; then ours
	// grows.
	if old := debug.SetMemoryLimit(-1); m.set || limit < old {
		debug.SetMemoryLimit(limit)
		m.set = true
	}
}
