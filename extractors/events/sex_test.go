package events

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// The sentences below are written for these tests; Anna Test and Pablo
// Prueba are the invented officials of lang_test.go.

// Before any pronoun said it, a title or form of address before a
// person's name says the person's sex: a pronoun of the other one does not
// continue that person.
func TestTitleSex(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	tests := []struct {
		name, lang string
		text       []string
		want       []string // the actors of the second sentence's statement
	}{
		{"de Minister, dann sie", "de", []string{"Außenminister Pablo Prueba eröffnete am Montag die Konferenz in Wien.", "Sie betonte, die Gespräche seien schwierig."}, nil},
		{"de Ministerin, dann er", "de", []string{"Außenministerin Anna Test eröffnete am Montag die Konferenz in Wien.", "Er betonte, die Gespräche seien schwierig."}, nil},
		{"de Ministerin, dann sie", "de", []string{"Außenministerin Anna Test eröffnete am Montag die Konferenz in Wien.", "Sie betonte, die Gespräche seien schwierig."}, []string{anna.Name}},
		{"de Frau, dann er", "de", []string{"Frau Anna Test eröffnete am Montag die Konferenz in Wien.", "Er betonte, die Gespräche seien schwierig."}, nil},
		{"de ohne Titel, sie", "de", []string{"Pablo Prueba eröffnete am Montag die Konferenz in Wien.", "Sie betonte, die Gespräche seien schwierig."}, []string{pablo.Name}},
		{"es el ministro, luego ella", "es", []string{"El ministro Pablo Prueba dijo el lunes que la conferencia fue un éxito.", "Ella también dijo que hay que esperar."}, nil},
		{"es la ministra, luego ella", "es", []string{"La ministra Anna Test dijo el lunes que la conferencia fue un éxito.", "Ella también dijo que hay que esperar."}, []string{anna.Name}},
		{"en Mr, then she", "en", []string{"Mr Pablo Prueba opened the conference in Vienna on Monday.", "She said the talks were difficult."}, nil},
		{"en Minister, then she", "en", []string{"Minister Anna Test opened the conference in Vienna on Monday.", "She said the talks were difficult."}, []string{anna.Name}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ap, tc.text...)
			var got []string
			for _, ev := range filter(evs, TypeStatement) {
				if ev.TrigStart < len(tc.text[0]) {
					continue
				}
				for _, p := range ev.Participants {
					if p.Role == RoleActor {
						got = append(got, p.Entity.Name)
					}
				}
			}
			assert.Equal(t, tc.want, got, "%v", evs)
		})
	}
}

// wordSex reads the titles and forms of address before a name.
func TestWordSex(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	tests := []struct {
		lang, w, prev string
		want          byte
	}{
		{"de", "Verteidigungsministerin", "die", 'f'},
		{"de", "Bundeskanzler", "", 'm'},
		{"de", "Frau", "", 'f'},
		{"de", "Sprecher", "der", 0}, // no office of the lexicon
		{"es", "canciller", "la", 'f'},
		{"es", "canciller", "el", 'm'},
		{"es", "ministra", "", 'f'},
		{"es", "señora", "", 'f'},
		{"en", "Minister", "", 0},
		{"en", "Mrs", "", 'f'},
	}
	for _, tc := range tests {
		t.Run(tc.lang+" "+tc.w, func(t *testing.T) {
			assert.Equal(t, tc.want, x.wordSex(tc.lang, tc.w, tc.prev))
		})
	}
}

// titleSex reads a person's titles within titleWindow before the pronoun
// only: a long document's earlier mentions are not read at every pronoun
// (its time grew with its square). The title here introduces Anna Test
// once; the filler after it is sentences without her.
func TestTitleSexWindow(t *testing.T) {
	all, err := loadDefault()
	require.NoError(t, err)
	x, err := New(all)
	require.NoError(t, err)
	const intro = "Außenministerin Anna Test eröffnete die Konferenz. "
	filler := "Die Delegationen berieten am Nachmittag über den Haushalt. "
	for _, tc := range []struct {
		name   string
		repeat int
		want   byte
	}{
		{"title near", 10, 'f'},
		{"title beyond the window", titleWindow/len(filler) + 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := intro + strings.Repeat(filler, tc.repeat) + "Anna Test sprach. Sie betonte es."
			at := strings.Index(text, "Anna Test")
			last := strings.LastIndex(text, "Anna Test")
			in := Input{Text: text, Mentions: []Mention{
				{Start: at, End: at + len("Anna Test"), Entity: anna},
				{Start: last, End: last + len("Anna Test"), Entity: anna},
			}}
			in.ordered = true
			assert.Equal(t, tc.want, x.titleSex(in, "de", anna, strings.LastIndex(text, "Sie")))
		})
	}
}
