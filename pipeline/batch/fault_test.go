package batch_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline/batch"
)

// bin is the gazex binary the fault tests run, kill and resume, built
// once in TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gazex-batch-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "gazex")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/gazex/gazex/cmd/gazex").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building gazex: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestWriteCorpus writes a generated corpus for measurements by hand:
// GAZEX_CORPUS=DIR GAZEX_CORPUS_N=20000 go test ./pipeline/batch -run TestWriteCorpus
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("GAZEX_CORPUS")
	if dir == "" {
		t.Skip("set GAZEX_CORPUS=DIR (and GAZEX_CORPUS_N) to write a corpus")
	}
	n, _ := strconv.Atoi(os.Getenv("GAZEX_CORPUS_N"))
	want := writeCorpus(t, dir, max(n, 1), 1)
	t.Logf("%d documents written to %s", len(want), dir)
}

func batchArgs(in, out string, extra ...string) []string {
	args := []string{"batch", "--emit", "documents", "--workers", "2", "--progress", "log",
		"--checkpoint", "150ms", "--shard-mb", "1"}
	return append(append(args, extra...), in, "-o", out)
}

// startBatch starts gazex batch and returns once its manifest holds at
// least lines lines (so that the run is well under way), or fails.
func startBatch(t *testing.T, in, out string, lines int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, batchArgs(in, out)...)
	cmd.Stderr = &strings.Builder{}
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(60 * time.Second)
	for manifestLines(t, out) < lines {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the manifest never reached %d lines: %s", lines, cmd.Stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd
}

func manifestLines(t *testing.T, out string) int {
	raw, err := os.ReadFile(filepath.Join(out, "manifest.jsonl"))
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	require.NoError(t, err)
	return strings.Count(string(raw), "\n")
}

// checkOutput asserts what a finished run promises: every expected
// document id is in exactly one record of the part files and no other id
// is; no temporary part file is left; every input file is in the manifest
// exactly once; the manifest's record counts are the part files' lines.
func checkOutput(t *testing.T, out string, want map[string]bool, files int) {
	t.Helper()
	parts, err := filepath.Glob(filepath.Join(out, "part-*"))
	require.NoError(t, err)
	seen := map[string]int{}
	lines := map[string]int{}
	for _, p := range parts {
		require.False(t, strings.HasSuffix(p, ".tmp"), "temporary part file left: %s", p)
		f, err := os.Open(p)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var rec struct {
				Doc struct {
					ID string `json:"id"`
				} `json:"doc"`
			}
			require.NoError(t, json.Unmarshal(sc.Bytes(), &rec), "a part file holds a broken line")
			seen[rec.Doc.ID]++
			lines[filepath.Base(p)]++
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	missing, dup, extra := 0, 0, 0
	for id := range want {
		switch seen[id] {
		case 0:
			missing++
		case 1:
		default:
			dup++
		}
	}
	for id := range seen {
		if !want[id] {
			extra++
		}
	}
	assert.Zero(t, missing, "documents without a record")
	assert.Zero(t, dup, "documents with more than one record")
	assert.Zero(t, extra, "records of unknown documents")

	raw, err := os.ReadFile(filepath.Join(out, "manifest.jsonl"))
	require.NoError(t, err)
	paths := map[string]bool{}
	records := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var e batch.Entry
		require.NoError(t, json.Unmarshal([]byte(l), &e))
		assert.False(t, paths[e.Path], "listed twice: %s", e.Path)
		paths[e.Path] = true
		assert.Equal(t, batch.StatusOK, e.Status, e.Path)
		assert.Len(t, e.SHA256, 64)
		records[e.Shard] += e.Records
	}
	assert.Len(t, paths, files)
	for name, n := range lines {
		assert.Equal(t, n, records[name], "records of %s", name)
	}
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	require.NoError(t, filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n++
		}
		return err
	}))
	return n
}

// TestResumeAfterKill kills a batch run in the middle (SIGKILL: no chance
// to clean up; SIGINT: Ctrl-C, which commits the completed files and
// exits 130), resumes it, and checks that every document has exactly one
// record.
func TestResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gazex on a generated corpus")
	}
	in := t.TempDir()
	want := writeCorpus(t, in, 1500, 1)
	files := countFiles(t, in)
	for _, tc := range []struct {
		name   string
		sig    os.Signal
		status int
	}{
		{"SIGKILL", syscall.SIGKILL, -1},
		{"SIGINT", os.Interrupt, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			cmd := startBatch(t, in, out, files/5)
			require.NoError(t, cmd.Process.Signal(tc.sig))
			err := cmd.Wait()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "the run finished before the signal: %s", cmd.Stderr)
			assert.Equal(t, tc.status, exit.ExitCode(), "%s", cmd.Stderr)
			if tc.sig == os.Interrupt {
				tmps, _ := filepath.Glob(filepath.Join(out, "*.tmp"))
				assert.Empty(t, tmps, "Ctrl-C leaves no temporary file")
				assert.Contains(t, cmd.Stderr.(*strings.Builder).String(), "run the same command again to resume")
			}
			done := manifestLines(t, out)
			assert.Less(t, done, files, "killed before the end")

			res, err := exec.Command(bin, batchArgs(in, out)...).CombinedOutput()
			require.NoError(t, err, "%s", res)
			assert.Contains(t, string(res), fmt.Sprintf("(%d done before)", done))
			checkOutput(t, out, want, files)
		})
	}
}

// TestLong20000 is the acceptance run of issue 5, behind GAZEX_LONG=1
// (about 15 minutes on 2 cores): 20,000 generated documents in mixed
// formats, the run killed twice (SIGKILL, then SIGINT) and resumed, every
// document accounted for; then the throughput and peak RSS of complete
// runs with 1 and 2 workers.
//
//	GAZEX_LONG=1 go test ./pipeline/batch -run TestLong20000 -v -timeout 60m
func TestLong20000(t *testing.T) {
	if os.Getenv("GAZEX_LONG") == "" {
		t.Skip("set GAZEX_LONG=1 to run the 20,000-document batch")
	}
	in, out := t.TempDir(), t.TempDir()
	want := writeCorpus(t, in, 20000, 2)
	files := countFiles(t, in)
	t.Logf("corpus: %d documents in %d files", len(want), files)

	for i, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		cmd := startBatch(t, in, out, files*(i+1)/3)
		require.NoError(t, cmd.Process.Signal(sig))
		_ = cmd.Wait()
		t.Logf("after %v: %d of %d files in the manifest", sig, manifestLines(t, out), files)
	}
	res, err := exec.Command(bin, batchArgs(in, out)...).CombinedOutput()
	require.NoError(t, err, "%s", res)
	t.Logf("resumed: %s", lastLine(string(res)))
	checkOutput(t, out, want, files)
	t.Logf("checked: %d documents, each in exactly one record; %d files, each once in the manifest", len(want), files)

	for _, workers := range []string{"1", "2"} {
		o := t.TempDir()
		cmd := exec.Command(bin, "batch", "--emit", "documents", "--workers", workers, "--progress", "log", in, "-o", o)
		res, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", res)
		var sum batch.Summary
		raw, err := os.ReadFile(filepath.Join(o, "summary.json"))
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(raw, &sum))
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
		t.Logf("--workers %s: %d documents, %.1f MB in %.1f s: %.1f documents/s, %.2f MB/s, peak RSS %d MiB",
			workers, sum.Documents, float64(sum.Bytes)/1e6, sum.Seconds, sum.DocsPerSec, sum.MBPerSec, rss>>10)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestBadInputGoesOn runs gazex batch over a folder of broken inputs:
// each is reported with a clear reason and recorded as failed, the good
// ones are processed, and the exit status is 1.
func TestBadInputGoesOn(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	news := "Der russische Außenminister Sergej Lawrow hat am Montag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen.\n"
	var zipped strings.Builder
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(news))
	zw.Close()
	files := map[string]string{
		"empty.txt":              "",
		"binary.txt":             "Lawrow\x00\x01\x02",
		"latin1.txt":             "Der russische Au\xdfenminister Sergej Lawrow traf Wang Yi.\n",
		"too-big.txt":            strings.Repeat(news, 20),
		"lines.jsonl":            `{"id":"good","text":"Kreml-Sprecher Dmitri Peskow sagte am Dienstag, das Treffen sei konstruktiv gewesen."}` + "\nnot json\n" + `{"id":"no-text"}` + "\n",
		"truncated.txt.gz":       zipped.String()[:30],
		"odd \n\"name\"\xff.txt": news,
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(in, name), []byte(data), 0o644))
	}
	require.NoError(t, os.Mkdir(filepath.Join(in, "loop"), 0o755))
	require.NoError(t, os.Symlink("..", filepath.Join(in, "loop", "up")))

	cmd := exec.Command(bin, "batch", "--emit", "documents", "--max-bytes", "1000", "--progress", "log", in, "-o", out)
	res, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "%s", res)
	assert.Equal(t, 1, exit.ExitCode())
	for _, want := range []string{
		"gazex: empty.txt: document skipped: empty file",
		"gazex: binary.txt: document skipped: binary file (NUL bytes)",
		"gazex: latin1.txt: warning: invalid UTF-8 repaired at byte 16",
		"gazex: too-big.txt: document skipped: over the limit of 1000 bytes (--max-bytes)",
		"gazex: lines.jsonl:2: document skipped: not a JSON object",
		`gazex: no-text: document skipped: no "text" field`,
		"gazex: truncated.txt.gz: document skipped: truncated gzip stream",
		"gazex: loop/up: document skipped: symbolic link loop",
		"7 of 10 documents failed",
	} {
		assert.Contains(t, string(res), want)
	}
	raw, err := os.ReadFile(filepath.Join(out, "manifest.jsonl"))
	require.NoError(t, err)
	status := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var e batch.Entry
		require.NoError(t, json.Unmarshal([]byte(l), &e))
		name := e.Path
		if e.PathBytes != nil {
			name = string(e.PathBytes)
		}
		status[name] = e.Status
	}
	assert.Equal(t, map[string]string{
		"empty.txt": "failed", "binary.txt": "failed", "latin1.txt": "ok", "too-big.txt": "failed",
		"lines.jsonl": "failed", "truncated.txt.gz": "failed", "odd \n\"name\"\xff.txt": "ok", "loop/up": "failed",
	}, status)

	// A resume with other options would mix records of two kinds.
	res, err = exec.Command(bin, "batch", "--emit", "entities", in, "-o", out).CombinedOutput()
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 2, exit.ExitCode())
	assert.Contains(t, string(res), "use the same options to resume, or --force to start over")
	// --force starts over.
	res, err = exec.Command(bin, "batch", "--emit", "entities", "--force", "--max-bytes", "1000", in, "-o", out).CombinedOutput()
	require.ErrorAs(t, err, &exit, "%s", res)
	assert.Equal(t, 1, exit.ExitCode())
	assert.Contains(t, string(res), "(0 done before)")
}
