package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
)

// titled returns mem, with the sex of the person it remembers taken from
// the titles (titleSex) when no pronoun has said it and the sentence has
// a pronoun of a sex ("sie", "he", "ella") that may continue that person.
func (x *Extractor) titled(in Input, s Sentence, ws []word, lex *view, mem *subjectMemory) *subjectMemory {
	if mem == nil || mem.p == nil || mem.sex != 0 || lex.has&(1<<kindPronoun) == 0 {
		return mem
	}
	for _, h := range lex.find(kindPronoun) {
		if f := ws[h.i].fold; pronounSex(f) != 0 || f == "sie" {
			mem.sex = x.titleSex(in, s.Lang, mem.p.Entity, s.Start)
			break
		}
	}
	return mem
}

// titleWindow is how far before a pronoun titleSex reads the person's
// mentions: the title stands where the text introduces the person, and
// reading every mention of a long document at every pronoun made its time
// grow with its square (an 8 MB document took 1.7 times as long per MB as
// a 1 MB one; TestTitleSexWindow).
const titleWindow = 32 << 10

// titleSex is what the words before the mentions of person e, up to
// offset before, say of e's sex: a form of address ("Frau", "Herr",
// "Mrs", "señora") or an office title with a gender ("Ministerin",
// "Aussenminister", "la ministra", "el canciller"): 'f', 'm', or 0 for
// nothing or both. A pronoun that no pronoun yet fitted to a person must
// still fit the titles: "Aussenminister Cassis …. Sie betonte" is not
// Cassis.
func (x *Extractor) titleSex(in Input, lang string, e *gazetteer.Entity, before int) byte {
	if e.Type != gazetteer.TypePerson {
		return 0
	}
	var sex byte
	ms := in.Mentions[:upTo(in, before)]
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if in.ordered && m.Start < before-titleWindow {
			break
		}
		if m.Entity != e || m.Start >= before || m.Start < before-titleWindow {
			continue
		}
		w, prev := wordBefore(in.Text, m.Start)
		s := x.wordSex(lang, w, prev)
		if s == 0 {
			continue
		}
		if sex != 0 && s != sex {
			return 0
		}
		sex = s
	}
	return sex
}

// wordSex is the sex a word before a name says in language lang, prev
// being the word before it. English titles say none.
func (x *Extractor) wordSex(lang, w, prev string) byte {
	if w == "" {
		return 0
	}
	f := gazetteer.Fold(w)
	switch f {
	case "frau", "mrs", "ms", "senora", "sra", "dona":
		return 'f'
	case "herr", "mr", "senor", "sr", "don":
		return 'm'
	}
	if lang != "de" && lang != "es" {
		return 0
	}
	if !x.Office(w) {
		return 0
	}
	if lang == "de" {
		// "Ministerin", "Kanzlerin"; "Minister", "Kanzler".
		if strings.HasSuffix(f, "in") {
			return 'f'
		}
		return 'm'
	}
	// "la ministra", "la canciller", "presidenta"; "el canciller", "ministro".
	switch prev = gazetteer.Fold(prev); {
	case prev == "la":
		return 'f'
	case prev == "el":
		return 'm'
	case strings.HasSuffix(f, "a"):
		return 'f'
	case strings.HasSuffix(f, "o"):
		return 'm'
	}
	return 0
}

// wordBefore returns the word ending right before offset at (across
// spaces only; an abbreviation's dot dropped: "Sr.") and the word before
// that one.
func wordBefore(text string, at int) (w, prev string) {
	end := skipSpacesBack(text, at)
	start := wordStartBack(text, end, '.')
	if start == end {
		return "", ""
	}
	p := skipSpacesBack(text, start)
	return strings.TrimSuffix(text[start:end], "."), text[wordStartBack(text, p, 0):p]
}

// skipSpacesBack returns where the spaces ending at offset end begin.
func skipSpacesBack(text string, end int) int {
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	return end
}

// wordStartBack returns where the letters (and the byte also, if not 0)
// ending at offset end begin.
func wordStartBack(text string, end int, also byte) int {
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsLetter(r) && (also == 0 || r != rune(also)) {
			break
		}
		end -= size
	}
	return end
}
