//go:build linux

package pipeline

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

// jsonlLines are lines decodeLine decodes itself and lines it must leave to
// encoding/json.
var jsonlLines = []string{
	`{"id":"a","text":"Der Minister sagte am Montag.","published":"2024-03-01"}`,
	` { "id" : "a" , "text" : "x" } ` + "\r",
	`{}`,
	`{"text":""}`,
	`{"text":null}`,
	`{"text":"a","text":null}`,
	`{"text":null,"text":"b"}`,
	`{"id":"a","id":null,"text":"t"}`,
	`{"text":"Größe: 5 €, «Zitat» — ñandú"}`,
	"{\"text\":\"raw \u2028 and \u2029 separators, escaped \\u2028\\u2029 too, \\u0022 \\u005c \\u001f \\u0041 \\/\"}",
	`{"text":"\"quoted\" then \n\n two, \t"}`,
	`{"text":"line\nbreak\ttab \"quoted\" back\\slash \/ \b\f\r"}`,
	`{"text":"\u00e9\u00E9 \u20ac \ud83d\ude00 pair"}`,
	`{"text":"lone \ud83d high"}`,
	`{"text":"lone \ude00 low"}`,
	`{"text":"high then bmp \ud83d\u0041"}`,
	`{"text":"high twice \ud83d\ud83d\ude00"}`,
	`{"text":"high at end \ud83d"}`,
	"{\"text\":\"invalid \xff\xfe utf-8 \xc3\"}",
	"{\"text\":\"truncated \xe2\x82 rune\"}",
	"{\"text\":\"ctl \x01 char\"}",
	`{"text":"bad \x escape"}`,
	`{"text":"bad \u12 escape"}`,
	`{"text":"apostrophe \' escape"}`,
	`{"text":"unterminated}`,
	`{"text":"a" "id":"b"}`,
	`{"text":"a",}`,
	`{"text":"a"} trailing`,
	`{"text":"a"}{"text":"b"}`,
	`["text","a"]`,
	`"text"`,
	`{"text":"a","extra":"b","flag":true,"off":false,"none":null}`,
	`{"text":"a","n":1}`,
	`{"text":"a","o":{"x":1}}`,
	`{"text":"a","l":[1,2]}`,
	`{"Text":"upper"}`,
	`{"TEXT":"upper","text":"lower"}`,
	`{"ID":"x","text":"t"}`,
	`{"id":5,"text":"t"}`,
	`{"text":5}`,
	`{"text":true}`,
	`{"lang":true,"text":"t"}`,
	`{"lang":"de","text":"t"}`,
	`{"url":"https://example.org/a?b=c&d","text":"t"}`,
	`{"published":2024,"text":"t"}`,
	`{"published":true,"text":"t"}`,
	`{"published":null,"text":"t"}`,
	`{"published":"2024-03-01T10:00:00Z","text":"t"}`,
	`{"published":"a\u0041","text":"t"}`,
	`{"te\u0078t":"escaped key"}`,
	`{"tëxt":"non-ASCII key"}`,
	`{"ſd":"long s folds to s in encoding/json","text":"t"}`,
	`{"id":"a","text":"t"`,
	`{"id":"a","text":"t",`,
	`{"id":"a","text":nul}`,
	`{"id":"a","text":tru}`,
	`{,}`,
	`{`,
	``,
}

func TestDecodeLineAsEncodingJSON(t *testing.T) {
	for _, line := range jsonlLines {
		checkDecodeLine(t, []byte(line))
	}
	// Some of them are decoded here, not left to encoding/json.
	var jl jsonlLine
	for _, line := range []string{jsonlLines[0], `{"text":"lone \ud83d high"}`, "{\"text\":\"\xff\"}", `{"text":null}`} {
		assert.True(t, decodeLine([]byte(line), &jl), line)
	}
	assert.True(t, decodeLine([]byte(`{"text":"lone \ud83d high"}`), &jl))
	assert.Equal(t, "lone \uFFFD high", string(jl.text))
}

// checkDecodeLine checks that decodeLine, where it decodes line, decodes
// it as json.Unmarshal into jsonlDoc does.
func checkDecodeLine(t *testing.T, line []byte) {
	t.Helper()
	var jl jsonlLine
	if !decodeLine(line, &jl) {
		return
	}
	var jd jsonlDoc
	err := json.Unmarshal(line, &jd)
	if !assert.NoError(t, err, "decodeLine took %q, encoding/json does not", line) {
		return
	}
	assert.Equal(t, jd.ID, jl.id, "%q", line)
	assert.Equal(t, jd.URL, jl.url, "%q", line)
	if jd.Text == nil {
		assert.Nil(t, jl.text, "%q", line)
	} else {
		assert.NotNil(t, jl.text, "%q", line)
		assert.Equal(t, *jd.Text, string(jl.text), "%q", line)
		// The escapes unquote listed make the same JSON as a search for
		// them: the Encoder's escaping of the text (escapedText).
		var gotGrown, wantGrown []growth
		got, ok := appendEscapedAt([]byte("x"), string(jl.text), jl.esc, &gotGrown)
		want := appendEscaped([]byte("x"), string(jl.text), &wantGrown)
		assert.True(t, ok, "%q: escapes at %v", line, jl.esc)
		assert.Equal(t, string(want), string(got), "%q: escapes at %v", line, jl.esc)
		assert.Equal(t, wantGrown, gotGrown, "%q: escapes at %v", line, jl.esc)
	}
	assert.True(t, bytes.Equal(jd.Published, jl.published), "%q: published %q, want %q", line, jl.published, jd.Published)
}

func FuzzDecodeLine(f *testing.F) {
	for _, line := range jsonlLines {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		checkDecodeLine(t, line)
	})
}

// BenchmarkDecodeLine decodes the seeds as JSONL lines with decodeLine and,
// for comparison, with encoding/json as readJSONL did before.
func BenchmarkDecodeLine(b *testing.B) {
	docs, _ := benchSeeds(b)
	lines := bytes.Split(bytes.TrimSpace(benchJSONL(b, docs, 1)), []byte("\n"))
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	b.Run("decodeLine", func(b *testing.B) {
		var jl jsonlLine
		benchCPU(b, size, func() {
			for _, l := range lines {
				if !decodeLine(l, &jl) {
					b.Fatal("not decoded")
				}
			}
		})
	})
	b.Run("encoding-json", func(b *testing.B) {
		benchCPU(b, size, func() {
			for _, l := range lines {
				var jd jsonlDoc
				if err := json.Unmarshal(l, &jd); err != nil {
					b.Fatal(err)
				}
				_ = []byte(*jd.Text)
			}
		})
	})
}

// TestQuotedAsEncodingJSON checks publishedDay's fast path: quoted decodes
// a JSON string value as json.Unmarshal into a string does; anything else
// is left to json.Unmarshal and its error.
func TestQuotedAsEncodingJSON(t *testing.T) {
	for _, raw := range []string{`"2024-03-01"`, `"2024\u002d03-01"`, `"\ud800x"`, `"a\"b"`, `""`, "\"\xff\"",
		`"2024-03-01T10:00:00Z"`, `true`, `2024`, `null`, `"a" `, `"a`, `"\x"`, `{"a":1}`, ``} {
		var want string
		wantErr := json.Unmarshal([]byte(raw), &want)
		got, end, ok := quoted([]byte(raw))
		if ok && end == len(raw) { // else publishedDay asks encoding/json
			assert.NoError(t, wantErr, raw)
			assert.Equal(t, want, string(got), raw)
		}
	}
}

// TestPlainBytes checks the eight-byte scan of unquote against a byte
// loop, for every byte value at every position of lines around it.
func TestPlainBytes(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c != '"' && c != '\\' && c < 0x80 }
	for _, around := range []string{"abcdefghijklmnopq", "\x80\xff\x00\"\\\x1f ab\x80\x7f\x21\x23\x5b\x5d~\xc3", "                 "} {
		for pos := range len(around) {
			for c := range 256 {
				b := []byte(around)
				b[pos] = byte(c)
				for from := range len(b) + 1 {
					want := from
					for want < len(b) && plain(b[want]) {
						want++
					}
					if got := plainBytes(b, from); got != want {
						t.Fatalf("plainBytes(%q, %d) = %d, want %d", b, from, got, want)
					}
				}
			}
		}
	}
}
