package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// File statuses in the manifest.
const (
	StatusOK     = "ok"
	StatusFailed = "failed"
)

// Entry is one line of OUT_DIR/manifest.jsonl: one input file, written
// only after every record made from it is in a completed shard.
type Entry struct {
	Path      string `json:"path"`                 // relative to IN_DIR (invalid UTF-8 shown as U+FFFD)
	PathBytes []byte `json:"path_bytes,omitempty"` // the exact name, base64, when Path is not valid UTF-8
	Size      int64  `json:"size"`                 // bytes read from the file
	SHA256    string `json:"sha256,omitempty"`     // of the file's bytes (compressed, for .gz)
	Status    string `json:"status"`               // ok | failed (some or all of its documents failed)
	Reason    string `json:"reason,omitempty"`     // the first failure
	Documents int    `json:"documents"`            // documents read from the file
	Failed    int    `json:"failed_documents"`     // of those, documents that failed
	Records   int    `json:"records"`              // lines written to Shard
	Shard     string `json:"shard"`                // the part file that holds them
	// ShardFiles is how many manifest lines were committed with Shard: a
	// resume trusts a shard only when it finds all of them.
	ShardFiles int `json:"shard_files"`
}

// key identifies an input file across runs, by its exact name.
func (e *Entry) key() string {
	if e.PathBytes != nil {
		return string(e.PathBytes)
	}
	return e.Path
}

func newEntry(rel string) Entry {
	e := Entry{Path: rel}
	if !utf8.ValidString(rel) {
		e.Path = strings.ToValidUTF8(rel, "\uFFFD")
		e.PathBytes = []byte(rel)
	}
	return e
}

const (
	manifestName = "manifest.jsonl"
	summaryName  = "summary.json"
	runName      = "run.json"
	shardPrefix  = "part-"
	shardSuffix  = ".jsonl"
	tmpSuffix    = ".tmp"
)

func shardName(n int) string { return fmt.Sprintf("%s%05d%s", shardPrefix, n, shardSuffix) }

// isShardName reports whether name is a part file (complete or temporary)
// and its number.
func isShardName(name string) (n int, tmp, ok bool) {
	base, tmp := strings.CutSuffix(name, tmpSuffix)
	if _, err := fmt.Sscanf(base, shardPrefix+"%05d"+shardSuffix, &n); err != nil || base != shardName(n) {
		return 0, false, false
	}
	return n, tmp, true
}

// state is what a previous run left in OUT_DIR, after recovery.
type state struct {
	done      map[string]Entry // by key
	nextShard int
	files     int
	ok        int
	failed    int
	records   int
}

// recoverState reads the manifest and makes OUT_DIR consistent with it.
// A shard counts only when the manifest holds all ShardFiles of its lines
// (a crash may cut the last write short); every other part file,
// complete or temporary, holds records that no manifest line vouches for
// and is removed, and the manifest is rewritten without the lines of
// uncommitted shards. Then the union of the part files holds exactly the
// records of the files in the manifest.
func recoverState(out string) (*state, []string, error) {
	st := &state{done: map[string]Entry{}}
	var notes []string
	raw, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	var lines []Entry
	torn := false
	for len(raw) > 0 {
		line, rest, complete := bytes.Cut(raw, []byte("\n"))
		raw = rest
		var e Entry
		if !complete || json.Unmarshal(line, &e) != nil || e.Shard == "" {
			torn = true // a line cut short by a crash: what follows is untrusted
			break
		}
		lines = append(lines, e)
	}
	count := map[string]int{}
	for _, e := range lines {
		count[e.Shard]++
	}
	var kept []Entry
	committed := map[string]bool{}
	for _, e := range lines {
		if count[e.Shard] != e.ShardFiles {
			continue
		}
		kept = append(kept, e)
		committed[e.Shard] = true
	}
	if torn || len(kept) != len(lines) {
		notes = append(notes, fmt.Sprintf("manifest: dropped %d lines of a shard that was not completely committed", len(lines)-len(kept)))
		if err := writeManifest(out, kept); err != nil {
			return nil, nil, err
		}
	}
	for _, e := range kept {
		st.done[e.key()] = e
		st.files++
		st.records += e.Records
		if e.Status == StatusOK {
			st.ok++
		} else {
			st.failed++
		}
		if n, _, ok := isShardName(e.Shard); ok && n >= st.nextShard {
			st.nextShard = n + 1
		}
	}
	names, err := os.ReadDir(out)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range names {
		_, tmp, ok := isShardName(d.Name())
		if !ok || (!tmp && committed[d.Name()]) {
			continue
		}
		if err := os.Remove(filepath.Join(out, d.Name())); err != nil {
			return nil, nil, err
		}
		notes = append(notes, fmt.Sprintf("removed %s: its records were not committed to the manifest", d.Name()))
	}
	for s := range committed {
		if _, err := os.Stat(filepath.Join(out, s)); err != nil {
			return nil, nil, fmt.Errorf("the manifest lists %s but it is missing (%v): rerun with --force", s, err)
		}
	}
	return st, notes, nil
}

// writeManifest replaces the manifest with entries, atomically.
func writeManifest(out string, entries []Entry) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i := range entries {
		if err := enc.Encode(&entries[i]); err != nil {
			return err
		}
	}
	return writeFileAtomic(filepath.Join(out, manifestName), buf.Bytes())
}

// writeFileAtomic writes data to a temporary file, syncs it and renames it
// over name.
func writeFileAtomic(name string, data []byte) error {
	tmp := name + tmpSuffix
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return err
	}
	return syncDir(filepath.Dir(name))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync() // not every file system syncs folders; the rename stands either way
	return nil
}

// removeOutputs deletes what gazex batch writes in out (--force), and
// nothing else.
func removeOutputs(out string) error {
	names, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, d := range names {
		name := d.Name()
		_, _, shard := isShardName(name)
		base := strings.TrimSuffix(name, tmpSuffix)
		if shard || base == manifestName || base == summaryName || base == runName {
			if err := os.Remove(filepath.Join(out, name)); err != nil {
				return err
			}
		}
	}
	return nil
}
