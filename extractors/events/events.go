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
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/dates"
	"github.com/gazex/gazex/gazetteer"
)

// Mention is an entity an earlier stage found in the text.
type Mention struct {
	Start, End int
	Entity     *gazetteer.Entity
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

	at     int    // where the sentence speaks of it (a role noun's offset for a person named before)
	clause int    // the clause of the sentence at at
	side   bool   // one of "die Parteien", "ambas partes"
	object bool   // after an object marker ("dem US-Staatschef Trump"): not the subject
	rule   string // the lexicon entry that resolved it ("de.sides.parteien", "de.role.staatschef")
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
	RelSpeaker      = "speaker"
	RelCitedSource  = "cited_source"
	maxFallbackBack = 2  // sentences a participant-less sentence looks back
	maxInvertedGap  = 12 // bytes between a verb and its inverted subject ("sagte Kreml-Sprecher X" counts via the role noun)
	maxSidesBack    = 8  // sentences "die Parteien" looks back for its two countries
	maxRoleBack     = 2000
	maxTweetRunes   = 280 // a tweet's length limit: a sentence this close before a tweet footer is the tweet's
	maxNominalWords = 12  // words after a nominal trigger its agent may stand ("Besuch einer Delegation mit X")
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
	dateText               string
	dateFromText, hasDateX bool
}

// Extractor finds events. Build it once with [New].
type Extractor struct {
	lex       map[string]*lexicon
	topics    *lexicon
	adjective map[string]*gazetteer.Entity // Key of a nationality adjective → country
	adjPrefix map[uint32]bool              // first adjPrefix bytes of the folded adjectives, as key3
	adjFirst  bytePairs                    // their first two bytes: a cheap test before adjPrefix
	adjEmpty  *gazetteer.Entity            // adjective[""], what a word without a key finds
	country   map[string]*gazetteer.Entity // ISO3 → country entity
}

// New builds an extractor; entities supply the countries (their
// nationality adjectives, and the governments capitals stand for).
func New(entities []*gazetteer.Entity) (*Extractor, error) {
	x := &Extractor{lex: map[string]*lexicon{}, adjective: map[string]*gazetteer.Entity{}, adjPrefix: map[uint32]bool{}, country: map[string]*gazetteer.Entity{}}
	for _, lang := range []string{"de", "es", "en"} {
		l, err := parseLexicon(lang+".tsv", lang, false)
		if err != nil {
			return nil, err
		}
		x.lex[lang] = l
	}
	t, err := parseLexicon("topics.tsv", "topic", true)
	if err != nil {
		return nil, err
	}
	x.topics = t
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
		for _, adjs := range e.Adjectives {
			for _, a := range adjs {
				toks := gazetteer.Tokens(a)
				if len(toks) == 1 {
					x.adjective[toks[0].Key] = e
					if f := toks[0].Fold; len(f) >= adjPrefix {
						x.adjPrefix[key3(f)] = true
						x.adjFirst.add(f)
					}
				}
			}
		}
	}
	x.adjEmpty = x.adjective[""]
	return x, nil
}

// word is a word token of a sentence (punctuation marks are clause
// boundaries and are kept apart).
type word struct {
	start, end int               // offsets into the document text
	fold       string            // gazetteer.Fold
	adj        *gazetteer.Entity // the country of the nationality adjective the word is, looked up once
	clause     int               // index of the clause the word is in
	cap        bool
	umlaut     bool // spelt with ä, ö or ü
}

// words splits a sentence as [gazetteer.Tokens] does, without its cost:
// a word's key (what nationality adjectives are looked up by) is computed,
// and looked up, only for words that may be one, by their first bytes.
func (x *Extractor) words(text string, s Sentence) []word {
	out := make([]word, 0, (s.End-s.Start)/6)
	clause := 0
	for i := s.Start; i < s.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		if !isWordRune(r) {
			i += size
			switch text[start:i] {
			case ",", ";", ":", "–", "—", "„", "“", "”", "\"", "«", "»", "(", ")", "?", "!":
				clause++
			}
			continue
		}
		i += size
		umlaut := strings.ContainsRune(umlauts, r)
		for i < s.End {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				umlaut = umlaut || strings.ContainsRune(umlauts, r)
				i += size
				continue
			}
			// An apostrophe binds letters on both sides ("O'Brien").
			if r == '\'' && i+1 < s.End {
				next, nsize := utf8.DecodeRuneInString(text[i+1:])
				if unicode.IsLetter(next) {
					i += size + nsize
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		w := word{start: start, end: i, fold: gazetteer.Fold(text[start:i]), clause: clause, cap: unicode.IsUpper(first), umlaut: umlaut}
		w.adj = x.adjEmpty
		if len(w.fold) >= adjPrefix && x.adjPrefix[key3(w.fold)] {
			w.adj = x.adjective[gazetteer.Key(w.fold)]
		}
		out = append(out, w)
	}
	return out
}

// tokenWords is [Extractor.words] read from the document's tokens, from
// toks[from] on; it returns where the next sentence's search may start.
// The words are appended to *arena, one allocation for all the sentences
// of a document rather than one each. ok is false (and words must
// tokenise) when there are no tokens or one straddles a sentence
// boundary, where the two tokenisations could differ.
func (x *Extractor) tokenWords(text string, toks []gazetteer.Token, from int, s Sentence, arena *[]word) (out []word, next int, ok bool) {
	if len(toks) == 0 {
		return nil, from, false
	}
	// Sentences are ordered but may overlap or skip: step back if needed.
	for from > 0 && toks[from-1].End > s.Start {
		from--
	}
	for from < len(toks) && toks[from].Start < s.Start {
		if toks[from].End > s.Start {
			return nil, from, false // a token straddles the start
		}
		from++
	}
	end := from
	for end < len(toks) && toks[end].Start < s.End {
		if toks[end].End > s.End {
			return nil, from, false // a token straddles the end
		}
		end++
	}
	out = *arena
	first := len(out)
	clause := 0
	for _, t := range toks[from:end] {
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if !isWordRune(r) { // a punctuation token: one rune
			switch text[t.Start:t.End] {
			case ",", ";", ":", "–", "—", "„", "“", "”", "\"", "«", "»", "(", ")", "?", "!":
				clause++
			}
			continue
		}
		w := word{start: t.Start, end: t.End, fold: t.Fold, clause: clause, cap: t.Shape != gazetteer.ShapeOther}
		// ä, ö, ü, Ä, Ö and Ü all start with byte 0xC3 in UTF-8: most words skip the rune scan.
		if wt := text[t.Start:t.End]; strings.IndexByte(wt, 0xC3) >= 0 {
			w.umlaut = strings.ContainsAny(wt, umlauts)
		}
		w.adj = x.adjEmpty
		if len(w.fold) >= adjPrefix && x.adjFirst.has(w.fold) && x.adjPrefix[key3(w.fold)] {
			w.adj = x.adjective[t.Key]
		}
		out = append(out, w)
	}
	*arena = out
	return out[first:len(out):len(out)], end, true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// adjPrefix is how many leading bytes of a folded word decide whether it
// may be a nationality adjective.
const adjPrefix = 3

// hit is one lexicon entry matched at words[i:i+n].
type hit struct {
	e    *entry
	i, n int
}

// The hits are appended to *arena (one allocation for a document's
// sentences); the result has no room to grow into the next sentence's.
func find(ix *index, ws []word, arena *[]hit) []hit {
	out := *arena
	first := len(out)
	var cand [16]ref
	for i, w := range ws {
		rs := cand[:0]
		// ix.first spares most words the map lookups (find runs on the filtered index of New).
		if ix.first == nil || ix.first[0].has(w.fold) {
			rs = append(rs, ix.exact[w.fold]...)
		}
		if len(w.fold) >= keyLen {
			if ix.first == nil || ix.first[1].has(w.fold) {
				rs = append(rs, ix.prefix[key3(w.fold)]...)
			}
			if suf := w.fold[len(w.fold)-keyLen:]; ix.first == nil || ix.first[2].has(suf) {
				rs = append(rs, ix.suffix[key3(suf)]...)
			}
		}
		for k, r := range ix.rest {
			// A pattern "*core*" or "*co" (core shorter than keyLen) matches only words containing core.
			if core := ix.restCore[k]; len(w.fold) >= len(core) && strings.Contains(w.fold, core) {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		// Entries in lexicon order, each with its first matching pattern.
		if len(rs) > 1 {
			sortRefs(rs)
		}
		last := -1
		for _, r := range rs {
			if r.entry == last {
				continue
			}
			e := ix.entries[r.entry]
			if n, ok := matchAt(e.patterns[r.pat], ws, i); ok {
				out = append(out, hit{e, i, n})
				last = r.entry
			}
		}
	}
	*arena = out
	if len(out) == first {
		return nil
	}
	return out[first:len(out):len(out)]
}

// sortRefs orders refs by entry, then pattern: an insertion sort, as a
// word starts few patterns.
func sortRefs(rs []ref) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && less(rs[j], rs[j-1]); j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

func less(a, b ref) bool {
	return a.entry < b.entry || (a.entry == b.entry && a.pat < b.pat)
}

// arenaBufs are the arenas of one Extract call, kept for the next: a
// document's words and hits take tens of kilobytes, which, allocated anew
// for every document, would cost garbage collections over the large live
// heap of the language models. Nothing Extract returns points into them.
type arenaBufs struct {
	words []word
	hits  []hit
}

var arenas = sync.Pool{New: func() any { return new(arenaBufs) }}

// put clears the arenas, so that they keep no document's text alive, and
// returns them to the pool.
func (b *arenaBufs) put() {
	clear(b.words)
	clear(b.hits)
	b.words, b.hits = b.words[:0], b.hits[:0]
	arenas.Put(b)
}

// Extract returns the events of in, deduplicated per document: the same
// event reported twice (headline and body) comes out once, with the best
// supported fields of both.
func (x *Extractor) Extract(in Input) []Event {
	in.ordered = slices.IsSortedFunc(in.Mentions, func(a, b Mention) int { return a.Start - b.Start }) &&
		!slices.ContainsFunc(in.Mentions, func(m Mention) bool { return m.End < m.Start })
	docTopics := map[string]int{}
	wss := make([][]word, len(in.Sentences))
	views := make([]view, len(in.Sentences))
	bufs := arenas.Get().(*arenaBufs)
	defer bufs.put()
	if cap(bufs.words) < len(in.Tokens) {
		bufs.words = make([]word, 0, len(in.Tokens))
	}
	arena, hits := bufs.words, bufs.hits // the arenas of tokenWords and find
	tok := 0                             // the first token not before the sentence: sentences come in order
	for i, s := range in.Sentences {
		var ok bool
		if wss[i], tok, ok = x.tokenWords(in.Text, in.Tokens, tok, s, &arena); !ok {
			wss[i] = x.words(in.Text, s)
		}
		views[i] = view{hits: find(x.lexOf(s.Lang).all, wss[i], &hits)}
		for _, h := range views[i].hits {
			if h.e.kind == kindTopic {
				docTopics[h.e.value]++
			}
		}
	}
	bufs.words, bufs.hits = arena, hits // keep what they grew to
	footers := dates.Footers(in.Text)
	var out []Event
	var history [][]Participant
	skipUntil := -1
	for i, s := range in.Sentences {
		ws := wss[i]
		if end := x.teaser(in.Text, s, ws); end > 0 {
			skipUntil = max(skipUntil, end)
		}
		if s.Start < skipUntil {
			history = append(history, nil)
			continue
		}
		evs, parts := x.sentence(in, s, ws, &views[i], tweetAnchor(in.Text, s, footers, in.Anchor), footers, docTopics, history)
		history = append(history, parts)
		out = append(out, evs...)
	}
	leadEnd := lead(in.Text, in.Sentences)
	for i := range out {
		out[i].lead = out[i].SentStart < leadEnd
	}
	return dedup(out)
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
func (x *Extractor) teaser(text string, s Sentence, ws []word) int {
	lex := x.lex[s.Lang]
	if lex == nil {
		return -1
	}
	if len(ws) == 0 {
		return -1
	}
	for _, e := range lex.of(kindTeaser).entries {
		for _, seq := range e.patterns {
			n, ok := matchAt(seq, ws, 0)
			if !ok {
				continue
			}
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
	}
	return -1
}

// lexOf is the lexicon of a language, English for one without its own.
func (x *Extractor) lexOf(lang string) *lexicon {
	if l := x.lex[lang]; l != nil {
		return l
	}
	return x.lex["en"]
}

// sentence extracts the events of one sentence and returns, for later
// sentences, the participants it names.
func (x *Extractor) sentence(in Input, s Sentence, ws []word, lex *view, anchor dates.Anchor, footers []dates.Footer, docTopics map[string]int, history [][]Participant) ([]Event, []Participant) {
	if len(ws) == 0 {
		return nil, nil
	}
	sources, speakersCue := x.attribution(in, s, ws, lex)
	cands, place := x.participants(in, s, ws, lex, sources)
	cands = x.sides(cands, ws, lex, history)
	cands = x.roleNouns(in, s, cands, ws, lex)
	markObjects(cands, ws, lex)
	for i := range cands {
		cands[i].clause = clauseAt(ws, cands[i].at)
	}
	triggers := x.triggers(ws, lex)
	if len(triggers) == 0 {
		return nil, cands
	}
	borrowed := false
	if len(cands) == 0 {
		for back := 1; back <= maxFallbackBack && back <= len(history); back++ {
			if h := history[len(history)-back]; len(h) > 0 {
				cands, borrowed = h, true
				break
			}
		}
	}
	if len(cands) == 0 {
		return nil, nil
	}
	negs := lex.find(kindNegation)
	futs := lex.find(kindFuture)
	hyps := lex.find(kindHypothetical)
	topic, topicRules := x.topic(lex, docTopics)
	var exprs []dates.Expr
	for _, e := range dates.Find(in.Text[s.Start:s.End]) {
		abs := e
		abs.Start, abs.End = s.Start+e.Start, s.Start+e.End
		if !dates.Metadata(in.Text, abs) && !slices.ContainsFunc(footers, func(f dates.Footer) bool { return abs.Start < f.End && abs.End > f.Start }) {
			exprs = append(exprs, e)
		}
	}

	out := make([]Event, 0, len(triggers)) // events are large: no copying as out grows
	seen := map[string]bool{}
	for _, tr := range triggers {
		typ := tr.e.value
		tw := ws[tr.i]
		mod, modRules := modality(s.Lang, ws, tr, negs, futs, hyps)
		if typ == TypeStatement && !mod.Negated && negatedCommitment(ws, tr, negs, lex.find(kindCommitment)) {
			typ = TypeDeny // "X haben keine … gemacht, sagte Peskow"
			mod.Negated = false
		}
		if seen[typ] {
			continue
		}
		seen[typ] = true
		ev := Event{
			Type: typ, Plover: mapping[typ].plover, Cameo: mapping[typ].cameo,
			Lang: s.Lang, SentStart: s.Start, SentEnd: s.End,
			TrigStart: tw.start, TrigEnd: ws[tr.i+tr.n-1].end,
			Topic: topic, Modality: mod, borrowed: borrowed,
			Rules: append([]string{tr.e.rule}, modRules...),
		}
		if c := ploverContext[topic]; c != "" && ev.Plover != "" {
			ev.Contexts = []string{c}
		}
		ev.Rules = append(ev.Rules, topicRules...)
		ev.Participants = roles(typ, cands, tw.start, tw.clause, nominalLimit(s.Lang, ws, tr))
		ev.Attribution = append(ev.Attribution, sources...)
		ev.Rules = append(ev.Rules, resolutionRules(ev.Participants, ev.Attribution)...)
		if sp := speaker(typ, ev.Participants, speakersCue); sp != nil {
			ev.Attribution = append(ev.Attribution, *sp)
		}
		ev.Place = place
		ev.Date, ev.dateFromText, ev.hasDateX = date(exprs, s.Start, tw.start, anchor, mod.Future)
		if ev.hasDateX && ev.Date != nil {
			ev.dateText = ev.Date.String()
		}
		ev.Confidence = confidence(ev)
		out = append(out, ev)
	}
	out = prune(out, ws, lex)
	if borrowed {
		return out, nil
	}
	return out, cands
}

// modality reads the negation, future and hypothetical cues of the
// trigger's clause; a cue pattern "*x" tests the trigger word's ending
// ("firmará").
func modality(lang string, ws []word, tr hit, negs, futs, hyps []hit) (Modality, []string) {
	var m Modality
	var rules []string
	clause := ws[tr.i].clause
	// A capitalised German trigger inside the sentence is a noun: only
	// "kein" right before it negates it ("keine Einigung"), while a
	// future or hypothetical predicate may follow it ("Ein Treffen ist
	// nur angedacht").
	nominal := tr.i > 0 && ws[tr.i].cap && lang == "de"
	test := func(hs []hit, flag *bool, neg bool) {
		for _, h := range hs {
			// A suffix cue ("*rá": "firmará") marks the trigger word itself;
			// a word cue ("podría") marks another word of the clause.
			suffixCue, wordCue := false, false
			for _, seq := range h.e.patterns {
				if len(seq) != 1 || !wordMatch(seq[0], ws[h.i].fold) {
					continue
				}
				if strings.HasPrefix(seq[0], "*") && !strings.HasSuffix(seq[0], "*") {
					suffixCue = true
				} else {
					wordCue = true
				}
			}
			if wordCue {
				suffixCue = false
			}
			if suffixCue && h.i != tr.i {
				continue
			}
			if !suffixCue && h.i == tr.i {
				continue
			}
			if ws[h.i].clause == clause && (!nominal || !neg || (h.i < tr.i && tr.i-h.i <= 2)) {
				*flag = true
				rules = append(rules, h.e.rule)
				return
			}
		}
	}
	test(negs, &m.Negated, true)
	test(futs, &m.Future, false)
	test(hyps, &m.Hypothetical, false)
	return m, rules
}

// negatedCommitment reports a negated commitment ("keine … Versprechungen",
// "ningún acuerdo") in another clause than the reporting verb's: the
// reported content is a denial. A mere negation ("Er kann es nicht
// beeinflussen") is not.
func negatedCommitment(ws []word, tr hit, negs, commits []hit) bool {
	for _, h := range negs {
		if ws[h.i].clause == ws[tr.i].clause {
			continue
		}
		for _, c := range commits {
			if c.i > h.i && c.i-h.i <= 3 && ws[c.i].clause == ws[h.i].clause {
				return true
			}
		}
	}
	return false
}

// attribution finds the cited sources of a sentence ("laut Xinhua", "según
// EFE", "Xinhua zufolge", "wie die Agentur Prensa Latina berichtet") and
// whether a speech cue ("so Peskow") is present.
func (x *Extractor) attribution(in Input, s Sentence, ws []word, lex *view) ([]Attribution, bool) {
	orgs := mentionsIn(in, s, func(e *gazetteer.Entity) bool { return e.Type == gazetteer.TypeOrganization })
	var out []Attribution
	add := func(m Mention, rule string) {
		for _, a := range out {
			if a.Entity == m.Entity {
				return
			}
		}
		out = append(out, Attribution{Relation: RelCitedSource, Entity: m.Entity, Start: m.Start, End: m.End, rule: rule})
	}
	for _, h := range lex.find(kindSource) {
		after := ws[h.i+h.n-1].end
		for _, m := range orgs {
			if m.Start >= after && wordsBetween(ws, after, m.Start) <= 3 {
				add(m, h.e.rule)
				break
			}
		}
	}
	for _, h := range lex.find(kindSourceAfter) {
		before := ws[h.i].start
		for i := len(orgs) - 1; i >= 0; i-- {
			if m := orgs[i]; m.End <= before && wordsBetween(ws, m.End, before) <= 1 {
				add(m, h.e.rule)
				break
			}
		}
	}
	for _, h := range lex.find(kindReport) {
		for _, m := range orgs {
			if m.Entity.Sector == "JRN" && abs(wordsBetween(ws, m.Start, ws[h.i].start)) <= 8 {
				add(m, h.e.rule)
			}
		}
	}
	return out, len(lex.find(kindSpeech)) > 0
}

func abs(n int) int { return max(n, -n) }

// wordsBetween counts the words starting in [a, b).
func wordsBetween(ws []word, a, b int) int {
	if b < a {
		return -wordsBetween(ws, b, a)
	}
	n := 0
	for _, w := range ws {
		if w.start >= a && w.start < b {
			n++
		}
	}
	return n
}

// mentionsIn returns the mentions inside s that keep accepts (nil: all).
// The result must not be modified: it may share in.Mentions.
func mentionsIn(in Input, s Sentence, keep func(*gazetteer.Entity) bool) []Mention {
	var out []Mention
	ms := in.Mentions
	if in.ordered {
		// Only mentions starting in [s.Start, s.End] may lie inside s: not every mention of the document per sentence.
		lo, _ := slices.BinarySearchFunc(ms, s.Start, func(m Mention, at int) int { return m.Start - at })
		hi, _ := slices.BinarySearchFunc(ms[lo:], s.End+1, func(m Mention, at int) int { return m.Start - at })
		ms = ms[lo : lo+hi : lo+hi]
		if keep == nil && !slices.ContainsFunc(ms, func(m Mention) bool { return m.End > s.End }) {
			return ms // all of them: no copy
		}
	}
	for _, m := range ms {
		if m.Start >= s.Start && m.End <= s.End && (keep == nil || keep(m.Entity)) {
			if out == nil {
				out = make([]Mention, 0, len(ms)) // one allocation, not one per growth
			}
			out = append(out, m)
		}
	}
	return out
}

// participants collects the candidates of a sentence: persons,
// organisations and countries it names, countries of nationality
// adjectives, and capitals standing for their governments; and the
// event's place: a city after a location preposition that is not a
// dateline.
func (x *Extractor) participants(in Input, s Sentence, ws []word, lex *view, sources []Attribution) ([]Participant, *Place) {
	afterLocation := func(start int) bool {
		for k, w := range ws {
			if w.start == start {
				if k > 1 && lex.at(kindArticle, k-1) {
					k-- // "in die Ukraine"
				}
				return k > 0 && lex.at(kindLocation, k-1)
			}
		}
		return false
	}
	var out []Participant
	var place *Place
	has := map[string]bool{}
	countries := map[string]bool{}
	for _, m := range mentionsIn(in, s, nil) {
		if slices.ContainsFunc(sources, func(a Attribution) bool { return a.Entity == m.Entity }) {
			continue
		}
		e := m.Entity
		if e.Sector == "JRN" {
			continue // news agencies report events, they do not take part
		}
		switch e.Type {
		case gazetteer.TypePlace:
			if afterLocation(m.Start) {
				if place == nil {
					place = &Place{Entity: e, Start: m.Start, End: m.End}
				}
				continue
			}
			if dateline(in.Text, s, m) {
				continue
			}
			// A capital as a subject stands for its government.
			if c := x.country[e.Country]; c != nil && !has[c.ID] {
				out = append(out, Participant{Entity: c, Start: m.Start, End: m.End})
				has[c.ID] = true
			}
			continue
		case gazetteer.TypeCountry:
			if afterLocation(m.Start) {
				continue
			}
		}
		if has[e.ID] {
			continue
		}
		has[e.ID] = true
		countries[e.Country] = true
		out = append(out, Participant{Entity: e, Start: m.Start, End: m.End})
	}
	for _, w := range ws {
		c := w.adj
		if c == nil && w.end < len(in.Text) && in.Text[w.end] == '-' {
			// "russisch-belarussischen": the first part of a hyphenated pair.
			c = x.adjective[gazetteer.Key(w.fold+"en")]
		}
		if c == nil || countries[c.Country] || has[c.ID] {
			continue
		}
		has[c.ID] = true
		countries[c.Country] = true
		out = append(out, Participant{Entity: c, Start: w.start, End: w.end})
	}
	for i := range out {
		out[i].at = out[i].Start
	}
	slices.SortStableFunc(out, func(a, b Participant) int { return a.Start - b.Start })
	return out, place
}

// dateline reports a place that opens its line followed by a comma
// ("MOSKAU, 26. Mai (BelTA)").
func dateline(text string, s Sentence, m Mention) bool {
	lineStart := strings.LastIndexByte(text[:m.Start], '\n') + 1
	return strings.TrimSpace(text[lineStart:m.Start]) == "" && strings.HasPrefix(text[m.End:], ",")
}

// roles assigns actor and recipient: every side is an actor of a
// symmetric event; otherwise the person (else organisation, else country)
// nearest the trigger acts and the rest receive.
//
// nominal > trig marks a nominal trigger ("eines China-Besuchs einer
// Delegation mit X"): its agent is the nearest person after it, before
// offset nominal, if there is one. "Die Parteien" before the trigger are
// its subject: both sides act, everyone else receives.
func roles(typ string, cands []Participant, trig, clause, nominal int) []Participant {
	out := make([]Participant, len(cands))
	copy(out, cands)
	if symmetric[typ] {
		for i := range out {
			out[i].Role = RoleActor
		}
		return out
	}
	sides := false
	for _, p := range out {
		sides = sides || (p.side && p.at < trig)
	}
	best, bestRank, bestDist := -1, 9, 1<<30
	for i, p := range out {
		r := rank(p.Entity.Type)
		if typ == TypeVisit && p.Entity.Type == gazetteer.TypeCountry {
			r = 5 // a visited country receives
		}
		if p.object {
			r += 3
		}
		// The subject: right after the verb ("sagte Patrushev"), else
		// the nearest before it, else the nearest after.
		d := trig - p.at
		switch {
		case nominal > trig && p.at > trig && p.at < nominal && p.Entity.Type == gazetteer.TypePerson:
			d = -1
		case p.at > trig && p.at-trig <= 2*maxInvertedGap && p.clause == clause:
			d = 0
		case p.at > trig:
			d = 1<<20 + p.at - trig
		}
		if r < bestRank || (r == bestRank && d < bestDist) {
			best, bestRank, bestDist = i, r, d
		}
	}
	// A person right after the verb is its subject even after "beide
	// Seiten" ("…, afirmó la canciller").
	inverted := best >= 0 && bestDist == 0 && out[best].Entity.Type == gazetteer.TypePerson
	if inverted {
		sides = false
	}
	for i := range out {
		out[i].Role = RoleRecipient
		if (!sides && i == best) || (sides && out[i].side && out[i].at < trig) {
			out[i].Role = RoleActor
		}
	}
	return out
}

func rank(typ string) int {
	switch typ {
	case gazetteer.TypePerson:
		return 0
	case gazetteer.TypeOrganization:
		return 1
	}
	return 2
}

// speaker is the actor of a statement, or of any event in a sentence with
// a speech cue, when that actor is a person.
func speaker(typ string, ps []Participant, cue bool) *Attribution {
	if typ != TypeStatement && typ != TypeDeny && typ != TypeAccuse && !cue {
		return nil
	}
	for _, p := range ps {
		if p.Role == RoleActor && p.Entity.Type == gazetteer.TypePerson {
			return &Attribution{Relation: RelSpeaker, Entity: p.Entity, Start: p.Start, End: p.End}
		}
	}
	return nil
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

func (x *Extractor) topic(lex *view, doc map[string]int) (string, []string) {
	// Counted per topic of topicOrder in arrays: no maps per sentence.
	var counts [len(topicOrder)]int
	var rules [len(topicOrder)]string
	for _, h := range lex.hits {
		if h.e.kind != kindTopic {
			continue
		}
		if k := slices.Index(topicOrder[:], h.e.value); k >= 0 {
			counts[k]++
			rules[k] = h.e.rule
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
	for _, t := range topicOrder {
		if doc[t] > n {
			best, n = t, doc[t]
		}
	}
	if best == "" {
		return "other", nil
	}
	return best, nil
}

func confidence(ev Event) float64 {
	c := 0.6
	if len(ev.Participants) >= 2 {
		c += 0.1
	}
	if ev.borrowed {
		c -= 0.25
	}
	if ev.dateFromText {
		c += 0.05
	}
	if ev.Modality.Hypothetical {
		c -= 0.1
	}
	return float64(int(c*100+0.5)) / 100
}

// dedup merges events of one type and modality that share a person, or,
// where one names no person, a country; never two whose resolved dates
// differ, nor statements (each is its own), nor two agreements of the body:
// what the lead sums up as one agreement the body details, but two
// agreements reported in the body are two ("waren sich einig, dass …",
// "Es wurde beschlossen, …").
func dedup(evs []Event) []Event {
	var out []Event
	if len(evs) > 0 {
		out = make([]Event, 0, len(evs)) // events are large: no copying as out grows
	}
	for _, ev := range evs {
		merged := false
		if ev.Type != TypeStatement && ev.Type != TypeDeny && ev.Type != TypeAccuse {
			for i := range out {
				if same(out[i], ev) {
					out[i] = merge(out[i], ev)
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, ev)
		}
	}
	return out
}

func same(a, b Event) bool {
	if a.Type != b.Type || a.Modality != b.Modality {
		return false
	}
	if a.Type == TypeAgree && !a.lead && !b.lead {
		return false
	}
	switch {
	case a.dateText != "" && b.dateText != "":
		if !compatible(a.dateText, b.dateText) {
			return false
		}
	case a.dateText != "" || b.dateText != "":
		// One is dated by the text, the other by the publication date:
		// a lead sums up what the body dates ("am Montag"), but not an
		// event of another month ("im vergangenen Dezember").
		if a.Date != nil && b.Date != nil && !near(a.Date.Value, b.Date.Value) {
			return false
		}
	}
	// Participants are few: comparing them pairwise costs less than building sets.
	pa, pb := hasActor(a, isPerson), hasActor(b, isPerson)
	if pa && pb {
		return sharedActor(a, b, isPerson, func(p Participant) string { return p.Entity.ID })
	}
	return sharedActor(a, b, hasCountry, func(p Participant) string { return p.Entity.Country })
}

func isPerson(p Participant) bool { return p.Entity.Type == gazetteer.TypePerson }

func hasCountry(p Participant) bool { return p.Entity.Country != "" }

// hasActor reports whether an actor of ev passes keep.
func hasActor(ev Event, keep func(Participant) bool) bool {
	return slices.ContainsFunc(ev.Participants, func(p Participant) bool { return p.Role == RoleActor && keep(p) })
}

// sharedActor reports whether an actor of a and one of b, both passing
// keep, have the same id.
func sharedActor(a, b Event, keep func(Participant) bool, id func(Participant) string) bool {
	for _, p := range a.Participants {
		if p.Role != RoleActor || !keep(p) {
			continue
		}
		for _, q := range b.Participants {
			if q.Role == RoleActor && keep(q) && id(p) == id(q) {
				return true
			}
		}
	}
	return false
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

// merge keeps a's trigger and sentence and takes from b what a lacks: a
// date stated in the text, a place, participants and sources.
func merge(a, b Event) Event {
	if !a.dateFromText && b.dateFromText {
		a.Date, a.dateFromText, a.hasDateX, a.dateText = b.Date, true, true, b.dateText
	}
	if a.Place == nil {
		a.Place = b.Place
	}
	for _, p := range b.Participants {
		if !slices.ContainsFunc(a.Participants, func(q Participant) bool { return q.Entity == p.Entity }) {
			a.Participants = append(a.Participants, p)
		}
	}
	for _, at := range b.Attribution {
		if !slices.ContainsFunc(a.Attribution, func(q Attribution) bool { return q.Entity == at.Entity && q.Relation == at.Relation }) {
			a.Attribution = append(a.Attribution, at)
		}
	}
	for _, r := range b.Rules {
		if !slices.Contains(a.Rules, r) {
			a.Rules = append(a.Rules, r)
		}
	}
	a.borrowed = a.borrowed && b.borrowed
	a.Confidence = float64(int(min(0.95, max(a.Confidence, b.Confidence)+0.05)*100+0.5)) / 100
	return a
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

// clauseAt is the clause of the word at or after offset at.
func clauseAt(ws []word, at int) int {
	for _, w := range ws {
		if w.end > at {
			return w.clause
		}
	}
	if len(ws) == 0 {
		return 0
	}
	return ws[len(ws)-1].clause
}

// resolutionRules names the lexicon entries that resolved participants
// and cited sources, each once, for provenance.rules.
func resolutionRules(ps []Participant, as []Attribution) []string {
	var out []string
	for _, p := range ps {
		if p.rule != "" && !slices.Contains(out, p.rule) {
			out = append(out, p.rule)
		}
	}
	for _, a := range as {
		if a.rule != "" && !slices.Contains(out, a.rule) {
			out = append(out, a.rule)
		}
	}
	return out
}
