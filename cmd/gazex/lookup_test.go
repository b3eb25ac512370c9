package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupShowsAllPositions: someone holding two offices on the date has
// the highest-ranking as position and both in positions (SPEC section 3).
func TestLookupShowsAllPositions(t *testing.T) {
	out, stderr, code := gazex(t, "", "gazetteer", "lookup", "Marco Rubio", "--date", "2025-06-10")
	require.Equal(t, 0, code, stderr)
	var line struct {
		Position  struct{ Title string }   `json:"position"`
		Positions []struct{ Title string } `json:"positions"`
	}
	require.NoError(t, json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &line), out)
	assert.Equal(t, "Secretary of State (United States)", line.Position.Title)
	require.Len(t, line.Positions, 2)
	assert.Equal(t, "Acting National Security Advisor (United States)", line.Positions[1].Title)
}
