package pipeline

import (
	"context"
	"errors"
	"io"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// Source yields the documents of a run. Next returns io.EOF after the last
// one; any other error stops the run (a document that cannot be read is
// not an error of the source: it comes as a Document with Err set). Run
// calls Next from one goroutine.
type Source interface {
	Next(ctx context.Context) (Document, error)
}

// Sink receives the results of a run, in input order, from one goroutine.
// An error from the sink stops the run.
type Sink func(Result) error

// Stats counts what a run did.
type Stats struct {
	Documents int   // documents that came out of the pipeline
	Failed    int   // of those, documents with Err set
	Bytes     int64 // original bytes of all documents
}

// InFlightBytes bounds the original bytes of the documents between the
// source and the sink. A document larger than the bound waits until it is
// alone in flight: one huge article stalls the reader, not memory.
const InFlightBytes = 64 << 20

// perDocumentWeight is what a document costs in flight beyond its bytes,
// so that a stream of empty documents is bounded too.
const perDocumentWeight = 4 << 10

// Run reads documents from src, passes each through the stages, and gives
// the results to sink in input order. Each stage is a pool of
// p.Workers() goroutines; the stages are joined by bounded channels. Run
// returns when the source is exhausted and every result has reached the
// sink, or at the first error of the source or the sink, or when ctx is
// cancelled (then with ctx's error); it leaves no goroutine behind.
func (p *Pipeline) Run(ctx context.Context, src Source, sink Sink) (Stats, error) {
	var stats Stats
	g, ctx := errgroup.WithContext(ctx)
	inflight := semaphore.NewWeighted(InFlightBytes)
	weight := func(w *work) int64 {
		return min(int64(len(w.doc.Text))+perDocumentWeight, InFlightBytes)
	}

	n := p.cfg.Workers
	first := make(chan *work, n)
	g.Go(func() error {
		defer close(first)
		for seq := 0; ; seq++ {
			doc, err := src.Next(ctx)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			w := &work{seq: seq, doc: doc}
			if err := inflight.Acquire(ctx, weight(w)); err != nil {
				return err
			}
			select {
			case first <- w:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})

	in := first
	for _, st := range p.stages() {
		out := make(chan *work, n)
		runStage(ctx, g, n, st.fn, in, out)
		in = out
	}

	g.Go(func() error {
		// Re-sequence: results arrive in any order; the in-flight bound
		// above bounds this buffer too.
		pending := map[int]*work{}
		next := 0
		for w := range in {
			pending[w.seq] = w
			for {
				w, ok := pending[next]
				if !ok {
					break
				}
				if err := ctx.Err(); err != nil {
					return err // nothing more reaches the sink once cancelled
				}
				delete(pending, next)
				next++
				stats.Documents++
				stats.Bytes += int64(len(w.doc.Text))
				if w.err != nil {
					stats.Failed++
				}
				if err := sink(w.result()); err != nil {
					return err
				}
				if p.cfg.ReuseRecords {
					w.arena.release()
					w.arena, w.rec = nil, nil
				}
				inflight.Release(weight(w))
			}
		}
		return ctx.Err()
	})
	err := g.Wait()
	return stats, err
}

// runStage starts n workers applying fn to the work from in and passing it
// to out, and a goroutine that closes out when the workers are done. On
// cancellation the workers stop at their next send or receive.
func runStage(ctx context.Context, g *errgroup.Group, n int, fn func(*work), in <-chan *work, out chan<- *work) {
	var wg sync.WaitGroup
	done := ctx.Done()
	for range n {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for {
				// Each document passes seven channels: the receive and the
				// send first try without blocking (a select with a default
				// is a plain channel operation; the two-case select locks
				// both channels and cost ~1 % of a run), and block on the
				// select only when they must wait. Cancellation is checked
				// before every receive, so the workers still stop at their
				// next receive or send.
				select {
				case <-done:
					return ctx.Err()
				default:
				}
				var w *work
				var ok bool
				select {
				case w, ok = <-in:
				default:
					select {
					case w, ok = <-in:
					case <-done:
						return ctx.Err()
					}
				}
				if !ok {
					return nil
				}
				fn(w)
				select {
				case out <- w:
				default:
					select {
					case out <- w:
					case <-done:
						return ctx.Err()
					}
				}
			}
		})
	}
	g.Go(func() error {
		wg.Wait()
		close(out)
		return nil
	})
}
