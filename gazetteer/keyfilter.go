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
//   - the others in an open-addressing table of 64 KiB that holds, per
//     slot, 16 bits of the key's hash and its key number: a key no name
//     has (half the tokens of news) mostly meets an empty slot or another
//     hash, and a key a name has costs one comparison of strings, where
//     the map hashed every byte and probed a larger table. The hash
//     reads the key's first and last bytes only (see keyHash).
//
// It is immutable and safe for concurrent use.
type KeyFilter struct {
	one   [256]uint16               // key number of each one-byte key, marked (see rootMark)
	two   [letters * letters]uint16 // of each key of two letters 'a'–'z'
	three [letters * letters * letters]uint16
	slots [keySlots]uint32 // hash tag<<16 | marked key number, 0 when empty
	// roots has a bit set, at rootBit of its hash, for each key in slots
	// that starts a name: nextRoot, which asks of each token only
	// whether its key starts a name, reads the slots (64 KiB, a cache
	// miss a token) only when the bit is set; most keys of news are in
	// no name or start none, and roots (8 KiB) stays in the cache.
	roots [1 << rootBits / 64]uint64
	keys  []string // key number → key
	// empty is the key number of "", marked, the key of the marks that
	// fold to nothing ("«", "»", "°": a token in twenty of some news),
	// asked of the map once rather than at each.
	empty uint32
	// edges is the index's map of edges below the root as an
	// open-addressing table of node<<32 | key number (never 0: the root
	// is node 0) and the child: a walk from the first token of a name
	// asks it once a token, where the map hashed and probed more.
	edges     []edge
	edgeShift uint // 64 - log2(len(edges))
	// edgeBits has a bit set, at the top edgeBitsLog bits of its hash,
	// for each edge in edges: most walks from a token that starts a name
	// end at the next token, whose edge is none ("die" of "Die Linke"
	// before another word), and child answers them from these 8 KiB,
	// which stay in the cache, rather than a probe of edges (16 bytes an
	// edge, 256 KiB for the default index: a cache miss each).
	edgeBits [1 << edgeBitsLog / 64]uint64
}

// edgeBitsLog is log2 of the number of bits of KeyFilter.edgeBits.
const edgeBitsLog = 16

type edge struct {
	key   uint64
	child uint32
}

// child returns the node that key number k leads to from node n > 0, as
// ix.edges holds it.
func (kf *KeyFilter) child(n, k uint32) (uint32, bool) {
	key := uint64(n)<<32 | uint64(k)
	hash := key * 0x9E3779B97F4A7C15
	if b := hash >> (64 - edgeBitsLog); kf.edgeBits[b/64]&(1<<(b%64)) == 0 {
		return 0, false // no edge has this hash
	}
	mask := uint64(len(kf.edges) - 1)
	for h := hash >> kf.edgeShift; ; h = (h + 1) & mask {
		switch e := &kf.edges[h]; e.key {
		case key:
			return e.child, true
		case 0:
			return 0, false
		}
	}
}

// rootMark marks a key number in a KeyFilter's tables whose key starts a
// name (ix.root[n] != 0): nextRoot, which asks that of every token, reads
// it with the number rather than from the root's table. numberBits are
// the number's own bits; key numbers stay below maxFilterKeys.
const (
	rootMark   = 1 << 15
	numberBits = rootMark - 1
)

// rootBits is the number of bits of the index of a key's bit in
// KeyFilter.roots: the slot's and two of the tag's.
const rootBits = keySlotBits + 2

// rootBit is the index in KeyFilter.roots of a key of hash slot and tag.
func rootBit(slot, tag uint32) uint32 { return slot<<2 | tag&3 }

// letters is the number of lowercase ASCII letters.
const letters = 26

// keySlots is the size of a KeyFilter's table, a power of two;
// maxFilterKeys the most keys one is made for, at which the table is half
// full (a million names take the map). Key numbers up to maxFilterKeys
// fit the slots' and tables' 16 bits.
const (
	keySlotBits   = 14
	keySlots      = 1 << keySlotBits
	maxFilterKeys = keySlots / 2
)

// keyHash hashes a key of two bytes or more from its length and its
// first, last and (past sixteen bytes) middle eight bytes, in a few
// instructions whatever its length: keys that share those share a hash,
// and are told apart by the table's comparison of strings. The slot is
// the top bits of the product (which depend on every bit of both words),
// the tag 16 bits below them.
func keyHash(k string) (slot, tag uint32) {
	a, b := keyWords(k)
	return mixKey(a, b, len(k))
}

// keyWords returns the words of k that keyHash mixes.
func keyWords(k string) (a, b uint64) {
	switch n := len(k); {
	case n > 16:
		return load64(k, 0) ^ load64(k, n/2-4)*0x9FB21C651E98DF25, load64(k, n-8)
	case n >= 8:
		return load64(k, 0), load64(k, n-8)
	case n >= 4:
		return uint64(load32(k, 0)), uint64(load32(k, n-4))
	}
	return uint64(k[0]) | uint64(k[1])<<8, uint64(k[len(k)-1]) // two or three bytes
}

// mixKey is keyHash of the words a and b of a key of n bytes.
func mixKey(a, b uint64, n int) (slot, tag uint32) {
	h := (a*0x9E3779B97F4A7C15 ^ b) * 0xC2B2AE3D27D4EB4F
	h ^= uint64(n) * 0x165667B19E3779F9
	return uint32(h >> (64 - keySlotBits)), uint32(h>>32) & 0xFFFF
}

// load64 and load32 read eight and four bytes of s from i, little-endian
// (one load each).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
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
	kf := &KeyFilter{keys: make([]string, len(ix.keys)+1)}
	// marked is key number n with rootMark when a name starts with its key.
	marked := func(n int) uint32 {
		if ix.root[n] != 0 {
			return uint32(n) | rootMark
		}
		return uint32(n)
	}
	kf.empty = marked(int(ix.keys[""]))
	bits := uint(1)
	for 1<<bits < 2*len(ix.edges) {
		bits++
	}
	kf.edges, kf.edgeShift = make([]edge, 1<<bits), 64-bits
	mask := uint64(len(kf.edges) - 1)
	for key, child := range ix.edges {
		b := key * 0x9E3779B97F4A7C15 >> (64 - edgeBitsLog)
		kf.edgeBits[b/64] |= 1 << (b % 64)
		h := key * 0x9E3779B97F4A7C15 >> kf.edgeShift
		for kf.edges[h].key != 0 {
			h = (h + 1) & mask
		}
		kf.edges[h] = edge{key, child}
	}
	for k, n := range ix.keys {
		kf.keys[n] = k
	}
	// In key-number order, so that the table is the same at every run.
	for n, k := range kf.keys {
		switch i, ok := letterIndex(k); {
		case len(k) == 0:
		case len(k) == 1:
			kf.one[k[0]] = uint16(marked(n))
		case len(k) == 2 && ok:
			kf.two[i] = uint16(marked(n))
		case len(k) == 3 && ok:
			kf.three[i] = uint16(marked(n))
		default:
			slot, tag := keyHash(k)
			if ix.root[n] != 0 { // at the home slot, where nextRoot looks
				b := rootBit(slot, tag)
				kf.roots[b/64] |= 1 << (b % 64)
			}
			for kf.slots[slot] != 0 {
				slot = (slot + 1) % keySlots
			}
			kf.slots[slot] = tag<<16 | marked(n)
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
		return kf.empty & numberBits
	case 1:
		return uint32(kf.one[k[0]]) & numberBits
	case 2: // letterIndex, unrolled: a third of all keys have two or three letters
		if a, b := uint(k[0]-'a'), uint(k[1]-'a'); a < letters && b < letters {
			return uint32(kf.two[a*letters+b]) & numberBits
		}
	case 3:
		if a, b, c := uint(k[0]-'a'), uint(k[1]-'a'), uint(k[2]-'a'); a < letters && b < letters && c < letters {
			return uint32(kf.three[(a*letters+b)*letters+c]) & numberBits
		}
	}
	return kf.hashed(k) & numberBits
}

// hashed is keyNumber of a key of two bytes or more through the table,
// marked (see rootMark).
func (kf *KeyFilter) hashed(k string) uint32 {
	slot, tag := keyHash(k)
	for {
		e := kf.slots[slot]
		if e == 0 {
			return 0 // no key with that hash
		}
		if e>>16 == tag && kf.keys[e&numberBits] == k {
			return e & 0xFFFF
		}
		slot = (slot + 1) % keySlots
	}
}

// nextRoot returns the first j >= i whose token's key number k (see
// keyNumber) starts a name, ix.root[k] != 0, and k; len(toks) and 0 when
// there is none. kf may be nil.
//
// It is keyNumber written out in a loop that calls nothing for most
// tokens: a call per token made the loop save and reload its variables
// around it, which cost more than the look-up (TestNextRoot holds it to
// keyNumber).
func (kf *KeyFilter) nextRoot(ix *Index, toks []Token, i int) (int, uint32) {
	root := ix.root
	if kf == nil {
		for ; i < len(toks); i++ {
			if k := ix.keys[toks[i].Key]; root[k] != 0 {
				return i, k
			}
		}
		return i, 0
	}
	for ; i < len(toks); i++ {
		key := toks[i].Key
		var k uint32
		switch n := len(key); {
		case n == 1:
			k = uint32(kf.one[key[0]])
		case n == 2 && uint(key[0]-'a') < letters && uint(key[1]-'a') < letters:
			k = uint32(kf.two[uint(key[0]-'a')*letters+uint(key[1]-'a')])
		case n == 3 && uint(key[0]-'a') < letters && uint(key[1]-'a') < letters && uint(key[2]-'a') < letters:
			k = uint32(kf.three[(uint(key[0]-'a')*letters+uint(key[1]-'a'))*letters+uint(key[2]-'a')])
		case n == 0:
			k = kf.empty
		default:
			// keyHash, written out (keyWords is too large for the
			// compiler to inline, and a call here cost what the loop
			// saves); TestNextRoot holds the two alike.
			var a, b uint64
			switch {
			case n > 16:
				a, b = load64(key, 0)^load64(key, n/2-4)*0x9FB21C651E98DF25, load64(key, n-8)
			case n >= 8:
				a, b = load64(key, 0), load64(key, n-8)
			case n >= 4:
				a, b = uint64(load32(key, 0)), uint64(load32(key, n-4))
			default: // two or three bytes
				a, b = uint64(key[0])|uint64(key[1])<<8, uint64(key[n-1])
			}
			slot, tag := mixKey(a, b, n)
			if rb := rootBit(slot, tag); kf.roots[rb/64]&(1<<(rb%64)) == 0 {
				continue // no key that starts a name has this hash
			}
			for {
				e := kf.slots[slot]
				if e == 0 {
					break // no key with that hash: k is 0
				}
				if e>>16 == tag && kf.keys[e&numberBits] == key {
					k = e & 0xFFFF
					break
				}
				slot = (slot + 1) % keySlots
			}
		}
		if k&rootMark != 0 {
			return i, k & numberBits
		}
	}
	return i, 0
}
