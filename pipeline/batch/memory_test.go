package batch

import (
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLimitMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "") // t.Setenv restores it; unset it for the first case
	before := debug.SetMemoryLimit(-1)

	// GOMEMLIMIT set (even empty): the user's word stands.
	restore := limitMemory()
	assert.Equal(t, before, debug.SetMemoryLimit(-1))
	restore()

	// A lower limit in force stays.
	debug.SetMemoryLimit(memoryLimit / 2)
	defer debug.SetMemoryLimit(before)
	unsetenv(t, "GOMEMLIMIT")
	restore = limitMemory()
	assert.Equal(t, int64(memoryLimit/2), debug.SetMemoryLimit(-1))
	restore()

	// No limit: the run's limit holds while it runs, and goes after.
	debug.SetMemoryLimit(before)
	restore = limitMemory()
	assert.Equal(t, int64(memoryLimit), debug.SetMemoryLimit(-1))
	restore()
	assert.Equal(t, before, debug.SetMemoryLimit(-1))
}

// unsetenv removes an environment variable for the rest of the test
// (after t.Setenv, which restores it at the end).
func unsetenv(t *testing.T, key string) {
	t.Helper()
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
