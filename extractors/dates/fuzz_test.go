package dates

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind holds Find to its guarantees on any input: spans in range, in
// order and non-overlapping, on rune boundaries of valid UTF-8 (gazex
// gives it normalised, valid text), and Resolve never panics.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Am Montag, 26. Mai 2022, unterzeichneten sie.",
		"Hace dos semanas, el pasado martes y el 3 de abril de 2023.",
		"Two weeks ago, on April 3, 2023, last month.",
		" date 2023-04 seit Ende Februar vor 3 Tagen",
		"März\xffMai 2020 Ärger am Dienstag",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end, valid := 0, utf8.ValidString(text)
		for _, e := range Find(text) {
			if e.Start < end || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", e.Start, e.End, end, text)
			}
			if valid && !utf8.RuneStart(text[e.Start]) || (valid && e.End < len(text) && !utf8.RuneStart(text[e.End])) {
				t.Fatalf("span [%d,%d) not on rune boundaries in %q", e.Start, e.End, text)
			}
			end = e.End
			e.Resolve(Anchor{Year: 2024, Month: 2, Day: 29}, false)
			e.Resolve(Anchor{Year: 2024, Month: 2}, true)
			Metadata(text, e)
		}
		Published(text)
		Footers(text)
	})
}
