// Package gen holds what the default gazetteer's generators
// (officialsgen, worldgen) share: the English article of country names,
// the writing of a generated YAML file, and main after the flags.
package gen

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WithArticle puts "the" before the English country names that take it.
func WithArticle(name string) string {
	switch {
	case strings.HasPrefix(name, "United "), strings.Contains(name, "Republic"),
		strings.HasSuffix(name, "Islands"), strings.HasPrefix(name, "Central "):
		return "the " + name
	}
	switch name {
	case "Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia":
		return "the " + name
	}
	return name
}

// YAML returns the generated file: each header line as a comment, then
// "# as-of: asOf", then list indented by two spaces.
func YAML(header []string, asOf string, list *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&buf, "# %s\n", h)
	}
	fmt.Fprintf(&buf, "# as-of: %s\n", asOf)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(list); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Main is a generator's main after its flags: it reads the sources from
// dir and data, generates, and writes out; on an error it prints
// "name: error" and exits 1. Reading comes first, so that a test can run
// generate on the very sources main uses.
func Main[S any](name, dir, data, out string, read func(dir, data string) (S, error), generate func(S) ([]byte, error)) {
	src, err := read(dir, data)
	if err == nil {
		var b []byte
		if b, err = generate(src); err == nil {
			err = os.WriteFile(out, b, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}
