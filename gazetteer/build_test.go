package gazetteer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/gazex/gazex/gazetteer/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNameWordsAhead checks that the name words the index build meets
// on the way (NameWords after OverDefault) are those of tokenising the
// names: a synthetic FtM data set and odd forms (spacing, apostrophes,
// hyphens, line breaks, unique one-word names) over the default.
func TestNameWordsAhead(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 20000)
	require.NoError(t, err)
	user, err := ParseFtM("synth.ftm.json", buf.Bytes())
	require.NoError(t, err)
	forms := []string{
		"Anna Maria", "Anna", "O'Brien Smith", "Díaz-Canel Bermúdez", "Robert C. O'Brien",
		"Putin's Man", "Chavez' Erbe", "Ана Петрова", "Jean\u00a0Dupont", "Solo", "Xi Yu",
		"Karl\nMarx", "  Spaced   Out  ", "EU Commissioner", "BelTA Chef", "Müller Lüdenscheidt",
		"L'Oréal Chef", "van der Berg", "Dmitrij Peskow", "PESKOW Dmitrij", "Straße Ost",
	}
	for i := range 2 * len(forms) {
		a, b := forms[i%len(forms)], forms[(i*7+3)%len(forms)]
		user = append(user, &Entity{
			ID: fmt.Sprintf("person/t%d", i), Type: []string{TypePerson, TypeOrganization}[i%2],
			Name:   a,
			Names:  map[string][]string{"": {a, b + " " + a, "Solo"}, "de": {b}},
			Short:  map[string][]string{"es": {"Corto " + a}},
			Unique: []string{"Solo"},
		})
	}
	def, err := Default()
	require.NoError(t, err)
	merged := Merge(def, user)
	compileAhead(merged) // as OverDefault does
	want := nameWordsOf(merged)
	require.Greater(t, len(want), 1000)
	assert.Equal(t, want, NameWords(merged))
	assert.Equal(t, Compile(merged).Len(), compile(merged).Len())
	assert.Equal(t, want, NameWords(merged), "after Compile took the index: tokenised")
}

// TestOverDefaultAhead: OverDefault starts the index of a user's
// entities that have no problems, and NameWords finds it.
func TestOverDefaultAhead(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 2000)
	require.NoError(t, err)
	user, err := ParseFtM("synth.ftm.json", buf.Bytes())
	require.NoError(t, err)
	merged, _, err := OverDefault(user, false)
	require.NoError(t, err)
	ahead.Lock()
	pending := slices.Equal(ahead.entities, merged)
	ahead.Unlock()
	require.True(t, pending)
	assert.Equal(t, nameWordsOf(merged), NameWords(merged))
}

// TestParseDateFast: the fast path gives ParseDate's date for every date
// it takes, and leaves the rest to it.
func TestParseDateFast(t *testing.T) {
	for _, s := range []string{
		"2024", "2024-05", "2024-05-14", "2024-02-29", "2023-02-29", "2024-13", "2024-00", "2024-05-00",
		"2024-05-32", "2024-04-31", "0000", "999", "20245", "2024-5", "2024-05-1", "2024/05/14", "2024-05-14T10:00",
		"+024", "2024-+5", "２０２４", "", "2024-05-14-01", "abcd", "2024--5",
	} {
		want, err := ParseDate(s)
		got, ok := parseDateFast(s)
		if ok {
			assert.NoError(t, err, s)
			assert.Equal(t, want, got, s)
		}
		if err == nil && strings.Trim(s, "0123456789-") == "" {
			assert.True(t, ok, "%s: well formed", s)
		}
	}
}

// checkOverMaps is checkOver as it was before merging: a map of every
// user's entity, and every merged entity by id.
func checkOverMaps(base, user []*Entity) []error {
	c := &checker{own: make(map[*Entity]bool, len(user))}
	for _, e := range user {
		c.own[e] = true
	}
	merged := Merge(base, user)
	c.byID = (&checker{}).ids(merged)
	c.ids(user)
	for _, e := range user {
		if e != nil && !e.broken {
			c.entity(e)
		}
	}
	for _, e := range merged {
		if !c.own[e] {
			c.positions(e)
		}
	}
	c.collisions(merged)
	return c.errs
}

// TestMergeIndexed checks merge and checkOver against Merge and the
// checks with maps of every id: duplicate ids in base and among the
// user's entities, replacements (twice over), an entity in both lists,
// positions at replaced, missing and duplicated orgs, colliding names.
func TestMergeIndexed(t *testing.T) {
	mk := func(id, typ, name string, org ...string) *Entity {
		e := &Entity{ID: id, Type: typ, Name: name, Country: "DEU", File: "t.yaml:" + id,
			Names: map[string][]string{"de": {name}}}
		if typ == TypeOrganization {
			e.Sector = "GOV"
		}
		for _, o := range org {
			e.Positions = append(e.Positions, Position{Title: "Chef", Org: o})
		}
		return e
	}
	b1, b2 := mk("org/a", TypeOrganization, "Amt A"), mk("org/b", TypeOrganization, "Amt B")
	b2dup := mk("org/b", TypeOrganization, "Amt B2")
	bp := mk("person/x", TypePerson, "Xaver Xer", "org/b", "org/c")
	base := []*Entity{b1, b2, bp, b2dup, mk("person/y", TypePerson, "Yannik Yer", "org/a")}
	u1 := mk("org/b", TypeOrganization, "Neues Amt B")
	u2 := mk("org/b", TypeOrganization, "Amt A") // collides with org/a
	u3 := mk("person/z", TypePerson, "Zora Zet", "org/c", "org/b")
	u4 := mk("person/z", TypePerson, "Zora Zweite")
	u5 := mk("org/c", TypePerson, "Kein Amt")
	ftm, err := ParseFtM("f.ftm.json", []byte(`{"id":"Q1","schema":"Person","properties":{"name":["Xaver Xer"],"nationality":["de"]}}
{"id":"Q2","schema":"PublicBody","properties":{"name":["Amt B"],"country":["de"]}}
`))
	require.NoError(t, err)
	for i, user := range [][]*Entity{
		nil, {u1}, {u1, u2}, {u3, u4, u5}, {u1, u3, bp}, {b1}, {u2, u1, u3, u1, u4},
		append([]*Entity{u1, u3}, ftm...), append(ftm, ftm...),
	} {
		for _, b := range [][]*Entity{nil, base} {
			m := merge(b, user)
			assert.Equal(t, Merge(b, user), m.merged, "case %d", i)
			assert.Equal(t, checkOverMaps(b, user), checkOver(m), "case %d", i)
		}
	}
}

// TestSortedByID: sortedByID is the stable sort by id.
func TestSortedByID(t *testing.T) {
	var ents []*Entity
	for i := range 3000 {
		ents = append(ents, &Entity{ID: fmt.Sprintf("person/p%d", (i*7919)%1000), Name: fmt.Sprint(i)})
	}
	want := slices.Clone(ents)
	slices.SortStableFunc(want, func(a, b *Entity) int { return strings.Compare(a.ID, b.ID) })
	got := sortedByID(ents)
	for i := range want {
		assert.Same(t, want[i], got[i])
	}
}

// TestReadFtMChunks: lines decoded by several parsers come back in
// order, and a file wrong throughout stops after a screenful of problems.
func TestReadFtMChunks(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 3000)
	require.NoError(t, err)
	one, err := ParseFtM("a.ftm.json", buf.Bytes())
	require.NoError(t, err)
	require.Greater(t, len(one), 3*ftmBatch)
	var lines int
	for _, e := range one {
		var n int
		_, err := fmt.Sscanf(e.File[strings.LastIndexByte(e.File, ':')+1:], "%d", &n)
		require.NoError(t, err)
		require.Greater(t, n, lines, "entities in file order")
		lines = n
	}
	bad := strings.Repeat("{not json\n", 1000)
	_, err = ParseFtM("bad.ftm.json", []byte(bad))
	require.Error(t, err)
	assert.Len(t, flatten(err), maxErrors)
	assert.Contains(t, flatten(err)[maxErrors-1].Error(), fmt.Sprintf("bad.ftm.json:%d:", maxErrors))
}

// TestFtMListsReused: the lists of properties are cut from blocks that a
// chunk reuses (strSlab); entities read from a file long enough for the
// chunks to come back many times have the same forms as each line read
// alone, which no chunk is reused for.
func TestFtMListsReused(t *testing.T) {
	var buf bytes.Buffer
	_, err := synth.WriteFtM(&buf, 20000)
	require.NoError(t, err)
	all, err := ParseFtM("a.ftm.json", buf.Bytes())
	require.NoError(t, err)
	byID := map[string]*Entity{}
	for _, e := range all {
		byID[e.ID] = e
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	require.Greater(t, len(lines), 40*ftmBatch)
	checked := 0
	for i := 0; i < len(lines); i += 7 {
		if bytes.Contains(lines[i], []byte(`"schema":"Occupancy"`)) || bytes.Contains(lines[i], []byte(`"schema":"Position"`)) {
			continue
		}
		alone, err := ParseFtM("b.ftm.json", lines[i])
		require.NoError(t, err)
		require.Len(t, alone, 1)
		e := byID[alone[0].ID]
		require.NotNil(t, e, alone[0].ID)
		assert.Equal(t, alone[0].Name, e.Name)
		assert.Equal(t, alone[0].Names, e.Names)
		assert.Equal(t, alone[0].Short, e.Short)
		assert.Equal(t, alone[0].Country, e.Country)
		checked++
	}
	require.Greater(t, checked, 1000)
}

func TestStrSlab(t *testing.T) {
	var s strSlab
	a := s.take(3)
	a[0], a[1], a[2] = "x", "y", "z"
	b := s.take(strSlabBlock / 4)
	b[0] = "w"
	assert.Equal(t, []string{"x", "y", "z"}, a, "a later list leaves an earlier one alone")
	assert.Len(t, s.take(strSlabBlock/4+1), strSlabBlock/4+1)
	for range 10 {
		s.take(strSlabBlock / 4) // spill into more blocks
	}
	assert.Len(t, s.blocks, 3) // 3+512+2×512 in the first, four in the second, four in the third
	s.reset()
	c := s.take(3)
	assert.Equal(t, []string{"", "", ""}, c, "reset clears the strings")
	assert.Equal(t, 3, cap(c))
}

// TestFtMNamesShareText: a name that is part of a longer one of the same
// entity is cut from it, and reads the same; a cut rune is not.
func TestFtMNamesShareText(t *testing.T) {
	line := `{"id":"p1","schema":"Person","properties":{"alias":["Ana Pérez"],"lastName":["Pérez"],"name":["Ana Pérez Soto"],"weakAlias":["` + "\xa9" + `r"]}}`
	ents, err := ParseFtM("a.ftm.json", []byte(line))
	require.NoError(t, err)
	require.Len(t, ents, 1)
	e := ents[0]
	assert.Equal(t, []string{"Ana Pérez Soto", "Ana Pérez", "Pérez"}, e.Names[""])
	assert.Equal(t, []string{"\uFFFDr"}, e.Short[""], "not cut from the é of Pérez")
	name, alias := e.Names[""][0], e.Names[""][1]
	assert.Equal(t, unsafe.StringData(name), unsafe.StringData(alias), "the alias is a part of the name")
	assert.Equal(t, indexBytes("abcabd", []byte("abd")), strings.Index("abcabd", "abd"))
	assert.Equal(t, -1, indexBytes("abc", []byte("abcd")))
	assert.Equal(t, -1, indexBytes("abc", nil))
}
