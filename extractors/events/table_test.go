package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// TestTables holds the tables find reads to the maps they are built
// from: every key finds its refs, and words and keys that are no key find
// none.
func TestTables(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	for _, l := range x.lex {
		ix := l.all
		var others []string
		for w, rs := range ix.whole {
			got, ok := ix.wholeTab.get(w, wordHash(w))
			require.True(t, ok, w)
			require.Equal(t, rs, got, w)
			others = append(others, w+"x", "x"+w, w[:len(w)/2], strings.ToUpper(w))
		}
		for _, w := range others {
			rs, known := ix.whole[w]
			got, ok := ix.wholeTab.get(w, wordHash(w))
			require.Equal(t, known, ok, w)
			require.Equal(t, rs, got, w)
		}
		for _, tc := range []struct {
			m   map[uint32][]ref
			tab *key3Table
		}{{ix.prefix, &ix.preTab}, {ix.suffix, &ix.sufTab}} {
			for k, rs := range tc.m {
				got, ok := tc.tab.get(k, key3Hash(k))
				require.True(t, ok)
				require.Equal(t, rs, got)
				for _, o := range []uint32{k ^ 1, k ^ 0x100, k ^ 0x10000, k + 7} {
					want, known := tc.m[o]
					got, ok := tc.tab.get(o, key3Hash(o))
					require.Equal(t, known, ok)
					require.Equal(t, want, got)
				}
			}
		}
	}
}

// TestMergeRefs: merging two lists in order is sorting them together.
func TestMergeRefs(t *testing.T) {
	x, err := New(nil)
	require.NoError(t, err)
	for _, l := range x.lex {
		ix := l.all
		var lists [][]ref
		for _, rs := range ix.prefix {
			lists = append(lists, rs)
		}
		for _, rs := range ix.suffix {
			lists = append(lists, rs)
		}
		lists = append(lists, ix.rest, nil)
		for i, a := range lists {
			for _, b := range lists[max(0, i-5) : i+1] {
				want := append(slices.Clone(a), b...)
				if len(a) > 0 && len(b) > 0 && a[0] == b[0] {
					continue // the same list twice: refs are never equal in find
				}
				sortRefs(want)
				assert.Equal(t, want, mergeRefs(nil, a, b))
				assert.Equal(t, want, mergeRefs(nil, b, a))
			}
		}
	}
}

// TestHasEither holds hasEither to hasAnyByte on every length up to a
// few machine words, with the bytes at every place.
func TestHasEither(t *testing.T) {
	var set [256]bool
	set['y'], set['f'] = true, true
	for n := 0; n <= 26; n++ {
		base := strings.Repeat("abcdeghijk", 3)[:n]
		require.False(t, hasEither(base, 'y', 'f'), base)
		for i := 0; i < n; i++ {
			for _, c := range []byte{'y', 'f', 'y' | 0x80, 'f' - 1, 0} {
				s := base[:i] + string(c) + base[i+1:]
				assert.Equal(t, hasAnyByte(s, &set), hasEither(s, 'y', 'f'), "%q", s)
			}
		}
	}
	for _, s := range []string{"cyber", "informationssicherheit", "ciberseguridad", "ÿÿÿÿÿÿÿÿÿ", "ffff"} {
		assert.Equal(t, hasAnyByte(s, &set), hasEither(s, 'y', 'f'), "%q", s)
	}
}

// TestSlowPaths: the events are the same with every fast path of
// Extract replaced by its slow definition (slowPaths).
func TestSlowPaths(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	defer func() { slowPaths = false }()
	for i, in := range ins {
		slowPaths = false
		fast := x.Extract(in)
		slowPaths = true
		slow := x.Extract(in)
		require.NotEmpty(t, slow, "seed %d", i)
		assert.Equal(t, slow, fast, "seed %d", i)
	}
}

func byStart(m Mention, at int) int { return m.Start - at }

// TestFirstFrom holds firstFrom to slices.BinarySearchFunc.
func TestFirstFrom(t *testing.T) {
	ins, _ := seedInputs(t, false)
	for _, in := range ins {
		ms := in.Mentions
		for at := -1; at <= len(in.Text)+1; at++ {
			want, _ := slices.BinarySearchFunc(ms, at, byStart)
			require.Equal(t, want, firstFrom(ms, at), at)
		}
		require.Equal(t, 0, firstFrom(nil, 5))
	}
}

// TestAdjTab: the table of adjective prefixes holds the keys of
// adjPrefix and no other.
func TestAdjTab(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	require.NotEmpty(t, x.adjPrefix)
	for k := range x.adjPrefix {
		for _, o := range []uint32{k, k ^ 1, k ^ 0x100, k ^ 0x10000, k + 7} {
			assert.Equal(t, x.adjPrefix[o], x.hasAdjPrefix(o), o)
		}
	}
}

// TestIsConjunction holds isConjunction to the map conjunction.
func TestIsConjunction(t *testing.T) {
	words := []string{"", "un", "unde", "Und", "yy", "o", "butt"}
	for w := range conjunction {
		words = append(words, w, w+"s")
	}
	for _, w := range words {
		assert.Equal(t, conjunction[w], isConjunction(w), w)
	}
}
