// Package swar holds the eight-bytes-at-a-time tests (SIMD within a
// register) that the scanners of langid, dates, events and sentences
// share: a word's letters, a sentence's quotation marks or a word's
// non-ASCII bytes found a machine word at a time instead of a byte at a
// time. Each function is exact per byte: no carry runs from one byte into
// the next.
package swar

import "math/bits"

const (
	high = 0x8080808080808080
	low7 = 0x7F7F7F7F7F7F7F7F
)

// Load64 reads the eight bytes of s from i, little-endian (one load).
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ASCII reports whether every byte of s is below 0x80, eight at a time.
func ASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if Load64(s, i)&high != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ZeroBytes returns bit 7 set in each zero byte of x and clear elsewhere;
// ZeroBytes(x ^ 0x2222222222222222) marks the bytes of x that are '"'.
func ZeroBytes(x uint64) uint64 {
	return ^((x&low7 + low7) | x) & high
}

// LetterRun returns how many of the eight bytes of x (little-endian) are
// ASCII letters before the first one that is not: 8 when all are. Per
// byte: t is the byte with bit 5 set and bit 7 cleared, a letter has t in
// 0x61-0x7A (t+0x1F reaches bit 7, t+5 does not) and bit 7 of the byte
// clear.
func LetterRun(x uint64) int {
	t := (x | 0x2020202020202020) & low7
	letters := (t + 0x1F1F1F1F1F1F1F1F) &^ (t + 0x0505050505050505) &^ x & high
	return bits.TrailingZeros64(^letters&high) / 8
}
