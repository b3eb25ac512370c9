package gazetteer

import (
	"math/bits"
	"slices"
	"strings"
)

// formItem is one surface form to index, tokenised: its tokens are
// toks[from:to] of its batch.
type formItem struct {
	e        *Entity
	kind     Kind
	names    bool // one of e.Names (see builder.add)
	lang     string
	form     string
	from, to int
}

// formBatch is a batch of forms tokenised ahead of the builder.
type formBatch struct {
	items []formItem
	toks  []Token
}

// formBatchSize is the number of forms tokenised ahead at a time.
const formBatchSize = 1024

// scratchChunk is the size of the buffers the foldings and keys of the
// forms' tokens are written to: a new one now and then rather than one a
// form. The builder copies out what it keeps.
const scratchChunk = 64 << 10

// tokeniseForms tokenises the surface forms of entities, in the order
// in which compile adds them, and sends them in batches; it closes
// batches at the end. Batches come back through free for reuse. Which
// forms are added, and of which kind, is decided here, as compile did
// it in one loop before: the Unique forms of an entity, its Names (a
// person's one-token name is short, and skipped when it is unique), its
// Short forms and its Adjectives, each map's languages in order.
func tokeniseForms(entities []*Entity, batches chan<- *formBatch, free chan *formBatch) {
	defer close(batches)
	var (
		scratch strings.Builder
		langs   = make([]string, 0, 8)
		batch   = &formBatch{items: make([]formItem, 0, formBatchSize)}
	)
	tokens := func(form string) (from, to int) {
		// A form's foldings and keys take at most three times its
		// length (a folding may spell a letter out in two: "ß", "æ").
		if need := 4*len(form) + 16; scratch.Cap()-scratch.Len() < need {
			scratch = strings.Builder{}
			scratch.Grow(max(scratchChunk, need))
		}
		from = len(batch.toks)
		batch.toks = appendTokens(batch.toks, form, &scratch)
		return from, len(batch.toks)
	}
	push := func(it formItem) {
		batch.items = append(batch.items, it)
		if len(batch.items) < formBatchSize {
			return
		}
		batches <- batch
		select {
		case batch = <-free:
			batch.items, batch.toks = batch.items[:0], batch.toks[:0]
		default:
			batch = &formBatch{items: make([]formItem, 0, formBatchSize), toks: make([]Token, 0, cap(batch.toks))}
		}
	}
	for _, e := range entities {
		var unique map[string]bool
		for _, u := range e.Unique {
			if unique == nil {
				unique = make(map[string]bool, len(e.Unique))
			}
			unique[Fold(u)] = true
			from, to := tokens(u)
			push(formItem{e: e, kind: KindName, form: u, from: from, to: to})
		}
		for _, lang := range appendSortedKeys(langs[:0], e.Names) {
			for _, form := range e.Names[lang] {
				kind := KindName
				from, to := tokens(form)
				if e.Type == TypePerson && to-from == 1 {
					if unique[Fold(form)] {
						batch.toks = batch.toks[:from]
						continue // already indexed as unique
					}
					kind = KindShort
				}
				push(formItem{e: e, kind: kind, names: true, lang: lang, form: form, from: from, to: to})
			}
		}
		for _, lang := range appendSortedKeys(langs[:0], e.Short) {
			for _, form := range e.Short[lang] {
				from, to := tokens(form)
				push(formItem{e: e, kind: KindShort, lang: lang, form: form, from: from, to: to})
			}
		}
		for _, lang := range appendSortedKeys(langs[:0], e.Adjectives) {
			for _, form := range e.Adjectives[lang] {
				from, to := tokens(form)
				push(formItem{e: e, kind: KindAdjective, lang: lang, form: form, from: from, to: to})
			}
		}
	}
	if len(batch.items) > 0 {
		batches <- batch
	}
}

// nameWordSet is a set of key numbers of an index.
type nameWordSet []uint64

func (s *nameWordSet) add(k uint32) {
	for int(k>>6) >= len(*s) {
		*s = append(*s, 0)
	}
	(*s)[k>>6] |= 1 << (k & 63)
}

func (s nameWordSet) has(k uint32) bool {
	return int(k>>6) < len(s) && s[k>>6]&(1<<(k&63)) != 0
}

func (s nameWordSet) len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// NameWords returns the Keys of the capitalised tokens of the persons'
// names ([Entity.Names]) of more than one token: the words that the role
// patterns take for parts of names whatever their ending ("Sophie",
// "Dominik").
//
// When [Load] or [OverDefault] returned entities, the index it builds
// ahead of [Compile] meets these words on the way, and NameWords waits
// for it rather than tokenise a million names a second time; otherwise
// it tokenises the names.
func NameWords(entities []*Entity) map[string]bool {
	if len(entities) > 0 {
		ahead.Lock()
		pending, done := ahead.entities, ahead.done
		ahead.Unlock()
		if done != nil && slices.Equal(pending, entities) {
			<-done
			ahead.Lock()
			ix, words := ahead.ix, ahead.words
			ahead.Unlock()
			if ix != nil {
				return words.keys(ix)
			}
		}
	}
	return nameWordsOf(entities)
}

// keys returns the keys of the index whose numbers are in s.
func (s nameWordSet) keys(ix *Index) map[string]bool {
	out := make(map[string]bool, s.len())
	for key, k := range ix.keys {
		if s.has(k) {
			out[key] = true
		}
	}
	return out
}

// nameWordsOf is NameWords tokenising the names.
func nameWordsOf(entities []*Entity) map[string]bool {
	words := map[string]bool{}
	for _, e := range entities {
		if e.Type != TypePerson {
			continue
		}
		for _, forms := range e.Names {
			for _, f := range forms {
				if toks := Tokens(f); len(toks) > 1 {
					for _, t := range toks {
						if t.Shape == ShapeCap {
							words[t.Key] = true
						}
					}
				}
			}
		}
	}
	return words
}
