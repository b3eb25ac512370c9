package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecoverState puts OUT_DIR in the states a crash can leave it in and
// checks that recovery keeps exactly the committed shards and files.
func TestRecoverState(t *testing.T) {
	line := func(path, shard string, files int) string {
		data, _ := json.Marshal(Entry{Path: path, Status: StatusOK, Documents: 1, Records: 1, Shard: shard, ShardFiles: files})
		return string(data) + "\n"
	}
	committed := line("a.txt", "part-00000.jsonl", 2) + line("b.txt", "part-00000.jsonl", 2)
	for _, tc := range []struct {
		name      string
		manifest  string
		parts     []string // part files present
		wantDone  []string
		wantParts []string
		wantNext  int
	}{
		{
			name:      "crash before the first commit",
			parts:     []string{"part-00000.jsonl.tmp"},
			wantNext:  0,
			wantParts: nil,
		},
		{
			name:      "crash while writing the next shard",
			manifest:  committed,
			parts:     []string{"part-00000.jsonl", "part-00001.jsonl.tmp"},
			wantDone:  []string{"a.txt", "b.txt"},
			wantParts: []string{"part-00000.jsonl"},
			wantNext:  1,
		},
		{
			name:      "crash after the rename, before the manifest lines",
			manifest:  committed,
			parts:     []string{"part-00000.jsonl", "part-00001.jsonl"},
			wantDone:  []string{"a.txt", "b.txt"},
			wantParts: []string{"part-00000.jsonl"},
			wantNext:  1,
		},
		{
			name:      "crash in the middle of the manifest lines",
			manifest:  committed + line("c.txt", "part-00001.jsonl", 2) + `{"path":"d.t`,
			parts:     []string{"part-00000.jsonl", "part-00001.jsonl"},
			wantDone:  []string{"a.txt", "b.txt"},
			wantParts: []string{"part-00000.jsonl"},
			wantNext:  1,
		},
		{
			name:      "clean stop",
			manifest:  committed + line("c.txt", "part-00001.jsonl", 1),
			parts:     []string{"part-00000.jsonl", "part-00001.jsonl"},
			wantDone:  []string{"a.txt", "b.txt", "c.txt"},
			wantParts: []string{"part-00000.jsonl", "part-00001.jsonl"},
			wantNext:  2,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			if tc.manifest != "" {
				require.NoError(t, os.WriteFile(filepath.Join(out, manifestName), []byte(tc.manifest), 0o644))
			}
			for _, p := range tc.parts {
				require.NoError(t, os.WriteFile(filepath.Join(out, p), []byte("{}\n"), 0o644))
			}
			require.NoError(t, os.WriteFile(filepath.Join(out, "notes.txt"), []byte("the user's own file"), 0o644))
			st, _, err := recoverState(out)
			require.NoError(t, err)
			var done []string
			for k := range st.done {
				done = append(done, k)
			}
			assert.ElementsMatch(t, tc.wantDone, done)
			assert.Equal(t, tc.wantNext, st.nextShard)
			parts, _ := filepath.Glob(filepath.Join(out, "part-*"))
			for i := range parts {
				parts[i] = filepath.Base(parts[i])
			}
			assert.ElementsMatch(t, tc.wantParts, parts)
			assert.FileExists(t, filepath.Join(out, "notes.txt"))
			if tc.manifest != "" {
				raw, err := os.ReadFile(filepath.Join(out, manifestName))
				require.NoError(t, err)
				assert.Equal(t, len(tc.wantDone), strings.Count(string(raw), "\n"), "the manifest is rewritten without uncommitted lines")
			}
		})
	}
}

func TestEntryKeepsOddNames(t *testing.T) {
	for _, tc := range []struct{ name, rel string }{
		{"invalid UTF-8", "nachrichten/bericht-\xff\xfe.txt"},
		{"new line and quotes", "a\nb \"c\".txt"},
		{"umlauts", "Außenministerium/Erklärung.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEntry(tc.rel)
			data, err := json.Marshal(e)
			require.NoError(t, err)
			var back Entry
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, tc.rel, back.key())
		})
	}
}
