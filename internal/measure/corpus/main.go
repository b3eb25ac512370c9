// Command corpus writes the inputs that internal/measure/bars.sh times:
// the .txt files of the given folders repeated, in name order, until the
// output holds at least -size bytes, either as JSON Lines documents
// ({"id","text"}, one a text) or, with -doc, as one text document (the
// texts joined by blank lines).
//
//	go run ./internal/measure/corpus -size 20000000 -o news.jsonl testdata/seeds
//	go run ./internal/measure/corpus -doc -size 8000000 -o 8mb.txt testdata/seeds
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

func main() {
	size := flag.Int64("size", 20_000_000, "least `bytes` to write")
	out := flag.String("o", "", "output `file` (required)")
	doc := flag.Bool("doc", false, "write one text document, not JSON Lines")
	flag.Parse()
	if err := run(*out, *size, *doc, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

type text struct {
	name string
	body []byte
}

func run(out string, size int64, doc bool, dirs []string) error {
	if out == "" || len(dirs) == 0 {
		return errors.New("usage: corpus [-doc] [-size N] -o FILE DIR...")
	}
	texts, err := read(dirs)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	var n int64
	for i := 0; n < size; i++ {
		t := texts[i%len(texts)]
		line, sep := t.body, "\n\n" // -doc: the texts apart by a blank line
		if !doc {
			line, err = json.Marshal(struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}{fmt.Sprintf("%s#%d", t.name, i), string(t.body)})
			if err != nil {
				return err
			}
			sep = "\n"
		}
		w.Write(line) // bufio.Writer keeps its first error for Flush
		w.WriteString(sep)
		n += int64(len(line) + len(sep))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// read returns the .txt files of dirs, each folder's in name order.
func read(dirs []string) ([]text, error) {
	var texts []text
	for _, dir := range dirs {
		paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("%s: no .txt files", dir)
		}
		slices.Sort(paths)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			texts = append(texts, text{filepath.Base(p), b})
		}
	}
	return texts, nil
}
