package gazetteer

import (
	"embed"
	"fmt"
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
	})
	if defaultOnce.err != nil {
		return nil, defaultOnce.err
	}
	return append([]*Entity(nil), defaultOnce.entities...), nil
}

// OverDefault is what `--gazetteer FILE… [--no-default-gazetteer]` means on
// every front end (the CLI, Beam workers): the user's entities merged over
// the embedded default ([Merge]: an entity with a default id replaces it),
// or alone when noDefault, checked by [New]. Two of the user's entities
// with one id are an error (which should win is not for gazex to guess).
// It returns the entities and the gazetteer version written into
// provenance.
func OverDefault(user []*Entity, noDefault bool) ([]*Entity, string, error) {
	if errs := DuplicateIDs(user); len(errs) > 0 {
		return nil, "", fmt.Errorf("gazetteer: %w", errs[0])
	}
	var base []*Entity
	if !noDefault {
		def, err := Default()
		if err != nil {
			return nil, "", err
		}
		base = def
	}
	g, err := New(Merge(base, user))
	if err != nil {
		return nil, "", err
	}
	return g.Entities(), g.Version(), nil
}
