package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedGold is the hand annotation of the seeds (a copy of the shared
// annotation, with its conventions in ANNOTATION.md beside it).
const seedGold = "../../testdata/eval/seed_gold.jsonl"

const seedDir = "../../testdata/seeds"

func TestLoadGoldSeeds(t *testing.T) {
	golds, err := LoadGold(seedGold)
	require.NoError(t, err)
	require.Len(t, golds, 5)
	for _, g := range golds {
		t.Run(g.File, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(seedDir, g.File))
			require.NoError(t, err)
			assert.NoError(t, g.Verify(text), "every gold string is a substring of its text")
			assert.NotEmpty(t, g.Lang)
			assert.NotEmpty(t, append(g.Officials, g.Agencies...))
		})
	}
	assert.Len(t, golds[2].Segments, 3, "002 has three passages in other languages")
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestLoadGoldErrors(t *testing.T) {
	lines := []string{
		`{"file":"a.txt","lang":"de","officials":[{"name":"Putin","mentions":["Putin"],"country":"RUS"}]}`,
		``,
		`{"file":"b.txt","lang":"de"`,
		`{"file":"c.txt","lang":"de","agency":[]}`,
		`{"file":"d.txt"}`,
		`{"file":"e.txt","lang":"es","events":[{"type":"MEETING","actors":["CUB"],"date":"3 April"}]}`,
		`{"file":"a.txt","lang":"de"}`,
		`{"file":"f.txt","lang":"en","agencies":[{"name":"UN","mentions":[]}],"segments_other_lang":[{"lang":"de"}]}`,
	}
	path := writeFile(t, t.TempDir(), "gold.jsonl", strings.Join(lines, "\n"))
	golds, err := LoadGold(path)
	require.Error(t, err)
	assert.Nil(t, golds)
	msg := err.Error()
	for _, want := range []string{
		path + ":3: bad JSON",
		path + `:4: bad JSON: json: unknown field "agency"`,
		path + `:5: missing "lang"`,
		path + `:6: events[0]: unknown type "MEETING"`,
		path + `:6: events[0]: date "3 April"`,
		path + `:7: file "a.txt" already annotated on line 1`,
		path + `:8: agencies[0] "UN": no mentions`,
		path + `:8: segments_other_lang[0]: lang and text are required`,
	} {
		assert.Contains(t, msg, want)
	}
	assert.NotContains(t, msg, path+":1:")
	assert.NotContains(t, msg, path+":2:")

	_, err = LoadGold(filepath.Join(t.TempDir(), "missing.jsonl"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestGoldVerify(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "gold.jsonl", "\n"+
		`{"file":"a.txt","lang":"de","officials":[{"name":"Dmitri Peskow","mentions":["Peskow","Peskov"],"country":"RUS"}],`+
		`"places":["Hamburg"],"ignore":["Lawrow"],"events":[{"type":"DENY","actors":["Dmitri Peskow"],"evidence":"wies zurück"}],`+
		`"segments_other_lang":[{"lang":"en","text":"April 3, 2023"}]}`)
	golds, err := LoadGold(path)
	require.NoError(t, err)
	require.Len(t, golds, 1)

	err = golds[0].Verify([]byte("Peskow wies das zurück. Hamburg. Lawrow. April 3, 2023"))
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, path+`:2: official "Dmitri Peskow" mention "Peskov" is not in a.txt`)
	assert.Contains(t, msg, path+`:2: events[0] evidence "wies zurück" is not in a.txt`)
	assert.NotContains(t, msg, "Hamburg")
	assert.NotContains(t, msg, "Lawrow")
	assert.NotContains(t, msg, "April")

	hand := Gold{File: "h.txt", Officials: []GoldEntity{{Name: "X", Mentions: []string{""}}}}
	assert.EqualError(t, hand.Verify([]byte("X")), `h.txt: official "X" mention is empty`)
}

func TestRunSetupErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Peskow sagte")
	golds := []Gold{
		{File: "a.txt", Lang: "de", Officials: []GoldEntity{{Name: "Dmitri Peskow", Mentions: []string{"Peskov"}}}},
		{File: "missing.txt", Lang: "de"},
		{File: "../escape.txt", Lang: "de"},
	}
	// The problems are found before the pipeline is used.
	rep, err := Run(t.Context(), nil, golds, dir)
	require.Error(t, err)
	assert.Nil(t, rep)
	msg := err.Error()
	assert.Contains(t, msg, `a.txt: official "Dmitri Peskow" mention "Peskov" is not in a.txt`)
	assert.Contains(t, msg, "missing.txt: open ")
	assert.Contains(t, msg, `file "../escape.txt" is not a path inside the text folder`)
}
