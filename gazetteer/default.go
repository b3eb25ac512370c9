package gazetteer

import (
	"embed"
	_ "embed" // the compact form
	"sync"
)

//go:generate go run ./internal/officialsgen
//go:generate go run ./internal/worldgen
//go:generate go run ./internal/compactgen

// defaultFS holds the embedded default gazetteer's source: hand-written
// countries, organisations and persons, officials.yaml, generated from
// internal/officialsgen/officials.tsv, and world.yaml, from
// internal/worldgen.
//
//go:embed data/*.yaml
var defaultFS embed.FS

// defaultCompact is the compact form of the files of defaultFS
// ([MarshalCompact]), their index included, written by
// internal/compactgen: a process decodes it in a few milliseconds, where
// parsing the YAML took a fifth of a second and compiling the index
// another 40 ms.
// TestDefaultCompactFresh fails when it is not what the YAML gives.
//
//go:embed data/default.bin
var defaultCompact string

var defaultOnce struct {
	sync.Once
	entities []*Entity
	version  string // the content version of the default alone
	index    *Index // the index of the default alone
	err      error
}

func loadDefault() {
	defaultOnce.entities, defaultOnce.version, defaultOnce.index, defaultOnce.err = unmarshalCompact(defaultCompact)
}

// Default returns the embedded default gazetteer's entities. They are
// decoded once per process; every call returns a fresh slice of the same
// entities, which callers must not modify.
func Default() ([]*Entity, error) {
	defaultOnce.Do(loadDefault)
	if defaultOnce.err != nil {
		return nil, defaultOnce.err
	}
	return append([]*Entity(nil), defaultOnce.entities...), nil
}

// defaultFromYAML parses the default gazetteer's YAML files, as
// internal/compactgen does: the entities the compact form must hold.
func defaultFromYAML() ([]*Entity, error) {
	ents, err := LoadFS(defaultFS, "data")
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		// Where a user finds it in the repository, for messages such
		// as a collision with a name of theirs.
		e.File = "gazetteer/" + e.File
	}
	return ents, nil
}

// OverDefault is [Load] for entities already read (by Beam workers, from
// their own filesystems): the user's entities merged over the embedded
// default ([Merge]: an entity with a default id replaces it), or alone
// when noDefault, checked with every rule of [Check] (two of the user's
// entities with one id are an error too: which should win is not for
// gazex to guess). It returns the entities and the gazetteer version
// written into provenance, or an [ErrorList].
func OverDefault(user []*Entity, noDefault bool) ([]*Entity, string, error) {
	return overDefault(user, nil, noDefault, len(user) > 0)
}
