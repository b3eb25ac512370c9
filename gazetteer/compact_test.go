package gazetteer

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultCompactFresh fails when data/default.bin is not the compact
// form of the YAML files beside it: whoever edits them (or the tables
// officialsgen and worldgen generate them from) reruns go generate.
func TestDefaultCompactFresh(t *testing.T) {
	ents, err := defaultFromYAML()
	require.NoError(t, err)
	data, err := MarshalCompact(ents)
	require.NoError(t, err)
	if string(data) != defaultCompact {
		t.Fatal("gazetteer/data/default.bin is stale: run `go generate ./gazetteer` (or `go run ./internal/compactgen` in gazetteer/)")
	}
}

// TestDefaultIsTheYAML checks that the decoded default is, field for
// field, what parsing its YAML gives, its version included.
func TestDefaultIsTheYAML(t *testing.T) {
	want, err := defaultFromYAML()
	require.NoError(t, err)
	got, err := Default()
	require.NoError(t, err)
	require.Equal(t, want, got)
	// The index that came with it is the one Compile builds.
	require.True(t, reflect.DeepEqual(compile(got), defaultOnce.index), "the precompiled index differs from Compile's")
	assert.Same(t, defaultOnce.index, Compile(got))

	g, err := New(want)
	require.NoError(t, err)
	_, version, err := Load(nil, false)
	require.NoError(t, err)
	assert.Equal(t, g.Version(), version)
	assert.Equal(t, g.Version(), defaultOnce.version)
}

// TestCompactRoundTrip round-trips the test gazetteers, which hold the
// cases the default may not: empty lists and maps beside missing ones,
// partial dates, a file without an as-of date.
func TestCompactRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/good/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var all []*Entity
	for _, f := range files {
		ents, err := LoadFile(f)
		require.NoError(t, err, f)
		all = append(all, ents...)
	}
	empty := &Entity{ID: "org/empty", Type: TypeOrganization, Name: "Empty",
		Names: map[string][]string{}, Short: map[string][]string{"de": {}}, Unique: []string{}, Positions: []Position{},
		Lines: map[string]int{}}
	all = append(all, empty)
	data, err := MarshalCompact(all)
	require.NoError(t, err)
	got, version, ix, err := unmarshalCompact(string(data))
	require.NoError(t, err)
	require.Equal(t, all, got)
	require.True(t, reflect.DeepEqual(compile(got), ix), "the index differs from Compile's")
	g, err := New(all)
	require.NoError(t, err)
	assert.Equal(t, g.Version(), version)

	again, err := MarshalCompact(got)
	require.NoError(t, err)
	assert.Equal(t, data, again, "the form is deterministic")
}

// TestCompactCorrupt checks that a damaged compact form is an error, not
// a panic or wrong entities.
func TestCompactCorrupt(t *testing.T) {
	data, err := os.ReadFile("testdata/good/" + firstGood(t))
	require.NoError(t, err)
	ents, err := Parse("x.yaml", data)
	require.NoError(t, err)
	blob, err := MarshalCompact(ents)
	require.NoError(t, err)
	for n := range len(blob) {
		_, _, err := UnmarshalCompact(string(blob[:n]))
		assert.Error(t, err, "cut at %d", n)
	}
	_, _, err = UnmarshalCompact("gazex compact gazetteer 0\n")
	assert.ErrorContains(t, err, "not")

	ftm, err := ParseFtM("x.ftm.json", []byte(`{"id":"p1","schema":"Person","properties":{"name":["Ana Ruiz"]}}`))
	require.NoError(t, err)
	_, err = MarshalCompact(ftm)
	assert.ErrorContains(t, err, "only whole entities read from YAML")
}

func firstGood(t *testing.T) string {
	files, err := filepath.Glob("testdata/good/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return filepath.Base(files[0])
}

// BenchmarkDefault measures what start-up spends on the default
// gazetteer: decoding its compact form (once per process), and the
// parse of its YAML that it replaces.
func BenchmarkDefault(b *testing.B) {
	b.Run("compact", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := UnmarshalCompact(defaultCompact); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := defaultFromYAML(); err != nil {
				b.Fatal(err)
			}
		}
	})
	def, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			compile(def) // not Compile, which builds the default's once
		}
	})
}
