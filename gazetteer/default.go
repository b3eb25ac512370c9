package gazetteer

import (
	"embed"
	"sync"
)

//go:generate go run ./internal/officialsgen
//go:generate go run ./internal/worldgen

// defaultFS holds the embedded default gazetteer: hand-written countries,
// organisations and persons, and officials.yaml, generated from
// internal/officialsgen/officials.tsv.
//
//go:embed data/*.yaml
var defaultFS embed.FS

var defaultOnce struct {
	sync.Once
	entities []*Entity
	err      error
}

// Default returns the embedded default gazetteer's entities. The files are
// parsed once per process; every call returns a fresh slice of the same
// entities, which callers must not modify.
func Default() ([]*Entity, error) {
	defaultOnce.Do(func() {
		defaultOnce.entities, defaultOnce.err = LoadFS(defaultFS, "data")
		for _, e := range defaultOnce.entities {
			// Where a user finds it in the repository, for messages
			// such as a collision with a name of theirs.
			e.File = "gazetteer/" + e.File
		}
	})
	if defaultOnce.err != nil {
		return nil, defaultOnce.err
	}
	return append([]*Entity(nil), defaultOnce.entities...), nil
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
