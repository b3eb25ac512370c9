package gazetteer

import (
	"slices"
	"sort"
	"strings"
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
	Lang      string // "de", "es", "en", or "" for forms of every language (Unique, FollowTheMoney names)
	Form      string // as written in the gazetteer
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

// foldAt returns the [Fold] of the form's i-th token.
func (e *Entry) foldAt(i int) string {
	f := e.folds
	for ; i > 0; i-- {
		j := strings.IndexByte(f, ' ')
		if j < 0 {
			return ""
		}
		f = f[j+1:]
	}
	if j := strings.IndexByte(f, ' '); j >= 0 {
		return f[:j]
	}
	return f
}

// Canonical reports whether the matched text is the entity's canonical name.
func (e *Entry) Canonical() bool { return e.canonical }

// Exact reports whether toks, the tokens a match covered, spell the form
// exactly up to case and diacritics; false means the match went through
// transliteration or an inflectional ending.
func (e *Entry) Exact(toks []Token) bool {
	rest := e.folds
	for i, t := range toks {
		if i > 0 {
			if rest == "" || rest[0] != ' ' {
				return false
			}
			rest = rest[1:]
		}
		if !strings.HasPrefix(rest, t.Fold) {
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
// "links" are not names.
func (e *Entry) caseFits(toks []Token) bool {
	strict := e.Entity.Type == TypePerson || e.Entity.Type == TypeCountry ||
		(len(toks) == 1 && (e.Kind == KindName || e.Lang == "de"))
	for i, t := range toks {
		switch e.shape(i) {
		case ShapeUpper:
			if t.Shape != ShapeUpper || t.Fold != e.foldAt(i) {
				return false
			}
		case ShapeCap:
			if strict && e.Kind != KindAdjective && t.Shape == ShapeOther {
				return false
			}
		}
	}
	return true
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
}

// builder holds what only Compile needs.
type builder struct {
	ix    *Index
	first []uint32 // per node: 1 + index of its first entry, 0 when none
	next  []uint32 // per entry: 1 + index of the node's next entry, 0 at the end

	entity   *Entity // the entity whose forms are being added
	nameFold string  // its Name's [Fold]
	toks     []Token // reused by tokens
	langs    []string
	keyText  strArena // the text of the token keys, copied out of the forms' buffers
}

// tokens returns the tokens of form in a buffer that the next call
// reuses: a million forms need not allocate a million token slices.
func (b *builder) tokens(form string) []Token {
	b.toks = AppendTokens(b.toks[:0], form)
	return b.toks
}

// Compile builds the index of every surface form of the entities.
func Compile(entities []*Entity) *Index {
	forms := 0
	for _, e := range entities {
		forms += len(e.Unique) + countForms(e.Names) + countForms(e.Short) + countForms(e.Adjectives)
	}
	b := &builder{
		ix: &Index{
			keys:    make(map[string]uint32, forms/2),
			root:    make([]uint32, 1, forms/2+1),
			edges:   make(map[uint64]uint32),
			nodes:   1,
			entries: make([]Entry, 0, forms),
		},
		first: make([]uint32, 1, forms*2+1),
		langs: make([]string, 0, 8),
		next:  make([]uint32, 0, forms),
	}
	for _, e := range entities {
		var unique map[string]bool
		for _, u := range e.Unique {
			if unique == nil {
				unique = make(map[string]bool, len(e.Unique))
			}
			unique[Fold(u)] = true
			b.add(e, KindName, "", u, b.tokens(u))
		}
		for _, lang := range appendSortedKeys(b.langs[:0], e.Names) {
			for _, form := range e.Names[lang] {
				kind := KindName
				toks := b.tokens(form)
				if e.Type == TypePerson && len(toks) == 1 {
					if unique[Fold(form)] {
						continue // already indexed as unique
					}
					kind = KindShort
				}
				b.add(e, kind, lang, form, toks)
			}
		}
		for _, lang := range appendSortedKeys(b.langs[:0], e.Short) {
			for _, form := range e.Short[lang] {
				b.add(e, KindShort, lang, form, b.tokens(form))
			}
		}
		for _, lang := range appendSortedKeys(b.langs[:0], e.Adjectives) {
			for _, form := range e.Adjectives[lang] {
				b.add(e, KindAdjective, lang, form, b.tokens(form))
			}
		}
	}
	return b.finish()
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

// add indexes form, which toks are the tokens of.
func (b *builder) add(e *Entity, kind Kind, lang, form string, toks []Token) {
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
	folds := toks[0].Fold
	if len(toks) > 1 {
		var sb strings.Builder
		sb.Grow(size)
		for i, t := range toks {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(t.Fold)
		}
		folds = sb.String()
	}
	if b.entity != e {
		b.entity, b.nameFold = e, Fold(e.Name)
	}
	fold := Fold(form)
	entry := Entry{Entity: e, Kind: kind, Lang: lang, Form: form, folds: folds, shapes: shapes}
	entry.canonical = fold == b.nameFold
	last := &b.first[n]
	for p := *last; p != 0; p = b.next[p-1] {
		old := &ix.entries[p-1]
		if old.Entity == e && old.Kind == kind && Fold(old.Form) == fold {
			return // the same form listed under two languages
		}
		last = &b.next[p-1]
	}
	ix.entries = append(ix.entries, entry)
	b.next = append(b.next, 0)
	*last = uint32(len(ix.entries))
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
func (ix *Index) Find(toks []Token) []Match {
	keys := make([]uint32, len(toks))
	for i, t := range toks {
		keys[i] = ix.keys[t.Key]
	}
	var out []Match
	for i := 0; i < len(toks); {
		if ix.root[keys[i]] == 0 {
			i++ // no name starts with this token: the common case
			continue
		}
		m, ok := ix.longestAt(toks, keys, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

func (ix *Index) longestAt(toks []Token, keys []uint32, i int) (Match, bool) {
	type cand struct {
		end  int
		node uint32
	}
	var buf [8]cand
	cands := buf[:0]
	var n uint32
	for j := i; j < len(toks); j++ {
		if j > i && toks[j].LineBreak {
			break
		}
		var ok bool
		if n, ok = ix.child(n, keys[j]); !ok {
			break
		}
		if ix.at[n] != ix.at[n+1] {
			cands = append(cands, cand{j + 1, n})
		}
	}
	for _, c := range slices.Backward(cands) {
		var fit []*Entry
		entries := ix.nodeEntries(c.node)
		for k := range entries {
			if e := &entries[k]; e.caseFits(toks[i:c.end]) {
				if fit == nil {
					fit = make([]*Entry, 0, len(entries)-k) // one allocation, not append's doublings
				}
				fit = append(fit, e)
			}
		}
		if len(fit) > 0 {
			return Match{Start: i, End: c.end, Entries: fit}, true
		}
	}
	return Match{}, false
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
