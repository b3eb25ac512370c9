package gazetteer

import (
	"slices"
	"sort"
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
	Lang   string // "de", "es", "en", or "" for forms of every language (Unique)
	Form   string // as written in the gazetteer
	folds  []string
	shapes []Shape
}

// Canonical reports whether the matched text is the entity's canonical name.
func (e *Entry) Canonical() bool { return Fold(e.Form) == Fold(e.Entity.Name) }

// Exact reports whether toks, the tokens a match covered, spell the form
// exactly up to case and diacritics; false means the match went through
// transliteration or an inflectional ending.
func (e *Entry) Exact(toks []Token) bool {
	if len(toks) != len(e.folds) {
		return false
	}
	for i, t := range toks {
		if t.Fold != e.folds[i] {
			return false
		}
	}
	return true
}

// caseFits reports whether the text's letter case fits the form: an
// all-caps acronym ("FAR", "EFE", "AP") matches only all-caps text, and a
// capitalised person or country name matches only capitalised text, so
// "far", "rice" and the Spanish adjective "china" are not names.
func (e *Entry) caseFits(toks []Token) bool {
	strict := e.Entity.Type == TypePerson || e.Entity.Type == TypeCountry
	for i, t := range toks {
		switch e.shapes[i] {
		case ShapeUpper:
			if t.Shape != ShapeUpper {
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

type node struct {
	next    map[string]*node
	entries []*Entry
}

// Index finds the surface forms of a set of entities in tokenised text.
// It is a trie over token keys (see [Key]): matching costs one map lookup
// per token and candidate length, whatever the number of names. An Index
// is immutable and safe for concurrent use.
type Index struct {
	root    node
	entries int
}

// Compile builds the index of every surface form of the entities.
func Compile(entities []*Entity) *Index {
	ix := &Index{}
	for _, e := range entities {
		unique := make(map[string]bool, len(e.Unique))
		for _, u := range e.Unique {
			unique[Fold(u)] = true
			ix.add(e, KindName, "", u)
		}
		for _, lang := range sortedKeys(e.Names) {
			for _, form := range e.Names[lang] {
				kind := KindName
				if e.Type == TypePerson && len(Tokens(form)) == 1 {
					if unique[Fold(form)] {
						continue // already indexed as unique
					}
					kind = KindShort
				}
				ix.add(e, kind, lang, form)
			}
		}
		for _, lang := range sortedKeys(e.Short) {
			for _, form := range e.Short[lang] {
				ix.add(e, KindShort, lang, form)
			}
		}
		for _, lang := range sortedKeys(e.Adjectives) {
			for _, form := range e.Adjectives[lang] {
				ix.add(e, KindAdjective, lang, form)
			}
		}
	}
	return ix
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (ix *Index) add(e *Entity, kind Kind, lang, form string) {
	toks := Tokens(form)
	if len(toks) == 0 || (len(toks) == 1 && len([]rune(toks[0].Fold)) < 2) {
		return // a one-letter name ("O") would match everywhere
	}
	n := &ix.root
	for _, t := range toks {
		child := n.next[t.Key]
		if child == nil {
			if n.next == nil {
				n.next = make(map[string]*node)
			}
			child = &node{}
			n.next[t.Key] = child
		}
		n = child
	}
	for _, old := range n.entries {
		if old.Entity == e && old.Kind == kind && Fold(old.Form) == Fold(form) {
			return // the same form listed under two languages
		}
	}
	entry := &Entry{Entity: e, Kind: kind, Lang: lang, Form: form}
	for _, t := range toks {
		entry.folds = append(entry.folds, t.Fold)
		entry.shapes = append(entry.shapes, t.Shape)
	}
	n.entries = append(n.entries, entry)
	ix.entries++
}

// Len returns the number of surface forms in the index.
func (ix *Index) Len() int { return ix.entries }

// Match is a run of tokens that spells one or more surface forms.
type Match struct {
	Start, End int      // token indices, half-open
	Entries    []*Entry // every entry whose form the run spells, case checked
}

// Find returns the leftmost-longest matches in toks: scanning left to
// right, at each token the longest run that spells a form wins, and the
// scan resumes after it. Runs never cross a line break.
func (ix *Index) Find(toks []Token) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		m, ok := ix.longestAt(toks, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

func (ix *Index) longestAt(toks []Token, i int) (Match, bool) {
	type cand struct {
		end   int
		entry []*Entry
	}
	var cands []cand
	n := &ix.root
	for j := i; j < len(toks); j++ {
		if j > i && toks[j].LineBreak {
			break
		}
		n = n.next[toks[j].Key]
		if n == nil {
			break
		}
		if len(n.entries) > 0 {
			cands = append(cands, cand{j + 1, n.entries})
		}
	}
	for _, c := range slices.Backward(cands) {
		var fit []*Entry
		for _, e := range c.entry {
			if e.caseFits(toks[i:c.end]) {
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
	n := &ix.root
	for _, t := range toks {
		if n = n.next[t.Key]; n == nil {
			return nil
		}
	}
	return slices.Clone(n.entries)
}
