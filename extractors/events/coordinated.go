package events

import (
	"slices"
	"strings"
)

// Coordinated predicates: "X bestellte den Geschäftsträger ein und sagte
// die Reise ab", "Israel anunció la suspensión … y convocó a la
// embajadora", "Ottawa expelled six diplomats and recalled its envoy".
// A verb right after "und"/"y"/"and" (an adverb of sequence between:
// "y poco después ordenó") with no subject of its own shares the subject
// of the verb before it, in German, Spanish and English alike: it is a
// second act of that actor, an event of its own even of the same type,
// and its actor is the first verb's, not a name after it ("…, y poco
// después ordenó la salida del encargado de negocios canadiense, X").

// coordinators are the conjunctions that join two predicates of one subject.
var coordinators = map[string][]string{
	"de": {"und"},
	"es": {"y", "e"},
	"en": {"and"},
}

// sequenceAdverbs may stand between the conjunction and its verb without
// being a subject: "und dann", "y poco después", "and later".
var sequenceAdverbs = map[string][]string{
	"de": {"dann", "danach", "anschliessend", "spater", "zudem", "ausserdem", "auch", "schliesslich", "kurz", "darauf"},
	"es": {"luego", "despues", "poco", "mas", "tarde", "ademas", "tambien", "posteriormente", "finalmente"},
	"en": {"then", "later", "also", "subsequently", "finally"},
}

// coordinatedVerb reports a trigger that is the finite verb of a predicate
// coordinated with the one before: a conjunction right before it, or
// before one or two adverbs of sequence. The trigger must be a verb, not
// a noun ("die Ausweisung und Festnahme", "la expulsión y detención"), nor
// a participle that shares an auxiliary ("wurde verhört und festgenommen",
// "fue detenido y expulsado": one act told twice, or a passive). It returns
// the conjunction's word index.
func coordinatedVerb(lang string, ws []word, tr hit) (int, bool) {
	conjs, advs := coordinators[lang], sequenceAdverbs[lang]
	if conjs == nil {
		return 0, false
	}
	// The words before first, the verb's form after: most triggers follow
	// no conjunction.
	for k := tr.i - 1; k >= 0 && k >= tr.i-3; k-- {
		w := &ws[k]
		if slices.Contains(conjs, w.fold) {
			return k, k > 0 && finiteVerb(lang, ws, tr)
		}
		if w.cap || !slices.Contains(advs, w.fold) || w.clause != ws[tr.i].clause {
			return 0, false
		}
	}
	return 0, false
}

// irregularPast are the English past tenses of the lexicon's verbs that
// do not end in "-ed".
var irregularPast = []string{"withdrew", "gave", "met", "held", "took", "sent", "made"}

// finiteVerb reports whether a trigger's first word is read as a finite
// verb by its form: German writes nouns with a capital and puts
// participles and infinitives at the end of the clause; Spanish nouns
// and participles end in "-ión", "-ado", "-ido"; English past tenses end
// in "-ed" (or are irregular, which the lexicon's verbs are not).
func finiteVerb(lang string, ws []word, tr hit) bool {
	w := ws[tr.i]
	if w.cap {
		return false
	}
	switch lang {
	case "de":
		// A one-word trigger at its clause's end is a participle or an
		// infinitive ("und ausgewiesen"); a separable verb's finite part
		// opens its pattern ("und sagte … ab").
		last := tr.i+1 >= len(ws) || ws[tr.i+1].clause != w.clause
		return tr.n > 1 && tr.gap || !last
	case "es":
		for _, suf := range []string{"ion", "iones", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"} {
			if strings.HasSuffix(w.fold, suf) {
				return false
			}
		}
		return true
	case "en":
		past := strings.HasSuffix(w.fold, "ed") || slices.Contains(irregularPast, w.fold)
		return past && (tr.i+1 >= len(ws) || ws[tr.i+1].fold != "by")
	}
	return false
}

// sharedSubject gives ev, whose trigger is a verb coordinated after the
// conjunction at conj, the actors of the last event of out whose trigger
// ends before the conjunction, and makes everyone else a recipient. It
// reports false (ev unchanged) when there is no such event, or either is
// speech: verbs of saying joined by "und" are one statement ("sagte … und
// betonte"), which sameSpeaker keeps.
func sharedSubject(out []Event, ev *Event, ws []word, conj int) bool {
	if isSpeech(ev.Type) {
		return false
	}
	var first *Event
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].TrigEnd <= ws[conj].start {
			first = &out[i]
			break
		}
	}
	if first == nil || isSpeech(first.Type) {
		return false
	}
	var actors []Participant
	for _, p := range first.Participants {
		if p.Role == RoleActor {
			actors = append(actors, p)
		}
	}
	if len(actors) == 0 {
		return false
	}
	isActor := func(p Participant) bool {
		return slices.ContainsFunc(actors, func(a Participant) bool { return a.Entity.ID == p.Entity.ID })
	}
	ps := make([]Participant, 0, len(ev.Participants)+len(actors))
	for _, p := range ev.Participants {
		p.Role = RoleRecipient
		if isActor(p) {
			p.Role = RoleActor
		}
		ps = append(ps, p)
	}
	for _, a := range actors {
		if !slices.ContainsFunc(ps, func(p Participant) bool { return p.Entity.ID == a.Entity.ID }) {
			ps = append(ps, a)
		}
	}
	ev.Participants = ps
	return true
}

// predicateBefore reports whether e's verb ends a predicate that a
// conjunction joins to a's ("hatte Klage eingereicht und Deutschland
// vorgeworfen, …", "presentó una denuncia y acusó a …"): then e is an act
// of its own, not what a accuses or denies, though German puts an object
// before its verb in the clause. A noun before the conjunction ("hat die
// Ausweisung und die Sanktionen kritisiert", "criticó la expulsión y las
// sanciones") is still the object.
func predicateBefore(ws []word, e, a *Event) bool {
	if e.TrigEnd > a.TrigStart {
		return false
	}
	k := wordFrom(ws, e.TrigEnd)
	if k <= 0 || k >= len(ws) || ws[k].start >= a.TrigStart || ws[k-1].clause != ws[k].clause || !slices.Contains(coordinators[e.Lang], ws[k].fold) {
		return false // the conjunction right after e's trigger
	}
	if e.Lang == "de" {
		return !ws[k-1].cap // German ends a verb phrase with its verb: "Klage eingereicht und"
	}
	first := wordFrom(ws, e.TrigStart)
	return first >= 0 && finiteVerb(e.Lang, ws, hit{i: first, n: 1})
}
