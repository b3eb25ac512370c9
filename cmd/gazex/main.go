// Command gazex extracts officials, agencies and events from German,
// Spanish and English news as JSON Lines. See README.md and SPEC.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses (SPEC section 2).
const (
	exitOK        = 0
	exitSomeFail  = 1
	exitUsage     = 2
	exitInterrupt = 130
)

const usage = `usage: gazex <command> [flags] [args]

commands:
  extract [PATH…]              records from files, folders, or stdin ("-" or no PATH)
  batch IN_DIR -o OUT_DIR      a large folder into part files with a manifest; resumable
  eval --gold GOLD TEXT_DIR    precision / recall / F1 against a gold file
  serve --nats URL             NATS JetStream workers: documents from a work queue, records to a stream
  publish --nats URL [PATH…]   put documents on the NATS work queue, one message each
  report [-o FILE] [RECORDS]   one HTML page of records: highlighted texts, event tables, a graph
  gazetteer check [FILE…]      validate gazetteer files (the embedded default without FILE)
  gazetteer lookup NAME        which entities a name resolves to, and their position on --date
  version                      gazex, gazetteer and schema versions

Run 'gazex <command> -h' for a command's flags.
`

// run is the whole program behind main, testable: it reads only its
// arguments and streams and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdin, stdout, stderr)
	case "batch":
		return runBatch(ctx, args[1:], stderr)
	case "serve":
		return runServe(ctx, args[1:], stderr)
	case "publish":
		return runPublish(ctx, args[1:], stdin, stderr)
	case "report":
		return runReport(ctx, args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "gazetteer":
		return runGazetteer(args[1:], stdout, stderr)
	case "version":
		return runVersion(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "gazex: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// usageError reports a usage error ("gazex: " and the message) and returns the
// exit status of one.
func usageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "gazex: "+format+"\n", a...)
	return exitUsage
}
