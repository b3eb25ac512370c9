package gazetteer

// KeyFilter answers [Index.FindWith]'s question of every token, which key
// number its key has, for an index of at most maxFilterKeys keys (the
// embedded default, a list of officials; not a million-name data set),
// mostly without the index's map of strings:
//
//   - keys of one byte (punctuation, a seventh of the tokens of news), and
//     of two or three lowercase ASCII letters ("de", "der", "la": a third
//     of the tokens, and two thirds of those whose key a name has: they
//     are the articles and prepositions inside names), are looked up in
//     tables indexed by their bytes, 36 KiB in all;
//   - for the others a one-hash Bloom filter of 8 KiB that stays in the
//     cache rules out most keys no name has (half the tokens of news)
//     before the map is asked.
//
// It is immutable and safe for concurrent use.
type KeyFilter struct {
	bits  [keyFilterBits / 64]uint64
	one   [256]uint16               // key number of each one-byte key
	two   [letters * letters]uint16 // of each key of two letters 'a'–'z'
	three [letters * letters * letters]uint16
}

// letters is the number of lowercase ASCII letters.
const letters = 26

// keyFilterBits is the size of a KeyFilter's Bloom filter; maxFilterKeys
// the most keys one is made for: beyond, most of its bits would be set,
// and it would only cost time (a million names). Key numbers up to
// maxFilterKeys fit the tables' 16 bits.
const (
	keyFilterBits = 1 << 16
	maxFilterKeys = keyFilterBits / 8
)

// keyFilterSlot returns k's bit in a KeyFilter; keys shorter than two
// bytes have none (keyNumber passes them).
func keyFilterSlot(k string) uint32 {
	n := len(k)
	h := uint32(k[0]) | uint32(k[1])<<8 | uint32(k[n-1])<<16 | uint32(n)<<24
	return (h * 0x9E3779B1) >> 16
}

// letterIndex returns the index of k in KeyFilter.two or three when k is
// two or three lowercase ASCII letters.
func letterIndex(k string) (int, bool) {
	i := 0
	for j := 0; j < len(k); j++ {
		c := k[j] - 'a' // wraps below 'a'
		if c >= letters {
			return 0, false
		}
		i = i*letters + int(c)
	}
	return i, true
}

// KeyFilter returns a filter of ix's keys for FindWith, or nil when ix
// has too many keys for one to rule anything out. Callers that find in
// many texts make it once (the tagger does, in [tagger.New]).
func (ix *Index) KeyFilter() *KeyFilter {
	if len(ix.keys) > maxFilterKeys {
		return nil
	}
	kf := new(KeyFilter)
	for k, n := range ix.keys {
		switch i, ok := letterIndex(k); {
		case len(k) == 1:
			kf.one[k[0]] = uint16(n)
		case len(k) == 2 && ok:
			kf.two[i] = uint16(n)
		case len(k) == 3 && ok:
			kf.three[i] = uint16(n)
		}
		if len(k) >= 2 {
			h := keyFilterSlot(k)
			kf.bits[h/64] |= 1 << (h % 64)
		}
	}
	return kf
}

// keyNumber returns the key number of key k, 0 when no name has it; kf
// may be nil. It is ix.keys[k], as TestKeyFilter holds.
func (ix *Index) keyNumber(kf *KeyFilter, k string) uint32 {
	if kf == nil {
		return ix.keys[k]
	}
	switch len(k) {
	case 0:
		return ix.keys[k]
	case 1:
		return uint32(kf.one[k[0]])
	case 2:
		if i, ok := letterIndex(k); ok {
			return uint32(kf.two[i])
		}
	case 3:
		if i, ok := letterIndex(k); ok {
			return uint32(kf.three[i])
		}
	}
	if h := keyFilterSlot(k); kf.bits[h/64]&(1<<(h%64)) == 0 {
		return 0 // no key with that slot: no map lookup
	}
	return ix.keys[k]
}
