package roles

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A weekday or month after a name in English ("Governor John Rankin
// Thursday called") is no part of it, though prose's PERSON may run over
// it. The sentences are written for this test.
func TestNameEndsBeforeWeekday(t *testing.T) {
	f := newFixture(t)
	tests := []struct{ text, want string }{
		{"Governor Jane Example Thursday called for calm after the arrests.", "Jane Example"},
		{"Interior Minister Paul Sample Monday rejected the report.", "Paul Sample"},
		{"Defence Minister Anna Muster said on Friday that the talks would go on.", "Anna Muster"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			var names []string
			for _, e := range f.extract(tc.text, "en").Discovered {
				names = append(names, e.Name)
			}
			assert.Equal(t, []string{tc.want}, names)
		})
	}
}
