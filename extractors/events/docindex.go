package events

// Look-ups into the whole document that a sentence makes: by binary search
// over the ordered mentions rather than by a scan of all of them, so that
// a sentence costs the same in a long document as in a short one.

// maxPooledWords bounds the word arena kept for the next document (about
// 1.5 MB of text): a long document's would stay alive, tens of megabytes,
// through the stages after extract.
const maxPooledWords = 1 << 18

// maxPooledEvents bounds the event list kept for the next document (an
// event is about 300 bytes).
const maxPooledEvents = 1 << 12

// firstFrom returns the index of the first of the mentions, ordered by
// Start, that starts at or after at (len(ms) if none): what
// slices.BinarySearchFunc(ms, at, byStart) returns, without a call of a
// comparison per step.
func firstFrom(ms []Mention, at int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ms[m].Start < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// startingAt returns the mentions that may start at off: those that do
// when in.Mentions are ordered, else all of them (the caller tests Start).
func startingAt(in Input, off int) []Mention {
	if !in.ordered {
		return in.Mentions
	}
	lo := firstFrom(in.Mentions, off)
	hi := lo
	for hi < len(in.Mentions) && in.Mentions[hi].Start == off {
		hi++
	}
	return in.Mentions[lo:hi:hi]
}

// upTo returns how many mentions, from the first, may end at or before
// off: with ordered mentions, none after the last starting at or before
// off can (each ends after its start).
func upTo(in Input, off int) int {
	if !in.ordered {
		return len(in.Mentions)
	}
	return firstFrom(in.Mentions, off+1)
}
