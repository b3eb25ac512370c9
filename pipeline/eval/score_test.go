package eval

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

// spanOf returns the correct span of the nth (0-based) occurrence of s in
// text, as the pipeline must produce it.
func spanOf(t *testing.T, text, s string, nth int) pipeline.Span {
	t.Helper()
	at := -1
	for i := 0; i <= nth; i++ {
		j := strings.Index(text[at+1:], s)
		require.GreaterOrEqual(t, j, 0, "%q occurs fewer than %d times", s, nth+1)
		at += 1 + j
	}
	return pipeline.Span{
		Text: s,
		Byte: [2]int{at, at + len(s)},
		Char: [2]int{utf8.RuneCountInString(text[:at]), utf8.RuneCountInString(text[:at+len(s)])},
	}
}

func mention(sp pipeline.Span) pipeline.Mention {
	return pipeline.Mention{Span: sp, Lang: "de", Match: "exact"}
}

func entity(typ, name string, spans ...pipeline.Span) pipeline.EntityRecord {
	e := pipeline.EntityRecord{ID: typ + "/" + name, Type: typ, Name: name, Source: "gazetteer"}
	for _, sp := range spans {
		e.Mentions = append(e.Mentions, mention(sp))
	}
	return e
}

func rawSpan(text string, b0, b1 int) pipeline.Span {
	return pipeline.Span{
		Text: text[b0:b1],
		Byte: [2]int{b0, b1},
		Char: [2]int{utf8.RuneCountInString(text[:b0]), utf8.RuneCountInString(text[:b1])},
	}
}

const deText = "MOSKAU (BelTA). Lawrow und Peskow trafen Jorge Luis Perdomo. " +
	"Laut Xinhua sagte Xi Jinping, Perdomo habe das Außenministerium besucht. Die Prensa Latina meldet es."

func deGold() Gold {
	return Gold{
		File: "t.txt", Lang: "de",
		Officials: []GoldEntity{
			{Name: "Jorge Luis Perdomo", Mentions: []string{"Jorge Luis Perdomo", "Perdomo"}, Country: "CUB"},
			{Name: "Xi Jinping", Mentions: []string{"Xi Jinping", "Xi"}, Country: "CHN"},
			{Name: "Dmitri Peskow", Mentions: []string{"Peskow"}, Country: "RUS"},
		},
		Agencies: []GoldEntity{
			{Name: "BelTA", Mentions: []string{"BelTA"}, Country: "BLR"},
			{Name: "russisches Außenministerium", Mentions: []string{"Außenministerium"}, Country: "RUS"},
		},
		Ignore: []string{"Lawrow"},
	}
}

func TestScoreEntities(t *testing.T) {
	text := deText
	sp := func(s string, nth int) pipeline.Span { return spanOf(t, text, s, nth) }
	tests := []struct {
		name      string
		ents      []pipeline.EntityRecord
		officials Counts
		agencies  Counts
	}{{
		name:      "nothing predicted: every gold entity is missed",
		officials: Counts{Gold: 3},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "a later mention finds the entity",
		ents:      []pipeline.EntityRecord{entity("person", "Jorge Luis Perdomo", sp("Perdomo", 1))},
		officials: Counts{Gold: 3, Found: 1, Pred: 1, TP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "a partial overlap is enough",
		ents:      []pipeline.EntityRecord{entity("person", "Luis", sp("Luis Perdomo", 0))},
		officials: Counts{Gold: 3, Found: 1, Pred: 1, TP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "a prediction on no gold form is an FP",
		ents:      []pipeline.EntityRecord{entity("person", "Moskau", sp("MOSKAU", 0))},
		officials: Counts{Gold: 3, Pred: 1, FP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "a prediction only on ignore forms counts neither way",
		ents:      []pipeline.EntityRecord{entity("person", "Sergei Lawrow", sp("Lawrow", 0))},
		officials: Counts{Gold: 3, Pred: 1, Ignored: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "an ignore form plus an ungold mention is an FP",
		ents:      []pipeline.EntityRecord{entity("person", "Sergei Lawrow", sp("Lawrow", 0), sp("MOSKAU", 0))},
		officials: Counts{Gold: 3, Pred: 1, FP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "an entity without mentions is an FP, not ignored",
		ents:      []pipeline.EntityRecord{entity("person", "Nobody")},
		officials: Counts{Gold: 3, Pred: 1, FP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name: "two predictions on one gold official: two TPs, one found",
		ents: []pipeline.EntityRecord{
			entity("person", "Jorge Luis Perdomo", sp("Jorge Luis Perdomo", 0)),
			entity("person", "Perdomo", sp("Perdomo", 1)),
		},
		officials: Counts{Gold: 3, Found: 1, Pred: 2, TP: 2},
		agencies:  Counts{Gold: 2},
	}, {
		name:      "the wrong class finds nothing",
		ents:      []pipeline.EntityRecord{entity("organization", "Peskow", sp("Peskow", 0))},
		officials: Counts{Gold: 3},
		agencies:  Counts{Gold: 2, Pred: 1, FP: 1},
	}, {
		name: "countries and places are not scored",
		ents: []pipeline.EntityRecord{
			entity("country", "Russia", sp("MOSKAU", 0)),
			entity("place", "Moscow", sp("MOSKAU", 0)),
		},
		officials: Counts{Gold: 3},
		agencies:  Counts{Gold: 2},
	}, {
		name: "touching ranges do not overlap",
		ents: []pipeline.EntityRecord{
			// "und " ends where "Peskow" starts; " trafen" starts where it ends.
			entity("person", "und", sp("und ", 0)),
			entity("person", "trafen", sp(" trafen", 0)),
		},
		officials: Counts{Gold: 3, Pred: 2, FP: 2},
		agencies:  Counts{Gold: 2},
	}, {
		name:      `a gold form inside a longer word is no occurrence ("Xi" in "Xinhua")`,
		ents:      []pipeline.EntityRecord{entity("person", "Xi", rawSpan(text, strings.Index(text, "Xinhua"), strings.Index(text, "Xinhua")+2))},
		officials: Counts{Gold: 3, Pred: 1, FP: 1},
		agencies:  Counts{Gold: 2},
	}, {
		name: "non-ASCII: byte offsets past ß are scored as bytes",
		ents: []pipeline.EntityRecord{
			entity("organization", "Außenministerium", sp("Außenministerium", 0)),
			entity("organization", "BelTA", sp("BelTA", 0)),
			entity("organization", "Prensa Latina", sp("Prensa Latina", 0)),
		},
		officials: Counts{Gold: 3},
		agencies:  Counts{Gold: 2, Found: 2, Pred: 3, TP: 2, FP: 1},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.DocumentRecord{Lang: "de", Entities: tt.ents}
			r := Score(deGold(), []byte(text), doc)
			assert.Equal(t, tt.officials, r.Counts(FieldOfficials, "de"), "officials")
			assert.Equal(t, tt.agencies, r.Counts(FieldAgencies, "de"), "agencies")
			assert.Equal(t, tt.officials, r.Counts(FieldOfficials, "all"), "officials, all languages")
			assert.Equal(t, r.Spans.Total, r.Spans.OK, "span errors: %v", r.SpanErrors)
		})
	}
}

func TestScoreNilDocument(t *testing.T) {
	r := Score(deGold(), []byte(deText), nil)
	assert.Equal(t, Counts{Gold: 3}, r.Counts(FieldOfficials, "de"))
	assert.Equal(t, 1, r.Files)
	assert.Zero(t, r.Spans.Total)
}

func TestScoreSegments(t *testing.T) {
	text := "Cuba y China firmaron. Sin embargo, sagte er. Die Alliance coincides mit Sin embargo."
	gold := Gold{File: "s.txt", Lang: "de", Segments: []GoldSegment{
		{Lang: "es", Text: "Cuba y China firmaron"}, // the first words of the passage
		{Lang: "en", Text: "coincides"},
	}}
	seg := func(lang string, b0, b1 int) pipeline.Segment {
		return pipeline.Segment{Lang: lang, Confidence: 0.9, Span: rawSpan(text, b0, b1)}
	}
	passage := len("Cuba y China firmaron. Sin embargo,")
	tests := []struct {
		name   string
		segs   []pipeline.Segment
		es, en Counts
	}{{
		name: "none predicted",
		es:   Counts{Gold: 1}, en: Counts{Gold: 1},
	}, {
		name: "a segment longer than the gold's first words is found",
		segs: []pipeline.Segment{seg("es", 0, passage)},
		es:   Counts{Gold: 1, Found: 1, Pred: 1, TP: 1}, en: Counts{Gold: 1},
	}, {
		name: "the wrong language finds nothing and is an FP under its own language",
		segs: []pipeline.Segment{seg("en", 0, passage)},
		es:   Counts{Gold: 1}, en: Counts{Gold: 1, Pred: 1, FP: 1},
	}, {
		name: "a segment touching the gold passage does not overlap it",
		segs: []pipeline.Segment{seg("en", strings.Index(text, "Die "), strings.Index(text, "coincides"))},
		es:   Counts{Gold: 1}, en: Counts{Gold: 1, Pred: 1, FP: 1},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(gold, []byte(text), &pipeline.DocumentRecord{Lang: "de", Segments: tt.segs})
			assert.Equal(t, tt.es, r.Counts(FieldSegments, "es"), "es")
			assert.Equal(t, tt.en, r.Counts(FieldSegments, "en"), "en")
			assert.Equal(t, Counts{}, r.Counts(FieldSegments, "de"), "segments count under their own language")
		})
	}
}

func TestScoreEvents(t *testing.T) {
	text := "Wladimir Putin traf Donald Trump. Putin sagte, Kuba und China, die FAR und Díaz-Canel."
	sp := func(s string, nth int) *pipeline.Span { s2 := spanOf(t, text, s, nth); return &s2 }
	date := func(s string) *string { return &s }
	gold := Gold{File: "e.txt", Lang: "de",
		Officials: []GoldEntity{
			{Name: "Wladimir Putin", Mentions: []string{"Wladimir Putin", "Putin"}, Country: "RUS"},
			{Name: "Donald Trump", Mentions: []string{"Donald Trump"}, Country: "USA"},
			{Name: "Miguel Díaz-Canel", Mentions: []string{"Díaz-Canel"}, Country: "CUB"},
		},
		Agencies: []GoldEntity{{Name: "FAR", Mentions: []string{"FAR"}, Country: "CUB"}},
	}
	actor := func(name, country string, m *pipeline.Span) predParticipant {
		return predParticipant{Role: "actor", Name: name, Type: "person", Country: country, Mention: m}
	}
	ev := func(typ, day string, ps ...predParticipant) predEvent {
		e := predEvent{Type: typ, Participants: ps}
		if day != "" {
			e.Date = &struct {
				Value string `json:"value"`
			}{day}
		}
		return e
	}
	type want struct {
		events Counts
		dates  DateCounts
	}
	tests := []struct {
		name  string
		gold  []GoldEvent
		preds []predEvent
		want  want
	}{{
		name:  "same type and folded name",
		gold:  []GoldEvent{{Type: "MEET", Actors: []string{"Miguel Díaz-Canel"}}},
		preds: []predEvent{ev("MEET", "", actor("Miguel Diaz Canel", "CUB", nil))},
		want:  want{events: Counts{Gold: 1, Found: 1, Pred: 1, TP: 1}, dates: DateCounts{Matched: 1}},
	}, {
		name:  "mention overlap matches another spelling of the name",
		gold:  []GoldEvent{{Type: "STATEMENT", Actors: []string{"Wladimir Putin"}, Date: date("2023-04")}},
		preds: []predEvent{ev("STATEMENT", "2023-04-03", actor("Vladimir Putin", "RUS", sp("Putin", 1)))},
		want:  want{events: Counts{Gold: 1, Found: 1, Pred: 1, TP: 1}, dates: DateCounts{Matched: 1, WithGold: 1, Right: 1}},
	}, {
		name:  "a country code matches a participant of that country",
		gold:  []GoldEvent{{Type: "AGREE", Actors: []string{"CUB", "CHN"}, Date: date("2023-04-03")}},
		preds: []predEvent{ev("AGREE", "2023-04-04", predParticipant{Role: "actor", Entity: "country/CHN", Type: "country"})},
		want:  want{events: Counts{Gold: 1, Found: 1, Pred: 1, TP: 1}, dates: DateCounts{Matched: 1, WithGold: 1}},
	}, {
		name: "an agency written in capitals is a name, not a country",
		gold: []GoldEvent{{Type: "MEET", Actors: []string{"FAR"}}},
		preds: []predEvent{
			ev("MEET", "", predParticipant{Role: "actor", Country: "FAR", Type: "country"}),
			ev("MEET", "", predParticipant{Role: "actor", Name: "Fuerzas Armadas Revolucionarias", Type: "organization", Mention: sp("FAR", 0)}),
		},
		want: want{events: Counts{Gold: 1, Found: 1, Pred: 2, TP: 1, FP: 1}, dates: DateCounts{Matched: 1}},
	}, {
		name:  "a different type does not match",
		gold:  []GoldEvent{{Type: "MEET", Actors: []string{"Wladimir Putin"}}},
		preds: []predEvent{ev("VISIT", "", actor("Wladimir Putin", "RUS", sp("Wladimir Putin", 0)))},
		want:  want{events: Counts{Gold: 1, Pred: 1, FP: 1}},
	}, {
		name:  "a recipient is not an actor",
		gold:  []GoldEvent{{Type: "MEET", Actors: []string{"Donald Trump"}}},
		preds: []predEvent{ev("MEET", "", predParticipant{Role: "recipient", Name: "Donald Trump"})},
		want:  want{events: Counts{Gold: 1, Pred: 1, FP: 1}},
	}, {
		name:  "no actor in common",
		gold:  []GoldEvent{{Type: "MEET", Actors: []string{"Donald Trump"}}},
		preds: []predEvent{ev("MEET", "", actor("Wladimir Putin", "RUS", sp("Putin", 0)))},
		want:  want{events: Counts{Gold: 1, Pred: 1, FP: 1}},
	}, {
		name: "one to one: one prediction matches one of two gold events",
		gold: []GoldEvent{
			{Type: "MEET", Actors: []string{"Wladimir Putin"}},
			{Type: "MEET", Actors: []string{"Wladimir Putin", "Donald Trump"}},
		},
		preds: []predEvent{ev("MEET", "", actor("Wladimir Putin", "RUS", nil))},
		want:  want{events: Counts{Gold: 2, Found: 1, Pred: 1, TP: 1}, dates: DateCounts{Matched: 1}},
	}, {
		name: "an early gold event does not take the only match of a later one",
		gold: []GoldEvent{
			{Type: "MEET", Actors: []string{"Wladimir Putin", "Donald Trump"}},
			{Type: "MEET", Actors: []string{"Donald Trump"}},
		},
		preds: []predEvent{
			ev("MEET", "", actor("Donald Trump", "USA", nil)),
			ev("MEET", "", actor("Wladimir Putin", "RUS", nil)),
		},
		want: want{events: Counts{Gold: 2, Found: 2, Pred: 2, TP: 2}, dates: DateCounts{Matched: 2}},
	}, {
		name: "the date breaks ties, and a null gold date is not counted",
		gold: []GoldEvent{
			{Type: "STATEMENT", Actors: []string{"Wladimir Putin"}, Date: date("2023-04-05")},
			{Type: "STATEMENT", Actors: []string{"Wladimir Putin"}},
		},
		preds: []predEvent{
			ev("STATEMENT", "2023-04-03", actor("Wladimir Putin", "RUS", nil)),
			ev("STATEMENT", "2023-04-05", actor("Wladimir Putin", "RUS", nil)),
		},
		want: want{events: Counts{Gold: 2, Found: 2, Pred: 2, TP: 2}, dates: DateCounts{Matched: 2, WithGold: 1, Right: 1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gold
			g.Events = tt.gold
			r := NewReport()
			scoreEvents(r, g, tt.preds, []byte(text))
			assert.Equal(t, tt.want.events, r.Counts(FieldEvents, "de"))
			assert.Equal(t, tt.want.dates, r.Dates)
			wrong := 0
			for _, m := range r.Misses {
				if m.Kind == "date" {
					wrong++
				}
			}
			assert.Equal(t, tt.want.dates.WithGold-tt.want.dates.Right, wrong, "every wrong date is listed")
		})
	}
}

func TestDecodeEventsFollowsTheJSONContract(t *testing.T) {
	// Event records carry only id and type so far: decoding must keep the
	// type and leave the rest empty rather than fail.
	got := decodeEvents([]pipeline.EventRecord{{ID: "ev_1", Type: "MEET"}})
	require.Len(t, got, 1)
	assert.Equal(t, "MEET", got[0].Type)
	assert.Empty(t, got[0].Participants)
	assert.Empty(t, got[0].date())

	r := Score(Gold{File: "x", Lang: "es", Events: []GoldEvent{{Type: "MEET", Actors: []string{"CUB"}}}},
		[]byte("x"), &pipeline.DocumentRecord{Events: []pipeline.EventRecord{{Type: "MEET"}}})
	assert.Equal(t, Counts{Gold: 1, Pred: 1, FP: 1}, r.Counts(FieldEvents, "es"), "an event without actors matches nothing")
}

func TestDateMatches(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"2023-04-03", "2023-04-03", true},
		{"2023-04", "2023-04-03", true},
		{"2023-04", "2023-04", true},
		{"2023-04-03", "2023-04", false}, // less precise than the gold
		{"2023-04-03", "2023-04-30", false},
		{"2023-0", "2023-04-03", false},
		{"2023-04", "", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, dateMatches(tt.gold, tt.pred), "gold %q, pred %q", tt.gold, tt.pred)
	}
}

func TestScoreSpanRoundTrip(t *testing.T) {
	text := "Díaz-Canel empfing López Miera." // í and ó are two bytes each
	good := spanOf(t, text, "López Miera", 0)
	charsAsBytes := good
	charsAsBytes.Byte = charsAsBytes.Char // a classic bug: rune offsets used as bytes
	wrongChars := good
	wrongChars.Char = good.Byte
	outOfRange := good
	outOfRange.Byte = [2]int{20, 99}
	tests := []struct {
		name   string
		span   pipeline.Span
		wantOK bool
		errHas string
	}{
		{"correct non-ASCII span", good, true, ""},
		{"char offsets used as byte offsets", charsAsBytes, false, "text"},
		{"byte offsets used as char offsets", wrongChars, false, "char"},
		{"out of range", outOfRange, false, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The span is checked wherever it sits: in a segment and inside
			// an entity's mention (an embedded Span).
			doc := &pipeline.DocumentRecord{
				Segments: []pipeline.Segment{{Lang: "es", Span: tt.span}},
				Entities: []pipeline.EntityRecord{entity("person", "x", tt.span, spanOf(t, text, "Díaz-Canel", 0))},
			}
			r := Score(Gold{File: "f.txt", Lang: "de"}, []byte(text), doc)
			assert.Equal(t, 3, r.Spans.Total)
			if tt.wantOK {
				assert.Equal(t, 3, r.Spans.OK)
				assert.Empty(t, r.SpanErrors)
				return
			}
			assert.Equal(t, 1, r.Spans.OK)
			require.Len(t, r.SpanErrors, 2)
			assert.Contains(t, r.SpanErrors[0], "f.txt: ")
			assert.Contains(t, r.SpanErrors[0], tt.errHas)
		})
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Díaz-Canel", "diaz canel"},
		{"  Álvaro   López Miera ", "alvaro lopez miera"},
		{"Außenministerium", "aussenministerium"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FoldName(tt.in), tt.in)
	}
}
