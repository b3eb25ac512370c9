package sentences

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// portTokens runs the port over text as punktLine does for lang.
func portTokens(text, lang string) []ptoken {
	toks := punktTokens(nil, text)
	punktAnnotate(modelFor(lang), text, toks)
	return toks
}

// requireSameTokens checks the port against the library's AnnotatedTokens.
func requireSameTokens(t *testing.T, text, lang string) {
	t.Helper()
	want := tokenizer(lang).AnnotatedTokens(text)
	got := portTokens(text, lang)
	require.Len(t, got, len(want), "%s %q", lang, text)
	for i, w := range want {
		g := got[i]
		require.Equal(t, w.Tok, text[g.start:g.end], "%s %q token %d", lang, text, i)
		require.Equal(t, []any{w.Position, w.SentBreak, w.Abbr}, []any{g.pos, g.sentBreak, g.abbr},
			"%s %q token %d %q", lang, text, i, w.Tok)
	}
}

var portCases = []string{
	"Der Minister kam. Er sprach.",
	"MOSKAU, 26. Mai (BelTA) - Die Gespräche fanden heute statt. Das meldet das Ministerium.",
	"Lo dijo el\u00a0Sr. López en La Habana. Luego se fue.",
	"The envoy J. Smith met officials in the U.S. Capitol. They talked.",
	"... and then he left. Nobody knew. . . Really?! (Yes.) \"No.\" 'Maybe.' It's 3.5 or -4,5. Or 2023.",
	"Er kam \xe2\xe2\x80\x80 z.B. heute. Sie ging. Präsident. Öl. ÖL. dijo.» Fin.»",
	"Talks in the U.S.A. ended. a.. b. C. www.example.com. e.g. Smith. No. 5 and Gen. Lee.",
	"Wow!’ He left.” She said?” Yes.’ And.” Then.[1] More.(2) x?[3] y!(4) z",
	"1. 2.3. 10,000. -.5. ,5. --5. a-b. Ene.-Feb. x-y-z. s. S. ü. Ü.",
	"ü. \xff. ..",
	"Ende.\u2000Anfang. Mitte.\u00a0Schluss",
	"Hola.» ",
}

func TestPunktPortMatchesLibrary(t *testing.T) {
	for _, lang := range []string{"de", "es", "en", "fr"} {
		for _, c := range portCases {
			requireSameTokens(t, c, lang)
		}
	}
	// Every line of the seeds, the hold-out texts and, when
	// GAZEX_PUNKT_TEXTS names files (plain text or JSON Lines with a
	// "text" member, e.g. the dev corpus), those too.
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	more, _ := filepath.Glob("../../testdata/eval/holdout/texts/*")
	files = append(files, more...)
	if env := os.Getenv("GAZEX_PUNKT_TEXTS"); env != "" {
		files = append(files, strings.Fields(env)...)
	}
	lines := 0
	for _, f := range files {
		for _, text := range readTexts(t, f) {
			for line := range strings.SplitSeq(text, "\n") {
				if !strings.ContainsAny(line, ".!?") {
					continue
				}
				lines++
				for _, lang := range []string{"de", "es", "en"} {
					requireSameTokens(t, line, lang)
				}
			}
		}
	}
	t.Logf("%d lines", lines)
}

func readTexts(t *testing.T, name string) []string {
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	if !strings.HasSuffix(name, ".jsonl") {
		return []string{string(b)}
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			out = append(out, rec.Text)
		}
	}
	return out
}

func FuzzPunktPort(f *testing.F) {
	for _, c := range portCases {
		f.Add(c, "de")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		requireSameTokens(t, text, lang)
	})
}
