package roles

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// mergeSurnames folds a person found by a surname alone ("Präsident
// Putin") into one found by a fuller name in the same text ("Wladimir
// Putin"): the surname's mentions become coreferences of the full name.
func (d *doc) mergeSurnames(found []*Entity) []*Entity {
	out := found[:0:0]
	for _, e := range found {
		if e.Type != gazetteer.TypePerson || len(d.nameKeys(e)) != 1 {
			out = append(out, e)
			continue
		}
		key := d.nameKeys(e)[0]
		var full *Entity
		for _, f := range found {
			if f == e || f.Type != gazetteer.TypePerson {
				continue
			}
			if slices.ContainsFunc(d.shortForms(f)[1:], func(form []string) bool { return len(form) == 1 && form[0] == key }) {
				full = f
				break
			}
		}
		if full == nil {
			out = append(out, e)
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
	return out
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
func (d *doc) coref(e *Entity) {
	forms := d.shortForms(e)
	if len(forms[0]) == 0 {
		return
	}
	single := len(forms) == 1 && len(forms[0]) == 1
	for k := 0; k < len(d.toks); k++ {
		t := &d.toks[k]
		if d.tagged[k] != nil || d.claimed[k] || t.Shape != gazetteer.ShapeCap {
			continue
		}
		for fi, f := range forms {
			end, ok := d.spells(k, f)
			if !ok {
				continue
			}
			if (fi > 0 || single) && !d.alone(k, end) && !(single && d.firstName(k-1)) {
				continue
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
			k = end - 1
			break
		}
	}
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
