package pipeline

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// PositionsAt returns the positions e held on d and the one of them a
// record names (SPEC section 3): the first that roleText names ("U.S.
// Secretary of State" for someone who was also acting National Security
// Advisor), else the highest-ranking. The list is in rank order; both are
// empty when no position covers d.
func PositionsAt(e *gazetteer.Entity, d gazetteer.Date, roleText string) (*gazetteer.Position, []*gazetteer.Position) {
	var held []*gazetteer.Position
	for i := range e.Positions {
		if e.Positions[i].Covers(d) {
			held = append(held, &e.Positions[i])
		}
	}
	if len(held) == 0 {
		return nil, nil
	}
	// Rank, then the latest start first (as [gazetteer.Entity.PositionAt]
	// chooses), then the gazetteer's order. Each title is ranked once,
	// not at every comparison (titleRank folds the title).
	type ranked struct {
		p    *gazetteer.Position
		rank int
	}
	var buf [8]ranked
	rs := buf[:0]
	for _, p := range held {
		rs = append(rs, ranked{p, titleRank(p.Title)})
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return b.p.From.Compare(a.p.From)
	})
	for i, r := range rs {
		held[i] = r.p
	}
	if roleText != "" {
		role := gazetteer.Fold(roleText)
		for _, p := range held {
			if gazetteer.NamesOffice(role, gazetteer.Fold(p.Title)) {
				return p, held
			}
		}
	}
	return held[0], held
}

// titleRank orders titles by rank, lower first: heads of state, heads of
// government, their deputies, ministers, the rest; acting and deputy
// holders below the full holders of the same rank.
func titleRank(title string) int {
	t := gazetteer.Fold(title)
	rank := 8
	switch {
	case strings.HasPrefix(t, "president") || strings.HasPrefix(t, "king") || strings.HasPrefix(t, "queen") ||
		strings.HasPrefix(t, "emir") || strings.HasPrefix(t, "supreme leader") || strings.HasPrefix(t, "head of state"):
		rank = 0
	case strings.HasPrefix(t, "prime minister") || strings.HasPrefix(t, "chancellor") || strings.HasPrefix(t, "premier"):
		rank = 2
	case strings.HasPrefix(t, "vice president") || strings.HasPrefix(t, "first vice") || strings.HasPrefix(t, "deputy prime"):
		rank = 4
	case strings.Contains(t, "minister") || strings.HasPrefix(t, "secretary of"):
		rank = 6
	}
	for _, lower := range []string{"acting", "deputy", "vice", "interim", "state secretary", "assistant", "under"} {
		if strings.Contains(t, lower) && !(rank == 4 && lower != "acting") {
			rank++
			break
		}
	}
	return rank
}
