package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
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

// dateValue formats by hand what dates.Value.String writes with fmt.
func TestDateValueAsString(t *testing.T) {
	for _, y := range []int{-1, 0, 7, 999, 2024, 9999, 10000} {
		for _, m := range []int{-1, 0, 1, 12, 99, 100} {
			for _, d := range []int{-3, 0, 5, 31, 99, 100} {
				for _, g := range []string{dates.Day, dates.Week, dates.Month, dates.Year, ""} {
					v := dates.Value{Year: y, Month: m, Day: d, Granularity: g}
					require.Equal(t, v.String(), dateValue(v), "%+v", v)
				}
			}
		}
	}
}
