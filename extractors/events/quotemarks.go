package events

import "github.com/gazex/gazex/internal/swar"

// mayStartQuote reports whether one of the eight bytes of x is '"' or
// the first byte of a curly quote or guillemet (0xC2, 0xE2): readMarks
// passes eight bytes at a time that hold none.
func mayStartQuote(x uint64) bool {
	return swar.ZeroBytes(x^0x2222222222222222)|swar.ZeroBytes(x^0xC2C2C2C2C2C2C2C2)|swar.ZeroBytes(x^0xE2E2E2E2E2E2E2E2) != 0
}
