package dates

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
)

// MethodAnniversary says a value comes from an anchor inferred from an
// anniversary the text counts ("zum 80. Jahrestag des Endes des Zweiten
// Weltkriegs im Pazifik" → 2025-09), not from a publication date.
const MethodAnniversary = "anniversary"

//go:embed data/anniversaries.tsv
var anniversariesTSV string

// historic is one dated event of data/anniversaries.tsv.
type historic struct {
	year, month int
	re          *regexp.Regexp
}

var historics = mustHistorics(anniversariesTSV)

// counted anniversaries: "80. Jahrestag des|der|von", "zum 80. Jahrestages",
// "80 aniversario de(l)", "80.º aniversario", "el 80º aniversario de la",
// "80th anniversary of (the)". The count is group 1; the event follows the
// match.
var anniversaryRe = regexp.MustCompile(`(?i)\b(\d{1,3})(?:\.\s*|\s*(?:\.?º|°|ª)\s*|\s+|(?:st|nd|rd|th)\s+)(?:jahrestag(?:e?s)?\s+(?:des|der|von)|aniversario\s+(?:del|de\s+la|de\s+los|de)|anniversary\s+of(?:\s+the)?)\s+`)

func mustHistorics(tsv string) []historic {
	var out []historic
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		date, expr, ok := strings.Cut(line, "\t")
		a, err := ParseAnchor(date)
		if !ok || err != nil || a.Month == 0 {
			panic(fmt.Sprintf("dates: data/anniversaries.tsv:%d: want YYYY-MM[-DD] TAB regexp", n))
		}
		re, err := regexp.Compile("(?i)" + expr)
		if err != nil {
			panic(fmt.Sprintf("dates: data/anniversaries.tsv:%d: %v", n, err))
		}
		out = append(out, historic{year: a.Year, month: a.Month, re: re})
	}
	return out
}

// Anniversary dates a text by the anniversaries it counts of historic
// events it knows (data/anniversaries.tsv): "80. Jahrestag des Endes des
// Zweiten Weltkriegs im Pazifik" is September 2025. The anchor has month
// precision and method [MethodAnniversary]: news counts an anniversary in
// the weeks around it, so the month is the claim and the day is not. ok is
// false when the text counts none, or counts anniversaries that place it
// in different months (no date is better than a wrong one), or the count
// is implausible (0, or more than 200 years).
func Anniversary(text string) (Anchor, bool) {
	if !mayCountAnniversary(text) {
		return Anchor{}, false
	}
	var found Anchor
	for _, m := range anniversaryRe.FindAllStringSubmatchIndex(text, -1) {
		n := atoi(text[m[2]:m[3]])
		if n < 1 || n > 200 {
			continue
		}
		rest := text[m[1]:min(len(text), m[1]+200)]
		for _, h := range historics {
			if !h.re.MatchString(rest) {
				continue
			}
			a := Anchor{Year: h.year + n, Month: h.month, Method: MethodAnniversary}
			if found.Year != 0 && found != a {
				return Anchor{}, false
			}
			found = a
			break
		}
	}
	return found, found.Year != 0
}

// mayCountAnniversary reports whether text holds "jahrestag", "aniver"
// or "nniver" in any case, one of which every match of anniversaryRe holds
// ("Jahrestag", "aniversario", "anniversary"): most texts hold none, and
// the search is far cheaper than the expression's. Of these letters only
// "s" has a case variant outside ASCII under Unicode simple folding, as
// (?i) uses it: "ſ" (U+017F), looked for too.
func mayCountAnniversary(text string) bool {
	return hasJahrestag(text) || hasNiver(text)
}

// hasNiver reports whether text holds "aniver" or "nniver" in any ASCII
// case: their rare "v", found by IndexByte, with the bytes around it
// compared as indexFoldASCII compares them.
func hasNiver(text string) bool {
	for i := 3; i+2 < len(text); {
		p := indexFoldByte(text[i:len(text)-2], 'v')
		if p < 0 {
			return false
		}
		p += i
		if b := text[p-3] | 0x20; (b == 'a' || b == 'n') && text[p-2]|0x20 == 'n' && text[p-1]|0x20 == 'i' && text[p+1]|0x20 == 'e' && text[p+2]|0x20 == 'r' {
			return true
		}
		i = p + 1
	}
	return false
}

// indexFoldByte returns the index of the first byte b of s with b|0x20 ==
// c, a lower-case ASCII letter (c or its upper case), or -1.
func indexFoldByte(s string, c byte) int {
	i := strings.IndexByte(s, c)
	hi := s
	if i >= 0 {
		hi = s[:i] // an upper case one counts only before it
	}
	if j := strings.IndexByte(hi, c-0x20); j >= 0 {
		return j
	}
	return i
}

// hasJahrestag reports whether text holds "jahrestag" in any case
// (common "Jahre", "Jahren" are not enough).
func hasJahrestag(text string) bool {
	for {
		i := indexFoldASCII(text, "jahre")
		if i < 0 {
			return false
		}
		rest := text[i+len("jahre"):]
		switch {
		case rest != "" && rest[0]|0x20 == 's':
			rest = rest[1:]
		case strings.HasPrefix(rest, "ſ"):
			rest = rest[len("ſ"):]
		default:
			text = rest
			continue
		}
		if len(rest) >= 3 && rest[0]|0x20 == 't' && rest[1]|0x20 == 'a' && rest[2]|0x20 == 'g' {
			return true
		}
		text = rest
	}
}

// indexFoldASCII returns the index of the first instance of lower, a
// lower-case ASCII word, in s in any ASCII case, or -1.
func indexFoldASCII(s, lower string) int {
	for i := 0; i+len(lower) <= len(s); i++ {
		if s[i]|0x20 != lower[0] {
			if lower[0] < 'a' || lower[0] > 'z' {
				continue
			}
			// Skip to the next byte that may start lower, by IndexByte.
			k := indexFoldByte(s[i:len(s)-len(lower)+1], lower[0])
			if k < 0 {
				return -1
			}
			i += k
		}
		j := 1
		for j < len(lower) && s[i+j]|0x20 == lower[j] {
			j++
		}
		if j == len(lower) {
			return i
		}
	}
	return -1
}
