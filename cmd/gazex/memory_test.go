package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

type docsSource struct{ sizes []int }

func (s *docsSource) Next(context.Context) (pipeline.Document, error) {
	if len(s.sizes) == 0 {
		return pipeline.Document{}, io.EOF
	}
	n := s.sizes[0]
	s.sizes = s.sizes[1:]
	return pipeline.Document{ID: "d", Text: make([]byte, n)}, nil
}

// TestLimitMemory: long documents raise the soft memory limit by their
// size (per worker only when as many came), short ones and a GOMEMLIMIT
// of the user's leave it.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "") // restored after the test
	require.NoError(t, os.Unsetenv("GOMEMLIMIT"))

	drain := func(src pipeline.Source) {
		for {
			if _, err := src.Next(t.Context()); err != nil {
				return
			}
		}
	}
	debug.SetMemoryLimit(before)
	drain(limitMemory(&docsSource{sizes: []int{1000, longDocument - 1}}, 2))
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "short documents leave the limit")

	drain(limitMemory(&docsSource{sizes: []int{4 << 20, 1000}}, 2))
	assert.Equal(t, int64(memoryBase+memoryPerByte*(4<<20)), debug.SetMemoryLimit(-1), "one long document: one at a time")

	debug.SetMemoryLimit(before)
	drain(limitMemory(&docsSource{sizes: []int{2 << 20, 4 << 20, 3 << 20}}, 2))
	assert.Equal(t, int64(memoryBase+2*memoryPerByte*(4<<20)), debug.SetMemoryLimit(-1), "two workers may each hold a 4 MB document")

	debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "1GiB")
	drain(limitMemory(&docsSource{sizes: []int{8 << 20}}, 1))
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "the user's GOMEMLIMIT stands")
}
