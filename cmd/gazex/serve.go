package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/natsjs"
)

// natsFlags are the flags that name the NATS server, streams and subjects,
// and how to authenticate to it.
type natsFlags struct {
	conn natsjs.ConnectOptions
	cfg  natsjs.Config
}

// natsEnv are the environment variables read for the flags not given, as
// the nats command line tool reads them. User, password and token come
// only from the URL or the environment: a flag's value shows in ps.
var natsEnv = []struct{ flag, env string }{
	{"nats", "NATS_URL"}, {"creds", "NATS_CREDS"}, {"nkey", "NATS_NKEY"},
	{"tls-ca", "NATS_CA"}, {"tls-cert", "NATS_CERT"}, {"tls-key", "NATS_KEY"},
}

func (n *natsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&n.conn.URLs, "nats", nats.DefaultURL, "NATS server `URL`s (comma-separated; nats://USER:PASSWORD@HOST:PORT authenticates; env NATS_URL)")
	fs.StringVar(&n.conn.Creds, "creds", "", "NATS credentials `file` (user JWT and NKey seed; env NATS_CREDS)")
	fs.StringVar(&n.conn.NKey, "nkey", "", "`file` holding the NKey seed to authenticate with (env NATS_NKEY)")
	fs.StringVar(&n.conn.TLSCA, "tls-ca", "", "PEM `file` of the authorities that signed the server's certificate; implies TLS (env NATS_CA)")
	fs.StringVar(&n.conn.TLSCert, "tls-cert", "", "client certificate PEM `file`, with --tls-key (env NATS_CERT)")
	fs.StringVar(&n.conn.TLSKey, "tls-key", "", "client key PEM `file`, with --tls-cert (env NATS_KEY)")
	fs.StringVar(&n.cfg.Stream, "stream", natsjs.DefaultStream, "`prefix` of the stream names: PREFIX-docs, PREFIX-records, PREFIX-dead (created when missing)")
	fs.StringVar(&n.cfg.DocsSubject, "docs-subject", natsjs.DefaultDocsSubject, "`subject` of the documents (a work queue)")
	fs.StringVar(&n.cfg.RecordsSubject, "records-subject", natsjs.DefaultRecordsSubject, "`subject` the records are published to")
	fs.StringVar(&n.cfg.DeadSubject, "dead-subject", natsjs.DefaultDeadSubject, "`subject` of documents that cannot be processed")
}

// fromEnv fills the flags that were not given from the environment, and
// takes user, password and token from NATS_USER, NATS_PASSWORD and
// NATS_TOKEN. Call it after parsing.
func (n *natsFlags) fromEnv(fs *flag.FlagSet) {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, e := range natsEnv {
		if v := os.Getenv(e.env); v != "" && !given[e.flag] {
			_ = fs.Set(e.flag, v)
		}
	}
	n.conn.User, n.conn.Password, n.conn.Token = os.Getenv("NATS_USER"), os.Getenv("NATS_PASSWORD"), os.Getenv("NATS_TOKEN")
}

// connect opens the connection and its JetStream context. Its errors are
// setup errors; they show the URL without its password.
func (n *natsFlags) connect(name string) (*nats.Conn, jetstream.JetStream, error) {
	n.conn.Name = name
	nc, err := natsjs.Connect(n.conn)
	if err != nil {
		return nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("nats %s: %w", natsjs.RedactURLs(n.conn.URLs), err)
	}
	return nc, js, nil
}

// closeConn sends what is buffered (acks above all) and closes nc.
func closeConn(nc *nats.Conn) {
	_ = nc.FlushTimeout(5 * time.Second)
	nc.Close()
}

var serveCmd = &command{
	name: "serve",
	args: "[flags]",
	about: `Runs pipeline workers on NATS JetStream: documents come from a work-queue stream
(--docs-subject, filled by gazex publish), records go to --records-subject, each exactly once
(de-duplicated by the server), and a document that fails --max-deliver times, or can never
succeed, goes to --dead-subject with the reason. Run as many processes, on as many machines, as
you like. Ctrl-C or SIGTERM finishes or hands back the documents held, then exits 0.`,
	examples: []string{
		"gazex serve --nats nats://host:4222 --emit all --workers 2",
		"gazex serve --nats nats://host:4222 --drain                 # exit once the queue is empty",
	},
	exit: `0 stopped cleanly (Ctrl-C, SIGTERM, or --drain with an empty queue); 1 a fatal error while
running; 2 usage or setup error (bad flag, bad gazetteer, NATS unreachable)`,
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := serveCmd
	fs := c.flags()
	var setup setupFlags
	setup.register(fs)
	var nf natsFlags
	nf.register(fs)
	emit := fs.String("emit", pipeline.EmitEvents, "records to publish: events, entities, documents or all")
	fs.IntVar(&nf.cfg.MaxDeliver, "max-deliver", natsjs.DefaultMaxDeliver, "deliveries of a failing document before it goes to the dead-letter subject")
	fs.DurationVar(&nf.cfg.AckWait, "ack-wait", natsjs.DefaultAckWait, "time after which the server redelivers a document a worker holds without answer")
	fs.StringVar(&nf.cfg.Consumer, "consumer", "", "`name` of the durable consumer the workers share (default PREFIX-workers)")
	drain := fs.Bool("drain", false, "exit once the documents stream is empty, instead of waiting for more")
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	nf.fromEnv(fs)
	usageErr := func(format string, a ...any) int { return c.usageError(stderr, format, a...) }
	switch {
	case len(pos) != 0:
		return usageErr("serve takes no arguments (got %q); documents come from NATS: see gazex publish", pos)
	case nf.cfg.MaxDeliver < 1:
		return usageErr("--max-deliver must be at least 1")
	case nf.cfg.AckWait < time.Second:
		return usageErr("--ack-wait must be at least 1s")
	}
	if _, err := pipeline.NewEncoder(*emit); err != nil {
		return usageErr("--%v", err)
	}
	p, err := setup.pipeline()
	if err != nil {
		return setupError(c, stderr, err)
	}
	nc, js, err := nf.connect("gazex serve")
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err) // not a usage error: no pointer to --help
		return exitUsage
	}
	defer closeConn(nc)
	if err := natsjs.Setup(ctx, js, nf.cfg); err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	w := &natsjs.Worker{
		Pipeline:     p,
		Emit:         *emit,
		Workers:      setup.workers,
		MaxBytes:     setup.maxBytes,
		ExitWhenIdle: *drain,
		Log:          log,
		Config:       nf.cfg,
	}
	cfg := nf.cfg.WithDefaults()
	log.Info("gazex serve: waiting for documents", "nats", nc.ConnectedUrlRedacted(), "docs", cfg.DocsSubject,
		"records", cfg.RecordsSubject, "dead", cfg.DeadSubject, "workers", setup.workers)
	start := time.Now()
	st, err := w.Run(ctx, js)
	log.Info("gazex serve: stopped", "documents", st.Documents, "records", st.Records, "retried", st.Retried,
		"dead", st.Dead, "seconds", time.Since(start).Seconds())
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitSomeFail
	}
	return exitOK
}

var publishCmd = &command{
	name: "publish",
	args: "[flags] [PATH…]",
	about: `Puts documents on the NATS JetStream work queue (--docs-subject), one message per
document in the JSONL document format, with the document id as Nats-Msg-Id (a repeat within the
server's duplicate window is dropped). PATHs are read as gazex extract reads them: files,
folders (by extension), "-" or no PATH for stdin.`,
	examples: []string{
		"gazex publish --nats nats://host:4222 crawl/",
		"cat wire.jsonl | gazex publish --nats nats://host:4222 --format jsonl",
	},
	exit: `0 every document published; 1 some documents could not be read; 2 usage or setup error
(bad flag, NATS unreachable); 130 interrupted`,
}

func runPublish(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := publishCmd
	fs := c.flags()
	var nf natsFlags
	nf.register(fs)
	format := fs.String("format", pipeline.FormatAuto, "input format: auto, text, html or jsonl")
	maxBytes := fs.Int("max-bytes", pipeline.DefaultMaxBytes, "larger documents are reported and skipped")
	paths, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	nf.fromEnv(fs)
	switch *format {
	case pipeline.FormatAuto, pipeline.FormatText, pipeline.FormatHTML, pipeline.FormatJSONL:
	default:
		return c.usageError(stderr, "--format %q: want auto, text, html or jsonl", *format)
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	nc, js, err := nf.connect("gazex publish")
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	}
	defer closeConn(nc)
	var skipped skipCount
	src := warnSource{pipeline.FileSource(paths, pipeline.InputOptions{Format: *format, MaxBytes: *maxBytes, Stdin: stdin, Skipped: skipped.add}), stderr}
	st, err := natsjs.Publish(ctx, js, nf.cfg, src, func(id string, err error) {
		fmt.Fprintf(stderr, "gazex: %s: %v\n", id, err)
	})
	fmt.Fprintf(stderr, "gazex: published %d documents to %s (%d dropped as repeats, %d failed)\n",
		st.Published, nf.cfg.WithDefaults().DocsSubject, st.Duplicates, st.Failed)
	skipped.report(stderr)
	switch {
	case ctx.Err() != nil:
		return exitInterrupt
	case err != nil:
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	case st.Failed > 0:
		return exitSomeFail
	}
	return exitOK
}
