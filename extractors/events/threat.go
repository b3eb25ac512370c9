package events

// threat reports a readiness trigger whose complement is force: "su
// voluntad de desplegar las armas nucleares tácticas", "bereit,
// Atomwaffen einzusetzen", "ready to use military force". A state ready
// to strike threatens; it declares no will to cooperate. The cue "threat"
// names the words of force (weapons, attacks, war, retaliation); it counts
// within five words after the trigger, in its clause or the complement
// clause after it, unless a word of cooperation (an
// object: "Zusammenarbeit", "cooperación") comes first ("bereit zur
// Zusammenarbeit bei der Abwehr von Angriffen").
func threat(ws []word, lex *view, tr hit) bool {
	// maxThreatGap is how far after the trigger the force is named: its
	// complement's first words ("de usar las armas", "to use military
	// force"), not a purpose further on ("a cooperar con Rusia contra los
	// ataques").
	const maxThreatGap = 5
	if tr.e.value != TypeCooperateIntent || lex.has&(1<<kindCue) == 0 {
		return false
	}
	// The complement is the trigger's clause, or the next one when the
	// trigger ends its own ("bereit, Atomwaffen einzusetzen").
	last := tr.i + tr.n - 1
	clause := ws[tr.i].clause
	if last+1 < len(ws) && ws[last+1].clause != clause {
		clause = ws[last+1].clause
	}
	first := -1 // the first threat word of the complement
	for _, c := range lex.find(kindCue) {
		if c.e.name == "threat" && c.i > last && c.i-last <= maxThreatGap && (ws[c.i].clause == ws[tr.i].clause || ws[c.i].clause == clause) && (first < 0 || c.i < first) {
			first = c.i
		}
	}
	if first < 0 {
		return false
	}
	for _, o := range lex.find(kindObject) {
		if o.i > tr.i && o.i < first {
			return false
		}
	}
	return true
}
