package swar

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// TestByteTests checks LetterRun, ZeroBytes and Load64 against byte loops
// with every byte value at every position, behind letters, zeros and
// random bytes.
func TestByteTests(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for pos := range 8 {
		for c := range 256 {
			for _, fill := range []byte{'a', 'Z', 0, 1} {
				var b [8]byte
				for i := range b {
					b[i] = fill
					if fill == 1 {
						b[i] = byte(rng.IntN(256))
					}
				}
				b[pos] = byte(c)
				x := binary.LittleEndian.Uint64(b[:])
				require.Equal(t, x, Load64(string(b[:]), 0))
				want := 0
				for want < 8 && isLetter(b[want]) {
					want++
				}
				require.Equal(t, want, LetterRun(x), "%q", b)
				var zeros uint64
				for i, v := range b {
					if v == 0 {
						zeros |= 0x80 << (8 * i)
					}
				}
				require.Equal(t, zeros, ZeroBytes(x), "%q", b)
			}
		}
	}
}

// TestASCII holds ASCII to a byte loop: every byte value at every
// position of strings of 0 to 19 bytes, around the eight-byte steps.
func TestASCII(t *testing.T) {
	for n := range 20 {
		require.True(t, ASCII(string(make([]byte, n))), "%d zeros", n)
		for pos := range n {
			for c := range 256 {
				b := []byte("abcdefghijklmnopqrs")[:n]
				b[pos] = byte(c)
				require.Equal(t, c < 0x80, ASCII(string(b)), "%q", b)
			}
		}
	}
}
