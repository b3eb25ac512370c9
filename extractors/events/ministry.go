package events

import "strings"

// A ministry in a capital is the ministry of the capital's state, as a
// government there is ("das Außenministerium in Moskau warf den USA … vor",
// "el Ministerio de Defensa en Kiev"): the state acts (capital.body). Not an
// embassy or a consulate, which stand in another state's capital ("die
// russische Botschaft in Berlin").

// ministryAt reports a ministry noun at word j.
func ministryAt(ws []word, j int) bool {
	if j < 0 {
		return false
	}
	f := ws[j].fold
	return strings.HasSuffix(f, "ministerium") || f == "ministerio" || f == "cancilleria" || f == "kanzleramt" || f == "aussenamt"
}
