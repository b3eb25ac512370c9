package sentences_test

import (
	"fmt"

	"github.com/gazex/gazex/extractors/sentences"
)

func ExampleSplit() {
	text := "Politik\nMOSKAU, 26. Mai (BelTA) - Die Konsultationen fanden statt. Dr. Müller leitete sie."
	for _, s := range sentences.Split(text, "de") {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// Politik
	// MOSKAU, 26. Mai (BelTA) - Die Konsultationen fanden statt.
	// Dr. Müller leitete sie.
}

func ExampleSplit_spanish() {
	text := "El Sr. López Miera viajó a Pekín. La relación con EE.UU. sigue tensa."
	for _, s := range sentences.Split(text, "es") {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// El Sr. López Miera viajó a Pekín.
	// La relación con EE.UU. sigue tensa.
}
