package pipeline

import (
	"testing"

	"github.com/gazex/gazex/gazetteer"
)

// TestDateText holds dateText to gazetteer.Date.String, on every date of
// its table (twice: made, then shared) and around its edges.
func TestDateText(t *testing.T) {
	var ds []gazetteer.Date
	for y := dayTextFirstYear - 2; y < dayTextFirstYear+dayTextYears+2; y++ {
		for m := -1; m <= 13; m++ {
			for d := -1; d <= 32; d++ {
				ds = append(ds, gazetteer.Date{Year: y, Month: m, Day: d})
			}
		}
	}
	ds = append(ds, gazetteer.Date{}, gazetteer.Date{Year: 10000, Month: 1, Day: 1}, gazetteer.Date{Year: -5})
	for range 2 {
		for _, d := range ds {
			if got, want := dateText(d), d.String(); got != want {
				t.Fatalf("dateText(%+v) = %q, want %q", d, got, want)
			}
		}
	}
}

// TestCoveringPosition holds setPositions' short cut to PositionsAt: on
// every entity of the default gazetteer with positions, on the days its
// positions begin and end and around them, coveringPosition counts what
// PositionsAt lists, and a lone position is the one it chooses.
func TestCoveringPosition(t *testing.T) {
	entities, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entities {
		var days []gazetteer.Date
		for _, p := range e.Positions {
			for _, d := range []gazetteer.Date{p.From, p.To} {
				days = append(days, d, gazetteer.Date{Year: d.Year, Month: 6, Day: 15}, gazetteer.Date{Year: d.Year + 1, Month: 1, Day: 1})
			}
		}
		for _, d := range days {
			p, n := coveringPosition(e, d)
			want, held := PositionsAt(e, d, "Präsident")
			if min(len(held), 2) != n || (n == 1 && p != want) {
				t.Fatalf("%s on %s: coveringPosition %v %d, PositionsAt %v %d", e.ID, d, p, n, want, len(held))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no entity with positions")
	}
}
