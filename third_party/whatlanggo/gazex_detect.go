package whatlanggo

// gazex: script detection and trigram distances without a map or a string
// per call (GAZEX.md). Upstream's arithmetic and order of decisions, kept
// exactly; gazex_test.go holds every result to upstream's.

import (
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// scriptTables are the scripts DetectScript counts, in upstream's initial
// order of its counters (the order its ties are broken in starts from it).
var scriptTables = [...]*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Arabic, unicode.Devanagari,
	_HiraganaKatakana, unicode.Ethiopic, unicode.Hebrew, unicode.Bengali,
	unicode.Georgian, unicode.Han, unicode.Hangul, unicode.Greek,
	unicode.Kannada, unicode.Tamil, unicode.Thai, unicode.Gujarati,
	unicode.Gurmukhi, unicode.Telugu, unicode.Malayalam, unicode.Oriya,
	unicode.Myanmar, unicode.Sinhala, unicode.Khmer,
}

const (
	numScripts    = len(scriptTables)
	scriptLatin   = 0
	scriptJapan   = 4 // _HiraganaKatakana
	scriptHan     = 9
	classStop     = -2 // isStopChar: space, punctuation, digit, symbol
	classNone     = -1 // no script DetectScript counts
	tableRunes    = 0x300
	occupied      = 1 << 63 // marks a used slot of a trigram table
	maxGroupLangs = 64
)

// lowClass and lowTrigram hold, for the runes below tableRunes (ASCII,
// Latin-1, Latin Extended-A and -B, IPA: nearly every rune of a Latin
// text), the class classifySlow gives and the character trigrams take
// (unicode.ToLower(toTrigramChar(r))). Filled on first use, not at
// start-up.
var (
	lowOnce    sync.Once
	lowClass   [tableRunes]int8
	lowTrigram [tableRunes]rune
)

func fillLow() {
	for r := rune(0); r < tableRunes; r++ {
		lowClass[r] = classifySlow(r)
		lowTrigram[r] = unicode.ToLower(toTrigramChar(r))
	}
}

// classifySlow returns classStop for a rune DetectScript skips, else the
// index in scriptTables of the one script it belongs to (Unicode's scripts
// are disjoint; TestScriptsDisjoint checks all runes), else classNone.
func classifySlow(r rune) int8 {
	if isStopChar(r) {
		return classStop
	}
	for i, t := range scriptTables {
		if unicode.Is(t, r) {
			return int8(i)
		}
	}
	return classNone
}

// classify is classifySlow, from the table for the common runes; hint (a
// script index or classNone) is tried first.
func classify(r rune, hint int8) int8 {
	if r < tableRunes {
		return lowClass[r]
	}
	if isStopChar(r) {
		return classStop
	}
	if hint >= 0 && unicode.Is(scriptTables[hint], r) {
		return hint
	}
	for i, t := range scriptTables {
		if unicode.Is(t, r) {
			return int8(i)
		}
	}
	return classNone
}

// trigramChar is unicode.ToLower(toTrigramChar(r)).
func trigramChar(r rune) rune {
	if r < tableRunes {
		return lowTrigram[r]
	}
	return unicode.ToLower(toTrigramChar(r))
}

// DetectScript returns only the script of the given text.
//
// gazex: upstream's counting, including its order of counters (a counter
// that counts moves one place forward, and the first of equal counts in
// that order wins), with the script of a rune from a table or one look-up
// instead of a call per counter.
func DetectScript(text string) *unicode.RangeTable {
	s := detectScript(text)
	if s < 0 {
		return nil
	}
	return scriptTables[s]
}

func detectScript(text string) int {
	lowOnce.Do(fillLow)
	halfLen := len(text) / 2
	var count [numScripts]int
	var order, place [numScripts]int8 // order[place[s]] == s
	for i := range order {
		order[i], place[i] = int8(i), int8(i)
	}
	hint := int8(classNone)
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
		}
		s := classify(r, hint)
		if s < 0 {
			continue
		}
		hint = s
		count[s]++
		if count[s] > halfLen {
			return int(s)
		}
		if p := place[s]; p > 0 {
			q := order[p-1]
			order[p-1], order[p] = s, q
			place[s], place[q] = p-1, p
		}
	}
	jpCount, maxCount, maxScript := 0, 0, -1
	for _, s := range order {
		if count[s] > maxCount {
			maxCount = count[s]
			maxScript = int(s)
			if s == scriptJapan {
				jpCount = maxCount
			}
		}
	}
	switch {
	case maxCount == 0:
		return -1
	case maxScript == scriptHan && jpCount > 0:
		return scriptJapan
	default:
		return maxScript
	}
}

// packTrigram packs three runes (each below 1<<21) so that the numbers
// order as upstream's trigram strings do (UTF-8 orders as code points).
func packTrigram(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

func hashTrigram(k uint64, shift int) int {
	return int((k * 0x9E3779B97F4A7C15) >> shift)
}

// profileGroup is a langProfileList as an index from trigram to the places
// it holds in the profiles: a language's distance is maxTrigramDistance
// per profile trigram, less, for each text trigram at position n that its
// profile has at position i, maxTrigramDistance - |n-i| (upstream's sum,
// taken over the text's trigrams instead of the profile's).
type profileGroup struct {
	list  *langProfileList
	once  sync.Once
	langs []Lang // ascending
	base  []int  // maxTrigramDistance * len(profile), per langs
	shift int
	keys  []uint64 // packed trigram | occupied, open addressing
	spans []uint32 // per slot: first posting << 8 | number of postings
	posts []uint32 // index in langs << 16 | position in the profile
}

var (
	latinGroup      = profileGroup{list: &latinLangs}
	cyrillicGroup   = profileGroup{list: &cyrillicLangs}
	devanagariGroup = profileGroup{list: &devanagariLangs}
	hebrewGroup     = profileGroup{list: &hebrewLangs}
	ethiopicGroup   = profileGroup{list: &ethiopicLangs}
	arabicGroup     = profileGroup{list: &arabicLangs}
)

// build makes the index (on first use: most runs need Latin's alone).
// A profile entry that is not three valid runes can equal no text trigram:
// it costs maxTrigramDistance always, as upstream.
func (g *profileGroup) build() {
	for l := range *g.list {
		g.langs = append(g.langs, l)
	}
	slices.Sort(g.langs)
	if len(g.langs) > maxGroupLangs {
		panic("whatlanggo: too many languages in a profile group")
	}
	postings := map[uint64][]uint32{}
	var order []uint64
	for li, l := range g.langs {
		profile := (*g.list)[l]
		g.base = append(g.base, maxTrigramDistance*len(profile))
		for i, tg := range profile {
			k, ok := packString(tg)
			if !ok {
				continue
			}
			if _, seen := postings[k]; !seen {
				order = append(order, k)
			}
			postings[k] = append(postings[k], uint32(li)<<16|uint32(i))
		}
	}
	size := 1 << bits.Len(uint(2*len(order)))
	g.shift = 64 - bits.TrailingZeros(uint(size))
	g.keys = make([]uint64, size)
	g.spans = make([]uint32, size)
	for _, k := range order {
		p := postings[k]
		if len(p) > 255 {
			panic("whatlanggo: too many postings for a trigram")
		}
		s := hashTrigram(k, g.shift)
		for g.keys[s] != 0 {
			s = (s + 1) & (size - 1)
		}
		g.keys[s] = k | occupied
		g.spans[s] = uint32(len(g.posts))<<8 | uint32(len(p))
		g.posts = append(g.posts, p...)
	}
}

// packString packs a profile trigram of exactly three runes.
func packString(s string) (uint64, bool) {
	var rs [3]rune
	n := 0
	for i, r := range s {
		if n == 3 || (r == utf8.RuneError && !validAt(s, i)) {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n != 3 {
		return 0, false
	}
	return packTrigram(rs[0], rs[1], rs[2]), true
}

// validAt reports whether a RuneError at i of s is the encoded U+FFFD.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

// postings returns the postings of trigram k.
func (g *profileGroup) postings(k uint64) []uint32 {
	mask := len(g.keys) - 1
	want := k | occupied
	for s := hashTrigram(k, g.shift); ; s = (s + 1) & mask {
		switch g.keys[s] {
		case want:
			sp := g.spans[s]
			return g.posts[sp>>8 : sp>>8+sp&0xff]
		case 0:
			return nil
		}
	}
}

// textTrigram is a distinct trigram of the text and how often it occurs.
type textTrigram struct {
	key   uint64
	count int
}

// scratch is the per-call state, pooled: detectors are shared between
// goroutines.
type scratch struct {
	keys   []uint64 // open addressing, key | occupied
	counts []int32
	used   []int32 // occupied slots, to clear
	tgs    []textTrigram
	starts []int    // per count, for the counting sort
	sorted []uint64 // the trigrams by count
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// countTrigrams is upstream's count and getTrigramsWithPositions: the
// distinct trigrams of the lower-cased text (punctuation, digits, symbols
// and spaces as spaces, one space after the text), skipping those whose
// middle is a space beside another, ordered by count and then by trigram,
// both descending: a trigram's position is its index in s.tgs.
func (s *scratch) countTrigrams(text string) {
	size := 1 << bits.Len(uint(2*len(text)+4))
	if len(s.keys) < size {
		s.keys = make([]uint64, size)
		s.counts = make([]int32, size)
	}
	mask := size - 1
	shift := 64 - bits.TrailingZeros(uint(size))
	for _, u := range s.used {
		s.keys[u] = 0
	}
	s.used = s.used[:0]
	add := func(r1, r2, r3 rune) {
		if r2 == ' ' && (r1 == ' ' || r3 == ' ') {
			return
		}
		k := packTrigram(r1, r2, r3)
		want := k | occupied
		for h := hashTrigram(k, shift) & mask; ; h = (h + 1) & mask {
			switch s.keys[h] {
			case want:
				s.counts[h]++
				return
			case 0:
				s.keys[h] = want
				s.counts[h] = 1
				s.used = append(s.used, int32(h))
				return
			}
		}
	}
	r1, r2 := rune(' '), rune(-1)
	for i := 0; i < len(text); {
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r = lowTrigram[c]
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
			r = trigramChar(r)
		}
		if r2 < 0 {
			r2 = r
			continue
		}
		add(r1, r2, r)
		r1, r2 = r2, r
	}
	if r2 >= 0 {
		add(r1, r2, ' ')
	}
	// Order: by count descending (a counting sort), then by trigram
	// descending (each count's keys sorted as plain integers, read
	// backwards), as upstream's sort.SliceStable and reversal.
	maxCount := int32(0)
	for _, u := range s.used {
		maxCount = max(maxCount, s.counts[u])
	}
	if cap(s.starts) < int(maxCount)+2 {
		s.starts = make([]int, int(maxCount)+2)
	}
	starts := s.starts[:maxCount+2]
	clear(starts)
	for _, u := range s.used {
		starts[maxCount-s.counts[u]+1]++
	}
	for c := 1; c < len(starts); c++ {
		starts[c] += starts[c-1]
	}
	n := len(s.used)
	if cap(s.sorted) < n {
		s.sorted = make([]uint64, n, 2*n)
	}
	sorted := s.sorted[:n]
	for _, u := range s.used {
		c := maxCount - s.counts[u]
		sorted[starts[c]] = s.keys[u] &^ occupied
		starts[c]++
	}
	s.tgs = s.tgs[:0]
	lo := 0
	for c := int32(0); c < maxCount; c++ {
		hi := starts[c]
		bucket := sorted[lo:hi]
		slices.Sort(bucket)
		for j := len(bucket) - 1; j >= 0; j-- {
			s.tgs = append(s.tgs, textTrigram{bucket[j], int(maxCount - c)})
		}
		lo = hi
	}
}

// langFilter is Options as a set of languages (presence in Whitelist or
// Blacklist counts, as upstream's look-ups).
type langFilter struct {
	set   [2]uint64
	allow bool // set lists the allowed languages, else the skipped ones
}

func newLangFilter(options Options) langFilter {
	var f langFilter
	m := options.Blacklist
	if len(options.Whitelist) != 0 {
		m, f.allow = options.Whitelist, true
	}
	for l := range m {
		if l >= 0 && int(l) < 128 {
			f.set[l>>6] |= 1 << (l & 63)
		}
	}
	return f
}

func (f *langFilter) allows(l Lang) bool {
	return f.set[l>>6]&(1<<(l&63)) != 0 == f.allow
}

// detectLangInProfiles is upstream's: the language of the least distance
// among the allowed ones of g, and a confidence from the two least
// distances. Where two languages share the least distance (upstream then
// returns the one its map iteration met first, with confidence 0), it
// returns the first in Lang order.
func detectLangInProfiles(text string, options Options, g *profileGroup) (Lang, float64) {
	lowOnce.Do(fillLow)
	g.once.Do(g.build)
	f := newLangFilter(options)
	var allowed [maxGroupLangs]bool
	n, only := 0, Lang(-1)
	for i, l := range g.langs {
		if f.allows(l) {
			allowed[i] = true
			n++
			only = l
		}
	}
	switch n {
	case 0:
		return -1, 0
	case 1:
		return only, 1
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.countTrigrams(text)
	var dist [maxGroupLangs]int
	copy(dist[:], g.base)
	for pos, tg := range s.tgs {
		for _, p := range g.postings(tg.key) {
			d := pos - int(p&0xffff)
			if d < 0 {
				d = -d
			}
			dist[p>>16] += d - maxTrigramDistance
		}
	}
	best, second := -1, 0
	for i := range g.langs {
		if !allowed[i] {
			continue
		}
		switch {
		case best < 0:
			best, second = i, -1
		case dist[i] < dist[best]:
			best, second = i, best
		case second < 0 || dist[i] < dist[second]:
			second = i
		}
	}
	return confidence(g.langs[best], dist[best], dist[second], len(s.tgs))
}

// confidence is upstream's calculateConfidence on the two least distances
// and the number of distinct trigrams, with its arithmetic.
func confidence(lang Lang, dist1, dist2, trigrams int) (Lang, float64) {
	score1 := maxTotalDistance - dist1
	score2 := maxTotalDistance - dist2
	var confidence float64
	if score1 == 0 {
		return -1, 0
	} else if score2 == 0 {
		confidence = float64((score1) / 500.0)
		if confidence > 1.0 {
			confidence = 1.0
		}
		return lang, confidence
	}
	rate := float64((score1 - score2)) / float64(score2)
	confidentRate := float64(12.0/float64(trigrams)) + 0.05
	if rate > confidentRate {
		confidence = 1.0
	} else {
		confidence = rate / confidentRate
	}
	return lang, confidence
}

// toTrigramChar is upstream's (trigrams.go): punctuation, digits, symbols
// and spaces become a space.
func toTrigramChar(ch rune) rune {
	if isStopChar(ch) {
		return ' '
	}
	return ch
}
