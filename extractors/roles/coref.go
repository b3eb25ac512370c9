package roles

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// mergeSurnames folds a person found by a surname alone ("Präsident
// Putin") into one found by a fuller name in the same text ("Wladimir
// Putin"): the surname's mentions become coreferences of the full name.
// It returns the entities kept and, beside each, its shortForms (nil for
// an organisation): each person's name is tokenised once, not once for
// every other person and again for coref.
func (d *doc) mergeSurnames(found []*Entity) ([]*Entity, [][][]string) {
	forms := make([][][]string, len(found))
	for i, e := range found {
		if e.Type == gazetteer.TypePerson {
			forms[i] = d.shortForms(e)
		}
	}
	out := found[:0:0]
	var outForms [][][]string
	for i, e := range found {
		if e.Type != gazetteer.TypePerson || len(forms[i][0]) != 1 {
			out, outForms = append(out, e), append(outForms, forms[i])
			continue
		}
		key := forms[i][0][0]
		var full *Entity
		for j, f := range found {
			if f == e || f.Type != gazetteer.TypePerson {
				continue
			}
			if slices.ContainsFunc(forms[j][1:], func(form []string) bool { return len(form) == 1 && form[0] == key }) {
				full = f
				break
			}
		}
		if full == nil {
			out, outForms = append(out, e), append(outForms, forms[i])
			continue
		}
		for _, m := range e.Mentions {
			full.Mentions = append(full.Mentions, Mention{Start: m.Start, End: m.End, Match: MatchCoref})
		}
		if full.RoleText == "" {
			full.RoleText, full.Role = e.RoleText, e.Role
		}
		if full.Country == "" {
			full.Country = e.Country
		}
	}
	return out, outForms
}

// nameKeys returns the index keys of the words of e's first mention.
func (d *doc) nameKeys(e *Entity) []string {
	var keys []string
	for _, t := range gazetteer.Tokens(e.Name) {
		if t.IsWord() {
			keys = append(keys, t.Key)
		}
	}
	return keys
}

// shortForms returns the forms by which a person is named again: the full
// name first, then its short forms.
func (d *doc) shortForms(e *Entity) [][]string {
	keys := d.nameKeys(e)
	forms := [][]string{keys}
	var first string
	if toks := gazetteer.Tokens(e.Name); len(toks) > 0 {
		first = toks[0].Fold
	}
	switch {
	case len(keys) >= 2 && d.x.familyFirst[first]:
		forms = append(forms, keys[:1])
	case len(keys) >= 3:
		forms = append(forms, keys[len(keys)-2:], keys[len(keys)-1:])
	case len(keys) == 2:
		forms = append(forms, keys[1:])
	}
	return forms
}

// coref adds the later mentions of a discovered person: the full name
// again, and the short forms news use for it — the surname ("Perdomo"),
// the last two words of a longer name ("López Miera"), or a leading
// family name ("Dong" of "Dong Jun"). A short form counts only as a word
// of its own: not inside a longer run of name words, which names someone
// else.
//
// forms are e's shortForms. Only a capitalised token the tagger left
// alone may begin a mention, and only one whose Key is the first of a
// form (spells compares it first): the loop visits the list of such
// tokens, built once per document (capKeys), and calls spells only where
// a token's fingerprint is a form's. TestCorefMatchesScan holds it to the
// loop over every token (corefScan).
func (d *doc) coref(e *Entity, forms [][]string) {
	if len(forms[0]) == 0 {
		return
	}
	single := len(forms) == 1 && len(forms[0]) == 1
	// The prints of the forms' first keys (shortForms gives at most
	// three forms; a missing one repeats the first), compared with each
	// token's before anything else is read.
	var prints [3]uint32
	for fi := range prints {
		prints[fi] = keyPrint(forms[min(fi, len(forms)-1)][0])
	}
	p0, p1, p2 := prints[0], prints[1], prints[2]
	caps := d.capKeys()
	for ci := 0; ci < len(caps); ci++ {
		if p := caps[ci].print; p != p0 && p != p1 && p != p2 {
			continue
		}
		k := int(caps[ci].tok)
		if d.claimed[k] {
			continue
		}
		for fi, f := range forms {
			if prints[fi] != caps[ci].print {
				continue
			}
			end, ok := d.spells(k, f)
			if !ok || !d.corefAt(e, k, end, fi, single) {
				continue
			}
			for ci+1 < len(caps) && int(caps[ci+1].tok) < end {
				ci++
			}
			break
		}
	}
}

// corefAt adds the mention of form fi of e that spells found at [k, end),
// unless it is part of a longer run of name words; it reports whether it
// did.
func (d *doc) corefAt(e *Entity, k, end, fi int, single bool) bool {
	t := &d.toks[k]
	if (fi > 0 || single) && !d.alone(k, end) && !(single && d.firstName(k-1)) {
		return false
	}
	start := k
	if single && k > 0 && d.same(k-1, k) && !t.LineBreak && d.firstName(k-1) {
		// "Donald Trump" after "US-Staatschef Trump": the fuller
		// form names the entity.
		start = k - 1
		if full := d.text[d.toks[start].Start:d.toks[end-1].End]; len(full) > len(e.Name) {
			e.Name = full
		}
	}
	e.Mentions = append(e.Mentions, Mention{Start: d.toks[start].Start, End: d.toks[end-1].End, Match: MatchCoref})
	d.claimed[start] = true
	for j := k; j < end; j++ {
		d.claimed[j] = true
	}
	return true
}

// capKey is a token that may begin a coreference (capitalised, not
// tagged) and the keyPrint of its Key.
type capKey struct {
	tok   int32
	print uint32
}

// capKeys returns the tokens that may begin a coreference, in text
// order, found on the first call for the document: a list of a few
// bytes per capitalised word that every person's coref runs through,
// instead of every token's 56 bytes once per person.
func (d *doc) capKeys() []capKey {
	if d.capsDone {
		return d.caps
	}
	d.capsDone = true
	caps := d.caps[:0]
	toks := d.toks
	tagged := d.tagged[:len(toks)] // (locals: append does not make the loop reload d's fields)
	for k := range toks {
		if toks[k].Shape == gazetteer.ShapeCap && tagged[k] == nil {
			caps = append(caps, capKey{int32(k), keyPrint(toks[k].Key)})
		}
	}
	d.caps = caps
	return caps
}

// keyPrint is a fingerprint of a key: equal keys have equal prints, and
// most unequal ones differ in their length or their first, middle or
// last byte. No loop: it is taken of every capitalised word.
func keyPrint(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	return uint32(n)<<24 ^ uint32(s[0])<<16 ^ uint32(s[n/2])<<8 ^ uint32(s[n-1])
}

// spells reports whether the words from token k on have the keys, with
// glued hyphens between them ("Díaz-Canel"), and the index after them.
func (d *doc) spells(k int, keys []string) (int, bool) {
	j := k
	for i, key := range keys {
		if i > 0 && j < len(d.toks) && d.glued(j) {
			j++
		}
		if j >= len(d.toks) || d.toks[j].Key != key || d.toks[j].Shape != gazetteer.ShapeCap || d.tagged[j] != nil || d.claimed[j] {
			return 0, false
		}
		if i > 0 && (d.toks[j].LineBreak || !d.same(k, j)) {
			return 0, false
		}
		j++
	}
	return j, true
}

// alone reports whether the short form [k, end) is not part of a longer
// run of name words.
func (d *doc) alone(k, end int) bool {
	lx := d.lexAt(k)
	if lx == nil {
		return true
	}
	genitive := lx.lang == "de" && strings.HasSuffix(d.toks[end-1].Fold, "s") // "Patrushevs Büro"
	if !genitive && end < len(d.toks) && d.same(k, end) && !d.toks[end].LineBreak && d.nameTok(lx, end) && d.toks[end].Start > d.toks[end-1].End {
		return false
	}
	if k > 0 && d.same(k-1, k) && !d.toks[k].LineBreak && d.nameTok(lx, k-1) {
		return false
	}
	return true
}

// firstName reports whether token k may be the first name before a
// surname: a capitalised name word, untagged, unclaimed.
func (d *doc) firstName(k int) bool {
	if k < 0 || d.tagged[k] != nil || d.claimed[k] {
		return false
	}
	lx := d.lexAt(k)
	return lx != nil && isWord(&d.toks[k]) && d.nameTok(lx, k) && d.toks[k+1].Start > d.toks[k].End
}

// printFilter is a set of keys as one bit of each key's keyPrint, for
// the maps looked up by a token's Key: a key whose bit is clear is in
// none of them, without hashing it. (keyPrint reads four bytes of the key,
// no loop.)
type printFilter struct {
	bits [1 << printBits / 64]uint64
}

const printBits = 16

func printBit(key string) uint32 { return keyPrint(key) * 0x9E3779B1 >> (32 - printBits) }

func (pf *printFilter) add(key string) {
	h := printBit(key)
	pf.bits[h/64] |= 1 << (h % 64)
}

// may reports whether key may have been added.
func (pf *printFilter) may(key string) bool {
	h := printBit(key)
	return pf.bits[h/64]&(1<<(h%64)) != 0
}
