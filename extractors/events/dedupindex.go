package events

import (
	"iter"
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
	heads [][]int            // candidates' lists, as far as walked
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

// candidates yields, ascending and each once, the indexes of the events
// that may be the same as ev: the lists of its actors merged as they are
// walked, so that the first match costs only the candidates before it.
func (x *dedupIndex) candidates(ev Event) iter.Seq[int] {
	x.heads = x.heads[:0]
	for _, p := range ev.Participants {
		if p.Role != RoleActor {
			continue
		}
		if p.Entity.Type == gazetteer.TypePerson {
			if l := x.lists[dedupKey{ev.Type, ev.Modality, true, p.Entity.ID}]; len(l) > 0 {
				x.heads = append(x.heads, l)
			}
		}
		if p.Entity.Country != "" {
			if l := x.lists[dedupKey{ev.Type, ev.Modality, false, p.Entity.Country}]; len(l) > 0 {
				x.heads = append(x.heads, l)
			}
		}
	}
	return func(yield func(int) bool) {
		heads := x.heads
		for {
			least := -1
			for _, l := range heads {
				if len(l) > 0 && (least < 0 || l[0] < least) {
					least = l[0]
				}
			}
			if least < 0 || !yield(least) {
				return
			}
			for k, l := range heads {
				if len(l) > 0 && l[0] == least {
					heads[k] = l[1:]
				}
			}
		}
	}
}
