//go:build linux

package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/internal/swar"
)

// TestAppendersFitRecords fails when a record type changed and the
// appenders of appendjson.go were not brought along: the Encoder then
// encodes with encoding/json (right, but slower). Bring appendjson.go's
// writers and recordShapes up to date.
func TestAppendersFitRecords(t *testing.T) {
	assert.True(t, appendersFit, "the record types changed: update appendjson.go")
}

// encodeJSON is Encode as it was before the appenders: encoding/json.
func encodeJSON(t testing.TB, mode string, r Result) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	doc := r.Document
	if r.Err != nil || doc == nil {
		return nil, nil
	}
	if mode == EmitDocuments || mode == EmitAll {
		if err := enc.Encode(doc); err != nil {
			return nil, err
		}
	}
	if mode == EmitEntities || mode == EmitAll {
		for _, x := range doc.Entities {
			x.Schema, x.Kind, x.Doc = Schema, KindEntity, &doc.Doc
			if err := enc.Encode(x); err != nil {
				return nil, err
			}
		}
	}
	if mode == EmitEvents || mode == EmitAll {
		for _, x := range doc.Events {
			x.Schema, x.Kind, x.Doc = Schema, KindEvent, &doc.Doc
			if err := enc.Encode(x); err != nil {
				return nil, err
			}
		}
	}
	return buf.Bytes(), nil
}

// checkEncode checks that the Encoder writes what encoding/json writes, in
// every mode.
func checkEncode(t *testing.T, r Result) {
	t.Helper()
	for _, mode := range []string{EmitDocuments, EmitEntities, EmitEvents, EmitAll} {
		enc, err := NewEncoder(mode)
		require.NoError(t, err)
		got, gotErr := enc.Encode(r)
		want, wantErr := encodeJSON(t, mode, r)
		if wantErr != nil {
			assert.EqualError(t, gotErr, wantErr.Error(), mode)
			continue
		}
		require.NoError(t, gotErr, mode)
		assert.Equal(t, string(want), string(got), mode)
	}
}

func TestAppendersAsEncodingJSON(t *testing.T) {
	require.True(t, appendersFit)
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	p, err := New(Config{Entities: entities, Workers: 1, IncludeText: true})
	require.NoError(t, err)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	dev, _ := filepath.Glob("../../shared/eval/dev/texts/*.txt") // where the shared data is at hand
	events := 0
	for _, path := range append(paths, dev...) {
		text, err := os.ReadFile(path)
		require.NoError(t, err)
		r, err := p.Process(context.Background(), Document{ID: filepath.Base(path), Path: path, Published: "2024-03-01", Text: text})
		require.NoError(t, err)
		events += len(r.Document.Events)
		checkEncode(t, r)
	}
	assert.Positive(t, events, "the seeds have events to encode")
}

func TestAppendersOddValues(t *testing.T) {
	odd := "quote \" back \\ slash / ctl \x00\x01\x1f \b\f\n\r\t del \x7f <html> & " +
		"bad \xff\xc3 utf-8 \u2028 \u2029 ok €😀 \ufffd"
	org, from := odd, "2024-01-01"
	span := Span{Text: odd, Byte: [2]int{-1, 1 << 40}, Char: [2]int{0, 7}}
	doc := &DocumentRecord{
		Schema: Schema, Kind: KindDocument,
		Doc:  DocRef{ID: odd, Path: "p", URL: "u", Published: "2024-03-01", SHA256: "ab"},
		Lang: "de", LangConfidence: 0.97,
		Segments: []Segment{{Lang: "en", Confidence: 1e-7, Span: span}, {Lang: "es", Confidence: 1e21, Span: span},
			{Lang: "x", Confidence: -0.000001, Span: span}, {Lang: "y", Confidence: 123456789.125}, {Confidence: math.Copysign(0, -1)}},
		Entities: []EntityRecord{
			{ID: "e1", Type: "person", Name: odd, Country: "DE", Sector: "gov", CameoActor: "DEUGOV",
				Position:  &Position{Title: odd, Org: &org, From: &from, AsOf: "2024-03-01"},
				Positions: []Position{{Title: "a"}, {Title: "b", To: &from}}, Source: "gazetteer", RoleText: "Minister",
				Mentions: []Mention{{Span: span, Lang: "de", Match: "exact"}}},
			{ID: "e2", Positions: []Position{}, Mentions: []Mention{}},
			{ID: "e3"},
		},
		Events: []EventRecord{
			{ID: "ev1", Type: "consult", Plover: &Plover{Type: "CONSULT", Contexts: []string{"a", odd}}, Cameo: "040", Lang: "de",
				Sentence: span, Trigger: span,
				Participants: []EventParticipant{{Role: "actor", Entity: "e1", Name: "n", Type: "person", Country: "DE", Sector: "gov",
					Position: &Position{Title: "t"}, Mention: &span}, {Role: "recipient"}},
				Date:        &EventDate{Value: "2024-03", Granularity: "month", Method: "explicit", Span: &span},
				Place:       &EventPlace{Entity: "p", Name: "Berlin", Country: "DE", Span: span},
				Topic:       odd,
				Attribution: []EventAttribution{{Relation: "speaker", Entity: "e1", Name: "n", Span: span}},
				Modality:    EventModality{Negated: true, Hypothetical: true}, Confidence: 0.85,
				Provenance: Provenance{Version: Version, Gazetteer: "g", Rules: []string{"r1", "r2"}}},
			{ID: "ev2", Plover: &Plover{}, Date: &EventDate{}, Place: &EventPlace{}, Participants: []EventParticipant{},
				Attribution: []EventAttribution{}, Provenance: Provenance{Rules: []string{}}},
			{ID: "ev3"},
		},
		Warnings: []string{odd, ""},
		Text:     &odd,
	}
	checkEncode(t, Result{Document: doc})
	checkEncode(t, Result{Document: &DocumentRecord{}})
	// Entities and events that carry a head of their own inside the
	// document are encoded again, not copied (encode.go's again).
	headed := *doc
	headed.Entities = append([]EntityRecord{{Schema: "s", ID: "h1"}, {Kind: "k", ID: "h2"}, {Doc: &doc.Doc, ID: "h3"}}, doc.Entities...)
	headed.Events = append([]EventRecord{{Schema: "s", ID: "h1"}, {Kind: "k", ID: "h2"}}, doc.Events...)
	headed.Events = append(headed.Events, EventRecord{Doc: &DocRef{ID: "other"}, ID: "h3"})
	checkEncode(t, Result{Document: &headed})
	checkEncode(t, Result{Document: &DocumentRecord{Warnings: []string{}, Segments: []Segment{}}})
	checkEncode(t, Result{Err: ErrDocument})

	// encoding/json refuses NaN and infinities: so does Encode, with its error.
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		checkEncode(t, Result{Document: &DocumentRecord{LangConfidence: f}})
		checkEncode(t, Result{Document: &DocumentRecord{Events: []EventRecord{{Confidence: f}}}})
		enc, err := NewEncoder(EmitAll)
		require.NoError(t, err)
		_, err = enc.Encode(Result{Document: &DocumentRecord{LangConfidence: f}})
		assert.Error(t, err)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "\x00\x1f\"\\", "\xff\xfe", "\u2028\u2029", "ñ€😀", "\xe2\x80", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		assert.Equal(t, buf.String(), string(appendJSONString(nil, s))+"\n")
	})
}

// BenchmarkEncode encodes the seeds' records (--emit all) with the
// appenders and, for comparison, with encoding/json as Encode did before.
func BenchmarkEncode(b *testing.B) {
	p := benchPipeline(b)
	docs, size := benchSeeds(b)
	var results []Result
	for _, d := range docs {
		r, err := p.Process(context.Background(), d)
		require.NoError(b, err)
		results = append(results, r)
	}
	enc, err := NewEncoder(EmitAll)
	require.NoError(b, err)
	for _, c := range []struct {
		name   string
		encode func(r Result) ([]byte, error)
	}{
		{"appenders", enc.Encode},
		{"encoding-json", func(r Result) ([]byte, error) { return encodeJSON(b, EmitAll, r) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchCPU(b, size, func() {
				for _, r := range results {
					if _, err := c.encode(r); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// TestJSONSpecial checks the eight-byte test of appendJSONString against
// a byte-by-byte one, for every byte value at every position among plain
// letters and before other special bytes.
func TestJSONSpecial(t *testing.T) {
	special := func(c byte) bool { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\' }
	for _, around := range []string{"abcdefgh", "a \x00\"\\\x1f\x80\xff", "~\x7f\x80\x1f\x21\x23\x5b\x5d", "\x20\x20\x20\x20\x20\x20\x20\x20"} {
		for pos := range 8 {
			for c := range 256 {
				b := []byte(around)
				b[pos] = byte(c)
				want := 0
				for want < 8 && !special(b[want]) {
					want++
				}
				if got := jsonSpecial(swar.Load64(string(b), 0)); got != want {
					t.Fatalf("jsonSpecial(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

// TestEscapedTextAsAppendJSONString checks the spans copied from a
// text's escaping against escaping them alone, for every substring of
// random texts made of the bytes and runes escaping treats apart: plain
// ASCII, quotes and controls, valid runes of two to four bytes, U+2028,
// invalid bytes, truncated runes and encoded surrogates.
func TestEscapedTextAsAppendJSONString(t *testing.T) {
	pieces := []string{"a", "b c", "\"", "\\", "\n", "\x00", "\x1f", "ä", "€", "😀", "\u2028", "\u2029",
		"\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\x80", "plain ascii text", "\ufffd"}
	rng := rand.New(rand.NewPCG(7, 13))
	var e escapedText
	copied := 0
	for range 300 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		e.reset(src, nil, false)
		for b0 := 0; b0 <= len(src); b0++ {
			for b1 := b0; b1 <= len(src); b1++ {
				sub := src[b0:b1]
				got, ok := e.appendSpan([]byte("x"), sub, b0, b1)
				if !ok {
					require.Equal(t, "x", string(got), "nothing appended when declined")
					boundary := len(sub) > 0 && src[b0]&0xC0 != 0x80 && (b1 == len(src) || src[b1]&0xC0 != 0x80)
					require.False(t, boundary, "declined %q[%d:%d]", src, b0, b1)
					continue
				}
				copied++
				require.Equal(t, "x"+string(appendJSONString(nil, sub)), string(got), "%q[%d:%d]", src, b0, b1)
			}
			// A copy of the substring, or another one, is escaped as it is.
			if b0 < len(src) {
				sub := string([]byte(src[b0:]))
				_, ok := e.appendSpan(nil, sub, b0, len(src))
				require.False(t, ok, "not the text's own substring")
				if b0 > 0 {
					_, ok = e.appendSpan(nil, src[b0:], 0, len(src)-b0)
					require.False(t, ok, "a substring at other offsets")
				}
			}
		}
		e.release()
	}
	assert.Greater(t, copied, 10000, "spans copied")
}

// TestAppendJSONStringRandom checks appendJSONString against
// encoding/json on random strings: random bytes, and runs of the bytes
// and runes escaping treats apart (invalid UTF-8, encoded lone
// surrogates, U+2028) among plain ASCII of every length around the eight
// bytes tested at once.
func TestAppendJSONStringRandom(t *testing.T) {
	pieces := []string{"a", "bcdefgh", "plain ascii text ", "\"", "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "ä", "ñ", "€",
		"😀", "\u2028", "\u2029", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xed\xbf\xbf", "\x80", "\ufffd", "<&>"}
	rng := rand.New(rand.NewPCG(3, 5))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for n := range 5000 {
		var b []byte
		if n%2 == 0 {
			for range rng.IntN(40) {
				b = append(b, byte(rng.IntN(256)))
			}
		} else {
			for range rng.IntN(30) {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
		}
		buf.Reset()
		require.NoError(t, enc.Encode(string(b)))
		require.Equal(t, buf.String(), string(appendJSONString(nil, string(b)))+"\n", "%q", b)
	}
}

// TestEventsOnlyKeepsEvents checks that Config.EventsOnly, which leaves
// entities and segments out, leaves the event records as they were.
func TestEventsOnlyKeepsEvents(t *testing.T) {
	entities, err := gazetteer.Default()
	require.NoError(t, err)
	all, err := New(Config{Entities: entities, Workers: 1})
	require.NoError(t, err)
	only, err := New(Config{Entities: entities, Workers: 1, EventsOnly: true})
	require.NoError(t, err)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	events := 0
	for _, path := range paths {
		text, err := os.ReadFile(path)
		require.NoError(t, err)
		doc := Document{ID: filepath.Base(path), Path: path, Text: text}
		want, err := all.Process(context.Background(), doc)
		require.NoError(t, err)
		got, err := only.Process(context.Background(), doc)
		require.NoError(t, err)
		if want.Err != nil {
			continue
		}
		assert.Empty(t, got.Document.Entities)
		assert.Empty(t, got.Document.Segments)
		events += len(got.Document.Events)
		a, b := mustEncoder(t, EmitEvents), mustEncoder(t, EmitEvents)
		wantOut, err := a.Encode(want)
		require.NoError(t, err)
		gotOut, err := b.Encode(got)
		require.NoError(t, err)
		require.Equal(t, string(wantOut), string(gotOut), path)
	}
	assert.Positive(t, events)
}

func mustEncoder(t *testing.T, mode string) *Encoder {
	t.Helper()
	e, err := NewEncoder(mode)
	require.NoError(t, err)
	return e
}

// TestPlainShort checks the short strings' test against a byte loop, for
// every byte value at every position of strings of 1 to 17 bytes.
func TestPlainShort(t *testing.T) {
	for n := 1; n <= maxShort+1; n++ {
		for pos := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				want := n <= maxShort
				for _, c := range b {
					want = want && c >= 0x20 && c < 0x80 && c != '"' && c != '\\'
				}
				if got := plainShort(string(b)); got != want {
					t.Fatalf("plainShort(%q) = %v", b, got)
				}
			}
		}
	}
	assert.True(t, plainShort(""))
}
