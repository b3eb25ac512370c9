package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Input formats (SPEC `--format`).
const (
	FormatAuto  = "auto"
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
)

// InputOptions says how inputs are found ([Walk]) and read
// ([ReadDocuments], [FileSource]).
type InputOptions struct {
	Format   string    // FormatAuto (by extension, then by content), FormatText, FormatHTML or FormatJSONL
	MaxBytes int       // documents and JSONL lines larger than this are reported, never held whole
	Stdin    io.Reader // what "-" reads

	// Include, if set, keeps only the files that match one of these
	// globs; Exclude drops the files and folders that match one. A glob
	// with a "/" matches the slash-separated path relative to the walked
	// folder, one without matches the base name (as ripgrep's -g does);
	// the syntax is path.Match's.
	Include, Exclude []string
	// SkipDirs are folders that a walk does not enter (compared with
	// os.SameFile), such as an output folder inside the input folder.
	SkipDirs []string
	// Skipped, if set, is called with each file that a folder walk leaves
	// out because gazex does not read its type (see [Readable]), so that
	// the caller can count them; it is called from the walking goroutine.
	Skipped func(Entry)
}

// Readable reports whether a folder walk reads a file of this name: text
// (.txt, .text, .md), HTML (.html, .htm, .xhtml) and JSONL (.jsonl,
// .ndjson), each also gzipped (.gz), in any letter case. Images, PDFs and
// the other files of a scraped folder are left out: read as text they
// would come out as nonsense (SPEC section 2). A file named as an
// argument, or matched by an Include glob, is read whatever its name.
func Readable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))))
	}
	switch ext {
	case ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Entry is a file that [Walk] found, or a path that it could not walk.
type Entry struct {
	ID   string // the path relative to the walked folder, or the path as given for a file
	Path string // the path to open
	Size int64
	Err  error // why the entry cannot be read (it is then still reported, as a failed document)
}

// Walk lists the files under root in lexical order, following symbolic
// links; root may also be a single file, which is listed whatever its
// type. In a folder, only the files gazex reads ([Readable]) are listed,
// unless Include globs choose the files. Folders that cannot be read,
// broken links and symlink loops come as entries with Err set, and the
// walk goes on. Files that are not regular (devices, sockets, pipes) are
// skipped.
func Walk(root string, opt InputOptions) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		info, err := os.Stat(root)
		if err != nil {
			yield(Entry{ID: root, Path: root, Err: err})
			return
		}
		if !info.IsDir() {
			yield(Entry{ID: root, Path: root, Size: info.Size()})
			return
		}
		w := walker{opt: opt, yield: yield}
		for _, d := range opt.SkipDirs {
			if fi, err := os.Stat(d); err == nil {
				w.skip = append(w.skip, fi)
			}
		}
		w.dir(root, "", []fs.FileInfo{info})
	}
}

type walker struct {
	opt   InputOptions
	yield func(Entry) bool
	skip  []fs.FileInfo
}

// dir walks one folder; it returns false when the consumer stopped.
func (w *walker) dir(dir, rel string, ancestors []fs.FileInfo) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		id := rel
		if id == "" {
			id = "."
		}
		if !w.yield(Entry{ID: id, Path: dir, Err: fmt.Errorf("%w: cannot read folder: %v", ErrDocument, err)}) {
			return false
		}
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		r := filepath.Join(rel, e.Name())
		info, err := e.Info()
		if err == nil && info.Mode()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
			if err != nil {
				err = fmt.Errorf("%w: broken symbolic link: %v", ErrDocument, err)
			}
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && !errors.Is(err, ErrDocument) {
				continue // gone between listing and looking: never there
			}
			if !w.yield(Entry{ID: r, Path: p, Err: err}) {
				return false
			}
			continue
		}
		switch {
		case info.IsDir():
			if w.excluded(r) || w.skipped(info) {
				continue
			}
			if loop := sameAs(info, ancestors); loop >= 0 {
				err := fmt.Errorf("%w: symbolic link loop (leads back to a folder above it)", ErrDocument)
				if !w.yield(Entry{ID: r, Path: p, Err: err}) {
					return false
				}
				continue
			}
			if !w.dir(p, r, append(ancestors[:len(ancestors):len(ancestors)], info)) {
				return false
			}
		case info.Mode().IsRegular():
			if w.excluded(r) || !w.included(r) {
				continue
			}
			if len(w.opt.Include) == 0 && !Readable(r) {
				if w.opt.Skipped != nil {
					w.opt.Skipped(Entry{ID: r, Path: p, Size: info.Size()})
				}
				continue
			}
			if !w.yield(Entry{ID: r, Path: p, Size: info.Size()}) {
				return false
			}
		}
	}
	return true
}

func sameAs(info fs.FileInfo, list []fs.FileInfo) int {
	for i, a := range list {
		if os.SameFile(a, info) {
			return i
		}
	}
	return -1
}

func (w *walker) skipped(info fs.FileInfo) bool { return sameAs(info, w.skip) >= 0 }

func (w *walker) excluded(rel string) bool { return matchAny(w.opt.Exclude, rel) }

func (w *walker) included(rel string) bool {
	return len(w.opt.Include) == 0 || matchAny(w.opt.Include, rel)
}

// matchAny matches rel against globs: a glob with a "/" against the whole
// slash-separated path, one without against the base name.
func matchAny(globs []string, rel string) bool {
	slashed := filepath.ToSlash(rel)
	for _, g := range globs {
		subject := path.Base(slashed)
		if strings.Contains(g, "/") {
			subject = slashed
		}
		if ok, _ := path.Match(g, subject); ok {
			return true
		}
	}
	return false
}

// ValidGlob reports whether g is a well-formed glob for
// InputOptions.Include and Exclude.
func ValidGlob(g string) error {
	_, err := path.Match(g, "")
	if err != nil {
		return fmt.Errorf("bad glob %q: %w", g, err)
	}
	return nil
}

// jsonlDoc is one line of --format jsonl input.
type jsonlDoc struct {
	ID        string          `json:"id"`
	Text      *string         `json:"text"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Lang      string          `json:"lang"`
}

// ReadDocuments reads the documents of one input: a text file or an HTML
// page is one document, a JSONL file one document a line; a name ending
// in ".gz" (or, with FormatAuto, gzip content) is decompressed first and
// its format decided by the rest of the name. id names the documents
// ([Document.ID]); path is recorded as [Document.Path] and decides the
// format by extension.
//
// Every input yields at least one document: what cannot be read (an empty
// file, a broken gzip stream, a JSONL file without documents, a page with
// no main text) comes as a Document with Err set, and so do single bad
// JSONL lines while the others are read. Memory is bounded by MaxBytes
// whatever the input's size.
func ReadDocuments(id, path string, r io.Reader, opt InputOptions) iter.Seq[Document] {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Format == "" {
		opt.Format = FormatAuto
	}
	return func(yield func(Document) bool) {
		fail := func(err error) { yield(Document{ID: id, Path: path, Err: err}) }
		br := bufio.NewReaderSize(r, 64<<10)
		head, err := br.Peek(512)
		if len(head) == 0 {
			if err != nil && !errors.Is(err, io.EOF) {
				fail(err)
				return
			}
			fail(fmt.Errorf("%w: empty file", ErrDocument))
			return
		}
		name := path
		if path == "" {
			name = id
		}
		if strings.EqualFold(filepath.Ext(name), ".gz") || (opt.Format == FormatAuto && bytes.HasPrefix(head, []byte{0x1f, 0x8b})) {
			zr, err := gzip.NewReader(br)
			if err != nil {
				fail(fmt.Errorf("%w: not a gzip file: %v", ErrDocument, err))
				return
			}
			defer zr.Close()
			zr.Multistream(true)
			br = bufio.NewReaderSize(gzipErrors{zr}, 64<<10)
			if strings.EqualFold(filepath.Ext(name), ".gz") {
				name = name[:len(name)-3]
			}
			if head, err = br.Peek(512); len(head) == 0 {
				if err != nil && !errors.Is(err, io.EOF) {
					fail(err)
					return
				}
				fail(fmt.Errorf("%w: empty file (after gzip)", ErrDocument))
				return
			}
		}
		switch format(opt.Format, name, head) {
		case FormatJSONL:
			readJSONL(id, path, br, opt.MaxBytes, yield)
			return
		case FormatHTML:
			raw, err := readAll(br, opt.MaxBytes)
			if err != nil {
				fail(err)
				return
			}
			page, err := extractHTML(raw)
			if err != nil {
				fail(err)
				return
			}
			yield(Document{ID: id, Path: path, URL: page.URL, Published: page.Published, Text: []byte(page.Text), own: true})
			return
		}
		text, err := readAll(br, opt.MaxBytes)
		if err != nil {
			fail(err)
			return
		}
		yield(Document{ID: id, Path: path, Text: text, own: true})
	}
}

// readAll reads a whole document, or fails once it is over max bytes
// without holding more than max+1 of them.
func readAll(r io.Reader, max int) ([]byte, error) {
	text, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(text) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes (--max-bytes)", ErrDocument, max)
	}
	return text, nil
}

// gzipErrors says which layer failed when a compressed stream breaks.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	switch {
	case err == nil, errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF):
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("%w: truncated gzip stream (unexpected end of file)", ErrDocument)
	default:
		err = fmt.Errorf("%w: corrupt gzip stream: %v", ErrDocument, err)
	}
	return n, err
}

// format decides the input format of a file.
func format(want, name string, head []byte) string {
	if want != FormatAuto {
		return want
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text", ".md":
		return FormatText
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	lower := bytes.ToLower(trimmed)
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return FormatJSONL
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	}
	return FormatText
}

// readJSONL yields one document a line. Lines of any length are read (no
// bufio.Scanner limit); a line over max is skipped and reported. A file
// without any document yields one failed document.
func readJSONL(name, path string, br *bufio.Reader, max int, yield func(Document) bool) {
	docs := 0
	var jl jsonlLine // its esc keeps its room from line to line
	for line := 1; ; line++ {
		raw, tooLong, err := readLine(br, max)
		if len(raw) == 0 && !tooLong && errors.Is(err, io.EOF) {
			break
		}
		doc := Document{Path: path}
		blank := false
		switch {
		case err != nil && !errors.Is(err, io.EOF):
			doc.Err = err
		case tooLong:
			doc.Err = fmt.Errorf("%w: line over the limit of %d bytes (--max-bytes)", ErrDocument, max)
		case len(bytes.TrimSpace(raw)) == 0:
			blank = true
		default:
			decoded := decodeLine(raw, &jl)
			if !decoded {
				var jd jsonlDoc
				if jerr := json.Unmarshal(raw, &jd); jerr != nil {
					doc.Err = fmt.Errorf("%w: not a JSON object: %v", ErrDocument, jerr)
					break
				}
				jl = jsonlLine{id: jd.ID, url: jd.URL, published: jd.Published}
				if jd.Text != nil {
					jl.text = []byte(*jd.Text)
				}
			}
			doc.ID = jl.id
			if jl.text == nil {
				doc.Err = fmt.Errorf("%w: no \"text\" field", ErrDocument)
			} else {
				doc.Text, doc.own = jl.text, true // unquote's or a conversion's: a new slice
				if decoded {
					doc.esc, doc.escKnown = slices.Clone(jl.esc), true
				}
				doc.URL = jl.url
				var warn string
				doc.Published, warn = publishedDay(jl.published)
				if warn != "" {
					doc.Warnings = append(doc.Warnings, warn)
				}
			}
		}
		if !blank {
			if doc.ID == "" {
				doc.ID = name + ":" + strconv.Itoa(line)
			}
			docs++
			if !yield(doc) {
				return
			}
		}
		if err != nil {
			break // the stream is done; a read error was reported as a document
		}
	}
	if docs == 0 {
		yield(Document{ID: name, Path: path, Err: fmt.Errorf("%w: no documents in the JSONL file", ErrDocument)})
	}
}

// readLine reads one line without its newline; the line may be br's
// buffer, valid until br is read again. A line longer than max is
// consumed and reported as too long instead of being held in memory.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	// A line that fits in br's buffer (every news article) is returned in
	// place, not copied: valid until the next read, which comes after the
	// line's strings have been decoded into copies of their own.
	if chunk, err := br.ReadSlice('\n'); !errors.Is(err, bufio.ErrBufferFull) {
		if len(chunk) > max+1 {
			return nil, true, err
		}
		return bytes.TrimRight(chunk, "\r\n"), false, err
	} else if len(chunk) > max+1 {
		tooLong = true
	} else {
		line = append(line, chunk...)
	}
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

// publishedDay is the YYYY-MM-DD day of a JSONL "published" value: a
// date, or an RFC 3339 time whose date is taken. Any other value is
// treated as absent and returned as a warning, never dropped silently
// (SPEC section 3); null or "" is absent without a word.
func publishedDay(raw json.RawMessage) (day, warning string) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	var s string
	if v, end, ok := quoted(raw); ok && end == len(raw) {
		s = string(v) // a JSON string, decoded as encoding/json decodes it
	} else if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Sprintf("\"published\" %s is not a date (want \"YYYY-MM-DD\" or an RFC 3339 time): ignored", raw)
	}
	if s == "" {
		return "", ""
	}
	if _, err := parseDay(s); err == nil && len(s) == 10 {
		return s, ""
	}
	// RFC 3339 (with its "T" or a space), and the same without a zone as
	// ISO 8601 allows: the date is the one written.
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if _, err := time.Parse(layout, s); err == nil {
			return s[:10], ""
		}
	}
	return "", fmt.Sprintf("\"published\" %q is not a date (want YYYY-MM-DD or an RFC 3339 time): ignored", s)
}

// quoted is unquote of raw when raw starts with a quote.
func quoted(raw []byte) (s []byte, end int, ok bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return nil, 0, false
	}
	return unquote(raw, 0, nil)
}

// FileSource returns a Source over files, folders (walked recursively, in
// lexical order, see [Walk]) and "-" for standard input, each read with
// [ReadDocuments]. A path that cannot be read becomes a failed document,
// never a stopped run.
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
			if !s.read("stdin", "", s.opt.Stdin) {
				return
			}
			continue
		}
		for e := range Walk(p, s.opt) {
			if !s.readEntry(e) {
				return
			}
		}
	}
}

func (s *fileSource) readEntry(e Entry) bool {
	if e.Err != nil {
		return s.send(Document{ID: e.ID, Path: e.Path, Err: e.Err})
	}
	f, err := os.Open(e.Path)
	if err != nil {
		return s.send(Document{ID: e.ID, Path: e.Path, Err: err})
	}
	defer f.Close()
	return s.read(e.ID, e.Path, f)
}

func (s *fileSource) read(id, path string, r io.Reader) bool {
	for d := range ReadDocuments(id, path, r, s.opt) {
		if !s.send(d) {
			return false
		}
	}
	return true
}
