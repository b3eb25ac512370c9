// Package normalize turns raw news text into the normalised form every later
// gazex stage works on, and keeps an exact map back to the original bytes.
//
// Normalisation, applied in a single pass by [Normalize]:
//
//  1. Invalid UTF-8: every invalid byte becomes U+FFFD; the first byte of each
//     maximal run of invalid bytes is reported in [Text.Invalid].
//  2. Removal of soft hyphens, zero-width and bidi format characters
//     (U+00AD, U+180E, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
//     U+2066–U+206F, U+FEFF) and of control characters other than tab and
//     line breaks. CR LF and lone CR become LF; VT, FF, NEL and U+2028 are line
//     breaks, U+2029 is a paragraph break.
//  3. NFC, composed within the original's combining sequences.
//  4. Typographic unification: double quotes („ “ ” ‟ « » ″) become the ASCII
//     quotation mark, single quotes and apostrophes (‚ ‘ ’ ‛ ‹ › ` ´ ′ ʼ) the
//     ASCII apostrophe, dashes and the minus sign (‐ ‑ ‒ – — ― −) the ASCII
//     hyphen-minus, and every Unicode space separator (Zs: NBSP, narrow NBSP,
//     thin spaces, …) a space. The ellipsis stays.
//  5. Whitespace folding: a run of whitespace without a line break becomes one
//     space, with one line break "\n", with two or more "\n\n". Whitespace at
//     the start and end of the text and of every line is dropped, so lines
//     never begin or end with a space. Line breaks are never folded into
//     spaces: bylines, headlines and paragraphs stay separate blocks.
//  6. Glued words are split: a space is inserted before an upper-case letter
//     that is followed by a lower-case letter and preceded, within the same
//     word, by an all-lower-case run of at least two letters ("demMiguel" →
//     "dem Miguel") or by a capitalised run of at least eight letters
//     ("GemeinschaftsstandardsDiskussion"). Short capitalised left parts
//     ("CiberCuba", "YouTube", "McCain"), a single lower-case prefix ("iPhone")
//     and whitespace-delimited tokens in which one of / @ # . : is followed by
//     a letter or digit (URLs, e-mail addresses, handles, hashtags) are left
//     alone.
//
// Guarantees: [Text.Norm] is valid UTF-8 in NFC; normalising it again returns
// it unchanged; [Text.Span] maps every normalised range to an original range
// within bounds, on rune boundaries of valid input, monotone in its start.
// The offset map costs memory proportional to the number of edits, plus
// four bytes per 64 bytes of text for the edits' look-up table and, when
// the original has multi-byte runes, sixteen bytes per 64 bytes of it for
// theirs. Normalize never panics. A [Text] is immutable after
// Normalize returns and is safe for concurrent use.
package normalize

import (
	"math/bits"
	"slices"
	"sync"
	"unsafe"
)

// blockShift sets the spacing of the look-up tables behind [Text.Chars]
// and [Text.Span]: one entry per 64 bytes, so that a look-up starts at
// most a block's worth of entries before its answer (for Latin text
// none or one) and steps on, instead of searching the whole list.
const blockShift = 6

// Text is a normalised text together with the map back to its original bytes.
type Text struct {
	// Norm is the normalised text; it is valid UTF-8.
	Norm string
	// Invalid lists the original byte offsets of invalid UTF-8 sequences (the
	// first byte of each maximal run of invalid bytes), for warnings.
	Invalid []int

	orig  []byte
	edits []edit
	// editAt[k] is the index of the first edit that ends after normalised
	// byte k<<blockShift.
	editAt []int32
	// cont marks the continuation bytes of the valid multi-byte runes of
	// orig (bit j of cont[k] for byte k<<blockShift+j), and contAt[k]
	// counts those before byte k<<blockShift; both nil when orig has no
	// multi-byte rune.
	cont   []uint64
	contAt []int
}

// edit records where normalisation departed from a byte-for-byte copy: the
// normalised bytes [n, n+nlen) stand for the original bytes [o, o+olen). An
// insertion has olen 0, a deletion nlen 0. Between two edits the text is an
// identity copy, so the map needs no entry for unchanged text.
type edit struct {
	n, o, nlen, olen int
}

// Normalize returns the normalised form of orig with its offset map. orig may
// contain invalid UTF-8: each invalid byte becomes U+FFFD in the normalised
// text and is reported in [Text.Invalid]. The returned Text keeps a reference
// to orig for [Text.Chars]; the caller must not modify orig afterwards.
func Normalize(orig []byte) *Text {
	return normalize(orig, false)
}

// normalize is Normalize; slow disables the ASCII fast path, so that tests
// can compare the two.
func normalize(orig []byte, slow bool) *Text {
	z := newNormalizer(orig)
	z.slow = slow
	z.run()
	t := &Text{
		// The output buffer is the text's own (newNormalizer makes it
		// for this text and nothing writes to it after run): a string
		// of it, not a copy.
		Norm:    unsafe.String(unsafe.SliceData(z.b.out), len(z.b.out)),
		Invalid: z.invalid,
		orig:    orig,
		// The edits grew in the pooled scratch slice: a copy of their
		// exact size is all the Text keeps.
		edits: slices.Clone(z.b.edits),
		cont:  z.cont,
	}
	if len(t.edits) == 0 {
		t.edits = nil
	}
	z.release()
	t.index()
	t.indexChars()
	return t
}

// normalizers holds the state of finished passes for the next: the
// combining-sequence buffer, the scratch bytes and the edits' scratch
// list keep their room (an allocation or three per document less).
var normalizers sync.Pool

// maxPooledEdits bounds the edits' scratch list kept in the pool: a huge
// document's goes back to the garbage collector.
const maxPooledEdits = 1 << 14

// index builds the block table editAt. Texts of more than
// 2 GiB, which no caller sends, keep none and are stepped through whole.
func (t *Text) index() {
	if len(t.orig) > 1<<31-1 || len(t.Norm) > 1<<31-1 {
		return
	}
	if len(t.edits) > 0 {
		t.editAt = make([]int32, len(t.Norm)>>blockShift+1)
		k := 0 // blocks up to k start before the end of edit i
		for i, e := range t.edits {
			for ; k < len(t.editAt) && k<<blockShift < e.n+e.nlen; k++ {
				t.editAt[k] = int32(i)
			}
		}
		for ; k < len(t.editAt); k++ {
			t.editAt[k] = int32(len(t.edits))
		}
	}
}

// indexChars builds contAt, the running count of cont's bits. Unlike
// index's table it holds ints, so texts of any length get it.
func (t *Text) indexChars() {
	if t.cont == nil {
		return
	}
	t.contAt = make([]int, len(t.cont))
	n := 0
	for k, m := range t.cont {
		t.contAt[k] = n
		n += bits.OnesCount64(m)
	}
}

// String returns the normalised form of s. Gazetteer keys go through it so
// that names and text are compared after the very same normalisation.
func String(s string) string {
	return Normalize([]byte(s)).Norm
}

// Span maps the half-open normalised byte range [ns, ne) to the original byte
// range [os, oe): os is the original start of the source of normalised byte
// ns, oe the original end of the source of normalised byte ne-1. A character
// that normalisation replaced maps to the whole original it came from (a
// folded whitespace run, "e"+U+0301 for "é"); a character that normalisation
// inserted (the space in a split glued word) maps to an empty range at its
// position, so a span that starts right after an inserted space starts on the
// original letter. Removed characters inside the range are covered, those at
// its edges are not. An empty range maps to an empty range. Out-of-range
// arguments are clamped.
func (t *Text) Span(ns, ne int) (os, oe int) {
	ns = min(max(ns, 0), len(t.Norm))
	ne = min(max(ne, ns), len(t.Norm))
	i := t.find(ns, 0)
	os = t.start(i, ns)
	if ne == ns {
		return os, os
	}
	// The edit for ne-1 is not before the one for ns.
	return os, max(t.end(t.find(ne-1, i), ne-1), os)
}

// Chars converts an original byte offset to an original code point offset,
// as utf8.RuneCount of the bytes before it counts: each invalid byte, and
// each byte of a rune the offset cuts, counts as one code point. Offsets
// outside the original are clamped. The cost does not grow with the length
// of the text: a table look-up and a population count of one word (and, at
// an offset that cuts a rune, a step back over its bytes).
func (t *Text) Chars(origByte int) int {
	b := min(max(origByte, 0), len(t.orig))
	if t.cont == nil {
		return b
	}
	// Every byte is a code point but the continuation bytes of valid
	// multi-byte runes: those before b are the block's count and the
	// block's bits below b.
	k, j := b>>blockShift, uint(b&(1<<blockShift-1))
	n := bits.OnesCount64(t.cont[k] & (1<<j - 1))
	if t.contAt != nil {
		n += t.contAt[k]
	} else {
		for _, m := range t.cont[:k] {
			n += bits.OnesCount64(m)
		}
	}
	// A rune that b cuts counts each of its bytes before b as one code
	// point, as utf8.RuneCount counts a truncated sequence.
	if b < len(t.orig) && t.isCont(b) {
		for p := b - 1; t.isCont(p); p-- {
			n--
		}
	}
	return b - n
}

// isCont reports whether original byte p continues a valid multi-byte
// rune; the lead byte of every such rune is at p >= 0 and is not one.
func (t *Text) isCont(p int) bool {
	return t.cont[p>>blockShift]&(1<<(uint(p)&(1<<blockShift-1))) != 0
}

// CharsFrom is [Text.Chars]; fromByte and fromChars, a boundary counted
// before, are no longer needed now that Chars costs no counting.
//
// Deprecated: use [Text.Chars].
func (t *Text) CharsFrom(origByte, fromByte, fromChars int) int {
	return t.Chars(origByte)
}

// find returns the index of the first edit that ends after normalised byte
// n, given that it is not before edit from: from the table, a step or two.
func (t *Text) find(n, from int) int {
	i := from
	if t.editAt != nil {
		i = max(i, int(t.editAt[n>>blockShift]))
	}
	for i < len(t.edits) && t.edits[i].n+t.edits[i].nlen <= n {
		i++
	}
	return i
}

// identity maps normalised byte n in the identity run after edit prev.
func (t *Text) identity(prev, n int) int {
	if prev < 0 {
		return n
	}
	e := t.edits[prev]
	return e.o + e.olen + (n - e.n - e.nlen)
}

// start returns the original start of the source of normalised byte n,
// where i is find(n).
func (t *Text) start(i, n int) int {
	if i < len(t.edits) && t.edits[i].n <= n {
		return t.edits[i].o
	}
	return t.identity(i-1, n)
}

// end returns the original end of the source of normalised byte n, where i
// is find(n).
func (t *Text) end(i, n int) int {
	if i < len(t.edits) && t.edits[i].n <= n {
		return t.edits[i].o + t.edits[i].olen
	}
	return t.identity(i-1, n) + 1
}
