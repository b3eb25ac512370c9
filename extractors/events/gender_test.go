package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/gazetteer"
)

// A pronoun that said of the person a sentence named what she or he is
// stands by it: the next "he" does not continue her. Written for this
// test: Anna Test and Pablo Prueba are the invented officials of
// lang_test.go.
func TestPronounSex(t *testing.T) {
	ap := map[string]*gazetteer.Entity{"Anna Test": anna, "Pablo Prueba": pablo}
	actors := func(evs []Event, typ string) []string {
		var out []string
		for _, ev := range filter(evs, typ) {
			for _, p := range ev.Participants {
				if p.Role == RoleActor {
					out = append(out, p.Entity.Name)
				}
			}
		}
		return out
	}
	for _, tc := range []struct {
		name, lang string
		text       []string
		want       []string // the actors of the second sentence's statement
	}{
		{"en she then he", "en", []string{"Foreign Minister Anna Test said she was appalled by the allegations.", "He also urged calm and patience."}, nil},
		{"en she then she", "en", []string{"Foreign Minister Anna Test said she was appalled by the allegations.", "She also urged calm and patience."}, []string{anna.Name}},
		{"en nothing said, he", "en", []string{"Foreign Minister Pablo Prueba met the press in Madrid on Monday.", "He also urged calm and patience."}, []string{pablo.Name}},
		{"de er then sie", "de", []string{"Außenminister Pablo Prueba sagte, er sei entsetzt.", "Sie forderte zudem Geduld."}, nil},
		{"es ella then él", "es", []string{"Anna Test dijo el lunes que ella está preocupada.", "Él también dijo que hay que esperar."}, nil},
		{"es ella then ella", "es", []string{"Anna Test dijo el lunes que ella está preocupada.", "Ella también dijo que hay que esperar."}, []string{anna.Name}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := run(t, tc.lang, thursday, ap, tc.text...)
			require.NotEmpty(t, evs)
			second := evs[:0:0]
			for _, ev := range evs {
				if ev.TrigStart >= len(tc.text[0]) {
					second = append(second, ev)
				}
			}
			assert.Equal(t, tc.want, actors(second, TypeStatement), "%v", evs)
		})
	}
}
