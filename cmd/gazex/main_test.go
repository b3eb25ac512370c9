package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func gazex(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestGolden compares `gazex extract --emit documents SEED` with
// testdata/golden/SEED.jsonl. A diff is a change of output: review it
// line by line, then rewrite with `go test ./cmd/gazex -update`.
func TestGolden(t *testing.T) {
	t.Chdir("../..") // ids in the records are the paths as given: keep them short
	seeds, err := filepath.Glob("testdata/seeds/*.txt")
	require.NoError(t, err)
	require.Len(t, seeds, 5)
	for _, seed := range seeds {
		name := strings.TrimSuffix(filepath.Base(seed), ".txt")
		t.Run(name, func(t *testing.T) {
			out, stderr, code := gazex(t, "", "extract", "--emit", "documents", "--workers", "2", seed)
			require.Equal(t, 0, code, stderr)
			golden := filepath.Join("testdata/golden", name+".jsonl")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "create it with go test ./cmd/gazex -update")
			assert.Equal(t, string(want), out)
		})
	}
}

func TestExtractFolderGivesFiveDocuments(t *testing.T) {
	out, stderr, code := gazex(t, "", "extract", "--emit", "documents", "../../testdata/seeds")
	require.Equal(t, 0, code, stderr)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5)
	for i, l := range lines {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &rec), "line %d is JSON", i+1)
		assert.Equal(t, "gazex/1", rec["schema"])
		assert.Equal(t, "document", rec["kind"])
		doc := rec["doc"].(map[string]any)
		assert.NotContains(t, doc["id"], "/", "ids under a folder are relative to it")
	}
}

func TestExtractIncludeExclude(t *testing.T) {
	ids := func(out string) []string {
		var got []string
		for l := range strings.Lines(out) {
			var rec struct{ Doc struct{ ID string } }
			require.NoError(t, json.Unmarshal([]byte(l), &rec))
			got = append(got, rec.Doc.ID)
		}
		return got
	}
	out, stderr, code := gazex(t, "", "extract", "--emit", "documents", "--include", "00[13]_*", "../../testdata/seeds")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, []string{"001_5322839031793e8d.txt", "003_ffe90654dba8b799.txt"}, ids(out))

	out, stderr, code = gazex(t, "", "extract", "--emit", "documents", "--exclude", "00[0-3]_*", "../../testdata/seeds")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, []string{"004_ef66489feb63114d.txt"}, ids(out))

	_, stderr, code = gazex(t, "", "extract", "--include", "[", "../../testdata/seeds")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "bad glob")
}

func TestExtractStdinAndJSONL(t *testing.T) {
	out, stderr, code := gazex(t, "Der Kreml-Sprecher Dmitri Peskow sagte, Putin sei bereit.\n", "extract", "--emit", "entities")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"id":"person/dmitry-peskov"`)
	assert.Contains(t, out, `"doc":{"id":"stdin"`)

	jsonl := `{"id":"a","text":"Wladimir Putin traf Xi Jinping.","published":"2023-03-21T10:00:00Z"}` + "\n" +
		`not json` + "\n" +
		`{"id":"c"}` + "\n"
	out, stderr, code = gazex(t, jsonl, "extract", "--format", "jsonl", "--emit", "entities", "-")
	assert.Equal(t, 1, code, "two of three documents failed")
	assert.Contains(t, stderr, "gazex: stdin:2: document skipped: not a JSON object")
	assert.Contains(t, stderr, `gazex: c: document skipped: no "text" field`)
	assert.Contains(t, out, `"published":"2023-03-21"`)
	assert.Contains(t, out, `"id":"person/xi-jinping"`)
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"extract", "--emit", "nonsense"},
		{"extract", "--published", "last tuesday", "-"},
		{"eval", "../../testdata/seeds"},
	} {
		_, _, code := gazex(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
	}
}

func TestMissingFileIsReportedNotFatal(t *testing.T) {
	out, stderr, code := gazex(t, "", "extract", "--emit", "documents", "no/such/file.txt", "../../testdata/seeds/000_29554157e1a2819e.txt")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "gazex: no/such/file.txt:")
	assert.Equal(t, 1, strings.Count(out, "\n"))
}

func TestVersion(t *testing.T) {
	out, _, code := gazex(t, "", "version")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "schema gazex/1")
}

// TestInterruptWhileReadingStdin is Ctrl-C while gazex waits on a pipe
// that never delivers: it must exit promptly with 130 and write nothing.
func TestInterruptWhileReadingStdin(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut bytes.Buffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"extract", "-"}, pr, &out, &errOut) }()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 130, code)
		assert.Empty(t, out.String())
		assert.Contains(t, errOut.String(), "interrupted")
	case <-time.After(5 * time.Second):
		t.Fatal("gazex did not stop on cancellation")
	}
}

// TestInterruptMidStream cancels a JSONL run after a few records: every
// line on stdout is a whole JSON record.
func TestInterruptMidStream(t *testing.T) {
	var in strings.Builder
	for i := range 400 {
		fmt.Fprintf(&in, `{"id":"d%d","text":"Kreml-Sprecher Dmitri Peskow sagte, Präsident Wladimir Putin sei bereit."}`+"\n", i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &cancelAfter{n: 5, cancel: cancel}
	code := run(ctx, []string{"extract", "--emit", "documents", "--format", "jsonl", "-"}, strings.NewReader(in.String()), w, io.Discard)
	assert.Equal(t, 130, code)
	lines := strings.Split(strings.TrimSuffix(w.buf.String(), "\n"), "\n")
	assert.Less(t, len(lines), 400)
	for _, l := range lines {
		assert.True(t, json.Valid([]byte(l)), "a whole record: %.60s", l)
	}
}

// cancelAfter is a writer that cancels after n writes.
type cancelAfter struct {
	buf    bytes.Buffer
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	if c.n--; c.n == 0 {
		c.cancel()
	}
	return c.buf.Write(p)
}

// Two of the user's entities with one id are an error with file:line, in
// `gazetteer check` and wherever --gazetteer is read; one replacing a
// default entity is not.
func TestGazetteerDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	entity := "- id: org/test-agency\n  type: organization\n  name: Testagentur\n  country: DEU\n  sector: GOV\n  names: {de: [Testagentur]}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(entity), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(entity), 0o644))

	_, stderr, code := gazex(t, "", "gazetteer", "check", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, filepath.Join(dir, "b.yaml")+`:1: org/test-agency: duplicate id "org/test-agency" (first at `+filepath.Join(dir, "a.yaml")+":1)")

	_, stderr, code = gazex(t, "Die Testagentur sagte nichts.", "extract", "--gazetteer", dir, "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "b.yaml:1: org/test-agency: duplicate id")

	require.NoError(t, os.Remove(filepath.Join(dir, "b.yaml")))
	out, stderr, code := gazex(t, "Die Testagentur sagte nichts.", "extract", "--emit", "entities", "--gazetteer", dir, "-")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"id":"org/test-agency"`)
}
