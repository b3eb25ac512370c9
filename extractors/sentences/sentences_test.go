package sentences

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	punkt "gopkg.in/neurosnap/sentences.v1"
)

func texts(text string, spans []Span) []string {
	out := make([]string, 0, len(spans))
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		lang string
		text string
		want []string
	}{
		{
			name: "ordinal before month",
			lang: "de",
			text: "Die Invasion begann am 24. Februar mit Luftangriffen. Danach sprach der Minister.",
			want: []string{"Die Invasion begann am 24. Februar mit Luftangriffen.", "Danach sprach der Minister."},
		},
		{
			name: "dateline with ordinal",
			lang: "de",
			text: "MOSKAU, 26. Mai (BelTA) - Die Konsultationen fanden heute statt. Das meldet das Ministerium.",
			want: []string{"MOSKAU, 26. Mai (BelTA) - Die Konsultationen fanden heute statt.", "Das meldet das Ministerium."},
		},
		{
			name: "German ordinal before noun",
			lang: "de",
			text: "Die Parade zum 80. Jahrestag fand in Peking statt. Sie dauerte zwei Stunden.",
			want: []string{"Die Parade zum 80. Jahrestag fand in Peking statt.", "Sie dauerte zwei Stunden."},
		},
		{
			name: "year ends a sentence",
			lang: "de",
			text: "Das Abkommen gilt bis 2030. Die Minister trafen sich in Minsk.",
			want: []string{"Das Abkommen gilt bis 2030.", "Die Minister trafen sich in Minsk."},
		},
		{
			name: "editor's note and lower case continuation",
			lang: "de",
			text: `"Warum soll er sich auf das Vertrauen (des Präsidenten - Anm.d. Red.) auswirken? Er kann es nicht", betonte der Sprecher.`,
			want: []string{`"Warum soll er sich auf das Vertrauen (des Präsidenten - Anm.d. Red.) auswirken?`, `Er kann es nicht", betonte der Sprecher.`},
		},
		{
			name: "German abbreviations",
			lang: "de",
			text: "Themen wie z.B. Handel wurden erörtert. Dr. Müller leitete die Sitzung.",
			want: []string{"Themen wie z.B. Handel wurden erörtert.", "Dr. Müller leitete die Sitzung."},
		},
		{
			name: "Spanish titles and EE.UU.",
			lang: "es",
			text: "El Sr. López Miera viajó a Pekín. La relación con EE.UU. sigue tensa.",
			want: []string{"El Sr. López Miera viajó a Pekín.", "La relación con EE.UU. sigue tensa."},
		},
		{
			name: "English titles",
			lang: "en",
			text: "Mr. Peskov said the talks went well. Dr. Smith disagreed.",
			want: []string{"Mr. Peskov said the talks went well.", "Dr. Smith disagreed."},
		},
		{
			name: "lines are hard boundaries",
			lang: "de",
			text: "Politik\nSNA Radio\n\nDer Kreml kommentierte den Tweet. Trump schwieg",
			want: []string{"Politik", "SNA Radio", "Der Kreml kommentierte den Tweet.", "Trump schwieg"},
		},
		{
			name: "embedded tweet",
			lang: "de",
			text: "Viele Plattformen dienten zur Destabilisierung. Representantes de #China y #Cuba firmaron hoy un acuerdo. https://t.co/x - Canal Caribe (@CanalCaribeCuba) April 3, 2023 Neben der Cybersicherheit ging es um Handel.",
			want: []string{"Viele Plattformen dienten zur Destabilisierung.", "Representantes de #China y #Cuba firmaron hoy un acuerdo.", "https://t.co/x - Canal Caribe (@CanalCaribeCuba) April 3, 2023 Neben der Cybersicherheit ging es um Handel."},
		},
		{
			name: "other language uses the English model",
			lang: "fr",
			text: "Le ministre est arrivé. Il a parlé.",
			want: []string{"Le ministre est arrivé.", "Il a parlé."},
		},
		{name: "empty", lang: "de", text: "", want: []string{}},
		{name: "only white space", lang: "de", text: " \n\n \t", want: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text, tt.lang)
			assert.Equal(t, tt.want, texts(tt.text, got))
			checkSpans(t, tt.text, got)
		})
	}
}

// checkSpans asserts the package guarantees.
func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		require.LessOrEqual(t, prev, s.Start, "in order, non-overlapping")
		require.Less(t, s.Start, s.End, "never empty")
		require.LessOrEqual(t, s.End, len(text))
		if utf8.ValidString(text) {
			require.True(t, utf8.RuneStart(text[s.Start]), "start on a rune boundary")
			require.True(t, s.End == len(text) || utf8.RuneStart(text[s.End]), "end on a rune boundary")
		}
		r, _ := utf8.DecodeRuneInString(text[s.Start:])
		require.False(t, unicode.IsSpace(r), "trimmed at the start")
		r, _ = utf8.DecodeLastRuneInString(text[:s.End])
		require.False(t, unicode.IsSpace(r), "trimmed at the end")
		require.NotContains(t, text[s.Start:s.End], "\n", "lines are boundaries")
		prev = s.End
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Am 24. Februar. Dr. Müller kam.\nPolitik\n\nEr sagte: \"Ja.\" dann ging er.", "de")
	f.Add("El Sr. López llegó a EE.UU. Ayer habló.", "es")
	f.Add("Mr. Smith went to Washington. He said no.", "en")
	f.Add("ü. Ü. 1. Mai. \xff. ..", "xx")
	f.Fuzz(func(t *testing.T, text, lang string) {
		spans := Split(text, lang)
		checkSpans(t, text, spans)
		// Every non-space byte of the text lies in some span: splitting
		// loses nothing.
		covered := 0
		for _, s := range spans {
			covered += len(strings.Join(strings.Fields(text[s.Start:s.End]), ""))
		}
		require.Equal(t, len(strings.Join(strings.Fields(text), "")), covered)
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("MOSKAU, 26. Mai (BelTA) - Die Konsultationen zur internationalen Informationssicherheit fanden heute in Moskau statt. Darüber berichtet das Ministerium auf seiner Webseite. \"Es wurde beschlossen, die nächsten Konsultationen im Jahr 2023 in Minsk abzuhalten\", fügte das Außenministerium hinzu.\nPolitik\n\n", 200)
	Split(text, "de")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text, "de")
	}
}

// TestSkipPunkt checks that skipping Punkt for a line without punctuation
// before its last word gives the spans Punkt would give.
func TestSkipPunkt(t *testing.T) {
	tests := []struct {
		name string
		line string
		mid  bool
	}{
		{name: "headline without punctuation", line: "Kreml weist Vorwürfe aus Washington zurück", mid: false},
		{name: "one sentence", line: "Der Minister traf seinen Amtskollegen in Minsk.", mid: false},
		{name: "trailing white space", line: "El canciller viajó a Pekín. \t", mid: false},
		{name: "question with quote", line: `Was bedeutet das für Europa?"`, mid: false},
		{name: "abbreviation last", line: "Talks resumed in the U.S.", mid: false},
		{name: "two sentences", line: "Der Minister kam. Er sprach.", mid: true},
		{name: "abbreviation inside", line: "Dr. Müller leitete die Sitzung", mid: true},
		{name: "ordinal inside", line: "MOSKAU, 26. Mai (BelTA)", mid: true},
		{name: "only punctuation", line: "...", mid: false},
		{name: "invalid UTF-8", line: "ü. \xff", mid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.mid, midLinePunct(tt.line))
			if tt.mid {
				return
			}
			for _, lang := range []string{"de", "es", "en"} {
				want := punktLine(nil, tokenizer(lang), tt.line, 0, len(tt.line), lang)
				assert.Equal(t, want, appendTrimmed(nil, tt.line, 0, len(tt.line)), lang)
			}
		})
	}
}

func FuzzSkipPunkt(f *testing.F) {
	f.Add("Der Minister traf seinen Amtskollegen in Minsk.", "de")
	f.Add("Talks resumed in the U.S. ", "en")
	f.Add("¿Qué pasó?»", "es")
	f.Fuzz(func(t *testing.T, line, lang string) {
		if strings.Contains(line, "\n") || midLinePunct(line) {
			return
		}
		require.Equal(t, punktLine(nil, tokenizer(lang), line, 0, len(line), lang), appendTrimmed(nil, line, 0, len(line)))
	})
}

// punktLineWhole is punktLine giving Punkt the whole line, as before
// punktLine skipped the words ahead of the first ".!?".
func punktLineWhole(spans []Span, text string, start, end int, lang string) []Span {
	line := text[start:end]
	tokens := tokenizer(lang).AnnotatedTokens(line)
	last := 0
	for i, t := range tokens {
		if !t.SentBreak || t.Position <= last || t.Position >= len(line) {
			continue
		}
		var next *punkt.Token
		if i+1 < len(tokens) {
			next = tokens[i+1]
		}
		if !keepBreak(t.Tok, next, lang) {
			continue
		}
		spans = appendTrimmed(spans, text, start+last, start+t.Position)
		last = t.Position
	}
	return appendTrimmed(spans, text, start+last, end)
}

func TestPunktFromFirstPunct(t *testing.T) {
	tests := []struct {
		name string
		lang string
		line string
	}{
		{name: "two sentences", lang: "de", line: "Der Minister traf seinen Amtskollegen in Minsk. Danach reiste er weiter."},
		{name: "ordinal after dateline", lang: "de", line: "MOSKAU, 26. Mai (BelTA) - Die Gespräche fanden heute statt. Das meldet das Ministerium."},
		{name: "no-break space before abbreviation", lang: "es", line: "Lo dijo el\u00a0Sr. López en La Habana. Luego se fue."},
		{name: "initials", lang: "en", line: "The envoy J. Smith met officials in the U.S. Capitol. They talked."},
		{name: "punctuation first", lang: "en", line: "... and then he left. Nobody knew."},
		{name: "broken bytes", lang: "de", line: "Er kam \xe2\xe2\x80\x80 z.B. heute. Sie ging."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := punktLineWhole(nil, tt.line, 0, len(tt.line), tt.lang)
			assert.Equal(t, want, punktLine(nil, tokenizer(tt.lang), tt.line, 0, len(tt.line), tt.lang))
		})
	}
}

func FuzzPunktFromFirstPunct(f *testing.F) {
	f.Add("Der Minister kam. Er sprach.", "de")
	f.Add("Dijo el\u00a0Sr. López. Luego\u2000se fue.", "es")
	f.Fuzz(func(t *testing.T, line, lang string) {
		if strings.Contains(line, "\n") || !strings.ContainsAny(line, ".!?") {
			return
		}
		require.Equal(t, punktLineWhole(nil, line, 0, len(line), lang), punktLine(nil, tokenizer(lang), line, 0, len(line), lang))
	})
}

// TestWordStart holds the backward scan of wordStart to the forward one at
// every byte of the test lines and of the seeds.
func TestWordStart(t *testing.T) {
	lines := []string{"", "a", " a", "ab cd.", "Er kam \xe2\xe2\x80\x80 z.B. heute.", "Lo dijo el\u00a0Sr. López.", "x\u2000y.z", "\x80 a.", "é.b c"}
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, line := range lines {
		for k := -1; k < len(line); k++ {
			require.Equal(t, wordStartForward(line, k), wordStart(line, k), "%q at %d", line, k)
		}
	}
}

func FuzzWordStart(f *testing.F) {
	f.Add("Lo dijo el\u00a0Sr. López.", 12)
	f.Fuzz(func(t *testing.T, line string, k int) {
		if k < -1 || k >= len(line) {
			return
		}
		require.Equal(t, wordStartForward(line, k), wordStart(line, k))
	})
}
