package gazexbeam

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

// TestGazetteerTravelsWithTheJob: --gazetteer files are read by the
// launcher, carried in the DoFn's configuration, and tag on the worker.
func TestGazetteerTravelsWithTheJob(t *testing.T) {
	dir := t.TempDir()
	yaml := `# as-of: 2026-11-26
- id: person/erika-muster
  type: person
  name: Erika Muster
  country: DEU
  names: {de: [Erika Muster], es: [Erika Muster], en: [Erika Muster]}
`
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "extra", "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "extra", "sub", "people.yaml"), []byte(yaml), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "extra", "README.txt"), []byte("not a gazetteer"), 0o644))

	gz, err := ReadGazetteers(t.Context(), []string{filepath.Join(dir, "extra")})
	require.NoError(t, err)
	require.Len(t, gz, 1, "only gazetteer files of the folder")
	assert.Equal(t, 0, gz[0].Arg)

	f := &extractFn{Config: Config{Gazetteers: gz}, Emit: pipeline.EmitEntities, Shards: 1}
	require.NoError(t, f.Setup())
	text := filepath.Join(dir, "news.txt")
	require.NoError(t, os.WriteFile(text, []byte("Die Sprecherin Erika Muster sagte am Montag in Berlin, die Gespräche mit Kreml-Sprecher Dmitri Peskow gingen weiter.\n"), 0o644))
	var got []Doc
	require.NoError(t, f.ProcessElement(t.Context(), FileRef{ID: "news.txt", Path: text}, func(_ int, d Doc) { got = append(got, d) }))
	require.Len(t, got, 1)
	assert.Contains(t, string(got[0].Lines), `"person/erika-muster"`, "the user's entity")
	assert.Contains(t, string(got[0].Lines), `"person/dmitry-peskov"`, "the default's entity")

	t.Run("bad gazetteers stop the launcher", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.yaml")
		require.NoError(t, os.WriteFile(bad, []byte("- id: person/x\n  type: spaceship\n"), 0o644))
		_, err := ReadGazetteers(t.Context(), []string{bad})
		assert.Error(t, err)
		_, err = ReadGazetteers(t.Context(), []string{filepath.Join(dir, "missing.yaml")})
		assert.Error(t, err)
	})
}
