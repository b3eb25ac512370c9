package events

// The victim of an act named as a noun: "el Ministerio de Hacienda fue
// objeto de un ataque de delincuentes cibernéticos", "the ministry was
// the target of an attack". What the sentence names before the noun suffers the act, as the
// subject of a passive does. The cue "victim" names the words (objeto de,
// víctima de, target of, victim of); it counts right before the trigger,
// an article or two between. German names its attacks by nouns that are
// no triggers of acts: it has no such cue.

// maxVictimGap is how many words (articles, an adjective) may stand
// between the victim cue and its trigger.
const maxVictimGap = 2

// victimCue returns the index of the first word of a victim cue right
// before tr in its clause, or -1. Only acts (OTHER) and accusations have
// victims: "Ziel des Besuchs" is where a visit goes.
func victimCue(ws []word, lex *view, tr hit) int {
	if tr.e.value != TypeOther && tr.e.value != TypeAccuse || lex.has&(1<<kindCue) == 0 {
		return -1
	}
	for _, c := range lex.find(kindCue) {
		if end := c.i + c.n; c.e.name == "victim" && end <= tr.i && tr.i-end <= maxVictimGap && ws[c.i].clause == ws[tr.i].clause {
			return c.i
		}
	}
	return -1
}

// victims gives the roles of an act whose victim cue starts at word cue:
// the participants named before the cue receive it. An act whose doer
// the sentence names after the noun ("objeto de un ataque de Rusia")
// keeps it only where the roles found it; a genitive names no state that
// acts, so more often the event has no actor and is none.
func victims(ps []Participant, ws []word, cue int) []Participant {
	for i := range ps {
		if ps[i].at < ws[cue].start {
			ps[i].Role = RoleRecipient
		}
	}
	return ps
}
