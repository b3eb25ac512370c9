package roles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// testGazetteer is a small gazetteer: the default's countries, one body
// and one official, so that tests show how patterns meet tagged entities.
func testGazetteer(t testing.TB) []*gazetteer.Entity {
	t.Helper()
	def, err := gazetteer.Default()
	require.NoError(t, err)
	var out []*gazetteer.Entity
	for _, e := range def {
		if e.Type == gazetteer.TypeCountry {
			out = append(out, e)
		}
	}
	extra, err := gazetteer.Parse("test.yaml", []byte(`
- id: org/test-far
  type: organization
  name: Revolutionary Armed Forces
  country: CUB
  sector: MIL
  names: {de: [FAR], es: [FAR]}
- id: org/test-broadcaster
  type: organization
  name: Beispielfunk
  country: DEU
  sector: MED
  names: {de: [BFK]}
- id: org/test-rki
  type: organization
  name: Robert Koch Institute
  country: DEU
  sector: GOV
  names: {de: [Robert Koch-Institut]}
- id: person/dmitry-peskov
  type: person
  name: Dmitry Peskov
  country: RUS
  names: {de: [Dmitri Peskow, Peskow], en: [Dmitry Peskov, Peskov]}
- id: person/wladimir-kolokolzew
  type: person
  name: Someone Else
  country: RUS
  names: {de: [Someone Else]}
`))
	require.NoError(t, err)
	return append(out, extra...)
}

type fixture struct {
	x  *Extractor
	tg *tagger.Tagger
}

func newFixture(t testing.TB) fixture {
	ents := testGazetteer(t)
	x, err := New(ents)
	require.NoError(t, err)
	return fixture{x: x, tg: tagger.New(gazetteer.Compile(ents))}
}

func (f fixture) extract(text, lang string) Result {
	return f.x.Extract(Input{Text: text, Lang: lang, Found: f.tg.Tag(text)})
}

// mentions lists a discovered entity's mentions as "text:match".
func mentions(text string, e Entity) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, text[m.Start:m.End]+":"+m.Match)
	}
	return out
}

func TestDiscoveredOfficials(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, lang, text string
		id, country      string
		sector, role     string
		mentions         []string
	}{
		{
			name: "de/adjective role name, later surname", lang: "de",
			text: "Der russische Innenminister Wladimir Kolokolzew traf am Dienstag in Minsk ein. Kolokolzew lobte die Zusammenarbeit.",
			// person/wladimir-kolokolzew is taken in the gazetteer: a suffix keeps ids apart.
			id: "person/wladimir-kolokolzew-2", country: "RUS", sector: "GOV", role: "russische Innenminister",
			mentions: []string{"Wladimir Kolokolzew:pattern", "Kolokolzew:coref"},
		},
		{
			name: "de/role with genitive body, then name", lang: "de",
			text: "Am Rande des Forums sprach die Vize-Direktorin der chinesischen Cyberspace-Behörde Li Wenjing über Datenschutz.",
			id:   "person/li-wenjing", country: "CHN", sector: "GOV", role: "Vize-Direktorin der chinesischen Cyberspace-Behörde",
			mentions: []string{"Li Wenjing:pattern"},
		},
		{
			name: "de/compound role, family name first", lang: "de",
			text: "Der chinesische Verteidigungsminister Dong Jun empfing die Gäste. Dong sprach von Vertrauen.",
			id:   "person/dong-jun", country: "CHN", sector: "MIL", role: "chinesische Verteidigungsminister",
			mentions: []string{"Dong Jun:pattern", "Dong:coref"},
		},
		{
			name: "de/apposition with a tagged body", lang: "de",
			text: "Ramón Espinosa Martín, Minister der FAR, reiste nach Moskau.",
			id:   "person/ramon-espinosa-martin", country: "CUB", sector: "GOV", role: "Minister der FAR",
			mentions: []string{"Ramón Espinosa Martín:pattern"},
		},
		{
			name: "de/photo credit glued to the name", lang: "de",
			text: "Der kubanische Außenminister und sein chinesischer Amtskollege Wang YiFoto © Xinhua",
			id:   "person/wang-yi", country: "CHN", sector: "GOV", role: "chinesischer Amtskollege",
			mentions: []string{"Wang Yi:pattern"},
		},
		{
			name: "de/name with particles", lang: "de",
			text: "Die Präsidentin der EU-Kommission Ursula von der Leyen reiste nach Kiew. Von der Leyen sprach dort.",
			id:   "person/ursula-von-der-leyen", sector: "GOV", role: "Präsidentin der EU-Kommission",
			mentions: []string{"Ursula von der Leyen:pattern"},
		},
		{
			name: "es/role adjective name", lang: "es",
			text: "El canciller cubano Bruno Rodríguez Parrilla denunció el bloqueo. Rodríguez Parrilla habló ante la ONU.",
			id:   "person/bruno-rodriguez-parrilla", country: "CUB", sector: "GOV", role: "canciller cubano",
			mentions: []string{"Bruno Rodríguez Parrilla:pattern", "Rodríguez Parrilla:coref"},
		},
		{
			name: "es/apposition with country genitive", lang: "es",
			text: "Andréi Belousov, ministro de Defensa de Rusia, visitó Pekín el lunes. Según Belousov, la cooperación crece.",
			id:   "person/andrei-belousov", country: "RUS", sector: "GOV", role: "ministro de Defensa de Rusia",
			mentions: []string{"Andréi Belousov:pattern", "Belousov:coref"},
		},
		{
			name: "de/apposition after a sentence's first word", lang: "de",
			text: "Für Anna Beispiel, die Außenministerin Spaniens, ist das ein Erfolg.",
			id:   "person/anna-beispiel", country: "ESP", sector: "GOV", role: "Außenministerin Spaniens",
			mentions: []string{"Anna Beispiel:pattern"},
		},
		{
			name: "es/a known first name after a body's name", lang: "es",
			text: "El director de la Policía Nacional Juan Pérez dijo que todo está bien.",
			id:   "person/juan-perez", sector: "GOV", role: "director de la Policía Nacional",
			mentions: []string{"Juan Pérez:pattern"},
		},
		{
			name: "es/role, complement, comma, name", lang: "es",
			text: "La portavoz de la Cancillería china, Mao Ning, rechazó las acusaciones.",
			id:   "person/mao-ning", country: "CHN", sector: "GOV", role: "portavoz de la Cancillería china",
			mentions: []string{"Mao Ning:pattern"},
		},
		{
			name: "en/multi-word role", lang: "en",
			text: "Secretary of State Marco Rubio met his counterpart on Friday. Rubio called the talks useful.",
			id:   "person/marco-rubio", sector: "GOV", role: "Secretary of State",
			mentions: []string{"Marco Rubio:pattern", "Rubio:coref"},
		},
		{
			name: "en/nationality and premodifier", lang: "en",
			text: "Russian Foreign Minister Sergei Lavrov arrived in Havana on Monday.",
			id:   "person/sergei-lavrov", country: "RUS", sector: "GOV", role: "Russian Foreign Minister",
			mentions: []string{"Sergei Lavrov:pattern"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			var persons []Entity
			for _, e := range res.Discovered {
				if e.Type == gazetteer.TypePerson {
					persons = append(persons, e)
				}
			}
			require.Len(t, persons, 1, "%+v", res.Discovered)
			e := persons[0]
			assert.Equal(t, tt.id, e.ID)
			assert.Equal(t, tt.country, e.Country)
			assert.Equal(t, tt.sector, e.Sector)
			assert.Equal(t, tt.role, e.RoleText)
			assert.Equal(t, tt.role, tt.text[e.Role.Start:e.Role.End])
			assert.Equal(t, tt.mentions, mentions(tt.text, e))
		})
	}
}

func TestNotOfficials(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ name, lang, text string }{
		{"de/photo credit", "de", "Foto © Sputnik / Sergei Guneev"},
		{"de/byline", "de", "Von unserem Korrespondenten Max Mustermann, Moskau"},
		{"de/source line with a role word", "de", "Quelle: Pressesprecher Thomas Beispiel"},
		{"de/role without a name", "de", "Der kubanische Vize-Regierungschef hob die Bedeutung hervor."},
		{"de/role as first part of a compound", "de", "Die Außenminister-Konsultationen fanden in Minsk statt."},
		{"de/plural bodies", "de", "Die offiziellen russischen Behörden schwiegen dazu."},
		{"de/a journalist is no role", "de", "Die Journalistin Anna Beispiel berichtete aus Havanna."},
		{"es/photo credit", "es", "Foto: Ernesto Mastrascusa / EFE"},
		{"en/byline", "en", "By John Example, correspondent in Moscow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.extract(tt.text, tt.lang)
			for _, e := range res.Discovered {
				assert.NotEqual(t, gazetteer.TypePerson, e.Type, "%+v", e)
			}
		})
	}
}

func TestRoleTextOfTaggedOfficial(t *testing.T) {
	f := newFixture(t)
	text := "Kreml-Sprecher Dmitri Peskow wies die Vorwürfe zurück. Peskow sprach von Erfindungen."
	res := f.extract(text, "de")
	assert.Empty(t, res.Discovered, "a tagged official is not discovered again")
	require.Len(t, res.Roles, 1)
	assert.Equal(t, "person/dmitry-peskov", res.Roles[0].Entity.ID)
	assert.Equal(t, "Kreml-Sprecher", res.Roles[0].Text)
	assert.Equal(t, "Kreml-Sprecher", text[res.Roles[0].Start:res.Roles[0].End])
}

func TestDiscoveredAgencies(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, lang, text string
		want             []string // "id country sector"
	}{
		{"de/ministry with complement and news agency", "de",
			"Das kubanische Ministerium für Kommunikation und die Nachrichtenagentur Xinhua berichteten darüber.",
			[]string{"org/ministerium-fur-kommunikation CUB GOV", "org/xinhua  JRN"}},
		{"de/body qualified by nationality", "de",
			"Die iranische Cyberabwehr-Behörde meldete einen Angriff.",
			[]string{"org/iranische-cyberabwehr-behorde IRN GOV"}},
		{"es/ministry with country and agency", "es",
			"El Ministerio de Relaciones Exteriores de Cuba y la agencia Prensa Latina informaron.",
			[]string{"org/ministerio-de-relaciones-exteriores CUB GOV", "org/prensa-latina  JRN"}},
		{"en/ministry and news agency", "en",
			"The Ministry of Foreign Affairs of Iran spoke to the news agency IRNA.",
			[]string{"org/ministry-of-foreign-affairs IRN GOV", "org/irna  JRN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range f.extract(tt.text, tt.lang).Discovered {
				require.Equal(t, gazetteer.TypeOrganization, e.Type, "%+v", e)
				got = append(got, e.ID+" "+e.Country+" "+e.Sector)
				assert.Equal(t, e.Name, tt.text[e.Mentions[0].Start:e.Mentions[0].End])
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLexiconsLoad(t *testing.T) {
	for _, lang := range Languages {
		lx, err := loadLexicon(lang)
		require.NoError(t, err, lang)
		assert.NotEmpty(t, lx.roles, lang)
		assert.NotEmpty(t, lx.bodies, lang)
		assert.NotEmpty(t, lx.words[kindCredit], lang)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Álvaro López Miera": "alvaro-lopez-miera",
		"Dmitri Peskow":      "dmitri-peskow",
		"Außenministerium":   "aussenministerium",
		"  ":                 "unnamed",
		"Díaz-Canel":         "diaz-canel",
	} {
		assert.Equal(t, want, Slug(in), in)
	}
}

// FuzzExtract checks what must hold for any text: no panic, mentions and
// role spans in range, on rune boundaries, and in text order.
func FuzzExtract(f *testing.F) {
	fx := newFixture(f)
	for _, s := range []string{
		"Der russische Innenminister Wladimir Kolokolzew traf ein.",
		"El canciller cubano Bruno Rodríguez, ministro de X,",
		"Secretary of State Marco Rubio", "Minister der FAR, Dong JunFoto © X",
		"Ministerium für", "la agencia „", ", Minister", "Sprecher -",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, lang := range []string{"de", "es"} {
			res := fx.extract(text, lang)
			for _, e := range res.Discovered {
				require.NotEmpty(t, e.Mentions)
				prev := -1
				for _, m := range e.Mentions {
					require.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(text), "%+v", m)
					require.True(t, utf8.ValidString(text[m.Start:m.End]))
					require.Greater(t, m.Start, prev)
					prev = m.Start
				}
				require.True(t, strings.HasPrefix(e.ID, "person/") || strings.HasPrefix(e.ID, "org/"))
			}
			for _, r := range res.Roles {
				require.True(t, 0 <= r.Start && r.Start < r.End && r.End <= len(text))
			}
		}
	})
}

// TestConcurrentUse runs one extractor from several goroutines, English
// included (prose's shared model): go test -race checks it.
func TestConcurrentUse(t *testing.T) {
	f := newFixture(t)
	texts := map[string]string{
		"en": "Kremlin spokesman Dmitry Peskov declined to comment, while Secretary of State Marco Rubio spoke.",
		"de": "Der russische Innenminister Wladimir Kolokolzew traf ein.",
		"es": "El canciller cubano Bruno Rodríguez Parrilla denunció el bloqueo.",
	}
	want := map[string]Result{}
	for lang, text := range texts {
		want[lang] = f.extract(text, lang)
	}
	done := make(chan Result, 12)
	for i := 0; i < 12; i++ {
		lang := Languages[i%3]
		go func() { done <- f.extract(texts[lang], lang) }()
	}
	for i := 0; i < 12; i++ {
		res := <-done
		require.NotEmpty(t, res.Discovered)
		assert.Equal(t, want[res.Discovered[0].Lang], res)
	}
}

// BenchmarkExtract measures the role patterns alone (tagging excluded) on
// the seed texts, in MB/s.
func BenchmarkExtract(b *testing.B) {
	ents, err := gazetteer.Default()
	require.NoError(b, err)
	x, err := New(ents)
	require.NoError(b, err)
	tg := tagger.New(gazetteer.Compile(ents))
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	require.NoError(b, err)
	var inputs []Input
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(b, err)
		text := string(data)
		inputs = append(inputs, Input{Text: text, Tokens: gazetteer.Tokens(text), Lang: "de", Found: tg.Tag(text)})
		size += len(text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, in := range inputs {
			x.Extract(in)
		}
	}
}
