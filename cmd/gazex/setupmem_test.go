package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLimitSetupMemory: with --gazetteer, set-up runs under the memory
// limit with the collector's GOGC off, and both come back after; a
// GOMEMLIMIT or GOGC of the user's stands.
func TestLimitSetupMemory(t *testing.T) {
	beforeLimit := debug.SetMemoryLimit(math.MaxInt64)
	beforeGC := debug.SetGCPercent(100)
	defer func() {
		debug.SetMemoryLimit(beforeLimit)
		debug.SetGCPercent(beforeGC)
	}()
	t.Setenv("GOGC", "")
	require.NoError(t, os.Unsetenv("GOGC"))

	limitSetupMemory(nil)()
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "no gazetteer: no limit")

	restore := limitSetupMemory([]string{"big.ftm.json"})
	assert.Equal(t, int64(setupMemoryLimit), debug.SetMemoryLimit(-1))
	assert.Equal(t, -1, debug.SetGCPercent(-1), "GOGC off under the limit")
	restore()
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1))
	assert.Equal(t, 100, debug.SetGCPercent(100))

	t.Setenv("GOGC", "200")
	debug.SetGCPercent(200)
	restore = limitSetupMemory([]string{"big.ftm.json"})
	assert.Equal(t, 200, debug.SetGCPercent(200), "the user's GOGC stands")
	restore()
	assert.Equal(t, 200, debug.SetGCPercent(100))
}
