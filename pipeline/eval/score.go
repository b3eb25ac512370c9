package eval

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
)

// Fields scored by a [Report], in the order they are printed.
const (
	FieldOfficials = "officials"
	FieldAgencies  = "agencies"
	FieldSegments  = "segments"
	FieldEvents    = "events"
)

// Fields lists the scored fields in print order.
var Fields = []string{FieldOfficials, FieldAgencies, FieldSegments, FieldEvents}

// span is a half-open byte range of the original text.
type span struct{ start, end int }

// overlaps reports whether a and b share at least one byte: ranges that
// merely touch ([0,5) and [5,9)) do not overlap.
func (a span) overlaps(b span) bool {
	return a.start < b.end && b.start < a.end
}

func anyOverlap(a, b []span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.overlaps(y) {
				return true
			}
		}
	}
	return false
}

// occurrences returns every byte range where one of forms occurs in text.
// An occurrence glued to a letter or digit ("Xi" in "Xinhua", "PL" in
// "PLAN") is no mention of the form and is skipped — unless the form
// occurs nowhere else, so a gold form that is part of a word still counts.
func occurrences(text []byte, forms ...string) []span {
	var out []span
	for _, f := range forms {
		if f == "" {
			continue
		}
		var bounded, all []span
		for i := 0; i+len(f) <= len(text); {
			j := bytes.Index(text[i:], []byte(f))
			if j < 0 {
				break
			}
			s := span{i + j, i + j + len(f)}
			all = append(all, s)
			if wordEdges(text, s) {
				bounded = append(bounded, s)
			}
			// Advance one rune, not past the match: occurrences may overlap.
			_, size := utf8.DecodeRune(text[s.start:])
			i = s.start + size
		}
		if len(bounded) > 0 {
			out = append(out, bounded...)
		} else {
			out = append(out, all...)
		}
	}
	return out
}

// wordEdges reports whether s starts and ends at word boundaries: a
// letter or digit at an edge of s must not continue outside it.
func wordEdges(text []byte, s span) bool {
	first, _ := utf8.DecodeRune(text[s.start:])
	before, _ := utf8.DecodeLastRune(text[:s.start])
	last, _ := utf8.DecodeLastRune(text[:s.end])
	after, _ := utf8.DecodeRune(text[s.end:])
	if s.start > 0 && isWord(first) && isWord(before) {
		return false
	}
	if s.end < len(text) && isWord(last) && isWord(after) {
		return false
	}
	return true
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// FoldName is the comparison of names in scoring: [gazetteer.Fold] (case,
// diacritics and ligatures removed), with every run of spaces and
// punctuation made one space, so "Díaz-Canel" and "diaz canel" compare
// equal.
func FoldName(s string) string {
	f := gazetteer.Fold(s)
	return strings.Join(strings.FieldsFunc(f, func(r rune) bool { return !isWord(r) }), " ")
}

// Score compares one document's prediction with its gold; text is the
// document's original bytes and doc the pipeline's record (nil when the
// document could not be processed: every gold item is then missed).
//
// Entities (SPEC section 6): every occurrence of a gold mention in text is
// located. A gold official is found when one of its occurrences overlaps a
// mention of a predicted entity of type person; a gold agency likewise
// with type organization. A predicted entity counts once: TP when a mention
// overlaps an occurrence of a gold entity of its class, ignored when every
// mention overlaps an occurrence of an ignore form, otherwise FP.
// Precision is therefore counted on the prediction side (TP/(TP+FP)) and
// recall on the gold side (found/gold): two predicted entities on one gold
// official are two TPs, and one predicted entity spanning two gold
// entities finds both. Predicted entities of other types are not scored.
//
// Segments: a gold segment (its text located like a mention) is found
// when a predicted segment of the same language overlaps it; a predicted
// segment is TP when it overlaps a gold segment of its language, else FP.
// Segments are counted under their own language, everything else under the
// gold's document language.
//
// Events: a gold event and a predicted one match when their types are
// equal and at least one gold actor matches a predicted actor (by folded
// name, mention overlap, or country code); pairs are formed one-to-one,
// as many as possible, preferring pairs with more matching actors and
// the same date. Matched pairs whose gold date is not null also count
// towards the date share.
//
// Every span in doc, however deeply nested, is checked to round-trip:
// its text is text[byte[0]:byte[1]] and its char offsets are the rune
// counts before byte[0] and byte[1].
func Score(g Gold, text []byte, doc *pipeline.DocumentRecord) *Report {
	r := NewReport()
	r.Files = 1
	var (
		ents   []pipeline.EntityRecord
		segs   []pipeline.Segment
		events []predEvent
	)
	if doc != nil {
		ents, segs = doc.Entities, doc.Segments
		events = decodeEvents(doc.Events)
		checkSpans(r, g.File, text, reflect.ValueOf(doc))
	}
	ignore := occurrences(text, g.Ignore...)
	scoreEntities(r, g, FieldOfficials, "person", g.Officials, ents, text, ignore)
	scoreEntities(r, g, FieldAgencies, "organization", g.Agencies, ents, text, ignore)
	scoreSegments(r, g, segs, text)
	scoreEvents(r, g, events, text)
	return r
}

func scoreEntities(r *Report, g Gold, field, typ string, golds []GoldEntity, ents []pipeline.EntityRecord, text []byte, ignore []span) {
	c := r.counts(field, g.Lang)
	occ := make([][]span, len(golds))
	var all []span
	for i, e := range golds {
		occ[i] = occurrences(text, e.Mentions...)
		all = append(all, occ[i]...)
	}
	var predicted []span
	for _, e := range ents {
		if e.Type != typ {
			continue
		}
		ms := mentionSpans(e)
		predicted = append(predicted, ms...)
		c.Pred++
		switch {
		case anyOverlap(ms, all):
			c.TP++
		case len(ms) > 0 && allOverlap(ms, ignore):
			c.Ignored++
		default:
			c.FP++
			r.miss(g.File, field, "fp", describeEntity(e))
		}
	}
	for i, e := range golds {
		c.Gold++
		if anyOverlap(occ[i], predicted) {
			c.Found++
		} else {
			r.miss(g.File, field, "fn", e.Name)
		}
	}
}

// allOverlap reports whether every span of ms overlaps some span of in.
func allOverlap(ms, in []span) bool {
	for _, m := range ms {
		if !anyOverlap([]span{m}, in) {
			return false
		}
	}
	return true
}

func mentionSpans(e pipeline.EntityRecord) []span {
	out := make([]span, 0, len(e.Mentions))
	for _, m := range e.Mentions {
		out = append(out, span{m.Byte[0], m.Byte[1]})
	}
	return out
}

func describeEntity(e pipeline.EntityRecord) string {
	if len(e.Mentions) == 0 {
		return e.Name + " (no mentions)"
	}
	return fmt.Sprintf("%s (%q at byte %d)", e.Name, e.Mentions[0].Text, e.Mentions[0].Byte[0])
}

func scoreSegments(r *Report, g Gold, segs []pipeline.Segment, text []byte) {
	occ := make([][]span, len(g.Segments))
	for i, s := range g.Segments {
		occ[i] = occurrences(text, s.Text)
	}
	for _, p := range segs {
		c := r.counts(FieldSegments, p.Lang)
		c.Pred++
		ps := []span{{p.Span.Byte[0], p.Span.Byte[1]}}
		hit := false
		for i, s := range g.Segments {
			if s.Lang == p.Lang && anyOverlap(ps, occ[i]) {
				hit = true
				break
			}
		}
		if hit {
			c.TP++
		} else {
			c.FP++
			r.miss(g.File, FieldSegments, "fp", fmt.Sprintf("%s %q", p.Lang, shorten(p.Span.Text, 40)))
		}
	}
	for i, s := range g.Segments {
		c := r.counts(FieldSegments, s.Lang)
		c.Gold++
		found := false
		for _, p := range segs {
			if p.Lang == s.Lang && anyOverlap(occ[i], []span{{p.Span.Byte[0], p.Span.Byte[1]}}) {
				found = true
				break
			}
		}
		if found {
			c.Found++
		} else {
			r.miss(g.File, FieldSegments, "fn", fmt.Sprintf("%s %q", s.Lang, shorten(s.Text, 40)))
		}
	}
}

// predEvent is the part of an event record that scoring reads, with the
// JSON names of SPEC section 3. Events are read through their JSON
// encoding rather than the Go fields, so scoring follows the contract and
// keeps working while pipeline.EventRecord grows towards it.
type predEvent struct {
	Type         string            `json:"type"`
	Participants []predParticipant `json:"participants"`
	Date         *struct {
		Value string `json:"value"`
	} `json:"date"`
	Topic      string  `json:"topic"`
	Confidence float64 `json:"confidence"`
}

type predParticipant struct {
	Role    string         `json:"role"`
	Entity  string         `json:"entity"`
	Name    string         `json:"name"`
	Type    string         `json:"type"`
	Country string         `json:"country"`
	Mention *pipeline.Span `json:"mention"`
}

func decodeEvents(evs []pipeline.EventRecord) []predEvent {
	out := make([]predEvent, 0, len(evs))
	for _, ev := range evs {
		var pe predEvent
		raw, err := json.Marshal(ev)
		if err == nil {
			err = json.Unmarshal(raw, &pe)
		}
		if err != nil {
			// A record that does not encode cannot be emitted either;
			// keep its type so it still counts as a prediction.
			pe = predEvent{Type: ev.Type}
		}
		out = append(out, pe)
	}
	return out
}

func (e predEvent) date() string {
	if e.Date == nil {
		return ""
	}
	return e.Date.Value
}

// goldActor is a gold event actor resolved for matching: its folded
// forms and the occurrences of the gold entity it names.
type goldActor struct {
	code  string          // ISO 3166 alpha-3 when the actor is a country
	forms map[string]bool // FoldName of the actor and of its entity's mentions
	occ   []span
}

func resolveActor(g Gold, name string, text []byte) goldActor {
	a := goldActor{forms: map[string]bool{FoldName(name): true}}
	mentions := []string{name}
	entity := false
	for _, list := range [][]GoldEntity{g.Officials, g.Agencies} {
		for _, e := range list {
			if e.Name == name {
				entity = true
				mentions = append(mentions, e.Mentions...)
			}
		}
	}
	for _, m := range mentions {
		a.forms[FoldName(m)] = true
	}
	a.occ = occurrences(text, mentions...)
	// "FAR" or "EFE" in the gold's agencies are names; an uppercase
	// three-letter actor that names no gold entity is a country.
	if !entity && isCountryCode(name) {
		a.code = name
	}
	return a
}

func isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// matches reports whether a predicted participant is the gold
// actor: for a country, by country code (a participant acting for that
// country — the country itself, or an official of it — matches, as the
// gold writes delegations as countries); for a named actor, by folded name
// or mention text, or by its mention overlapping an occurrence of the
// gold entity's mentions.
func (a goldActor) matches(p predParticipant) bool {
	if a.code != "" {
		return p.Country == a.code || p.Entity == "country/"+a.code
	}
	if a.forms[FoldName(p.Name)] {
		return true
	}
	if p.Mention != nil {
		if a.forms[FoldName(p.Mention.Text)] {
			return true
		}
		if anyOverlap([]span{{p.Mention.Byte[0], p.Mention.Byte[1]}}, a.occ) {
			return true
		}
	}
	return false
}

func scoreEvents(r *Report, g Gold, preds []predEvent, text []byte) {
	c := r.counts(FieldEvents, g.Lang)
	c.Gold += len(g.Events)
	c.Pred += len(preds)
	actors := make([][]goldActor, len(g.Events))
	for i, e := range g.Events {
		for _, name := range e.Actors {
			actors[i] = append(actors[i], resolveActor(g, name, text))
		}
	}
	// Candidates of each gold event, best first: more matching actors,
	// then the same date, so that the date share measures dates rather
	// than the order of events.
	cands := make([][]int, len(g.Events))
	for gi, ge := range g.Events {
		score := map[int]int{}
		for pi, pe := range preds {
			if ge.Type != pe.Type {
				continue
			}
			n := 0
			for _, a := range actors[gi] {
				for _, p := range pe.Participants {
					if (p.Role == "actor" || p.Role == "") && a.matches(p) {
						n++
						break
					}
				}
			}
			if n == 0 {
				continue
			}
			score[pi] = 2 * n
			if ge.Date != nil && dateMatches(*ge.Date, pe.date()) {
				score[pi]++
			}
			cands[gi] = append(cands[gi], pi)
		}
		slices.SortStableFunc(cands[gi], func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	}
	// One-to-one matching by augmenting paths (Kuhn): a plain greedy pass
	// lets an early gold event take the only prediction a later one could
	// match, and so would score the same output differently depending on
	// the order of the gold.
	goldOf := make([]int, len(preds))
	for i := range goldOf {
		goldOf[i] = -1
	}
	var augment func(gi int, seen []bool) bool
	augment = func(gi int, seen []bool) bool {
		for _, pi := range cands[gi] {
			if seen[pi] {
				continue
			}
			seen[pi] = true
			if goldOf[pi] < 0 || augment(goldOf[pi], seen) {
				goldOf[pi] = gi
				return true
			}
		}
		return false
	}
	for gi := range g.Events {
		augment(gi, make([]bool, len(preds)))
	}
	goldDone := make([]bool, len(g.Events))
	predDone := make([]bool, len(preds))
	for pi, gi := range goldOf {
		if gi < 0 {
			continue
		}
		goldDone[gi], predDone[pi] = true, true
		c.Found++
		c.TP++
		if d := g.Events[gi].Date; d != nil {
			r.Dates.WithGold++
			if dateMatches(*d, preds[pi].date()) {
				r.Dates.Right++
			} else {
				ge := g.Events[gi]
				r.miss(g.File, FieldEvents, "date", fmt.Sprintf("%s %s: gold %s, predicted %s", ge.Type, strings.Join(ge.Actors, ", "), *d, cmp.Or(preds[pi].date(), "null")))
			}
		}
		if ge := g.Events[gi]; ge.Topic != "" {
			r.Topics.WithGold++
			if ge.Topic == preds[pi].Topic {
				r.Topics.Right++
			} else {
				r.miss(g.File, FieldEvents, "topic", fmt.Sprintf("%s %s: gold %s, predicted %s", ge.Type, strings.Join(ge.Actors, ", "), ge.Topic, preds[pi].Topic))
			}
		}
	}
	r.Dates.Matched += c.Found
	for gi, ge := range g.Events {
		if !goldDone[gi] {
			r.miss(g.File, FieldEvents, "fn", fmt.Sprintf("%s %s", ge.Type, strings.Join(ge.Actors, ", ")))
		}
	}
	for pi, pe := range preds {
		if pe.Confidence >= HighConfidence {
			r.Bands.High++
			if predDone[pi] {
				r.Bands.HighRight++
			}
		} else {
			r.Bands.Low++
			if predDone[pi] {
				r.Bands.LowRight++
			}
		}
		if !predDone[pi] {
			c.FP++
			var names []string
			for _, p := range pe.Participants {
				names = append(names, cmp.Or(p.Name, p.Entity, p.Country))
			}
			r.miss(g.File, FieldEvents, "fp", strings.TrimSpace(pe.Type+" "+strings.Join(names, ", ")))
		}
	}
}

// dateMatches reports whether a predicted date value agrees with a gold
// date: equal, or within a month-precision gold date ("2023-04" and
// "2023-04-03").
func dateMatches(gold, pred string) bool {
	return gold != "" && (pred == gold || strings.HasPrefix(pred, gold+"-"))
}

var spanType = reflect.TypeFor[pipeline.Span]()

// checkSpans walks every exported field of v and checks each
// pipeline.Span it finds, so that spans in fields added later (event
// participants, dates, places) are checked without a change here.
func checkSpans(r *Report, file string, text []byte, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkSpans(r, file, text, v.Elem())
		}
	case reflect.Struct:
		if v.Type() == spanType {
			r.Spans.Total++
			if msg := spanError(v.Interface().(pipeline.Span), text); msg != "" {
				r.spanError(fmt.Sprintf("%s: %s", file, msg))
			} else {
				r.Spans.OK++
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				checkSpans(r, file, text, v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkSpans(r, file, text, v.Index(i))
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			checkSpans(r, file, text, it.Value())
		}
	}
}

// spanError says what is wrong with s as a span of text, or "" if nothing.
func spanError(s pipeline.Span, text []byte) string {
	b0, b1 := s.Byte[0], s.Byte[1]
	if b0 < 0 || b1 < b0 || b1 > len(text) {
		return fmt.Sprintf("byte %v out of range (text has %d bytes)", s.Byte, len(text))
	}
	if got := string(text[b0:b1]); got != s.Text {
		return fmt.Sprintf("byte %v: text %q, original %q", s.Byte, shorten(s.Text, 40), shorten(got, 40))
	}
	c0 := utf8.RuneCount(text[:b0])
	c1 := c0 + utf8.RuneCount(text[b0:b1])
	if s.Char != [2]int{c0, c1} {
		return fmt.Sprintf("byte %v %q: char %v, want [%d %d]", s.Byte, shorten(s.Text, 40), s.Char, c0, c1)
	}
	return ""
}
