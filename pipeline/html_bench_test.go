package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	trafilatura "github.com/gazex/gazex/third_party/go-trafilatura"
	"github.com/stretchr/testify/require"
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
	// gazex builds go-trafilatura from its copy in third_party, which
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
// parts: parsing alone, extraction without the date search, and the
// extraction as the release does it (without the Lean option). The
// "sample" runs take every 40th page (24 pages), for a quick look:
//
//	go test ./pipeline -run '^$' -bench 'HTML/sample' -cpu 1
func BenchmarkHTML(b *testing.B) {
	all := realPages(b)
	var sample [][]byte
	for i := 0; i < len(all); i += 40 {
		sample = append(sample, all[i])
	}
	run := func(name string, pages [][]byte, fn func([]byte)) {
		var size int64
		for _, p := range pages {
			size += int64(len(p))
		}
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
	extract := func(opts trafilatura.Options) func([]byte) {
		return func(p []byte) {
			doc, err := html.Parse(bytes.NewReader(p))
			if err != nil {
				return
			}
			_, _ = trafilatura.ExtractDocument(doc, opts)
		}
	}
	noDate := htmlOptions()
	noDate.HtmlDateMode = trafilatura.Disabled
	notLean := htmlOptions()
	notLean.Lean = false
	for _, set := range []struct {
		name  string
		pages [][]byte
	}{{"all", all}, {"sample", sample}} {
		run(set.name+"/stage", set.pages, func(p []byte) { _, _ = extractHTML(p) })
		run(set.name+"/parse", set.pages, func(p []byte) { _, _ = html.Parse(bytes.NewReader(p)) })
		run(set.name+"/extract", set.pages, extract(htmlOptions()))
		run(set.name+"/extract-nodate", set.pages, extract(noDate))
		run(set.name+"/extract-notlean", set.pages, extract(notLean))
	}
}

// TestHTMLLean checks go-trafilatura's Lean option on the real pages (every
// twentieth one): it leaves out only work whose results gazex does not keep, so
// every page gives the same text, title, URL, site and date with and without
// it.
func TestHTMLLean(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 50 pages")
	}
	full := htmlOptions()
	full.Lean = false
	pages := realPages(t)
	for i := 0; i < len(pages); i += 20 {
		lean, errLean := extractPage(pages[i], htmlOptions())
		want, errFull := extractPage(pages[i], full)
		if errLean != nil || errFull != nil {
			require.Equal(t, errFull, errLean, "page %d", i)
			continue
		}
		require.Equal(t, want, lean, "page %d", i)
	}
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
