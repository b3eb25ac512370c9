package roles

import (
	"strings"

	"github.com/gazex/gazex/gazetteer"
)

// A German body is named in whatever case its sentence needs: "das
// Bundesamt für Strahlenschutz", "ein Sprecher des Bundesamtes für
// Strahlenschutz", "nach Angaben der Europäischen Arzneimittelbehörde".
// Within a document the forms are one entity (their keys are stemmed);
// its name, and the id made from it, come from its first mention, so a
// document that first names it in the genitive would give the same body
// another id than one that names it in the nominative. nominative gives
// the name as it stands after the definite article in the nominative: the
// head noun without its genitive ending (the one the body lexicon's head
// needed to match: "Bundesamtes" → "Bundesamt", "Komitees" → "Komitee"),
// and the adjectives before it in their weak form ("Europäischen" →
// "Europäische", "Olympischen Komitees" → "Olympische Komitee"); the
// complement after the head keeps its own case ("für Bildung und
// Forschung", "des Kreises Heinsberg"). A strong adjective ("Europäischer
// Rat") is left as written: without the article it may be the nominative.

// nominative returns the name of the German body candidate c, whose text
// is name.
func (d *doc) nominative(lx *lexicon, c candidate, name string) string {
	if !lx.inflect || c.typ != gazetteer.TypeOrganization || c.trimEnd > 0 {
		return name
	}
	head := -1
	for k := c.name.Start; k < c.name.End; k++ {
		if _, _, ok := d.bodyAt(lx, k); ok {
			head = k
			break
		}
		if t := &d.toks[k]; isWord(t) && !adjectival(t.Fold) {
			return name // a word before the head that no adjective is: not ours to judge
		}
	}
	if head < 0 {
		return name
	}
	base := d.toks[c.name.Start].Start
	var b strings.Builder
	b.Grow(len(name))
	last := base
	for k := c.name.Start; k <= head; k++ {
		t := &d.toks[k]
		cut := 0
		switch {
		case k == head:
			cut = headEnding(lx, t.Fold)
		case isWord(t) && strings.HasSuffix(t.Fold, "en"):
			cut = 1 // "Europäischen" → "Europäische"
		}
		b.WriteString(d.text[last : t.End-cut])
		last = t.End
	}
	b.WriteString(name[last-base:])
	return b.String()
}

// headEnding is how many bytes of the folded head noun are its genitive
// ending: 0 when a head of the body lexicon ends the word as it is, else 1
// ("s") or 2 ("es"), whichever lets one end it.
func headEnding(lx *lexicon, fold string) int {
	for cut, v := range [3]string{fold, strings.TrimSuffix(fold, "s"), strings.TrimSuffix(fold, "es")} {
		if cut > 0 && len(v) == len(fold) {
			continue
		}
		if lx.bodyIx.first(lx.bodyHeads, v, len(lx.bodyHeads)) >= 0 {
			return len(fold) - len(v)
		}
	}
	return 0
}
