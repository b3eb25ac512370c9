package events

// load64 reads the eight bytes of s from i, little-endian (one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes returns bit 7 set in each zero byte of x and clear elsewhere
// (exact: no carry runs between bytes).
func zeroBytes(x uint64) uint64 {
	const (
		high = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
	)
	return ^((x&low7 + low7) | x) & high
}

// mayStartQuote reports whether one of the eight bytes of x is '"' or
// the first byte of a curly quote or guillemet (0xC2, 0xE2): readMarks
// passes eight bytes at a time that hold none.
func mayStartQuote(x uint64) bool {
	return zeroBytes(x^0x2222222222222222)|zeroBytes(x^0xC2C2C2C2C2C2C2C2)|zeroBytes(x^0xE2E2E2E2E2E2E2E2) != 0
}
