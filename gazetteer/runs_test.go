package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// findSlow is Find as it was before runs: caseFits asked of every entry
// of every candidate node, longest first.
func findSlow(ix *Index, toks []Token) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		var best Match
		var n uint32
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].LineBreak {
				break
			}
			var ok bool
			if n, ok = ix.child(n, ix.keys[toks[j].Key]); !ok {
				break
			}
			var fit []*Entry
			entries := ix.nodeEntries(n)
			for k := range entries {
				if e := &entries[k]; e.caseFits(toks[i : j+1]) {
					fit = append(fit, e)
				}
			}
			if len(fit) > 0 {
				best = Match{Start: i, End: j + 1, Entries: fit}
			}
		}
		if best.Entries == nil {
			i++
			continue
		}
		out = append(out, best)
		i = best.End
	}
	return out
}

// TestRunsMatchSlow holds longestAt, which asks caseFits once per run
// and hands out the node's own pointers when all entries fit, to asking
// every entry, on the seeds in their own case, all lowercase and all
// uppercase, with the default index (which keeps pointers) and without
// its pointers (a million-name index's way); and checks that the entries
// of a run are alike.
func TestRunsMatchSlow(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	ix := defaultOnce.index
	require.NotNil(t, ix.ptrs)
	noPtrs := *ix
	noPtrs.ptrs = nil
	long := 0
	for n := range ix.nodes {
		from, to := ix.at[n], ix.at[n+1]
		for k := from; k < to; k++ {
			e := &ix.entries[k]
			if to-from == 1 {
				require.Zero(t, e.run)
				continue
			}
			// The run is contiguous, ends at e.run, and its entries are alike.
			require.True(t, k < e.run && e.run <= to)
			require.Equal(t, e.run, ix.entries[e.run-1].run)
			require.True(t, e.run == to || ix.entries[e.run].run != e.run)
			if k > from && e.SameRun(&ix.entries[k-1]) {
				require.True(t, e.alike(&ix.entries[k-1]), e.Form)
				if e.run-k > 10 {
					long++
				}
			} else if k > from {
				require.False(t, e.alike(&ix.entries[k-1]), e.Form)
			}
		}
	}
	require.Positive(t, long, "no long runs: the test covers little")
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	shared := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b) + "\nDas Außenministerium, das AUSSENMINISTERIUM, das aussenministerium; Putin, PUTIN, putin; die EU, die eu."
		for _, s := range []string{text, strings.ToLower(text), strings.ToUpper(text)} {
			toks := Tokens(s)
			want := findSlow(ix, toks)
			got := ix.Find(toks)
			require.Equal(t, want, got, f)
			require.Equal(t, want, noPtrs.Find(toks), f)
			require.Equal(t, want, ix.FindWith(ix.KeyFilter(), toks), f)
			for _, m := range got {
				if len(m.Entries) > 1 && &m.Entries[0] == &ix.ptrs[ix.at[nodeOf(ix, toks[m.Start:m.End])]] {
					shared++
				}
			}
		}
	}
	require.Positive(t, shared)
}

// nodeOf returns the node that the keys of toks lead to.
func nodeOf(ix *Index, toks []Token) uint32 {
	var n uint32
	for _, t := range toks {
		n, _ = ix.child(n, ix.keys[t.Key])
	}
	return n
}

// TestKeyFilterEdges holds the key filter's table of edges to the
// index's map: every edge, and the edges one key number or one node
// away, which mostly are none.
func TestKeyFilterEdges(t *testing.T) {
	defaultOnce.Do(loadDefault)
	require.NoError(t, defaultOnce.err)
	ix := defaultOnce.index
	kf := ix.KeyFilter()
	require.NotNil(t, kf)
	require.NotEmpty(t, ix.edges)
	misses := 0
	for key := range ix.edges {
		n, k := uint32(key>>32), uint32(key)
		for _, nk := range [][2]uint32{{n, k}, {n, k + 1}, {n + 1, k}, {n, k - 1}, {n - 1, k}} {
			if nk[0] == 0 || nk[1] == 0 {
				continue
			}
			want, wok := ix.child(nk[0], nk[1])
			got, ok := kf.child(nk[0], nk[1])
			require.Equal(t, wok, ok, nk)
			require.Equal(t, want, got, nk)
			if !ok {
				misses++
			}
		}
	}
	require.Positive(t, misses)
}
