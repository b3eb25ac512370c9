package pipeline

import (
	"strings"
	"testing"

	trafilatura "github.com/gazex/gazex/third_party/go-trafilatura"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// slowSource is what htmlSource must equal: every page through the decoder,
// NFD, the removal of soft hyphens and NFC.
func slowSource(t *testing.T, raw []byte) []byte {
	enc, _ := htmlEncoding(raw)
	out, err := transformAll(raw, append([]transform.Transformer{enc.NewDecoder()}, normalizeHTML()...)...)
	require.NoError(t, err)
	return out
}

func TestHTMLSource(t *testing.T) {
	latin1, err := charmap.ISO8859_1.NewEncoder().String(`<html><head><meta charset="iso-8859-1"></head><body><p>Außenminister Peña</p></body></html>`)
	require.NoError(t, err)
	for _, tc := range []struct{ name, in, want string }{
		{"NFC UTF-8 is kept", "<p>Außenministerin Baerbock traf Peña.</p>", "<p>Außenministerin Baerbock traf Peña.</p>"},
		{"decomposed letters are composed", "<p>Pen\u0303a</p>", "<p>Peña</p>"},
		{"soft hyphens go", "<p>Außen\u00ADministerin</p>", "<p>Außenministerin</p>"},
		{"marks after a soft hyphen join the letter before it", "<p>Pen\u00AD\u0303a</p>", "<p>Peña</p>"},
		{"declared UTF-8", `<meta charset="utf-8"><p>Peña</p>`, `<meta charset="utf-8"><p>Peña</p>`},
		{"declared UTF-8 with invalid bytes", "<meta charset=\"utf-8\"><p>Pe\xf1a</p>", "<meta charset=\"utf-8\"><p>Pe\uFFFDa</p>"},
		{"a byte order mark", "\ufeff<p>Peña</p>", "\ufeff<p>Peña</p>"},
		{"Latin-1 is decoded", latin1, `<html><head><meta charset="iso-8859-1"></head><body><p>Außenminister Peña</p></body></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := htmlSource([]byte(tc.in))
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
			assert.Equal(t, string(slowSource(t, []byte(tc.in))), string(got))
		})
	}
}

// TestHTMLLeanPage checks go-trafilatura's Lean option on a page written
// for it, with everything Lean leaves out (an author in the page's
// elements, categories, tags, a license link): the page gazex keeps is the
// same with and without it.
func TestHTMLLeanPage(t *testing.T) {
	page := `<html lang="de"><head><title>Ministerin besucht Madrid | Zeitung</title>
<meta property="og:site_name" content="Die Zeitung">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<link rel="canonical" href="https://zeitung.example/politik/ministerin-madrid"></head>
<body><header><nav><a href="/politik">Politik</a></nav></header>
<article><h1>Ministerin besucht Madrid</h1>
<p class="author">Von <a rel="author" href="/autoren/erika-muster">Erika Muster</a></p>
<p>Die Außenministerin ist am Dienstag zu einem zweitägigen Besuch nach Madrid gereist. Dort will sie mit ihrem spanischen Amtskollegen über die Lage im Nahen Osten sprechen.</p>
<p>Am Mittwoch trifft sie außerdem den Ministerpräsidenten. Beide Regierungen hatten im vergangenen Jahr eine engere Zusammenarbeit in der Migrationspolitik vereinbart.</p>
<p>Tags: <a href="/tag/spanien" rel="tag">Spanien</a>, <a href="/category/aussenpolitik">Außenpolitik</a></p></article>
<footer><a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></footer></body></html>`
	full := htmlOptions()
	full.Lean = false
	want, err := extractPage([]byte(page), full)
	require.NoError(t, err)
	got, err := extractPage([]byte(page), htmlOptions())
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, "2024-03-05", got.Published)
	// What Lean leaves out is there to be found.
	for _, lean := range []bool{false, true} {
		opts := htmlOptions()
		opts.Lean = lean
		doc, err := html.Parse(strings.NewReader(page))
		require.NoError(t, err)
		res, err := trafilatura.ExtractDocument(doc, opts)
		require.NoError(t, err)
		assert.Equal(t, !lean, res.Metadata.Author != "" && res.Metadata.Language != "" && res.Metadata.License != "", "lean %v: %+v", lean, res.Metadata)
	}
	assert.Contains(t, got.Text, "Die Außenministerin ist am Dienstag")
}
