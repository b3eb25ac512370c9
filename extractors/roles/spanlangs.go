package roles

import "math"

// spanLangs answers which language covers an offset: the first segment of
// a list that covers it, else the document's. Asked in order of offset,
// as tokens come, it walks the segments once instead of scanning them all
// for every token (a long document has thousands of foreign runs).
type spanLangs struct {
	segs   []LangSpan
	lang   string // the document's
	sorted bool   // segs are in order and do not overlap: at most one covers an offset
	next   int    // with sorted: the first segment not ending at or before the last offset asked
}

func newSpanLangs(segs []LangSpan, lang string) *spanLangs {
	l := &spanLangs{segs: segs, lang: lang, sorted: true}
	for i, s := range segs {
		if s.End < s.Start || i > 0 && s.Start < segs[i-1].End {
			l.sorted = false
			break
		}
	}
	return l
}

// at returns the language at off.
func (l *spanLangs) at(off int) string {
	if !l.sorted {
		for _, s := range l.segs {
			if s.Start <= off && off < s.End {
				return s.Lang
			}
		}
		return l.lang
	}
	if l.next > 0 && off < l.segs[l.next-1].End {
		l.next = 0 // asked out of order: start again
	}
	for l.next < len(l.segs) && l.segs[l.next].End <= off {
		l.next++
	}
	if l.next < len(l.segs) && l.segs[l.next].Start <= off {
		return l.segs[l.next].Lang
	}
	return l.lang
}

// stable returns an offset up to which at answers as it did for off, the
// last offset asked: the end of the segment that covers off, or the start
// of the next segment; -1 when it cannot tell (segments out of order), and
// math.MaxInt when no segment follows.
func (l *spanLangs) stable(off int) int {
	if !l.sorted {
		return -1
	}
	if l.next >= len(l.segs) {
		return math.MaxInt
	}
	if s := l.segs[l.next]; s.Start <= off {
		return s.End
	}
	return l.segs[l.next].Start
}
