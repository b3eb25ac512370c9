package main

import (
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildStatic builds the gazex binary as a Spark or Hadoop cluster gets
// it: CGO_ENABLED=0, so it runs on any Linux node without a libc match.
func buildStatic(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the gazex binary (tens of seconds); skipped under -short")
	}
	bin := filepath.Join(t.TempDir(), "gazex")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// TestPipeModeForSparkAndHadoopStreaming runs the binary as RDD.pipe() and
// Hadoop Streaming run a command: one JSONL document per line on stdin
// through a pipe, records on stdout, status in the exit code.
func TestPipeModeForSparkAndHadoopStreaming(t *testing.T) {
	bin := buildStatic(t)

	t.Run("static binary", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("ELF check")
		}
		f, err := elf.Open(bin)
		require.NoError(t, err)
		defer f.Close()
		for _, p := range f.Progs {
			assert.NotEqual(t, elf.PT_INTERP, p.Type, "the binary asks for a dynamic loader")
			assert.NotEqual(t, elf.PT_DYNAMIC, p.Type, "the binary has a dynamic section")
		}
		libs, err := f.ImportedLibraries()
		require.NoError(t, err)
		assert.Empty(t, libs)
		info, err := buildinfo.ReadFile(bin)
		require.NoError(t, err)
		cgo := ""
		for _, s := range info.Settings {
			if s.Key == "CGO_ENABLED" {
				cgo = s.Value
			}
		}
		assert.Equal(t, "0", cgo)
	})

	lines := []string{
		`{"id":"p-1","published":"2024-03-12","text":"Der russische Außenminister Sergej Lawrow hat am Dienstag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen."}`,
		`{"id":"p-2","text":"El canciller cubano Bruno Rodríguez se reunió hoy en La Habana con el ministro ruso Serguéi Lavrov."}`,
		`{"id":"p-bad","text":"Lawrow traf`, // cut off by a crashed upstream task
		``,                                  // blank lines are not documents
		`{"id":"p-notext","url":"https://example.org/x"}`,
		`{"id":"p-3","text":"Kremlin spokesman Dmitry Peskov denied on Wednesday that Russia had planned the attacks."}`, // no final newline
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"bad lines do not fail the task with --skip-bad", []string{"extract", "--format", "jsonl", "--emit", "documents", "--skip-bad", "-"}, 0},
		{"without --skip-bad the status says some failed (SPEC)", []string{"extract", "--format", "jsonl", "--emit", "documents", "-"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Start())
			for i, l := range lines {
				_, err := io.WriteString(stdin, l)
				require.NoError(t, err)
				if i < len(lines)-1 {
					_, err = io.WriteString(stdin, "\n")
					require.NoError(t, err)
				}
			}
			require.NoError(t, stdin.Close()) // end of the partition
			err = cmd.Wait()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tc.wantCode, code, stderr.String())

			// Every good line gave its record, in input order, and the
			// output ends in a whole line (flushed at end of input).
			require.True(t, strings.HasSuffix(stdout.String(), "\n"))
			var ids []string
			for _, rec := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
				var r struct {
					Kind string `json:"kind"`
					Doc  struct {
						ID string `json:"id"`
					} `json:"doc"`
				}
				require.NoError(t, json.Unmarshal([]byte(rec), &r))
				assert.Equal(t, "document", r.Kind)
				ids = append(ids, r.Doc.ID)
			}
			assert.Equal(t, []string{"p-1", "p-2", "p-3"}, ids)
			assert.Contains(t, stderr.String(), "gazex: stdin:3: document skipped: not a JSON object")
			assert.Contains(t, stderr.String(), `gazex: p-notext: document skipped: no "text" field`)
		})
	}
}
