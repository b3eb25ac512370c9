package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// eventID hashes by hand what fmt wrote before; identifiers must not move.
func TestEventIDAsFmt(t *testing.T) {
	for _, c := range []struct {
		doc, typ   string
		start, end int
	}{{"d1", "SIGN_AGREEMENT", 0, 7}, {"seeds/000.txt", "MEET", 1234, 1240}, {"", "", 0, 0}, {strings.Repeat("x", 300), "VISIT", 5, 99999}} {
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%d\x00%d", c.doc, c.typ, c.start, c.end))
		require.Equal(t, "ev_"+hex.EncodeToString(sum[:8]), eventID(c.doc, c.typ, c.start, c.end))
	}
}
