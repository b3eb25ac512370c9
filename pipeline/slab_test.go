package pipeline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCut holds cut to what the records need of it: each piece empty, not
// nil, of its own capacity, appends to one piece leave the next alone, and
// a slab too small still gives a piece.
func TestCut(t *testing.T) {
	slab := make([]int, 0, 5)
	a := cut(&slab, 2)
	b := cut(&slab, 0)
	c := cut(&slab, 3)
	require.NotNil(t, b)
	require.Equal(t, []int{0, 2, 0, 3}, []int{len(a), cap(a), len(c), cap(c)})
	a = append(a, 1, 2)
	c = append(c, 7, 8, 9)
	require.Equal(t, []int{1, 2}, a)
	require.Equal(t, []int{1, 2, 7, 8, 9}, slab[:5])
	a = append(a, 3) // past its piece: a copy, c untouched
	require.Equal(t, []int{7, 8, 9}, c)
	d := cut(&slab, 1) // the slab is used up
	require.NotNil(t, d)
	require.Equal(t, 1, cap(d))
	require.Len(t, slab, 5)
	_ = a
}
