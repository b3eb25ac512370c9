package events

// ruleDecree is the provenance of a signing retyped by [decree].
const ruleDecree = "sense.decree"

// decree reports a signing whose clause names a law or a decree and no
// treaty: "el gobierno de Costa Rica firmó la directriz 133-MP",
// "Steinmeier hat das Gesetz unterzeichnet", "the president signed the
// bill". Signing a law or a decree is an act of one state (OTHER), not an
// agreement between parties. The cue "decree" names the words; a treaty
// cue in the clause keeps the signing ("firmó la ley que ratifica el
// tratado").
func decree(ws []word, lex *view, tr hit) bool {
	if tr.e.value != TypeSignAgreement || lex.has&(1<<kindCue) == 0 {
		return false
	}
	clause, found := ws[tr.i].clause, false
	for _, c := range lex.find(kindCue) {
		if ws[c.i].clause != clause {
			continue
		}
		switch c.e.name {
		case "decree":
			found = true
		case "tratado", "vertrag", "treaty":
			return false
		}
	}
	return found
}
