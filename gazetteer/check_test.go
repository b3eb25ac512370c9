package gazetteer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// base is a valid file the check cases add one broken entity to; its
// entities end on line 13, so the case's entity starts on line 14.
const base = `- id: country/RUS
  type: country
  name: Russia
  country: RUS
  names: {de: [Russland], es: [Rusia], en: [Russia]}
- id: org/ru-mfa
  type: organization
  name: Ministry of Foreign Affairs of Russia
  country: RUS
  sector: GOV
  names: {en: [MID]}
  short: {de: [Außenministerium], en: [Foreign Ministry]}
  note: test
`

func TestCheckRules(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"duplicate id", `- {id: org/ru-mfa, type: organization, name: MFA, country: RUS, sector: GOV, names: {en: [Smolensk Square]}}`,
			`t.yaml:14: org/ru-mfa: duplicate id "org/ru-mfa" (first at t.yaml:6)`},
		{"unknown org", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, org: org/ru-nowhere}]}`,
			`t.yaml:14: person/jane-doe: position 1 (Director): unknown org "org/ru-nowhere"`},
		{"org is a country", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, org: country/RUS}]}`,
			`org "country/RUS" is a country, not an organization`},
		{"to before from", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, from: 2020-05-01, to: 2019}]}`,
			`t.yaml:14: person/jane-doe: position 1 (Director): to 2019 is before from 2020-05-01`},
		{"overlapping terms", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, from: 2010, to: 2015}, {title: Director, from: 2014-06-01}]}`,
			`t.yaml:14: person/jane-doe: position 2 (Director) overlaps position 1 of the same title (2010–2015 and 2014-06-01–)`},
		{"invalid type", `- {id: thing/x, type: thing, name: X, country: RUS, names: {en: [X]}}`,
			`t.yaml:14: thing/x: invalid type "thing"`},
		{"invalid country", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RU, names: {en: [Jane Doe]}}`,
			`t.yaml:14: person/jane-doe: invalid country "RU" (want ISO 3166-1 alpha-3 or INT)`},
		{"unassigned country", `- {id: person/jane-doe, type: person, name: Jane Doe, country: XYZ, names: {en: [Jane Doe]}}`,
			`invalid country "XYZ"`},
		{"invalid sector", `- {id: org/ru-x, type: organization, name: X, country: RUS, sector: ABC, names: {en: [X Agency]}}`,
			`t.yaml:14: org/ru-x: invalid sector "ABC"`},
		{"bad id", `- {id: person/Jane_Doe, type: person, name: Jane Doe, country: USA, names: {en: [Jane Doe]}}`,
			`t.yaml:14: person/Jane_Doe: person id must be person/<lowercase-ascii-slug>`},
		{"no names", `- {id: org/ru-x, type: organization, name: X, country: RUS, sector: GOV}`,
			`t.yaml:14: org/ru-x: no names`},
		{"unique not a name", `- {id: person/jane-doe, type: person, name: Jane Doe, country: USA, names: {en: [Jane Doe, Doe]}, unique: [Dough]}`,
			`unique form "Dough" is not among the names`},
		{"country id mismatch", `- {id: country/RUZ, type: country, name: Ruz, country: RUS, names: {de: [Rußland]}}`,
			`t.yaml:14: country/RUZ: country "RUS" does not match the id`},
		{"name collides through Fold", `- {id: org/ru-y, type: organization, name: Y, country: RUS, sector: GOV, names: {es: [Rusía]}}`,
			`t.yaml:14: org/ru-y: name "Rusía" collides with "Rusia" of country/RUS (t.yaml:5); add a note that lists it ("Rusía") and says why both keep it`},
		{"short collides with a name", `- {id: org/ru-z, type: organization, name: Z, country: RUS, sector: GOV, short: {es: [Rusia]}}`,
			`t.yaml:14: org/ru-z: name "Rusia" collides with "Rusia" of country/RUS (t.yaml:5)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, err := Parse("t.yaml", []byte(base+tt.yaml+"\n"))
			require.NoError(t, err)
			errs := Check(ents)
			require.NotEmpty(t, errs)
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			assert.Contains(t, strings.Join(msgs, "\n"), tt.want)
		})
	}
}

func TestCheckAllowed(t *testing.T) {
	tests := []struct{ name, yaml string }{
		{"shared short forms", `- {id: org/cn-mfa, type: organization, name: MFA of China, country: CHN, sector: GOV, short: {de: [Außenministerium]}}`},
		{"collision with a note", `- {id: org/xx-mid, type: organization, name: Other MID, country: INT, sector: IGO, names: {en: [MID]}, note: 'both say "MID"'}`},
		{"note in typographic quotes", `- {id: org/xx-mid, type: organization, name: Other MID, country: INT, sector: IGO, names: {en: [MID]}, note: „MID“ is both}`},
		{"touching terms", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, from: 2010, to: 2015-03-01}, {title: Director, from: 2015-03-01}]}`},
		{"partial dates that may touch", `- {id: person/jane-doe, type: person, name: Jane Doe, country: RUS, names: {en: [Jane Doe]}, positions: [{title: Director, to: 2015-03}, {title: Director, from: 2015-03-20}]}`},
		{"international body", `- {id: org/un, type: organization, name: United Nations, country: INT, sector: IGO, names: {en: [United Nations]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents, err := Parse("t.yaml", []byte(base+tt.yaml+"\n"))
			require.NoError(t, err)
			assert.Empty(t, Check(ents))
		})
	}
}

// A note covers the names it lists, not the other names of its entity.
func TestCheckNoteCoversOnlyItsNames(t *testing.T) {
	ents, err := Parse("t.yaml", []byte(base+`- {id: org/xx-mid, type: organization, name: Other MID, country: INT, sector: IGO, names: {en: [MID, Foreign Ministry]}, note: 'shares "MID" with org/ru-mfa'}`+"\n"))
	require.NoError(t, err)
	errs := Check(ents)
	require.Len(t, errs, 1)
	assert.Equal(t, `t.yaml:14: org/xx-mid: name "Foreign Ministry" collides with "Foreign Ministry" of org/ru-mfa (t.yaml:12); add a note that lists it ("Foreign Ministry") and says why both keep it`, errs[0].Error())
}

// Problems are reported at the line of the part concerned: a position's at
// the position, a name's at its list, a type at the type.
func TestCheckLines(t *testing.T) {
	yaml := base + `- id: person/jane-doe
  type: persn
  name: Jane Doe
  country: XX
  names:
    en: [Jane Doe]
    de: [Rusia]
  positions:
    - title: Director
      org: org/ru-nowhere
      from: 2020
    - title: Deputy
      from: 2021
      to: 2020
`
	ents, err := Parse("t.yaml", []byte(yaml))
	require.NoError(t, err)
	var msgs []string
	for _, e := range Check(ents) {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{
		`t.yaml:15: person/jane-doe: invalid type "persn" (want person, organization, country or place)`,
		`t.yaml:17: person/jane-doe: invalid country "XX" (want ISO 3166-1 alpha-3 or INT)`,
		`t.yaml:22: person/jane-doe: position 1 (Director): unknown org "org/ru-nowhere"`,
		`t.yaml:25: person/jane-doe: position 2 (Deputy): to 2020 is before from 2021`,
		`t.yaml:20: person/jane-doe: name "Rusia" collides with "Rusia" of country/RUS (t.yaml:5); add a note that lists it ("Rusia") and says why both keep it`,
	}, msgs)
}

// Load reports every problem of every file in one run: a file's parse
// problems and the rule problems of its other entities, and a duplicate
// entity's own problems besides its duplicate id.
func TestLoadReportsEverythingAtOnce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	a := write("a.yaml", `- {id: org/xx-test-agency, type: organization, name: Test Agency, country: DEU, sector: GOV, names: {en: [Test Agency]}}
- {id: person/jane-roe, type: person, name: Jane Roe, country: DEU, names: {en: [Jane Roe]}, positions: [{title: Head, from: 2020-13}]}
- {id: person/john-roe, type: person, name: John Roe, country: DEU, names: {en: [John Roe]}, positions: [{title: Head, org: org/xx-test-agency, from: 2021, to: 2020}]}
`)
	b := write("b.yaml", `- {id: org/xx-test-agency, type: organisation, name: Test Agency, country: XX, sector: GOV, names: {en: [Test Agency 2]}}
- {id: person/wang-double, type: person, name: Wang Yi, country: CHN, names: {en: [Wang Yi]}, note: 'not "Wang"'}
`)
	_, _, err := Load([]string{a, b}, false)
	var list ErrorList
	require.ErrorAs(t, err, &list)
	var msgs []string
	for _, e := range list {
		msgs = append(msgs, e.Error())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		a + `:2: from: bad date "2020-13": month out of range`,
		a + `:3: person/john-roe: position 1 (Head): to 2020 is before from 2021`,
		b + `:1: org/xx-test-agency: duplicate id "org/xx-test-agency" (first at ` + a + `:1)`,
		b + `:1: org/xx-test-agency: invalid type "organisation"`,
		b + `:1: org/xx-test-agency: invalid country "XX"`,
		b + `:2: person/wang-double: name "Wang Yi" collides with "Wang Yi" of person/wang-yi`,
	} {
		assert.Contains(t, joined, want)
	}
	assert.Len(t, list, 6, joined)

	ents, version, err := Load([]string{a}, true)
	require.Error(t, err)
	assert.Nil(t, ents)
	assert.Empty(t, version)
}

// A FollowTheMoney data set names many people alike and has no notes:
// its names are not held to the collision rule, with each other or with
// the default ("Wang Yi" of a PEP data set is China's foreign minister).
func TestCheckFtMNamesMayCollide(t *testing.T) {
	ftm := `{"id":"Q1","schema":"Person","properties":{"name":["Wang Yi"],"nationality":["cn"]}}
{"id":"Q2","schema":"Person","properties":{"name":["Maria Lopez"],"nationality":["es"]}}
{"id":"Q3","schema":"Person","properties":{"name":["Maria Lopez"],"nationality":["mx"]}}
`
	ents, err := ParseFtM("pep.ftm.json", []byte(ftm))
	require.NoError(t, err)
	def, err := Default()
	require.NoError(t, err)
	assert.Empty(t, checkOver(merge(def, ents)))
	assert.Empty(t, Check(Merge(def, ents)))
}

func TestDefaultPassesCheck(t *testing.T) {
	ents, err := Default()
	require.NoError(t, err)
	require.Greater(t, len(ents), 500)
	for _, err := range Check(ents) {
		t.Error(err)
	}
}

func BenchmarkLoadAndCheckDefault(b *testing.B) {
	for b.Loop() {
		ents, err := LoadFS(defaultFS, "data")
		if err != nil {
			b.Fatal(err)
		}
		if errs := Check(ents); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// TestIsSlug checks the written-out slug test against the expressions it
// replaced.
func TestIsSlug(t *testing.T) {
	slugRe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	orgIDRe := regexp.MustCompile(`^org/([a-z]{2}-)?[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range []string{"", "-", "a", "a-", "-a", "a-b", "a--b", "ru-mid", "ru-", "Abc", "a_b", "a b",
		"x9-8y", "ñ", "a-b-c-d", "é-a", "0"} {
		assert.Equal(t, slugRe.MatchString(s), isSlug(s), s)
		assert.Equal(t, orgIDRe.MatchString("org/"+s), slugID("org/"+s, "org/"), s)
		assert.Equal(t, slugRe.MatchString(s), slugID("person/"+s, "person/"), s)
	}
	assert.False(t, slugID("person-abc", "person/"))
}
