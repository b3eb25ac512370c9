package roles

import (
	"slices"
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// Link is an official of the gazetteer that a title named by another form
// of the name than the gazetteer lists: "British Foreign Secretary
// Elizabeth Truss" for Liz Truss, "der britische Verteidigungsminister
// Benjamin Wallace" for Ben Wallace (see holder).
type Link struct {
	Entity   *gazetteer.Entity
	Mentions []Mention // MatchPattern next to the title, MatchCoref after
}

// holder is one surname of a person of the gazetteer who holds or held a
// dated position.
type holder struct {
	e       *gazetteer.Entity
	surname []string // the Folds of the surname's words
}

// holderIndex returns the surnames of the gazetteer's persons with
// positions, by the Fold of the surname's last word. A surname is a listed
// form that ends a longer listed form of the same person after a space:
// "Truss" of "Liz Truss", "López Obrador" of "Andrés Manuel López
// Obrador"; the words before it are the first names the text may spell
// otherwise. The forms are compared as listed (the languages repeat most
// of them) and only the surnames are tokenised: the index is built on
// the first role that asks (holders), and most of a gazetteer's forms
// are full names.
func holderIndex(entities []*gazetteer.Entity) map[string][]holder {
	out := map[string][]holder{}
	var forms []string
	for _, e := range entities {
		if e.Type != gazetteer.TypePerson || len(e.Positions) == 0 {
			continue
		}
		forms = forms[:0]
		for _, fs := range e.Names {
			for _, f := range fs {
				if !slices.Contains(forms, f) {
					forms = append(forms, f)
				}
			}
		}
		for _, f := range forms {
			if !slices.ContainsFunc(forms, func(g string) bool { return len(g) > len(f)+1 && g[len(g)-len(f)-1] == ' ' && strings.HasSuffix(g, f) }) {
				continue
			}
			var w []string
			for _, t := range gazetteer.Tokens(f) {
				if t.IsWord() {
					w = append(w, t.Fold)
				}
			}
			if len(w) == 0 || slices.ContainsFunc(out[w[len(w)-1]], func(h holder) bool { return h.e == e && slices.Equal(h.surname, w) }) {
				continue
			}
			last := w[len(w)-1]
			out[last] = append(out[last], holder{e, w})
		}
	}
	return out
}

// holders returns the index of holderIndex, built once, on first use.
func (x *Extractor) holders() map[string][]holder {
	x.holdersOnce.Do(func() { x.holderMap = holderIndex(x.people) })
	return x.holderMap
}

// holder returns the official of the gazetteer whom a title names with a
// first name the gazetteer does not list: the title names an office of a
// country ("British Foreign Secretary", "der US-Präsident", "el canciller
// mexicano": the role and its nationality or country), the name after it
// ends with the surname of the person who held that office of that
// country on the document's date, and has a first name (or initial)
// before it. "Elizabeth Truss" after "British Foreign Secretary" on
// 2022-04-29 is Liz Truss; "Mary Truss", without the title, is nobody the
// gazetteer knows (the tagger's fuzzy first names allow one edit of a
// listed first name, "Dimtri Peskow", no more).
//
// Strict by design: the surname must be spelt as listed (folded), the
// country must be the text's, the date inside the term, and exactly one
// person must answer. A title without a country, or a document without a
// date, links nobody.
func (d *doc) holder(c *candidate, span Span) *gazetteer.Entity {
	if c.typ != gazetteer.TypePerson || c.country == "" || c.roleText == "" || d.date.IsZero() {
		return nil
	}
	last := lastWord(d.toks, span.Start, span.End)
	if last < span.Start {
		return nil
	}
	hs := d.x.holders()[d.toks[last].Fold]
	if len(hs) == 0 {
		return nil
	}
	var name []string
	for k := span.Start; k < span.End; k++ {
		if isWord(&d.toks[k]) {
			name = append(name, d.toks[k].Fold)
		}
	}
	if len(name) < 2 {
		return nil
	}
	role := gazetteer.Fold(c.roleText)
	var hit *gazetteer.Entity
	for _, h := range hs {
		if h.e == hit || h.e.Country != c.country || len(h.surname) >= len(name) || !slices.Equal(name[len(name)-len(h.surname):], h.surname) {
			continue
		}
		if !slices.ContainsFunc(h.e.Positions, func(p gazetteer.Position) bool {
			return p.Covers(d.date) && gazetteer.NamesOffice(role, gazetteer.Fold(p.Title))
		}) {
			continue
		}
		if hit != nil {
			return nil // two holders of the office share the surname
		}
		hit = h.e
	}
	return hit
}

// link sets c.linked to the holder its title names (see holder), by its
// name or, when prose cut the first name off ("Truss" of "Elizabeth
// Truss"), by the whole name, which then becomes c's. It reports whether
// it found one.
func (d *doc) link(c *candidate) bool {
	if h := d.holder(c, c.name); h != nil {
		c.linked = h
		return true
	}
	if c.wide.End > c.wide.Start && !d.anyTagged(c.wide) && !d.anyClaimed(c.wide) {
		if h := d.holder(c, c.wide); h != nil {
			c.linked, c.name = h, c.wide
			if c.roleToks.End > c.wide.Start {
				// The role had taken the words prose cut off: it ends
				// before the name again.
				c.roleToks.End = lastWord(d.toks, c.roleToks.Start, c.wide.Start) + 1
				c.role.End = d.toks[c.roleToks.End-1].End
				c.roleText = d.text[c.role.Start:c.role.End]
			}
			return true
		}
	}
	return false
}

// holderSurname reports whether the word of token k is the last word of a
// surname of the gazetteer's office holders.
func (d *doc) holderSurname(k int) bool {
	return len(d.x.holders()[d.toks[k].Fold]) > 0
}
