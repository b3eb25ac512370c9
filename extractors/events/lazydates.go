package events

// Dates on demand. Only an event reads its sentence's dates (setDate), and
// most sentences up to the last with a trigger make none: reading the
// dates of every one of them, in order, as the timeline does, cost the
// dates stage a quarter more (counted on the dev documents: 5,500
// sentences read for 2,240 with an event). For a short document, whose
// words are kept, datePass reads a sentence's dates when an event first
// asks for them, and the date spoken of last before it, when that is
// asked for, from the few sentences before that decide it:
//
//   - the timeline carries a date through at most maxCarry sentences
//     without a date of their own or of a tweet (timeline.since), so the
//     sentences before are read back only until the first of the
//     anchor's day with dates, or maxCarry others;
//   - the date spoken of last after a sentence with dates is its own
//     (sentDates.spokenOf), which reads the date spoken of last before
//     that sentence only for an expression told from it ("tags darauf").
//
// A sentence's dates and its anchor depend on its text and words alone
// (tweetAnchor, which TestTimelineTweetAnchor holds to the timeline's),
// so reading them out of order gives what the timeline reads in order;
// a teaser's sentences are in neither. TestLazyDatesAgree holds the two.

// datePass reads the dates of the sentences of one short document on
// demand. It lives in the arenas (arenaBufs.dates), zeroed by put.
type datePass struct {
	text  string
	sents []Sentence
	kept  *keptWords
	ds    []datedSentence
	tl    *timeline
	bufs  *arenaBufs
	memo  kindMemo // the views' for kindFuture: not the memo of the sentence being read
}

// scan reads the anchor and the date expressions of sentence j once,
// the expressions into the document's lists, as the timeline pass of
// keptSentences copies them.
func (p *datePass) scan(j int) *sentDates {
	d := &p.ds[j]
	if d.scanned {
		return &d.sd
	}
	d.scanned = true
	sd, tl := &p.tl.sd, p.tl
	s := p.sents[j]
	d.sd.anchor, d.sd.own = tl.anchor, true // what tweetAnchor returns without footers
	if len(tl.footers) > 0 {
		d.sd.anchor = tweetAnchor(p.text, s, tl.footers, tl.anchor)
		d.sd.own = d.sd.anchor == tl.anchor
	}
	v := p.kept.views[j]
	p.memo.reset()
	v.memo = &p.memo
	tl.exprsOf(p.text, s, p.kept.wss[j], &v, sd)
	if n := len(sd.exprs); n > 0 {
		b := p.bufs
		at := len(b.exprs)
		b.exprs, b.clauses, b.future = append(b.exprs, sd.exprs...), append(b.clauses, sd.clauses...), append(b.future, sd.future...)
		d.sd.exprs, d.sd.clauses, d.sd.future = b.exprs[at:at+n:at+n], b.clauses[at:at+n:at+n], b.future[at:at+n:at+n]
	}
	return &d.sd
}

// lastBefore is the date spoken of last before sentence i of the
// anchor's day (timeline.last): that after the nearest sentence before
// it of the anchor's day with dates, unless maxCarry others lie between.
func (p *datePass) lastBefore(i int) *Date {
	n := 0 // sentences read back that set no date
	for j := i - 1; j >= 0 && n < maxCarry; j-- {
		if p.ds[j].skip {
			continue // a teaser's: not in the timeline
		}
		if sd := p.scan(j); !sd.own || len(sd.exprs) == 0 {
			n++ // timeline.advance: since++
			continue
		}
		return p.after(j)
	}
	return nil
}

// after is the date spoken of last after sentence j, of the anchor's day
// with dates.
func (p *datePass) after(j int) *Date {
	d := &p.ds[j]
	if !d.afterKnown {
		d.after, d.afterKnown = d.sd.spokenOf(p.tl.anchor), true
	}
	return d.after
}
