package pipeline

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/events"
)

// TestSortMentions holds sortMentions' merge of runs to the stable sort
// it replaced, on mentions in runs (as the pipeline gathers them: by
// entity, each in text order), in random order, sorted, reversed and
// with many equal starts (End tells equal starts apart).
func TestSortMentions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 600 {
		for shape := range 8 {
			ms := make([]events.Mention, n)
			for i := range ms {
				ms[i] = events.Mention{Start: rng.IntN(n/3 + 1), End: i}
				switch shape {
				case 4: // starts far apart, as in a long text
					ms[i].Start = rng.IntN(1 << 20)
				case 5: // crowded into a few buckets but for one far off (the merge)
					ms[i].Start = rng.IntN(8)
					if i == 0 {
						ms[i].Start = 1 << 20
					}
				case 6: // negative starts (the merge)
					ms[i].Start -= n / 6
				case 7: // ascending runs of far-apart starts
					ms[i].Start = rng.IntN(1 << 16)
				}
			}
			if shape == 7 {
				for lo := 0; lo < n; {
					hi := min(n, lo+1+rng.IntN(n/4+1))
					slices.SortStableFunc(ms[lo:hi], func(a, b events.Mention) int { return a.Start - b.Start })
					lo = hi
				}
			}
			switch shape {
			case 0: // runs of random length, each ascending
				for lo := 0; lo < n; {
					hi := min(n, lo+1+rng.IntN(n/4+1))
					slices.SortStableFunc(ms[lo:hi], func(a, b events.Mention) int { return a.Start - b.Start })
					lo = hi
				}
			case 1: // sorted
				slices.SortStableFunc(ms, func(a, b events.Mention) int { return a.Start - b.Start })
			case 2: // descending: a run per mention but equal starts
				slices.SortStableFunc(ms, func(a, b events.Mention) int { return b.Start - a.Start })
			}
			want := slices.Clone(ms)
			slices.SortStableFunc(want, func(a, b events.Mention) int { return cmp.Compare(a.Start, b.Start) })
			sortMentions(ms, nil)
			require.Equal(t, want, ms, "n=%d shape=%d", n, shape)
		}
	}
}
