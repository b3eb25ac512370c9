package gazetteer

import (
	"embed"
	"sync"
)

//go:generate go run ./internal/officialsgen

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
