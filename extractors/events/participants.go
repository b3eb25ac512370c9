package events

// Participants and roles: who a sentence names, who acts and who
// receives, who speaks and who is cited.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/internal/swar"
)

// mentionsIn returns the mentions inside s that keep accepts (nil: all).
// The result must not be modified: it may share in.Mentions.
func mentionsIn(in Input, s Sentence, keep func(*gazetteer.Entity) bool) []Mention {
	var out []Mention
	ms := in.Mentions
	if in.ordered {
		// Only mentions starting in [s.Start, s.End] may lie inside s: not every mention of the document per sentence.
		lo := firstFrom(ms, s.Start)
		hi := lo + firstFrom(ms[lo:], s.End+1)
		ms = ms[lo:hi:hi]
		if keep == nil && !slices.ContainsFunc(ms, func(m Mention) bool { return m.End > s.End }) {
			return ms // all of them: no copy
		}
	}
	for _, m := range ms {
		if m.Start >= s.Start && m.End <= s.End && (keep == nil || keep(m.Entity)) {
			if out == nil {
				out = make([]Mention, 0, len(ms)) // one allocation, not one per growth
			}
			out = append(out, m)
		}
	}
	return out
}

// participants collects the candidates of a sentence: persons,
// organisations and countries it names, countries of nationality
// adjectives, and capitals standing for their governments; and the
// event's place: a city after a location preposition that is not a
// dateline.
func (x *Extractor) participants(in Input, s Sentence, ms []Mention, ws []word, lex *view, sources []Attribution) ([]Participant, *Place) {
	// where reports whether the mention at start follows a location
	// preposition, and whether that one follows a state body ("die
	// Regierung in Prag", "el Gobierno en Lima"): then the place names
	// the body's state.
	where := func(start int) (loc, body bool) {
		k := wordFrom(ws, start)
		if k < 0 || ws[k].start != start {
			return false, false
		}
		if k > 1 && lex.at(kindArticle, k-1) {
			k-- // "in die Ukraine"
		}
		loc = k > 0 && lex.at(kindLocation, k-1)
		return loc, loc && k > 1 && (ws[k-1].fold == "in" || ws[k-1].fold == "en") && (governmentAt(ws, lex, k-2) || ministryAt(ws, k-2))
	}
	afterLocation := func(start int) bool {
		loc, _ := where(start)
		return loc
	}
	var out []Participant
	if len(ms) > 0 {
		out = in.partsRoom(len(ms) + 1) // room for all, not a copy per growth
	}
	var place *Place
	// The ids and countries taken, in slices on the stack: a sentence names few.
	var hasBuf, codeBuf [8]string
	hasIDs, countryCodes := hasBuf[:0], codeBuf[:0]
	owners := false // a country in the possessive: possessors reads the phrase it heads
	for _, m := range ms {
		if slices.ContainsFunc(sources, func(a Attribution) bool { return a.Entity == m.Entity }) {
			continue
		}
		e := m.Entity
		if e.Sector == "JRN" {
			continue // news agencies report events, they do not take part
		}
		switch e.Type {
		case gazetteer.TypePlace:
			c := x.country[e.Country]
			if x.capital[e.ID] != e.Country {
				c = nil // any other city is only a place: "Frankfurt", "Salzburg" stand for no government
			}
			if loc, body := where(m.Start); loc {
				if body && c != nil && !slices.Contains(hasIDs, c.ID) {
					// "die Regierung in Prag": the government of the capital's state.
					out = append(out, Participant{Entity: c, Start: m.Start, End: m.End, acts: true, rule: "capital.body"})
					hasIDs = append(hasIDs, c.ID)
					countryCodes = append(countryCodes, c.Country)
					continue
				}
				if place == nil {
					place = &Place{Entity: e, Start: m.Start, End: m.End}
				}
				continue
			}
			if dateline(in.Text, s, m) || c != nil && namesTreaty(ws, lex, m) {
				continue
			}
			// A capital as a subject stands for its government; the seat
			// of an international body for the body ("Einigung mit
			// Brüssel", "Bruselas estudia").
			if b := x.seat[e.ID]; b != nil {
				c = b
			}
			if c != nil && !slices.Contains(hasIDs, c.ID) {
				acts := countryActs(in.Text, s, ws, lex, m) && !endsName(ws, lex, m)
				owner := acts && possessive(in.Text, s.Lang, m)
				owners = owners || owner
				out = append(out, Participant{Entity: c, Start: m.Start, End: m.End, acts: acts, owner: owner})
				hasIDs = append(hasIDs, c.ID)
			}
			continue
		case gazetteer.TypeCountry:
			if afterLocation(m.Start) || glossed(in.Text, m) {
				continue
			}
		}
		if slices.Contains(hasIDs, e.ID) {
			continue
		}
		hasIDs = append(hasIDs, e.ID)
		countryCodes = append(countryCodes, e.Country)
		acts, owner := false, false
		switch e.Type {
		case gazetteer.TypePerson:
			acts = (m.Role || len(e.Positions) > 0) && !inCompound(in.Text, m)
		case gazetteer.TypeOrganization:
			acts = (m.Role || !nonState[e.Sector]) && !inCompound(in.Text, m)
		case gazetteer.TypeCountry:
			acts = countryActs(in.Text, s, ws, lex, m)
			owner = acts && possessive(in.Text, s.Lang, m)
			owners = owners || owner
		}
		out = append(out, Participant{Entity: e, Start: m.Start, End: m.End, acts: acts, owner: owner})
	}
	from, to := 0, len(ws)
	if lex.adjKnown && !slowPaths {
		from, to = lex.adjFrom, lex.adjTo // the words outside name no country
	}
	for k := from; k < to; k++ {
		w := &ws[k] // not a copy of each word
		c := w.adj
		if c == nil && w.end < len(in.Text) && in.Text[w.end] == '-' {
			// "russisch-belarussischen": the first part of a hyphenated pair.
			c = x.adjOf[adjLang(s.Lang)][gazetteer.Key(w.fold+"en")]
		}
		if c == nil || slices.Contains(countryCodes, c.Country) || slices.Contains(hasIDs, c.ID) {
			continue
		}
		hasIDs = append(hasIDs, c.ID)
		countryCodes = append(countryCodes, c.Country)
		out = append(out, Participant{Entity: c, Start: w.start, End: w.end, acts: qualifiesBody(s.Lang, ws, lex, k), adjective: true})
	}
	for i := range out {
		out[i].at = out[i].Start
	}
	sortParticipants(out, false)
	if owners {
		out = possessors(s.Lang, out, ws, lex)
	}
	if len(out) == 0 {
		out = nil // as when nothing was appended
	}
	return out, place
}

// nonState are the sectors of organisations that do not act for a state:
// news agencies, companies, non-governmental organisations. Parties do:
// they sit in parliaments and governments, and their accusations and
// demands are political events (ANNOTATION.md counts them as agencies).
var nonState = map[string]bool{"JRN": true, "BUS": true, "NGO": true, "EDU": true, "MED": true, "REL": true, "CVL": true}

// countryActs reports whether a country (or capital) mention may act as a
// whole: not inside a compound ("US-Dollar", "China-Besuch"), not
// qualifying a name ("the Paris Agreement", "Perú Libre": a capitalised
// word after it in Spanish or English), not right after a preposition
// ("Exportbeschränkungen für Südkorea").
func countryActs(text string, s Sentence, ws []word, lex *view, m Mention) bool {
	if hyphenated(text, m) {
		return false
	}
	k := wordFrom(ws, m.Start)
	if k < 0 {
		return false
	}
	if k > 0 && lex.at(kindPreposition, k-1) && (k < 2 || !lex.at(kindBody, k-2)) {
		return false // "für Südkorea", but "el Gobierno de Perú"
	}
	last := wordFrom(ws, m.End)
	if last > 0 && s.Lang != "de" && ws[last].cap && ws[last].clause == ws[k].clause {
		return false
	}
	// German: a country in the genitive after a noun other than a state
	// body qualifies that noun ("der größten Partei Deutschlands",
	// "Kerninteressen Russlands"), unlike "Präsident Russlands".
	if s.Lang == "de" && k > 0 && ws[k-1].cap && ws[k-1].clause == ws[k].clause && !lex.at(kindBody, k-1) &&
		strings.HasSuffix(text[m.Start:m.End], "s") && !slices.Contains(m.Entity.Names["de"], text[m.Start:m.End]) {
		return false
	}
	// German: a place's adjective in "-er" before a noun qualifies it ("das Pariser Klimaschutzabkommen"), unless a
	// state body ("die Berliner Regierung").
	if last > 0 && s.Lang == "de" && strings.HasSuffix(text[m.Start:m.End], "er") && ws[last].cap && ws[last].clause == ws[k].clause && !lex.at(kindBody, last) {
		return false
	}
	return true
}

// hyphenated reports a mention inside a compound ("US-Dollar",
// "anti-Trump", "China-Besuch").
func hyphenated(text string, m Mention) bool {
	return m.End < len(text) && text[m.End] == '-' || m.Start > 0 && text[m.Start-1] == '-'
}

// inCompound reports a name inside a compound ("anti-Trump",
// "Trump-Regierung"); a name going on in lower case after a hyphen
// ("Park Ku-yeon", cut short) is not one.
func inCompound(text string, m Mention) bool {
	if m.Start > 0 && text[m.Start-1] == '-' {
		return true
	}
	if m.End+1 < len(text) && text[m.End] == '-' {
		r, _ := utf8.DecodeRuneInString(text[m.End+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// qualifiesBody reports whether the nationality adjective at word k
// qualifies a state body or office ("die russische Botschaft", "des
// russischen Außenministeriums", "la cancillería rusa", "the Russian
// embassy"): then the country acts through it. An adjective on anything
// else ("der deutschen Industrie", "chinesischen Athleten") does not make
// its country an actor.
func qualifiesBody(lang string, ws []word, lex *view, k int) bool {
	if lang == "es" {
		// Spanish adjectives follow the noun, perhaps after a complement
		// ("el Ministerio de Exteriores israelí").
		for j := k - 1; j >= 0 && j >= k-3 && ws[j].clause == ws[k].clause; j-- {
			if lex.at(kindBody, j) {
				return true
			}
		}
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+2 && ws[j].clause == ws[k].clause; j++ {
		if lex.at(kindBody, j) {
			return true
		}
	}
	return false
}

// dateline reports a place in the dateline that opens its line: places,
// perhaps joined by "/", followed by a comma, a colon or an agency in
// brackets and a dash ("MOSKAU, 26. Mai (BelTA)", "BANGKOK:", "WIEN (dpa)
// –", "Rabat/Berlin (AFP) –"); not "Moskau (Russland) wies … zurück".
func dateline(text string, s Sentence, m Mention) bool {
	// A mention ending maxDatelineBytes or more after its line's start
	// ends past the head: said without searching back the whole line
	// (paragraphs are long, and every place mention asks).
	if w := m.End - maxDatelineBytes; w > 0 && w < m.Start && strings.LastIndexByte(text[w:m.Start], '\n') < 0 {
		return false
	}
	return datelineAt(text, strings.LastIndexByte(text[:m.Start], '\n')+1, m)
}

// datelineAt is dateline for a mention whose line starts at lineStart.
func datelineAt(text string, lineStart int, m Mention) bool {
	head := text[lineStart:min(len(text), lineStart+maxDatelineBytes)]
	end := strings.IndexAny(head, ",:(")
	if end < 0 || lineStart+end < m.End {
		return false
	}
	group := strings.TrimSpace(head[:end])
	for _, f := range strings.FieldsFunc(group, func(r rune) bool { return r == ' ' || r == '/' }) {
		if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
			return false // "Die Regierung in Moskau (…)"
		}
	}
	if strings.HasPrefix(group, text[m.Start:m.End]) && strings.TrimSpace(text[lineStart:m.Start]) == "" && head[end] != '(' {
		return true // "MOSKAU, 26. Mai", "BANGKOK:"
	}
	if head[end] != '(' {
		return false
	}
	closing := strings.IndexByte(head[end:], ')')
	if closing < 0 {
		return false
	}
	after := strings.TrimLeft(head[end+closing+1:], " ")
	return strings.ToUpper(group) == group || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, "—")
}

// maxDatelineBytes is how far into its line a dateline reaches.
const maxDatelineBytes = 80

// government reports a word naming a government as a whole ("Regierung",
// "Staatsführung", "gobierno", "government"): in its capital it stands
// for its state, unlike an embassy or an ambassador there.
func government(fold string) bool {
	return strings.HasSuffix(fold, "regierung") || strings.HasSuffix(fold, "fuhrung") || fold == "gobierno" || fold == "government"
}

// capitals reads data/capitals.tsv: the ids of the places that are their
// country's seat of government, and that country.
func capitals() (map[string]string, error) {
	return readPairs("data/capitals.tsv", "ISO3 <tab> place id", func(iso, id string) (string, string, bool) {
		return id, iso, len(iso) == 3 && strings.HasPrefix(id, "place/")
	})
}

// seats reads data/seats.tsv: the cities news names international bodies
// by, as place id → the body's id.
func seats() (map[string]string, error) {
	return readPairs("data/seats.tsv", "place id <tab> organisation id", func(place, body string) (string, string, bool) {
		return place, body, strings.HasPrefix(place, "place/") && strings.HasPrefix(body, "org/")
	})
}

// readPairs reads a data file of two tab-separated columns (# comments,
// blank lines) into a map; pair checks a line's columns and returns its
// key and value; want says what a line holds, for the error.
func readPairs(name, want string, pair func(a, b string) (string, string, bool)) (map[string]string, error) {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for n, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		k, v, good := pair(a, b)
		if !ok || !good {
			return nil, fmt.Errorf("%s:%d: want %s, got %q", name, n+1, want, line)
		}
		out[k] = v
	}
	return out, nil
}

// sides adds, for "die Parteien", "beide Seiten", "ambas partes", "both
// sides", the two countries the text spoke of last (within maxSidesBack
// sentences): the sides of a bilateral event, named before.
func (x *Extractor) sides(cands []Participant, ws []word, lex *view, history [][]Participant) []Participant {
	hs := lex.find(kindSides)
	if len(hs) == 0 {
		return cands
	}
	var codes []string
	for back := 1; back <= maxSidesBack && back <= len(history) && len(codes) < 2; back++ {
		for _, p := range history[len(history)-back] {
			c := p.Entity.Country
			if c == "" || c == "INT" || slices.Contains(codes, c) || x.country[c] == nil {
				continue
			}
			codes = append(codes, c)
			if len(codes) == 2 {
				break
			}
		}
	}
	if len(codes) < 2 {
		return cands
	}
	h := hs[0]
	start, end := ws[h.i].start, ws[h.i+h.n-1].end
	out := slices.Clone(cands)
	for _, c := range codes {
		e := x.country[c]
		if i := slices.IndexFunc(out, func(p Participant) bool { return p.Entity == e }); i >= 0 {
			out[i].side, out[i].rule, out[i].acts = true, h.e.rule, true
			continue
		}
		out = append(out, Participant{Entity: e, Start: start, End: end, at: start, side: true, acts: true, rule: h.e.rule})
	}
	sortParticipants(out, true)
	return out
}

// roleNouns resolves a role noun that names no one next to it ("der
// russische Führer", "erklärte der Präsident", "el canciller") to the
// subject remembered if the office fits, else to the
// nearest person named before whose office fits the noun (and the
// nationality adjective before it, if any), and who is not already named
// in the sentence. The participant's mention is the earlier name; its
// place in the syntax is the role noun's.
func (x *Extractor) roleNouns(in Input, s Sentence, cands []Participant, ws []word, lex *view, mem *subjectMemory) []Participant {
	hs := lex.find(kindRole)
	if len(hs) == 0 {
		return cands
	}
	out := cands
	for _, h := range hs {
		w := ws[h.i]
		if !w.cap && s.Lang == "de" {
			continue
		}
		if w.cap && s.Lang != "de" && h.i > 0 {
			continue // a title before a name ("Minister in the Ministry of Finance X"), not a noun for someone before
		}
		if named(in, ws, lex, h.i+h.n) {
			continue // "Präsident Xi Jinping", "Kreml-Sprecher Peskow"
		}
		country := ""
		for k := h.i - 1; k >= 0 && k >= h.i-2; k-- {
			if c := ws[k].adj; c != nil {
				country = c.Country
				break
			}
		}
		if country == "" {
			country = adjectiveAfter(s.Lang, ws, h)
		}
		titles := h.e.titles
		// The subject of the sentences before goes first: "Außenministerin
		// X sagte bei einem Auftritt mit ihrer Amtskollegin Y, … erklärte
		// die Ministerin" is X.
		if m := mem.p; m != nil && m.Entity.Type == gazetteer.TypePerson && m.End <= w.start && w.start-m.End <= maxRoleBack &&
			(country == "" || m.Entity.Country == country) &&
			!slices.ContainsFunc(out, func(p Participant) bool { return p.Entity == m.Entity }) &&
			(holds(m.Entity, titles) || introducedAs(in, Mention{Start: m.Start, End: m.End, Entity: m.Entity}, w.fold, s.Lang)) {
			out = append(slices.Clone(out), Participant{Entity: m.Entity, Start: m.Start, End: m.End, at: w.start, acts: true, rule: h.e.rule})
			continue
		}
		for i := upTo(in, w.start) - 1; i >= 0; i-- {
			m := in.Mentions[i]
			if m.End > w.start || m.Entity.Type != gazetteer.TypePerson {
				continue
			}
			if w.start-m.End > maxRoleBack {
				break
			}
			if country != "" && m.Entity.Country != country {
				continue
			}
			if !holds(m.Entity, titles) && !introducedAs(in, m, w.fold, s.Lang) {
				continue
			}
			if slices.ContainsFunc(out, func(p Participant) bool { return p.Entity == m.Entity }) {
				continue // the sentence names them: the role noun is someone else
			}
			out = append(slices.Clone(out), Participant{Entity: m.Entity, Start: m.Start, End: m.End, at: w.start, acts: true, rule: h.e.rule})
			break
		}
	}
	sortParticipants(out, true)
	return out
}

// named reports whether a person mention starts at word k or k+1 (a name
// after a role noun, perhaps after a nationality word), or further on in
// the role's noun phrase ("dem Minister für Industrie und
// Informationstechnologien X", "el ministro de Asuntos Exteriores, X").
func named(in Input, ws []word, lex *view, k int) bool {
	// A complement goes on with a preposition or a genitive ("für", "de",
	// "des"), not with the next noun phrase ("der Präsident dem
	// US-Staatschef X").
	complement := k < len(ws) && (lex.at(kindPreposition, k) || ws[k].fold == "des" || ws[k].fold == "der")
	for j := k; j < len(ws) && j <= k+maxPhraseWords; j++ {
		if j > k+1 && (!complement || !nounPhrase(ws, lex, k, j)) {
			break
		}
		for _, m := range startingAt(in, ws[j].start) {
			if m.Start == ws[j].start && m.Entity.Type == gazetteer.TypePerson {
				return true
			}
		}
	}
	return false
}

// introducedAs reports whether the text introduced the person of m by the
// role noun fold, right before the name in the same sentence ("la
// embajadora de Marruecos en España, Karima Benyaich", "Botschafterin
// Anna Test"): a later "la embajadora" is that person even when the
// gazetteer knows no office of theirs. No other person stands between
// the role and the name ("La canciller X recibió a Y": Y is no canciller),
// and at most maxIntroWords words.
func introducedAs(in Input, m Mention, fold string, lang string) bool {
	from := max(0, m.Start-maxIntroBytes)
	if i := strings.LastIndexAny(in.Text[from:m.Start], ".!?\n"); i >= 0 {
		from += i + 1
	}
	toks, base := lastTokens(in, from, m.Start, maxIntroWords)
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= maxIntroWords; k-- {
		// German compounds end in the role ("Bundesinnenministerin" is a
		// "Ministerin"); Spanish ones do not ("vicepresidente").
		if toks[k].Fold != fold && (lang != "de" || !strings.HasSuffix(toks[k].Fold, fold)) {
			continue
		}
		at := base + toks[k].End
		ms := in.Mentions
		if in.ordered {
			ms = ms[:upTo(in, m.Start)] // none starting after m.Start
		}
		return !slices.ContainsFunc(ms, func(o Mention) bool {
			return o.Entity.Type == gazetteer.TypePerson && o.Start >= at && o.Start < m.Start
		})
	}
	return false
}

// lastTokens returns the last n tokens (all, if fewer) that
// [gazetteer.Tokens] makes of in.Text[from:to], with offsets relative to
// base. The part's tokens are the document's tokens inside it, unless a
// token straddles to (then the part is tokenised: base from), preceded by
// the pieces of one straddling from or of a rune cut there: so the
// document's last n are the part's if there are n of them, or if from
// cuts neither a token nor a rune.
func lastTokens(in Input, from, to, n int) ([]gazetteer.Token, int) {
	if toks := in.Tokens; len(toks) > 0 && from < to {
		hi, _ := slices.BinarySearchFunc(toks, to, func(t gazetteer.Token, at int) int { return t.Start - at })
		if hi == 0 || toks[hi-1].End <= to {
			lo := hi
			for lo > 0 && hi-lo < n && toks[lo-1].Start >= from {
				lo--
			}
			if hi-lo == n || (lo == 0 || toks[lo-1].End <= from) && utf8.RuneStart(in.Text[from]) {
				return toks[lo:hi], 0
			}
		}
	}
	all := gazetteer.Tokens(in.Text[from:to])
	return all[max(0, len(all)-n):], from
}

// maxIntroWords is how many words before a name its role may stand ("el
// ministro de Asuntos Exteriores, Unión Europea y Cooperación, X").
const maxIntroWords = 10

// maxIntroBytes bounds the text introducedAs reads before a name.
const maxIntroBytes = 120

// holds reports whether e ever held an office whose title starts with one
// of titles.
func holds(e *gazetteer.Entity, titles []string) bool {
	for _, p := range e.Positions {
		for _, t := range titles {
			if strings.HasPrefix(p.Title, t) {
				return true
			}
		}
	}
	return false
}

// markObjects flags the persons named within three words after an object
// marker ("dem US-Staatschef Trump", "al presidente X", "den Botschafter
// X"), or further on in the same noun phrase ("den russischen Botschafter
// in Berlin, Sergej Netschajew", "a la embajadora de Marruecos en España,
// Karima Benyaich"): they receive. A role noun standing for someone named
// before counts where it stands ("convocó a la embajadora").
//
// So are those right after a preposition, or after a preposition and an
// article ("Während seines Treffens mit Xi … lobte Putin"): the subject
// is never governed by one; and a German genitive's (genitive.go).
func markObjects(text, lang string, cands []Participant, ws []word, lex *view) {
	ms := lex.find(kindObjectMarker)
	for i, p := range cands {
		k := wordFrom(ws, p.at)
		for _, m := range ms {
			if k > m.i && (k-m.i <= 3 || k-m.i <= maxPhraseWords && nounPhrase(ws, lex, m.i+1, k)) {
				cands[i].object = true
			}
		}
		if genitiveOwner(text, lang, p, ws, lex, k) {
			cands[i].object = true
		}
		if p.at != p.Start {
			continue
		}
		if bodyOwner(p, ws, lex, k) {
			continue // "El Gobierno de Venezuela acusó": the body's state acts
		}
		if k > 0 && lex.at(kindPreposition, k-1) || k > 1 && lex.at(kindArticle, k-1) && lex.at(kindPreposition, k-2) {
			cands[i].object = !spokespersonOf(p, ws, lex, k)
		} else if t := titleBefore(text, lang, ws, lex, k); t > 0 && (governs(ws, lex, t-1) || t > 1 && lex.at(kindArticle, t-1) && governs(ws, lex, t-2)) {
			// A title before the name is in the preposition's phrase too:
			// "das Vorgehen von EZB-Chef Mario Draghi kritisiert".
			cands[i].object = !spokespersonOf(p, ws, lex, t)
		}
	}
}

// comitative are the prepositions of company ("mit", "con"): a titled
// person after one may lead or join the actors ("eines China-Besuchs einer
// Delegation mit Vize-Regierungschef X an der Spitze"), so the German title
// rule of markObjects leaves them be, and a meeting told with its partner
// alone names the partner after one (partner.go). agentive may name the agent of a passive
// ("wurde von Präsident X kritisiert"): they govern an object only after
// a noun ("das Vorgehen von EZB-Chef X").
var (
	comitative = map[string]bool{"mit": true, "con": true}
	agentive   = map[string]bool{"von": true, "durch": true}
)

// governs reports a German preposition at word j that makes the titled
// name after it an object.
func governs(ws []word, lex *view, j int) bool {
	if !lex.at(kindPreposition, j) || comitative[ws[j].fold] {
		return false
	}
	return !agentive[ws[j].fold] || j > 0 && ws[j-1].cap && ws[j-1].clause == ws[j].clause
}

// titleBefore returns the first word of a German title right before word
// k, the name: a role noun of the lexicon ("Außenministerin") or, as German
// titles are one compound noun, a capitalised word of its clause
// ("EZB-Chef"), with the words hyphened to it; else -1. Other languages
// get -1: Spanish and English titles hold prepositions of their own
// ("Secretary of State", "por el Presidente Boric" as a passive's agent).
func titleBefore(text, lang string, ws []word, lex *view, k int) int {
	if lang != "de" {
		return -1
	}
	i := -1
	if lex.has&(1<<kindRole) != 0 {
		for _, r := range lex.find(kindRole) {
			if r.i+r.n == k {
				i = r.i
			}
		}
	}
	if i < 0 && k > 0 && ws[k-1].cap && ws[k-1].clause == ws[k].clause {
		i = k - 1
	}
	for i > 0 && ws[i-1].end+1 == ws[i].start && text[ws[i-1].end] == '-' {
		i--
	}
	return i
}

// maxPhraseWords is how far an object marker governs a name in its noun
// phrase.
const maxPhraseWords = 9

// nounPhrase reports whether the words [from, to) go on with one noun
// phrase: nouns and names, adjectives, articles, state bodies and offices
// ("russischen Botschafter", "la embajadora"), a preposition before a
// name ("in Berlin", "de Marruecos"), and at most one comma after a noun
// before an apposition.
func nounPhrase(ws []word, lex *view, from, to int) bool {
	commas := 0
	for j := from; j < to; j++ {
		w := ws[j]
		switch {
		case w.cap, lex.at(kindArticle, j), lex.at(kindBody, j), lex.at(kindOffice, j):
		case !w.cap && (strings.HasSuffix(w.fold, "en") || strings.HasSuffix(w.fold, "e")) && j+1 <= to && j+1 < len(ws) && ws[j+1].cap:
			// an inflected German adjective before its noun ("russischen Botschafter")
		case (lex.at(kindLocation, j) || lex.at(kindPreposition, j) || nounAnd[w.fold]) && j+1 <= to && j+1 < len(ws) && ws[j+1].cap:
			// "in Berlin", "für Industrie und Informationstechnologien"
		case prepositionArticle(ws, lex, j, to):
			// "de la Generalitat"
		default:
			return false
		}
		if j+1 <= to && j+1 < len(ws) && ws[j+1].clause != w.clause {
			if commas++; commas > 1 || !w.cap {
				return false
			}
		}
	}
	return true
}

// spokespersonOf reports a body named right after an unnamed spokesperson
// of it ("un portavoz de la Cancillería", "a spokesman for the ministry",
// "ein Sprecher des Ministeriums"): the body speaks, it is no object.
func spokespersonOf(p Participant, ws []word, lex *view, k int) bool {
	if p.Entity.Type != gazetteer.TypeOrganization {
		return false
	}
	j := k - 1 // the preposition
	if !lex.at(kindPreposition, j) {
		j--
	}
	for _, r := range lex.find(kindRole) {
		if r.i+r.n == j && strings.Contains(r.e.value, "Spokesperson") {
			return true
		}
	}
	return false
}

// nominalLimit returns, for a German noun trigger inside a sentence
// ("eines China-Besuchs"), the offset up to which a person after it is its
// agent: the end of its clause, at most maxNominalWords on; else -1.
func nominalLimit(lang string, ws []word, tr hit) int {
	if lang != "de" || tr.i == 0 || !ws[tr.i].cap {
		return -1
	}
	limit := -1
	for k := tr.i + tr.n; k < len(ws) && k <= tr.i+maxNominalWords && ws[k].clause == ws[tr.i].clause; k++ {
		limit = ws[k].end
	}
	return limit
}

// roles assigns actor and recipient: every side that acts is an actor of
// a symmetric event; otherwise the subject acts and the rest receive.
// Only a participant that acts for a state may be the actor, and none
// after an object marker ("acusó a Rusia", "dem US-Staatschef").
//
// The subject is, in this order: a person after a German noun trigger
// ("eines China-Besuchs einer Delegation mit X"); the candidate before the trigger in its
// own clause ("Moskau wies … zurück"); a candidate right after it
// ("Am Montag sagte Putin"); a candidate before it in an earlier clause
// ("Außenministerin X, die derzeit Y besucht, sagte"). Among
// candidates of one place a person goes before an organisation before a
// country, then the nearest. A reporting verb that opens a clause after
// reported speech ("…, sagte Kurz") has only the subject after it: what
// stands before is what was said. "Die Parteien" before the trigger are
// its subject: both sides act, everyone else receives.
func roles(typ, lang string, cands []Participant, trig, clause, nominal int, opens, noun bool, object slotTest) []Participant {
	out := make([]Participant, len(cands))
	copy(out, cands)
	if !slices.ContainsFunc(out, func(p Participant) bool { return p.acts }) {
		return nil // no one acts for a state: no event
	}
	if symmetric[typ] {
		// Every side that acts, named before the trigger or in its
		// clause: not someone a later clause speaks of.
		any := false
		for i := range out {
			out[i].Role = RoleRecipient
			// A noun trigger's sides may follow in an apposition
			// ("Händedruck der Präsidenten …, Wladimir Putin und Donald Trump").
			if out[i].acts && !out[i].aside && !memberParty(out, i) && !(out[i].relative && out[i].clause != clause) && (out[i].at < trig || out[i].clause == clause || noun && out[i].clause == clause+1) {
				out[i].Role = RoleActor
				any = true
			}
		}
		if !any {
			return nil
		}
		return ownCountry(out)
	}
	sides := false
	for _, p := range out {
		sides = sides || (p.side && p.at < trig)
	}
	speech := typ == TypeStatement || typ == TypeDeny || typ == TypeAccuse
	best, bestKey := -1, [3]int{10, 9, 1 << 30}
	for i, p := range out {
		if !p.acts || p.object || p.relative && p.clause != clause {
			continue // "El partido, cuyo líder X encabezó protestas, acusó …": X is no subject of "acusó"
		}
		r := rank(p.Entity.Type)
		if typ == TypeVisit && p.Entity.Type == gazetteer.TypeCountry {
			continue // a visited country receives
		}
		place, d := 9, 0
		switch {
		case nominal > trig && p.at > trig && p.at < nominal && p.Entity.Type == gazetteer.TypePerson:
			place, d = -1, p.at-trig // "eines China-Besuchs einer Delegation mit X"
		case opens && speech:
			if p.at > trig && p.at-trig <= 2*maxInvertedGap && p.clause == clause {
				place, d = 0, p.at-trig
			}
		case p.at < trig && p.clause == clause:
			place, d = 0, trig-p.at
			if lang == "de" {
				// German puts the subject first among the names before
				// a verb at the end of its clause ("nachdem Warschau
				// Moskau verantwortlich gemacht hatte", "hat Polen
				// Russland vorgeworfen").
				d = p.at
				if p.slot {
					// "hatte Polen das russische Konsulat geschlossen": the slot, not the rank, makes the
					// subject; within the slot ("hatte Generalbundesanwalt Peter Frank") the rank.
					r -= 10
				}
			}
		case p.at > trig && p.at-trig <= 2*maxInvertedGap && p.clause == clause && (lang != "en" || opens) && (opens || !object.object(p.at) || !subjectBefore(out, trig) && !object.content(p.at)):
			// English has no inversion but after what was said ("…, said X").
			place, d = 1, p.at-trig
		case p.at < trig:
			place, d = 2, trig-p.at
		}
		if place == 9 {
			continue
		}
		if k := [3]int{place, r, d}; k[0] < bestKey[0] || k[0] == bestKey[0] && (k[1] < bestKey[1] || k[1] == bestKey[1] && k[2] < bestKey[2]) {
			best, bestKey = i, k
		}
	}
	if best < 0 && !sides {
		return nil
	}
	// A person right after the verb is its subject even after "beide
	// Seiten" ("…, afirmó la canciller").
	if best >= 0 && bestKey[0] >= 0 && bestKey[0] <= 1 && out[best].at > trig && out[best].Entity.Type == gazetteer.TypePerson {
		sides = false
	}
	for i := range out {
		out[i].Role = RoleRecipient
		if (!sides && i == best) || (sides && out[i].side && out[i].at < trig) {
			out[i].Role = RoleActor
		}
	}
	return ownCountry(out)
}

// memberParty reports a party named beside officials who meet ("Guo
// Shengkun (KP China)"): it names their membership, not a side of the talks.
func memberParty(cands []Participant, i int) bool {
	return cands[i].Entity.Sector == "PTY" && slices.ContainsFunc(cands, func(p Participant) bool {
		return p.acts && p.Entity.Type == gazetteer.TypePerson
	})
}

// subjectBefore reports a candidate before the trigger that may act: the
// subject a name in the object slot after the verb leaves the verb to.
func subjectBefore(cands []Participant, trig int) bool {
	return slices.ContainsFunc(cands, func(p Participant) bool { return p.acts && !p.object && p.at < trig })
}

// invertedSpeech reports a verb that opens a clause after what was said
// and is followed by its subject: a candidate ("…, sagte die Kanzlerin",
// "…, teilte das Ministerium mit"), a name ("…, sagte Kurz") or a pronoun
// ("…, sagte sie"). Not so a verb after an apposition ("Außenminister X
// (FPÖ) sagte, …", "El ministro, X, rechazó las acusaciones").
//
// A statement's subject may stand inside its verb ("…, teilte das
// Ministerium mit"); an accusation's word there is its object ("warf
// Berlin vor").
func invertedSpeech(ws []word, tr hit, cands []Participant, lex *view) bool {
	k := tr.i + tr.n
	// A verb and a preposition ("sprach von") encloses nothing: "…, Alexander Schulz, sprach von …".
	if tr.e.value == TypeStatement && tr.n > 1 && tr.i > 0 && ws[tr.i-1].clause != ws[tr.i].clause && !lex.at(kindPreposition, tr.i+tr.n-1) {
		return true // "…, teilte das Ministerium mit", "…, hieß es aus Regierungskreisen"
	}
	if tr.i == 0 || ws[tr.i-1].clause == ws[tr.i].clause || k >= len(ws) || ws[k].clause != ws[tr.i].clause {
		return tr.e.value == TypeStatement && tr.n > 1 && tr.i > 0 && ws[tr.i-1].clause != ws[tr.i].clause &&
			slices.ContainsFunc(cands, func(p Participant) bool { return p.at > ws[tr.i].start && p.at < ws[tr.i+tr.n-1].start })
	}
	if lex.at(kindComplement, k) {
		return false // "…, exigió que el presidente …": what follows is what was said
	}
	trig, end := ws[tr.i].start, ws[k].end
	// An object after the verb ("…, acusó a Sánchez") is no subject: the
	// verb then follows an apposition ("El líder del PP, X, acusó a Y").
	if slices.ContainsFunc(cands, func(p Participant) bool { return p.at > trig && p.at-end <= maxInvertedGap && !p.object }) {
		return true
	}
	return ws[k].cap || lex.at(kindPronoun, k)
}

// ownCountry drops the country of an official or body that acts: the
// actor speaks for it, it is neither a second actor nor the recipient of
// its own official's statement ("Außenministerin Baerbock sagte, …
// Deutschland …").
func ownCountry(ps []Participant) []Participant {
	var own []string
	for _, p := range ps {
		if p.Role == RoleActor && p.Entity.Type != gazetteer.TypeCountry && p.Entity.Country != "" {
			own = append(own, p.Entity.Country)
		}
	}
	if len(own) == 0 {
		return ps
	}
	out := ps[:0]
	for _, p := range ps {
		if p.Entity.Type == gazetteer.TypeCountry && slices.Contains(own, p.Entity.Country) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func rank(typ string) int {
	switch typ {
	case gazetteer.TypePerson:
		return 0
	case gazetteer.TypeOrganization:
		return 1
	}
	return 2
}

// speaker is the actor of a statement, or of any event in a sentence with
// a speech cue, when that actor is a person.
func speaker(typ string, ps []Participant, cue bool) (Attribution, bool) {
	if typ != TypeStatement && typ != TypeDeny && typ != TypeAccuse && !cue {
		return Attribution{}, false
	}
	for i := range ps { // in place, not a copy of each
		if p := &ps[i]; p.Role == RoleActor && p.Entity.Type == gazetteer.TypePerson {
			// A value, not a pointer: the pointer was an allocation per event.
			return Attribution{Relation: RelSpeaker, Entity: p.Entity, Start: p.Start, End: p.End}, true
		}
	}
	return Attribution{}, false
}

// attribution finds the cited sources of a sentence ("laut Xinhua", "según
// EFE", "Xinhua zufolge", "wie die Agentur Prensa Latina berichtet") and
// whether a speech cue ("so Peskow") is present.
func (x *Extractor) attribution(ms []Mention, ws []word, lex *view) ([]Attribution, bool) {
	var orgs []Mention
	if lex.has&(1<<kindSource|1<<kindSourceAfter|1<<kindReport) != 0 { // only these cues cite sources
		for _, m := range ms {
			if m.Entity.Type == gazetteer.TypeOrganization {
				orgs = append(orgs, m)
			}
		}
	}
	var out []Attribution
	add := func(m Mention, rule string) {
		for _, a := range out {
			if a.Entity == m.Entity {
				return
			}
		}
		out = append(out, Attribution{Relation: RelCitedSource, Entity: m.Entity, Start: m.Start, End: m.End, rule: rule})
	}
	for _, h := range lex.find(kindSource) {
		after := ws[h.i+h.n-1].end
		for _, m := range orgs {
			if m.Start >= after && wordsBetween(ws, after, m.Start) <= 3 {
				add(m, h.e.rule)
				break
			}
		}
	}
	for _, h := range lex.find(kindSourceAfter) {
		before := ws[h.i].start
		for i := len(orgs) - 1; i >= 0; i-- {
			if m := orgs[i]; m.End <= before && wordsBetween(ws, m.End, before) <= 1 {
				add(m, h.e.rule)
				break
			}
		}
	}
	for _, h := range lex.find(kindReport) {
		for _, m := range orgs {
			if m.Entity.Sector == "JRN" && abs(wordsBetween(ws, m.Start, ws[h.i].start)) <= 8 {
				add(m, h.e.rule)
			}
		}
	}
	return out, len(lex.find(kindSpeech)) > 0
}

// resolutionRules names the lexicon entries that resolved participants
// and cited sources, each once, for provenance.rules.
func resolutionRules(ps []Participant, as []Attribution) []string {
	var out []string
	for _, p := range ps {
		if p.rule != "" && !slices.Contains(out, p.rule) {
			out = append(out, p.rule)
		}
	}
	for _, a := range as {
		if a.rule != "" && !slices.Contains(out, a.rule) {
			out = append(out, a.rule)
		}
	}
	return out
}

// subject is what a later sentence may continue: the actor of the last
// sentence that named one, and how many sentences ago.
type subjectMemory struct {
	p *Participant // nil, or &held
	// held is the participant remembered, kept in the memory: set took
	// the address of its copy, an allocation a sentence (no one keeps p
	// past the next set: its readers copy the fields they take).
	held Participant
	age  int
	// sex is what a personal pronoun said of p in a sentence that named
	// p ("Elizabeth Truss said she was appalled"): 'f', 'm', or 0 for
	// nothing yet; a later "he" does not continue her.
	sex byte
}

// pronounSex is what a personal pronoun says of the person it stands
// for: 'f' or 'm', 0 for a pronoun that says neither (German "sie" is
// also "they" and a body's).
func pronounSex(fold string) byte {
	switch fold {
	case "she", "ella":
		return 'f'
	case "he", "er", "el": // "el" is a hit of the pronoun "él" only
		return 'm'
	}
	return 0
}

// heard takes what the personal pronouns of a sentence that named the
// remembered person after the mention say of that person: the first such
// pronoun after the mention, as the one person a sentence names is what
// its next "she" or "he" most often stands for.
func (m *subjectMemory) heard(ws []word, lex *view) {
	if m.p == nil || m.age != 0 || m.p.Entity.Type != gazetteer.TypePerson {
		return
	}
	for _, h := range lex.find(kindPronoun) {
		if ws[h.i].start < m.p.End {
			continue
		}
		if sex := pronounSex(ws[h.i].fold); sex != 0 {
			m.sex = sex
		}
		return
	}
}

// fits reports whether the pronoun fold may stand for e as far as what
// earlier pronouns said of the remembered person goes.
func (m *subjectMemory) fits(fold string, e *gazetteer.Entity) bool {
	if m == nil || m.p == nil || m.p.Entity != e || m.sex == 0 {
		return true
	}
	sex := pronounSex(fold)
	if fold == "sie" {
		sex = 'f' // a person "sie" stands for is a woman
	}
	return sex == 0 || sex == m.sex
}

// maxSubjectBack is how many sentences a subject pronoun or a dropped
// Spanish subject looks back for the subject it continues.
const maxSubjectBack = 2

// remember updates the subject memory after a sentence: the first actor
// of its events that is not a side ("beide Seiten"), or, if it has no
// events, the one official it names as a subject; else the memory ages.
func (m *subjectMemory) remember(evs []Event, cands []Participant) {
	m.age++
	for _, ev := range evs {
		for i := range ev.Participants {
			if p := &ev.Participants[i]; p.Role == RoleActor && !p.side {
				m.set(*p)
				return
			}
		}
	}
	var one *Participant
	for i := range cands {
		p := &cands[i]
		if !p.acts || p.object || p.Entity.Type != gazetteer.TypePerson {
			continue // "Nancy Faeser (SPD) sprach …": the official, not her party
		}
		if one != nil && one.Entity != p.Entity {
			return // two: a later pronoun cannot say which
		}
		one = p
	}
	if one != nil {
		m.set(*one)
	}
	if m.age > maxSubjectBack {
		m.p, m.sex = nil, 0
	}
}

// set remembers p as the subject of the sentence just read; what
// pronouns said of the one before goes unless p is that one again.
func (m *subjectMemory) set(p Participant) {
	if m.p == nil || m.p.Entity != p.Entity {
		m.sex = 0
	}
	m.held = p
	m.p, m.age = &m.held, 0
}

// continued adds to a sentence's candidates the subject it continues:
//   - a personal pronoun as the subject of a trigger — opening the
//     sentence ("Er schlug Kremlchef X ein Treffen vor", "She rejected
//     …") or right after the verb in its clause ("Die Vorwürfe wies sie
//     zurück", "…, sagte sie") — stands for the subject remembered: an
//     official or a body, not a country ("er", "sie" do not refer to
//     "Polen" or "Russland");
//   - a Spanish verb that opens the sentence with its subject dropped
//     ("Además, convocó a la embajadora …") continues the subject
//     remembered, a country too, when no candidate stands before it and
//     no name the gazetteer does not know ("García dijo que …",
//     namedSubject); a plural verb ("Respondieron que …") no person.
//
// The participant keeps the earlier mention; its place in the syntax
// is the pronoun's (or the verb's).
func continued(text, lang string, cands []Participant, ws []word, lex *view, triggers []hit, mem *subjectMemory) []Participant {
	if mem == nil || mem.p == nil || len(triggers) == 0 {
		return cands
	}
	e := mem.p.Entity
	if slices.ContainsFunc(cands, func(p Participant) bool { return p.Entity == e }) {
		return cands
	}
	add := func(at int, rule string) []Participant {
		out := append(slices.Clone(cands), Participant{Entity: e, Start: mem.p.Start, End: mem.p.End, at: at, clause: clauseAt(ws, at), acts: true, rule: rule})
		sortParticipants(out, true)
		return out
	}
	for _, p := range lex.find(kindPronoun) {
		if !singular(ws[p.i].fold, e) || !mem.fits(ws[p.i].fold, e) {
			continue
		}
		for _, tr := range triggers {
			// Only German puts the subject after the verb: English "said
			// she was" begins what was said.
			if p.i == 0 && ws[tr.i].clause == ws[0].clause || lang == "de" && tr.i+1 == p.i && ws[tr.i].clause == ws[p.i].clause {
				if ws[p.i].fold == "sie" && strings.HasSuffix(ws[tr.i].fold, "en") {
					break // "forderten sie": they, not she
				}
				return add(ws[p.i].start, p.e.rule)
			}
		}
	}
	if lang == "es" && len(ws) >= 5 {
		// Not after a noun phrase ("El MEA rechazó", "La embajadora había
		// advertido") or with a subject of its own ("Lo anunció el ministro X").
		tr := triggers[0]
		ownSubject := slices.ContainsFunc(cands, func(p Participant) bool {
			return p.at < ws[tr.i].start || p.acts && !p.object && p.Entity.Type != gazetteer.TypeCountry
		})
		nounPhrase := false
		for k := 0; k < tr.i; k++ {
			nounPhrase = nounPhrase || ws[k].clause == ws[tr.i].clause && (k > 0 && ws[k].cap || spanishArticle[ws[k].fold])
		}
		if tr.i+1 < len(ws) && ws[tr.i+1].cap && ws[tr.i+1].clause == ws[tr.i].clause {
			ownSubject = true // "calificó Humberto X, jefe del …": a name after the verb
		}
		if pluralVerb(lang, ws[tr.i].fold) && e.Type == gazetteer.TypePerson {
			ownSubject = true // "Respondieron que …": several, not the one person remembered
		}
		if slices.ContainsFunc(lex.find(kindPronoun), func(p hit) bool { return p.i < tr.i && pronounSex(ws[p.i].fold) != 0 }) {
			ownSubject = true // "Ella también dijo …" of a man: a pronoun that did not fit him above is a subject of its own
		}
		if tr.i <= 3 && !ownSubject && !nounPhrase && !namedSubject(text, lang, ws, lex, tr, false) {
			return add(ws[tr.i].start-1, "es.pronoun.dropped") // just before the verb: its subject
		}
	}
	return cands
}

// spanishArticle are the articles that open a Spanish noun phrase.
var spanishArticle = map[string]bool{"el": true, "la": true, "los": true, "las": true, "un": true, "una": true}

// singular reports whether a subject pronoun may stand for e: "er",
// "he", "she", "él", "ella" for a person; German "sie" also for a body
// ("die Regierung … Sie"); a plural ("they", "ellos") or a country never.
func singular(fold string, e *gazetteer.Entity) bool {
	switch fold {
	case "er", "he", "she", "el", "ella":
		return e.Type == gazetteer.TypePerson
	case "sie":
		return e.Type == gazetteer.TypePerson || e.Type == gazetteer.TypeOrganization
	}
	return false
}

// quotedSpeaker reports a statement, denial or accusation whose actors
// are all named inside a quotation while its verb stands outside it
// ("„Die Regierung Scholz hat versagt“, heißt es in dem Papier", "«Maduro
// miente», dijo un vocero"): a name in what was said is not the one who
// said it. A name borrowed from before (a pronoun, a role noun) stands
// where its word does.
func quotedSpeaker(q *sentQuotes, ev *Event) bool {
	if ev.Type != TypeStatement && ev.Type != TypeDeny && ev.Type != TypeAccuse {
		return false
	}
	if q.quoted(ev.TrigStart) {
		return false
	}
	for _, p := range ev.Participants {
		if p.Role == RoleActor && !q.quoted(p.at) {
			return false
		}
	}
	return true
}

// sentQuotes answers quoted for one sentence, reading once whether it
// begins inside a quotation.
type sentQuotes struct {
	text  string
	s     Sentence
	read  bool
	open  bool        // the sentence begins inside a quotation
	marks []quoteMark // its quotation marks, in order
	buf   [8]quoteMark
}

// quoteMark is a quotation mark of a sentence: where it ends, and the
// rune.
type quoteMark struct {
	end int
	r   rune
}

// quoted reports whether the offset at of sentence s lies inside a
// quotation: after an opening mark not closed before it („…“ in German,
// “…” elsewhere, «…», "…"). A sentence may begin inside a quotation
// opened before it: then its first closing mark comes first (an odd
// number of straight quotes, a closing mark before any opening one).
func quoted(text string, s Sentence, at int) bool {
	q := sentQuotes{text: text, s: s}
	return q.quoted(at)
}

// quoted reads the sentence's marks once; a mark counts before at when
// all of its bytes do.
func (q *sentQuotes) quoted(at int) bool {
	s := q.s
	if at < s.Start || at > s.End {
		return false
	}
	if !q.read {
		q.read = true
		q.readMarks()
	}
	in := q.open
	for _, m := range q.marks {
		if m.end > at {
			break
		}
		switch m.r {
		case '„', '«':
			in = true
		case '»', '”':
			in = false
		case '“':
			in = s.Lang != "de" // German closes with it, English and Spanish open
		case '"':
			in = !in
		}
	}
	return in
}

// readMarks finds the marks „ “ ” « » and " in one pass over the bytes:
// the first five are the sequences E2 80 9E, E2 80 9C, E2 80 9D, C2 AB
// and C2 BB, which no other rune contains.
func (q *sentQuotes) readMarks() {
	sent := q.text[q.s.Start:q.s.End]
	q.marks = q.buf[:0]
	straight := 0
	var first rune
	for i := 0; i < len(sent); i++ {
		// Eight bytes that hold none of the bytes a mark starts with are
		// passed at once (most of a sentence's bytes).
		for i+8 <= len(sent) && !mayStartQuote(swar.Load64(sent, i)) {
			i += 8
		}
		if i == len(sent) {
			break
		}
		var r rune
		n := 0
		switch c := sent[i]; {
		case c == '"':
			r, n = '"', 1
			straight++
		case c == 0xC2 && i+1 < len(sent) && (sent[i+1] == 0xAB || sent[i+1] == 0xBB):
			r, n = utf8.DecodeRuneInString(sent[i:])
		case c == 0xE2 && i+2 < len(sent) && sent[i+1] == 0x80 && sent[i+2] >= 0x9C && sent[i+2] <= 0x9E:
			r, n = utf8.DecodeRuneInString(sent[i:])
		default:
			continue
		}
		if r != '"' && first == 0 {
			first = r
		}
		q.marks = append(q.marks, quoteMark{end: q.s.Start + i + n, r: r})
		i += n - 1
	}
	q.open = straight%2 == 1 || first == '»' || first == '”' || first == '“' && q.s.Lang == "de"
}

// nounAnd joins two nouns inside a noun phrase.
var nounAnd = map[string]bool{"und": true, "y": true, "e": true, "and": true}

// sortParticipants orders ps by at (else by Start), keeping the order of
// equals: slices.SortStableFunc's order, by an insertion sort that
// compares in place (a sentence has few candidates; SortStableFunc's
// comparison took two copies of 80 bytes a call). TestSortParticipants
// holds it to SortStableFunc.
func sortParticipants(ps []Participant, byAt bool) {
	key := func(p *Participant) int {
		if byAt {
			return p.at
		}
		return p.Start
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && key(&ps[j]) < key(&ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
