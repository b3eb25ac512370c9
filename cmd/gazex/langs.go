package main

import (
	"fmt"
	"slices"
	"strings"
)

// supportedLangs are the languages gazex has rules for: --langs may name
// only these. A document in none of the chosen ones is "und" (SPEC 3).
var supportedLangs = []string{"de", "es", "en"}

// parseLangs reads --langs: comma-separated codes, each one of
// supportedLangs, at least one. The error is one line for "gazex: …".
func parseLangs(s string) ([]string, error) {
	var out []string
	for _, code := range splitList(s) {
		code = strings.ToLower(code)
		if !slices.Contains(supportedLangs, code) {
			return nil, fmt.Errorf("--langs: %q is not supported (use de, es, en)", code)
		}
		if !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--langs: no language given (use de, es, en)")
	}
	return out, nil
}
