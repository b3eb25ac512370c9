package gazetteer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ent(id, name string) *Entity {
	return &Entity{ID: id, Type: TypeOrganization, Name: name, Country: "INT", Sector: "IGO",
		Names: map[string][]string{"en": {name}}}
}

func TestNew(t *testing.T) {
	a, b := ent("org/a", "A"), ent("org/b", "B")
	g, err := New([]*Entity{a, b})
	require.NoError(t, err)
	assert.Same(t, b, g.Entity("org/b"))
	assert.Nil(t, g.Entity("org/c"))
	assert.Equal(t, []*Entity{a, b}, g.Entities())

	dup := ent("org/a", "A again")
	dup.File = "x.yaml:9"
	_, err = New([]*Entity{a, b, dup})
	assert.EqualError(t, err, `gazetteer: x.yaml:9: duplicate id "org/a" (first at built-in)`)
}

func TestVersion(t *testing.T) {
	a, b := ent("org/a", "A"), ent("org/b", "B")
	a.AsOf, b.AsOf = Date{Year: 2025}, Date{2025, 3, 1}
	g1, err := New([]*Entity{a, b})
	require.NoError(t, err)
	assert.Regexp(t, `^2025-03-01\+[0-9a-f]{8}$`, g1.Version())

	// Order and file locations are not content.
	b2 := *b
	b2.File = "elsewhere.yaml:3"
	g2, err := New([]*Entity{&b2, a})
	require.NoError(t, err)
	assert.Equal(t, g1.Version(), g2.Version())

	// A changed fact is.
	b3 := b2
	b3.Positions = []Position{{Title: "Chair", From: Date{Year: 2020}}}
	g3, err := New([]*Entity{a, &b3})
	require.NoError(t, err)
	assert.NotEqual(t, g1.Version(), g3.Version())

	g4, err := New([]*Entity{ent("org/c", "C")})
	require.NoError(t, err)
	assert.Regexp(t, `^unknown\+[0-9a-f]{8}$`, g4.Version())
}

func TestMerge(t *testing.T) {
	a, b, c := ent("org/a", "A"), ent("org/b", "B"), ent("org/c", "C")
	b2, d := ent("org/b", "B2"), ent("org/d", "D")
	got := Merge([]*Entity{a, b, c}, []*Entity{d, b2})
	assert.Equal(t, []*Entity{a, b2, c, d}, got)
	assert.Equal(t, "B", b.Name, "inputs are left alone")
}

func TestPositionsOverTime(t *testing.T) {
	ents, err := Default()
	require.NoError(t, err)
	g, err := New(ents)
	require.NoError(t, err)
	tests := []struct {
		id, date, title, org string
	}{
		{"person/nikolai-patrushev", "2022-06-01", "Secretary of the Security Council of Russia", "org/ru-security-council"},
		{"person/nikolai-patrushev", "2025-03-01", "Aide to the President of Russia", "org/ru-presidential-executive-office"},
		{"person/sergei-shoigu", "2020-01-01", "Defence Minister of Russia", "org/ru-mod"},
		{"person/sergei-shoigu", "2025-03-01", "Secretary of the Security Council of Russia", "org/ru-security-council"},
		{"person/raul-castro", "2010-01-01", "President of Cuba", "org/cu-presidency"},
		{"person/raul-castro", "2020-01-01", "First Secretary of the Communist Party of Cuba", "org/cu-pcc"},
		{"person/nadia-calvino", "2019-01-01", "Minister of Economy and Business of Spain", "org/es-economy-ministry"},
		{"person/nadia-calvino", "2021-01-01", "Minister of Economic Affairs and Digital Transformation of Spain", "org/es-economy-ministry"},
		{"person/mayra-arevich-marin", "2023-04-03", "Minister of Communications of Cuba", "org/cu-mincom"},
		{"person/rosa-icela-rodriguez", "2022-01-01", "Secretary of Security and Citizen Protection of Mexico", "org/mx-sspc"},
		{"person/rosa-icela-rodriguez", "2025-01-01", "Secretary of the Interior of Mexico", "org/mx-segob"},
	}
	for _, tt := range tests {
		t.Run(tt.id+"@"+tt.date, func(t *testing.T) {
			e := g.Entity(tt.id)
			require.NotNil(t, e)
			d, err := ParseDate(tt.date)
			require.NoError(t, err)
			p := e.PositionAt(d)
			require.NotNil(t, p)
			assert.Equal(t, tt.title, p.Title)
			assert.Equal(t, tt.org, p.Org)
		})
	}
	assert.Nil(t, g.Entity("person/jin-zhuanglong").PositionAt(Date{2026, 1, 1}), "left MIIT in 2025")
}

func TestOverDefault(t *testing.T) {
	def, err := Default()
	require.NoError(t, err)
	_, defVersion, err := OverDefault(nil, false)
	require.NoError(t, err)

	nato := ent("org/nato", "Test Alliance") // replaces the default's entity of that id
	extra := ent("org/test-agency", "Test Agency")
	got, version, err := OverDefault([]*Entity{nato, extra}, false)
	require.NoError(t, err)
	assert.Len(t, got, len(def)+1)
	assert.Contains(t, got, nato)
	assert.NotEqual(t, defVersion, version, "the user's entities are content")

	alone, _, err := OverDefault([]*Entity{extra}, true)
	require.NoError(t, err)
	assert.Equal(t, []*Entity{extra}, alone)

	_, _, err = OverDefault([]*Entity{extra, ent("org/test-agency", "Again")}, true)
	assert.Error(t, err, "a duplicate id among the user's own entities is an error")
}
