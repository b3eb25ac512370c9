package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// seedRecords are the records of `gazex extract --emit all --include-text
// testdata/seeds`, made in the test process, and the seeds' texts by id.
func seedRecords(t *testing.T) ([]byte, map[string]string) {
	t.Helper()
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: 1, IncludeText: true})
	require.NoError(t, err)
	enc, err := pipeline.NewEncoder(pipeline.EmitAll)
	require.NoError(t, err)
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.Len(t, paths, 5)
	var out bytes.Buffer
	texts := map[string]string{}
	for _, path := range paths {
		text, err := os.ReadFile(path)
		require.NoError(t, err)
		id := filepath.Base(path)
		texts[id] = string(text)
		res, err := p.Process(t.Context(), pipeline.Document{ID: id, Path: path, Text: text})
		require.NoError(t, err)
		lines, err := enc.Encode(res)
		require.NoError(t, err)
		out.Write(lines)
	}
	return out.Bytes(), texts
}

// chromium finds Debian's headless Chromium. Without it the test is
// skipped on a developer's machine and fails in CI, where .ci/run
// installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: .ci/run installs it (apt-get install chromium)")
	}
	t.Skip("chromium is not installed (apt-get install chromium); CI runs this test")
	return ""
}

// runChromium runs headless Chromium on the page with extra flags and
// returns its standard output.
func runChromium(t *testing.T, bin, page string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, extra...)
	cmd := exec.CommandContext(ctx, bin, append(args, "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "chromium: %s", stderr.String())
	return stdout.Bytes()
}

var bytesRE = regexp.MustCompile(`bytes (\d+)–(\d+)`)

// TestReportInChromium makes the page of the seed records, has Chromium
// load it, and checks what it rendered: the DOM it built (--dump-dom) holds
// each document's text whole, every highlight covers the very bytes its
// hover names, the graph has its nodes and lines, no script ran; and the
// screenshot shows the highlight colours.
func TestReportInChromium(t *testing.T) {
	bin := chromium(t)
	records, texts := seedRecords(t)
	rep, err := Read(bytes.NewReader(records))
	require.NoError(t, err)
	require.Len(t, rep.Docs, 5)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	f, err := os.Create(page)
	require.NoError(t, err)
	require.NoError(t, rep.WriteHTML(f))
	require.NoError(t, f.Close())
	g := buildGraph(rep.Docs)
	require.NotEmpty(t, g.Edges, "the seeds have events between two participants")

	dom, err := html.Parse(bytes.NewReader(runChromium(t, bin, page, "--dump-dom")))
	require.NoError(t, err)
	var docs, lines, nodes, scripts int
	marks := map[string]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "script":
				scripts++
			case n.Data == "line":
				lines++
			case n.Data == "g" && attr(n, "class") == "node":
				nodes++
			case n.Data == "section" && attr(n, "class") == "doc":
				docs++
				checkDoc(t, n, texts, marks)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(dom)
	assert.Equal(t, 5, docs)
	assert.Zero(t, scripts)
	assert.Equal(t, len(g.Edges), lines)
	assert.Equal(t, len(g.Nodes), nodes)
	for _, k := range []string{"official", "agency", "country", "trigger"} {
		assert.Positive(t, marks[k], "%s highlights", k)
	}

	shot := filepath.Join(dir, "shot.png")
	runChromium(t, bin, page, "--window-size=1280,2400", "--hide-scrollbars", "--screenshot="+shot)
	raw, err := os.ReadFile(shot)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(raw))
	require.NoError(t, err)
	colours := countColours(img)
	assert.Greater(t, len(colours), 50, "not a blank page")
	// The highlight backgrounds of the style sheet, as painted.
	for name, c := range map[string]uint32{"official": 0xcfe3ff, "agency": 0xd4f2d0, "country": 0xffe2bf, "trigger": 0xffd0d0} {
		assert.Greater(t, colours[c], 200, "pixels of the %s highlight", name)
	}
}

// checkDoc checks one document's section: its text, read from the DOM,
// is the document's text; each highlight's text is the slice its hover
// names.
func checkDoc(t *testing.T, sec *html.Node, texts map[string]string, marks map[string]int) {
	t.Helper()
	var id string
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h2" && id == "" {
			id = textOf(n)
		}
		if n.Type == html.ElementNode && n.Data == "div" && attr(n, "class") == "text" {
			body = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(sec)
	want, ok := texts[id]
	require.True(t, ok, "section of an unknown document %q", id)
	require.NotNil(t, body, id)
	want = strings.ReplaceAll(want, "\r\n", "\n")
	assert.Equal(t, want, textOf(body), "%s: the text shown is the document's", id)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "mark" {
			marks[attr(n, "class")]++
			m := bytesRE.FindStringSubmatch(attr(n, "title"))
			if assert.NotNil(t, m, "%s: a highlight's hover names its bytes: %q", id, attr(n, "title")) {
				a, _ := strconv.Atoi(m[1])
				b, _ := strconv.Atoi(m[2])
				assert.Equal(t, want[a:b], textOf(n), "%s: highlight %s", id, attr(n, "title"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// countColours counts the pixels of each RGB colour.
func countColours(img image.Image) map[uint32]int {
	out := map[uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out[(r>>8)<<16|(g>>8)<<8|bl>>8]++
		}
	}
	return out
}
