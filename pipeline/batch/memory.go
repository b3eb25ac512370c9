package batch

import (
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit on the Go runtime's memory that a batch
// run sets while it runs, unless GOMEMLIMIT says otherwise.
//
// What holds a batch run's memory is, first, what every gazex process
// holds once it has met a document of each kind (on go-trafilatura's ~950
// comparison pages, at the largest of the collector's cycles: lingua's
// models 62 MB, prose's English tagger and entity model 46 MB, the
// gazetteer's index and the role patterns), and then the pages being
// extracted: two workers extract two pages at once and up to four wait,
// ~30 MB, for go-trafilatura holds the parsed tree, a copy for its
// rescue extraction and the cleaned content, and go-htmldate a pruned copy
// while it looks for the date (a 1.6 MB page is 60–90 MB of trees). That
// live memory peaks at ~180 MB (~200 MB before gazex's copies of
// go-trafilatura and go-htmldate left out three copies of each page's tree
// and go-dateparser's tables). The garbage collector lets the heap grow to
// twice what was live at its last cycle: without a limit, batch peaked at
// 544 MB of RSS on those pages. With the limit the collector runs early
// when the heap nears it (~35 cycles on those pages), and the run stays
// under the 400 MB that batch promises (355–366 MB of RSS). It is
// soft: a run that truly needs more (a huge JSONL document) gets more, at
// the cost of more collection.
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
