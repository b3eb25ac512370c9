package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBatchUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no output folder", []string{"batch", dir}, "batch needs -o OUT_DIR"},
		{"no input folder", []string{"batch", "-o", dir}, "batch takes one IN_DIR"},
		{"two input folders", []string{"batch", dir, dir, "-o", dir}, "batch takes one IN_DIR"},
		{"bad glob", []string{"batch", "--include", "[", dir, "-o", dir}, "bad glob"},
		{"bad progress", []string{"batch", "--progress", "loud", dir, "-o", dir}, "--progress"},
		{"input is a file", []string{"batch", "main.go", "-o", dir}, "is not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := gazex(t, "", tc.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tc.want)
		})
	}
}
