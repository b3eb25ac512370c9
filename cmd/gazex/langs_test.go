package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLangsFlag(t *testing.T) {
	for _, langs := range []string{"fr", "de,fr", "de,es,en,it", "", " , ", "xx"} {
		out, stderr, code := gazex(t, "Der Minister sprach in Berlin.", "extract", "--langs", langs, "-")
		assert.Equal(t, 2, code, "--langs %q", langs)
		assert.Empty(t, out)
		assert.True(t, strings.HasPrefix(stderr, "gazex: extract: --langs: "), "--langs %q: %q", langs, stderr)
		assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
	}
	for _, langs := range []string{"de", "de,es", "EN, de", "de,es,en"} {
		_, stderr, code := gazex(t, "Der Minister sprach in Berlin.", "extract", "--langs", langs, "-")
		assert.Equal(t, 0, code, "--langs %q: %s", langs, stderr)
	}
}

// A document in none of the languages is "und" and yields nothing.
func TestUnsupportedDocumentYieldsNothing(t *testing.T) {
	fr := "Le président de la République a reçu mardi le chancelier allemand à l'Élysée. " +
		"Les deux dirigeants ont signé un accord sur la défense et ont annoncé une visite commune à Kiev. " +
		"Selon le porte-parole du gouvernement, cette rencontre marque une nouvelle étape dans les relations entre Paris et Berlin."
	out, stderr, code := gazex(t, fr, "extract", "--emit", "all", "-")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"lang":"und"`)
	assert.Contains(t, out, `"segments":[],"entities":[],"events":[]`)
	assert.Equal(t, 1, strings.Count(out, "\n"), "only the document record: %s", out)
}
