package main

import (
	"math"
	"os"
	"runtime/debug"
)

// setupMemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit)
// under which the pipeline is built when --gazetteer files are given and
// GOMEMLIMIT is not set. A million-name FollowTheMoney file leaves ~630 MiB
// live, and the garbage of building it (parsing, checking, compiling the
// index beside the other extractors) would otherwise let the heap grow to
// twice the live size before the collector runs again, 1.1 GB of RSS.
// A gazetteer whose live size is above the limit still loads: the runtime
// caps the collector's share of CPU.
//
// The set-up of a million names allocates ~850 MiB: under this limit the
// collector runs once, late (at ~775 MiB of heap, ~620 MiB live), and
// what is built after it fits in what it freed: peak RSS ~865 MB on a
// loaded host, against ~925 MB under 896 MiB. Under 800 MiB it ran twice,
// a second full mark (~1.5 s of CPU) for another ~40 MB.
const setupMemoryLimit = 832 << 20

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
