package pipeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

func TestPositionsAt(t *testing.T) {
	ents, err := gazetteer.Parse("t.yaml", []byte(`
- id: person/two-offices
  type: person
  name: Two Offices
  country: USA
  names: {en: [Two Offices]}
  positions:
    - {title: Secretary of State (United States), sector: GOV, from: 2025-01-21}
    - {title: Acting National Security Advisor (United States), sector: GOV, from: 2025-05-01}
    - {title: Senator, sector: LEG, from: 2011, to: 2025-01-20}
`))
	require.NoError(t, err)
	e := ents[0]
	day := func(s string) gazetteer.Date { d, err := gazetteer.ParseDate(s); require.NoError(t, err); return d }
	tests := []struct {
		name, date, role, want string
		held                   int
	}{
		{"no role: the highest-ranking", "2025-06-10", "", "Secretary of State (United States)", 2},
		{"en role names one", "2025-06-10", "U.S. Secretary of State", "Secretary of State (United States)", 2},
		{"de role names the other", "2025-06-10", "Nationaler Sicherheitsberater", "Acting National Security Advisor (United States)", 2},
		{"es role names the other", "2025-06-10", "asesor de Seguridad Nacional", "Acting National Security Advisor (United States)", 2},
		{"a role no position matches", "2025-06-10", "Botschafter", "Secretary of State (United States)", 2},
		{"one position", "2025-03-01", "Außenminister", "Secretary of State (United States)", 1},
		{"none", "2010-01-01", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, held := PositionsAt(e, day(tt.date), tt.role)
			assert.Len(t, held, tt.held)
			if tt.want == "" {
				assert.Nil(t, p)
				return
			}
			require.NotNil(t, p)
			assert.Equal(t, tt.want, p.Title)
		})
	}
}

func TestTitleRank(t *testing.T) {
	order := []string{"President of Russia", "Prime Minister of Spain", "Vice President of the United States",
		"Minister of Foreign Affairs of Cuba", "Deputy Minister of Defence of Russia", "Press Secretary of the President of Russia"}
	for i := 1; i < len(order); i++ {
		assert.Less(t, titleRank(order[i-1]), titleRank(order[i]), "%s above %s", order[i-1], order[i])
	}
}
