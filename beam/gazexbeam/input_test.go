package gazexbeam

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

func TestSplitGlob(t *testing.T) {
	tests := []struct {
		name, glob, base, pattern string
	}{
		{"folder", "crawl/2026", "crawl/2026", ""},
		{"star in last element", "crawl/*.txt", "crawl/", "*.txt"},
		{"star in a folder", "crawl/2026-*/x.html", "crawl/", "2026-*/x.html"},
		{"double star", "crawl/**/*.jsonl", "crawl/", "**/*.jsonl"},
		{"no folder", "*.txt", "", "*.txt"},
		{"url", "gs://bucket/crawl/*.jsonl.gz", "gs://bucket/crawl/", "*.jsonl.gz"},
		{"class", "a/b[0-9]/c", "a/", "b[0-9]/c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, pattern := splitGlob(tt.glob)
			assert.Equal(t, tt.base, base)
			assert.Equal(t, tt.pattern, pattern)
		})
	}
}

func TestGlobRegexp(t *testing.T) {
	tests := []struct {
		name, glob string
		match      []string
		noMatch    []string
	}{
		{"star stays in an element", "*.txt", []string{"a.txt", ".txt"}, []string{"d/a.txt", "a.txt.gz"}},
		{"double star spans folders", "**/*.txt", []string{"a.txt", "d/a.txt", "d/e/a.txt"}, []string{"a.html"}},
		{"double star in the middle", "2026/**/b.html", []string{"2026/b.html", "2026/x/y/b.html"}, []string{"2025/b.html"}},
		{"question mark", "d?/a.txt", []string{"d1/a.txt"}, []string{"d/a.txt", "d12/a.txt"}},
		{"class", "t[0-2].txt", []string{"t0.txt", "t2.txt"}, []string{"t3.txt"}},
		{"negated class", "t[!0-2].txt", []string{"t3.txt"}, []string{"t0.txt", "t/.txt"}},
		{"regexp characters are literal", "a+b (1).txt", []string{"a+b (1).txt"}, []string{"aab (1).txt"}},
		{"non-ASCII names", "Meldungen-ü*/*.html", []string{"Meldungen-über/a.html"}, []string{"Meldungen-a/a.html"}},
		{"escaped star", `a\*.txt`, []string{"a*.txt"}, []string{"ab.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re, err := globRegexp(tt.glob)
			require.NoError(t, err)
			for _, m := range tt.match {
				assert.True(t, re.MatchString(m), "%q should match %q", tt.glob, m)
			}
			for _, m := range tt.noMatch {
				assert.False(t, re.MatchString(m), "%q should not match %q", tt.glob, m)
			}
		})
	}
	for _, bad := range []string{"a[", "a[]", "[!]"} {
		_, err := globRegexp(bad)
		assert.Error(t, err, bad)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.html", "sub/c.jsonl", "sub/deep/d.txt", "sub/deep/e.txt.gz", "other/f.txt"} {
		p := filepath.Join(dir, f)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("Der Kreml-Sprecher äußerte sich am Montag.\n"), 0o644))
	}
	ids := func(refs []FileRef) []string {
		var out []string
		for _, r := range refs {
			out = append(out, r.ID)
			assert.Empty(t, r.Err)
		}
		return out
	}
	tests := []struct {
		name  string
		input string
		opt   pipeline.InputOptions
		want  []string
	}{
		{"folder: the ids of gazex batch", dir, pipeline.InputOptions{}, []string{"a.html", "b.txt", "other/f.txt", "sub/c.jsonl", "sub/deep/d.txt", "sub/deep/e.txt.gz"}},
		{"top-level glob", dir + "/*.txt", pipeline.InputOptions{}, []string{"b.txt"}},
		{"recursive glob", dir + "/**/*.txt", pipeline.InputOptions{}, []string{"b.txt", "other/f.txt", "sub/deep/d.txt"}},
		{"glob inside a folder keeps ids relative to the folder before the wildcard", dir + "/sub/*/*.txt", pipeline.InputOptions{}, []string{"deep/d.txt"}},
		{"exclude applies", dir, pipeline.InputOptions{Exclude: []string{"sub"}}, []string{"a.html", "b.txt", "other/f.txt"}},
		{"output folder is skipped", dir, pipeline.InputOptions{SkipDirs: []string{filepath.Join(dir, "other")}}, []string{"a.html", "b.txt", "sub/c.jsonl", "sub/deep/d.txt", "sub/deep/e.txt.gz"}},
		{"single file: path as given", filepath.Join(dir, "b.txt"), pipeline.InputOptions{}, []string{filepath.Join(dir, "b.txt")}},
		{"glob without matches", dir + "/*.pdf", pipeline.InputOptions{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, err := Expand(t.Context(), tt.input, tt.opt)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ids(refs))
		})
	}

	t.Run("paths are the paths batch records", func(t *testing.T) {
		refs, err := Expand(t.Context(), dir, pipeline.InputOptions{})
		require.NoError(t, err)
		var walked []pipeline.Entry
		for e := range pipeline.Walk(dir, pipeline.InputOptions{}) {
			walked = append(walked, e)
		}
		require.Len(t, refs, len(walked))
		for i, e := range walked {
			assert.Equal(t, FileRef{ID: e.ID, Path: e.Path}, refs[i])
		}
	})
	t.Run("missing input is an error", func(t *testing.T) {
		_, err := Expand(t.Context(), filepath.Join(dir, "nope"), pipeline.InputOptions{})
		assert.Error(t, err)
		_, err = Expand(t.Context(), filepath.Join(dir, "nope", "*.txt"), pipeline.InputOptions{})
		assert.Error(t, err)
		_, err = Expand(t.Context(), "", pipeline.InputOptions{})
		assert.Error(t, err)
	})
	t.Run("unknown scheme is an error", func(t *testing.T) {
		_, err := Expand(t.Context(), "hdfs://nn/crawl/*.txt", pipeline.InputOptions{})
		assert.Error(t, err)
	})
	t.Run("memfs URL through Beam's filesystem", func(t *testing.T) {
		writeMemFS(t, "memfs://crawl/2026/a.txt", "memfs://crawl/2026/b.html", "memfs://crawl/2025/c.txt")
		refs, err := Expand(t.Context(), "memfs://crawl/2026/*.txt", pipeline.InputOptions{})
		require.NoError(t, err)
		assert.Equal(t, []FileRef{{ID: "a.txt", Path: "memfs://crawl/2026/a.txt"}}, refs)
	})
}
