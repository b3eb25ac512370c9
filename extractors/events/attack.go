package events

// A statement that reports an attack accuses the attack's doer: "sagte,
// russische Staatshacker hätten Deutschland angegriffen", "warnte vor der
// Gefahr durch chinesische Cyberattacken", "sprach von einem gezielten
// Angriff". Two kinds of talk of attacks accuse no one, unless the
// sentence names a doer:
//   - attacks as a kind of act, a plural without an article: "bereitet den
//     Boden für Angriffe auf Medien", "misiles capaces de efectuar ataques
//     nucleares contra Estados Unidos";
//   - the attack a reply answers, in the reply's clause: "respondió a un
//     nuevo ataque de" a person the text does not resolve (the one who
//     replies was attacked).
//
// An attack told by its verb (the cue "attacked": "hätten das Ministerium
// angegriffen", "atacaron", "hacked") is a deed, whose doer the sentence
// names or leaves unknown. A doer is a participant of the statement, not
// its speaker, in the attack's clause, and not right after a preposition
// of the target (the cue "target": auf, gegen; contra, a; on, against),
// an article between at most.

// accusesOfAttack reports whether the statement st accuses someone of the
// attack at hit h of its sentence.
func accusesOfAttack(st *Event, ws []word, lex *view, h hit) bool {
	if cueAt(lex, "attacked", h.i) || attackDoer(st, ws, lex, h) {
		return true
	}
	if tr := wordFrom(ws, st.TrigStart); tr >= 0 && lex.at(kindReply, tr) && ws[tr].clause == ws[h.i].clause {
		return false
	}
	return !cueAt(lex, "attacks", h.i) || h.i > 0 && lex.at(kindArticle, h.i-1)
}

// attackDoer reports whether the attack at hit h of the sentence of st
// has a doer among st's participants.
func attackDoer(st *Event, ws []word, lex *view, h hit) bool {
	var speaker *Participant
	for i := range st.Participants {
		if st.Participants[i].Role == RoleActor {
			speaker = &st.Participants[i]
			break
		}
	}
	for i := range st.Participants {
		p := &st.Participants[i]
		if p.Role == RoleActor || speaker != nil && p.Entity == speaker.Entity || p.clause != ws[h.i].clause {
			continue
		}
		if k := wordFrom(ws, p.at); k >= 0 && ws[k].start == p.at && !targetBefore(ws, lex, k) {
			return true
		}
	}
	return false
}

// targetBefore reports whether word k follows a target preposition in its
// clause, an article (any one word) between at most.
func targetBefore(ws []word, lex *view, k int) bool {
	for _, c := range lex.find(kindCue) {
		if c.e.name == "target" && c.i < k && k-c.i <= 2 && ws[c.i].clause == ws[k].clause {
			return true
		}
	}
	return false
}
