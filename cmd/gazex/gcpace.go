package main

import (
	"os"
	"runtime/debug"
)

// The garbage collector's pacing for extract with the built-in gazetteer.
// Such a process holds ~45 MB live (the gazetteer's index, the role and
// event lexicons, Punkt's tables; ~70 MB once lingua's compact models for
// short foreign runs are in), and a news article allocates ~100 KB as it
// goes through the stages. At the default GOGC=100 the collector ran every
// ~45 MB of allocation, 22 times over 20 MB of news, and was ~17 % of the
// instructions of a one-worker run (cachegrind, first 2,000 documents of
// the seeds corpus: 7.42 billion against 6.14 with the collector off). At
// 300 it runs every ~135 MB: 6.71 billion, and peak RSS ~220 MB instead
// of ~135 MB. The soft limit keeps the heap under 240 MiB whatever the
// live size (a text that loads lingua's models of every size, --langs
// with other languages, whose models are lingua-go's own maps); long
// documents raise it (memoryLimiter).
const (
	extractGCPercent   = 300
	extractMemoryLimit = 240 << 20
)

// paceCollector sets extractGCPercent under extractMemoryLimit, unless
// the user set GOGC or GOMEMLIMIT or gave gazetteers of their own (a
// million names are ~630 MB live: there the default pacing stands). It
// reports whether it set the limit, and returns the function that puts
// back the pacing and limit that were in force (a limit long documents
// raised included).
func paceCollector(gazetteers []string) (paced bool, restore func()) {
	if len(gazetteers) > 0 {
		return false, func() {}
	}
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		if _, set := os.LookupEnv(v); set {
			return false, func() {}
		}
	}
	prevGC := debug.SetGCPercent(extractGCPercent)
	prevLimit := debug.SetMemoryLimit(extractMemoryLimit)
	return true, func() {
		debug.SetGCPercent(prevGC)
		debug.SetMemoryLimit(prevLimit)
	}
}
