package events

import (
	"slices"

	"github.com/gazex/gazex/gazetteer"
)

// dedupIndex finds, for dedup, the events kept so far that an event may
// be the same as: those of its type and modality that share an actor's
// person id or an actor's country with it, which [same] asks of any two
// it merges. A long document's events are then compared with the few that
// share an actor, not with every event before them; the first that is
// [same] is the one a scan would find, as candidates come in order.
type dedupIndex struct {
	lists map[dedupKey][]int // ascending indexes into dedup's out, each at most once
	done  []int              // per index: how many of its participants are indexed
	cand  []int
}

type dedupKey struct {
	typ      string
	modality Modality
	person   bool   // id is a person's entity id, else a country code
	id       string // the id
}

// add indexes the participants of out[i], ev, not indexed yet (merge only
// appends participants).
func (x *dedupIndex) add(i int, ev Event) {
	if x.lists == nil {
		x.lists = map[dedupKey][]int{}
	}
	for len(x.done) <= i {
		x.done = append(x.done, 0)
	}
	for _, p := range ev.Participants[x.done[i]:] {
		if p.Role != RoleActor {
			continue
		}
		if p.Entity.Type == gazetteer.TypePerson {
			x.put(dedupKey{ev.Type, ev.Modality, true, p.Entity.ID}, i)
		}
		if p.Entity.Country != "" {
			x.put(dedupKey{ev.Type, ev.Modality, false, p.Entity.Country}, i)
		}
	}
	x.done[i] = len(ev.Participants)
}

func (x *dedupIndex) put(k dedupKey, i int) {
	l := x.lists[k]
	if j, found := slices.BinarySearch(l, i); !found {
		x.lists[k] = slices.Insert(l, j, i)
	}
}

// candidates returns, ascending, the indexes of the events that may be
// the same as ev. The slice is valid until the next call.
func (x *dedupIndex) candidates(ev Event) []int {
	x.cand = x.cand[:0]
	for _, p := range ev.Participants {
		if p.Role != RoleActor {
			continue
		}
		if p.Entity.Type == gazetteer.TypePerson {
			x.cand = append(x.cand, x.lists[dedupKey{ev.Type, ev.Modality, true, p.Entity.ID}]...)
		}
		if p.Entity.Country != "" {
			x.cand = append(x.cand, x.lists[dedupKey{ev.Type, ev.Modality, false, p.Entity.Country}]...)
		}
	}
	slices.Sort(x.cand)
	x.cand = slices.Compact(x.cand)
	return x.cand
}
