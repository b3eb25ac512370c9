package roles

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests, about real officials
// of the default gazetteer on dates inside (or outside) their terms.

func TestTitleLinksOfficeHolder(t *testing.T) {
	def, err := gazetteer.Default()
	require.NoError(t, err)
	x, err := New(def)
	require.NoError(t, err)
	tg := tagger.New(gazetteer.Compile(def))
	day := func(s string) gazetteer.Date {
		d, err := gazetteer.ParseDate(s)
		require.NoError(t, err)
		return d
	}
	tests := []struct {
		name, lang, date, text string
		id                     string   // the linked official, "" for none
		mentions               []string // its mentions, "text:match"
		role                   string
	}{
		{
			name: "en/full first name after a nationality and office", lang: "en", date: "2022-03-01",
			text:     "British Foreign Secretary Elizabeth Truss told MPs the sanctions would be widened. Truss said Moscow would pay a price.",
			id:       "person/liz-truss",
			mentions: []string{"Elizabeth Truss:pattern", "Truss:coref"}, role: "British Foreign Secretary",
		},
		{
			name: "de/full first name after a German compound role", lang: "de", date: "2022-05-10",
			text: "Der britische Verteidigungsminister Benjamin Wallace sagte am Dienstag, London werde weitere Raketen liefern.",
			id:   "person/ben-wallace", mentions: []string{"Benjamin Wallace:pattern"}, role: "britische Verteidigungsminister",
		},
		{
			name: "es/full first name after the role with an adjective", lang: "es", date: "2024-03-05",
			text: "El ministro de Defensa canadiense, William Blair, anunció el envío de más drones a Ucrania.",
			id:   "person/bill-blair", mentions: []string{"William Blair:pattern"}, role: "ministro de Defensa canadiense",
		},
		{
			name: "en/a middle name before the listed surname", lang: "en", date: "2022-03-01",
			text: "British Foreign Secretary Mary Elizabeth Truss arrived in Brussels on Friday.",
			id:   "person/liz-truss", mentions: []string{"Mary Elizabeth Truss:pattern"}, role: "British Foreign Secretary",
		},
		{
			name: "en/date outside the term", lang: "en", date: "2020-05-01",
			text: "British Foreign Secretary Elizabeth Truss told MPs the sanctions would be widened.",
		},
		{
			name: "de/another office of the holder's country", lang: "de", date: "2022-05-10",
			text: "Die britische Innenministerin Elizabeth Truss sagte am Dienstag, die Grenzen blieben offen.",
		},
		{
			name: "en/another country", lang: "en", date: "2022-05-10",
			text: "The Australian Defence Minister Benjamin Wallace said on Tuesday that the deal would stand.",
		},
		{
			name: "en/surname spelt otherwise", lang: "en", date: "2022-03-01",
			text: "British Foreign Secretary Elizabeth Trussell told MPs the sanctions would be widened.",
		},
		{
			name: "en/no title", lang: "en", date: "2022-03-01",
			text: "Mary Truss told reporters in Norwich that the sanctions would be widened.",
		},
		{
			name: "en/a title without a country", lang: "en", date: "2022-03-01",
			text: "Foreign Secretary Elizabeth Truss told MPs the sanctions would be widened.",
		},
		{
			name: "en/no date", lang: "en",
			text: "British Foreign Secretary Elizabeth Truss told MPs the sanctions would be widened.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Text: tt.text, Lang: tt.lang, Found: tg.Tag(tt.text)}
			if tt.date != "" {
				in.Date = day(tt.date)
			}
			res := x.Extract(in)
			if tt.id == "" {
				// (The role patterns may still discover "Elizabeth Truss"
				// as an official the gazetteer lacks, as before.)
				assert.Empty(t, res.Linked)
				for _, r := range res.Roles {
					assert.NotEqual(t, gazetteer.TypePerson, r.Entity.Type, "no office holder: %+v", r)
				}
				return
			}
			require.Len(t, res.Linked, 1, "%+v", res)
			l := res.Linked[0]
			assert.Equal(t, tt.id, l.Entity.ID)
			var got []string
			for _, m := range l.Mentions {
				got = append(got, tt.text[m.Start:m.End]+":"+m.Match)
			}
			assert.Equal(t, tt.mentions, got)
			require.Len(t, res.Roles, 1)
			assert.Equal(t, tt.role, res.Roles[0].Text)
			assert.Same(t, l.Entity, res.Roles[0].Entity)
			for _, d := range res.Discovered {
				assert.NotEqual(t, gazetteer.TypePerson, d.Type, "the holder is no new official: %+v", d)
			}
		})
	}
}
