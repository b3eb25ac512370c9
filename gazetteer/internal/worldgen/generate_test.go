package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

func TestGenerateIsDeterministicAndCommitted(t *testing.T) {
	src, err := readSources(".", filepath.Join("..", "..", "data"))
	require.NoError(t, err)
	first, err := generate(src)
	require.NoError(t, err)
	second, err := generate(src)
	require.NoError(t, err)
	require.Equal(t, string(first), string(second))
	committed, err := os.ReadFile(filepath.Join("..", "..", "data", "world.yaml"))
	require.NoError(t, err)
	assert.Equal(t, string(first), string(committed), "data/world.yaml is stale: run go generate ./gazetteer/...")
}

func TestCountryNamesAndAdjectives(t *testing.T) {
	e, err := country([]string{"FRA", "France", "französisch", "francés,francesa", "French", "de:Frankreich"})
	require.NoError(t, err)
	assert.Equal(t, []string{"Frankreich"}, e.Names["de"])
	assert.Equal(t, []string{"Francia"}, e.Names["es"])
	assert.Equal(t, []string{"francés", "francesa"}, e.Adjectives["es"])
	e, err = country([]string{"MMR", "Myanmar", "", "", "", "-Myanmar"})
	require.NoError(t, err)
	assert.Equal(t, []string{"Myanmar", "Burma"}, e.Names["en"], "the entity's name stays; CLDR's parenthesis is a second form")
	assert.Equal(t, []string{"Birmania"}, e.Names["es"])
	_, err = country([]string{"XXX", "Nowhere", "", "", "", ""})
	assert.Error(t, err)
	assert.True(t, gazetteer.ValidCountry("XKX"))
}
