package prose

import "math/bits"

// A table is a set of strings, each with its index, for look-ups that make
// no string: the keys one after another in blob (key i ends at end[i]),
// found through an open-addressing hash table (linear probing; at most 2/3
// full), built by inserting the keys in order. A slot holds index+1 (0 is
// empty) in its low bits bits and the top bits of the key's hash above,
// so that a probe of another key's slot mostly needs no look at the keys
// (most look-ups miss, and a miss probes ~5 slots at 2/3). It is stored as
// it is in model.bin, so loading it is reading it.
type table struct {
	blob  string
	end   []uint32
	slots []uint32
	bits  int // len(end) < 1<<bits
}

func indexBits(n int) int { return bits.Len(uint(n)) }

// slotTag is the part of a slot that comes from the hash h.
func (t *table) slotTag(h uint64) uint32 {
	return uint32(h>>(32+t.bits)) << t.bits
}

// fnv-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashOf[T string | []byte](h uint64, s T) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func (t *table) key(i int) string {
	a := uint32(0)
	if i > 0 {
		a = t.end[i-1]
	}
	return t.blob[a:t.end[i]]
}

// find returns the index of key, -1 if it is not in the table.
func find[T string | []byte](t *table, key T) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask, imask := uint64(len(t.slots)-1), uint32(1)<<t.bits-1
	h := hashOf(fnvOffset, key)
	tag := t.slotTag(h)
	for p := h & mask; ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return -1
		}
		if s&^imask == tag && t.key(int(s&imask-1)) == string(key) {
			return int32(s&imask - 1)
		}
	}
}

// findPair returns the index of string(rune(b))+v for an ASCII byte b (the
// extracter's keys: a feature's number, then a value), -1 if none.
func findPair[T string | []byte](t *table, b byte, v T) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask, imask := uint64(len(t.slots)-1), uint32(1)<<t.bits-1
	h := hashOf((fnvOffset^uint64(b))*fnvPrime, v)
	tag := t.slotTag(h)
	for p := h & mask; ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return -1
		}
		if s&^imask != tag {
			continue
		}
		if k := t.key(int(s&imask - 1)); len(k) == len(v)+1 && k[0] == b && k[1:] == string(v) {
			return int32(s&imask - 1)
		}
	}
}

// newTable makes the table of keys, in order (no key twice).
func newTable(keys []string) table {
	var t table
	n := 0
	for _, k := range keys {
		n += len(k)
		t.end = append(t.end, uint32(n))
	}
	b := make([]byte, 0, n)
	for _, k := range keys {
		b = append(b, k...)
	}
	t.blob = string(b)
	size := 1
	for size*2 < len(keys)*3 {
		size *= 2
	}
	t.slots = make([]uint32, size)
	t.bits = indexBits(len(keys))
	mask := uint64(size - 1)
	for i, k := range keys {
		h := hashOf(fnvOffset, k)
		p := h & mask
		for t.slots[p] != 0 {
			p = (p + 1) & mask
		}
		t.slots[p] = t.slotTag(h) | uint32(i+1)
	}
	return t
}
