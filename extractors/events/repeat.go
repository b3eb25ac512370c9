package events

// Scraped pages repeat sentences: the page's title is its first heading
// too, a lead stands again under a photo. A sentence read twice reports
// one statement (accusation, denial), not two; dedup merges the other
// types by their participants, but keeps every statement apart, so a
// statement whose sentence, trigger and actors repeat those of one before
// it is dropped here. Only the repeatsBack events before each are compared:
// a repeated title or lead stands near its first reading, and a long
// document's events are not compared all with all.

// repeatsBack is how many events before a statement may be its repeat.
const repeatsBack = 32

// repeatedSpeech drops the statements, accusations and denials that
// repeat an earlier one word for word.
func repeatedSpeech(text string, evs []Event) []Event {
	found := false
	for k := range evs {
		e := &evs[k]
		if !isSpeech(e.Type) {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-repeatsBack; j-- {
			if p := &evs[j]; !p.repeat && repeats(text, p, e) {
				e.repeat, found = true, true
				break
			}
		}
	}
	if !found {
		return evs
	}
	return deleteEvents(evs, func(e *Event) bool { return e.repeat })
}

// repeats reports whether e is p read again: same type, a sentence of the
// same words elsewhere, the trigger at the same place in it, the same
// actors.
func repeats(text string, p, e *Event) bool {
	if p.Type != e.Type || p.SentStart == e.SentStart || p.SentEnd-p.SentStart != e.SentEnd-e.SentStart ||
		p.TrigStart-p.SentStart != e.TrigStart-e.SentStart || text[p.SentStart:p.SentEnd] != text[e.SentStart:e.SentEnd] {
		return false
	}
	n := 0
	for _, a := range e.Participants {
		if a.Role != RoleActor {
			continue
		}
		n++
		found := false
		for _, b := range p.Participants {
			if b.Role == RoleActor && b.Entity == a.Entity {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, b := range p.Participants {
		if b.Role == RoleActor {
			n--
		}
	}
	return n == 0
}
