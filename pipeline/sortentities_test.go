package pipeline

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByFirstMention holds sortByFirstMention to slices.SortStableFunc
// on random lists with many equal offsets.
func TestSortByFirstMention(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := r.IntN(40)
		es := make([]EntityRecord, n)
		for i := range es {
			es[i] = EntityRecord{ID: string(rune('A' + i%26)), Name: string(rune('a' + i/26)), Mentions: []Mention{{Span: Span{Byte: [2]int{r.IntN(n/2 + 1), 0}}}}}
		}
		if r.IntN(4) == 0 {
			slices.SortStableFunc(es, func(a, b EntityRecord) int { return a.Mentions[0].Byte[0] - b.Mentions[0].Byte[0] })
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, func(a, b EntityRecord) int { return a.Mentions[0].Byte[0] - b.Mentions[0].Byte[0] })
		sortByFirstMention(es)
		for i := range es {
			if es[i].ID != want[i].ID || es[i].Name != want[i].Name {
				t.Fatalf("n=%d: at %d got %s%s, want %s%s", n, i, es[i].ID, es[i].Name, want[i].ID, want[i].Name)
			}
		}
	}
}
