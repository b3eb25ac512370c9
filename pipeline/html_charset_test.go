package pipeline_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/gazex/gazex/pipeline"
)

// charsetPage is a news page whose head is given; its article is long
// enough for the extractor to take it as main text.
func charsetPage(head, title string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>" + title + "</title></head><body><article><h1>" + title + "</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func encode(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	out, err := e.NewEncoder().String(s)
	require.NoError(t, err)
	return out
}

// TestHTMLCharsets: a page is decoded by its byte order mark, else by the
// charset its meta elements declare (even after a long script, as on real
// pages), else as UTF-8 when it is valid UTF-8, else by a guess — and the
// text that spans index into is UTF-8.
func TestHTMLCharsets(t *testing.T) {
	pl := []string{
		"Minister spraw zagranicznych Polski spotkał się w Warszawie z ministrem gospodarki Czech, żeby omówić wspólne inwestycje w żeglugę na Odrze.",
		"Rozmowy trwały dwie godziny. Obaj politycy zapowiedzieli, że kolejne spotkanie odbędzie się jesienią w Pradze, a umowa zostanie podpisana przed końcem roku.",
	}
	de := []string{
		"Der österreichische Außenminister hat am Dienstag in Graz seinen slowenischen Amtskollegen empfangen, um über die Grenzkontrollen zu sprechen.",
		"Beide Minister kündigten an, die Gespräche im Frühjahr fortzusetzen. Über die Straßenmaut wurde keine Einigung erzielt, hieß es aus dem Ministerium.",
	}
	es := []string{
		"El ministro de Asuntos Exteriores de España se reunió el martes en Madrid con su homólogo portugués para hablar de la conexión ferroviaria.",
		"Ambos ministros anunciaron que firmarán un acuerdo en otoño. La reunión duró más de dos horas, según informó el ministerio en un comunicado.",
	}
	script := "<script>var consent = \"" + strings.Repeat("x", 2000) + "\";</script>"
	tests := []struct {
		name string
		page string
		want string
	}{
		{"http-equiv after a long script", encode(t, charmap.Windows1250,
			charsetPage(script+`<meta http-equiv="Content-Type" content="text/html; charset=Windows-1250" />`, "Polska i Czechy o żegludze", pl...)),
			"spotkanie odbędzie się jesienią w Pradze"}, // ą is not where ISO-8859-2 has it
		{"meta charset", encode(t, charmap.ISO8859_2,
			charsetPage(`<meta charset="iso-8859-2">`, "Polska i Czechy o żegludze", pl...)),
			"Polska i Czechy o żegludze\n"},
		{"meta charset latin-1", encode(t, charmap.Windows1252,
			charsetPage(`<meta charset='latin1'>`, "Außenminister empfängt Amtskollegen", de...)),
			"Der österreichische Außenminister"},
		{"utf-16 with a byte order mark", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
			charsetPage("", "Reunión en Madrid", es...)),
			"se reunió el martes en Madrid con su homólogo portugués"},
		{"utf-8 byte order mark beats a wrong declaration", "\uFEFF" +
			charsetPage(`<meta charset="windows-1252">`, "Reunión en Madrid", es...),
			"su homólogo portugués"},
		{"undeclared utf-8", charsetPage("", "Außenminister empfängt Amtskollegen", de...),
			"Über die Straßenmaut"},
		{"a declaration in the body is not the page's", charsetPage("", "Außenminister empfängt Amtskollegen",
			append([]string{`<meta charset="iso-8859-5">`}, de...)...),
			"Über die Straßenmaut"},
		{"undeclared latin-1 is guessed", encode(t, charmap.ISO8859_1,
			charsetPage("", "Außenminister empfängt Amtskollegen", de...)),
			"Beide Minister kündigten an, die Gespräche im Frühjahr fortzusetzen. Über die Straßenmaut"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := read("p.html", tc.page, pipeline.InputOptions{})
			require.Len(t, docs, 1)
			require.NoError(t, docs[0].Err)
			text := string(docs[0].Text)
			assert.True(t, utf8.ValidString(text), "spans index into UTF-8 text")
			assert.Contains(t, text, tc.want)
			assert.NotContains(t, text, "\uFFFD")
		})
	}
}

// TestHTMLCharsetSpans: the spans of a page that is not UTF-8 index into
// its decoded text — the characters of the page, not its bytes.
func TestHTMLCharsetSpans(t *testing.T) {
	page := encode(t, charmap.ISO8859_1, charsetPage(`<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1">`,
		"Lawrow empfängt Wang Yi",
		"Der russische Außenminister Sergej Lawrow hat am Montag in Moskau seinen chinesischen Amtskollegen Wang Yi empfangen.",
		"Beide Minister würdigten die Beziehungen ihrer Länder und kündigten weitere Gespräche über die Lage in Nahost an."))
	docs := read("p.html", page, pipeline.InputOptions{})
	require.Len(t, docs, 1)
	require.NoError(t, docs[0].Err)
	res, err := testPipeline(t, 1).Process(t.Context(), docs[0])
	require.NoError(t, err)
	text := string(docs[0].Text)
	names := map[string]bool{}
	for _, e := range res.Document.Entities {
		for _, m := range e.Mentions {
			assert.Equal(t, m.Text, text[m.Byte[0]:m.Byte[1]], "%s", e.ID)
			assert.Equal(t, m.Text, string([]rune(text)[m.Char[0]:m.Char[1]]), "%s", e.ID)
			names[m.Text] = true
		}
	}
	assert.True(t, names["Sergej Lawrow"] || names["Lawrow"], "the official is found: %v", names)
	assert.True(t, strings.Contains(text, "Außenminister"), "decoded, not read as bytes")
}
