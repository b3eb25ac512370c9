package events

import "strings"

// lacking reports a noun trigger whose lack the sentence states: "die
// mangelnde Bereitschaft der EU", "fehlende Einigung", "the lack of
// willingness", "la falta de voluntad política". Such a noun names what did
// not happen, as "keine Bereitschaft" does; but the lack word negates its
// noun only, not the clause ("Der Minister kritisierte die mangelnde
// Bereitschaft" is a statement), so it is read here and not as a cue of
// the negation lexicon. One lower-case adjective may stand between ("die
// mangelnde politische Bereitschaft").
func lacking(lang string, ws []word, tr hit) bool {
	k := tr.i
	if lang == "de" && !ws[k].cap || k == 0 {
		return false // not a German noun, or nothing before it
	}
	if lackWord(lang, ws, k-1) {
		return true
	}
	// "die mangelnde politische Bereitschaft", "the lack of political will"
	return k > 1 && ws[k-1].clause == ws[k].clause && !ws[k-1].cap && lackWord(lang, ws, k-2)
}

// lackWord reports whether the word at k (if any) says its noun is
// lacking: German "mangelnde", "fehlende" before it; English "lack of",
// Spanish "falta de" ending at k.
func lackWord(lang string, ws []word, k int) bool {
	if k < 0 {
		return false
	}
	switch lang {
	case "de":
		return strings.HasPrefix(ws[k].fold, "mangelnd") || strings.HasPrefix(ws[k].fold, "fehlend")
	case "en":
		return k > 0 && ws[k].fold == "of" && (ws[k-1].fold == "lack" || ws[k-1].fold == "absence")
	case "es":
		return k > 0 && ws[k].fold == "de" && (ws[k-1].fold == "falta" || ws[k-1].fold == "ausencia" || ws[k-1].fold == "carencia")
	}
	return false
}
