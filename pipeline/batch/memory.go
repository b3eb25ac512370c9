package batch

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit on the Go runtime's memory that a batch
// run sets while it runs, unless GOMEMLIMIT says otherwise.
//
// What holds a batch run's memory is, first, what every gazex process
// holds (lingua's models, the gazetteer's index, the role patterns: about
// 140 MB live), and then the pages being extracted: go-trafilatura keeps
// three copies of a page's tree and go-htmldate a fourth, so a large page
// (1.6 MB of HTML) holds 60–90 MB while it is extracted, and two workers
// extract two pages at once. The garbage collector lets the heap grow to
// twice what was live at its last cycle, so a run whose live memory peaks
// at ~220 MB reached 420 MB of heap and 490 MB of RSS on go-trafilatura's
// ~950 comparison pages. With the limit the collector runs early when the
// heap nears it (a few percent more CPU), and the run stays under the
// 400 MB that batch promises. It is soft: a run that truly needs more
// (a huge JSONL document) gets more, at the cost of more collection.
const memoryLimit = 320 << 20

// limitMemory sets memoryLimit, unless the user set GOMEMLIMIT or a lower
// limit is in force, and returns a function that restores the limit.
func limitMemory() (restore func()) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	old := debug.SetMemoryLimit(-1)
	if old <= memoryLimit {
		return func() {}
	}
	debug.SetMemoryLimit(memoryLimit)
	return func() { debug.SetMemoryLimit(old) }
}
