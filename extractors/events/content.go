package events

// What a verb of saying reports is never its speaker: a name past the
// complementizer after the verb ("El ministro afirmó que Rusia no atacará",
// "aseveró que China puede desempeñar un papel") stands in what was said,
// even when no name before the verb is its subject. The speaker is then
// unnamed in the clause (a role noun the gazetteer does not resolve, a
// dropped pronoun), and the sentence borrows it or has none; it is not the
// country spoken of.

// content reports whether a candidate at offset at stands past the
// complementizer after the trigger.
func (t slotTest) content(at int) bool {
	return t.comp >= 0 && at > t.comp
}
