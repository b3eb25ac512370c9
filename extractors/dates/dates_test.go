package dates

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFindResolve(t *testing.T) {
	pub := Anchor{Year: 2024, Month: 3, Day: 14} // a Thursday
	tests := []struct {
		name, text, want, method string
		future                   bool
	}{
		{"de explicit", "Der Vertrag wurde am 12. Februar 2024 in Wien paraphiert.", "2024-02-12", MethodExplicit, false},
		{"de no year", "Die Minister sprachen am 2. März über Zölle.", "2024-03-02", MethodExplicitNoYear, false},
		{"de weekday", "Am Montag empfing der Kanzler den Gast.", "2024-03-11", MethodRelativeWeekday, false},
		{"de past month", "Im vergangenen Dezember reiste die Delegation ab.", "2023-12", MethodRelativeMonth, false},
		{"de week", "Vergangene Woche tagte der Rat.", "2024-03-04", MethodRelativeWeek, false},
		{"es explicit", "El acuerdo se firmó el 5 de enero de 2024 en Lima.", "2024-01-05", MethodExplicit, false},
		{"es ayer", "El canciller viajó ayer a Quito.", "2024-03-13", MethodRelativeDay, false},
		{"es pasado martes", "El pasado martes se reunieron los ministros.", "2024-03-12", MethodRelativeWeekday, false},
		{"en explicit", "The memorandum was signed on January 9, 2024.", "2024-01-09", MethodExplicit, false},
		{"en next friday", "The envoys will meet on Friday.", "2024-03-15", MethodRelativeWeekday, true},
		{"de vor zwei Wochen", "Vor zwei Wochen unterzeichneten die Außenminister in Wien ein Protokoll.", "2024-02-26", MethodRelativeWeek, false},
		{"es hace dos semanas", "Hace dos semanas, los cancilleres firmaron un protocolo en Lima.", "2024-02-26", MethodRelativeWeek, false},
		{"en two weeks ago", "Two weeks ago the envoys signed a protocol in Geneva.", "2024-02-26", MethodRelativeWeek, false},
		{"de vor 3 Tagen", "Vor 3 Tagen traf der Minister in Ankara ein.", "2024-03-11", MethodRelativeDay, false},
		{"es hace un mes", "Hace un mes el ministro visitó Caracas.", "2024-02", MethodRelativeMonth, false},
		{"en a month ago", "A month ago the two governments resumed talks.", "2024-02", MethodRelativeMonth, false},
		{"de vergangenen Dienstag", "Die Delegation reiste am vergangenen Dienstag nach Minsk.", "2024-03-12", MethodRelativeWeekday, false},
		{"de gestern", "Gestern empfing die Ministerin ihren Amtskollegen.", "2024-03-13", MethodRelativeDay, false},
		{"es explicit", "El memorando se firmó el 3 de abril de 2023 en La Habana.", "2023-04-03", MethodExplicit, false},
		{"es martes pasado", "Los ministros se reunieron el martes pasado en Quito.", "2024-03-12", MethodRelativeWeekday, false},
		{"en yesterday", "The minister arrived yesterday in Hanoi.", "2024-03-13", MethodRelativeDay, false},
		{"en last week", "Last week the delegations held a second round of talks.", "2024-03-04", MethodRelativeWeek, false},
		{"en month day year", "The agreement was signed in Beijing on April 3, 2023.", "2023-04-03", MethodExplicit, false},
		{"de seit Ende Februar", "Seit Ende Februar verhandeln die Delegationen in Genf.", "2024-02", MethodExplicitNoYear, false},
		{"es finales de enero", "Las conversaciones comenzaron a finales de enero en Bogotá.", "2024-01", MethodExplicitNoYear, false},
		{"de explicit day month year", "MOSKAU, 26. Mai 2022 – Die Konsultationen fanden statt.", "2022-05-26", MethodExplicit, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			exprs := Find(tc.text)
			require.NotEmpty(t, exprs)
			v, ok := exprs[0].Resolve(pub, tc.future)
			require.True(t, ok)
			assert.Equal(t, tc.want, v.String())
			assert.Equal(t, tc.method, v.Method)
		})
	}
}

func TestNoGuess(t *testing.T) {
	exprs := Find("Am Montag unterzeichneten beide Seiten.")
	require.Len(t, exprs, 1)
	_, ok := exprs[0].Resolve(Anchor{Year: 2024, Month: 3}, false)
	assert.False(t, ok, "a weekday needs the publication day")
	assert.Empty(t, Find("The talks may continue in march."))
}

func TestPublished(t *testing.T) {
	a, ok := Published("Politik\n12 Januar 2024, 09:15\n\nDer Minister sagte …")
	require.True(t, ok)
	assert.Equal(t, Anchor{Year: 2024, Month: 1, Day: 12}, a)
	_, ok = Published("Menü\nSamstag, 29 Juni 2024\nText")
	assert.False(t, ok, "a date without a time is page chrome")
	a, ok = Published(" date 2024-02 Titel\nText — Radio Ejemplo (@RadioEj) February 7, 2024 mehr")
	require.True(t, ok)
	assert.Equal(t, Anchor{Year: 2024, Month: 2, Day: 7}, a)
}

func TestMetadataAndFooters(t *testing.T) {
	text := " date 2024-02 Minister unterzeichnen Abkommen\nAm Montag unterzeichneten sie. Los ministros firmaron hoy el acuerdo. — Radio Ejemplo (@RadioEj) February 5, 2024 Mehr"
	exprs := Find(text)
	require.NotEmpty(t, exprs)
	assert.True(t, Metadata(text, exprs[0]), "the metadata line's date is not the sentence's")
	for _, e := range exprs[1:] {
		assert.False(t, Metadata(text, e), text[e.Start:e.End])
	}
	fs := Footers(text)
	require.Len(t, fs, 1)
	assert.Equal(t, Anchor{Year: 2024, Month: 2, Day: 5}, fs[0].Date)
	assert.Equal(t, "February 5, 2024", text[fs[0].End-len("February 5, 2024"):fs[0].End])
}

func TestCountedNeedsDay(t *testing.T) {
	exprs := Find("Hace dos semanas se reunieron los cancilleres.")
	require.Len(t, exprs, 1)
	_, ok := exprs[0].Resolve(Anchor{Year: 2024, Month: 3}, false)
	assert.False(t, ok, "weeks back need the publication day")
	assert.Empty(t, Find("Vor Ort waren zwei Wochen lang Beobachter."), "a span without a count before it is no date")
}

func TestRuleNeeds(t *testing.T) {
	for i, r := range rules {
		assert.NotZero(t, r.needs&r.anchor|r.anchor&cueYear, "rule %d: the anchor is a needed cue", i)
	}
	c, _ := cues("am 24. Februar", nil)
	assert.Equal(t, cueMonth|cueDigit, c&(cueMonth|cueDigit))
	c, spans := cues("El MIÉRCOLES 2024", nil)
	assert.Equal(t, cueWeekday|cueYear, c&(cueWeekday|cueYear))
	assert.Len(t, spans, 2)
	c, _ = cues("Die Minister sprachen über Zölle.", nil)
	assert.Zero(t, c)
}
