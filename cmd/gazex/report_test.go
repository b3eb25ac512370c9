package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReportCommand(t *testing.T) {
	records, stderr, code := gazex(t, "", "extract", "--emit", "all", "--include-text", "../../testdata/seeds/000_29554157e1a2819e.txt")
	require.Equal(t, exitOK, code, stderr)

	page, stderr, code := gazex(t, records, "report")
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.Contains(t, page, `<mark class="official" title="person/mayra-arevich-marin`)

	dir := t.TempDir()
	in := filepath.Join(dir, "records.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(records), 0o644))
	out := filepath.Join(dir, "report.html")
	stdout, stderr, code := gazex(t, "", "report", "-o", out, in)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	written, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, page, string(written), "the same page from a file as from stdin")
	left, _ := filepath.Glob(filepath.Join(dir, ".gazex-report-*"))
	assert.Empty(t, left, "no temporary file stays")

	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"two inputs", "", []string{"report", in, in}, exitUsage, "report takes one RECORDS file (got 2)"},
		{"missing file", "", []string{"report", filepath.Join(dir, "none.jsonl")}, exitUsage, "no such file"},
		{"no records", "hello\n", []string{"report", "-"}, exitSomeFail, "no gazex records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := gazex(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
}
