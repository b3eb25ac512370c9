package dates

import "math/bits"

// letterEnd returns the end of the run of ASCII letters of text from i
// on: where the first byte from i that is not one is, or len(text). It
// reads eight bytes at a time (letterRun8) while eight are left, so that
// cues passes a word of news in a step or two rather than a table test a
// byte. TestLetterEnd holds it to the byte loop.
func letterEnd(text string, i int) int {
	for i+8 <= len(text) {
		k := letterRun8(load64(text, i))
		i += k
		if k < 8 {
			return i
		}
	}
	for i < len(text) && byteClass[text[i]] == classLetter {
		i++
	}
	return i
}

// load64 reads the eight bytes of s from i, little-endian (one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// letterRun8 returns how many of the eight bytes of x (little-endian) are
// ASCII letters before the first one that is not: 8 when all are. Per
// byte, without carries between bytes: t is the byte with bit 5 set and
// bit 7 cleared, a letter has t in 0x61-0x7A (t+0x1F reaches bit 7, t+5
// does not) and bit 7 of the byte clear. (langid has the same for its
// words.)
func letterRun8(x uint64) int {
	const (
		high = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
	)
	t := (x | 0x2020202020202020) & low7
	letters := (t + 0x1F1F1F1F1F1F1F1F) &^ (t + 0x0505050505050505) &^ x & high
	return bits.TrailingZeros64(^letters&high) / 8
}
