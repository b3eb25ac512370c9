package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordSchema compiles docs/records.schema.json (JSON Schema draft
// 2020-12).
func recordSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile("../../docs/records.schema.json")
	require.NoError(t, err)
	return sch
}

func validateLines(t *testing.T, sch *jsonschema.Schema, name, lines string) int {
	t.Helper()
	n := 0
	sc := bufio.NewScanner(strings.NewReader(lines))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		n++
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(sc.Text()))
		require.NoError(t, err, "%s:%d", name, n)
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s:%d: %v", name, n, err)
		}
	}
	require.NoError(t, sc.Err())
	return n
}

// Every record the golden tests produce, and every kind of record of the
// seeds and of input that fills the optional fields, validates against
// the schema.
func TestRecordsValidateAgainstSchema(t *testing.T) {
	sch := recordSchema(t)
	golden, err := filepath.Glob("../../testdata/golden/*.jsonl")
	require.NoError(t, err)
	require.NotEmpty(t, golden)
	for _, g := range golden {
		data, err := os.ReadFile(g)
		require.NoError(t, err)
		assert.Positive(t, validateLines(t, sch, g, string(data)))
	}

	out, stderr, code := gazex(t, "", "extract", "--emit", "all", "--include-text", "--published", "2023-04-04", "../../testdata/seeds")
	require.Equal(t, exitOK, code, stderr)
	kinds := map[string]int{}
	for _, k := range []string{"document", "entity", "event"} {
		kinds[k] = strings.Count(out, `"kind":"`+k+`"`)
	}
	assert.Equal(t, 5, kinds["document"])
	assert.Positive(t, kinds["entity"])
	assert.Positive(t, kinds["event"])
	validateLines(t, sch, "seeds", out)

	wire := `{"id":"w1","url":"https://example.org/a","published":"2024-03-12T09:00:00Z","text":"MOSKAU, 12. März. Der russische Außenminister Sergej Lawrow hat am Dienstag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen, teilte das Außenministerium mit."}` + "\n" +
		`{"id":"w2","published":"last Tuesday","text":"Kremlin spokesman Dmitry Peskov denied on Wednesday that Russia had planned cyber attacks."}` + "\n" +
		`{"id":"w3","text":"Le ministre a parlé à Paris hier soir avec ses homologues européens."}` + "\n"
	out, stderr, code = gazex(t, wire, "extract", "--format", "jsonl", "--emit", "all", "--include-text", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, `"warnings":`)
	assert.Contains(t, out, `"url":"https://example.org/a"`)
	validateLines(t, sch, "wire", out)
}

// The schema is strict: an unknown field, kind, type or sector fails.
func TestSchemaIsStrict(t *testing.T) {
	sch := recordSchema(t)
	data, err := os.ReadFile("../../testdata/golden/000_29554157e1a2819e.jsonl")
	require.NoError(t, err)
	good := strings.TrimSpace(string(data))
	require.Contains(t, good, `"sector":"GOV"`)
	for name, bad := range map[string]string{
		"unknown top-level field": strings.Replace(good, `"kind":"document"`, `"kind":"document","extra":1`, 1),
		"unknown kind":            strings.Replace(good, `"kind":"document"`, `"kind":"documents"`, 1),
		"unknown entity type":     strings.Replace(good, `"type":"person"`, `"type":"persn"`, 1),
		"unknown sector":          strings.Replace(good, `"sector":"GOV"`, `"sector":"GOVT"`, 1),
		"unknown span field":      strings.Replace(good, `"match":"`, `"offset":3,"match":"`, 1),
		"missing sha256":          strings.Replace(good, `"sha256":`, `"sha":`, 1),
		"wrong schema":            strings.Replace(good, `"schema":"gazex/1"`, `"schema":"gazex/2"`, 1),
	} {
		require.NotEqual(t, good, bad, name)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		require.NoError(t, err)
		assert.Error(t, sch.Validate(inst), name)
	}
}
