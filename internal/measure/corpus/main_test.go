package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The corpus repeats the texts in name order until it holds at least the
// size asked for: JSON Lines of {"id","text"}, or one document.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Zweiter „Text“.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("First text.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "skip.md"), []byte("not read"), 0o644))

	out := filepath.Join(dir, "c.jsonl")
	require.NoError(t, run(out, 200, false, []string{dir}))
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	var ids, texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct{ ID, Text string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		ids, texts = append(ids, d.ID), append(texts, d.Text)
	}
	require.GreaterOrEqual(t, len(ids), 2)
	assert.Equal(t, []string{"a.txt#0", "b.txt#1"}, ids[:2])
	assert.Equal(t, "Zweiter „Text“.\n", texts[1])
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, st.Size(), int64(200))

	doc := filepath.Join(dir, "c.txt")
	require.NoError(t, run(doc, 60, true, []string{dir}))
	b, err := os.ReadFile(doc)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "First text.\n\n\nZweiter „Text“.\n\n\n"), "%q", b)
	assert.GreaterOrEqual(t, len(b), 60)

	assert.Error(t, run(out, 10, false, []string{t.TempDir()}), "a folder without texts")
	assert.Error(t, run("", 10, false, []string{dir}), "no output")
}
