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
	drain(limitMemory(&docsSource{sizes: []int{1000, longDocument - 1}}, 2, false))
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "short documents leave the limit")

	drain(limitMemory(&docsSource{sizes: []int{4 << 20, 1000}}, 2, false))
	assert.Equal(t, int64(memoryBase+memoryPerByte*(4<<20)), debug.SetMemoryLimit(-1), "one long document: one at a time")

	debug.SetMemoryLimit(before)
	drain(limitMemory(&docsSource{sizes: []int{2 << 20, 4 << 20, 3 << 20}}, 2, false))
	assert.Equal(t, int64(memoryBase+2*memoryPerByte*(4<<20)), debug.SetMemoryLimit(-1), "two workers may each hold a 4 MB document")

	debug.SetMemoryLimit(before)
	t.Setenv("GOMEMLIMIT", "1GiB")
	drain(limitMemory(&docsSource{sizes: []int{8 << 20}}, 1, false))
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "the user's GOMEMLIMIT stands")
}

// TestPaceCollector: extract with the built-in gazetteer runs the
// collector at GOGC=300 under a 240 MiB limit, which a long document
// raises as it would raise no limit at all; GOGC, GOMEMLIMIT and user
// gazetteers leave the runtime as it is.
func TestPaceCollector(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	beforeGC := debug.SetGCPercent(100)
	defer func() {
		debug.SetMemoryLimit(before)
		debug.SetGCPercent(beforeGC)
	}()
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv(v, "") // restored after the test
		require.NoError(t, os.Unsetenv(v))
	}

	paced, restore := paceCollector([]string{"names.ftm.json"})
	assert.False(t, paced, "user gazetteers keep the default pacing")
	restore()
	assert.Equal(t, 100, debug.SetGCPercent(100))
	assert.Equal(t, before, debug.SetMemoryLimit(-1))

	paced, restore = paceCollector(nil)
	require.True(t, paced)
	assert.Equal(t, extractGCPercent, debug.SetGCPercent(extractGCPercent))
	assert.Equal(t, int64(extractMemoryLimit), debug.SetMemoryLimit(-1))

	drain := func(src pipeline.Source) {
		for src != nil {
			if _, err := src.Next(t.Context()); err != nil {
				return
			}
		}
	}
	drain(limitMemory(&docsSource{sizes: []int{1000, 4 << 20}}, 1, true))
	assert.Equal(t, int64(memoryBase+memoryPerByte*(4<<20)), debug.SetMemoryLimit(-1), "a long document raises the paced limit")
	restore()
	assert.Equal(t, 100, debug.SetGCPercent(100), "restore puts the pacing back")
	assert.Equal(t, before, debug.SetMemoryLimit(-1), "and the limit")

	t.Setenv("GOGC", "150")
	paced, restore = paceCollector(nil)
	assert.False(t, paced, "the user's GOGC stands")
	restore()
	assert.Equal(t, before, debug.SetMemoryLimit(-1))
}
