package events

import (
	"strings"
	"testing"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// FuzzExtract holds Extract to its guarantees on any text: no panic;
// triggers inside their sentences, date and place spans inside the text;
// events in text order.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Anna Test und Kuba haben am Montag ein Abkommen unterzeichnet, sagte Anna Test.",
		"Die Parteien einigten sich. Mehr zum Thema - Kuba und Anna Test vereinbaren Zusammenarbeit",
		"Kuba firmó hoy un acuerdo. — Radio (@r) March 3, 2024",
		"„Nein“, sagte der Präsident dem Minister Anna Test, dass Kuba nicht zustimme",
	} {
		f.Add(s)
	}
	all, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	x, err := New(all)
	if err != nil {
		f.Fatal(err)
	}
	var cuba *gazetteer.Entity
	for _, e := range all {
		if e.ID == "country/CUB" {
			cuba = e
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		in := Input{Text: text, Anchor: dates.Anchor{Year: 2024, Month: 3, Day: 14}}
		at := 0
		for _, part := range strings.SplitAfter(text, ". ") {
			in.Sentences = append(in.Sentences, Sentence{Start: at, End: at + len(part), Lang: []string{"de", "es", "en"}[len(in.Sentences)%3]})
			at += len(part)
		}
		for _, form := range []string{"Anna Test", "Kuba"} {
			e := anna
			if form == "Kuba" {
				e = cuba
			}
			if i := strings.Index(text, form); i >= 0 {
				in.Mentions = append(in.Mentions, Mention{Start: i, End: i + len(form), Entity: e})
			}
		}
		sortByStart(in.Mentions)
		last := -1
		for _, ev := range x.Extract(in) {
			if ev.TrigStart < ev.SentStart || ev.TrigEnd > ev.SentEnd || ev.TrigEnd <= ev.TrigStart || ev.SentEnd > len(text) {
				t.Fatalf("trigger [%d,%d) outside sentence [%d,%d)", ev.TrigStart, ev.TrigEnd, ev.SentStart, ev.SentEnd)
			}
			if ev.SentStart < last {
				t.Fatalf("events out of order")
			}
			last = ev.SentStart
			if d := ev.Date; d != nil && (d.Start < 0 || d.End > len(text) || d.End < d.Start) {
				t.Fatalf("date span [%d,%d) out of range", d.Start, d.End)
			}
			if p := ev.Place; p != nil && (p.Start < 0 || p.End > len(text)) {
				t.Fatalf("place span out of range")
			}
		}
	})
}
