package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gazex/gazex/pipeline/report"
)

var reportCmd = &command{
	name: "report",
	args: "[-o FILE] [RECORDS.jsonl | -]",
	about: `One self-contained HTML page (no script, nothing fetched) of the records of
'gazex extract --emit all --include-text': each document's text with its officials, agencies,
countries, places and event triggers highlighted, a table of its events, and a graph of who met,
signed with or accused whom. Records without text still give the tables and the graph.`,
	examples: []string{
		"gazex report -o report.html records.jsonl   # records of: gazex extract --emit all --include-text news/",
		"gazex extract --emit all --include-text a.txt | gazex report > page.html",
	},
	exit: "0 written; 1 the records could not be read or the page not written; 2 usage error",
}

// runReport writes the HTML page of records: gazex report [-o FILE] [RECORDS.jsonl | -].
func runReport(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := reportCmd
	fs := c.flags()
	out := fs.String("o", "", "write the page to `FILE` (default standard output)")
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return c.usageError(stderr, "report takes one RECORDS file (got %d)", len(pos))
	}
	in, name := stdin, "stdin"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return c.usageError(stderr, "%v", err)
		}
		defer f.Close()
		in, name = f, pos[0]
	}
	rep, err := report.Read(in)
	if err != nil {
		fmt.Fprintf(stderr, "gazex: report: %s: %v\n", name, err)
		return exitSomeFail
	}
	if len(rep.Docs) == 0 {
		fmt.Fprintf(stderr, "gazex: report: %s: no gazex records (make them with gazex extract --emit all --include-text)\n", name)
		return exitSomeFail
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(stderr, "gazex: report: %s: %s\n", name, s)
	}
	w := stdout
	var f *os.File
	if *out != "" {
		// Written beside its final name and renamed, so that a failed run
		// leaves no half page.
		f, err = os.CreateTemp(filepath.Dir(*out), ".gazex-report-*.html")
		if err != nil {
			fmt.Fprintf(stderr, "gazex: report: %v\n", err)
			return exitSomeFail
		}
		defer os.Remove(f.Name())
		w = f
	}
	if err := rep.WriteHTML(w); err != nil {
		fmt.Fprintf(stderr, "gazex: report: %v\n", err)
		return exitSomeFail
	}
	if f != nil {
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "gazex: report: %v\n", err)
			return exitSomeFail
		}
		if err := os.Chmod(f.Name(), 0o644); err == nil {
			err = os.Rename(f.Name(), *out)
		}
		if err != nil {
			fmt.Fprintf(stderr, "gazex: report: %v\n", err)
			return exitSomeFail
		}
	}
	return exitOK
}
