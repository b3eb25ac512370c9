package natsjs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/gazex/gazex/pipeline"
)

// PublishStats counts what [Publish] did.
type PublishStats struct {
	Published  int // documents the documents stream stored
	Duplicates int // documents the server dropped: the same id was published within the duplicates window
	Failed     int // documents that could not be read or published (each given to the report function)
}

// message is one document on the documents subject: a line of the JSONL
// input format.
type message struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// publishWindow is how many documents may await the server's
// acknowledgement at once.
const publishWindow = 256

// Publish puts every document of src on the documents subject of c, one
// message each, with Nats-Msg-Id set to the document id so that the server
// drops a document published twice within the duplicates window. It sets
// up the streams first ([Setup]). A document that cannot be read
// (Document.Err) or published is given to report and counted, and the
// others go on; report may be nil. Publish returns an error only when
// setup fails, src fails, or ctx is cancelled. Text that is not valid
// UTF-8 is published with U+FFFD in place of the bad bytes, as JSON
// requires.
func Publish(ctx context.Context, js jetstream.JetStream, c Config, src pipeline.Source, report func(id string, err error)) (st PublishStats, err error) {
	c = c.withDefaults()
	if report == nil {
		report = func(string, error) {}
	}
	if err := Setup(ctx, js, c); err != nil {
		return st, err
	}
	type pending struct {
		id string
		f  jetstream.PubAckFuture
	}
	var window []pending
	settle := func() {
		for _, p := range window {
			select {
			case ack := <-p.f.Ok():
				if ack.Duplicate {
					st.Duplicates++
				} else {
					st.Published++
				}
			case err := <-p.f.Err():
				st.Failed++
				report(p.id, err)
			}
		}
		window = window[:0]
	}
	defer settle()
	for {
		doc, err := src.Next(ctx)
		if errors.Is(err, io.EOF) {
			return st, nil
		}
		if err != nil {
			return st, err
		}
		if doc.Err != nil {
			st.Failed++
			report(doc.ID, doc.Err)
			continue
		}
		data, err := json.Marshal(message{ID: doc.ID, Text: string(doc.Text), URL: doc.URL, Published: doc.Published})
		if err != nil {
			st.Failed++
			report(doc.ID, err)
			continue
		}
		m := nats.NewMsg(c.DocsSubject)
		m.Data = data
		m.Header.Set(jetstream.MsgIDHeader, doc.ID)
		f, err := js.PublishMsgAsync(m)
		if err != nil {
			st.Failed++
			report(doc.ID, fmt.Errorf("publish: %w", err))
			continue
		}
		window = append(window, pending{doc.ID, f})
		if len(window) >= publishWindow {
			settle()
		}
	}
}
