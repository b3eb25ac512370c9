// Command compactgen writes data/default.bin, the compact form of the
// default gazetteer's YAML files (gazetteer.MarshalCompact), which gazex
// decodes at start instead of parsing the YAML. Run it through
// `go generate ./gazetteer` after officialsgen and worldgen, from the
// gazetteer folder.
package main

import (
	"fmt"
	"os"

	"github.com/gazex/gazex/gazetteer"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "compactgen:", err)
		os.Exit(1)
	}
}

func run() error {
	ents, err := gazetteer.LoadFS(os.DirFS("."), "data")
	if err != nil {
		return err
	}
	for _, e := range ents {
		e.File = "gazetteer/" + e.File // as gazetteer.Default names them
	}
	if errs := gazetteer.Check(ents); len(errs) > 0 {
		return gazetteer.ErrorList(errs)
	}
	data, err := gazetteer.MarshalCompact(ents)
	if err != nil {
		return err
	}
	return os.WriteFile("data/default.bin", data, 0o644)
}
