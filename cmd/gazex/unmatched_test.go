package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestEmitUnmatched runs the curation loop: officials and agencies that
// only role patterns found, across documents, ranked by frequency, as a
// YAML stub that the gazetteer loader accepts.
func TestEmitUnmatched(t *testing.T) {
	jsonl := strings.Join([]string{
		`{"id":"a","text":"Der belarussische Innenminister Iwan Kubrakow traf am Montag in Moskau ein. Kubrakow lobte die Zusammenarbeit."}`,
		`{"id":"b","text":"El canciller cubano Bruno Rodríguez Parrilla denunció el bloqueo ante la agencia Prensa Latina."}`,
		`{"id":"c","text":"Innenminister Iwan Kubrakow sprach danach mit der Nachrichtenagentur BelTA."}`,
		`{"id":"d","text":"Foto © Sputnik / Sergei Guneev"}`,
	}, "\n") + "\n"
	out, stderr, code := gazex(t, jsonl, "extract", "--format", "jsonl", "--no-default-gazetteer", "--emit", "unmatched")
	require.Equal(t, 0, code, stderr)

	ents, err := gazetteer.Parse("unmatched.yaml", []byte(out))
	require.NoError(t, err, out)
	var ids []string
	for _, e := range ents {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{
		"person/iwan-kubrakow",                                              // 2 documents, 3 mentions
		"org/belta", "org/prensa-latina", "person/bruno-rodriguez-parrilla", // 1 and 1: by id
	}, ids)
	assert.NotContains(t, out, "Guneev", "a photo credit is no official")

	kubrakow := ents[0]
	assert.Equal(t, "BLR", kubrakow.Country)
	assert.Equal(t, "Iwan Kubrakow", kubrakow.Name)
	assert.Equal(t, []string{"Iwan Kubrakow"}, kubrakow.Names["de"])
	assert.Contains(t, out, `# role_text: "belarussische Innenminister"; count: 3 mentions in 2 documents; example: a`+"\n- id: person/iwan-kubrakow\n")
	assert.Equal(t, "CUB", ents[3].Country)
	assert.Equal(t, []string{"Bruno Rodríguez Parrilla"}, ents[3].Names["es"])
	assert.Equal(t, "JRN", ents[1].Sector)
}

func TestEmitUnmatchedWithDefaultGazetteerOnSeeds(t *testing.T) {
	// Every official of the seed texts is in the default gazetteer: the
	// patterns add nothing there, and the report says so.
	out, stderr, code := gazex(t, "", "extract", "--emit", "unmatched", "../../testdata/seeds")
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, "# gazex unmatched: 0 candidates found only by role patterns in 5 documents"), out)
	ents, err := gazetteer.Parse("unmatched.yaml", []byte(out))
	require.NoError(t, err)
	assert.Empty(t, ents)
}

func TestYAMLString(t *testing.T) {
	for in, want := range map[string]string{
		"Cao Shumin":           "Cao Shumin",
		"Díaz-Canel":           "Díaz-Canel",
		"yes":                  `"yes"`,
		"Minister: der FAR":    `"Minister: der FAR"`,
		"#1":                   `"#1"`,
		`say "hi"`:             `"say \"hi\""`,
		"Ministerium für Bau ": `"Ministerium für Bau "`,
	} {
		assert.Equal(t, want, yamlString(in), in)
	}
}
