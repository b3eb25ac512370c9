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
			if namesOffice(role, gazetteer.Fold(p.Title)) {
				return p, held
			}
		}
	}
	return held[0], held
}

// office is one kind of office: stems of the folded role texts that name
// it in German, Spanish and English, and stems of the gazetteer's
// (English) titles.
type office struct{ role, title []string }

// offices are tried in order: the narrower first ("Vizepräsident" before
// "Präsident").
var offices = []office{
	{role: []string{"vize", "vice"}, title: []string{"vice", "deputy"}},
	{role: []string{"sicherheitsberater", "national security advis", "seguridad nacional"}, title: []string{"national security advis"}},
	{role: []string{"aussenminister", "chefdiplomat", "canciller", "exteriores", "foreign", "secretary of state", "secretario de estado de ee"}, title: []string{"foreign", "secretary of state", "external affairs"}},
	{role: []string{"verteidigung", "defensa", "defense", "defence", "pentagon"}, title: []string{"defen"}},
	{role: []string{"innenminister", "interior", "homeland", "home secretary"}, title: []string{"interior", "home ", "homeland", "internal affairs"}},
	{role: []string{"finanzminister", "hacienda", "finanzas", "treasury", "finance"}, title: []string{"finance", "treasury", "hacienda"}},
	{role: []string{"sprecher", "portavoz", "vocero", "spokes", "press secretary"}, title: []string{"spokes", "press secretary"}},
	{role: []string{"kanzler", "premier", "primer ministro", "primera ministra", "prime minister", "regierungschef", "presidente del gobierno", "jefe del gobierno"}, title: []string{"prime minister", "chancellor", "premier", "president of the government"}},
	{role: []string{"prasident", "presidente", "presidenta", "president", "staatschef", "jefe de estado", "mandatari"}, title: []string{"president"}},
}

// namesOffice reports whether a folded role text and a folded title name
// the same kind of office.
func namesOffice(role, title string) bool {
	has := func(s string, stems []string) bool {
		return slices.ContainsFunc(stems, func(t string) bool { return strings.Contains(s, t) })
	}
	for _, o := range offices {
		if has(role, o.role) {
			return has(title, o.title)
		}
	}
	return false
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
