package natsjs_test

import (
	"context"
	"log"
	"os"
	"os/signal"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/natsjs"
)

// A worker process without the CLI: it runs until Ctrl-C, then hands back
// what it holds and returns nil.
func ExampleWorker() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	entities, err := gazetteer.Default()
	if err != nil {
		log.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{Entities: entities})
	if err != nil {
		log.Fatal(err)
	}
	nc, err := nats.Connect(nats.DefaultURL)
	if err != nil {
		log.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		log.Fatal(err)
	}
	w := &natsjs.Worker{Pipeline: p, Emit: pipeline.EmitEvents, Workers: 2}
	st, err := w.Run(ctx, js)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d documents, %d records, %d dead", st.Documents, st.Records, st.Dead)
}
