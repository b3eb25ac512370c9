package events

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDeleteEvents holds deleteEvents to slices.DeleteFunc on random
// lists of events, deleting none, some and all.
func TestDeleteEvents(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := r.IntN(8)
		evs := make([]Event, n)
		for i := range evs {
			evs[i] = Event{TrigStart: i, Modality: Modality{Negated: r.IntN(3) == 0, Hypothetical: r.IntN(4) == 0}}
		}
		del := func(ev *Event) bool { return ev.Modality.Negated || ev.Modality.Hypothetical }
		want := slices.DeleteFunc(slices.Clone(evs), func(ev Event) bool { return del(&ev) })
		got := deleteEvents(slices.Clone(evs), del)
		assert.Equal(t, want, got)
	}
}

// TestAdjTable holds the table tokenWords reads adjectives from to the
// map it is built from: every key, and keys that are not there.
func TestAdjTable(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	require.NotEmpty(t, x.adjective)
	for i, m := range x.adjOf {
		require.NotEmpty(t, m)
		for k, e := range m {
			assert.Same(t, e, x.adjWords[i].get(k), k)
			for _, other := range []string{k + "x", "x" + k, k[:len(k)/2]} {
				assert.Equal(t, m[other], x.adjWords[i].get(other), other)
			}
		}
	}
}

// TestKindMemo holds a view's lists, kept in its memo, to a scan of its
// hits for each kind, the kinds asked in random orders, twice, on the
// sentences of the seeds.
func TestKindMemo(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	r := rand.New(rand.NewPCG(3, 4))
	var bufs arenaBufs
	var memo kindMemo
	asked := 0
	for _, in := range ins {
		tok := 0
		for _, s := range in.Sentences {
			_, v := x.sentenceWords(in, s, &tok, &bufs, false)
			plain := v
			memo.reset()
			v.memo = &memo
			for range 2 {
				for _, k := range r.Perm(int(numKinds)) {
					want := plain.find(kind(k))
					got := v.find(kind(k))
					if len(want) == 0 {
						assert.Empty(t, got)
						continue
					}
					assert.Equal(t, want, got, "kind %v", kind(k))
					asked++
				}
			}
		}
	}
	assert.Positive(t, asked)
}

// TestOneWords holds each entry's one-word patterns, as modality reads
// them, to wordMatch and the prefix and suffix tests on the pattern's
// spelling, on the words of the seeds and words made from each pattern.
func TestOneWords(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	folds := map[string]bool{"": false}
	for _, in := range ins {
		for _, tok := range in.Tokens {
			folds[tok.Fold] = true
		}
	}
	var entries []*entry
	for _, l := range x.lex {
		entries = append(entries, l.entries...)
	}
	for _, e := range entries {
		for _, seq := range e.patterns {
			core := strings.Trim(seq[0], "*$^")
			for _, w := range []string{core, "x" + core, core + "x", "x" + core + "x", seq[0]} {
				folds[w] = true
			}
		}
	}
	checked := 0
	for _, e := range entries {
		var want []oneWord
		for _, seq := range e.patterns {
			if len(seq) == 1 {
				want = append(want, oneWord{suffix: strings.HasPrefix(seq[0], "*") && !strings.HasSuffix(seq[0], "*")})
			}
		}
		require.Len(t, e.single, len(want), e.rule)
		k := 0
		for _, seq := range e.patterns {
			if len(seq) != 1 {
				continue
			}
			c := e.single[k]
			assert.Equal(t, want[k].suffix, c.suffix, "%s %q", e.rule, seq[0])
			for f := range folds {
				if w := wordMatch(seq[0], f); w != c.w.match(f) {
					t.Errorf("%s %q %q: wordMatch %v", e.rule, seq[0], f, w)
				}
				checked++
			}
			k++
		}
	}
	assert.Positive(t, checked)
}
