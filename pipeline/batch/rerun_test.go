package batch_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/batch"
)

// runGazex runs the gazex binary and returns its output and exit status.
func runGazex(t *testing.T, args ...string) (string, int) {
	t.Helper()
	res, err := exec.Command(bin, args...).CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(res), exit.ExitCode()
	}
	require.NoError(t, err, "%s", res)
	return string(res), 0
}

// TestRerun: a rerun over a finished folder keeps the exit status of the
// files that failed; a resume with other options names each flag that
// differs; no .lock stays behind.
func TestRerun(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(in, "good.txt"), []byte("El canciller de Chile visitó Lima el lunes.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644))
	args := func(extra ...string) []string {
		return append(append([]string{"batch", "--emit", "events", "--progress", "log"}, extra...), in, "-o", out)
	}

	res, code := runGazex(t, args()...)
	assert.Equal(t, 1, code, res)
	assert.NoFileExists(t, filepath.Join(out, ".lock"), "a clean exit leaves no lock file")

	res, code = runGazex(t, args()...)
	assert.Equal(t, 1, code, "the manifest still lists a failed file: %s", res)
	assert.Contains(t, res, "(2 done before)")
	assert.Contains(t, res, "1 of 2 files in the manifest have failed documents")
	assert.NoFileExists(t, filepath.Join(out, ".lock"))

	res, code = runGazex(t, args("--emit", "all", "--langs", "es", "--include-text")...)
	assert.Equal(t, 2, code, res)
	assert.Contains(t, res, "--emit was events, now all; --include-text was false, now true; --langs was de,es,en, now es;")
	assert.NotContains(t, res, `\"`, "no JSON escaped in a string")
	assert.NoFileExists(t, filepath.Join(out, ".lock"), "a refused resume removes its lock too")

	res, code = runGazex(t, args("--gazetteer", filepath.Join(in, "none.yaml"))...)
	assert.Equal(t, 2, code, res)

	// A folder whose only file succeeded exits 0 on a rerun.
	require.NoError(t, os.Remove(filepath.Join(in, "empty.txt")))
	res, code = runGazex(t, args("--force")...)
	assert.Equal(t, 0, code, res)
	res, code = runGazex(t, args()...)
	assert.Equal(t, 0, code, res)
}

// TestOptionChanges: the library names differing options of JSON-object
// fingerprints (added, removed, changed), and quotes other fingerprints whole.
func TestOptionChanges(t *testing.T) {
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := pipeline.New(pipeline.Config{Entities: entities, Workers: 1})
	require.NoError(t, err)
	in := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(in, "a.txt"), []byte("Der Kanzler reiste nach Wien.\n"), 0o644))
	for _, tc := range []struct {
		name, was, now, want string
	}{
		{"changed, added and dropped", `{"emit":"events","max_bytes":1000,"gazetteer":["a.yaml"],"published":""}`,
			`{"emit":"all","max_bytes":2000,"gazetteer":["a.yaml","b.yaml"],"no_default_gazetteer":true}`,
			"--emit was events, now all; --gazetteer was a.yaml, now a.yaml,b.yaml; --max-bytes was 1000, now 2000; --no-default-gazetteer was unset, now true"},
		{"not objects", "documents", "entities", `they were "documents", now "entities"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			opt := batch.Options{Encode: encodeDocuments, Fingerprint: tc.was}
			_, err := batch.Run(t.Context(), p, in, out, opt)
			require.NoError(t, err)
			opt.Fingerprint = tc.now
			_, err = batch.Run(t.Context(), p, in, out, opt)
			var setupErr *batch.SetupError
			require.ErrorAs(t, err, &setupErr)
			assert.Contains(t, err.Error(), "other options: "+tc.want+"; use the same options")
			assert.False(t, strings.Contains(err.Error(), "published"), "an option that stays unset is not named")
		})
	}
}
