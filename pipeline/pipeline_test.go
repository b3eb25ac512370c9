package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// testPipeline returns the pipeline over the embedded default gazetteer,
// built once for all tests (it loads the language models).
func testPipeline(t testing.TB, workers int) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() {
		var entities []*gazetteer.Entity
		entities, pipeErr = gazetteer.Default()
		if pipeErr != nil {
			return
		}
		pipe, pipeErr = pipeline.New(pipeline.Config{Entities: entities, Workers: 4})
	})
	require.NoError(t, pipeErr)
	if workers == 4 {
		return pipe
	}
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: workers})
	require.NoError(t, err)
	return p
}

type seed struct {
	name string
	text []byte
}

func seeds(t testing.TB) []seed {
	t.Helper()
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.Len(t, paths, 5)
	var out []seed
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		out = append(out, seed{filepath.Base(p), b})
	}
	return out
}

func process(t testing.TB, name string, text []byte, published string) *pipeline.DocumentRecord {
	t.Helper()
	res, err := testPipeline(t, 4).Process(context.Background(), pipeline.Document{ID: name, Text: text, Published: published})
	require.NoError(t, err)
	require.NoError(t, res.Err)
	require.NotNil(t, res.Document)
	return res.Document
}

// checkSpan asserts that a span round-trips to the original bytes.
func checkSpan(t *testing.T, orig []byte, s pipeline.Span) {
	t.Helper()
	require.True(t, 0 <= s.Byte[0] && s.Byte[0] <= s.Byte[1] && s.Byte[1] <= len(orig), "byte range %v of %d", s.Byte, len(orig))
	assert.Equal(t, string(orig[s.Byte[0]:s.Byte[1]]), s.Text, "text is the original slice")
	assert.Equal(t, utf8.RuneCount(orig[:s.Byte[0]]), s.Char[0], "char start of %q", s.Text)
	assert.Equal(t, utf8.RuneCount(orig[:s.Byte[1]]), s.Char[1], "char end of %q", s.Text)
	assert.NotEmpty(t, strings.TrimSpace(s.Text), "a span is not blank")
}

func TestEverySpanRoundTrips(t *testing.T) {
	for _, sd := range seeds(t) {
		t.Run(sd.name, func(t *testing.T) {
			doc := process(t, sd.name, sd.text, "")
			for _, s := range doc.Segments {
				checkSpan(t, sd.text, s.Span)
			}
			for _, e := range doc.Entities {
				require.NotEmpty(t, e.Mentions, e.ID)
				for _, m := range e.Mentions {
					checkSpan(t, sd.text, m.Span)
				}
			}
		})
	}
}

func TestSpanishTweetIsASegment(t *testing.T) {
	sd := seeds(t)[0]
	doc := process(t, sd.name, sd.text, "")
	assert.Equal(t, "de", doc.Lang)
	var es []string
	for _, s := range doc.Segments {
		if s.Lang == "es" {
			es = append(es, s.Span.Text)
		}
	}
	require.NotEmpty(t, es, "the embedded Spanish tweet")
	assert.True(t, strings.HasPrefix(es[0], "Representantes de #China y #Cuba firmaron hoy"), es[0])
	assert.True(t, strings.HasSuffix(es[0], "del desarrollo y el bienestar de los pueblos."), es[0])
}

func TestPositionAsOfPublication(t *testing.T) {
	sd := seeds(t)[3] // Patrushev talks with Guo Shengkun
	for _, tc := range []struct{ published, title string }{
		{"2022-09-19", "Secretary of the Security Council of Russia"},
		{"2025-01-15", "Aide to the President of Russia"},
	} {
		doc := process(t, sd.name, sd.text, tc.published)
		var found bool
		for _, e := range doc.Entities {
			if e.ID != "person/nikolai-patrushev" {
				continue
			}
			found = true
			require.NotNil(t, e.Position, tc.published)
			assert.Equal(t, tc.title, e.Position.Title)
			assert.Equal(t, tc.published, e.Position.AsOf)
		}
		assert.True(t, found, "Patrushev is tagged")
	}
}

func TestNoPublicationDateNoPosition(t *testing.T) {
	sd := seeds(t)[3]
	doc := process(t, sd.name, sd.text, "")
	for _, e := range doc.Entities {
		assert.Nil(t, e.Position, "%s: no date, no position", e.ID)
	}
}

// sliceSource yields documents from memory.
type sliceSource struct {
	docs []pipeline.Document
	i    int
}

func (s *sliceSource) Next(ctx context.Context) (pipeline.Document, error) {
	if err := ctx.Err(); err != nil {
		return pipeline.Document{}, err
	}
	if s.i == len(s.docs) {
		return pipeline.Document{}, io.EOF
	}
	s.i++
	return s.docs[s.i-1], nil
}

func corpus(t testing.TB, copies int) []pipeline.Document {
	var docs []pipeline.Document
	for i := range copies {
		for _, sd := range seeds(t) {
			docs = append(docs, pipeline.Document{ID: sd.name + "#" + string(rune('a'+i%26)), Text: sd.text})
		}
	}
	return docs
}

func runJSON(t *testing.T, p *pipeline.Pipeline, docs []pipeline.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	stats, err := p.Run(t.Context(), &sliceSource{docs: docs}, func(r pipeline.Result) error {
		require.NoError(t, r.Err)
		return enc.Encode(r.Document)
	})
	require.NoError(t, err)
	assert.Equal(t, len(docs), stats.Documents)
	return buf.Bytes()
}

func TestOutputIndependentOfWorkers(t *testing.T) {
	docs := corpus(t, 8)
	one := runJSON(t, testPipeline(t, 1), docs)
	four := runJSON(t, testPipeline(t, 4), docs)
	assert.Equal(t, strings.Count(string(one), "\n"), len(docs))
	assert.True(t, bytes.Equal(one, four), "byte-identical output with 1 and 4 workers")
}

func TestRunReportsBadDocumentsAndGoesOn(t *testing.T) {
	docs := []pipeline.Document{
		{ID: "ok", Text: []byte("Der Kreml schweigt.")},
		{ID: "binary", Text: []byte("PK\x03\x04\x00\x00")},
		{ID: "empty", Text: nil},
		{ID: "invalid", Text: []byte("Wladimir Putin sagte \xff\xfe etwas.")},
	}
	var got []pipeline.Result
	stats, err := testPipeline(t, 4).Run(t.Context(), &sliceSource{docs: docs}, func(r pipeline.Result) error {
		got = append(got, r)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 4, stats.Documents)
	assert.Equal(t, 1, stats.Failed)
	require.Len(t, got, 4)
	assert.NoError(t, got[0].Err)
	assert.ErrorIs(t, got[1].Err, pipeline.ErrDocument)
	assert.NoError(t, got[2].Err, "an empty document is a document with nothing in it")
	require.NoError(t, got[3].Err)
	assert.Equal(t, []string{"invalid UTF-8 repaired at byte 21"}, got[3].Document.Warnings)
	for _, e := range got[3].Document.Entities {
		for _, m := range e.Mentions {
			assert.Equal(t, string(docs[3].Text[m.Byte[0]:m.Byte[1]]), m.Text)
		}
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	_, err := testPipeline(t, 4).Run(ctx, &sliceSource{docs: corpus(t, 50)}, func(r pipeline.Result) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 3, n, "nothing reaches the sink after the cancellation")
}

func BenchmarkPipeline(b *testing.B) {
	p := testPipeline(b, 4)
	docs := corpus(b, 1)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := p.Process(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}
