package langid

import (
	"math"
	"testing"

	"github.com/pemistahl/lingua-go"
)

// TestLinguaChoice checks that de, es and en use gazex's copy of lingua,
// other languages upstream's, and that both answer alike.
func TestLinguaChoice(t *testing.T) {
	ll := []lingua.Language{lingua.German, lingua.Spanish, lingua.English}
	det, _, _ := newLingua(ll)
	if _, ok := det().(forkDetector); !ok {
		t.Fatalf("de, es, en: %T", det())
	}
	fr, _, _ := newLingua([]lingua.Language{lingua.French, lingua.German})
	if _, ok := fr().(upstreamDetector); !ok {
		t.Fatalf("fr, de: %T", fr())
	}
	one, _, _ := newLingua([]lingua.Language{lingua.German})
	if one() != nil {
		t.Fatal("one language: a detector")
	}
	up, _, _ := newUpstreamLingua(ll)
	// Texts of 120 letters or more, which need only the trigram models
	// (TestSameAsUpstream in third_party/lingua-go compares the rest).
	for _, text := range []string{
		"Der Präsident sagte am Dienstag in Berlin, die Regierung werde die Steuern senken und die Ausgaben für die Verteidigung erhöhen.",
		"El presidente dijo el martes en Madrid que el gobierno bajará los impuestos y aumentará el gasto en defensa del país.",
		"The president said on Tuesday in Washington that the government would cut taxes and raise spending on the armed forces.",
		"",
	} {
		got, want := det().confidences(text), up().confidences(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, upstream %v", text, got, want)
		}
		for i := range got {
			if got[i].code != want[i].code || math.Abs(got[i].value-want[i].value) > 1e-9 {
				t.Fatalf("%q: %v, upstream %v", text, got, want)
			}
		}
	}
}
