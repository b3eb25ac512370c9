package gazetteer

import (
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		file string
		want string // the whole first error line
	}{
		{"unknown-field.yaml", `unknown-field.yaml:7: entity: unknown field "aliases"`},
		{"wrong-type.yaml", `wrong-type.yaml:5: names: want a mapping of language to names, got "Jane Doe"`},
		{"bad-date.yaml", `bad-date.yaml:7: from: bad date "2020-13-01": month out of range`},
		{"missing-id.yaml", `missing-id.yaml:7: entity: missing id`},
		{"not-a-list.yaml", `not-a-list.yaml:1: want a list of entities, got a mapping`},
		{"syntax.yaml", `syntax.yaml:3: did not find expected ',' or ']'`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", tt.file)
			ents, err := LoadFile(path)
			require.Error(t, err)
			assert.Nil(t, ents)
			assert.Contains(t, err.Error(), filepath.Join("testdata", "broken", tt.want))
		})
	}
}

func TestLoadFolder(t *testing.T) {
	ents, err := LoadFile(filepath.Join("testdata", "good"))
	require.NoError(t, err)
	require.Len(t, ents, 2, "README.txt is skipped, sub/b.yml is found")
	assert.Equal(t, "country/RUS", ents[0].ID)
	assert.Equal(t, filepath.Join("testdata", "good", "a.yaml")+":2", ents[0].File)
	assert.Equal(t, Date{2025, 1, 31}, ents[0].AsOf)
	assert.Equal(t, []string{"ruso", "rusa"}, ents[0].Adjectives["es"])
	assert.Equal(t, "org/ru-mfa", ents[1].ID)
	assert.True(t, ents[1].AsOf.IsZero(), "the as-of header dates its own file only")
	assert.Empty(t, Check(ents))
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"gaz/one.yaml": {Data: []byte("- id: person/jane-doe\n  type: person\n  name: Jane Doe\n  country: USA\n  names: {en: [Jane Doe]}\n" +
			"  positions:\n    - {title: Director, from: 2020, to: 2021-06}\n")},
		"gaz/empty.yaml": {Data: []byte("# nothing yet\n")},
		"gaz/bad.yaml":   {Data: []byte("- id: x\n  type: person\n  name: X\n  unique: Putin\n")},
	}
	ents, err := LoadFS(fsys, "gaz/one.yaml", "gaz/empty.yaml")
	require.NoError(t, err)
	require.Len(t, ents, 1)
	assert.Equal(t, "gaz/one.yaml:1", ents[0].File)
	assert.Equal(t, []Position{{Title: "Director", From: Date{Year: 2020}, To: Date{2021, 6, 0}}}, ents[0].Positions)

	_, err = LoadFS(fsys, "gaz")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `gaz/bad.yaml:4: unique: want a list of strings, got "Putin"`)

	_, err = LoadFS(fsys, "nowhere")
	assert.Error(t, err)
}

// FuzzParse checks that no input makes the loader panic, and that what it
// accepts has the fields it promises.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte("- {id: person/x, type: person, name: X, positions: [{title: T, from: 2020-02-30}]}"))
	f.Add([]byte("- [a, b]\n- ~\n- {names: {english: [x]}}"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ents, err := Parse("f.yaml", data)
		if err != nil {
			assert.Nil(t, ents)
			return
		}
		for _, e := range ents {
			assert.NotEmpty(t, e.ID)
			assert.NotEmpty(t, e.Type)
			assert.NotEmpty(t, e.Name)
			assert.Regexp(t, `^f\.yaml:\d+$`, e.File)
		}
		Check(ents)
	})
}

func TestParseAliasedForms(t *testing.T) {
	ents, err := Parse("a.yaml", []byte(`
- {id: org/ar-mfa, type: organization, name: Ministry of Foreign Affairs of Argentina, country: ARG, sector: GOV,
   short: &mfa {es: [Cancillería]}}
- {id: org/cl-mfa, type: organization, name: Ministry of Foreign Affairs of Chile, country: CHL, sector: GOV, short: *mfa}
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 2 || ents[1].Short["es"][0] != "Cancillería" {
		t.Fatalf("the alias did not repeat the anchored forms: %+v", ents)
	}
}
