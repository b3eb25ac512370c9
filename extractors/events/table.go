package events

// The tables find reads per word instead of Go maps: a word of the text
// is looked up in its language's index once per document, and a map
// look-up hashes the whole string (aeshash) before it probes, where
// wordHash and key3, which find computes anyway for its bit-set filters,
// suffice to place the few hundred keys of an index. Built at New; read
// only after.

import (
	"slices"

	"github.com/gazex/gazex/internal/swar"
)

// table maps the keys of index.whole (words), or of index.prefix or
// index.suffix (key3s), to their refs: open addressing on a mix of the
// keys' 16-bit hash, linear probing.
//
// A slot is small (24 bytes for a word, 12 for a key3, where a slice of
// its own made 48) and the refs of all keys lie in one array, in slot
// order: a word's look-up touches a cache line or two, not three or four
// scattered ones.
type table[K comparable] struct {
	slots []slot[K]
	refs  []ref
	mask  uint32
}

type slot[K comparable] struct {
	key K
	off uint32 // the key's refs are refs[off : off+n-1]
	n   uint32 // one more than the number of refs; 0: the slot is empty
}

type (
	wordTable = table[string] // by wordHash
	key3Table = table[uint32] // by key3Hash
)

// tableSize is a power of two at least twice n (load at most one half).
func tableSize(n int) int {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return size
}

// mix spreads a 16-bit hash over the table's bits.
func mix(h uint16) uint32 { return (uint32(h) * 0x9E3779B1) >> 16 }

// newTable builds the table of m, its keys placed by hash.
func newTable[K comparable](m map[K][]ref, hash func(K) uint16) table[K] {
	t := table[K]{slots: make([]slot[K], tableSize(len(m)))}
	t.mask = uint32(len(t.slots) - 1)
	for k := range m {
		i := mix(hash(k)) & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot[K]{key: k, n: 1}
	}
	for i := range t.slots {
		if s := &t.slots[i]; s.n != 0 {
			rs := m[s.key]
			s.off, s.n = uint32(len(t.refs)), uint32(len(rs))+1
			t.refs = append(t.refs, rs...)
		}
	}
	t.refs = slices.Clip(t.refs)
	return t
}

func newWordTable(m map[string][]ref) wordTable { return newTable(m, wordHash) }

func newKey3Table(m map[uint32][]ref) key3Table { return newTable(m, key3Hash) }

// get is m[k] of the map the table was built from; h is k's hash.
func (t *table[K]) get(k K, h uint16) ([]ref, bool) {
	if t.slots == nil {
		return nil, false
	}
	for i := mix(h) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil, false
		}
		if s.key == k {
			end := s.off + s.n - 1
			return t.refs[s.off:end:end], true
		}
	}
}

// mergeRefs appends to out the refs of a and b, each in order (by entry,
// then pattern, as sortRefs orders), merged in order: what sorting their
// concatenation gives, in one pass (a pattern is in one list only, so no
// two refs are equal).
func mergeRefs(out, a, b []ref) []ref {
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			out = append(out, b[0])
			b = b[1:]
		} else {
			out = append(out, a[0])
			a = a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// hasEither reports whether s contains the byte a or the byte b:
// hasAnyByte for a set of at most two bytes, eight bytes at a time.
func hasEither(s string, a, b byte) bool {
	const ones = 0x0101010101010101
	ma, mb := ones*uint64(a), ones*uint64(b)
	switch {
	case len(s) < 4:
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == a || c == b {
				return true
			}
		}
		return false
	case len(s) < 8:
		// The first four bytes and the last four, overlapping, in one word.
		x := uint64(load32(s, 0)) | uint64(load32(s, len(s)-4))<<32
		return swar.ZeroBytes(x^ma)|swar.ZeroBytes(x^mb) != 0
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if x := swar.Load64(s, i); swar.ZeroBytes(x^ma)|swar.ZeroBytes(x^mb) != 0 {
			return true
		}
	}
	if i == len(s) {
		return false
	}
	// The last bytes, in a load that overlaps the one before.
	x := swar.Load64(s, len(s)-8)
	return swar.ZeroBytes(x^ma)|swar.ZeroBytes(x^mb) != 0
}

// load32 reads the four bytes of s from i, little-endian (one load).
func load32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
