package normalize_test

import (
	"fmt"
	"strings"

	"github.com/gazex/gazex/extractors/normalize"
)

func ExampleNormalize() {
	orig := []byte("  Treffen nach demMiguel Díaz-Canel Besuch:\r\n„Die Cyber\u00adsicherheit\u00a0– ein Modell“")
	t := normalize.Normalize(orig)
	fmt.Printf("%q\n", t.Norm)

	// Spans found in the normalised text point back into the original bytes.
	ns := strings.Index(t.Norm, "Cybersicherheit")
	os, oe := t.Span(ns, ns+len("Cybersicherheit"))
	fmt.Printf("%q bytes [%d,%d) chars [%d,%d)\n", orig[os:oe], os, oe, t.Chars(os), t.Chars(oe))

	ns = strings.Index(t.Norm, "Miguel")
	os, oe = t.Span(ns, ns+len("Miguel"))
	fmt.Printf("%q bytes [%d,%d)\n", orig[os:oe], os, oe)
	// Output:
	// "Treffen nach dem Miguel Díaz-Canel Besuch:\n\"Die Cybersicherheit - ein Modell\""
	// "Cyber\u00adsicherheit" bytes [53,70) chars [50,66)
	// "Miguel" bytes [18,24)
}

func ExampleString() {
	fmt.Println(normalize.String("«Sí»,\u00a0dijo el ministro — „ja“"))
	// Output:
	// "Sí", dijo el ministro - "ja"
}
