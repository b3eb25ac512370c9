package langid

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/sentences"
)

var (
	sharedOnce sync.Once
	shared     *Detector
)

// detector shares one Detector across tests, as the pipeline shares one
// across workers.
func detector(t testing.TB) *Detector {
	sharedOnce.Do(func() {
		d, err := New(nil)
		require.NoError(t, err)
		shared = d
	})
	return shared
}

type wantSeg struct{ lang, text string }

func TestDocumentAndSegments(t *testing.T) {
	tests := []struct {
		name string
		text string
		lang string
		segs []wantSeg
	}{
		{
			name: "German article with an embedded Spanish tweet",
			text: "Havanna und Peking vertiefen ihre Zusammenarbeit.\n\nDie kubanische Ministerin unterzeichnete am Montag ein Abkommen über Cybersicherheit. Das Dokument solle der Entwicklung beider Völker dienen. El ministro de Comunicaciones destacó hoy en Pekín la voluntad de ambos gobiernos de trabajar por una internet segura. pic.twitter.com/abc - Ministerio de Comunicaciones (@MINCOMCuba) March 27, 2023 Danach reiste die Delegation nach Shanghai.",
			lang: "de",
			segs: []wantSeg{
				{"es", "El ministro de Comunicaciones destacó hoy en Pekín la voluntad de ambos gobiernos de trabajar por una internet segura."},
				{"en", "March 27, 2023"},
			},
		},
		{
			name: "Spanish article quoting English sentences",
			text: "El portavoz del Departamento de Estado criticó el acuerdo entre ambos países. Según el comunicado, la cooperación militar preocupa a Washington. We are closely monitoring the situation. The United States will defend its interests in the region. La Habana no respondió a las críticas.",
			lang: "es",
			segs: []wantSeg{{"en", "We are closely monitoring the situation. The United States will defend its interests in the region."}},
		},
		{
			name: "English article",
			text: "Russia and China agreed on Tuesday to expand their cooperation in cyber security. The statement was published by the Kremlin after a meeting in Moscow.\nPolitics\nReuters",
			lang: "en",
		},
		{
			name: "German sentence opened by a Spanish connector and an English word",
			text: "Die Minister trafen sich in Peking. No obstante, die Zusammenarbeit der beiden Armeen sorgt für Besorgnis in Washington. Beide Seiten discussed auch die jährliche Conference der Streitkräfte.",
			lang: "de",
			segs: []wantSeg{{"es", "No obstante"}, {"en", "discussed"}, {"en", "Conference"}},
		},
		{
			name: "noise lines and names stay German",
			text: "07:30 07 Dezember 2019\nSNA Radio\nPolitik\n© Sputnik / Sergei Guneev\nFoto: Álvaro López Miera und Cao Shumin in Peking\nhttps://www.example.com/news/cuba-china\nDer Minister Álvaro López Miera sprach in Peking mit seinem Amtskollegen über den Cyberspace und die Governance des Internets.",
			lang: "de",
		},
	}
	d := detector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, conf := d.Document(tt.text)
			require.Equal(t, tt.lang, lang)
			// Better than chance among three languages, even with a
			// long foreign passage.
			assert.Greater(t, conf, 1.0/3)
			assert.LessOrEqual(t, conf, 1.0)
			segs := d.Segments(tt.text, sentences.Split(tt.text, lang), lang)
			got := make([]wantSeg, 0, len(segs))
			for _, s := range segs {
				got = append(got, wantSeg{s.Lang, tt.text[s.Start:s.End]})
				assert.NotEqual(t, lang, s.Lang)
				assert.True(t, s.Confidence > 0 && s.Confidence <= 1)
			}
			want := tt.segs
			if want == nil {
				want = []wantSeg{}
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestNew(t *testing.T) {
	_, err := New([]string{"de", "xx"})
	require.Error(t, err)

	one, err := New([]string{"de"})
	require.NoError(t, err)
	lang, conf := one.Document("Any text at all.")
	assert.Equal(t, "de", lang)
	assert.Equal(t, 1.0, conf)
	assert.Empty(t, one.Segments("Hola amigos, ¿cómo están?", []sentences.Span{{Start: 0, End: 10}}, "de"))

	two, err := New([]string{"EN", "es", "es"})
	require.NoError(t, err)
	lang, _ = two.Document("El gobierno de Cuba firmó un acuerdo con China sobre la seguridad de las redes.")
	assert.Equal(t, "es", lang)
}

func TestDocumentShortText(t *testing.T) {
	d := detector(t)
	tests := []struct{ text, lang string }{
		{"Cybersicherheitsabkommen unterzeichnet", "de"},
		{"Acuerdo de ciberseguridad", "es"},
		{"", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			lang, conf := d.Document(tt.text)
			assert.Equal(t, tt.lang, lang)
			assert.True(t, conf > 0 && conf <= 1)
		})
	}
}

func TestSegmentsBadInput(t *testing.T) {
	d := detector(t)
	text := "Die Regierung tagte. El gobierno de Cuba y el de China firmaron un acuerdo."
	// Out-of-range spans from a confused caller are skipped, not a panic.
	segs := d.Segments(text, []sentences.Span{{Start: -1, End: 3}, {Start: 5, End: 1000}, {Start: 7, End: 7}}, "de")
	assert.Empty(t, segs)
	segs = d.Segments("\xff\xfe El gobierno de Cuba y el de China", []sentences.Span{{Start: 0, End: 36}}, "de")
	assert.Len(t, segs, 1)
}

func TestConcurrentUse(t *testing.T) {
	d := detector(t)
	seeds := loadSeeds(t)
	var wg sync.WaitGroup
	for _, text := range seeds {
		for range 2 {
			wg.Go(func() {
				lang, _ := d.Document(text)
				d.Segments(text, sentences.Split(text, lang), lang)
			})
		}
	}
	wg.Wait()
}

// BenchmarkPipeline runs Document, Split and Segments over the seeds
// concatenated, the work the detect stage does per document.
func BenchmarkPipeline(b *testing.B) {
	var docs []string
	for _, t := range loadSeeds(b) {
		docs = append(docs, t)
	}
	b.Run("seeds", func(b *testing.B) {
		d, err := New(nil)
		require.NoError(b, err)
		run := func() {
			for _, text := range docs {
				lang, _ := d.Document(text)
				d.Segments(text, sentences.Split(text, lang), lang)
			}
		}
		run() // models loaded outside the timing
		before := d.LinguaCalls()
		b.SetBytes(int64(len(strings.Join(docs, ""))))
		b.ResetTimer()
		for b.Loop() {
			run()
		}
		b.ReportMetric(float64(d.LinguaCalls()-before)/float64(b.N), "lingua-calls/op")
		b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}
