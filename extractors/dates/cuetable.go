package dates

// cueTable is cueWords as an open-addressing hash table keyed by a word's
// first two bytes, last byte and length, lower case. cues looks up every
// word of a text that is long enough: the table rejects most with one
// probe, and finds a cue word by comparing its bytes in place, with no
// lower-case copy, no string hashing and no map (which cost cues more
// than its scan did). TestCueTable holds it to cueWords.
type cueTable struct {
	used  [cueSlots / 64]uint64 // the slots taken, as bits: cues tests a word's first slot here, inline
	slots [cueSlots]cueSlot
	words []string // lower case, by cueSlot.w
}

// cueSlots is a power of two, four times and more the number of cue
// words: a probe mostly ends at an empty slot.
const (
	cueBits  = 11
	cueSlots = 1 << cueBits
)

type cueSlot struct {
	key uint32 // cueKey of the word; 0: empty (no key is 0: a word has two bytes)
	c   cue
	w   uint16 // index into words
}

// cueTab is a value, not a pointer: cues reads its bits at a fixed
// address, with no load of a pointer first.
var cueTab cueTable

func init() {
	t := &cueTab
	for w, c := range cueWords {
		if len(w) < 2 {
			panic("dates: a cue word of one byte: " + w)
		}
		k := cueKey(w[0], w[1], w[len(w)-1], len(w))
		s := cueHash(k)
		for t.slots[s].key != 0 {
			s = (s + 1) % cueSlots
		}
		t.slots[s] = cueSlot{key: k, c: c, w: uint16(len(t.words))}
		t.used[s/64] |= 1 << (s % 64)
		t.words = append(t.words, w)
	}
	if 4*len(t.words) > cueSlots {
		panic("dates: cueSlots too few for the cue words")
	}
}

// cueKey is a word's first two bytes, last byte and length (below 256),
// lower case.
func cueKey(b0, b1, last byte, n int) uint32 {
	return uint32(b0) | uint32(b1)<<8 | uint32(last)<<16 | uint32(n)<<24
}

func cueHash(k uint32) uint32 { return (k * 0x9E3779B1) >> (32 - cueBits) }

// ascii returns the cues of w, a run of two to maxCueLen ASCII letters in
// any case, whose cueKey, lower case, is k.
func (t *cueTable) ascii(w string, k uint32) cue {
	n := len(w)
	for s := cueHash(k); ; s = (s + 1) % cueSlots {
		sl := &t.slots[s]
		if sl.key == 0 {
			return 0
		}
		if sl.key != k {
			continue
		}
		cw := t.words[sl.w]
		i := 2 // the key holds the first two bytes
		for i < n-1 && w[i]|0x20 == cw[i] {
			i++
		}
		if i >= n-1 {
			return sl.c
		}
	}
}

// may reports whether a word of cueKey k may be a cue word: whether its
// first slot is taken.
func (t *cueTable) may(k uint32) bool {
	h := cueHash(k)
	return t.used[h/64]&(1<<(h%64)) != 0
}

// lower returns the cues of w, a lower-case word of two bytes or more.
func (t *cueTable) lower(w []byte) cue {
	n := len(w)
	k := cueKey(w[0], w[1], w[n-1], n)
	for s := cueHash(k); ; s = (s + 1) % cueSlots {
		sl := &t.slots[s]
		if sl.key == 0 {
			return 0
		}
		if sl.key == k && t.words[sl.w] == string(w) {
			return sl.c
		}
	}
}
