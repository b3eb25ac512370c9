package natsjs

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/gazex/gazex/pipeline"
)

// Processor turns one document into a result; *[pipeline.Pipeline] is one.
// It must be safe for concurrent use.
type Processor interface {
	Process(ctx context.Context, doc pipeline.Document) (pipeline.Result, error)
}

// Worker pulls documents from the documents stream and publishes their
// records; see the package documentation for what it guarantees. Set the
// fields, then call [Worker.Run]; a Worker is not changed by Run, and the
// same Worker may run again.
type Worker struct {
	// Pipeline processes the documents; it is shared by every goroutine.
	Pipeline Processor
	// Emit is the --emit mode of the records published (pipeline.Emit…);
	// default events.
	Emit string
	// Workers is the number of documents processed at once, each by its own
	// goroutine with its own consumer handle; default 1.
	Workers int
	// Batch is how many documents a goroutine fetches at once; default 1,
	// so that no document waits in a worker's buffer while its ack wait
	// runs out.
	Batch int
	// MaxBytes bounds a message's document (pipeline.InputOptions);
	// default pipeline.DefaultMaxBytes.
	MaxBytes int
	// FetchWait is how long a fetch waits for documents, and so bounds how
	// long a graceful stop takes on an idle queue; default 2 s.
	FetchWait time.Duration
	// ExitWhenIdle makes Run return (nil) once the documents stream is
	// empty: every document acknowledged or dead, none waiting for a
	// retry — for a job that drains a queue, and for measurements.
	ExitWhenIdle bool
	// Log receives dead letters (warn), retries (info) and connection
	// trouble (error); nil discards them.
	Log *slog.Logger
	// Config names the streams and sets the retry policy.
	Config
}

// Stats counts what a [Worker.Run] did.
type Stats struct {
	Documents int64 // documents acknowledged after all their records were published
	Records   int64 // records published (the server may have dropped repeats)
	Retried   int64 // deliveries that failed and were nak'd for a later try
	Dead      int64 // documents sent to the dead-letter subject
}

type counters struct{ docs, records, retried, dead atomic.Int64 }

// Run sets up the streams ([Setup]) and processes documents until ctx is
// cancelled, then stops gracefully: the document in hand is finished (its
// publishes awaited and acknowledged) or, if its processing was cut short,
// nak'd for immediate redelivery to another worker, as are documents
// fetched but not started. Run returns nil after a graceful stop; an error
// when setup fails or the connection is closed under it.
func (w *Worker) Run(ctx context.Context, js jetstream.JetStream) (Stats, error) {
	if w.Pipeline == nil {
		return Stats{}, errors.New("natsjs: Worker.Pipeline is nil")
	}
	r := &run{w: w, cfg: w.Config.withDefaults(), emit: cmp.Or(w.Emit, pipeline.EmitEvents), js: js}
	if _, err := pipeline.NewEncoder(r.emit); err != nil {
		return Stats{}, fmt.Errorf("natsjs: %w", err)
	}
	r.log = w.Log
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if err := Setup(ctx, js, r.cfg); err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return Stats{}, nil // stopped before it began: a graceful stop all the same
		}
		return Stats{}, err
	}
	g, gctx := errgroup.WithContext(ctx)
	for range max(w.Workers, 1) {
		g.Go(func() error { return r.loop(gctx) })
	}
	err := g.Wait()
	st := Stats{Documents: r.n.docs.Load(), Records: r.n.records.Load(), Retried: r.n.retried.Load(), Dead: r.n.dead.Load()}
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		err = nil
	}
	return st, err
}

// run is the state of one Worker.Run shared by its goroutines.
type run struct {
	w    *Worker
	cfg  Config
	emit string
	js   jetstream.JetStream
	log  *slog.Logger
	n    counters
}

// fatal reports whether err ends a worker goroutine rather than one try.
func fatal(err error) bool {
	return errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConsumerDeleted) ||
		errors.Is(err, jetstream.ErrConsumerNotFound)
}

// loop is one worker goroutine: its own consumer handle and encoder.
func (r *run) loop(ctx context.Context) error {
	enc, _ := pipeline.NewEncoder(r.emit) // validated in Run
	cons, err := r.js.Consumer(ctx, r.cfg.DocsStream(), r.cfg.Consumer)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("natsjs: consumer %s: %w", r.cfg.Consumer, err)
	}
	wait := cmp.Or(r.w.FetchWait, 2*time.Second)
	for ctx.Err() == nil {
		batch, err := cons.Fetch(max(r.w.Batch, 1), jetstream.FetchMaxWait(wait))
		if err != nil {
			if fatal(err) {
				return fmt.Errorf("natsjs: fetch: %w", err)
			}
			r.log.Error("fetch failed, trying again", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		got := 0
		for msg := range batch.Messages() {
			got++
			if ctx.Err() != nil {
				_ = msg.Nak() // fetched, not started: someone else's now
				continue
			}
			if err := r.handle(ctx, enc, msg); err != nil {
				if fatal(err) {
					return fmt.Errorf("natsjs: %w", err)
				}
				r.log.Error("answering the server failed; the document will be redelivered", "err", err)
			}
		}
		if err := batch.Error(); err != nil && fatal(err) {
			return fmt.Errorf("natsjs: fetch: %w", err)
		}
		if got == 0 && r.w.ExitWhenIdle && r.idle(ctx) {
			return nil
		}
	}
	return nil
}

// idle reports whether the documents stream is empty. A work queue keeps a
// document until it is acknowledged or terminated, so this counts the
// documents in other workers' hands and those waiting for a retry.
func (r *run) idle(ctx context.Context) bool {
	s, err := r.js.Stream(ctx, r.cfg.DocsStream())
	if err != nil {
		return false
	}
	info, err := s.Info(ctx)
	return err == nil && info.State.Msgs == 0
}

// handle processes one delivery of a document and answers the server: ack,
// nak with delay, nak at once (stopping), or term after a dead letter. Its
// error is the error of that answer.
func (r *run) handle(ctx context.Context, enc *pipeline.Encoder, msg jetstream.Msg) error {
	md, err := msg.Metadata()
	if err != nil {
		return msg.TermWithReason("not a JetStream message")
	}
	n := int(md.NumDelivered)
	doc, err := r.document(msg, md)
	if n > r.cfg.MaxDeliver {
		// Delivered before without an answer: a worker died on it, or it
		// failed its last try while the dead-letter subject was unavailable.
		return r.dead(ctx, msg, md, doc.ID, fmt.Sprintf("no success in %d deliveries", n-1))
	}
	if err != nil {
		return r.dead(ctx, msg, md, doc.ID, err.Error())
	}
	stop := keepAlive(msg, r.cfg.AckWait/3)
	res, err := r.process(ctx, doc)
	if ctx.Err() != nil {
		stop()
		return msg.Nak()
	}
	if err == nil && res.Err != nil {
		if errors.Is(res.Err, pipeline.ErrDocument) {
			stop()
			return r.dead(ctx, msg, md, doc.ID, res.Err.Error())
		}
		err = res.Err
	}
	if err == nil {
		err = r.publish(enc, res)
	}
	stop()
	if err != nil {
		if n >= r.cfg.MaxDeliver {
			return r.dead(ctx, msg, md, doc.ID, fmt.Sprintf("failed %d deliveries, the last: %v", n, err))
		}
		r.n.retried.Add(1)
		delay := r.cfg.Backoff(n)
		r.log.Info("document failed, will retry", "doc", doc.ID, "delivery", n, "delay", delay, "err", err)
		return msg.NakWithDelay(delay)
	}
	if err := msg.Ack(); err != nil {
		return err
	}
	r.n.docs.Add(1)
	return nil
}

// document reads the one document of a message with the JSONL reader of
// `gazex extract --format jsonl`.
func (r *run) document(msg jetstream.Msg, md *jetstream.MsgMetadata) (pipeline.Document, error) {
	name := md.Stream + "#" + strconv.FormatUint(md.Sequence.Stream, 10)
	opt := pipeline.InputOptions{Format: pipeline.FormatJSONL, MaxBytes: r.w.MaxBytes}
	var docs []pipeline.Document
	for d := range pipeline.ReadDocuments(name, "", bytes.NewReader(msg.Data()), opt) {
		docs = append(docs, d)
		if len(docs) > 1 {
			return pipeline.Document{ID: name}, fmt.Errorf("%w: more than one document in the message (publish one per message)", pipeline.ErrDocument)
		}
	}
	if len(docs) == 0 { // ReadDocuments yields at least one; be safe
		return pipeline.Document{ID: name}, fmt.Errorf("%w: no document in the message", pipeline.ErrDocument)
	}
	return docs[0], docs[0].Err
}

// process runs the pipeline; a panic in it is a failed try, not a crash of
// every document the process holds.
func (r *run) process(ctx context.Context, doc pipeline.Document) (res pipeline.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic in the pipeline: %v", p)
		}
	}()
	return r.w.Pipeline.Process(ctx, doc)
}

// publish publishes every record of res and waits until the server has
// acknowledged each (or the ack wait has passed). It takes no context: a
// graceful stop finishes the document in hand.
func (r *run) publish(enc *pipeline.Encoder, res pipeline.Result) error {
	out, err := enc.Encode(res)
	if err != nil {
		return err
	}
	keys := recordKeys(r.emit, res)
	lines := bytes.SplitAfter(out, []byte("\n"))
	if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
		lines = lines[:n-1]
	}
	if len(lines) != len(keys) {
		return fmt.Errorf("encoder wrote %d lines for %d records", len(lines), len(keys))
	}
	futures := make([]jetstream.PubAckFuture, 0, len(lines))
	for i, line := range lines {
		m := nats.NewMsg(r.cfg.RecordsSubject)
		m.Data = bytes.Clone(bytes.TrimSuffix(line, []byte("\n")))
		m.Header.Set(jetstream.MsgIDHeader, RecordMsgID(res.Doc.ID, keys[i].kind, keys[i].id))
		m.Header.Set(HeaderDoc, headerValue(res.Doc.ID))
		m.Header.Set(HeaderKind, keys[i].kind)
		m.Header.Set(HeaderID, headerValue(keys[i].id))
		f, err := r.js.PublishMsgAsync(m)
		if err != nil {
			return fmt.Errorf("publish record %d of %d: %w", i+1, len(lines), err)
		}
		futures = append(futures, f)
	}
	timeout := time.NewTimer(r.cfg.AckWait)
	defer timeout.Stop()
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			return fmt.Errorf("publish record %d of %d: %w", i+1, len(futures), err)
		case <-timeout.C:
			return fmt.Errorf("publish record %d of %d: no acknowledgement within %v", i+1, len(futures), r.cfg.AckWait)
		}
	}
	r.n.records.Add(int64(len(futures)))
	return nil
}

// dead publishes msg to the dead-letter subject and terminates it; if the
// dead-letter publish fails, msg is nak'd to be tried again later.
func (r *run) dead(ctx context.Context, msg jetstream.Msg, md *jetstream.MsgMetadata, docID, reason string) error {
	m := nats.NewMsg(r.cfg.DeadSubject)
	m.Data = msg.Data()
	for k, vs := range msg.Headers() {
		if !strings.HasPrefix(k, "Nats-") {
			m.Header[k] = vs
		}
	}
	seq := strconv.FormatUint(md.Sequence.Stream, 10)
	m.Header.Set(jetstream.MsgIDHeader, "dead:"+md.Stream+":"+seq)
	m.Header.Set(HeaderReason, headerValue(reason))
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(md.NumDelivered, 10))
	m.Header.Set(HeaderStreamSeq, seq)
	if docID != "" {
		m.Header.Set(HeaderDoc, headerValue(docID))
	}
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), r.cfg.AckWait)
	defer cancel()
	if _, err := r.js.PublishMsg(pctx, m); err != nil {
		r.n.retried.Add(1)
		r.log.Error("dead-letter publish failed, will retry", "doc", docID, "err", err)
		return msg.NakWithDelay(r.cfg.Backoff(int(md.NumDelivered)))
	}
	r.n.dead.Add(1)
	r.log.Warn("document sent to the dead-letter subject", "doc", docID, "subject", r.cfg.DeadSubject, "reason", reason)
	return msg.TermWithReason(headerValue(reason))
}

// keepAlive tells the server every interval that msg is still being
// worked on, until the returned function is called.
func keepAlive(msg jetstream.Msg, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(max(interval, 100*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// recordKey names one record of a result.
type recordKey struct{ kind, id string }

// recordKeys lists the records that an Encoder of mode writes for res, in
// its order (document, entities, events). A key that repeats within the
// document gets "#2", "#3"… so that every record has its own message id.
func recordKeys(mode string, res pipeline.Result) []recordKey {
	doc := res.Document
	if res.Err != nil || doc == nil {
		return nil
	}
	var keys []recordKey
	if mode == pipeline.EmitDocuments || mode == pipeline.EmitAll {
		keys = append(keys, recordKey{pipeline.KindDocument, doc.Doc.ID})
	}
	if mode == pipeline.EmitEntities || mode == pipeline.EmitAll {
		for _, e := range doc.Entities {
			keys = append(keys, recordKey{pipeline.KindEntity, e.ID})
		}
	}
	if mode == pipeline.EmitEvents || mode == pipeline.EmitAll {
		for _, e := range doc.Events {
			keys = append(keys, recordKey{pipeline.KindEvent, e.ID})
		}
	}
	seen := make(map[recordKey]int, len(keys))
	for i, k := range keys {
		seen[k]++
		if c := seen[k]; c > 1 {
			keys[i].id = k.id + "#" + strconv.Itoa(c)
		}
	}
	return keys
}

// RecordMsgID is the Nats-Msg-Id of a record: 32 hex digits of the SHA-256
// of its document id, kind and record id — the same on every redelivery of
// the document, and different for every record.
func RecordMsgID(docID, kind, id string) string {
	sum := sha256.Sum256([]byte(docID + "\x00" + kind + "\x00" + id))
	return hex.EncodeToString(sum[:16])
}

// headerValue makes s safe as a header value: one line, at most 1 KiB.
func headerValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
	if len(s) > 1024 {
		s = strings.ToValidUTF8(s[:1024], "") + "…"
	}
	return s
}
