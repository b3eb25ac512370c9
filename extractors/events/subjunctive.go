package events

import (
	"slices"
	"strings"
)

// Spanish reports an earlier act in the imperfect subjunctive after a
// conjunction of anteriority: "después de que México concediera asilo a
// …", "luego de que el ministro renunciara", "tras que Rusia expulsara a
// dos diplomáticos". The form is the third person plural of the preterite
// with "-ron" made "-ra" ("concedieron" → "concediera", "expulsaron" →
// "expulsara"), and the lexicon's verbs have that plural: each gives its
// subjunctive, singular and plural. Elsewhere the subjunctive is no fact
// ("pidió que Rusia expulsara …", "para que firmara", "si firmara"), so
// the derived forms count only after "después de que", "luego de que",
// "tras que", "una vez que", "desde que".

// subjunctiveEntries returns, for the Spanish trigger entries, entries of
// their imperfect subjunctives, marked anterior; a form some pattern of
// the lexicon already spells is left to it.
func subjunctiveEntries(entries []*entry) []*entry {
	spelt := map[string]bool{}
	for _, e := range entries {
		for _, seq := range e.patterns {
			spelt[strings.TrimSuffix(seq[0], umlautMark)] = true
		}
	}
	var out []*entry
	for _, e := range entries {
		if e.kind != kindTrigger && e.kind != kindNeedsObject {
			continue
		}
		d := entry{kind: e.kind, name: e.name, value: e.value, cue: e.cue, rule: e.rule + ".subjuntivo", topic: -1, anterior: true}
		for _, seq := range e.patterns {
			stem, ok := strings.CutSuffix(seq[0], "ron")
			if !ok || !strings.HasSuffix(stem, "a") && !strings.HasSuffix(stem, "ie") && !strings.HasSuffix(stem, "e") {
				continue // not a preterite plural ("-aron", "-ieron", "-eron")
			}
			for _, form := range []string{stem + "ra", stem + "ran"} {
				if spelt[form] {
					continue
				}
				spelt[form] = true
				s := append([]string{form}, seq[1:]...)
				d.patterns = append(d.patterns, s)
				d.compiled = append(d.compiled, compile(s))
				d.gapped = append(d.gapped, slices.Contains(s, "..."))
				if len(s) == 1 {
					d.single = append(d.single, oneWord{rawPword(s[0]), false})
				}
			}
		}
		if len(d.patterns) > 0 {
			out = append(out, &d)
		}
	}
	return out
}

// anteriorConjunctions end with the "que" that opens the clause of an
// earlier act.
var anteriorConjunctions = [][]string{{"despues", "de", "que"}, {"luego", "de", "que"}, {"tras", "que"}, {"una", "vez", "que"}, {"desde", "que"}}

// afterAnteriority reports whether the nearest "que" before the trigger,
// in its sentence, ends a conjunction of anteriority.
func afterAnteriority(ws []word, tr hit) bool {
	q := -1
	for k := tr.i - 1; k >= 0; k-- {
		if ws[k].fold == "que" {
			q = k
			break
		}
	}
	if q < 0 {
		return false
	}
	for _, c := range anteriorConjunctions {
		from := q + 1 - len(c)
		if from < 0 {
			continue
		}
		match := true
		for j, w := range c {
			if ws[from+j].fold != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
