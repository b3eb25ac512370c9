package gazetteer

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Kind says how a surface form may match.
type Kind uint8

// Kinds of surface forms.
const (
	// KindName matches on its own.
	KindName Kind = iota
	// KindShort matches only after a fuller mention of the same entity in
	// the document, or when the entity's country qualifies it (a
	// person's bare surname, "Außenministerium").
	KindShort
	// KindAdjective is a country's nationality adjective ("russischen"):
	// it qualifies short forms and is not a mention by itself.
	KindAdjective
)

// Entry is one surface form of one entity in the index.
type Entry struct {
	Entity *Entity
	Kind   Kind
	// canonical caches [Entry.Canonical], which the tagger asks of every
	// match; it sits in Kind's padding.
	canonical bool
	// formFolds: Form, ASCII with its tokens one space apart, is its own
	// foldings but for letter case (most names of a large data set), and
	// folds is left empty rather than hold a second copy of it.
	formFolds bool
	// run is the index in [Index.entries] just past the last entry of
	// this entry's run, 0 for the only entry of its node: a run is the entries
	// of a node next to each other with the same foldings, shapes, kind,
	// language and entity type, for which caseFits, Exact and the
	// tagger's filter answer alike (see markRuns). It sits in the padding
	// after the flags.
	run  uint32
	Lang string // "de", "es", "en", or "" for forms of every language (Unique, FollowTheMoney names)
	Form string // as written in the gazetteer
	// folds holds the [Fold] of the form's tokens joined by spaces (a
	// folded token never holds one); shapes their [Shape]s, two bits per
	// token, for the first 32 tokens. One string and one word per entry
	// rather than two slices keep a million-name index small; the tagger
	// asks [Entry.Exact] of every entry of every match, so the foldings
	// are kept rather than made again from Form each time.
	folds  string
	shapes uint64
}

// maxShapes is the number of tokens whose shape an entry records; later
// tokens of a longer form match in any case.
const maxShapes = 32

func (e *Entry) shape(i int) Shape {
	if i >= maxShapes {
		return ShapeOther
	}
	return Shape(e.shapes >> (2 * i) & 3)
}

// foldText returns the foldings of the form's tokens joined by spaces,
// to be lowercased first when lower (see formFolds).
func (e *Entry) foldText() (text string, lower bool) {
	if e.formFolds {
		return e.Form, true
	}
	return e.folds, false
}

// hasFoldPrefix reports whether s, lowercased if lower, starts with prefix.
func hasFoldPrefix(s, prefix string, lower bool) bool {
	if !lower {
		return strings.HasPrefix(s, prefix)
	}
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// foldIs reports whether f is the [Fold] of the form's i-th token.
func (e *Entry) foldIs(i int, f string) bool {
	s, lower := e.foldText()
	for ; i > 0; i-- {
		j := strings.IndexByte(s, ' ')
		if j < 0 {
			return false // no such token: its folding is no word's
		}
		s = s[j+1:]
	}
	if j := strings.IndexByte(s, ' '); j >= 0 {
		s = s[:j]
	}
	return len(s) == len(f) && hasFoldPrefix(s, f, lower)
}

// AppendFolds appends to dst the [Fold]s of the form's tokens, one space
// apart (a folding holds no space), and returns the extended slice: the
// tokens of [Tokens](e.Form) without tokenising the form again, for callers
// that compare a match with its form token by token.
func (e *Entry) AppendFolds(dst []byte) []byte {
	s, lower := e.foldText()
	if !lower {
		return append(dst, s...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// SameFolds reports whether o's form has the same tokens as e's up to
// [Fold]: then [Entry.Exact] answers alike for both. Many entities share
// a form ("Außenministerium" of every country): a caller that judges a
// match entry by entry may reuse its answer for the previous entry.
func (e *Entry) SameFolds(o *Entry) bool {
	s, lower := e.foldText()
	os, olower := o.foldText()
	if lower == olower {
		return s == os
	}
	if !lower {
		s, os = os, s // s is the one to lowercase
	}
	return len(s) == len(os) && hasFoldPrefix(s, os, true)
}

// SameRun reports whether e and o, entries of one [Match] (of one node
// of the index), are of one run: next to each other among the node's
// entries, with the same foldings
// ([Entry.SameFolds]), token shapes, kind, language and entity type. Many
// entities share a form ("Außenministerium" of every country): a caller
// that judges a match entry by entry may reuse its answer for the previous
// entry of the run without comparing the forms.
func (e *Entry) SameRun(o *Entry) bool { return e.run == o.run }

// alike reports whether e and o may be of one run (see markRuns).
func (e *Entry) alike(o *Entry) bool {
	return e.Kind == o.Kind && e.shapes == o.shapes && e.Lang == o.Lang &&
		e.SameFolds(o) && e.Entity.Type == o.Entity.Type
}

// markRuns sets the entries' runs: an entry starts a run of its own unless
// it is alike the previous entry of its node. Matching judges a run's case
// once (see longestAt); for the default index it also keeps each node's
// entries as pointers, to hand out when all of them fit. The only entry
// of a node (most of a million names) is left alone: its run is 0.
func (ix *Index) markRuns() {
	for n := range ix.nodes {
		from, to := ix.at[n], ix.at[n+1]
		if to-from < 2 {
			continue
		}
		for k := from; k < to; {
			end := k + 1
			for end < to && ix.entries[end].alike(&ix.entries[end-1]) {
				end++
			}
			for ; k < end; k++ {
				ix.entries[k].run = end
			}
		}
	}
	if len(ix.entries) <= maxSharedEntries {
		ix.ptrs = make([]*Entry, len(ix.entries))
		for k := range ix.entries {
			ix.ptrs[k] = &ix.entries[k]
		}
	}
}

// maxSharedEntries is the most entries an index keeps [Index.ptrs] for:
// the default's tens of thousands, not a million names.
const maxSharedEntries = 1 << 17

// Canonical reports whether the matched text is the entity's canonical name.
func (e *Entry) Canonical() bool { return e.canonical }

// Exact reports whether toks, the tokens a match covered, spell the form
// exactly up to case and diacritics; false means the match went through
// transliteration or an inflectional ending.
func (e *Entry) Exact(toks []Token) bool {
	rest, lower := e.foldText()
	for i, t := range toks {
		if i > 0 {
			if rest == "" || rest[0] != ' ' {
				return false
			}
			rest = rest[1:]
		}
		if !hasFoldPrefix(rest, t.Fold, lower) {
			return false
		}
		rest = rest[len(t.Fold):]
	}
	return rest == "" && len(toks) > 0
}

// caseFits reports whether the text's letter case fits the form: an
// all-caps acronym ("FAR", "EFE", "AP") matches only the same all-caps
// letters (an acronym is not inflected, and "BSV" is not "BSW" though
// their keys meet), and a capitalised person or country name, a one-word
// name of any entity, or a one-word German form (German capitalises every
// noun) matches only capitalised text, so "far", "rice", the Spanish
// adjective "china", the verbs "podemos" and "sumar" and the adverb
// "links" are not names; in a German form of several words every
// capitalised word after the first (an article may start a sentence in
// lower case: "die Linke") does, so "die linke Hand" is no party.
func (e *Entry) caseFits(toks []Token) bool {
	for i := range toks {
		t := &toks[i] // not a copy of each token
		switch e.shape(i) {
		case ShapeUpper:
			if t.Shape != ShapeUpper || !e.foldIs(i, t.Fold) {
				return false
			}
		case ShapeCap:
			// German capitalises a name's nouns and adjectives wherever it
			// stands; only its first word (an article: "die Linke") may be
			// lower case, so "die linke Hand" is no party.
			if t.Shape == ShapeOther && e.Kind != KindAdjective && (e.strict(len(toks)) || i > 0 && e.Lang == "de") {
				return false
			}
		}
	}
	return true
}

// strict reports whether a capitalised word of the form matches only
// capitalised text, in a match of n tokens (see caseFits). caseFits asks
// it only of lowercase text: reading the entity costs a cache miss per
// entry, most of the time in caseFits when it was asked first.
func (e *Entry) strict(n int) bool {
	return e.Entity.Type == TypePerson || e.Entity.Type == TypeCountry ||
		(n == 1 && (e.Kind == KindName || e.Lang == "de"))
}

// Index finds the surface forms of a set of entities in tokenised text.
// It is a trie over token keys (see [Key]), stored flat so that a million
// names fit in a few hundred bytes each: token keys are interned to
// numbers, the trie's edges are one map from (node, key number) to the
// child node, and each node's entries are one run of a single slice.
// Matching costs one string lookup per token of the text and one integer
// lookup per token of a candidate, whatever the number of names. An Index
// is immutable and safe for concurrent use.
type Index struct {
	keys    map[string]uint32 // token key → key number, from 1
	root    []uint32          // key number → the root's child, 0 for none: most tokens stop here
	edges   map[uint64]uint32 // node<<32 | key number → child node, below the root (node 0)
	nodes   uint32            // number of nodes
	at      []uint32          // node n's entries are entries[at[n]:at[n+1]]
	entries []Entry
	// ptrs[k] is &entries[k], or ptrs is nil (see markRuns): a match
	// whose every entry fits shares them (most matches of a form that
	// many entities share) rather than allocate and fill a slice.
	ptrs []*Entry
}

// builder holds what only Compile needs.
type builder struct {
	ix    *Index
	first []uint32 // per node: 1 + index of its first entry, 0 when none
	next  []uint32 // per entry: 1 + index of the node's next entry, 0 at the end

	keyText  strArena // the text of the token keys, copied out of the forms' buffers
	foldText strArena // the foldings of the entries that need them (see formFolds)
	words    nameWordSet
}

// Compile builds the index of every surface form of the entities. When
// [Load] or [OverDefault] returned entities, it has begun building their
// index in the background already (see [compileAhead]): Compile of that
// very list waits for that build rather than starting another. The index
// of the embedded default alone comes precompiled with it.
func Compile(entities []*Entity) *Index {
	if ix := aheadOf(entities); ix != nil {
		return ix
	}
	return compile(entities)
}

// ahead is the index being built in the background for the entities
// that Load last returned.
var ahead struct {
	sync.Mutex
	entities []*Entity
	done     chan struct{} // closed when ix is set
	ix       *Index
	words    nameWordSet // the name words of the entities, for NameWords
}

// compileAhead starts building the index of entities in a goroutine of
// its own, for the [Compile] that a front end calls next: at a million
// names the build takes as long as checking and hashing the entities and
// building the other extractors, which it then runs beside instead of
// after. A later compileAhead replaces the pending one.
func compileAhead(entities []*Entity) {
	done := make(chan struct{})
	ahead.Lock()
	ahead.entities, ahead.done, ahead.ix = entities, done, nil
	ahead.Unlock()
	go func() {
		ix, words := compileWords(entities)
		ahead.Lock()
		if ahead.done == done {
			ahead.ix, ahead.words = ix, words
		}
		ahead.Unlock()
		close(done)
	}()
}

// aheadOf returns the index built ahead for exactly entities (the same
// entities in the same order), waiting for it, or nil.
func aheadOf(entities []*Entity) *Index {
	if len(entities) == 0 {
		return nil
	}
	ahead.Lock()
	pending, done := ahead.entities, ahead.done
	ahead.Unlock()
	if done != nil && slices.Equal(pending, entities) {
		<-done
		ahead.Lock()
		defer ahead.Unlock()
		ix := ahead.ix
		if ahead.done == done {
			// Handed over: the caller keeps it as long as it needs it.
			ahead.entities, ahead.done, ahead.ix, ahead.words = nil, nil, nil, nil
		}
		if ix != nil {
			return ix
		}
	}
	defaultOnce.Do(loadDefault)
	if defaultOnce.err == nil && slices.Equal(defaultOnce.entities, entities) {
		return defaultOnce.index // decoded with the default
	}
	return nil
}

func compile(entities []*Entity) *Index {
	ix, _ := compileWords(entities)
	return ix
}

// compileWords is compile, also returning the name words of the
// entities (see [NameWords]), which it meets on the way. The forms are
// tokenised in a goroutine of their own a batch ahead of the building
// (see tokeniseForms): on two cores the build takes two thirds of the
// time.
func compileWords(entities []*Entity) (*Index, nameWordSet) {
	forms := 0
	for _, e := range entities {
		forms += len(e.Unique) + countForms(e.Names) + countForms(e.Short) + countForms(e.Adjectives)
	}
	b := &builder{
		ix: &Index{
			keys:    make(map[string]uint32, forms/2),
			root:    make([]uint32, 1, forms/2+1),
			edges:   make(map[uint64]uint32, forms), // most forms add an edge or two: growing it by doubling cost a sixth of a large build
			nodes:   1,
			entries: make([]Entry, 0, forms),
		},
		first: make([]uint32, 1, forms*2+1),
		next:  make([]uint32, 0, forms),
	}
	batches := make(chan *formBatch, 4)
	free := make(chan *formBatch, 6)
	go tokeniseForms(entities, batches, free)
	for batch := range batches {
		for i := range batch.items {
			it := &batch.items[i]
			b.add(it.e, it.kind, it.lang, it.form, batch.toks[it.from:it.to], it.names)
		}
		select {
		case free <- batch:
		default:
		}
	}
	return b.finish(), b.words
}

// sortedKeys returns the keys of m in order, in buf when they fit (one
// key is the common case, and FtM's only one).
func sortedKeys(m map[string][]string) []string {
	return appendSortedKeys(make([]string, 0, len(m)), m)
}

func appendSortedKeys(keys []string, m map[string][]string) []string {
	if len(m) == 1 {
		for k := range m {
			return append(keys, k)
		}
	}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// add indexes form, which toks are the tokens of; names says that it is
// one of e.Names, whose words are name words when e is a person.
func (b *builder) add(e *Entity, kind Kind, lang, form string, toks []Token, names bool) {
	ix := b.ix
	if len(toks) == 0 || (len(toks) == 1 && len([]rune(toks[0].Fold)) < 2) {
		return // a one-letter name ("O") would match everywhere
	}
	var n uint32
	for _, t := range toks {
		k, ok := ix.keys[t.Key]
		if !ok {
			k = uint32(len(ix.keys)) + 1
			ix.keys[b.keyText.join(t.Key)] = k
			ix.root = append(ix.root, 0)
		}
		if names && t.Shape == ShapeCap && e.Type == TypePerson && len(toks) > 1 {
			b.words.add(k)
		}
		child, ok := ix.child(n, k)
		if !ok {
			child = ix.nodes
			ix.nodes++
			if n == 0 {
				ix.root[k] = child
			} else {
				ix.edges[uint64(n)<<32|uint64(k)] = child
			}
			b.first = append(b.first, 0)
		}
		n = child
	}
	var shapes uint64
	size := len(toks) - 1
	for i, t := range toks {
		size += len(t.Fold)
		if i < maxShapes {
			shapes |= uint64(t.Shape) << (2 * i)
		}
	}
	entry := Entry{Entity: e, Kind: kind, Lang: lang, Form: form, shapes: shapes}
	if size == len(form) && foldsOfForm(form, toks) {
		entry.formFolds = true
	} else {
		from := b.foldText.room(size)
		for i, t := range toks {
			if i > 0 {
				b.foldText.b.WriteByte(' ')
			}
			b.foldText.b.WriteString(t.Fold)
		}
		entry.folds = b.foldText.b.String()[from:]
	}
	entry.canonical = sameFold(form, e.Name)
	last := &b.first[n]
	for p := *last; p != 0; p = b.next[p-1] {
		old := &ix.entries[p-1]
		if old.Entity == e && old.Kind == kind && sameFold(old.Form, form) {
			return // the same form listed under two languages
		}
		last = &b.next[p-1]
	}
	ix.entries = append(ix.entries, entry)
	b.next = append(b.next, 0)
	*last = uint32(len(ix.entries))
}

// foldsOfForm reports whether form, lowercased, is the foldings of its
// tokens toks joined by spaces: an ASCII form whose tokens are one space
// apart.
func foldsOfForm(form string, toks []Token) bool {
	for i, t := range toks {
		if i > 0 && (t.Start != toks[i-1].End+1 || form[t.Start-1] != ' ') {
			return false
		}
		if t.End-t.Start != len(t.Fold) || !hasFoldPrefix(form[t.Start:t.End], t.Fold, true) {
			return false
		}
	}
	return toks[0].Start == 0 && toks[len(toks)-1].End == len(form)
}

// finish groups the entries by node, each node's in the order they were
// added, so that a node's entries are one run of the slice. It moves them
// in place: a second copy of a million entries would double the peak.
func (b *builder) finish() *Index {
	ix := b.ix
	ix.at = make([]uint32, ix.nodes+1)
	dest := make([]uint32, len(ix.entries))
	var k uint32
	for n := range ix.nodes {
		ix.at[n] = k
		for p := b.first[n]; p != 0; p = b.next[p-1] {
			dest[p-1] = k
			k++
		}
	}
	ix.at[ix.nodes] = k
	for i := range dest {
		for dest[i] != uint32(i) {
			j := dest[i]
			ix.entries[i], ix.entries[j] = ix.entries[j], ix.entries[i]
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
	ix.markRuns()
	return ix
}

// Len returns the number of surface forms in the index.
func (ix *Index) Len() int { return len(ix.entries) }

// child returns the node that key number k leads to from node n.
func (ix *Index) child(n, k uint32) (uint32, bool) {
	switch {
	case k == 0:
		return 0, false // a key no name has
	case n == 0:
		c := ix.root[k]
		return c, c != 0
	}
	c, ok := ix.edges[uint64(n)<<32|uint64(k)]
	return c, ok
}

// nodeEntries returns node n's entries.
func (ix *Index) nodeEntries(n uint32) []Entry { return ix.entries[ix.at[n]:ix.at[n+1]] }

// Match is a run of tokens that spells one or more surface forms.
type Match struct {
	Start, End int      // token indices, half-open
	Entries    []*Entry // every entry whose form the run spells, case checked
}

// Find returns the leftmost-longest matches in toks: scanning left to
// right, at each token the longest run that spells a form wins, and the
// scan resumes after it. Runs never cross a line break.
func (ix *Index) Find(toks []Token) []Match { return ix.FindWith(nil, toks) }

// FindWith is [Index.Find] asking kf, ix's [Index.KeyFilter] (or nil),
// which keys the index lacks.
func (ix *Index) FindWith(kf *KeyFilter, toks []Token) []Match {
	return ix.AppendMatches(kf, nil, toks)
}

// AppendMatches is [Index.FindWith] appending the matches to out, for a
// caller that finds in many texts and reuses one slice.
//
// The key numbers of the tokens that start no name (most) are looked up
// by nextRoot in a loop of their own and not kept; those that a walk from
// an earlier token reaches are looked up again by longestAt, which hands
// back the number of the token after a failed start so that the scan does
// not look it up twice.
func (ix *Index) AppendMatches(kf *KeyFilter, out []Match, toks []Token) []Match {
	next := noKey // key number of toks[i], when longestAt found it
	for i := 0; ; {
		var k uint32
		if next != noKey && ix.root[next] != 0 {
			k = next
		} else {
			if next != noKey {
				i++ // toks[i] starts no name
			}
			i, k = kf.nextRoot(ix, toks, i)
		}
		if i >= len(toks) {
			return out
		}
		if n := ix.root[k]; kf != nil && ix.at[n] == ix.at[n+1] && i+1 < len(toks) && !toks[i+1].LineBreak {
			// A token that starts names but is none ("die" of "Die
			// Linke", a fifth of the tokens that start names): most are
			// followed by a word no edge of its node has, which fails
			// longestAt's walk at its first step; asked here, without
			// the call and its candidates (TestRunsMatchSlow holds the
			// two alike).
			k1 := ix.keyNumber(kf, toks[i+1].Key)
			if _, ok := kf.child(n, k1); k1 == 0 || !ok {
				i++
				next = k1
				continue
			}
		}
		m, ok, k1 := ix.longestAt(kf, toks, k, i)
		if !ok {
			i++
			next = k1
			continue
		}
		out = append(out, m)
		i = m.End
		next = noKey
	}
}

// noKey stands for a key number not looked up yet (key numbers are those
// of ix.keys, far below it).
const noKey = ^uint32(0)

// longestAt returns the longest match at toks[i], whose key number is k,
// and the key number of toks[i+1] when it looked it up (else noKey).
func (ix *Index) longestAt(kf *KeyFilter, toks []Token, k uint32, i int) (Match, bool, uint32) {
	type cand struct {
		end  uint32 // a token index: uint32 halves the buffer that each call zeroes
		node uint32
	}
	var buf [8]cand
	cands := buf[:0]
	k1 := noKey
	n, _ := ix.child(0, k)
	if ix.at[n] != ix.at[n+1] {
		cands = append(cands, cand{uint32(i + 1), n})
	}
	for j := i + 1; j < len(toks); j++ {
		if toks[j].LineBreak {
			break
		}
		kj := ix.keyNumber(kf, toks[j].Key)
		if j == i+1 {
			k1 = kj
		}
		var ok bool
		switch {
		case kf != nil && kj != 0:
			n, ok = kf.child(n, kj)
		default:
			n, ok = ix.child(n, kj)
		}
		if !ok {
			break
		}
		if ix.at[n] != ix.at[n+1] {
			cands = append(cands, cand{uint32(j + 1), n})
		}
	}
	for ci := len(cands) - 1; ci >= 0; ci-- { // longest first; not slices.Backward, whose iterator cost a tenth of longestAt
		c := cands[ci]
		end := int(c.end)
		span := toks[i:end]
		from, to := ix.at[c.node], ix.at[c.node+1]
		entries := ix.entries[from:to]
		var fit []*Entry
		all := true // every entry so far fits, and fit holds none of them yet
		for k := 0; k < len(entries); {
			// caseFits answers alike for a run (see markRuns): asked of
			// its first entry only, the loop steps a run at a time.
			e := &entries[k]
			end := k + 1
			if e.run != 0 {
				end = int(e.run - from)
			}
			switch ok := e.caseFits(span); {
			case ok && !all:
				for j := k; j < end; j++ {
					fit = append(fit, &entries[j])
				}
			case !ok && all:
				all = false
				fit = make([]*Entry, k, len(entries)-(end-k)) // one allocation, not append's doublings
				for j := range k {
					fit[j] = &entries[j]
				}
			}
			k = end
		}
		if all {
			if ix.ptrs != nil {
				// The node's own pointers, capped so that an append cannot
				// write into the next node's.
				fit = ix.ptrs[from:to:to]
			} else {
				fit = make([]*Entry, len(entries))
				for k := range entries {
					fit[k] = &entries[k]
				}
			}
		}
		if len(fit) > 0 {
			return Match{Start: i, End: end, Entries: fit}, true, k1
		}
	}
	return Match{}, false, k1
}

// Lookup returns the entries whose form the whole of name spells (through
// the same folding as matching), without any resolution: a bare surname
// returns every person who has it.
func (ix *Index) Lookup(name string) []*Entry {
	toks := Tokens(name)
	if len(toks) == 0 {
		return nil
	}
	var n uint32
	for _, t := range toks {
		var ok bool
		if n, ok = ix.child(n, ix.keys[t.Key]); !ok {
			return nil
		}
	}
	entries := ix.nodeEntries(n)
	out := make([]*Entry, 0, len(entries))
	for k := range entries {
		out = append(out, &entries[k])
	}
	return out
}
