package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline"
)

// text renders pieces back to text, marking highlights with [class: …].
func render(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Class == "" {
			b.WriteString(p.Text)
			continue
		}
		b.WriteString("[" + p.Class + ": " + render(p.Children) + "]")
	}
	return b.String()
}

func TestPieces(t *testing.T) {
	text := "Der Sprecher des Außenministeriums Russlands traf Wang Yi."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		require.GreaterOrEqual(t, i, 0, s)
		return i, i + len(s)
	}
	m := func(s string, k kind) mark {
		a, b := at(s)
		return mark{start: a, end: b, kind: k}
	}
	tests := []struct {
		name  string
		marks []mark
		want  string
	}{
		{"none", nil, text},
		{"apart", []mark{m("Russlands", kindCountry), m("Wang Yi", kindOfficial), m("traf", kindTrigger)},
			"Der Sprecher des Außenministeriums [country: Russlands] [trigger: traf] [official: Wang Yi]."},
		{"nested", []mark{m("Außenministeriums Russlands", kindAgency), m("Russlands", kindCountry)},
			"Der Sprecher des [agency: Außenministeriums [country: Russlands]] traf Wang Yi."},
		{"the same span twice nests", []mark{m("Wang Yi", kindOfficial), m("Wang Yi", kindTrigger)},
			"Der Sprecher des Außenministeriums Russlands traf [official: [trigger: Wang Yi]]."},
		{"crossing is dropped", []mark{m("Russlands traf", kindTrigger), m("traf Wang", kindOfficial), m("Wang Yi", kindOfficial)},
			"Der Sprecher des Außenministeriums [trigger: Russlands traf] [official: Wang Yi]."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := append([]mark(nil), tc.marks...)
			sortMarks(ms)
			assert.Equal(t, tc.want, render(pieces(text, ms)))
		})
	}
}

// records makes JSON Lines of one document record with the given text,
// entities and events.
func records(t *testing.T, docs ...pipeline.DocumentRecord) string {
	t.Helper()
	var b bytes.Buffer
	for _, d := range docs {
		d.Schema, d.Kind = "gazex/1", "document"
		require.NoError(t, jsonLine(&b, d))
	}
	return b.String()
}

func span(text, s string) pipeline.Span {
	i := strings.Index(text, s)
	if i < 0 {
		panic(s)
	}
	return pipeline.Span{Text: s, Byte: [2]int{i, i + len(s)}, Char: [2]int{len([]rune(text[:i])), len([]rune(text[:i+len(s)]))}}
}

func TestWriteHTMLEscapesAndHighlights(t *testing.T) {
	text := `El canciller <b>cubano</b> Bruno Rodríguez recibió a Lavrov & "Wang". <script>alert(1)</script>`
	official := func(id, name, s string) pipeline.EntityRecord {
		return pipeline.EntityRecord{ID: id, Type: "person", Name: name, Source: "gazetteer",
			Position: &pipeline.Position{Title: "Minister of Foreign Affairs", AsOf: "2024-01-01"},
			Mentions: []pipeline.Mention{{Span: span(text, s), Match: "exact"}}}
	}
	doc := pipeline.DocumentRecord{
		Doc: pipeline.DocRef{ID: "a<b>.txt"}, Lang: "es", Text: &text,
		Entities: []pipeline.EntityRecord{
			official("person/bruno-rodriguez", "Bruno Rodríguez", "Bruno Rodríguez"),
			official("person/sergey-lavrov", "Sergey Lavrov", "Lavrov"),
			{ID: "country/CUB", Type: "country", Name: "Cuba", Mentions: []pipeline.Mention{{Span: pipeline.Span{Text: "cubano", Byte: [2]int{0, 6}}}}}, // a span off its text
		},
		Events: []pipeline.EventRecord{{ID: "ev_1", Type: "MEET", Trigger: span(text, "recibió"), Confidence: 0.8,
			Participants: []pipeline.EventParticipant{
				{Role: "actor", Entity: "person/bruno-rodriguez", Name: "Bruno Rodríguez", Type: "person", Country: "CUB"},
				{Role: "recipient", Entity: "person/sergey-lavrov", Name: "Sergey Lavrov", Type: "person", Country: "RUS"},
			}}},
	}
	rep, err := Read(strings.NewReader(records(t, doc) + "not json\n"))
	require.NoError(t, err)
	require.Len(t, rep.Docs, 1)
	assert.Equal(t, []string{"line 2: not a gazex record"}, rep.Skipped)
	var out bytes.Buffer
	require.NoError(t, rep.WriteHTML(&out))
	page := out.String()
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(page)
		}
	})
	assertNo(t, page, "<script>alert", "text is escaped")
	assertNo(t, page, "<b>cubano", "text is escaped")
	assertHas(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assertHas(t, page, "<h2>a&lt;b&gt;.txt</h2>")
	assertHas(t, page, `<mark class="official" title="person/bruno-rodriguez · Bruno Rodríguez · Minister of Foreign Affairs (as of 2024-01-01) · bytes 27–43 · match: exact">Bruno Rodríguez</mark>`)
	assertHas(t, page, `<mark class="trigger" title="ev_1 · MEET · bytes 44–52 · confidence 0.80">recibió</mark>`)
	assertHas(t, page, "1 spans that do not match their text were not highlighted")
	assertNo(t, page, `<mark class="country" title=`, "the span off its text is not highlighted")
	assertHas(t, page, `marker-end="url(#arrow-meet)"`, "an arrow from actor to recipient")
	assert.Equal(t, 1, strings.Count(page, "<line "))
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", " src=", "@import", "url(http", `href="http`} {
		assertNo(t, page, banned, "the page loads nothing")
	}
	var again bytes.Buffer
	require.NoError(t, rep.WriteHTML(&again))
	assert.Equal(t, page, again.String(), "deterministic")
}

func TestPairs(t *testing.T) {
	p := func(role, id, country string) pipeline.EventParticipant {
		return pipeline.EventParticipant{Role: role, Entity: id, Name: id, Country: country}
	}
	names := func(ps [][2]pipeline.EventParticipant) []string {
		var out []string
		for _, q := range ps {
			out = append(out, q[0].Entity+"-"+q[1].Entity)
		}
		return out
	}
	ps, directed := pairs(pipeline.EventRecord{Participants: []pipeline.EventParticipant{
		p("actor", "country/CHN", "CHN"), p("actor", "country/CUB", "CUB"), p("actor", "person/cao", "CHN"), p("actor", "person/arevich", "CUB")}})
	assert.False(t, directed)
	assert.Equal(t, []string{"country/CHN-country/CUB", "country/CHN-person/arevich", "country/CUB-person/cao", "person/arevich-person/cao"}, names(ps),
		"a symmetric event joins the two sides, not a country and its own official")
	ps, directed = pairs(pipeline.EventRecord{Participants: []pipeline.EventParticipant{
		p("actor", "person/a", "DEU"), p("actor", "person/b", "DEU")}})
	assert.False(t, directed)
	assert.Equal(t, []string{"person/a-person/b"}, names(ps), "two officials of one country meet too")
	ps, directed = pairs(pipeline.EventRecord{Participants: []pipeline.EventParticipant{
		p("actor", "person/a", "RUS"), p("recipient", "person/b", "CHN"), p("recipient", "person/a", "RUS")}})
	assert.True(t, directed)
	assert.Equal(t, []string{"person/a-person/b"}, names(ps))
	ps, _ = pairs(pipeline.EventRecord{Participants: []pipeline.EventParticipant{p("actor", "person/a", "RUS")}})
	assert.Empty(t, ps, "a statement by one speaker is no edge")
}

func TestReadWithoutDocumentRecords(t *testing.T) {
	in := `{"schema":"gazex/1","kind":"event","doc":{"id":"x.txt"},"id":"ev_1","type":"ACCUSE","trigger":{"text":"acusó","byte":[0,6],"char":[0,5]},"participants":[{"role":"actor","entity":"person/a","name":"A","type":"person"},{"role":"recipient","entity":"country/USA","name":"United States","type":"country"}]}
{"schema":"gazex/1","kind":"entity","doc":{"id":"x.txt"},"id":"person/a","type":"person","name":"A","mentions":[]}
`
	rep, err := Read(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rep.Docs, 1)
	assert.Nil(t, rep.Docs[0].Text)
	var out bytes.Buffer
	require.NoError(t, rep.WriteHTML(&out))
	assert.Contains(t, out.String(), "1 documents come without their text")
	assert.Contains(t, out.String(), `data-type="ACCUSE"`)
}

func jsonLine(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// assertHas and assertNo check a page without printing it whole.
func assertHas(t *testing.T, page, s string, msg ...any) {
	t.Helper()
	if !strings.Contains(page, s) {
		t.Errorf("the page lacks %q %v", s, msg)
	}
}

func assertNo(t *testing.T, page, s string, msg ...any) {
	t.Helper()
	if strings.Contains(page, s) {
		t.Errorf("the page has %q %v", s, msg)
	}
}
