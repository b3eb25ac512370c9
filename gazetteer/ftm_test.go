package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var pepFile = filepath.Join("testdata", "ftm", "pep.ftm.json")

func loadPEP(t *testing.T) map[string]*Entity {
	t.Helper()
	ents, err := LoadFile(pepFile)
	require.NoError(t, err)
	byID := map[string]*Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	return byID
}

func TestFtMEntities(t *testing.T) {
	byID := loadPEP(t)
	require.Len(t, byID, 5, "two persons, three organisations; positions, occupancies and the address are not entities")

	tests := []struct {
		name                              string
		id, typ, display, country, sector string
		names, short                      []string
		file                              string
	}{
		{"person with aliases", "person/ftm-q98765401", TypePerson, "Marta Quintero Ibáñez", "ARG", "",
			[]string{"Marta Quintero Ibáñez", "Marta Quintero", "Quintero"}, []string{"Tita Quintero"}, pepFile + ":2"},
		{"person from first and last name", "person/ftm-q98765402", TypePerson, "Jonas Weyland", "DEU", "",
			[]string{"Jonas Weyland", "Weyland"}, nil, pepFile + ":9"},
		{"organisation, sector from topic", "org/ftm-nk-ar-ciber-7fq2", TypeOrganization, "Agencia Federal de Ciberdefensa Austral", "ARG", "SPY",
			[]string{"Agencia Federal de Ciberdefensa Austral", "Ciberdefensa Austral"}, nil, pepFile + ":12"},
		{"public body, jurisdiction", "org/ftm-pb-ar-senado", TypeOrganization, "Honorable Senado de la Nación Austral", "ARG", "GOV",
			[]string{"Honorable Senado de la Nación Austral"}, nil, pepFile + ":13"},
		{"company, first country that maps", "org/ftm-co-transaustral", TypeOrganization, "Transportes Australes S.A.", "ARG", "BUS",
			[]string{"Transportes Australes S.A."}, []string{"Transaustral"}, pepFile + ":14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := byID[tt.id]
			require.NotNil(t, e, tt.id)
			assert.Equal(t, tt.typ, e.Type)
			assert.Equal(t, tt.display, e.Name)
			assert.Equal(t, tt.country, e.Country)
			assert.Equal(t, tt.sector, e.Sector)
			assert.Equal(t, tt.names, e.Names[""])
			assert.Equal(t, tt.short, e.Short[""])
			assert.Equal(t, tt.file, e.File)
		})
	}
	assert.Equal(t, Date{2026, 11, 20}, byID["person/ftm-q98765401"].AsOf, "last_seen dates the facts")
	assert.Equal(t, Date{2026, 10, 2}, byID["person/ftm-q98765402"].AsOf, "else last_change")
}

func TestFtMOccupanciesBecomeDatedPositions(t *testing.T) {
	quintero := loadPEP(t)["person/ftm-q98765401"]
	require.NotNil(t, quintero)
	// The ended senate seat has no end date: it is dropped rather than
	// reported as held today.
	assert.Equal(t, []Position{
		{Title: "Minister of Defence of Argentina", Sector: "GOV", From: Date{2017, 3, 0}, To: Date{2021, 8, 15}},
		{Title: "Minister of Foreign Affairs of Argentina", Sector: "GOV", From: Date{2021, 8, 16}},
	}, quintero.Positions)

	weyland := loadPEP(t)["person/ftm-q98765402"]
	require.Len(t, weyland.Positions, 1, "the occupancy comes before its post in the file")
	assert.Equal(t, Position{Title: "Vice President of the Federal Cyber Coordination Office of Germany",
		Sector: "SPY", From: Date{2019, 7, 1}, To: Date{Year: 2023}}, weyland.Positions[0])
}

// TestFtMPersonChangesOffice finds one official in two news sentences
// published on different dates, and resolves her to the office she held
// on each.
func TestFtMPersonChangesOffice(t *testing.T) {
	ents, err := LoadFile(pepFile)
	require.NoError(t, err)
	ix := Compile(ents)
	tests := []struct {
		name, text, published, title string
	}{
		{"2019, defence", "Die argentinische Verteidigungsministerin Marta Quintero besuchte am Montag die Marinebasis Puerto Belgrano.",
			"2019-06-03", "Minister of Defence of Argentina"},
		{"2023, foreign affairs", "La canciller Marta Quintero Ibáñez se reunió este martes en Brasilia con su homólogo brasileño.",
			"2023-04-04", "Minister of Foreign Affairs of Argentina"},
		{"2015, no dated office", "Marta Quintero, entonces senadora, votó en contra del proyecto.", "2015-05-12", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokens(tt.text)
			var found *Entity
			for _, m := range ix.Find(toks) {
				for _, e := range m.Entries {
					if e.Entity.Type == TypePerson && e.Kind == KindName {
						found = e.Entity
					}
				}
			}
			require.NotNil(t, found)
			assert.Equal(t, "person/ftm-q98765401", found.ID)
			d, err := ParseDate(tt.published)
			require.NoError(t, err)
			p := found.PositionAt(d)
			if tt.title == "" {
				assert.Nil(t, p)
				return
			}
			require.NotNil(t, p)
			assert.Equal(t, tt.title, p.Title)
		})
	}
}

func TestFtMSurnamesNeedAFullerMention(t *testing.T) {
	ents, err := LoadFile(pepFile)
	require.NoError(t, err)
	ix := Compile(ents)
	for _, form := range []string{"Quintero", "Quinteros", "Tita Quintero", "Weyland", "Transaustral"} {
		hits := ix.Lookup(form)
		require.Len(t, hits, 1, form)
		assert.Equal(t, KindShort, hits[0].Kind, form)
	}
	hits := ix.Lookup("Marta Quintero")
	require.Len(t, hits, 1)
	assert.Equal(t, KindName, hits[0].Kind)
	assert.Equal(t, "", hits[0].Lang, "FtM names hold for every language")
}

func TestFtMPassesCheckWithDefault(t *testing.T) {
	ents, err := LoadFile(pepFile)
	require.NoError(t, err)
	def, err := Default()
	require.NoError(t, err)
	assert.Empty(t, Check(Merge(def, ents)))
}

func TestFtMErrors(t *testing.T) {
	file := filepath.Join("testdata", "ftm", "broken.ftm.json")
	ents, err := LoadFile(file)
	require.Error(t, err)
	assert.Nil(t, ents, "a file with a problem loads nothing")
	got := strings.Split(err.Error(), "\n")
	want := []string{
		file + `:2: not a FollowTheMoney entity: invalid JSON: unexpected end of object`,
		file + `:3: entity: missing id`,
		file + `:5: occ-ferran: startDate: bad date "2022-02-30": day out of range`,
		file + `:6: occ-nobody: unknown holder "Q00000000"`,
		file + `:7: Q98765403: duplicate id (first at ` + file + `:1)`,
		file + `:8: Q98765405: property name: want a list of strings`,
	}
	for i, w := range want {
		require.Greater(t, len(got), i, "error %d", i)
		assert.Equal(t, w, got[i])
	}
}

func TestFtMDispatch(t *testing.T) {
	dir := t.TempDir()
	line := `{"id":"x1","schema":"PublicBody","properties":{"name":["Oficina Nacional de Ciberseguridad"],"country":["cu"]}}` + "\n"
	yaml := "- {id: org/cu-onc, type: organization, name: ONC, country: CUB, sector: GOV, names: {es: [ONC]}}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(line), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(yaml), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.txt"), []byte(line), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "d.dump"), []byte(yaml), 0o644))

	tests := []struct {
		name string
		path string
		ids  []string
	}{
		{"folder: .jsonl and .yaml, not .txt", dir, []string{"org/ftm-x1", "org/cu-onc"}},
		{"FtM by content", filepath.Join(dir, "c.txt"), []string{"org/ftm-x1"}},
		{"YAML by content", filepath.Join(dir, "d.dump"), []string{"org/cu-onc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, err := LoadFile(tt.path)
			require.NoError(t, err)
			var ids []string
			for _, e := range ents {
				ids = append(ids, e.ID)
			}
			assert.Equal(t, tt.ids, ids)
		})
	}
}

func TestFtMCountry(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ru", "RUS"}, {"cu", "CUB"}, {"DE", "DEU"}, {"eu", "INT"}, {"zz", ""}, {"suhh", ""}, {"ge-ab", ""}, {"", ""},
	} {
		assert.Equal(t, tc.want, ftmCountry(tc.in), tc.in)
	}
}

func TestFtMSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Q7747", "q7747"}, {"NK-2Zh3fQ", "nk-2zh3fq"}, {"ofac-12345", "ofac-12345"},
		{"a1b2c3d4e5", "a1b2c3d4e5"}, {"--x__y--", "x-y"}, {"Пу", ""},
	} {
		assert.Equal(t, tc.want, ftmSlug(tc.in), tc.in)
	}
}

// FuzzReadFtM checks that no line makes the reader panic, and that what it
// accepts has the fields it promises.
func FuzzReadFtM(f *testing.F) {
	data, err := os.ReadFile(pepFile)
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"id":"o","schema":"Occupancy","properties":{"holder":["p"],"post":["p"]}}` + "\n" +
		`{"id":"p","schema":"Person","properties":{"name":["X Y"],"country":[""]}}`))
	f.Add([]byte(`{"id":"p","schema":"Person","properties":{"name":[1]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ents, err := ParseFtM("f.json", data)
		if err != nil {
			assert.Nil(t, ents)
			return
		}
		for _, e := range ents {
			assert.NotEmpty(t, e.ID)
			assert.NotEmpty(t, e.Name)
			assert.Regexp(t, `^f\.json:\d+$`, e.File)
		}
		Check(ents)
		Compile(ents)
	})
}

// TestFtMManyProblems checks that reading stops at a screenful of
// problems, in line order, however long the file goes on, and that a
// line over the limit is reported at its number.
func TestFtMManyProblems(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		if i%7 == 0 {
			b.WriteString("\n") // blank lines count but are skipped
		}
		b.WriteString(`{"id":"x` + strings.Repeat("1", i%5) + `","schema":"Person"` + "\n")
	}
	_, err := ParseFtM("bad.json", []byte(b.String()))
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, maxErrors)
	// Line 1 is blank.
	assert.True(t, strings.HasPrefix(lines[0], "bad.json:2: not a FollowTheMoney entity: invalid JSON"), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "bad.json:3: "), lines[1])

	long := `{"id":"p1","schema":"Person","properties":{"name":["Ana Ruiz"]}}` + "\n" +
		`{"id":"p2","schema":"Person","properties":{"name":["` + strings.Repeat("a", ftmMaxLine) + `"]}}` + "\n"
	_, err = ParseFtM("long.json", []byte(long))
	require.Error(t, err)
	assert.Equal(t, "long.json:2: line longer than 16 MiB", err.Error())
}
