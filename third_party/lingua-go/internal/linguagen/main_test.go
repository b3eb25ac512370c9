package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesUpToDate checks that language-models holds what the
// generator makes of upstream's models, and nothing else.
func TestGeneratedFilesUpToDate(t *testing.T) {
	if _, err := UpstreamDir(); err != nil {
		t.Skipf("upstream lingua-go not in the module cache: %v", err)
	}
	files, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "language-models")
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes: run go generate in third_party/lingua-go", name)
		}
	}
	n := 0
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(files) {
		t.Errorf("language-models has %d files, the generator makes %d", n, len(files))
	}
}
