package events

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"github.com/gazex/gazex/gazetteer"
)

// Office is asked once per official entity per document (pipeline's
// official), for the same few hundred role texts again and again; the
// answer depends on the role alone. Tokenising the role and trying each
// of the offices patterns on each word cost about 1 % of the dev corpus's
// instructions: the answers are kept, per Extractor, in a table of
// officeSlots roles placed by a hash of the role, each slot holding the
// last role placed there (a role that finds another in its slot is
// worked out again, and takes the slot).

// officeSlots is the size of the table (a power of two).
const officeSlots = 1 << 12

type officeMemo struct {
	seed  maphash.Seed
	slots [officeSlots]atomic.Pointer[officeAnswer]
}

type officeAnswer struct {
	role string
	ok   bool
}

// Office reports whether a role as a text states it ("Verteidigungsminister",
// "la diputada", "Ex-environment secretary") names a state office in any
// of the languages: a word of it matches an office entry of a lexicon.
func (x *Extractor) Office(role string) bool {
	memo := x.officeMemo
	if memo == nil {
		return x.office(role)
	}
	slot := &memo.slots[maphash.String(memo.seed, role)&(officeSlots-1)]
	if a := slot.Load(); a != nil && a.role == role {
		return a.ok
	}
	got := x.office(role)
	// A copy: the role may be a slice of a document's text, which the
	// memo must not keep alive.
	slot.Store(&officeAnswer{strings.Clone(role), got})
	return got
}

// office is Office without the memo.
func (x *Extractor) office(role string) bool {
	for _, t := range gazetteer.Tokens(role) {
		for _, p := range x.offices {
			if wordMatch(p, t.Fold) {
				return true
			}
		}
	}
	return false
}
