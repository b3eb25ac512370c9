package events

import "strings"

// continuedSpeech removes a German statement that goes on with what the
// same person said in the sentence right before ("Merkel hatte … von
// „harten Evidenzen“ gesprochen. Das belaste die Beziehungen, sagte die
// Kanzlerin."; "Er sprach von „Megafon-Diplomatie“."): reported speech
// runs over several sentences, each with its verb of saying, and is one
// statement, the first, which what it says may have typed an accusation
// or a denial. So is an accusation after the same speaker's accusation
// (or a denial after a denial). An accusation or denial after a plain
// statement adds a type and stays; so does anything after a sentence
// between.
func continuedSpeech(text string, evs []Event) []Event {
	found := false
	for k := range evs {
		e := &evs[k]
		if !isSpeech(e.Type) || e.Lang != "de" {
			continue
		}
		j := k - 1
		for j >= 0 && evs[j].SentStart == e.SentStart {
			j--
		}
		if j < 0 || evs[j].SentEnd > e.SentStart || strings.TrimSpace(text[evs[j].SentEnd:e.SentStart]) != "" {
			continue // no event in the sentence right before
		}
		i := j
		for i > 0 && evs[i-1].SentStart == evs[j].SentStart {
			i--
		}
		if spokeBefore(evs[i:j+1], e) {
			e.continued, found = true, true
		}
	}
	if !found {
		return evs
	}
	return deleteEvents(evs, func(e *Event) bool { return e.continued })
}

// spokeBefore reports whether a speech event of evs has a person actor
// of e: any speech event before a statement, one of its type before an
// accusation or denial.
func spokeBefore(evs []Event, e *Event) bool {
	for k := range evs {
		a := &evs[k]
		if !isSpeech(a.Type) || e.Type != TypeStatement && a.Type != e.Type {
			continue
		}
		for _, p := range a.Participants {
			if p.Role != RoleActor || !isPerson(p) {
				continue
			}
			for _, q := range e.Participants {
				if q.Role == RoleActor && q.Entity.ID == p.Entity.ID {
					return true
				}
			}
		}
	}
	return false
}
