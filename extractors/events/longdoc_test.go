package events

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// TestMentionLookupsMatchScans holds startingAt and upTo to scans of all
// mentions, with nested and repeated starts, ordered or not.
func TestMentionLookupsMatchScans(t *testing.T) {
	e := &gazetteer.Entity{ID: "x"}
	ms := []Mention{{0, 4, e, false}, {0, 9, e, false}, {6, 6, e, false}, {6, 12, e, false}, {20, 25, e, false}, {20, 22, e, false}, {30, 31, e, false}}
	for _, ordered := range []bool{true, false} {
		in := Input{Mentions: ms, ordered: ordered}
		for off := -1; off <= 33; off++ {
			var want []Mention
			for _, m := range ms {
				if m.Start == off {
					want = append(want, m)
				}
			}
			var got []Mention
			for _, m := range startingAt(in, off) {
				if m.Start == off {
					got = append(got, m)
				}
			}
			assert.Equal(t, want, got, "startingAt %d", off)
			// Every mention that ends at or before off is among the first upTo.
			n := upTo(in, off)
			for i, m := range ms {
				if m.End <= off {
					assert.Less(t, i, n, "upTo %d", off)
				}
			}
		}
	}
}

// dedupScan is dedup as it was before its index: every event compared
// with every event kept before it.
func dedupScan(evs []Event) []Event {
	var out []Event
	for _, ev := range evs {
		merged := false
		if ev.Type != TypeStatement && ev.Type != TypeDeny && ev.Type != TypeAccuse {
			for i := range out {
				if same(&out[i], &ev) {
					out[i] = merge(out[i], ev)
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, ev)
		}
	}
	return out
}

// TestDedupIndexMatchesScan holds dedup to the scan on random events of
// few types, persons and countries, so that merges chain: an event that
// gains an actor by a merge is found by that actor afterwards.
func TestDedupIndexMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	persons := []*gazetteer.Entity{
		{ID: "p1", Type: gazetteer.TypePerson, Country: "RUS"},
		{ID: "p2", Type: gazetteer.TypePerson, Country: "RUS"},
		{ID: "p3", Type: gazetteer.TypePerson, Country: "CUB"},
		{ID: "p4", Type: gazetteer.TypePerson},
	}
	others := []*gazetteer.Entity{
		{ID: "c1", Type: gazetteer.TypeCountry, Country: "RUS"},
		{ID: "c2", Type: gazetteer.TypeCountry, Country: "CUB"},
		{ID: "c3", Type: gazetteer.TypeCountry, Country: "CHN"},
		{ID: "o1", Type: gazetteer.TypeOrganization, Country: "CHN"},
		{ID: "o2", Type: gazetteer.TypeOrganization},
	}
	all := append(slices.Clone(persons), others...)
	types := []string{TypeMeet, TypeSignAgreement, TypeAgree, TypeStatement}
	for round := range 200 {
		var evs []Event
		for range 1 + r.IntN(40) {
			ev := Event{Type: types[r.IntN(len(types))], lead: r.IntN(4) == 0, Modality: Modality{Future: r.IntN(5) == 0}}
			for range 1 + r.IntN(3) {
				role := RoleActor
				if r.IntN(3) == 0 {
					role = RoleRecipient
				}
				ev.Participants = append(ev.Participants, Participant{Role: role, Entity: all[r.IntN(len(all))]})
			}
			ev.Rules = []string{"r" + strings.Repeat("x", r.IntN(3))}
			evs = append(evs, ev)
		}
		want := dedupScan(slices.Clone(evs))
		got := dedup(slices.Clone(evs))
		require.Equal(t, len(want), len(got), "round %d", round)
		for i := range want {
			assert.Equal(t, want[i].String(), got[i].String(), "round %d event %d", round, i)
			assert.Equal(t, want[i].Rules, got[i].Rules, "round %d event %d", round, i)
		}
	}
}

// TestHistoryWindow: forget drops only what no rule looks back to.
func TestHistoryWindow(t *testing.T) {
	var history [][]Participant
	p := []Participant{{Role: RoleActor}}
	for i := range 30 {
		history = append(history, p)
		forget(history)
		for back := 1; back <= min(maxBack, len(history)); back++ {
			require.NotNil(t, history[len(history)-back], "sentence %d, %d back", i, back)
		}
	}
	assert.Nil(t, history[0])
}

// TestLongAndShortReadingsAgree: a document read a sentence at a time, as
// a long one is, gives the events of one whose words are kept between the
// passes.
func TestLongAndShortReadingsAgree(t *testing.T) {
	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	defer func(n int) { keepWordsUpTo = n }(keepWordsUpTo)
	for i, in := range ins {
		keepWordsUpTo = maxPooledWords
		short := x.Extract(in)
		keepWordsUpTo = -1
		long := x.Extract(in)
		require.NotEmpty(t, short, "seed %d", i)
		assert.Equal(t, short, long, "seed %d", i)
	}
}

// TestPooledTimelineForgets: the timeline lives in the pooled arenas;
// reset leaves it as a new one, but for the room of its lists, and a
// document's events do not depend on the documents read before it with
// the same arenas.
func TestPooledTimelineForgets(t *testing.T) {
	var tl timeline
	tl.reset(dates.Anchor{}, []dates.Footer{{}})
	d := Date{}
	tl.last, tl.since, tl.tweet = &d, 2, tweetCount{1, 2, 3}
	tl.sd = sentDates{exprs: make([]dates.Expr, 2), clauses: []int{1}, future: []bool{true}, anchor: tl.anchor, last: &d, own: true}
	tl.find.Find("am 3. März 2020 und am 4. März")
	tl.reset(dates.Anchor{}, nil)
	require.Empty(t, tl.sd.exprs)
	require.Positive(t, cap(tl.sd.exprs))
	got := tl
	got.sd.exprs, got.sd.clauses, got.sd.future, got.find = nil, nil, nil, dates.Finder{}
	require.Equal(t, timeline{}, got)

	all, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	ins, _ := seedInputs(t, true)
	forward := make([][]Event, len(ins))
	for i, in := range ins {
		forward[i] = x.Extract(in)
	}
	for i := len(ins) - 1; i >= 0; i-- {
		require.Equal(t, forward[i], x.Extract(ins[i]), "seed %d", i)
	}
}
