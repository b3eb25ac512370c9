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
// The offset map costs memory proportional to the number of edits, not to the
// length of the text. Normalize never panics. A [Text] is immutable after
// Normalize returns and is safe for concurrent use.
package normalize

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// checkpointEvery is the spacing, in original bytes, of the rune-count
// checkpoints behind [Text.Chars]: a call counts at most this many bytes.
const checkpointEvery = 1024

// Text is a normalised text together with the map back to its original bytes.
type Text struct {
	// Norm is the normalised text; it is valid UTF-8.
	Norm string
	// Invalid lists the original byte offsets of invalid UTF-8 sequences (the
	// first byte of each maximal run of invalid bytes), for warnings.
	Invalid []int

	orig  []byte
	edits []edit
	cps   []checkpoint
}

// edit records where normalisation departed from a byte-for-byte copy: the
// normalised bytes [n, n+nlen) stand for the original bytes [o, o+olen). An
// insertion has olen 0, a deletion nlen 0. Between two edits the text is an
// identity copy, so the map needs no entry for unchanged text.
type edit struct {
	n, o, nlen, olen int
}

// checkpoint holds the number of runes before original byte b, where b is the
// first rune boundary at or after a multiple of checkpointEvery.
type checkpoint struct {
	b, r int
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
	return &Text{
		Norm:    string(z.b.out),
		Invalid: z.invalid,
		orig:    orig,
		edits:   slices.Clip(z.b.edits),
		cps:     z.cps,
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
	os = t.start(ns)
	if ne == ns {
		return os, os
	}
	return os, max(t.end(ne-1), os)
}

// Chars converts an original byte offset on a rune boundary to an original
// code point offset; each invalid byte counts as one code point, as it
// becomes one U+FFFD. Offsets outside the original are clamped. The cost is
// bounded by checkpointEvery bytes, not by the length of the text.
func (t *Text) Chars(origByte int) int {
	b := min(max(origByte, 0), len(t.orig))
	if len(t.cps) == 0 {
		return utf8.RuneCount(t.orig[:b])
	}
	i := min(b/checkpointEvery, len(t.cps)-1)
	// A checkpoint sits on the first boundary the scan visited in its block,
	// which can lie after b when b falls between a CR and its LF.
	for i > 0 && t.cps[i].b > b {
		i--
	}
	cp := t.cps[i]
	if cp.b > b {
		return t.count(t.orig[:b])
	}
	return cp.r + t.count(t.orig[cp.b:b])
}

// CharsFrom is [Text.Chars] of origByte given that the rune boundary
// fromByte is at code point fromChars: when origByte lies at most
// checkpointEvery bytes after it, only the bytes between are counted. Spans
// come mostly in order, so a caller that keeps the last offset it converted
// counts a few bytes per span instead of up to a checkpoint's spacing twice.
func (t *Text) CharsFrom(origByte, fromByte, fromChars int) int {
	b := min(max(origByte, 0), len(t.orig))
	if fromByte < 0 || fromByte > b || b-fromByte > checkpointEvery {
		return t.Chars(b)
	}
	return fromChars + t.count(t.orig[fromByte:b])
}

// count returns the number of runes in p, counting each invalid byte as one.
// For valid UTF-8 that is the number of bytes that do not continue a rune:
// sixteen bytes at a time, a continuation byte (10xxxxxx) adds one to its
// byte's lane of a sum, and the lanes are added up after at most 127
// rounds, before any lane can overflow.
func (t *Text) count(p []byte) int {
	if len(t.Invalid) > 0 {
		return utf8.RuneCount(p)
	}
	const (
		ones  = 0x0101010101010101
		pairs = 0x00ff00ff00ff00ff
	)
	n, i := len(p), 0
	for blocks := len(p) &^ 15; i < blocks; {
		var sum uint64
		for end := min(blocks, i+16*127); i < end; i += 16 {
			q := p[i : i+16 : i+16]
			x, y := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[8:])
			// Bit 7 set and bit 6 clear; bit 6 moves to bit 7 in x<<1.
			sum += (x&^(x<<1))>>7&ones + (y&^(y<<1))>>7&ones
		}
		sum = sum&pairs + sum>>8&pairs
		n -= int(sum * 0x0001000100010001 >> 48)
	}
	for _, c := range p[i:] {
		if c&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// find returns the index of the first edit that ends after normalised byte n.
func (t *Text) find(n int) int {
	lo, hi := 0, len(t.edits)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e := t.edits[m]; e.n+e.nlen > n {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// identity maps normalised byte n in the identity run after edit prev.
func (t *Text) identity(prev, n int) int {
	if prev < 0 {
		return n
	}
	e := t.edits[prev]
	return e.o + e.olen + (n - e.n - e.nlen)
}

// start returns the original start of the source of normalised byte n.
func (t *Text) start(n int) int {
	i := t.find(n)
	if i < len(t.edits) && t.edits[i].n <= n {
		return t.edits[i].o
	}
	return t.identity(i-1, n)
}

// end returns the original end of the source of normalised byte n.
func (t *Text) end(n int) int {
	i := t.find(n)
	if i < len(t.edits) && t.edits[i].n <= n {
		return t.edits[i].o + t.edits[i].olen
	}
	return t.identity(i-1, n) + 1
}
