package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
