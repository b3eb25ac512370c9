package events

// Dates: which date an event takes, from its sentence, a tweet footer or
// the publication date, and whether two dates may name one event.

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/internal/swar"
)

// timeline reads a document's sentences in order and keeps the date the
// text spoke of last, which a sentence without a date of its own continues
// ("Maas traf am Dienstag Adel al-Dschubeir. Maas sagte nach dem Gespräch
// …": Tuesday too) and which "tags darauf", "al día siguiente", "damals",
// "im selben Monat" are told from.
type timeline struct {
	anchor  dates.Anchor // the document's anchor, usually the publication date
	footers []dates.Footer
	last    *Date // the date spoken of last; nil: none, or the anchor's own
	since   int   // sentences without a date since last was spoken of
	// sd is what sentence returns, reused for the next sentence: no rule
	// keeps a sentence's dates past it (events copy the Date they take).
	sd sentDates
	// find keeps Find's buffers from one sentence to the next.
	find  dates.Finder
	tweet tweetCount
}

// reset readies t for a document (anchor, footers) as a new timeline
// would be: it keeps the room of its lists and of its Finder's buffers
// (arenaBufs pools it), and nothing of the document before.
func (t *timeline) reset(anchor dates.Anchor, footers []dates.Footer) {
	sd := sentDates{exprs: t.sd.exprs[:0], clauses: t.sd.clauses[:0], future: t.sd.future[:0]}
	find := t.find
	find.Release()
	*t = timeline{anchor: anchor, footers: footers, sd: sd, find: find}
}

// tweetCount is how many runes lie between pos and the start of footer
// f of a timeline's document.
type tweetCount struct {
	f, pos, runes int
}

// maxCarry is how many sentences without a date of their own the date
// spoken of last goes on into: a report details its day in the sentences
// that follow, while further on a sentence without a date speaks as
// likely of the day of publication.
const maxCarry = 3

// sentDates are what one sentence gives its events for their dates.
type sentDates struct {
	exprs   []dates.Expr // offsets into the document text
	clauses []int        // the clause of each of exprs
	future  []bool       // whether the clause of each of exprs speaks of what is to come
	anchor  dates.Anchor // the timeline's anchor, or the day of the tweet the sentence is in
	last    *Date        // the date spoken of last before the sentence (nil in a tweet)
	// own is anchor == the timeline's anchor, compared once per sentence
	// (and not at all in a document without tweet footers, most of them)
	// rather than in sentence and again in advance.
	own bool
	// lazy, if not nil, reads the sentence's dates when an event first
	// asks for them (setDate), and last when first read (spoken): the
	// sentence is the at-th of its document.
	lazy *datePass
	at   int
}

// spoken is sd.last, read back for a lazy sentence when first asked for.
func (sd *sentDates) spoken() *Date {
	if p := sd.lazy; p != nil {
		sd.last, sd.lazy = nil, nil
		if sd.own {
			sd.last = p.lastBefore(sd.at)
		}
	}
	return sd.last
}

// sentence returns the dates of sentence s, whose words are ws and lexicon
// hits v: its date expressions without those of metadata lines, tweet
// footers and bounds ("bis zum 19. Oktober"). They are valid until the
// next call.
func (t *timeline) sentence(text string, s Sentence, ws []word, v *view) *sentDates {
	sd := &t.sd
	sd.exprs, sd.clauses, sd.future, sd.last = sd.exprs[:0], sd.clauses[:0], sd.future[:0], t.last
	if len(t.footers) == 0 {
		sd.anchor, sd.own = t.anchor, true // what tweetAnchor returns without footers
	} else {
		sd.anchor = t.tweetAnchor(text, s)
		sd.own = sd.anchor == t.anchor
	}
	if !sd.own || t.since >= maxCarry {
		sd.last = nil // a tweet speaks of its own day
	}
	t.exprsOf(text, s, ws, v, sd)
	return sd
}

// exprsOf fills sd.exprs, sd.clauses and sd.future with the dates of
// sentence s (see sentence), which depend on its text and words alone,
// not on the sentences before.
func (t *timeline) exprsOf(text string, s Sentence, ws []word, v *view, sd *sentDates) {
	sd.exprs, sd.clauses, sd.future = sd.exprs[:0], sd.clauses[:0], sd.future[:0]
	var futs []hit
	for _, e := range t.find.Find(text[s.Start:s.End]) {
		e.Start, e.End = s.Start+e.Start, s.Start+e.End
		if e.Bound || dates.Metadata(text, e) || slices.ContainsFunc(t.footers, func(f dates.Footer) bool { return e.Start < f.End && e.End > f.Start }) {
			continue
		}
		c := clauseAt(ws, e.Start)
		sd.exprs = append(sd.exprs, e)
		sd.clauses = append(sd.clauses, c)
		// A year's future is read by no one (date and spokenOf resolve
		// no year): false, without the look at its clause (a year is a
		// common date of news). TestSlowPaths reads them all.
		if e.Granularity == dates.Year && !slowPaths {
			sd.future = append(sd.future, false)
			continue
		}
		if futs == nil {
			futs = v.find(kindFuture)
		}
		sd.future = append(sd.future, clauseFuture(text, ws, futs, c, e.Start))
	}
}

// advance moves the timeline past a sentence: its first date that lies
// no later than the anchor is now the date spoken of last; a sentence that
// states only later dates speaks of now. A sentence without dates, or in
// a tweet, leaves the date spoken of last as it is, one sentence older.
func (t *timeline) advance(sd *sentDates) {
	if !sd.own || len(sd.exprs) == 0 {
		t.since++
		return
	}
	t.since = 0
	t.last = sd.spokenOf(t.anchor)
}

// spokenOf is the date spoken of last after a sentence of the timeline's
// own day (sd.own) with dates: its first that lies no later than anchor,
// nil if none does or it is the anchor's own day. It reads sd.last only
// to resolve an expression told from it (MethodRelativeContext).
func (sd *sentDates) spokenOf(anchor dates.Anchor) *Date {
	for i, e := range sd.exprs {
		if e.Granularity == dates.Year {
			continue
		}
		v, ok := sd.resolve(i, sd.future[i])
		if !ok {
			continue
		}
		if after(v, anchor) {
			break
		}
		if pub, ok := anchor.Value(); ok && v.String() == pub.String() {
			return nil // the anchor's own day: nothing to carry
		}
		return &Date{Value: v, Start: e.Start, End: e.End}
	}
	return nil
}

// resolve resolves the i-th expression of sd: against the date spoken of
// last where it is told from it ("tags darauf"; a day needs a day to be
// told from, else the anchor's serves), else against the anchor.
func (sd *sentDates) resolve(i int, future bool) (dates.Value, bool) {
	e := sd.exprs[i]
	if e.Method != dates.MethodRelativeContext {
		return e.Resolve(sd.anchor, future)
	}
	if last := sd.spoken(); last != nil && (e.Granularity != dates.Day || last.Granularity == dates.Day) {
		v := last.Value
		return e.Resolve(dates.Anchor{Year: v.Year, Month: v.Month, Day: v.Day}, future)
	}
	if e.Granularity != dates.Day {
		return dates.Value{}, false // "damals" with nothing before it
	}
	return e.Resolve(sd.anchor, future)
}

// after reports whether v lies after the anchor (in a later day, or month
// where either gives only the month).
func after(v dates.Value, a dates.Anchor) bool {
	switch {
	case a.Year == 0:
		return false
	case v.Year != a.Year || a.Month == 0:
		return v.Year > a.Year
	case v.Month != a.Month || a.Day == 0 || v.Granularity == dates.Month:
		return v.Month > a.Month
	}
	return v.Day > a.Day
}

// futureWords are auxiliaries of the future and of plans, folded, that
// the lexicon's future cues may lack: the reported "er werde am Freitag
// reisen", "solle".
var futureWords = []string{"werde", "werden", "wird", "soll", "solle", "sollen", "will", "wolle", "wollen", "shall"}

// aheadWords are adjectives that put a clause's date ahead ("the upcoming
// summit in June", "die bevorstehende Reise im Mai", "la próxima cumbre en
// junio"), as folded word prefixes.
var aheadWords = []string{"upcoming", "forthcoming", "bevorstehend", "anstehend", "geplant", "vorgesehen", "proxim", "previst", "programad", "venider"}

// futureFirst are the first bytes of futureWords and aheadWords: most
// words start with none, and clauseFuture tests them against neither.
var futureFirst = func() (t [256]bool) {
	for _, w := range append(slices.Clone(futureWords), aheadWords...) {
		t[w[0]] = true
	}
	return t
}()

// clauseFuture reports whether clause c of a sentence speaks, for the date
// expression at, of what is still to come: a future cue of the lexicon that
// is a word of its own ("wird", "will", "va a"; not an ending, which only
// the trigger's own modality reads), a word of futureWords, a Spanish future form ("viajará",
// "firmarán", with the written accent), or, before the expression, a word
// of aheadWords (in "bestellte am Freitag … die geplante Reise ab" the
// plan is not Friday's).
func clauseFuture(text string, ws []word, futs []hit, c, at int) bool {
	for _, h := range futs {
		if ws[h.i].clause == c && !suffixCue(h, ws) {
			return true
		}
	}
	// The words of clause c are one run of ws: clauses are numbered in
	// the order of the words, counting only up (clauses.punct).
	// (slices.BinarySearchFunc's index, by hand: its comparison a call
	// per step, for each date of a sentence.)
	lo, hi := 0, len(ws)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); ws[m].clause < c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for _, w := range ws[lo:] {
		if w.clause != c {
			break
		}
		if w.fold != "" && futureFirst[w.fold[0]] {
			if slices.Contains(futureWords, w.fold) {
				return true
			}
			for _, p := range aheadWords {
				if w.start < at && strings.HasPrefix(w.fold, p) {
					return true
				}
			}
		}
		if t := text[w.start:w.end]; strings.HasSuffix(t, "rá") || strings.HasSuffix(t, "rán") {
			return true
		}
	}
	return false
}

// suffixCue reports whether lexicon hit h matched its word only by an
// ending ("*ra").
func suffixCue(h hit, ws []word) bool {
	suffix := false
	for _, seq := range h.e.patterns {
		if len(seq) != 1 || !wordMatch(seq[0], ws[h.i].fold) {
			continue
		}
		if !strings.HasPrefix(seq[0], "*") || strings.HasSuffix(seq[0], "*") {
			return false
		}
		suffix = true
	}
	return suffix
}

// setDate dates ev, whose trigger is in clause, from its sentence's dates.
// A date continued from an earlier sentence keeps the event apart from
// one of another day, as a date of its own sentence does. What a speaker
// said in quotation marks is not when he said it: a statement, denial or
// accusation whose verb stands outside a quotation takes no date from
// inside it ("the IMF announced: “As of end January 2015 …”", "„Im März
// unterzeichnen wir“, sagte sie am Dienstag").
func (ev *Event) setDate(sd *sentDates, clause int, q *sentQuotes) {
	if sd.lazy != nil {
		sd.lazy.scan(sd.at)
	}
	if !isSpeech(ev.Type) || q.quoted(ev.TrigStart) {
		q = nil
	}
	ev.Date, ev.dateFromText, ev.hasDateX = sd.date(ev.TrigStart, clause, ev.Modality.Future, q)
	if ev.Date != nil && (ev.hasDateX || ev.Date.Method == dates.MethodRelativeContext) {
		ev.dateText = ev.Date.String()
	}
}

// Penalties of a date expression, in bytes of distance from the trigger.
const (
	otherClause = 1 << 12 // the expression is in another clause than the trigger
	aheadOfPast = 1 << 12 // "für Anfang Dezember (geplant)" for an event not itself to come
)

// date picks the sentence's date expression nearest the trigger, in the
// trigger's clause if there is one, that resolves (none inside a
// quotation when quotes is not nil); a date put ahead ("die für Dezember
// geplante Reise") dates an event that is not itself to come
// only if nothing else does. A sentence without one continues the day the
// text spoke of last, or takes the publication date. A sentence whose
// date expressions do not resolve, or give only an earlier year in the
// trigger's clause or one before it, has no date: the publication date would be a guess —
// except a past weekday or day word against an anchor known only to the
// month, which takes that month.
func (sd *sentDates) date(trig, clause int, future bool, quotes *sentQuotes) (*Date, bool, bool) {
	a := sd.anchor
	// The best date so far as a value: one Date is made, for the one
	// returned, not one for each better expression on the way.
	var best Date
	found := false
	bestDist := 1 << 30
	any := false
	// dayOnly: every expression that failed needed the day the anchor
	// lacks ("am Dienstag" with an anchor known to the month).
	dayOnly := a.Month != 0 && a.Day == 0
	for i, e := range sd.exprs {
		if quotes != nil && quotes.quoted(e.Start) {
			continue // what was said, not when (setDate)
		}
		if e.Granularity == dates.Year {
			// An earlier year marks a background event; a later one
			// speaks of plans, not of when the event happened. A year in
			// a clause after the trigger's qualifies something else
			// ("verhängte Sanktionen gegen …, denen Einmischung in die
			// Präsidentenwahl 2020 vorgeworfen wird"); one before it
			// governs it ("Im Jahr 2023 wurde berichtet, dass …").
			if sd.clauses[i] <= clause && (a.Year == 0 || yearOf(e) < a.Year) {
				any, dayOnly = true, false
			}
			continue
		}
		any = true
		v, ok := sd.resolve(i, future || sd.future[i])
		if !ok {
			if e.Method != dates.MethodRelativeDay && e.Method != dates.MethodRelativeWeekday {
				dayOnly = false
			}
			continue
		}
		d := abs(e.Start - trig)
		if sd.clauses[i] != clause {
			d += otherClause
		}
		if e.Ahead() && !future {
			d += aheadOfPast
		}
		if d < bestDist {
			best, bestDist, found = Date{Value: v, Start: e.Start, End: e.End}, d, true
		}
	}
	if found {
		d := best // made here, not for every call (best itself does not escape)
		return &d, true, true
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
	if l := sd.spoken(); l != nil && l.Granularity == dates.Day {
		// The day the text spoke of last goes on.
		c := *l
		c.Method = dates.MethodRelativeContext
		return &c, false, false
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
	// Each field holding a link is found from the link, not by splitting
	// s at every space (tweets are long, links few).
	n := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "://")
		if k := strings.Index(s[i:], "pic.twitter.com/"); k >= 0 && (j < 0 || k < j) {
			j = k
		}
		if j < 0 {
			break
		}
		j += i
		start := i + strings.LastIndexAny(s[i:j], " \n") + 1
		end := len(s)
		if e := strings.IndexAny(s[j:], " \n"); e >= 0 {
			end = j + e
		}
		n += utf8.RuneCountInString(s[start:end])
		i = end + 1
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
		// No more bytes than a tweet's runes: within its length whatever
		// the runes and links (a rune takes a byte or more).
		if len(between) <= maxTweetRunes || utf8.RuneCountInString(between)-linkRunes(between) <= maxTweetRunes {
			return f.Date
		}
		return a
	}
	return a
}

// tweetAnchor is tweetAnchor(text, s, t.footers, t.anchor) for the
// sentences of t's document, in order: it counts the runes between a
// sentence of a tweet's line and its footer from the count it made for
// the sentence before, not anew for each (a line of news can be long).
// TestTimelineTweetAnchor holds it to tweetAnchor.
func (t *timeline) tweetAnchor(text string, s Sentence) dates.Anchor {
	for i, f := range t.footers {
		if f.Start < s.Start {
			continue
		}
		between := text[s.Start:f.Start]
		if len(between) > 4*maxTweetRunes+maxTweetLinks || strings.Contains(between, "\n") {
			return t.anchor
		}
		if len(between) <= maxTweetRunes {
			return f.Date
		}
		// Runes counted from a byte that continues none are the runes up
		// to it and from it: a rune's bytes after its first all continue it.
		c := &t.tweet
		switch {
		case !utf8.RuneStart(text[s.Start]):
			c = &tweetCount{f: i, pos: s.Start, runes: runeCount(between)}
			t.tweet.f = -1
		case c.f != i || c.pos > s.Start || c.runes == 0:
			*c = tweetCount{f: i, pos: s.Start, runes: runeCount(between)}
		default:
			c.runes -= runeCount(text[c.pos:s.Start])
			c.pos = s.Start
		}
		if c.runes-linkRunes(between) <= maxTweetRunes {
			return f.Date
		}
		return t.anchor
	}
	return t.anchor
}

// runeCount is utf8.RuneCountInString(s), eight bytes at a time where
// all eight are ASCII (a rune each): a position after them is where a
// rune starts as surely as one after a rune decoded. TestRuneCount holds
// it to utf8.RuneCountInString.
func runeCount(s string) int {
	n, i := 0, 0
	for i < len(s) {
		if i+8 <= len(s) && swar.Load64(s, i)&0x8080808080808080 == 0 {
			n, i = n+8, i+8
			continue
		}
		if s[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		n, i = n+1, i+size
	}
	return n
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
