package events

// A Spanish verb of saying right after "se" has another sense or no
// speaker: "la firma del tratado se celebró en Barcelona" (took place),
// "se negó a firmar" (refused), "se declaró culpable" (pleaded), "los
// delitos que se acusan" and "se dijo" (impersonal). It reports no
// statement, accusation or denial; a pronoun between ("se lo explicó")
// leaves the verb its speaker.

// reflexiveSaying reports a Spanish verb of saying right after "se".
func reflexiveSaying(lang string, ws []word, tr hit) bool {
	return lang == "es" && isSpeech(tr.e.value) && tr.i > 0 && ws[tr.i-1].fold == "se" && ws[tr.i-1].clause == ws[tr.i].clause
}
