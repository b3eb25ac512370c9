package events

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// The imperfect subjunctive of a lexicon verb reports an earlier act after
// a conjunction of anteriority, and nothing after a request, a purpose or
// a condition.
func TestSpanishSubjunctiveAfterAnteriority(t *testing.T) {
	cub, mex, rus := country(t, "CUB"), country(t, "MEX"), country(t, "RUS")
	ents := map[string]*gazetteer.Entity{"Cuba": cub, "México": mex, "Rusia": rus}
	tests := []actorCase{
		{"después de que", "es", "La crisis estalló después de que México concediera asilo al exministro.", TypeOther, []string{mex.ID}},
		{"luego de que", "es", "Las relaciones se enfriaron luego de que Cuba detuviera a dos diplomáticos rusos.", TypeOther, []string{cub.ID}},
		{"tras que", "es", "Todo empezó tras que Cuba suspendiera los vuelos a Moscú.", TypeOther, []string{cub.ID}},
		{"a request is no act", "es", "Rusia pidió que Cuba detuviera a dos diplomáticos.", TypeOther, nil},
		{"a purpose is no act", "es", "Rusia presionó para que México concediera asilo al exministro.", TypeOther, nil},
		{"a condition is no act", "es", "Si Cuba detuviera a los diplomáticos, Rusia respondería.", TypeOther, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, ents) })
	}
}
