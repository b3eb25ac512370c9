package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gazex/gazex/pipeline"
)

// fileEnd says that the document numbered seq (in the order the source
// handed them out, which is the order Run delivers them) is the last of
// an input file, and what the file was.
type fileEnd struct {
	seq   int
	entry pipeline.Entry
	size  int64
	sum   string
}

// source hands the documents of a list of files to pipeline.Run, one file
// after the other. Before it hands out the last document of a file it
// queues a fileEnd, so that the sink knows when a file is complete the
// moment it sees that document. Every file yields at least one document
// (pipeline.ReadDocuments guarantees it; a file that cannot be opened
// yields a failed one).
type source struct {
	files []pipeline.Entry
	opt   pipeline.InputOptions
	i     int // next file to open
	seq   int // documents handed out

	// HTML pages are read and extracted ahead by up to `workers`
	// goroutines (main-text extraction costs as much as the rest of the
	// pipeline, and the source is one goroutine); pages[i] is set for
	// every HTML file.
	pages    []*page
	ahead    []*page
	workers  int
	started  bool
	stop     chan struct{}
	window   chan struct{} // a slot per page read ahead and not yet handed out
	cpu      chan struct{}
	fetchers sync.WaitGroup

	cur  *openFile
	next pipeline.Document // look-ahead: the next document of cur

	mu   sync.Mutex
	ends []fileEnd
}

type openFile struct {
	entry pipeline.Entry
	f     *os.File
	count *countingReader
	pull  func() (pipeline.Document, bool)
	stop  func()
	read  *page // set when the file was read ahead
}

// page is an HTML file read ahead: its documents, size and checksum.
type page struct {
	done chan struct{}
	docs []pipeline.Document
	size int64
	sum  string
}

// newSource returns a source over files that reads HTML pages ahead with
// up to workers goroutines, holding at most 2×workers pages.
func newSource(files []pipeline.Entry, opt pipeline.InputOptions, workers int) *source {
	s := &source{files: files, opt: opt, workers: max(workers, 1), pages: make([]*page, len(files)), stop: make(chan struct{})}
	for i, e := range files {
		if e.Err == nil && isHTML(e.ID, opt.Format) {
			s.pages[i] = &page{done: make(chan struct{})}
		}
	}
	s.ahead = slices.Clone(s.pages) // readAhead's own copy of the list
	s.window = make(chan struct{}, 2*s.workers)
	s.cpu = make(chan struct{}, s.workers)
	return s
}

func isHTML(name, format string) bool {
	if format != pipeline.FormatAuto {
		return format == pipeline.FormatHTML
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	ext := filepath.Ext(name)
	return ext == ".html" || ext == ".htm" || ext == ".xhtml"
}

// readAhead starts the reading of the pages in file order, as long as
// the window has room.
func (s *source) readAhead() {
	defer s.fetchers.Done()
	for i, pg := range s.ahead {
		if pg == nil {
			continue
		}
		select {
		case s.window <- struct{}{}:
		case <-s.stop:
			return
		}
		select {
		case s.cpu <- struct{}{}:
		case <-s.stop:
			return
		}
		s.fetchers.Add(1)
		go func(e pipeline.Entry, pg *page) {
			defer s.fetchers.Done()
			defer func() { <-s.cpu }()
			defer close(pg.done)
			f, err := os.Open(e.Path)
			if err != nil {
				pg.docs = []pipeline.Document{openFailed(e, err)}
				pg.size = e.Size
				return
			}
			defer f.Close()
			count := &countingReader{r: f, h: sha256.New()}
			pg.docs = slices.Collect(pipeline.ReadDocuments(e.ID, e.Path, count, s.opt))
			_, _ = io.Copy(io.Discard, count)
			pg.size, pg.sum = count.n, hex.EncodeToString(count.h.Sum(nil))
		}(s.files[i], pg)
	}
}

func openFailed(e pipeline.Entry, err error) pipeline.Document {
	if errors.Is(err, fs.ErrNotExist) {
		err = fmt.Errorf("%w: the file vanished after the folder was listed", pipeline.ErrDocument)
	}
	return pipeline.Document{ID: e.ID, Path: e.Path, Err: err}
}

// countingReader hashes and counts every byte read through it.
type countingReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	return n, err
}

// Next implements pipeline.Source.
func (s *source) Next(ctx context.Context) (pipeline.Document, error) {
	if err := ctx.Err(); err != nil {
		s.close()
		return pipeline.Document{}, err
	}
	if !s.started {
		s.started = true
		s.fetchers.Add(1)
		go s.readAhead()
	}
	if s.cur == nil {
		if s.i == len(s.files) {
			return pipeline.Document{}, io.EOF
		}
		if pg := s.pages[s.i]; pg != nil {
			select {
			case <-pg.done:
			case <-ctx.Done():
				s.close()
				return pipeline.Document{}, ctx.Err()
			}
			<-s.window
		}
		s.open(s.i)
		s.i++
	}
	doc := s.next
	if nxt, ok := s.cur.pull(); ok {
		s.next = nxt
	} else {
		end := s.finish()
		end.seq = s.seq
		s.mu.Lock()
		s.ends = append(s.ends, end)
		s.mu.Unlock()
	}
	s.seq++
	return doc, nil
}

// open starts reading file i (or takes what was read ahead) and pulls
// its first document.
func (s *source) open(i int) {
	e := s.files[i]
	var docs iter.Seq[pipeline.Document]
	of := &openFile{entry: e, read: s.pages[i]}
	if of.read != nil {
		docs = slices.Values(of.read.docs)
	} else if e.Err != nil {
		docs = one(pipeline.Document{ID: e.ID, Path: e.Path, Err: e.Err})
	} else if f, err := os.Open(e.Path); err != nil {
		docs = one(openFailed(e, err))
	} else {
		of.f = f
		of.count = &countingReader{r: f, h: sha256.New()}
		docs = pipeline.ReadDocuments(e.ID, e.Path, of.count, s.opt)
	}
	of.pull, of.stop = iter.Pull(docs)
	s.cur = of
	first, ok := of.pull()
	if !ok { // ReadDocuments always yields; be safe all the same
		first = pipeline.Document{ID: e.ID, Path: e.Path, Err: fmt.Errorf("%w: no documents", pipeline.ErrDocument)}
	}
	s.next = first
}

// finish closes the current file, reading what is left of it for its size
// and checksum.
func (s *source) finish() fileEnd {
	of := s.cur
	s.cur = nil
	of.stop()
	end := fileEnd{entry: of.entry, size: of.entry.Size}
	if of.read != nil {
		end.size, end.sum = of.read.size, of.read.sum
		of.read.docs = nil // handed out: let the text go
	}
	if of.f != nil {
		_, _ = io.Copy(io.Discard, of.count) // the rest of a file rejected early
		of.f.Close()
		end.size = of.count.n
		end.sum = hex.EncodeToString(of.count.h.Sum(nil))
	}
	return end
}

// close releases the current file and stops reading ahead. It is called
// once Run has returned (and by Next when cancelled), and waits for the
// readers ahead.
func (s *source) close() {
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	s.fetchers.Wait()
	if s.cur != nil {
		s.cur.stop()
		if s.cur.f != nil {
			s.cur.f.Close()
		}
		s.cur = nil
	}
}

// endAt returns the fileEnd of document seq, if it is the last of its
// file. The sink calls it for every document, in order.
func (s *source) endAt(seq int) (fileEnd, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.ends) == 0 || s.ends[0].seq != seq {
		return fileEnd{}, false
	}
	e := s.ends[0]
	s.ends = s.ends[1:]
	return e, true
}

func one(d pipeline.Document) iter.Seq[pipeline.Document] {
	return func(yield func(pipeline.Document) bool) { yield(d) }
}
