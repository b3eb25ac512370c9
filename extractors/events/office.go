package events

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gazex/gazex/gazetteer"
)

// Office is asked once per official entity per document (pipeline's
// official), for the same few hundred role texts again and again; the
// answer depends on the role alone. Tokenising the role and trying each
// of the offices patterns on each word cost about 1 % of the dev corpus's
// instructions: the answers are kept, per Extractor, for up to
// maxOfficeMemo distinct roles.

// maxOfficeMemo bounds the roles whose answer is kept (a gazetteer of a
// million names could otherwise keep as many).
const maxOfficeMemo = 1 << 16

type officeMemo struct {
	m sync.Map // role → bool
	n atomic.Int64
}

// Office reports whether a role as a text states it ("Verteidigungsminister",
// "la diputada", "Ex-environment secretary") names a state office in any
// of the languages: a word of it matches an office entry of a lexicon.
func (x *Extractor) Office(role string) bool {
	memo := x.officeMemo
	if memo == nil {
		return x.office(role)
	}
	if v, ok := memo.m.Load(role); ok {
		return v.(bool)
	}
	got := x.office(role)
	if memo.n.Add(1) <= maxOfficeMemo {
		// A copy: the role may be a slice of a document's text, which
		// the memo must not keep alive.
		memo.m.Store(strings.Clone(role), got)
	}
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
