// Command gazex extracts officials, agencies and events from German,
// Spanish and English news as JSON Lines. See README.md and SPEC.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
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

gazex reads news in German, Spanish and English and writes JSON Lines records of the
officials, agencies and events it names (docs/records.md), every span pointing back into
the original bytes.

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

Run 'gazex <command> --help' for a command's flags, examples and exit statuses;
'gazex --version' prints the versions.

example:
  gazex extract --emit all --published 2023-04-04 article.txt

exit status: 0 success; 1 some documents failed (or a check found problems); 2 usage or
setup error; 130 interrupted.
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
		return runBatch(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "publish":
		return runPublish(ctx, args[1:], stdin, stdout, stderr)
	case "report":
		return runReport(ctx, args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "gazetteer":
		return runGazetteer(args[1:], stdout, stderr)
	case "version", "--version":
		return runVersion(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			// gazex help CMD [SUB] is gazex CMD [SUB] --help.
			return run(ctx, append(args[1:], "--help"), stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "gazex: unknown flag %s: flags follow the command (see gazex --help)\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(stderr, "gazex: unknown command %q (see gazex --help)\n", args[0])
	return exitUsage
}

// usageError reports a usage error ("gazex: " and the message) and returns the
// exit status of one.
func usageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "gazex: "+format+"\n", a...)
	return exitUsage
}
