package events

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// maxTweetLinks is how many bytes of links a tweet may carry besides its text.
const maxTweetLinks = 400

// linkRunes counts the runes of the links in s ("https://t.co/…",
// "pic.twitter.com/…", and what is glued to them), which do not count
// towards a tweet's length.
func linkRunes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], " \n")
		if j < 0 {
			j = len(s) - i
		}
		if f := s[i : i+j]; strings.Contains(f, "://") || strings.Contains(f, "pic.twitter.com/") {
			n += utf8.RuneCountInString(f)
		}
		i += j + 1
	}
	return n
}

// tweetAnchor is the date a sentence's relative dates are read against:
// the day of the tweet footer that closes it when the sentence lies within
// a tweet's length before that footer ("firmaron hoy … — Canal Caribe
// (@CanalCaribeCuba) April 3, 2023"), else the document's anchor.
func tweetAnchor(text string, s Sentence, footers []dates.Footer, a dates.Anchor) dates.Anchor {
	for _, f := range footers {
		if f.Start < s.Start {
			continue
		}
		between := text[s.Start:f.Start]
		if len(between) > 4*maxTweetRunes+maxTweetLinks || strings.Contains(between, "\n") {
			return a // far before the footer, or not on its line
		}
		if utf8.RuneCountInString(between)-linkRunes(between) <= maxTweetRunes {
			return f.Date
		}
		return a
	}
	return a
}

// triggers are the trigger hits of a sentence: plain triggers, and those
// that need an object cue in their clause ("zu verstärken" counts with
// "Zusammenarbeit", not with "Anstrengungen").
func (x *Extractor) triggers(ws []word, lex *view) []hit {
	out := lex.find(kindTrigger)
	objs := lex.find(kindObject)
	for _, h := range lex.find(kindNeedsObject) {
		if slices.ContainsFunc(objs, func(o hit) bool { return ws[o.i].clause == ws[h.i].clause }) {
			out = append(out, h)
		}
	}
	slices.SortStableFunc(out, func(a, b hit) int { return a.i - b.i })
	return out
}

// sides adds, for "die Parteien", "beide Seiten", "ambas partes", "both
// sides", the two countries the text spoke of last (within maxSidesBack
// sentences): the sides of a bilateral event, named before.
func (x *Extractor) sides(cands []Participant, ws []word, lex *view, history [][]Participant) []Participant {
	hs := lex.find(kindSides)
	if len(hs) == 0 {
		return cands
	}
	var codes []string
	for back := 1; back <= maxSidesBack && back <= len(history) && len(codes) < 2; back++ {
		for _, p := range history[len(history)-back] {
			c := p.Entity.Country
			if c == "" || c == "INT" || slices.Contains(codes, c) || x.country[c] == nil {
				continue
			}
			codes = append(codes, c)
			if len(codes) == 2 {
				break
			}
		}
	}
	if len(codes) < 2 {
		return cands
	}
	h := hs[0]
	start, end := ws[h.i].start, ws[h.i+h.n-1].end
	out := slices.Clone(cands)
	for _, c := range codes {
		e := x.country[c]
		if i := slices.IndexFunc(out, func(p Participant) bool { return p.Entity == e }); i >= 0 {
			out[i].side, out[i].rule = true, h.e.rule
			continue
		}
		out = append(out, Participant{Entity: e, Start: start, End: end, at: start, side: true, rule: h.e.rule})
	}
	slices.SortStableFunc(out, func(a, b Participant) int { return a.at - b.at })
	return out
}

// roleNouns resolves a role noun that names no one next to it ("der
// russische Führer", "erklärte der Präsident", "el canciller") to the
// nearest person named before whose office fits the noun (and the
// nationality adjective before it, if any), and who is not already named
// in the sentence. The participant's mention is the earlier name; its
// place in the syntax is the role noun's.
func (x *Extractor) roleNouns(in Input, s Sentence, cands []Participant, ws []word, lex *view) []Participant {
	hs := lex.find(kindRole)
	if len(hs) == 0 {
		return cands
	}
	out := cands
	for _, h := range hs {
		w := ws[h.i]
		if !w.cap && s.Lang == "de" {
			continue
		}
		if named(in, ws, h.i+h.n) {
			continue // "Präsident Xi Jinping", "Kreml-Sprecher Peskow"
		}
		country := ""
		for k := h.i - 1; k >= 0 && k >= h.i-2; k-- {
			if c := ws[k].adj; c != nil {
				country = c.Country
				break
			}
		}
		titles := strings.Split(h.e.value, "|")
		for i := len(in.Mentions) - 1; i >= 0; i-- {
			m := in.Mentions[i]
			if m.End > w.start || m.Entity.Type != gazetteer.TypePerson {
				continue
			}
			if w.start-m.End > maxRoleBack {
				break
			}
			if country != "" && m.Entity.Country != country {
				continue
			}
			if !holds(m.Entity, titles) {
				continue
			}
			if slices.ContainsFunc(out, func(p Participant) bool { return p.Entity == m.Entity }) {
				continue // the sentence names them: the role noun is someone else
			}
			out = append(slices.Clone(out), Participant{Entity: m.Entity, Start: m.Start, End: m.End, at: w.start, rule: h.e.rule})
			break
		}
	}
	slices.SortStableFunc(out, func(a, b Participant) int { return a.at - b.at })
	return out
}

// named reports whether a person mention starts at word k or k+1 (a name
// after a role noun, perhaps after a nationality word).
func named(in Input, ws []word, k int) bool {
	for j := k; j < len(ws) && j <= k+1; j++ {
		for _, m := range in.Mentions {
			if m.Start == ws[j].start && m.Entity.Type == gazetteer.TypePerson {
				return true
			}
		}
	}
	return false
}

// holds reports whether e ever held an office whose title starts with one
// of titles.
func holds(e *gazetteer.Entity, titles []string) bool {
	for _, p := range e.Positions {
		for _, t := range titles {
			if strings.HasPrefix(p.Title, t) {
				return true
			}
		}
	}
	return false
}

// markObjects flags the persons named within three words after an object
// marker ("dem US-Staatschef Trump", "al presidente X"): they receive.
func markObjects(cands []Participant, ws []word, lex *view) {
	ms := lex.find(kindObjectMarker)
	if len(ms) == 0 {
		return
	}
	for i, p := range cands {
		if p.Entity.Type != gazetteer.TypePerson || p.at != p.Start {
			continue
		}
		k := slices.IndexFunc(ws, func(w word) bool { return w.start >= p.at })
		for _, m := range ms {
			if k > m.i && k-m.i <= 3 {
				cands[i].object = true
			}
		}
	}
}

// nominalLimit returns, for a German noun trigger inside a sentence
// ("eines China-Besuchs"), the offset up to which a person after it is its
// agent: the end of its clause, at most maxNominalWords on; else -1.
func nominalLimit(lang string, ws []word, tr hit) int {
	if lang != "de" || tr.i == 0 || !ws[tr.i].cap {
		return -1
	}
	limit := -1
	for k := tr.i + tr.n; k < len(ws) && k <= tr.i+maxNominalWords && ws[k].clause == ws[tr.i].clause; k++ {
		limit = ws[k].end
	}
	return limit
}

// prune removes the events of one sentence that another of its events
// already says:
//   - a readiness to cooperate that is the content of a named person's
//     statement is that statement; without a named speaker, the statement
//     is the readiness ("Die Beamten betonten die Notwendigkeit, … auszubauen");
//   - a readiness to cooperate, or a planned event, after an agreement or
//     signing is what was agreed ("vereinbarten, ihre Zusammenarbeit zu
//     verstärken", "beschlossen, die nächsten Konsultationen abzuhalten");
//   - a statement whose "dass"/"que"/"that" clause reports another event is
//     that event's attribution: its speaker is added to the event.
func prune(evs []Event, ws []word, lex *view) []Event {
	if len(evs) < 2 {
		return evs
	}
	st := slices.IndexFunc(evs, func(e Event) bool { return e.Type == TypeStatement })
	co := slices.IndexFunc(evs, func(e Event) bool { return e.Type == TypeCooperateIntent })
	drop := make([]bool, len(evs))
	if st >= 0 && co >= 0 {
		if slices.ContainsFunc(evs[st].Participants, func(p Participant) bool {
			return p.Role == RoleActor && p.Entity.Type == gazetteer.TypePerson
		}) {
			drop[co] = true
		} else {
			drop[st] = true
		}
	}
	for i, e := range evs {
		for _, a := range evs {
			if (a.Type == TypeAgree || a.Type == TypeSignAgreement) && a.TrigStart < e.TrigStart &&
				(e.Type == TypeCooperateIntent || e.Modality.Future) {
				drop[i] = true
			}
		}
	}
	if st >= 0 && !drop[st] {
		comps := lex.find(kindComplement)
		for _, c := range comps {
			at := ws[c.i].start
			if at < evs[st].TrigStart {
				continue
			}
			for i, e := range evs {
				if i == st || drop[i] || e.TrigStart < at || !reported[e.Type] {
					continue
				}
				drop[st] = true
				if sp := speaker(TypeStatement, evs[st].Participants, true); sp != nil &&
					!slices.ContainsFunc(e.Attribution, func(a Attribution) bool { return a.Entity == sp.Entity }) {
					evs[i].Attribution = append(evs[i].Attribution, *sp)
				}
			}
			break
		}
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// reported are the event types a statement's content clause may report.
var reported = map[string]bool{
	TypeSignAgreement: true, TypeAgree: true, TypeConsult: true, TypeMeet: true, TypeVisit: true, TypeDeny: true, TypeAccuse: true,
}
