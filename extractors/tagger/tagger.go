// Package tagger finds the officials, organisations and countries of a
// gazetteer in normalised text.
//
// It resolves what a plain dictionary lookup cannot: bare surnames and
// generic body names ("Peskow", "Außenministerium") count only after a
// fuller mention in the same document, or when a nationality adjective or
// a country in the genitive qualifies them ("das russische
// Außenministerium", "der Kommunistischen Partei Chinas", "el Ministerio
// de Defensa de Rusia"); a misspelt first name before a known surname
// ("Dimtri Peskow") is a fuzzy mention. A [Tagger] is immutable and safe
// for concurrent use; it holds no goroutines.
package tagger

import (
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/gazex/gazex/gazetteer"
)

// Match kinds of a mention, as in the SPEC's entity records.
const (
	MatchExact     = "exact"     // the canonical name, up to case and diacritics
	MatchAlias     = "alias"     // another listed form, spelt as listed
	MatchInflected = "inflected" // a listed form with an inflectional ending or another transliteration
	MatchFuzzy     = "fuzzy"     // a misspelt first name before a known surname
	MatchCoref     = "coref"     // a short form resolved to an entity mentioned fully elsewhere
)

// Mention is one place where an entity is named.
type Mention struct {
	Start, End int    // byte offsets into the tagged text, half-open
	Match      string // one of the Match* kinds
	// TokStart and TokEnd are the mention's tokens, toks[TokStart:TokEnd]
	// of the tokens tagged (TagTokens'), so that the extractors that read
	// the same tokens need not search them for the offsets.
	TokStart, TokEnd int
}

// Finding is one entity with its mentions in a text, in text order.
type Finding struct {
	Entity   *gazetteer.Entity
	Mentions []Mention
}

// Tagger tags text against a compiled gazetteer index.
type Tagger struct {
	ix *gazetteer.Index
	kf *gazetteer.KeyFilter // ix's, made once
	// firsts caches firstWords: *gazetteer.Entity → []firstWord. It is
	// filled as texts need it; what it holds depends on ix alone.
	firsts sync.Map
	// bodies caches runBodies: runKey → map[string]*gazetteer.Entity,
	// filled as texts need it, from ix alone.
	bodies sync.Map
}

// New returns a tagger over ix.
func New(ix *gazetteer.Index) *Tagger { return &Tagger{ix: ix, kf: ix.KeyFilter()} }

// connectors may stand between a body's name and its country: "Ministerio
// de Defensa de Rusia", "Ministry of Defence of Russia", and the German
// genitive article of the countries named with one ("Außenministerium der
// Ukraine", "Parlament des Iran").
var connectors = map[string]bool{"de": true, "del": true, "of": true, "der": true, "des": true}

// Tag returns the entities named in text, ordered by their first mention.
func (t *Tagger) Tag(text string) []Finding {
	return t.TagTokens(gazetteer.Tokens(text))
}

// TagTokens is Tag on the tokens of a text ([gazetteer.Tokens]), for
// callers that tokenise once for several extractors. Mention offsets are
// the tokens' offsets.
func (t *Tagger) TagTokens(toks []gazetteer.Token) []Finding {
	sc := getScratch()
	defer putScratch(sc)
	matches, ex := filter(toks, t.ix.AppendMatches(t.kf, sc.matches[:0], toks), sc.ex[:0])
	sc.matches, sc.ex = matches, ex

	found := findings{out: sc.found[:0], ms: sc.ms[:0], n: sc.n[:0]}
	add := func(e *gazetteer.Entity, startTok, endTok int, kind string) {
		found.add(e, Mention{Start: toks[startTok].Start, End: toks[endTok-1].End, Match: kind, TokStart: startTok, TokEnd: endTok})
	}
	consumed := append(sc.consumed[:0], make([]bool, len(matches))...)
	sc.consumed = consumed

	// Pass 1: names that stand on their own, fuzzy first names, and short
	// forms qualified by their country.
	for i, m := range matches {
		if consumed[i] {
			continue
		}
		if full := entriesOf(m, gazetteer.KindName); len(full) > 0 {
			e := single(full)
			switch {
			case e == nil:
			case m.End-m.Start == 1 && e.Type == gazetteer.TypePerson:
				// A surname that stands alone ("Putin") may still follow a
				// misspelt first name.
				if fe, start := t.fuzzyFirstName(toks, m, full); fe == e {
					add(e, start, m.End, MatchFuzzy)
					break
				}
				fallthrough
			default:
				add(e, m.Start, m.End, matchKind(full, e, toks[m.Start:m.End], ex[i]))
			}
			continue
		}
		short := entriesOf(m, gazetteer.KindShort)
		if len(short) == 0 {
			continue
		}
		if e, start, end, q := t.qualify(toks, matches, i, short); e != nil {
			add(e, start, end, matchKind(short, e, toks[m.Start:m.End], ex[i]))
			consumed[i] = true
			if q >= 0 {
				consumed[q] = true
			}
			continue
		}
		if e, start := t.fuzzyFirstName(toks, m, short); e != nil {
			add(e, start, m.End, MatchFuzzy)
			consumed[i] = true
		}
	}

	// Pass 2: the remaining short forms, by coreference with an entity that
	// pass 1 found anywhere in the document (headlines name people by
	// surname before the body gives the full name).
	for i, m := range matches {
		if consumed[i] {
			continue
		}
		if hasKind(m, gazetteer.KindName) {
			continue
		}
		short := entriesOf(m, gazetteer.KindShort)
		if len(short) == 0 {
			continue
		}
		if e := found.onlyFound(short); e != nil {
			add(e, m.Start, m.End, MatchCoref)
		}
	}

	out := undefined(toks, found.finish())
	clear(found.out) // the entities: the pool must not keep them alive
	sc.found, sc.ms, sc.n = found.out[:0], found.ms[:0], found.n[:0]
	for _, f := range out {
		slices.SortFunc(f.Mentions, func(a, b Mention) int { return a.Start - b.Start })
	}
	// (first mention, ID) is a total order: the findings' order before
	// the sort does not show.
	slices.SortFunc(out, func(a, b Finding) int {
		if d := a.Mentions[0].Start - b.Mentions[0].Start; d != 0 {
			return d
		}
		return compareIDs(a.Entity.ID, b.Entity.ID)
	})
	return out
}

// findings gathers the mentions of a text by entity, in the order the
// entities were first added: a slice searched from the start while it is
// short (a news text names a dozen or two), indexed by a map past
// maxLinear findings. It replaced a map per text, whose every mention cost
// a hashed assignment and whose findings were iterated and sorted.
//
// A filter of the entities added (known) answers most searches for an
// entity not there without the search: the first mention of each, and the
// entries of a short form that many entities share ("Außenministerium",
// 199), which pass 2 looks up one by one.
//
// The mentions are gathered in one list (ms) and handed out by finish in
// one allocation, each finding's a slice of it, rather than appended to
// each finding's own slice (a growth of the slice per doubling of each
// finding); out and ms are the scratch's, reused from text to text.
type findings struct {
	out   []Finding                 // Mentions nil until finish
	ms    []foundMention            // every mention, in the order added
	n     []int                     // the number of mentions of each of out
	at    map[*gazetteer.Entity]int // out's indices, once out is long
	known entityFilter
}

// foundMention is a mention of the finding out[f].
type foundMention struct {
	f int
	m Mention
}

// finish returns the findings with their mentions, in the order added
// (as appending each to its finding's slice made them), in memory of
// their own: f.out and f.ms may be reused after it, but f is done (its
// counts are spent). It returns an empty slice, not nil, when there are
// none, as the map's findings were.
func (f *findings) finish() []Finding {
	out := make([]Finding, len(f.out))
	if len(out) == 0 {
		return out
	}
	// One array, each finding's slice capped, so that an append by a
	// caller cannot write into the next one's.
	all := make([]Mention, len(f.ms))
	at := 0
	for i := range out {
		n := f.n[i]
		out[i] = Finding{Entity: f.out[i].Entity, Mentions: all[at : at+n : at+n]}
		f.n[i] = at // where the next mention of out[i] goes
		at += n
	}
	for k := range f.ms {
		fm := &f.ms[k]
		all[f.n[fm.f]] = fm.m
		f.n[fm.f]++
	}
	return out
}

const maxLinear = 32

// index returns the index of e's finding in f.out, -1 for none.
func (f *findings) index(e *gazetteer.Entity) int {
	if f.at != nil {
		if i, ok := f.at[e]; ok {
			return i
		}
		return -1
	}
	if !f.known.mayHave(e) {
		return -1
	}
	for i := range f.out {
		if f.out[i].Entity == e {
			return i
		}
	}
	return -1
}

// onlyFound returns the one entity of the entries that f has found, nil
// when it has found none of them or several. Pass 2 asks it of short
// forms that many entities share ("Außenministerium", 199 entries), a
// few hundred entries per document: the loop keeps the filter of f's
// entities in a local and asks index only of the entries it lets pass,
// where a call of index per entry reloaded f's fields and filter at each
// (TestOnlyFound holds it to collecting the distinct found entities).
// Pass 2 adds no entity, only mentions, so the answer does not depend on
// the order of the entries.
func (f *findings) onlyFound(entries []*gazetteer.Entry) *gazetteer.Entity {
	var one *gazetteer.Entity
	if f.at != nil {
		for _, en := range entries {
			if e := en.Entity; e != one && f.index(e) >= 0 {
				if one != nil {
					return nil
				}
				one = e
			}
		}
		return one
	}
	known := &f.known
	for _, en := range entries {
		e := en.Entity
		if b := filterBit(e); known[b>>6]&(1<<(b&63)) == 0 || e == one {
			continue
		}
		for i := range f.out {
			if f.out[i].Entity != e {
				continue
			}
			if one != nil {
				return nil
			}
			one = e
			break
		}
	}
	return one
}

func (f *findings) add(e *gazetteer.Entity, m Mention) {
	i := f.index(e)
	if i < 0 {
		i = len(f.out)
		f.out = append(f.out, Finding{Entity: e})
		f.n = append(f.n, 0)
		f.known.add(e)
		switch {
		case f.at != nil:
			f.at[e] = i
		case len(f.out) > maxLinear:
			f.at = make(map[*gazetteer.Entity]int, 2*len(f.out))
			for k := range f.out {
				f.at[f.out[k].Entity] = k
			}
		}
	}
	f.ms = append(f.ms, foundMention{i, m})
	f.n[i]++
}

// entityFilter is a set of entities that may answer "maybe" for an
// entity not added, never "no" for one added: a bit per entity, of
// 1024, chosen by its address (the heap does not move objects).
//
// The entities lie in arrays (the compiled gazetteer's, a slab of
// 224-byte entities), and the product of their addresses themselves
// took only 219 of the 256 bits this filter had, and 256 of 1024: a text's
// two dozen findings let one entry in ten of a shared short form through
// to the search of the findings. The address over 32 (the stride is a
// multiple of it) spreads them over all 1024 (TestEntityFilter, on an
// array).
type entityFilter [16]uint64

func filterBit(e *gazetteer.Entity) uint64 {
	return uint64(uintptr(unsafe.Pointer(e))>>5) * 0x9E3779B97F4A7C15 >> 54
}

func (f *entityFilter) add(e *gazetteer.Entity) {
	b := filterBit(e)
	f[b>>6] |= 1 << (b & 63)
}

func (f *entityFilter) mayHave(e *gazetteer.Entity) bool {
	b := filterBit(e)
	return f[b>>6]&(1<<(b&63)) != 0
}

// scratch is what TagTokens needs of memory for one text and drops after
// it: pooled, not allocated per text (the matches were the largest
// allocation of tagging).
type scratch struct {
	matches  []gazetteer.Match
	ex       []exactness // of each of matches
	consumed []bool
	found    []Finding      // findings.out
	ms       []foundMention // findings.ms
	n        []int          // findings.n
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	// The matches' entries point into the index, which outlives the pool.
	scratchPool.Put(sc)
}

func compareIDs(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// entriesOf returns the entries of m of the kind. The result may share
// m.Entries (most matches are all of one kind: no copy then), so callers
// must not modify it.
func entriesOf(m gazetteer.Match, kind gazetteer.Kind) []*gazetteer.Entry {
	if oneRun(m.Entries) { // all of one kind
		if m.Entries[0].Kind == kind {
			return m.Entries
		}
		return nil
	}
	n := 0
	for _, e := range m.Entries {
		if e.Kind == kind {
			n++
		}
	}
	switch n {
	case 0:
		return nil
	case len(m.Entries):
		return m.Entries
	}
	out := make([]*gazetteer.Entry, 0, n)
	for _, e := range m.Entries {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// hasKind reports whether m has an entry of the kind.
func hasKind(m gazetteer.Match, kind gazetteer.Kind) bool {
	if oneRun(m.Entries) {
		return m.Entries[0].Kind == kind
	}
	for _, e := range m.Entries {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

// oneRun reports whether entries, of one match (in the order of their
// node in the index), are two or more of one run (see
// [gazetteer.Entry.SameRun]): their kind, language, foldings and entity
// type are alike, and what depends on those alone is asked of the first.
// A run's entries are next to each other among their node's, so the
// first and the last tell. A form that every country's ministry shares
// ("Außenministerium", 199 entries) made most of the tagger's loops over
// entries.
func oneRun(entries []*gazetteer.Entry) bool {
	n := len(entries)
	return n > 1 && entries[0].SameRun(entries[n-1])
}

// single returns the one entity the entries name, or nil when they name
// several (a name shared by two people is not resolved by guessing).
func single(entries []*gazetteer.Entry) *gazetteer.Entity {
	e := entries[0].Entity
	for _, en := range entries[1:] {
		if en.Entity != e {
			return nil
		}
	}
	return e
}

// matchKind tells how the entries of e among entries, a match's over
// toks whose exactness filter learnt (ex), matched: exactly by the
// canonical name or an alias, or inflected. Exact is asked only where ex
// does not tell (most matches: it does).
func matchKind(entries []*gazetteer.Entry, e *gazetteer.Entity, toks []gazetteer.Token, ex exactness) string {
	kind := MatchInflected
	for _, en := range entries {
		if en.Entity != e || ex == exactNone || ex == exactUnknown && !en.Exact(toks) {
			continue
		}
		if en.Canonical() {
			return MatchExact
		}
		kind = MatchAlias
	}
	return kind
}

// qualify resolves the short form of match i through a country named next
// to it: a nationality adjective or country name right before it, or
// right after it ("Außenministerium Russlands", "la Cancillería china"),
// possibly behind a connector ("de", "of").
// It returns the entity, the token range of the whole mention and the
// index of the qualifying match (-1 for none).
func (t *Tagger) qualify(toks []gazetteer.Token, matches []gazetteer.Match, i int, short []*gazetteer.Entry) (*gazetteer.Entity, int, int, int) {
	m := matches[i]
	try := func(q int) *gazetteer.Entity {
		var country string
		for _, en := range matches[q].Entries {
			if en.Entity.Type == gazetteer.TypeCountry {
				country = en.Entity.Country
				break
			}
		}
		if country == "" {
			return nil
		}
		return t.countryBody(short, country)
	}
	if i > 0 {
		p := matches[i-1]
		if p.End == m.Start && !toks[m.Start].LineBreak {
			if e := try(i - 1); e != nil {
				return e, p.Start, m.End, i - 1
			}
		}
	}
	if i+1 < len(matches) {
		n := matches[i+1]
		gap := n.Start - m.End
		ok := gap == 0 || (gap == 1 && connectors[toks[m.End].Fold])
		if ok && !toks[n.Start].LineBreak && (gap == 0 || !toks[m.End].LineBreak) {
			if e := try(i + 1); e != nil {
				return e, m.Start, n.End, i + 1
			}
		}
	}
	return nil, 0, 0, -1
}

// countryBody returns the one entity of the entries short, not itself a
// country, of the country, nil for none or when two such bodies share the
// form. A run of many entries (a form that every country's ministry
// shares: "Außenministerium", 199) is read once per tagger into a table
// by country (runBodies), not entity by entity at each qualified match:
// a run's entries come in a match all or none, so its first entry and
// their number tell the set.
func (t *Tagger) countryBody(short []*gazetteer.Entry, country string) *gazetteer.Entity {
	if len(short) < minRunBodies || !oneRun(short) {
		return countryBodyScan(short, country)
	}
	key := runKey{short[0], len(short)}
	v, ok := t.bodies.Load(key)
	if !ok {
		v, _ = t.bodies.LoadOrStore(key, runBodies(short))
	}
	return v.(map[string]*gazetteer.Entity)[country]
}

// minRunBodies is the fewest entries for which countryBody keeps a table.
const minRunBodies = 16

type runKey struct {
	first *gazetteer.Entry
	n     int
}

// countryBodyScan is countryBody reading every entry.
func countryBodyScan(short []*gazetteer.Entry, country string) *gazetteer.Entity {
	var hit *gazetteer.Entity
	for _, en := range short {
		if en.Entity.Country != country || en.Entity.Type == gazetteer.TypeCountry {
			continue
		}
		if hit != nil && hit != en.Entity {
			return nil // two bodies of that country share the form
		}
		hit = en.Entity
	}
	return hit
}

// runBodies returns countryBodyScan(short, c) for every country c of
// short's entities, nil where two bodies share it.
func runBodies(short []*gazetteer.Entry) map[string]*gazetteer.Entity {
	out := make(map[string]*gazetteer.Entity)
	for _, en := range short {
		if en.Entity.Type == gazetteer.TypeCountry {
			continue
		}
		c := en.Entity.Country
		if hit, ok := out[c]; ok && hit != en.Entity {
			out[c] = nil // ambiguous, and stays so
		} else if !ok {
			out[c] = en.Entity
		}
	}
	return out
}

// fuzzyFirstName recognises a misspelt first name before a person's
// surname ("Dimtri Peskow"): the capitalised word before the surname is
// within one edit (a transposition counts as one) of the first word of one
// of the person's full names.
func (t *Tagger) fuzzyFirstName(toks []gazetteer.Token, m gazetteer.Match, surnames []*gazetteer.Entry) (*gazetteer.Entity, int) {
	if m.Start == 0 || toks[m.Start].LineBreak {
		return nil, 0
	}
	prev := toks[m.Start-1]
	if prev.Shape != gazetteer.ShapeCap || utf8.RuneCountInString(prev.Fold) < 4 {
		return nil, 0
	}
	if oneRun(surnames) && surnames[0].Entity.Type != gazetteer.TypePerson {
		return nil, 0 // no person among them: one entity's type tells
	}
	wordRunes := utf8.RuneCountInString(prev.Fold)
	var hit *gazetteer.Entity
	for _, en := range surnames {
		e := en.Entity
		if e.Type != gazetteer.TypePerson || e == hit {
			continue
		}
		if t.firstNameNear(e, prev.Fold, wordRunes) {
			if hit != nil {
				return nil, 0
			}
			hit = e
		}
	}
	return hit, m.Start - 1
}

func (t *Tagger) firstNameNear(e *gazetteer.Entity, word string, wordRunes int) bool {
	for _, f := range t.firstWords(e) {
		// One edit changes the length by one rune at most.
		if d := f.runes - wordRunes; d < -1 || d > 1 {
			continue
		}
		if oneEdit(f.fold, word) {
			return true
		}
	}
	return false
}

// firstWord is the folding of the first token of one of a person's names
// of two tokens or more, with its length in runes.
type firstWord struct {
	fold  string
	runes int
}

// firstWords returns the first words of e's names of two tokens or more,
// made once per entity and kept (tokenising every form of every surname
// candidate again in each text cost more than the rest of the fuzzy test).
// Only the persons whose surname follows a capitalised word are asked: a
// few thousand at most.
func (t *Tagger) firstWords(e *gazetteer.Entity) []firstWord {
	if v, ok := t.firsts.Load(e); ok {
		return v.([]firstWord)
	}
	var out []firstWord
	for _, forms := range e.Names {
		for _, form := range forms {
			ft := gazetteer.Tokens(form)
			if len(ft) < 2 {
				continue
			}
			out = append(out, firstWord{ft[0].Fold, utf8.RuneCountInString(ft[0].Fold)})
		}
	}
	v, _ := t.firsts.LoadOrStore(e, out)
	return v.([]firstWord)
}

// oneEdit reports whether editDistance(a, b) == 1: a and b differ and one
// insertion, deletion, substitution or transposition of adjacent letters
// makes one the other. It compares the runes once, on the stack, where
// editDistance fills a table on the heap (TestOneEdit holds them alike).
func oneEdit(a, b string) bool {
	var ab, bb [32]rune
	ra, rb := appendRunes(ab[:0], a), appendRunes(bb[:0], b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	switch len(ra) - len(rb) {
	case 0:
		if i == len(ra) {
			return false // equal
		}
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return true // a substitution
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:])
	case 1:
		return slices.Equal(ra[i+1:], rb[i:]) // a deletion from the longer
	}
	return false
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// editDistance is the optimal-string-alignment distance: insertions,
// deletions, substitutions and transpositions of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// One allocation for the whole table, row i at cells[i*w:].
	w := len(rb) + 1
	cells := make([]int, (len(ra)+1)*w)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = cells[i*w : (i+1)*w]
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
