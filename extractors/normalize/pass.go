package normalize

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	// minCapLower is how many lower-case letters a capitalised left part
	// needs before a glued word is split: long enough for German compounds
	// ("GemeinschaftsstandardsDiskussion"), too long for brand names, whose
	// first part is short ("CiberCuba", "ThyssenKrupp", "YouTube").
	minCapLower = 7
	// maxSeg bounds a combining sequence held for NFC. Unicode's stream-safe
	// format allows 30 non-starters; longer runs are cut, and a CGJ marks the
	// cut so that the output normalises to itself.
	maxSeg = 32
	// cgj is U+034F COMBINING GRAPHEME JOINER, the stream-safe cut mark.
	cgj = '\u034f'
)

// item is one rune on its way through the pass, with the original bytes it
// came from. ident means the rune's UTF-8 is exactly orig[os:oe].
type item struct {
	r      rune
	os, oe int
	ident  bool
}

// word shapes for glued-word splitting.
const (
	shapeLower = iota // all lower-case so far
	shapeCap          // one capital, then lower-case
	shapeMixed        // anything else
)

// builder accumulates the normalised bytes and the edits.
type builder struct {
	orig  []byte
	out   []byte
	edits []edit
	curO  int // original bytes consumed so far
}

// ident copies orig[os:oe]; a gap since the last copy is a deletion.
func (b *builder) ident(os, oe int) {
	if os != b.curO {
		b.edits = append(b.edits, edit{n: len(b.out), o: b.curO, olen: os - b.curO})
	}
	if oe-os == 1 {
		b.out = append(b.out, b.orig[os])
	} else {
		b.out = append(b.out, b.orig[os:oe]...)
	}
	b.curO = oe
}

// repl writes s as the normalised form of orig[os:oe]; os == oe inserts.
func (b *builder) repl(s string, os, oe int) {
	b.edits = append(b.edits, edit{n: len(b.out), o: os, nlen: len(s), olen: oe - os})
	b.out = append(b.out, s...)
	b.curO = max(b.curO, oe)
}

// replRune is repl for a single rune.
func (b *builder) replRune(r rune, os, oe int) {
	n := len(b.out)
	b.out = utf8.AppendRune(b.out, r)
	b.edits = append(b.edits, edit{n: n, o: os, nlen: len(b.out) - n, olen: oe - os})
	b.curO = max(b.curO, oe)
}

// normalizer is the state of one pass over one text. It has three layers:
// decoding and removal (run), NFC over combining sequences (seg), and
// unification, whitespace folding and glued-word splitting (emit).
type normalizer struct {
	orig    []byte
	b       builder
	invalid []int
	// cont marks the continuation bytes of the valid multi-byte runes of
	// orig, bit j of cont[k] for byte k<<6+j; nil while there are none.
	cont []uint64

	seg      []item // current combining sequence, held for NFC
	segCheck bool   // seg may not be in NFC
	scratch  []byte

	inWS         bool // a whitespace run is pending
	wsStart      int
	wsEnd        int
	wsNL         int
	wordLetters  int
	wordShape    int
	prevLower    bool
	tokProt      bool // the current token has had one of / @ # . :
	fwdEnd       int  // cached forward protection scan covers [.., fwdEnd)
	fwdProt      bool
	hasPending   bool // pending is an upper-case letter awaiting its follower
	pending      item
	lastInvalidE int
	slow         bool // tests: run without the ASCII fast path
}

// newNormalizer returns the state for a pass over orig: from the pool,
// with a new output buffer (it becomes the Text's Norm).
func newNormalizer(orig []byte) *normalizer {
	z, _ := normalizers.Get().(*normalizer)
	if z == nil {
		z = &normalizer{seg: make([]item, 0, maxSeg)}
	}
	seg, scratch, edits := z.seg[:0], z.scratch[:0], z.b.edits[:0]
	*z = normalizer{orig: orig, lastInvalidE: -1, seg: seg, scratch: scratch}
	z.b = builder{orig: orig, out: make([]byte, 0, len(orig)+len(orig)/32+8), edits: edits}
	return z
}

// release puts z back in the pool, without its text, output or tables
// (the Text has them).
func (z *normalizer) release() {
	if cap(z.b.edits) > maxPooledEdits {
		z.b.edits = nil
	}
	z.orig, z.b.orig, z.b.out, z.invalid, z.cont = nil, nil, nil, nil, nil
	normalizers.Put(z)
}

// run decodes orig, drops removed characters and feeds the rest to push.
func (z *normalizer) run() {
	orig := z.orig
	for i := 0; i < len(orig); {
		c := orig[i]
		if !z.slow {
			if j := z.fast(i, len(orig)-1); j > i {
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf {
			switch {
			case c >= 0x20 && c < 0x7f || c == '\n' || c == '\t':
				if c == '`' {
					z.pushASCII(item{r: '\'', os: i, oe: i + 1})
				} else {
					z.pushASCII(item{r: rune(c), os: i, oe: i + 1, ident: true})
				}
			case c == '\r':
				// CR LF is one line break, mapped to both bytes.
				if i+1 < len(orig) && orig[i+1] == '\n' {
					z.pushASCII(item{r: '\n', os: i, oe: i + 2})
					i += 2
					continue
				}
				z.pushASCII(item{r: '\n', os: i, oe: i + 1})
			case c == '\v' || c == '\f':
				z.pushASCII(item{r: '\n', os: i, oe: i + 1})
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(orig[i:])
		if r == utf8.RuneError && size == 1 {
			if i != z.lastInvalidE {
				z.invalid = append(z.invalid, i)
			}
			z.lastInvalidE = i + 1
			z.push(item{r: utf8.RuneError, os: i, oe: i + 1}, true, false)
			i++
			continue
		}
		z.addWide(i+size, size)
		if !removed(r) {
			it := item{r: r, os: i, oe: i + size, ident: true}
			switch {
			case r == 0x85:
				it.r, it.ident = '\n', false
				z.push(it, true, false)
			case r < 0x300 || r >= 0x2002 && r < 0x2070:
				// Verified over all runes: starters that NFC leaves alone.
				z.push(it, true, false)
			default:
				p := norm.NFC.Properties(orig[i : i+size])
				boundary := p.BoundaryBefore()
				z.push(it, boundary, !boundary || !norm.NFC.IsNormal(orig[i:i+size]))
			}
		}
		i += size
	}
	z.flushSeg()
	z.flushPending()
	// A whitespace run at the end of the text is dropped.
}

// addWide records a valid multi-byte rune of size bytes ending at end,
// for [Text.Chars].
func (z *normalizer) addWide(end, size int) {
	if z.cont == nil {
		z.cont = make([]uint64, len(z.orig)>>blockShift+1)
	}
	for p := end - size + 1; p < end; p++ {
		z.cont[p>>blockShift] |= 1 << (p & (1<<blockShift - 1))
	}
}

// fast is the pass for plain text, which is most of any news text: it
// copies the bytes from i up to at most limit in bulk and keeps the same
// state as the per-rune layers would. Besides ASCII it takes the runes
// that are frequent in German and Spanish news and need no NFC: the
// two-byte letters U+00C0-U+027F ("ä", "ß", "ñ", "É"), the typographic
// quotes and dashes U+2010-U+201F (unified as emit does) and runs of ASCII
// whitespace before a visible character (folded as flushWS does). It stops
// before anything else that needs the per-rune layers (other non-ASCII, a
// rune followed by one that might combine with it or be removed,
// controls, whitespace at the end or before non-ASCII whitespace, a glued
// word whose follower is not ASCII) and returns where it stopped.
func (z *normalizer) fast(i, limit int) int {
	// A single held rune that NFC leaves alone is written as pushASCII
	// would before a rune that never combines with it (safeAt): also a
	// non-ASCII letter ("ü" in "Grüße"), so what follows it is fast.
	if len(z.seg) > 1 || z.segCheck || !safeAt(z.orig, i) {
		return i
	}
	if len(z.seg) == 1 {
		it := z.seg[0]
		z.seg = z.seg[:0]
		z.emit(it)
	}
	if z.inWS || z.hasPending {
		return i
	}
	orig := z.orig
	start, j := i, i
loop:
	for j < limit {
		c := orig[j]
		// Most bytes are in stretches that need no per-byte decision;
		// plainRun finds them eight bytes at a time. The first byte of the
		// output is left to the loop, which drops a leading space.
		if c >= ' ' && c < utf8.RuneSelf && (len(z.b.out) > 0 || j > start) {
			if e := plainRun(orig, j, limit, z.prevLower); e > j {
				z.skipped(j, e)
				if j = e; j >= limit {
					break
				}
				c = orig[j]
			}
		}
		if c >= utf8.RuneSelf {
			// Every rune taken here is a starter that NFC leaves alone and
			// cannot combine with what precedes it; safeAt makes sure that
			// the next cannot combine with it or be removed.
			if c == 0xE2 {
				u := quoteAt(orig, j)
				if u == 0 || !safeAt(orig, j+3) {
					break
				}
				if j > start {
					z.b.ident(start, j)
				}
				z.b.replRune(u, j, j+3)
				start = j + 3
				z.wordLetters, z.prevLower = 0, false
				z.addWide(j+3, 3)
				j += 3
				continue
			}
			if c < 0xC3 || c > 0xC9 || orig[j+1]&0xC0 != 0x80 || !safeAt(orig, j+2) {
				break
			}
			switch latin[rune(c&0x1F)<<6|rune(orig[j+1]&0x3F)-0xC0] {
			case classLower:
				z.letter(shapeLower, true)
			case classUpper:
				if z.prevLower && z.eligible() && !z.tokProt && j+2 < len(orig) {
					var ok bool
					if start, ok = z.split(start, j, orig[j+2]); !ok {
						break loop
					}
				}
				z.letter(shapeCap, false)
			case classLetter:
				z.letter(shapeMixed, false)
			default:
				z.wordLetters, z.prevLower = 0, false
			}
			z.addWide(j+2, 2)
			j += 2
			continue
		}
		next := orig[j+1]
		if !safeAt(orig, j+1) {
			break
		}
		switch {
		case 'a' <= c && c <= 'z':
			z.letter(shapeLower, true)
		case 'A' <= c && c <= 'Z':
			// The per-rune layers hold an upper-case letter until they see
			// its follower; here the follower is next.
			if z.prevLower && z.eligible() && !z.tokProt {
				var ok bool
				if start, ok = z.split(start, j, next); !ok {
					break loop
				}
			}
			z.letter(shapeCap, false)
		case c == ' ' && next > ' ' && (len(z.b.out) > 0 || j > start):
			z.tokProt = false
			z.wordLetters, z.prevLower = 0, false
		case c <= ' ':
			// A run of whitespace, folded as flushWS would once it sees
			// the visible character after it.
			k, nl := wsRun(orig, j)
			if k >= len(orig) || !visibleAt(orig, k) {
				break loop
			}
			z.tokProt = false
			z.wordLetters, z.prevLower = 0, false
			switch s := folded[min(nl, 2)]; {
			case len(z.b.out) == 0 && j == start:
				start = k // leading whitespace is dropped
			case string(orig[j:k]) != s:
				if j > start {
					z.b.ident(start, j)
				}
				z.b.repl(s, j, k)
				start = k
			}
			j = k
			continue
		case c == '/' || c == '@' || c == '#' || c == '.' || c == ':':
			z.tokProt = true
			z.wordLetters, z.prevLower = 0, false
		case c > ' ' && c < 0x7f && c != '`':
			z.wordLetters, z.prevLower = 0, false
		default:
			break loop
		}
		j++
	}
	if j > start {
		z.b.ident(start, j)
	}
	return j
}

// split decides, for fast, a glued word at the upper-case letter at j
// whose follower starts with byte next, where the word before may be split
// off: it inserts the space and returns true if the follower is an ASCII
// lower-case letter, returns true if it is another ASCII byte, and false
// if it is not ASCII, which the per-rune layers must weigh. The bytes
// from start, where fast's copy began, to j are copied before the space;
// the copy then begins at j, which split returns.
func (z *normalizer) split(start, j int, next byte) (int, bool) {
	if next >= utf8.RuneSelf {
		return start, false
	}
	if 'a' <= next && next <= 'z' && !z.fwdProtected(j) {
		if j > start {
			z.b.ident(start, j)
		}
		z.b.repl(" ", j, j)
		z.wordLetters = 0
		return j, true
	}
	return start, true
}

// folded is the folded form of a whitespace run by its line breaks.
var folded = [3]string{" ", "\n", "\n\n"}

// wsRun returns the end of the run of ASCII whitespace from j and the line
// breaks it counts for (CR LF as one), as the per-rune layers count them.
func wsRun(orig []byte, j int) (k, nl int) {
	for k = j; k < len(orig); k++ {
		switch orig[k] {
		case ' ', '\t':
		case '\n', '\v', '\f':
			nl++
		case '\r':
			if k+1 == len(orig) || orig[k+1] != '\n' {
				nl++
			}
		default:
			return k, nl
		}
	}
	return k, nl
}

// safeAt reports whether the rune at k, if any, can neither combine with
// the rune before it nor be removed from between it and the one before:
// ASCII other than the removed controls, the two-byte runes U+00C0-U+02FF
// (starters that NFC leaves alone; an invalid byte becomes U+FFFD, a
// starter too) and the quotes and dashes of quoteAt. The test for a
// printable ASCII byte, most of them, is small enough to be inlined.
func safeAt(orig []byte, k int) bool {
	return k < len(orig) && orig[k]-' ' < 0x7f-' ' || safeRuneAt(orig, k)
}

// safeRuneAt is safeAt for the rest.
func safeRuneAt(orig []byte, k int) bool {
	if k >= len(orig) {
		return true
	}
	switch c := orig[k]; {
	case c < utf8.RuneSelf:
		return c >= ' ' && c != 0x7f || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
	case c >= 0xC3 && c <= 0xCB:
		return true
	}
	return quoteAt(orig, k) != 0
}

// visibleAt reports whether the rune at k < len(orig) ends a whitespace
// run: safeAt, and neither whitespace nor a control.
func visibleAt(orig []byte, k int) bool {
	c := orig[k]
	return c > ' ' && c < 0x7f || c >= 0xC3 && c <= 0xCB || quoteAt(orig, k) != 0
}

// quoteAt returns the ASCII form of the quote or dash U+2010-U+201F at k
// that unify changes, or 0.
func quoteAt(orig []byte, k int) rune {
	if k+2 >= len(orig) || orig[k] != 0xE2 || orig[k+1] != 0x80 || orig[k+2]&0xF0 != 0x90 {
		return 0
	}
	if u, ok := unify(0x2000 | rune(orig[k+2]&0x3F)); ok {
		return u
	}
	return 0
}

// Letter classes of runes as put tells them apart.
const (
	classOther  = iota // ends a word
	classLower         // lower-case letter
	classUpper         // upper-case or title-case letter
	classLetter        // other letter
	classMark          // combining mark: continues its letter's word
)

// classOf returns the class of a non-ASCII rune.
func classOf(r rune) uint8 {
	switch {
	case unicode.IsLower(r):
		return classLower
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return classUpper
	case unicode.IsLetter(r):
		return classLetter
	case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
		return classMark
	}
	return classOther
}

// latin holds classOf of U+00C0-U+027F, the runes of the two-byte leads
// 0xC3-0xC9 that fast takes.
var latin = func() (t [0x280 - 0xC0]uint8) {
	for i := range t {
		t[i] = classOf(rune(0xC0 + i))
	}
	return t
}()

// Lane constants for plainRun: a byte of ones and a byte's high bit, in
// each of the eight bytes of a word.
const (
	lanes1  = 0x0101010101010101
	lanesHi = 0x8080808080808080
)

// plainRun returns the end e <= limit of a stretch orig[j:e] that fast's
// per-byte loop would copy unchanged with no decision but the word state:
// bytes 0x21..0x7e other than '`', and single spaces, where the byte after
// each is not non-ASCII or a control, and no upper-case letter follows a
// lower-case one (prevLower: the byte before j was one), as only there a
// glued word can be split. It checks eight bytes at a time and may stop
// early (at most eight bytes before limit, or at a harmless byte): fast's
// loop handles the byte at e the slow way.
//
// Each test is exact in the lanes of bytes below 0x80: adding a constant
// below 0x80 to such a byte carries into its high bit only, never into the
// next byte. A byte of 0x80 or more is itself a stop, and its carries only
// spoil the lanes above it, which the lowest stop hides. The test for a
// case change is wider than letters, for fewer operations: any of 0x60-0x7f
// counts as lower-case, any of 0x40-0x5f as upper-case ("a_", "x@y" stop
// too), which only stops early.
func plainRun(orig []byte, j, limit int, prevLower bool) int {
	const bit6 = lanesHi >> 1
	var carry uint64 // bit 6 of lane 0: the byte before is lower-case
	if prevLower {
		carry = 0x40
	}
	if j+8 > limit {
		return j
	}
	// p holds the words still to test and the byte after the last: the
	// loop needs no bounds checks beyond its condition.
	p := orig[j : limit+1]
	for len(p) >= 9 {
		// A stop at a space before a space; at a byte that is out (below
		// 0x20, 0x7f and above), or before one; at '`'; at an upper-case
		// letter after a lower-case one. y holds each lane's follower
		// (the last lane's is the next word's first byte), so that the
		// tests on followers are the same as on the bytes, lane for lane.
		x := binary.LittleEndian.Uint64(p)
		y := binary.LittleEndian.Uint64(p[1:])
		gx, gy := x+0x60*lanes1, y+0x60*lanes1 // bit 7: byte >= 0x20
		space := gx &^ (x + 0x5f*lanes1) & (gy &^ (y + 0x5f*lanes1))
		stop := space | ^gx | (x + lanes1) | x | ^gy | (y + lanes1) | y |
			^((x ^ '`'*lanes1) + 0x7f*lanes1)
		stop &= lanesHi
		x2 := x << 1 // bit 5 moves to bit 6
		lower := x & x2 & bit6
		stop |= (x &^ x2 & bit6 & (lower<<8 | carry)) << 1
		if stop != 0 {
			return limit + 1 - len(p) + bits.TrailingZeros64(stop)>>3
		}
		carry = lower >> 56
		p = p[8:]
	}
	return limit + 1 - len(p)
}

// skipped updates the word state as fast's per-byte loop would have for the
// stretch orig[s:e] that plainRun approved: only its last word and token
// matter, and they are found from its end.
func (z *normalizer) skipped(s, e int) {
	orig := z.orig
	p := e - 1
	for p >= s && (orig[p]|0x20)-'a' < 26 {
		p--
	}
	if p >= s {
		z.wordLetters, z.prevLower = 0, false
		q := p
		for q >= s && tokenMark[orig[q]] == 0 {
			q--
		}
		if q >= s {
			z.tokProt = tokenMark[orig[q]] == protects
		}
		// The last word starts in the stretch, where no upper-case letter
		// follows a lower-case one: it is all lower-case, or capitalised
		// with the rest lower-case, or mixed if its second letter is a
		// capital too. letter would come to the same.
		if w := orig[p+1 : e]; len(w) > 0 {
			z.wordLetters, z.prevLower = len(w), w[len(w)-1] >= 'a'
			switch {
			case w[0] >= 'a':
				z.wordShape = shapeLower
			case len(w) > 1 && w[1] < 'a':
				z.wordShape = shapeMixed
			default:
				z.wordShape = shapeCap
			}
		}
		return
	}
	for _, c := range orig[s:e] {
		if c >= 'a' {
			z.letter(shapeLower, true)
		} else {
			z.letter(shapeCap, false)
		}
	}
}

// tokenMark tells, for skipped, the bytes that end a token (a space) or
// protect the rest of it from glued-word splitting (/ @ # . :).
var tokenMark = [256]uint8{' ': ends, '/': protects, '@': protects, '#': protects, '.': protects, ':': protects}

const (
	ends = 1 + iota
	protects
)

// removed reports whether a non-ASCII rune is deleted outright.
func removed(r rune) bool {
	switch {
	case r < 0xa0:
		return r != 0x85 // C1 controls; NEL is a line break
	case r == 0xad, r == 0x180e, r == 0xfeff:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x206f:
		return true
	}
	return false
}

// pushASCII is push for an ASCII rune: always a boundary, always in NFC.
func (z *normalizer) pushASCII(it item) {
	if len(z.seg) == 1 && !z.segCheck {
		z.emit(z.seg[0])
		z.seg[0] = it
		return
	}
	z.flushSeg()
	z.seg = append(z.seg, it)
}

// push adds a rune to the NFC layer. boundary: NFC cannot combine it with
// what precedes; check: it may be changed by NFC.
func (z *normalizer) push(it item, boundary, check bool) {
	if boundary {
		z.flushSeg()
	} else if len(z.seg) >= maxSeg {
		// The CGJ starts the next sequence, as it will when the output is
		// normalised again, so both passes cut at the same places.
		z.flushSeg()
		z.seg = append(z.seg, item{r: cgj, os: it.os, oe: it.os})
	}
	z.seg = append(z.seg, it)
	z.segCheck = z.segCheck || check
}

// flushSeg normalises the held combining sequence and emits it. A sequence
// that NFC changes is replaced as a whole: its first rune stands for all of
// its original bytes, the others are mapped as insertions after them.
func (z *normalizer) flushSeg() {
	seg := z.seg
	z.seg = z.seg[:0]
	check := z.segCheck
	z.segCheck = false
	if len(seg) == 0 {
		return
	}
	if check {
		z.scratch = z.scratch[:0]
		for _, it := range seg {
			z.scratch = utf8.AppendRune(z.scratch, it.r)
		}
		if !norm.NFC.IsNormal(z.scratch) {
			os, oe := seg[0].os, seg[len(seg)-1].oe
			nfc := norm.NFC.Bytes(z.scratch)
			first := true
			for len(nfc) > 0 {
				r, size := utf8.DecodeRune(nfc)
				nfc = nfc[size:]
				if first {
					z.emit(item{r: r, os: os, oe: oe})
					first = false
				} else {
					z.emit(item{r: r, os: oe, oe: oe})
				}
			}
			return
		}
	}
	for _, it := range seg {
		z.emit(it)
	}
}

// unify maps typographic variants to their ASCII form.
func unify(r rune) (rune, bool) {
	switch r {
	case '„', '“', '”', '‟', '«', '»', '″':
		return '"', true
	case '‚', '‘', '’', '‛', '‹', '›', '´', '′', 'ʼ':
		return '\'', true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-', true
	}
	return r, false
}

// lineBreaks returns how many line breaks a whitespace rune counts for, or -1
// if r is not whitespace.
func lineBreaks(r rune) int {
	switch r {
	case ' ', '\t':
		return 0
	case '\n', '\r', '\v', '\f', 0x85, 0x2028:
		return 1
	case 0x2029:
		return 2
	}
	if r >= 0x80 && unicode.Is(unicode.Zs, r) {
		return 0
	}
	return -1
}

// emit runs the last layer on one rune in NFC.
func (z *normalizer) emit(it item) {
	if it.r >= 0x80 {
		if u, ok := unify(it.r); ok {
			it.r, it.ident = u, false
		}
	}
	if nl := lineBreaks(it.r); nl >= 0 {
		z.flushPending()
		if !z.inWS {
			z.inWS = true
			z.wsStart, z.wsNL = it.os, 0
		}
		z.wsEnd = it.oe
		z.wsNL += nl
		z.tokProt = false
		z.wordLetters, z.prevLower = 0, false
		return
	}
	if z.inWS {
		z.flushWS()
	}
	if z.hasPending {
		p := z.pending
		z.hasPending = false
		if isLower(it.r) {
			z.b.repl(" ", p.os, p.os)
			z.wordLetters, z.prevLower = 0, false
		}
		z.put(p)
	}
	if z.prevLower && isUpper(it.r) && z.eligible() && !z.tokProt && !z.fwdProtected(it.os) {
		z.pending, z.hasPending = it, true
		return
	}
	z.put(it)
}

// flushPending writes a held upper-case letter that will not be split off.
func (z *normalizer) flushPending() {
	if z.hasPending {
		z.hasPending = false
		z.put(z.pending)
	}
}

// flushWS writes the folded form of the pending whitespace run.
func (z *normalizer) flushWS() {
	z.inWS = false
	if len(z.b.out) == 0 {
		return // leading whitespace is dropped
	}
	var s string
	switch {
	case z.wsNL == 0:
		s = " "
	case z.wsNL == 1:
		s = "\n"
	default:
		s = "\n\n"
	}
	if z.wsEnd-z.wsStart == len(s) && string(z.orig[z.wsStart:z.wsEnd]) == s {
		z.b.ident(z.wsStart, z.wsEnd)
		return
	}
	z.b.repl(s, z.wsStart, z.wsEnd)
}

// put writes a visible rune and updates the word state.
func (z *normalizer) put(it item) {
	if it.ident {
		z.b.ident(it.os, it.oe)
	} else {
		z.b.replRune(it.r, it.os, it.oe)
	}
	r := it.r
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z':
			z.letter(shapeLower, true)
		case 'A' <= r && r <= 'Z':
			z.letter(shapeCap, false)
		default:
			z.wordLetters, z.prevLower = 0, false
			if r == '/' || r == '@' || r == '#' || r == '.' || r == ':' {
				z.tokProt = true
			}
		}
	default:
		switch classOf(r) {
		case classLower:
			z.letter(shapeLower, true)
		case classUpper:
			z.letter(shapeCap, false)
		case classLetter:
			z.letter(shapeMixed, false)
		case classMark:
			// A mark continues its letter's word.
		default:
			z.wordLetters, z.prevLower = 0, false
		}
	}
}

// letter extends the current word by a letter that would start a word of
// shape start.
func (z *normalizer) letter(start int, lower bool) {
	switch {
	case z.wordLetters == 0:
		z.wordShape = start
	case !lower:
		z.wordShape = shapeMixed
	}
	z.wordLetters++
	z.prevLower = lower
}

// eligible reports whether the word so far may be split off a following
// capitalised word.
func (z *normalizer) eligible() bool {
	switch z.wordShape {
	case shapeLower:
		return z.wordLetters >= 2
	case shapeCap:
		return z.wordLetters-1 >= minCapLower
	}
	return false
}

// fwdProtected reports whether the whitespace-delimited token around original
// offset os has one of / @ # . : followed by a letter or digit at or after
// os. Earlier ones are tracked by tokProt. The answer is cached per token, so
// each token is scanned at most once.
func (z *normalizer) fwdProtected(os int) bool {
	if os < z.fwdEnd {
		return z.fwdProt
	}
	saw := false
	i := os
	for i < len(z.orig) {
		r, size := rune(z.orig[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(z.orig[i:])
		}
		if lineBreaks(r) >= 0 {
			break
		}
		switch {
		case r == '/' || r == '@' || r == '#' || r == '.' || r == ':':
			saw = true
		case saw && (isLower(r) || isUpper(r) || unicode.IsLetter(r) || unicode.IsDigit(r)):
			z.fwdEnd, z.fwdProt = i, true
			return true
		}
		i += size
	}
	z.fwdEnd, z.fwdProt = i, false
	return false
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}
