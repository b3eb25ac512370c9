// Package natsjs runs gazex as NATS JetStream workers: documents come from
// a work-queue stream, records go to a records stream, and documents that
// can never be processed go to a dead-letter subject.
//
// Guarantees, given a records stream with a duplicates window longer than
// the time a document takes to be redelivered (see [Config.Duplicates]):
//
//   - Every record of a document reaches the records stream exactly once.
//     A record is published with a Nats-Msg-Id derived from its document
//     id, kind and record id ([RecordMsgID]): identical on every
//     redelivery, so the server drops the repeats of a worker that died
//     between publishing and acknowledging.
//   - A document is acknowledged only after the server has acknowledged
//     every one of its records. A worker that dies holding documents loses
//     nothing: the server redelivers them after [Config.AckWait].
//   - A transient failure (a publish that is not acknowledged, a panic in
//     the pipeline) naks the document with a growing delay
//     ([Config.Backoff]); after [Config.MaxDeliver] deliveries, or at once
//     for a document that can never succeed (not a JSON object, no "text",
//     over the size limit: [pipeline.ErrDocument]), the document is
//     published to the dead-letter subject with the reason in the
//     Gazex-Reason header and terminated.
//   - Records are the bytes [pipeline.Encoder] writes for the document,
//     one message each: the same as `gazex extract --format jsonl`.
//
// A message on the documents subject holds one document in the JSONL
// format of `gazex extract --format jsonl` ({"id","text","url","published"},
// only "text" required), read by [pipeline.ReadDocuments]. A document
// without "id" is named after its message: STREAM#SEQ:1.
package natsjs

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Defaults of [Config].
const (
	DefaultStream         = "gazex"
	DefaultDocsSubject    = "gazex.docs"
	DefaultRecordsSubject = "gazex.records"
	DefaultDeadSubject    = "gazex.dead"
	DefaultMaxDeliver     = 5
	DefaultAckWait        = 30 * time.Second
	DefaultDuplicates     = 10 * time.Minute
)

// Headers that gazex sets on the messages it publishes.
const (
	HeaderDoc        = "Gazex-Doc"        // the document id (records and dead letters)
	HeaderKind       = "Gazex-Kind"       // the record kind: document, entity or event
	HeaderID         = "Gazex-Id"         // the record id (the document id for a document record)
	HeaderReason     = "Gazex-Reason"     // why a dead letter could not be processed
	HeaderDeliveries = "Gazex-Deliveries" // how often a dead letter was delivered
	HeaderStreamSeq  = "Gazex-Stream-Seq" // a dead letter's sequence in the documents stream
)

// Config names the streams and subjects and sets the retry policy. The
// zero value of each field means its default.
type Config struct {
	// Stream prefixes the names of the three streams gazex creates when
	// they are missing: STREAM-docs (the work queue on DocsSubject),
	// STREAM-records (RecordsSubject, with a duplicates window) and
	// STREAM-dead (DeadSubject). Default "gazex".
	Stream string
	// DocsSubject, RecordsSubject and DeadSubject default to gazex.docs,
	// gazex.records and gazex.dead.
	DocsSubject, RecordsSubject, DeadSubject string
	// Consumer is the durable pull consumer every worker shares; default
	// STREAM-workers.
	Consumer string
	// MaxDeliver is how many deliveries a document gets before it goes to
	// the dead-letter subject; default 5.
	MaxDeliver int
	// AckWait is how long the server waits for a worker's answer before it
	// redelivers a document; default 30 s. A worker tells the server it is
	// still busy with a long document every AckWait/3.
	AckWait time.Duration
	// Backoff is the delay before the next delivery after the n-th failed
	// one (n ≥ 1); default 1 s·2^(n-1), at most 1 min.
	Backoff func(n int) time.Duration
	// Duplicates is the deduplication window of the records and documents
	// streams gazex creates; default 10 min. It must exceed AckWait plus
	// the backoff, or a redelivered document could publish its records
	// twice.
	Duplicates time.Duration
}

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config { return c.withDefaults() }

func (c Config) withDefaults() Config {
	c.Stream = cmp.Or(c.Stream, DefaultStream)
	c.DocsSubject = cmp.Or(c.DocsSubject, DefaultDocsSubject)
	c.RecordsSubject = cmp.Or(c.RecordsSubject, DefaultRecordsSubject)
	c.DeadSubject = cmp.Or(c.DeadSubject, DefaultDeadSubject)
	c.Consumer = cmp.Or(c.Consumer, c.Stream+"-workers")
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = DefaultMaxDeliver
	}
	if c.AckWait <= 0 {
		c.AckWait = DefaultAckWait
	}
	if c.Backoff == nil {
		c.Backoff = DefaultBackoff
	}
	if c.Duplicates <= 0 {
		c.Duplicates = DefaultDuplicates
	}
	return c
}

// DefaultBackoff is the default [Config.Backoff]: 1 s, 2 s, 4 s … at most
// one minute.
func DefaultBackoff(n int) time.Duration {
	if n < 1 {
		n = 1
	}
	if n > 7 {
		return time.Minute
	}
	return min(time.Second<<(n-1), time.Minute)
}

// DocsStream is the name of the work-queue stream of documents.
func (c Config) DocsStream() string { return c.withDefaults().Stream + "-docs" }

// RecordsStream is the name of the stream of records.
func (c Config) RecordsStream() string { return c.withDefaults().Stream + "-records" }

// DeadStream is the name of the stream of dead letters.
func (c Config) DeadStream() string { return c.withDefaults().Stream + "-dead" }

// Setup creates the streams of c that are missing and the shared durable
// consumer (updating its ack wait if it exists). Streams that exist are
// left as they are. It is safe to call from several processes at once.
func Setup(ctx context.Context, js jetstream.JetStream, c Config) error {
	c = c.withDefaults()
	streams := []jetstream.StreamConfig{
		{Name: c.DocsStream(), Subjects: []string{c.DocsSubject}, Retention: jetstream.WorkQueuePolicy, Duplicates: c.Duplicates},
		{Name: c.RecordsStream(), Subjects: []string{c.RecordsSubject}, Duplicates: c.Duplicates},
		{Name: c.DeadStream(), Subjects: []string{c.DeadSubject}, Duplicates: c.Duplicates},
	}
	for _, sc := range streams {
		if err := ensureStream(ctx, js, sc); err != nil {
			return err
		}
	}
	_, err := js.CreateOrUpdateConsumer(ctx, c.DocsStream(), jetstream.ConsumerConfig{
		Durable:       c.Consumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       c.AckWait,
		MaxDeliver:    -1, // the worker counts deliveries and dead-letters itself
		FilterSubject: c.DocsSubject,
	})
	if err != nil {
		return fmt.Errorf("nats: consumer %s on stream %s: %w", c.Consumer, c.DocsStream(), err)
	}
	return nil
}

// ensureStream creates the stream sc unless one of its name exists.
func ensureStream(ctx context.Context, js jetstream.JetStream, sc jetstream.StreamConfig) error {
	_, err := js.Stream(ctx, sc.Name)
	if err == nil {
		return nil
	}
	if !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("nats: stream %s: %w", sc.Name, err)
	}
	_, err = js.CreateStream(ctx, sc)
	if err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		return fmt.Errorf("nats: create stream %s: %w", sc.Name, err)
	}
	return nil
}
