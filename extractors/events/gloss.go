package events

// glossed reports a mention standing alone in brackets: "in Fukuoka
// (Japan)", "Doha (Katar)". A country there says where the place before it
// is, as "in Japan" would: it is no participant, neither a side of the
// sentence's event nor one of the two countries a later "die Parteien"
// stands for.
func glossed(text string, m Mention) bool {
	return m.Start > 0 && text[m.Start-1] == '(' && m.End < len(text) && text[m.End] == ')'
}
