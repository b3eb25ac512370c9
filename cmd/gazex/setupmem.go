package main

import (
	"math"
	"os"
	"runtime/debug"
)

// setupMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// under which the pipeline is built when --gazetteer files are given and
// GOMEMLIMIT is not set. A million-name FollowTheMoney file leaves ~650 MB
// live, and the garbage of building it (parsing, checking, compiling the
// index beside the other extractors) would otherwise let the heap grow to
// twice the live size before the collector runs again, 1.1 GB of RSS.
// A gazetteer whose live size is above the limit still loads: the runtime
// caps the collector's share of CPU.
const setupMemoryLimit = 896 << 20

// limitSetupMemory lowers the memory limit for building the pipeline when
// user gazetteers are given, and returns the function that restores it.
//
// Under the limit, the collector is also turned off (GOGC=off) unless
// GOGC is set: the limit alone then decides when it runs. Building a
// million-name gazetteer allocates ~1.2 GB, most of it kept; at the
// default GOGC=100 the collector ran 16 times as the heap doubled, each
// time marking everything kept so far (a fifth of the build's CPU); under
// the limit alone it runs two or three times, once the heap reaches it.
func limitSetupMemory(gazetteers []string) (restore func()) {
	if len(gazetteers) == 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {} // GOMEMLIMIT or a caller chose one
	}
	debug.SetMemoryLimit(setupMemoryLimit)
	prevGC := -2 // not changed
	if os.Getenv("GOGC") == "" {
		prevGC = debug.SetGCPercent(-1)
	}
	return func() {
		if prevGC != -2 {
			debug.SetGCPercent(prevGC)
		}
		debug.SetMemoryLimit(prev)
	}
}
