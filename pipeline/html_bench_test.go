package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// The HTML benchmarks run over go-trafilatura's own comparison pages
// (about 950 real web pages in many languages), found in the module
// cache; they are skipped when the module is not downloaded (`go mod
// download github.com/markusmobius/go-trafilatura@v1.12.2` fetches it):
//
//	go test ./pipeline -run '^$' -bench HTML -benchtime 1x
//
// pages/s is the number to compare; B/op is what one page allocates.

// trafilaturaVersion is the release third_party/go-trafilatura was copied
// from, whose test pages the benchmarks read.
const trafilaturaVersion = "v1.12.2"

// realPages returns the bytes of the comparison pages.
func realPages(b testing.TB) [][]byte {
	b.Helper()
	// go.mod replaces the module by third_party/go-trafilatura, which
	// leaves the test pages out: they are read from the module cache.
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		b.Skipf("no module cache: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "github.com", "markusmobius", "go-trafilatura@"+trafilaturaVersion, "test-files", "comparison")
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		b.Skipf("no pages in %s", dir)
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// BenchmarkHTML measures the HTML stage on real pages: the whole of it
// (decoding, parsing, go-trafilatura's extraction and the date), and its
// parts, parsing alone and extraction without the date search.
func BenchmarkHTML(b *testing.B) {
	pages := realPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	run := func(name string, fn func([]byte)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					fn(p)
				}
			}
			b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
		})
	}
	run("stage", func(p []byte) { _, _ = extractHTML(p) })
	run("parse", func(p []byte) { _, _ = html.Parse(bytes.NewReader(p)) })
	run("extract-nodate", func(p []byte) {
		doc, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			return
		}
		_, _ = trafilatura.ExtractDocument(doc, trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
	})
}

// TestHTMLSourceRealPages checks the fast path of htmlSource on the real
// pages: each one gives the bytes the full decoding and normalisation
// gives.
func TestHTMLSourceRealPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 950 pages")
	}
	for _, p := range realPages(t) {
		got, err := htmlSource(p)
		if err != nil {
			t.Fatal(err)
		}
		if want := slowSource(t, p); !bytes.Equal(got, want) {
			t.Fatalf("htmlSource differs from the full normalisation on a page starting %q", p[:min(len(p), 200)])
		}
	}
}
