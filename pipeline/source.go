package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Input formats (SPEC `--format`).
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
)

// InputOptions says how a [FileSource] reads its inputs.
type InputOptions struct {
	Format   string    // FormatAuto, FormatText, FormatJSONL (FormatHTML is not supported yet)
	MaxBytes int       // files and lines larger than this are reported, not read whole
	Stdin    io.Reader // what "-" reads
}

// jsonlDoc is one line of --format jsonl input.
type jsonlDoc struct {
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Lang      string  `json:"lang"`
}

// FileSource returns a Source over files, folders (walked recursively, in
// lexical order) and "-" for standard input. A path that cannot be read
// becomes a failed document, never a stopped run.
func FileSource(paths []string, opt InputOptions) Source {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Format == "" {
		opt.Format = FormatAuto
	}
	s := &fileSource{opt: opt, docs: make(chan Document), done: make(chan struct{})}
	go s.produce(paths)
	return s
}

type fileSource struct {
	opt  InputOptions
	docs chan Document
	done chan struct{}
	once bool
}

// Next returns the next document. It returns promptly when ctx is
// cancelled, even while the producer is blocked reading standard input:
// that read cannot be cancelled, so the producer is left to finish on its
// own and Run does not wait for it.
func (s *fileSource) Next(ctx context.Context) (Document, error) {
	select {
	case d, ok := <-s.docs:
		if !ok {
			return Document{}, io.EOF
		}
		return d, nil
	case <-ctx.Done():
		if !s.once {
			s.once = true
			close(s.done)
		}
		return Document{}, ctx.Err()
	}
}

func (s *fileSource) send(d Document) bool {
	select {
	case s.docs <- d:
		return true
	case <-s.done:
		return false
	}
}

func (s *fileSource) produce(paths []string) {
	defer close(s.docs)
	for _, p := range paths {
		if p == "-" {
			if !s.readStream("stdin", "", s.opt.Stdin) {
				return
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if !s.send(Document{ID: p, Path: p, Err: err}) {
				return
			}
			continue
		}
		if !info.IsDir() {
			if !s.readFile(p, p) {
				return
			}
			continue
		}
		ok := true
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				ok = s.send(Document{ID: path, Path: path, Err: err})
			} else if d.Type().IsRegular() {
				rel, _ := filepath.Rel(p, path)
				ok = s.readFile(rel, path)
			}
			if !ok {
				return fs.SkipAll
			}
			return nil
		})
		if !ok || walkErr != nil {
			return
		}
	}
}

// format decides the input format of a file.
func (s *fileSource) format(path string, head []byte) string {
	if s.opt.Format != FormatAuto {
		return s.opt.Format
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm":
		return FormatHTML
	case ".txt", ".text", ".md":
		return FormatText
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return FormatJSONL
	case bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype html")), bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<html")):
		return FormatHTML
	}
	return FormatText
}

func (s *fileSource) readFile(id, path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return s.send(Document{ID: id, Path: path, Err: err})
	}
	defer f.Close()
	return s.readStream(id, path, f)
}

// readStream reads one file (or stdin) as one text document or as JSONL
// documents. It never holds more than MaxBytes+1 of a text document.
func (s *fileSource) readStream(id, path string, r io.Reader) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	switch s.format(path, head) {
	case FormatJSONL:
		return s.readJSONL(id, path, br)
	case FormatHTML:
		return s.send(Document{ID: id, Path: path, Err: fmt.Errorf("%w: HTML input is not supported yet (extract the text first, or pass --format text)", ErrDocument)})
	}
	text, err := io.ReadAll(io.LimitReader(br, int64(s.opt.MaxBytes)+1))
	if err != nil {
		return s.send(Document{ID: id, Path: path, Err: err})
	}
	if len(text) > s.opt.MaxBytes {
		return s.send(Document{ID: id, Path: path, Err: fmt.Errorf("%w: over the limit of %d bytes (--max-bytes)", ErrDocument, s.opt.MaxBytes)})
	}
	return s.send(Document{ID: id, Path: path, Text: text})
}

// readJSONL reads one document a line. Lines of any length are read (no
// bufio.Scanner limit); a line over MaxBytes is skipped and reported.
func (s *fileSource) readJSONL(name, path string, br *bufio.Reader) bool {
	for line := 1; ; line++ {
		raw, tooLong, err := readLine(br, s.opt.MaxBytes)
		if len(raw) == 0 && !tooLong && errors.Is(err, io.EOF) {
			return true
		}
		lineID := fmt.Sprintf("%s:%d", name, line)
		doc := Document{ID: lineID, Path: path}
		switch {
		case err != nil && !errors.Is(err, io.EOF):
			doc.Err = err
		case tooLong:
			doc.Err = fmt.Errorf("%w: line over the limit of %d bytes (--max-bytes)", ErrDocument, s.opt.MaxBytes)
		case len(bytes.TrimSpace(raw)) == 0:
			if errors.Is(err, io.EOF) {
				return true
			}
			continue
		default:
			var jd jsonlDoc
			if jerr := json.Unmarshal(raw, &jd); jerr != nil {
				doc.Err = fmt.Errorf("%w: not a JSON object: %v", ErrDocument, jerr)
				break
			}
			if jd.ID != "" {
				doc.ID = jd.ID
			}
			if jd.Text == nil {
				doc.Err = fmt.Errorf("%w: no \"text\" field", ErrDocument)
			} else {
				doc.Text = []byte(*jd.Text)
				doc.URL = jd.URL
				doc.Published = publishedDay(jd.Published)
			}
		}
		if !s.send(doc) {
			return false
		}
		if err != nil {
			return true // the stream is done; a read error was reported as a document
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed and reported as too long instead of being held in memory.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// publishedDay keeps the YYYY-MM-DD day of a JSONL "published" value
// (which may be a full RFC 3339 timestamp); "" when it has none.
func publishedDay(s string) string {
	if len(s) >= 10 {
		if _, err := parseDay(s[:10]); err == nil {
			return s[:10]
		}
	}
	return ""
}
