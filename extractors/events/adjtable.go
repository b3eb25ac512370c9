package events

import "github.com/gazex/gazex/gazetteer"

// adjTable is Extractor.adjective as an open-addressing table placed by
// wordHash, for the look-up of a word whose first bytes start an
// adjective (one word in seven of a German text): a Go map hashed the
// whole key with aeshash first, three times the instructions.
type adjTable struct {
	slots []adjSlot
	mask  uint32
}

type adjSlot struct {
	key  string
	e    *gazetteer.Entity
	used bool
}

func newAdjTable(m map[string]*gazetteer.Entity) adjTable {
	t := adjTable{slots: make([]adjSlot, tableSize(len(m)))}
	t.mask = uint32(len(t.slots) - 1)
	for k, e := range m {
		i := mix(wordHash(k)) & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = adjSlot{k, e, true}
	}
	return t
}

// get is m[k] of the map the table was built from (nil if absent).
func (t *adjTable) get(k string) *gazetteer.Entity {
	for i := mix(wordHash(k)) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			return nil
		}
		if s.key == k {
			return s.e
		}
	}
}

// adjLangs counts the adjective tables: German, Spanish, English, and
// all languages together for a sentence in another language.
const adjLangs = 4

// adjLang is the index of a language's table in Extractor.adjOf.
func adjLang(lang string) int {
	switch lang {
	case "de":
		return 0
	case "es":
		return 1
	case "en":
		return 2
	}
	return adjLangs - 1
}
