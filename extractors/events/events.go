// Package events finds events — who did what with whom, when, where, on
// whose word — in German, Spanish and English news sentences.
//
// Triggers come from lexicons kept as data (data/de.tsv, es.tsv, en.tsv,
// embedded), matched on folded word stems so that inflected forms count
// ("unterzeichneten", "firmaron", "signed") and nominal ones too
// ("Unterzeichnung", "Konsultationen", "la firma"). Participants are the
// entities an earlier stage found in the same sentence (or, in a sentence
// that names none, the nearest earlier sentence's), plus countries named
// by nationality adjectives ("russisch-belarussische") and capitals used
// for their governments ("Peking und Havanna haben … unterzeichnet").
// "Die Parteien" and "ambas partes" are the two countries named last, and a
// role noun without a name ("der russische Führer") the person named before
// whose office fits it. Dates come from package dates against the
// publication date, or, inside an embedded tweet, against the tweet's day.
// Links to other articles ("Mehr zum Thema") yield no events, and one
// sentence reports one thing: the content of an agreement or a statement
// is not an event of its own.
//
// Guarantees: all offsets are byte offsets into the text given to
// [Extractor.Extract], half-open and inside the sentence they belong to;
// the output is deterministic and in text order; a negated or hypothetical
// event is flagged in its modality, never reported as plain. An
// [Extractor] is immutable and safe for concurrent use.
package events

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// Mention is an entity an earlier stage found in the text.
type Mention struct {
	Start, End int
	Entity     *gazetteer.Entity
	// Role: the earlier stage found the entity by the office or the
	// agency the text states ("Verteidigungsminister Mario Kunasek"), so
	// it acts for a state even without positions in the gazetteer.
	Role bool
}

// Sentence is a sentence of the text with its language.
type Sentence struct {
	Start, End int
	Lang       string
}

// Input is one document as the extractor sees it.
type Input struct {
	Text      string
	Sentences []Sentence // in order
	Mentions  []Mention  // in order of Start
	Anchor    dates.Anchor
	// Tokens, if set, are [gazetteer.Tokens] of Text, which an earlier
	// stage made anyway: words are then read from them instead of
	// tokenising each sentence again. The events are the same either way.
	Tokens []gazetteer.Token

	ordered bool // Mentions are in order of Start, each with Start <= End: a sentence's are found by binary search
	// parts, if not nil, is the arena the sentences' candidates are made
	// in (partsRoom).
	parts *[]Participant
}

// partsRoom returns an empty list with room for n participants: in the
// document's arena in.parts if it has one, which reserves the room for
// it (the list's capacity ends there: appending past it copies, as it
// would for a list of its own), else made. A short document's sentences
// each made one, an allocation of pointers that cost the participants
// pass a quarter of its time (CPU profile of the dev corpus). No list of
// the arena outlives the document: the candidates go to later sentences
// (history) and are copied into events (roles, passiveRoles) and the
// subject memory (subjectMemory.set).
func (in *Input) partsRoom(n int) []Participant {
	a := in.parts
	if a == nil {
		return make([]Participant, 0, n)
	}
	if cap(*a)-len(*a) < n {
		// A new block: the lists in the old one stay where they are.
		*a = make([]Participant, 0, max(2*cap(*a), n, 64))
	}
	k := len(*a)
	*a = (*a)[:k+n]
	return (*a)[k : k : k+n]
}

// Participant roles.
const (
	RoleActor     = "actor"
	RoleRecipient = "recipient"
)

// Participant is an entity taking part in an event. Start and End locate
// the mention the role was read from.
type Participant struct {
	Role       string
	Entity     *gazetteer.Entity
	Start, End int

	at        int    // where the sentence speaks of it (a role noun's offset for a person named before)
	clause    int    // the clause of the sentence at at
	side      bool   // one of "die Parteien", "ambas partes"
	object    bool   // after an object marker ("dem US-Staatschef Trump"): not the subject
	acts      bool   // may act for a state: an official, a state body, a country as a whole
	owner     bool   // a country in the possessive before its noun ("Österreichs Tauchmesse"): possessors settles it
	relative  bool   // in a relative clause ("…, cuyo líder X encabezó …,"): no subject of a verb outside it (markRelative)
	adjective bool   // a country read from its nationality adjective ("die russische Botschaft")
	slot      bool   // in the German subject slot of its clause ("hatte Polen das Konsulat geschlossen"): markSubjectSlots
	aside     bool   // after a preposition of topic ("Gespräche über die Ukraine"): no side of talks (markAside)
	rule      string // the lexicon entry that resolved it ("de.sides.parteien", "de.role.staatschef")
}

// Date is an event's date and where the text gives it; Start == End when
// it is the publication date.
type Date struct {
	dates.Value
	Start, End int
}

// Place is where an event happened.
type Place struct {
	Entity     *gazetteer.Entity
	Start, End int
}

// Attribution relations.
const (
	RelSpeaker        = "speaker"
	RelCitedSource    = "cited_source"
	maxImpersonalBack = 2  // sentences an impersonal passive looks back for its sides
	maxInvertedGap    = 12 // bytes between a verb and its inverted subject ("sagte Kreml-Sprecher X" counts via the role noun)
	maxSidesBack      = 8  // sentences "die Parteien" looks back for its two countries
	maxRoleBack       = 2000
	maxTweetRunes     = 280 // a tweet's length limit: a sentence this close before a tweet footer is the tweet's
	maxNominalWords   = 12  // words after a nominal trigger its agent may stand ("Besuch einer Delegation mit X")
)

// Attribution is the speaker or cited source of an event.
type Attribution struct {
	Relation   string
	Entity     *gazetteer.Entity
	Start, End int

	rule string // the lexicon entry that cited it
}

// Modality says whether an event is denied, still to come or hypothetical.
type Modality struct {
	Negated, Future, Hypothetical bool
}

// Event is one event found in a sentence.
type Event struct {
	Type, Plover, Cameo    string
	Contexts               []string
	Lang                   string
	SentStart, SentEnd     int
	TrigStart, TrigEnd     int
	Participants           []Participant
	Date                   *Date
	Place                  *Place
	Topic                  string
	Attribution            []Attribution
	Modality               Modality
	Confidence             float64
	Rules                  []string
	borrowed               bool // participants come from an earlier sentence
	lead                   bool // in the headline or lead paragraph
	continued              bool // goes on with a statement of the sentence before (continuedSpeech)
	repeat                 bool // repeats an earlier statement word for word (repeatedSpeech)
	coordinated            bool // its verb is coordinated with an earlier event's of its sentence (sharedSubject): another act
	dateText               string
	dateFromText, hasDateX bool
}

// Extractor finds events. Build it once with [New].
type Extractor struct {
	lex       map[string]*lexicon
	langLex   [3]*lexicon // lex["de"], lex["es"], lex["en"]: what lexOf returns, without a map look-up per sentence
	topics    *lexicon
	adjective map[string]*gazetteer.Entity // Key of a nationality adjective of any language → country
	// adjOf is adjective by language (adjLang): a key one language's
	// adjective shares with another's word is no adjective there (English
	// "islands" is Spanish "islandés", German "China" Spanish "china").
	adjOf     [adjLangs]map[string]*gazetteer.Entity
	adjPrefix map[uint32]bool              // first adjPrefix bytes of the folded adjectives, as key3
	adjHash   key3Set                      // key3Hash of those: a cheap test before adjPrefix
	adjTab    key3Table                    // adjPrefix as a table (no refs), read by hasAdjPrefix
	adjEmpty  *gazetteer.Entity            // adjective[""], what a word without a key finds
	adjWords  [adjLangs]adjTable           // adjOf as tables, read per word by tokenWords
	country   map[string]*gazetteer.Entity // ISO3 → country entity
	capital   map[string]string            // place id → the country whose seat of government it is
	seat      map[string]*gazetteer.Entity // place id → the international body news names by the city (data/seats.tsv)
	offices   []string                     // the one-word office patterns of every language, for Office
	// officeMemo keeps Office's answers (office.go).
	officeMemo *officeMemo
}

// New builds an extractor; entities supply the countries (their
// nationality adjectives, and the governments capitals stand for).
func New(entities []*gazetteer.Entity) (*Extractor, error) {
	x := &Extractor{lex: map[string]*lexicon{}, adjective: map[string]*gazetteer.Entity{}, adjPrefix: map[uint32]bool{}, country: map[string]*gazetteer.Entity{}}
	for i := range x.adjOf {
		x.adjOf[i] = map[string]*gazetteer.Entity{}
	}
	x.adjOf[adjLangs-1] = x.adjective
	for _, lang := range []string{"de", "es", "en"} {
		l, err := parseLexicon(lang+".tsv", lang, false)
		if err != nil {
			return nil, err
		}
		x.lex[lang] = l
	}
	x.langLex = [3]*lexicon{x.lex["de"], x.lex["es"], x.lex["en"]}
	t, err := parseLexicon("topics.tsv", "topic", true)
	if err != nil {
		return nil, err
	}
	x.topics = t
	if x.capital, err = capitals(); err != nil {
		return nil, err
	}
	seatOf, err := seats()
	if err != nil {
		return nil, err
	}
	x.seat = map[string]*gazetteer.Entity{}
	for _, e := range entities {
		for place, body := range seatOf {
			if e.ID == body {
				x.seat[place] = e // a gazetteer without the body leaves its city a capital
			}
		}
	}
	for _, l := range x.lex {
		// One pass over a sentence finds its language's entries and the
		// topics.
		l.all = newIndex(append(slices.Clone(l.entries), t.entries...)).withFilter()
	}
	for _, e := range entities {
		if e.Type != gazetteer.TypeCountry {
			continue
		}
		x.country[e.Country] = e
		for lang, adjs := range e.Adjectives {
			for _, a := range adjs {
				toks := gazetteer.Tokens(a)
				if len(toks) == 1 {
					x.adjective[toks[0].Key] = e
					if i := adjLang(lang); i < adjLangs-1 {
						x.adjOf[i][toks[0].Key] = e
					}
					if f := toks[0].Fold; len(f) >= adjPrefix {
						x.adjPrefix[key3(f)] = true
					}
				}
			}
		}
	}
	x.adjEmpty = x.adjective[""]
	for i, m := range x.adjOf {
		x.adjWords[i] = newAdjTable(m)
	}
	x.officeMemo = &officeMemo{seed: maphash.MakeSeed()}
	for k := range x.adjPrefix {
		x.adjHash.add(key3Hash(k))
	}
	prefixes := make(map[uint32][]ref, len(x.adjPrefix))
	for k := range x.adjPrefix {
		prefixes[k] = nil // the key is there, no refs
	}
	x.adjTab = newKey3Table(prefixes)
	for _, lang := range []string{"de", "es", "en"} {
		for _, e := range x.lex[lang].of(kindOffice).entries {
			for _, seq := range e.patterns {
				if len(seq) == 1 {
					// A pattern the languages share is tried once (Office
					// asks whether any matches).
					if p := strings.TrimSuffix(seq[0], umlautMark); !slices.Contains(x.offices, p) {
						x.offices = append(x.offices, p)
					}
				}
			}
		}
	}
	return x, nil
}

// hasAdjPrefix is x.adjPrefix[k], without a map look-up per word.
func (x *Extractor) hasAdjPrefix(k uint32) bool {
	_, ok := x.adjTab.get(k, key3Hash(k))
	return ok
}

// arenaBufs are the arenas of one Extract call, kept for the next: a
// document's words and hits take tens of kilobytes, which, allocated anew
// for every document, would cost garbage collections over the large live
// heap of the language models. Nothing Extract returns points into them.
type arenaBufs struct {
	words []word
	hits  []hit
	masks []uint64 // the views' per-word kinds
	refs  []ref    // find's, for a word's refs from several lists
	// keptSentences': the sentences' dates, and their lists
	dated   []datedSentence
	events  []Event       // the events before dedup
	kept    keptWords     // docTopics' lists of a short document's words and views
	memo    kindMemo      // the sentences' views', one after the other
	dates   datePass      // keptSentences' dates on demand
	parts   []Participant // keptSentences' candidates (Input.partsRoom)
	exprs   []dates.Expr
	clauses []int
	future  []bool
	// tl is the document's timeline: its lists and its Finder's buffers
	// serve the next document (made anew for each, they were 1.5 % of the
	// bytes allocated).
	tl timeline
}

var arenas = sync.Pool{New: func() any { return new(arenaBufs) }}

// put clears the arenas, so that they keep no document's text alive, and
// returns them to the pool.
func (b *arenaBufs) put() {
	if cap(b.words) > maxPooledWords {
		return // a long document's: back to the garbage collector, not held for the next
	}
	clear(b.words)
	clear(b.hits)
	clear(b.dated) // their last dates
	clear(b.events[:cap(b.events)])
	b.memo.reset()
	clear(b.parts) // no entity kept alive
	b.parts = b.parts[:0]
	if cap(b.parts) > maxPooledParts {
		b.parts = nil // a long document's
	}
	b.dates.memo.reset()
	b.dates = datePass{memo: b.dates.memo} // no document's text kept
	clear(b.kept.wss)
	clear(b.kept.views)
	b.kept.wss, b.kept.views = b.kept.wss[:0], b.kept.views[:0]
	b.events = b.events[:0]
	if cap(b.events) > maxPooledEvents {
		b.events = nil // a long document's: a megabyte or more
	}
	b.dated, b.exprs, b.clauses, b.future = b.dated[:0], b.exprs[:0], b.clauses[:0], b.future[:0]
	b.words, b.hits, b.masks = b.words[:0], b.hits[:0], b.masks[:0]
	b.tl.reset(dates.Anchor{}, nil)
	arenas.Put(b)
}

// Extract returns the events of in, deduplicated per document: the same
// event reported twice (headline and body) comes out once, with the best
// supported fields of both.
func (x *Extractor) Extract(in Input) []Event {
	in.ordered = slices.IsSortedFunc(in.Mentions, func(a, b Mention) int { return a.Start - b.Start }) &&
		!slices.ContainsFunc(in.Mentions, func(m Mention) bool { return m.End < m.Start })
	bufs := arenas.Get().(*arenaBufs)
	defer bufs.put()
	docTopics, kept := x.docTopics(in, bufs)
	tl := &bufs.tl
	tl.reset(in.Anchor, dates.Footers(in.Text))
	// The events before dedup are made in the arena's list: dedup copies
	// those it keeps to a list of their own, and the list, grown once by
	// the documents before, is not grown again (slices.Grow of events was
	// the stage's largest allocation, copies included).
	out := bufs.events[:0]
	if kept != nil {
		out = x.keptSentences(in, kept, docTopics, tl, bufs, out)
	} else {
		out = x.streamSentences(in, docTopics, tl, bufs, out)
	}
	leadEnd := lead(in.Text, in.Sentences)
	for i := range out {
		out[i].lead = out[i].SentStart < leadEnd
	}
	evs := dedup(repeatedSpeech(in.Text, continuedSpeech(in.Text, out)))
	bufs.events = out[:0]
	return evs
}

// keptSentences extracts the events of a short document, whose words and
// hits docTopics kept: first the teasers of all its sentences, which skip
// the sentences after them, then their events, whose dates datePass
// reads when they ask for them (lazyDates; else the first pass reads the
// timeline of all the sentences, as it did: alternating the two per
// sentence, as streamSentences must, had each evict the other's code from
// the instruction cache). The results are the same: the timeline reads
// no event, and an event reads only its sentence's dates (a copy of what
// the timeline reuses); TestLongAndShortReadingsAgree holds the two ways
// to each other, TestLazyDatesAgree the dates on demand to the timeline.
//
// Both stop at the last sentence with a trigger hit: only such a sentence
// reads its dates or makes events (Extractor.sentence returns before it
// reads them otherwise), and the timeline, the participants and the
// subject memory only ever carry forward, so the sentences after it
// change no event (TestSlowPaths reads them all).
func (x *Extractor) keptSentences(in Input, kept *keptWords, docTopics *topicCounts, tl *timeline, bufs *arenaBufs, out []Event) []Event {
	ds := slices.Grow(bufs.dated[:0], len(in.Sentences))[:len(in.Sentences)]
	exprs, clauses, future := bufs.exprs[:0], bufs.clauses[:0], bufs.future[:0]
	skipUntil := -1
	memo := &bufs.memo
	lastTrigger := len(in.Sentences) - 1
	if !slowPaths {
		lastTrigger = lastTriggerSentence(kept.views[:len(in.Sentences)])
	}
	// A sentence's dates are read when an event asks for them
	// (lazydates.go); lazyDates is a variable for the test of both ways.
	var dp *datePass
	if lazyDates && !slowPaths {
		dp = &bufs.dates
		dp.text, dp.sents, dp.kept, dp.ds, dp.tl, dp.bufs = in.Text, in.Sentences, kept, ds, tl, bufs
	}
	for i, s := range in.Sentences {
		ws, v := kept.wss[i], kept.views[i]
		memo.reset()
		v.memo = memo
		if end := x.teaser(in.Text, s, ws, &v); end > 0 {
			skipUntil = max(skipUntil, end)
		}
		d := &ds[i]
		*d = datedSentence{}
		if i > lastTrigger {
			continue // read by no event, nor skipped: the loop below stops before it
		}
		if d.skip = s.Start < skipUntil; d.skip {
			continue
		}
		if dp != nil {
			d.sd.lazy, d.sd.at = dp, i
			continue
		}
		sd := tl.sentence(in.Text, s, ws, &v)
		d.sd = *sd
		// The timeline reuses its lists for the next sentence: the
		// sentence's are copied to the document's (a sentence has few,
		// most none).
		if n := len(sd.exprs); n > 0 {
			at := len(exprs)
			exprs, clauses, future = append(exprs, sd.exprs...), append(clauses, sd.clauses...), append(future, sd.future...)
			d.sd.exprs, d.sd.clauses, d.sd.future = exprs[at:at+n:at+n], clauses[at:at+n:at+n], future[at:at+n:at+n]
		}
		tl.advance(sd)
	}
	bufs.exprs, bufs.clauses, bufs.future = exprs, clauses, future
	bufs.dated = ds

	history := make([][]Participant, 0, len(in.Sentences))
	var mem subjectMemory
	if partsArena {
		in.parts = &bufs.parts
	}
	for i, s := range in.Sentences {
		if i > lastTrigger {
			// A sentence without a trigger hit makes no event
			// (Extractor.sentence returns before its triggers), and what
			// it leaves for the sentences after it (history, mem) only
			// a sentence with one reads: there is none after lastTrigger.
			// (A sixth of the dev documents' sentences.)
			break
		}
		if ds[i].skip {
			history = append(history, nil)
			mem.remember(nil, nil)
			continue
		}
		ws, v := kept.wss[i], kept.views[i]
		memo.reset()
		v.memo = memo
		_, parts := x.sentence(in, s, ws, &v, &ds[i].sd, docTopics, history, &mem, &out)
		history = append(history, parts)
		forget(history)
	}
	return out
}

// lastTriggerSentence returns the index of the last of views with a hit
// of a trigger kind, -1 if none has one.
func lastTriggerSentence(views []view) int {
	for i := len(views) - 1; i >= 0; i-- {
		if views[i].has&(1<<kindTrigger|1<<kindNeedsObject) != 0 {
			return i
		}
	}
	return -1
}

// datedSentence is what the timeline pass of keptSentences leaves a
// sentence: its dates, or that a teaser's links skip it.
type datedSentence struct {
	sd   sentDates
	skip bool
	// datePass's: sd's expressions are read (scanned); after, if
	// afterKnown, is the date spoken of last after the sentence.
	scanned, afterKnown bool
	after               *Date
}

// lazyDates: keptSentences reads dates on demand (datePass).
var lazyDates = true

// partsArena: keptSentences makes the candidates in the arenas
// (Input.partsRoom); a variable for the test of both ways.
var partsArena = true

// maxPooledParts bounds the candidates' arena kept for the next document
// (a participant is 80 bytes).
const maxPooledParts = 1 << 14

// streamSentences extracts the events of a long document a sentence at a
// time: its words and hits, then its dates, then its events.
func (x *Extractor) streamSentences(in Input, docTopics *topicCounts, tl *timeline, bufs *arenaBufs, out []Event) []Event {
	history := make([][]Participant, 0, len(in.Sentences))
	var mem subjectMemory
	skipUntil := -1
	tok := 0 // the first token not before the sentence: sentences come in order
	memo := &bufs.memo
	for _, s := range in.Sentences {
		ws, v := x.sentenceWords(in, s, &tok, bufs, false)
		memo.reset()
		v.memo = memo
		if end := x.teaser(in.Text, s, ws, &v); end > 0 {
			skipUntil = max(skipUntil, end)
		}
		if s.Start < skipUntil {
			history = append(history, nil)
			mem.remember(nil, nil)
			continue
		}
		sd := tl.sentence(in.Text, s, ws, &v)
		_, parts := x.sentence(in, s, ws, &v, sd, docTopics, history, &mem, &out)
		tl.advance(sd)
		history = append(history, parts)
		forget(history)
	}
	return out
}

// lead returns where a report's headline and lead end: after the first
// paragraph of two or more sentences (news opens with a one-line headline,
// perhaps a photo line, then the lead that the body details).
func lead(text string, sents []Sentence) int {
	para, n := 0, 0
	for _, s := range sents {
		if strings.Contains(text[para:s.Start], "\n\n") {
			para, n = s.Start, 0
		}
		if n++; n >= 2 {
			if end := strings.Index(text[s.Start:], "\n\n"); end >= 0 {
				return s.Start + end
			}
			return len(text)
		}
	}
	return len(text)
}

// teaser reports where a block of links to other articles that starts
// with sentence s ends ("Mehr zum Thema - …", "Lea más: …"), or -1: the rest
// of the line, or, after a line holding only the cue ("Zum Thema:"), the
// paragraph of links that follows.
//
// The cue is the sentence's first teaser hit at its first word: the view
// holds, per word, each entry in lexicon order with its first matching
// pattern, which is what trying the teaser entries in turn would find.
func (x *Extractor) teaser(text string, s Sentence, ws []word, v *view) int {
	if x.ownLex(s.Lang) == nil {
		return -1
	}
	if len(ws) == 0 {
		return -1
	}
	hs := v.find(kindTeaser)
	if len(hs) == 0 || hs[0].i != 0 {
		return -1
	}
	n := hs[0].n
	lineEnd := strings.IndexByte(text[ws[0].start:], '\n')
	if lineEnd < 0 {
		return len(text)
	}
	lineEnd += ws[0].start
	if n < len(ws) && ws[n].start < lineEnd {
		return lineEnd
	}
	next := lineEnd
	for next < len(text) && (text[next] == '\n' || text[next] == ' ' || text[next] == '\t') {
		next++
	}
	if end := strings.Index(text[next:], "\n\n"); end >= 0 {
		return next + end
	}
	return len(text)
}

// lexOf is the lexicon of a language, English for one without its own.
func (x *Extractor) lexOf(lang string) *lexicon {
	if l := x.ownLex(lang); l != nil {
		return l
	}
	return x.langLex[2]
}

// ownLex is x.lex[lang]: nil for a language without a lexicon of its own.
func (x *Extractor) ownLex(lang string) *lexicon {
	switch lang {
	case "de":
		return x.langLex[0]
	case "es":
		return x.langLex[1]
	case "en":
		return x.langLex[2]
	}
	return nil
}

// sentence extracts the events of one sentence and returns, for later
// sentences, the participants it names.
//
// The events are appended to *into too.
func (x *Extractor) sentence(in Input, s Sentence, ws []word, lex *view, sd *sentDates, docTopics *topicCounts, history [][]Participant, mem *subjectMemory, into *[]Event) (evs []Event, parts []Participant) {
	if len(ws) == 0 {
		mem.remember(nil, nil)
		return nil, nil
	}
	defer func() { mem.remember(evs, parts); mem.heard(ws, lex) }()
	ms := mentionsIn(in, s, nil) // read once: attribution, participants and triggers ask for them
	sources, speakersCue := x.attribution(ms, ws, lex)
	cands, place := x.participants(in, s, ms, ws, lex, sources)
	cands = x.sides(cands, ws, lex, history)
	cands = spokespersonBodies(&in, s.Lang, x.roleNouns(in, s, cands, ws, lex, mem), ws, lex) // "sagte eine Sprecherin des Auswärtigen Amts": the body stands where its spokesperson does
	markObjects(in.Text, s.Lang, cands, ws, lex)
	for i := range cands {
		cands[i].clause = clauseAt(ws, cands[i].at)
	}
	if lex.has&(1<<kindTrigger|1<<kindNeedsObject) == 0 {
		// No trigger hit: triggers would find none. Most sentences
		// return here, without running (and fetching) its code.
		return nil, cands
	}
	var persons []int
	for _, c := range cands {
		if c.Entity.Type == gazetteer.TypePerson && c.at == c.Start {
			if k := wordFrom(ws, c.at); k >= 0 {
				persons = append(persons, k)
			}
		}
	}
	triggers := x.triggers(ws, lex, persons, ms)
	if len(triggers) == 0 {
		return nil, cands
	}
	// Read only for a sentence with a trigger: they change who acts for it.
	markRelative(s.Lang, ws, cands)
	markSubjectSlots(s.Lang, ws, cands)
	markAside(cands, ws, lex)
	cands = continued(in.Text, s.Lang, cands, ws, lex, triggers, x.titled(in, s, ws, lex, mem))
	borrowed := false
	// Only a sentence that continues the subject of one before borrows
	// its participants: a pronoun ("Zudem sagte er"), or, in Spanish, a
	// verb that opens the sentence with its subject dropped ("Además,
	// anunció …"). Role nouns and "beide Seiten" resolve above. A trigger
	// whose subject is a name the gazetteer does not know borrows nothing
	// (namedSubject, in the loop below).
	continues := len(lex.find(kindPronoun)) > 0 || s.Lang == "es" && triggers[0].i <= 3
	if len(cands) == 0 && continues {
		// The sentence before must name one official or body that acts:
		// a pronoun cannot say which of two it continues.
		back := 1
		if slices.ContainsFunc(lex.find(kindPronoun), func(p hit) bool { return p.e.name == "impersonal" }) {
			// An impersonal passive may follow a sentence of detail.
			for back < maxImpersonalBack && back < len(history) && len(history[len(history)-back]) == 0 {
				back++
			}
		}
		if len(history) >= back {
			h := history[len(history)-back]
			n := 0
			for _, p := range h {
				if p.acts && p.Entity.Type != gazetteer.TypeCountry {
					n++
				}
			}
			pronoun := func(name string) bool {
				return slices.ContainsFunc(lex.find(kindPronoun), func(p hit) bool { return p.e.name == name })
			}
			// "Beide vereinbarten …" continues two; an impersonal passive
			// ("Es wurde beschlossen, …") the sides of the sentence before.
			// A pronoun continues only one it fits: "he" no body, "they"
			// no person (agrees). A Spanish verb with its subject dropped
			// has no pronoun to fit, but a plural one continues no single
			// person ("Desde la oposición respondieron …").
			fits := func() bool {
				personal := slices.DeleteFunc(slices.Clone(lex.find(kindPronoun)), func(q hit) bool { return q.e.name == "pair" || q.e.name == "impersonal" })
				for _, p := range h {
					if p.acts && p.Entity.Type != gazetteer.TypeCountry {
						if len(personal) == 0 {
							return !pluralVerb(s.Lang, ws[triggers[0].i].fold) || p.Entity.Type != gazetteer.TypePerson
						}
						return slices.ContainsFunc(personal, func(q hit) bool { return agrees(in.Text, s.Lang, ws[q.i].fold, p) && mem.fits(ws[q.i].fold, p.Entity) })
					}
				}
				return false
			}
			if n == 1 && fits() || n == 2 && pronoun("pair") || pronoun("impersonal") && slices.ContainsFunc(h, func(p Participant) bool { return p.acts }) {
				cands, borrowed = h, true
			}
		}
	}
	if !borrowed && continues && len(history) > 0 {
		cands = withDroppedSubject(ws, triggers[0], cands, history[len(history)-1])
	}
	if len(cands) == 0 {
		return nil, nil
	}
	negs := lex.find(kindNegation)
	futs := lex.find(kindFuture)
	hyps := lex.find(kindHypothetical)
	topic, topicRules := x.topic(lex, docTopics)

	// Events are large: they are made in the spare room of the document's
	// list, grown once for the sentence's triggers (at most one event
	// each), rather than in a list of their own that it would copy.
	*into = slices.Grow(*into, len(triggers))
	base := len(*into)
	out := (*into)[base:base]
	// The types seen and the verbs of saying tried: a sentence has few,
	// which a look through costs less than a map's hash (two maps a
	// sentence with a trigger).
	var seenBuf, triedBuf [8]string
	seen, tried := typeSet(seenBuf[:0]), typeSet(triedBuf[:0])
	mute := false // a verb of saying found no speaker: the sentence's later ones are not another speaker's
	speech := speechTriggers(triggers)
	quotes := sentQuotes{text: in.Text, s: s}
	for _, tr := range triggers {
		typ := tr.e.value
		tw := ws[tr.i]
		if tr.e.anterior && !afterAnteriority(ws, tr) {
			continue // "pidió que Rusia expulsara …": a subjunctive is a fact only after "después de que"
		}
		if s.Lang != "de" && tr.i > 0 && tw.cap || attributive(s.Lang, ws, lex, tr) || nominalParticiple(s.Lang, ws, lex, tr) {
			continue // inside a name: "the Paris Agreement", "la Cumbre de las Américas"; "el amistoso pactado" (the match, not the pact); "los detenidos" (persons)
		}
		if reflexiveSaying(s.Lang, ws, tr) {
			continue // "la firma se celebró en Barcelona", "se negó a firmar": no one says
		}
		if threat(ws, lex, tr) {
			continue // "su voluntad de desplegar las armas nucleares": a threat, no will to cooperate
		}
		var senseRule string
		if s.Lang == "de" {
			var skip bool
			if skip, senseRule = germanSense(ws, lex, triggers, tr); skip {
				continue // "der Beschuldigte" is a person; a proposed summit has not met; "zum Gespräch einbestellt" is a summons; "stehen bereit" is at hand
			}
			if senseRule != "" {
				typ = TypeOther // "hat einen Eilantrag … zurückgewiesen": a decision
			}
		}
		if senseRule == "" && penalty(s.Lang, ws, lex, tr) {
			typ, senseRule = TypeOther, s.Lang+"."+rulePenalty // "condenó a tres años de prisión": a sentence
		}
		if senseRule == "" && decree(ws, lex, tr) {
			typ, senseRule = TypeOther, s.Lang+"."+ruleDecree // "firmó el decreto": one state's act
		}
		mod, modRules := modality(s.Lang, ws, tr, negs, futs, hyps, lex.find(kindComplement))
		if typ == TypeStatement && !mod.Negated && negatedCommitment(ws, tr, negs, lex.find(kindCommitment)) {
			typ = TypeDeny // "X haben keine … gemacht, sagte Peskow"
			mod.Negated = false
		}
		var speechRule string
		if typ == TypeStatement && !mod.Negated {
			typ, speechRule = speechType(ws, tr, lex, speech)
		}
		conj, coordinated := coordinatedVerb(s.Lang, ws, tr)
		if isSpeech(typ) {
			// A later verb of saying is another speaker's only if the first found its own.
			if tried.has(typ) && mute {
				continue
			}
			tried, mute = tried.add(typ), true
		} else if seen.has(typ) && typ != TypeOther && !coordinated {
			continue
		}
		m := mapping[typ] // one look-up, not two
		ev := Event{
			Type: typ, Plover: m.plover, Cameo: m.cameo,
			Lang: s.Lang, SentStart: s.Start, SentEnd: s.End,
			TrigStart: tw.start, TrigEnd: ws[tr.i+tr.n-1].end,
			Topic: topic, Modality: mod, borrowed: borrowed,
			Rules: append([]string{tr.e.rule}, modRules...),
		}
		if c := ploverContext[topic]; c != "" && ev.Plover != "" {
			ev.Contexts = []string{c}
		}
		if speechRule != "" {
			ev.Rules = append(ev.Rules, speechRule)
		}
		if senseRule != "" {
			ev.Rules = append(ev.Rules, senseRule)
		}
		ev.Rules = append(ev.Rules, topicRules...)
		opens := invertedSpeech(ws, tr, cands, lex) || isSpeech(typ) && afterQuote(in.Text, ws, tr)
		if borrowed && namedSubject(in.Text, s.Lang, ws, lex, tr, opens) {
			continue // "…, Scott told reporters": a subject of its own, whom the gazetteer does not know, not the one before
		}
		noun := s.Lang == "de" && tw.cap && tr.e.kind == kindTrigger && !strings.HasSuffix(tw.fold, "te") && !strings.HasSuffix(tw.fold, "ten")
		agent, pass := agentOf(ws, lex, tr, noun, cands)
		if !pass && spokenOfVisit(ws, lex, tr, speech) {
			continue // "Albares calificó la visita de histórica": the speaker is no visitor
		}
		subj := cands
		if !pass && !noun && (borrowed || elsewhere(cands, tw.start, tw.clause)) {
			// "…, la gerente señaló": a subject of its own takes no actor from another clause or sentence.
			if own := ownSubject(s.Lang, ws, lex, tr, cands); own != subjectOpen {
				if borrowed && own == subjectOwn {
					continue
				}
				subj = notSubjects(cands, own, tw.start, tw.clause, borrowed)
			} else if !borrowed && !clauseSubject(cands, ws, tr) && headedByName(s.Lang, ws, lex, tr) && nameBefore(in.Text, s.Lang, ws, lex, tr) {
				continue // "…, Puerto Rico, and U.S. Virgin Islands, AMO says": a name the gazetteer does not know is the subject, not a country of another clause
			}
		}
		if pass {
			if agent < 0 && typ == TypeOther {
				agent = summonedTo(cands, ws, tr, lex)
			}
			ev.Participants = passiveRoles(cands, agent)
		} else {
			// A statement typed by what it says keeps its verb's syntax: "teilte die Behörde mit" has its subject inside.
			syn := typ
			if isSpeech(typ) {
				syn = tr.e.value
			}
			ev.Participants = roles(syn, s.Lang, speechObjects(s.Lang, appositions(s.Lang, subj, ws, lex, tr, borrowed), ws, tr, lex), tw.start, tw.clause, nominalLimit(s.Lang, ws, tr), opens, noun, objectSlot(syn, ws, tr, lex))
		}
		if c := victimCue(ws, lex, tr); c >= 0 {
			ev.Participants = victims(ev.Participants, ws, c) // "fue objeto de un ataque": the subject suffers it
		}
		if symmetric[typ] && !borrowed {
			// "das Treffen zwischen Russland und China": both sides act.
			if sides := betweenSides(in.Text, s.Lang, ws, tr, cands, pass && agent < 0); sides != nil {
				withSides(&ev, cands, sides)
			}
		}
		// "… bestellte den Geschäftsträger ein und sagte die Reise ab": a second act of the first verb's subject.
		coordinated = coordinated && !pass && sharedSubject(out, &ev, ws, conj)
		ev.coordinated = coordinated
		if !slices.ContainsFunc(ev.Participants, func(p Participant) bool { return p.Role == RoleActor }) || !pass && onlyObjectAdjectives(s.Lang, typ, ev.Participants, ws, lex) {
			continue // an event needs an actor that acts for a state; "zur Zusammenarbeit mit den britischen Behörden bereit": whose, the sentence does not say
		}
		if quotedSpeaker(&quotes, &ev) {
			continue // „Die Regierung X hat versagt“, heißt es: X is spoken of, not the speaker
		}
		if seen.has(typ) && !coordinated && !otherActor(out, ev) {
			continue // two acts of a sentence are two only if two actors did them
		}
		if (typ == TypeMeet || typ == TypeConsult) && !slices.ContainsFunc(ev.Participants, sideOfTalks) {
			continue // a body alone in a meeting holds a session of its own: "Asisten a la reunión los miembros del Comité"
		}
		if isSpeech(typ) {
			mute = false
			if sameSpeaker(out, ev, ws, tr, lex) {
				continue // one statement per speaker: "sagte … und betonte"
			}
		}
		ev.Attribution = append(ev.Attribution, sources...)
		ev.Rules = append(ev.Rules, resolutionRules(ev.Participants, ev.Attribution)...)
		if sp, ok := speaker(typ, ev.Participants, speakersCue); ok {
			ev.Attribution = append(ev.Attribution, sp)
		}
		ev.Place, ev.Participants = place, x.hostSide(in.Text, s, ms, ws, lex, tw.clause, &ev)
		ev.setDate(sd, tw.clause, &quotes)
		// One event of a type a sentence: the first trigger that finds
		// an actor ("El Gobierno ha dado marcha atrás …, después de que el
		// Ministerio de Defensa paralizara la operación").
		seen = seen.add(typ)
		out = append(out, ev)
	}
	out = speakersApart(out, ws, speech)
	out = prune(out, ws, lex)
	// A denied or hypothetical event did not happen: it is no event
	// ("haben kein Abkommen unterzeichnet", "podría firmar").
	out = deleteEvents(out, func(ev *Event) bool { return ev.Modality.Negated || ev.Modality.Hypothetical })
	for i := range out {
		out[i].Confidence = confidence(&out[i])
	}
	out = deleteEvents(out, weakTalks)
	*into = append((*into)[:base], out...) // in place, unless a step above made out anew
	if borrowed {
		return out, nil
	}
	return out, cands
}

// typeSet is a set of event types, of a sentence: few.
type typeSet []string

func (t typeSet) has(typ string) bool { return slices.Contains(t, typ) }

// add returns t with typ, which it may already hold (as a map keeps one).
func (t typeSet) add(typ string) typeSet {
	if t.has(typ) {
		return t
	}
	return append(t, typ)
}

// topicCounts counts hits per topic of topicOrder.
type topicCounts [len(topicOrder)]int

func (x *Extractor) topic(lex *view, doc *topicCounts) (string, []string) {
	// Counted per topic of topicOrder in arrays: no maps per sentence.
	var counts [len(topicOrder)]int
	var rules [len(topicOrder)]string
	// Most sentences have no topic hit: no pass over their hits. A hit's
	// kind is its entry's (TestSlowPaths reads the entries').
	if lex.has&(1<<kindTopic) != 0 || slowPaths {
		for j := range lex.hits { // in place, not a copy of each
			if h := &lex.hits[j]; h.kind == kindTopic && !slowPaths || slowPaths && h.e.kind == kindTopic {
				if k := h.e.topic; k >= 0 {
					counts[k]++
					rules[k] = h.e.rule
				}
			}
		}
	}
	best, n, bestK := "", 0, -1
	for k, t := range topicOrder {
		if counts[k] > n {
			best, n, bestK = t, counts[k], k
		}
	}
	if best != "" {
		return best, []string{rules[bestK]}
	}
	for k, t := range topicOrder {
		if doc[k] > n {
			best, n = t, doc[k]
		}
	}
	if best == "" {
		return "other", nil
	}
	return best, nil
}

// deleteEvents is slices.DeleteFunc reading each event in place: an
// event is large, and DeleteFunc's func took a copy of each (twice).
func deleteEvents(evs []Event, del func(*Event) bool) []Event {
	i := -1
	for k := range evs {
		if del(&evs[k]) {
			i = k
			break
		}
	}
	if i < 0 {
		return evs
	}
	for j := i + 1; j < len(evs); j++ {
		if !del(&evs[j]) {
			evs[i] = evs[j]
			i++
		}
	}
	clear(evs[i:]) // as DeleteFunc does: no participants kept alive past the end
	return evs[:i]
}

// String is a one-line summary for tests and debugging.
func (ev Event) String() string {
	var ps []string
	for _, p := range ev.Participants {
		ps = append(ps, p.Role+":"+p.Entity.ID)
	}
	d := "-"
	if ev.Date != nil {
		d = ev.Date.String()
	}
	return fmt.Sprintf("%s [%s] %s", ev.Type, strings.Join(ps, " "), d)
}

// sideOfTalks reports an actor that can be a side of talks: an official or
// a country. A body that "meets" without one holds a session of its own
// (a committee, a ministry's consultations) rather than talks with another.
func sideOfTalks(p Participant) bool {
	return p.Role == RoleActor && (p.Entity.Type == gazetteer.TypePerson || p.Entity.Type == gazetteer.TypeCountry)
}

// objectSlot reports, for a candidate after the trigger tr, whether it
// stands where the verb's object or its reported content goes, not its
// subject: past a complementizer ("aseguró que España defenderá",
// "said that Russia", "sagte, dass Berlin"), or, for an accusation,
// between the verb and its particle ("warf Berlin vor", "wirft den
// Nachbarn vor": the one accused).
//
// It is a value, not a closure: one made per trigger escaped to the heap.
func objectSlot(typ string, ws []word, tr hit, lex *view) slotTest {
	t := slotTest{accuse: typ == TypeAccuse && tr.n > 1, end: ws[tr.i+tr.n-1].end, comp: -1}
	for k := tr.i + tr.n; k < len(ws); k++ {
		if lex.at(kindComplement, k) {
			t.comp = ws[k].start
			break
		}
	}
	return t
}

// slotTest is what objectSlot returns: its test is object.
type slotTest struct {
	accuse    bool // an accusation with a particle
	end, comp int  // the end of the trigger; the start of the complementizer after it, or -1
}

// object reports whether a candidate at offset at stands in the object
// slot.
func (t slotTest) object(at int) bool {
	if t.accuse && at < t.end {
		return true
	}
	return t.comp >= 0 && at > t.comp
}

// passive reports a participle trigger in a passive clause ("Der Botschafter
// wurde einbestellt", "sei … einbestellt worden", "fue destituido por el
// Congreso", "was arrested by the police") and the offset of its agent: the
// word after "von", "por", "by" in the clause past the trigger's auxiliary,
// or -1 when the clause names none.
func passive(ws []word, tr hit, lex *view) (int, bool) {
	if tr.n != 1 && !participlePhrase(tr, lex) || ws[tr.i].cap {
		return -1, false
	}
	c := ws[tr.i].clause
	aux := -1
	for k := tr.i - 1; k >= 0 && ws[k].clause == c && tr.i-k <= maxNominalWords; k-- {
		if lex.at(kindPassive, k) {
			aux = k
			break
		}
	}
	if aux < 0 && tr.i+1 < len(ws) && ws[tr.i+1].clause == c && lex.at(kindPassive, tr.i+1) {
		aux = tr.i + 1 // "einbestellt worden"
	}
	if aux < 0 {
		return -1, false
	}
	from := min(aux, tr.i)
	for k := from + 1; k+1 < len(ws) && ws[k].clause == c; k++ {
		if lex.at(kindAgent, k) && ws[k+1].clause == c {
			if k+2 < len(ws) && lex.at(kindArticle, k+1) {
				return ws[k+2].start, true // "von der Polizei", "por el Congreso"
			}
			return ws[k+1].start, true
		}
	}
	return -1, true
}

// summonedTo returns, for a passive summons without agent, the offset of
// the body it was made to: the one summoned goes to the summoner ("wurde ins
// Außenministerium einbestellt", "fue convocado al Ministerio"); or -1.
func summonedTo(cands []Participant, ws []word, tr hit, lex *view) int {
	c := ws[tr.i].clause
	for _, p := range cands {
		if !p.acts || p.Entity.Type != gazetteer.TypeOrganization || p.at >= ws[tr.i].start {
			continue
		}
		k := wordFrom(ws, p.at)
		if k > 0 && ws[k].clause == c && (lex.at(kindLocation, k-1) || ws[k-1].fold == "ins" || ws[k-1].fold == "al") {
			return p.at
		}
	}
	return -1
}

// passiveRoles gives a passive event its roles: its agent acts, everyone
// else, its grammatical subject first, receives. A passive without an agent
// names no actor: the event has none.
func passiveRoles(cands []Participant, agent int) []Participant {
	out := make([]Participant, len(cands))
	copy(out, cands)
	found := false
	for i := range out {
		out[i].Role = RoleRecipient
		if agent >= 0 && out[i].at == agent && out[i].acts {
			out[i].Role = RoleActor
			found = true
		}
	}
	if !found {
		return nil
	}
	return ownCountry(out)
}

// otherActor reports whether no actor of ev is an actor of an event of its
// type in out: "Katz ha ordenado el regreso de la embajadora, después de
// que Sánchez anunciara que el Consejo de Ministros aprobará el
// reconocimiento" reports two acts.
func otherActor(out []Event, ev Event) bool {
	for i := range out {
		if o := &out[i]; o.Type == ev.Type && sharedActor(o, &ev, func(Participant) bool { return true }, func(p Participant) string { return p.Entity.ID }) {
			return false
		}
	}
	return true
}
