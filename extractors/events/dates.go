package events

// Dates: which date an event takes, from its sentence, a tweet footer or
// the publication date, and whether two dates may name one event.

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/dates"
)

// sentenceDates are the date expressions of sentence s, offsets relative
// to s, without those of metadata lines and tweet footers.
func sentenceDates(text string, s Sentence, footers []dates.Footer) []dates.Expr {
	var exprs []dates.Expr
	for _, e := range dates.Find(text[s.Start:s.End]) {
		abs := e
		abs.Start, abs.End = s.Start+e.Start, s.Start+e.End
		if !dates.Metadata(text, abs) && !slices.ContainsFunc(footers, func(f dates.Footer) bool { return abs.Start < f.End && abs.End > f.Start }) {
			exprs = append(exprs, e)
		}
	}
	return exprs
}

// setDate dates ev from its sentence's expressions (offsets relative to
// base, the sentence's start) against anchor.
func (ev *Event) setDate(exprs []dates.Expr, base int, anchor dates.Anchor) {
	ev.Date, ev.dateFromText, ev.hasDateX = date(exprs, base, ev.TrigStart, anchor, ev.Modality.Future)
	if ev.hasDateX && ev.Date != nil {
		ev.dateText = ev.Date.String()
	}
}

// date picks the sentence's date expression nearest the trigger that
// resolves; a sentence without one takes the publication date. A sentence
// whose date expressions do not resolve, or give only a year, has no date:
// the publication date would be a guess — except a past weekday or day word
// against an anchor known only to the month, which takes that month.
func date(exprs []dates.Expr, base, trig int, a dates.Anchor, future bool) (*Date, bool, bool) {
	var best *Date
	bestDist := 1 << 30
	any := false
	// dayOnly: every expression that failed needed the day the anchor
	// lacks ("am Dienstag" with an anchor known to the month).
	dayOnly := a.Month != 0 && a.Day == 0
	for _, e := range exprs {
		if e.Granularity == dates.Year {
			// An earlier year marks a background event; a later one
			// speaks of plans, not of when the event happened.
			if a.Year == 0 || yearOf(e) < a.Year {
				any, dayOnly = true, false
			}
			continue
		}
		any = true
		v, ok := e.Resolve(a, future)
		if !ok {
			if e.Method != dates.MethodRelativeDay && e.Method != dates.MethodRelativeWeekday {
				dayOnly = false
			}
			continue
		}
		if d := abs(base + e.Start - trig); d < bestDist {
			best, bestDist = &Date{Value: v, Start: base + e.Start, End: base + e.End}, d
		}
	}
	if best != nil {
		return best, true, true
	}
	if any && dayOnly && !future {
		// A past weekday or "gestern" lies within days of the anchor:
		// its month is what the text supports (ANNOTATION: month
		// precision when only the month is supported).
		if v, ok := a.Value(); ok {
			return &Date{Value: v}, false, true
		}
	}
	if any || future {
		return nil, false, any
	}
	if v, ok := a.Value(); ok {
		return &Date{Value: v}, false, false
	}
	return nil, false, false
}

// Value of a year-only expression.
func yearOf(e dates.Expr) int { v, _ := e.Resolve(dates.Anchor{}, false); return v.Year }

// maxTweetLinks is how many bytes of links a tweet may carry besides its text.
const maxTweetLinks = 400

// linkRunes counts the runes of the links in s ("https://t.co/…",
// "pic.twitter.com/…", and what is glued to them), which do not count
// towards a tweet's length.
func linkRunes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], " \n")
		if j < 0 {
			j = len(s) - i
		}
		if f := s[i : i+j]; strings.Contains(f, "://") || strings.Contains(f, "pic.twitter.com/") {
			n += utf8.RuneCountInString(f)
		}
		i += j + 1
	}
	return n
}

// tweetAnchor is the date a sentence's relative dates are read against:
// the day of the tweet footer that closes it when the sentence lies within
// a tweet's length before that footer ("firmaron hoy … — Canal Caribe
// (@CanalCaribeCuba) April 3, 2023"), else the document's anchor.
func tweetAnchor(text string, s Sentence, footers []dates.Footer, a dates.Anchor) dates.Anchor {
	for _, f := range footers {
		if f.Start < s.Start {
			continue
		}
		between := text[s.Start:f.Start]
		if len(between) > 4*maxTweetRunes+maxTweetLinks || strings.Contains(between, "\n") {
			return a // far before the footer, or not on its line
		}
		if utf8.RuneCountInString(between)-linkRunes(between) <= maxTweetRunes {
			return f.Date
		}
		return a
	}
	return a
}

// compatible reports whether two resolved dates may name the same day
// ("2023-04" and "2023-04-03"). Events whose stated dates did not resolve
// are not kept apart by them: nothing says the dates differ.
func compatible(a, b string) bool {
	return a != "" && b != "" && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// near reports whether two dates, one stated and one the publication
// date, may name the same event: within a week where both give the day,
// else in the same month (or year, where one gives only the year).
func near(x, y dates.Value) bool {
	switch {
	case x.Granularity == dates.Year || y.Granularity == dates.Year:
		return x.Year == y.Year
	case x.Granularity == dates.Month || y.Granularity == dates.Month:
		return x.Year == y.Year && x.Month == y.Month
	}
	tx := time.Date(x.Year, time.Month(x.Month), x.Day, 0, 0, 0, 0, time.UTC)
	ty := time.Date(y.Year, time.Month(y.Month), y.Day, 0, 0, 0, 0, time.UTC)
	d := tx.Sub(ty)
	return d <= 7*24*time.Hour && d >= -7*24*time.Hour
}
