package prose

// A table is a set of strings, each with its index, for look-ups that make
// no string: the keys one after another in blob (key i ends at end[i]),
// found through an open-addressing hash table (slots hold index+1, 0 is
// empty; linear probing; at most 2/3 full), built by inserting the keys in
// order. It is stored as it is in model.bin, so loading it is reading it.
type table struct {
	blob  string
	end   []uint32
	slots []uint32
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
	mask := uint64(len(t.slots) - 1)
	for h := hashOf(fnvOffset, key) & mask; ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return -1
		}
		if t.key(int(s-1)) == string(key) {
			return int32(s - 1)
		}
	}
}

// findPair returns the index of string(rune(b))+v for an ASCII byte b (the
// extracter's keys: a feature's number, then a value), -1 if none.
func findPair[T string | []byte](t *table, b byte, v T) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for h := hashOf((fnvOffset^uint64(b))*fnvPrime, v) & mask; ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return -1
		}
		if k := t.key(int(s - 1)); len(k) == len(v)+1 && k[0] == b && k[1:] == string(v) {
			return int32(s - 1)
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
	mask := uint64(size - 1)
	for i, k := range keys {
		h := hashOf(fnvOffset, k) & mask
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = uint32(i + 1)
	}
	return t
}
