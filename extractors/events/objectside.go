package events

// onlyObjectAdjectives reports whether the actors of a symmetric event are all
// countries read from a nationality adjective in an object phrase: on a
// body after a preposition ("zur Zusammenarbeit mit den britischen
// Behörden bereit", "willing to work with the British authorities", "a
// cooperar con las autoridades británicas"). That country is the partner
// of a subject the sentence names in words the gazetteer does not know,
// not a side of its own; beside a subject it is one ("Russland erklärte
// seine Bereitschaft zur Zusammenarbeit mit den chinesischen Behörden"). A
// name stays a side: "Die Bundesregierung will die Zusammenarbeit mit dem
// UNRWA fortsetzen" is the UNRWA's cooperation too, "el gobierno de Costa
// Rica" its subject.
func onlyObjectAdjectives(lang, typ string, ps []Participant, ws []word, lex *view) bool {
	switch typ {
	case TypeSignAgreement, TypeAgree, TypeCooperateIntent, TypeConsult, TypeMeet: // symmetric, without a map look-up per event
	default:
		return false
	}
	for _, p := range ps {
		if p.Role != RoleActor {
			continue
		}
		k := wordFrom(ws, p.Start)
		if k < 0 || ws[k].start != p.Start || ws[k].adj != p.Entity {
			return false
		}
		if lang == "es" {
			// The adjective follows its body ("las autoridades
			// británicas"): the preposition governs the body.
			body := -1
			for j := k - 1; j > 0 && j >= k-3 && ws[j].clause == ws[k].clause; j-- {
				if lex.at(kindBody, j) {
					body = j
					break
				}
			}
			if body < 0 || !governed(ws, lex, body) {
				return false
			}
		} else if !p.object {
			return false // markObjects read the preposition before the adjective
		}
	}
	return true
}

// governed reports whether a preposition governs the word at k, perhaps
// through an article: "con las autoridades", "con autoridades".
func governed(ws []word, lex *view, k int) bool {
	return k > 0 && lex.at(kindPreposition, k-1) || k > 1 && lex.at(kindArticle, k-1) && lex.at(kindPreposition, k-2)
}
