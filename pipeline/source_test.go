package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

const newsDE = "Der russische Außenminister Sergej Lawrow hat am Montag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen.\n"

const newsPage = `<!DOCTYPE html><html><head><title>Lawrow empfängt Wang Yi</title>
<meta property="og:site_name" content="Beispiel-Zeitung">
<meta property="article:published_time" content="2023-04-03T09:30:00+02:00">
<link rel="canonical" href="https://example.org/politik/lawrow-wang">
</head><body><nav><a href="/">Start</a> | <a href="/politik">Politik</a></nav>
<article><h1>Lawrow empfängt Wang Yi</h1>
<p>Der russische Außenminister Sergej Lawrow hat am Montag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen.</p>
<p>Beide Seiten vereinbarten, die Zusammenarbeit im Bereich der Informationssicherheit auszubauen, wie das Ministerium mitteilte.</p>
</article><footer>Impressum · Datenschutz</footer></body></html>`

func gz(t testing.TB, data string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(data))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.String()
}

func read(name, data string, opt pipeline.InputOptions) []pipeline.Document {
	return slices.Collect(pipeline.ReadDocuments(name, name, strings.NewReader(data), opt))
}

func TestReadDocuments(t *testing.T) {
	zipped := gz(t, newsDE)
	jsonl := `{"id":"a","text":"El canciller ruso se reunió este martes con su homólogo chino.","published":"2023-04-04T08:00:00Z"}` + "\n" +
		"\n" +
		`{"id":"b","text":` + "\n" +
		`{"id":"c"}` + "\n" +
		`{"text":"Kremlin spokesman Dmitry Peskov told reporters on Tuesday."}`
	for _, tc := range []struct {
		name, file, data string
		opt              pipeline.InputOptions
		ids              []string
		errs             []string // per document: "" or a part of its error
		text             []string // per document: a part of its text
	}{
		{name: "text", file: "a.txt", data: newsDE, ids: []string{"a.txt"}, errs: []string{""}, text: []string{"Lawrow"}},
		{name: "empty file", file: "a.txt", data: "", ids: []string{"a.txt"}, errs: []string{"empty file"}},
		{name: "gzip text", file: "a.txt.gz", data: zipped, ids: []string{"a.txt.gz"}, errs: []string{""}, text: []string{"Wang Yi"}},
		{name: "gzip by content", file: "a.bin", data: zipped, ids: []string{"a.bin"}, errs: []string{""}, text: []string{"Wang Yi"}},
		{name: "truncated gzip", file: "a.txt.gz", data: zipped[:len(zipped)/2], ids: []string{"a.txt.gz"}, errs: []string{"truncated gzip"}},
		{name: "not gzip", file: "a.txt.gz", data: newsDE, ids: []string{"a.txt.gz"}, errs: []string{"not a gzip file"}},
		{name: "over max bytes", file: "a.txt", data: newsDE, opt: pipeline.InputOptions{MaxBytes: 20}, ids: []string{"a.txt"}, errs: []string{"over the limit"}},
		{
			name: "jsonl with bad lines", file: "n.jsonl", data: jsonl,
			ids:  []string{"a", "n.jsonl:3", "c", "n.jsonl:5"},
			errs: []string{"", "not a JSON object", `no "text"`, ""},
			text: []string{"canciller", "", "", "Peskov"},
		},
		{
			name: "jsonl line over max bytes", file: "n.jsonl", opt: pipeline.InputOptions{MaxBytes: 100},
			data: `{"text":"` + strings.Repeat("Lawrow ", 100) + `"}` + "\n" + `{"text":"Wang Yi"}` + "\n",
			ids:  []string{"n.jsonl:1", "n.jsonl:2"}, errs: []string{"line over the limit", ""}, text: []string{"", "Wang Yi"},
		},
		{name: "jsonl of blank lines", file: "n.jsonl", data: "\n \n", ids: []string{"n.jsonl"}, errs: []string{"no documents"}},
		{name: "gzip jsonl", file: "n.jsonl.gz", data: gz(t, `{"id":"z","text":"Wang Yi"}`), ids: []string{"z"}, errs: []string{""}, text: []string{"Wang Yi"}},
		{name: "html", file: "p.html", data: newsPage, ids: []string{"p.html"}, errs: []string{""}, text: []string{"Lawrow empfängt Wang Yi\nDer russische"}},
		{name: "html without text", file: "p.html", data: "<html><head><script>var x = 1;</script></head><body><img src=\"a.png\"></body></html>", ids: []string{"p.html"}, errs: []string{"no main text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := read(tc.file, tc.data, tc.opt)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			require.Equal(t, tc.ids, ids)
			for i, d := range docs {
				if tc.errs[i] == "" {
					require.NoError(t, d.Err)
					assert.Contains(t, string(d.Text), tc.text[i])
					continue
				}
				require.Error(t, d.Err)
				assert.ErrorIs(t, d.Err, pipeline.ErrDocument)
				assert.Contains(t, d.Err.Error(), tc.errs[i])
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	docs := read("p.html", newsPage, pipeline.InputOptions{})
	require.Len(t, docs, 1)
	d := docs[0]
	require.NoError(t, d.Err)
	assert.Equal(t, "2023-04-03", d.Published, "the publication date anchors the document")
	assert.Equal(t, "https://example.org/politik/lawrow-wang", d.URL)
	assert.True(t, strings.HasPrefix(string(d.Text), "Lawrow empfängt Wang Yi\n"), "the title opens the text once: %q", d.Text)
	assert.NotContains(t, string(d.Text), "Impressum", "boilerplate is not main text")
	assert.NotContains(t, string(d.Text), "<p>")
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	write("b/2.txt", newsDE)
	write("b/1.html", newsPage)
	write("a.txt", newsDE)
	write("drafts/x.txt", newsDE)
	write("b/skip.tmp", "x")
	write("odd name \n\"ü\".txt", newsDE)
	require.NoError(t, os.Symlink("..", filepath.Join(dir, "b", "up")))        // a loop
	require.NoError(t, os.Symlink("nowhere", filepath.Join(dir, "b", "gone"))) // broken
	require.NoError(t, os.Symlink("b", filepath.Join(dir, "c")))               // a second way into b

	for _, tc := range []struct {
		name    string
		opt     pipeline.InputOptions
		want    []string // ids; "!" marks entries with an error
		skipped []string // left out for their type
	}{
		{
			name: "every readable file, links followed, loop and broken link reported",
			want: []string{"a.txt", "b/1.html", "b/2.txt", "!b/gone", "!b/up",
				"c/1.html", "c/2.txt", "!c/gone", "!c/up", "drafts/x.txt", "odd name \n\"ü\".txt"},
			skipped: []string{"b/skip.tmp", "c/skip.tmp"},
		},
		{
			name: "include reads a file of another type",
			opt:  pipeline.InputOptions{Include: []string{"*.tmp"}, Exclude: []string{"c"}},
			want: []string{"!b/gone", "b/skip.tmp", "!b/up"},
		},
		{
			name: "include by base name, exclude a folder",
			opt:  pipeline.InputOptions{Include: []string{"*.txt", "*.html"}, Exclude: []string{"drafts", "c"}},
			want: []string{"a.txt", "b/1.html", "b/2.txt", "!b/gone", "!b/up", "odd name \n\"ü\".txt"},
		},
		{
			name: "glob with a slash matches the relative path",
			opt:  pipeline.InputOptions{Include: []string{"b/*"}, Exclude: []string{"*.tmp"}},
			want: []string{"b/1.html", "b/2.txt", "!b/gone", "!b/up", "!c/gone", "!c/up"}, // errors are filtered by Exclude only
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got, skipped []string
			tc.opt.Skipped = func(e pipeline.Entry) { skipped = append(skipped, filepath.ToSlash(e.ID)) }
			for e := range pipeline.Walk(dir, tc.opt) {
				id := filepath.ToSlash(e.ID)
				if e.Err != nil {
					id = "!" + id
				}
				got = append(got, id)
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.skipped, skipped)
		})
	}
	// A file named as the root is read whatever its type.
	var got []string
	for e := range pipeline.Walk(filepath.Join(dir, "b", "skip.tmp"), pipeline.InputOptions{}) {
		got = append(got, filepath.Base(e.ID))
	}
	assert.Equal(t, []string{"skip.tmp"}, got)
}

func TestReadable(t *testing.T) {
	for name, want := range map[string]bool{
		"a.txt": true, "A.TXT": true, "a.md": true, "a.text": true, "p.html": true, "p.htm": true, "p.xhtml": true,
		"n.jsonl": true, "n.ndjson": true, "a.txt.gz": true, "n.JSONL.GZ": true, "p.html.gz": true,
		"scan.pdf": false, "photo.jpg": false, "data.csv": false, "a.gz": false, "README": false, "x.pdf.gz": false,
	} {
		assert.Equal(t, want, pipeline.Readable(name), name)
	}
}

// A JSONL "published" that is not a date is a warning, and the document
// is read without a date; a date or an RFC 3339 time gives its day.
func TestJSONLPublished(t *testing.T) {
	for _, tc := range []struct {
		published string // the JSON value
		day, warn string
	}{
		{`"2025-06-10"`, "2025-06-10", ""},
		{`"2025-06-10T23:30:00-05:00"`, "2025-06-10", ""},
		{`"2025-06-10 08:00:00Z"`, "2025-06-10", ""},
		{`"2025-06-10T08:00:00"`, "2025-06-10", ""},
		{`null`, "", ""},
		{`""`, "", ""},
		{`"June 10, 2025"`, "", `"published" "June 10, 2025" is not a date (want YYYY-MM-DD or an RFC 3339 time): ignored`},
		{`"2025-06"`, "", `"published" "2025-06" is not a date`},
		{`"2025-02-30"`, "", `"published" "2025-02-30" is not a date`},
		{`"2025-06-10garbage"`, "", `"published" "2025-06-10garbage" is not a date`},
		{`20250610`, "", `"published" 20250610 is not a date`},
	} {
		line := `{"id":"a","text":"Wang Yi","published":` + tc.published + "}\n"
		docs := slices.Collect(pipeline.ReadDocuments("n.jsonl", "n.jsonl", strings.NewReader(line), pipeline.InputOptions{}))
		require.Len(t, docs, 1)
		require.NoError(t, docs[0].Err, tc.published)
		assert.Equal(t, tc.day, docs[0].Published, tc.published)
		if tc.warn == "" {
			assert.Empty(t, docs[0].Warnings, tc.published)
		} else {
			require.Len(t, docs[0].Warnings, 1, tc.published)
			assert.Contains(t, docs[0].Warnings[0], tc.warn)
		}
	}
}

func TestWalkReportsUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	require.NoError(t, os.Mkdir(locked, 0o000))
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	var errs []error
	for e := range pipeline.Walk(dir, pipeline.InputOptions{}) {
		errs = append(errs, e.Err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], os.ErrPermission)
}

// FuzzReadDocuments holds the readers (JSONL, HTML, gzip, text) to their
// promises on arbitrary bytes: no panic, at least one document, every
// document either failed or carrying text within the size limit, and
// HTML text valid UTF-8.
func FuzzReadDocuments(f *testing.F) {
	f.Add("n.jsonl", []byte(`{"id":"a","text":"Wang Yi"}`+"\n"+`{"text":1}`+"\n\xff"))
	f.Add("p.html", []byte(newsPage))
	f.Add("p.html", []byte("<html><p>Lawrow<p>\x00<script>x</script>"))
	f.Add("a.txt.gz", []byte(gz(f, newsDE)))
	f.Add("a.txt", []byte(newsDE))
	f.Add("a", []byte("{\"text\":\"\\ud800\"}"))
	const max = 4096
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		docs := slices.Collect(pipeline.ReadDocuments(name, name, bytes.NewReader(data), pipeline.InputOptions{MaxBytes: max}))
		if len(docs) == 0 {
			t.Fatal("no document")
		}
		for _, d := range docs {
			if d.Err != nil {
				continue // reported, not processed
			}
			if len(d.Text) > max {
				t.Fatalf("a document of %d bytes passed a limit of %d", len(d.Text), max)
			}
			if strings.HasSuffix(strings.ToLower(name), ".html") && !utf8.Valid(d.Text) {
				t.Fatalf("HTML text is not valid UTF-8: %q", d.Text)
			}
		}
	})
}

// BenchmarkReadHTML measures main-text extraction of a news page, which
// runs in the reading goroutine ahead of the pipeline's workers.
func BenchmarkReadHTML(b *testing.B) {
	b.SetBytes(int64(len(newsPage)))
	for b.Loop() {
		for d := range pipeline.ReadDocuments("p.html", "p.html", strings.NewReader(newsPage), pipeline.InputOptions{}) {
			if d.Err != nil {
				b.Fatal(d.Err)
			}
		}
	}
}
