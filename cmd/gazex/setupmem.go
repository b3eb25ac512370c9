package main

import (
	"math"
	"runtime/debug"
)

// setupMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// under which the pipeline is built when --gazetteer files are given and
// GOMEMLIMIT is not set. A million-name FollowTheMoney file leaves ~650 MB
// live, and the garbage of building it (parsing, checking, compiling the
// index beside the other extractors) would otherwise let the heap grow to
// twice the live size before the collector runs again, 1.1 GB of RSS;
// under the limit the collector runs once more instead (~5 % more CPU).
// A gazetteer whose live size is above the limit still loads: the runtime
// caps the collector's share of CPU.
const setupMemoryLimit = 896 << 20

// limitSetupMemory lowers the memory limit for building the pipeline when
// user gazetteers are given, and returns the function that restores it.
func limitSetupMemory(gazetteers []string) (restore func()) {
	if len(gazetteers) == 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {} // GOMEMLIMIT or a caller chose one
	}
	debug.SetMemoryLimit(setupMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}
