package gazetteer

import (
	"slices"
	"strings"
)

// office is one kind of office: stems of the folded role texts that name
// it in German, Spanish and English, and stems of the gazetteer's
// (English) position titles.
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

// NamesOffice reports whether a role as a text states it ("der britische
// Außenminister", "el canciller", "Foreign Secretary") and a position's
// title ("Foreign Secretary of the United Kingdom") name the same kind of
// office. Both are folded ([Fold]). The role decides the kind: the first
// kind whose role stems it holds, so that "Vizekanzler" is no chancellor.
func NamesOffice(role, title string) bool {
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
