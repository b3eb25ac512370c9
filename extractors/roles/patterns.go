package roles

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gazex/gazex/gazetteer"
)

// candidate is one name found next to a role or agency head.
type candidate struct {
	typ      string
	name     Span // token range of the name
	trimEnd  int  // byte end of the name when its last token was cut ("JunFoto"), else 0
	role     Span // byte range of the role text
	roleToks Span // token range of the role text
	headEnd  int  // index after the role noun itself (its complement follows)
	appos    bool // the name stands before its role ("NAME, ROLE")
	inner    bool // an agency whose name holds the country or place it is of ("Botschaft Nicaraguas")
	roleText string
	country  string
	sector   string
	// unconfirmed: an English name that prose did not call a PERSON,
	// kept because it ends with a surname of the gazetteer's office
	// holders; only a link to one of them (holder) makes it a finding.
	unconfirmed bool
	// wide is the capitalised name before prose cut its first words
	// ("Elizabeth Truss" of prose's "Truss"), when it ends with a
	// surname of the gazetteer's office holders: a title links by it.
	wide   Span
	linked *gazetteer.Entity // set by Extract: the holder a title names
}

// maxNameWords is the longest person name accepted ("Jorge Luis Perdomo
// Di-Lella" has four).
const maxNameWords = 4

// candidates looks for role and agency patterns at the tokens scan kept:
// every other token is one that the loop over every token skipped at
// once (TestScanKeepsEveryStart holds scan to the loop's first tests:
// "@", or a word of a language with a lexicon, capitalised in German,
// that lx.mayStart lets pass).
//
// The list lives in d.cands, pooled with the document's scratch: a
// candidate is some 140 bytes, and a list grown by append afresh for
// every document was the extractor's largest allocation.
func (d *doc) candidates() []candidate {
	out := d.cands[:0]
	defer func() { d.cands = out }()
	next := 0 // the index after the last pattern found: tokens before it are skipped
	for _, s := range d.starts {
		i := int(s)
		if i < next {
			continue
		}
		if d.toks[i].Fold == "@" {
			if c, end, ok := d.handleAt(i); ok {
				out = append(out, c)
				next = end
			}
			continue // "@" is no word
		}
		// Every other start is a word of a language with a lexicon
		// ("German roles and bodies are capitalised nouns") that may
		// begin a role, agency or mission: scan asked (addStarts).
		lx := d.lexAt(i)
		if c, end, ok := d.agencyAt(lx, i); ok {
			if d.stateBody(lx, &c) {
				out = append(out, c)
			}
			next = end
			continue
		}
		end, sector, ok := d.roleAt(lx, i)
		if !ok {
			continue
		}
		// A caption may name its subject before the role ("Foto: NAME,
		// Botschafter …"); a credit line never gives a role after a name.
		if c, ok := d.person(lx, i, end, sector); ok && (c.appos || !d.credited(c.name.Start)) && d.official(lx, &c) {
			out = append(out, c)
		}
		next = end
	}
	return out
}

// roleAt reports whether a role noun starts at token i, the index after
// it and its sector.
func (d *doc) roleAt(lx *lexicon, i int) (int, string, bool) {
	if lx.lang == d.langAt(i) {
		c := &d.roles[i]
		if !c.done {
			end, sector, ok := d.findRole(lx, i)
			c.end, c.sector, c.ok = int32(end), sector, ok
			c.done = true
		}
		return int(c.end), c.sector, c.ok
	}
	return d.findRole(lx, i)
}

// roleCache memoises roleAt per token: nameTok and the scans after a
// role ask about the same tokens again and again.
type roleCache struct {
	done, ok bool
	end      int32 // a token index: 24 bytes a token, not 32
	sector   string
}

func (d *doc) findRole(lx *lexicon, i int) (int, string, bool) {
	t := &d.toks[i]
	if lx.lang == "de" && t.Shape != gazetteer.ShapeCap {
		return 0, "", false // German nouns are capitalised
	}
	// "Administración General de Aduanas": in Spanish a capitalised role
	// word after a capitalised word is part of a name.
	if lx.lang == "es" && t.Shape == gazetteer.ShapeCap && i > 0 && d.same(i-1, i) && !t.LineBreak &&
		d.toks[i-1].Shape == gazetteer.ShapeCap && !lx.is(kindArticle, d.toks[i-1].Fold) && d.adjective(i-1) == "" {
		return 0, "", false
	}
	if !lx.mayStart(t.Fold) {
		return 0, "", false // no role begins with it (nameTok and person ask of many words)
	}
	end, sector := 0, ""
	if f, e, ok := lx.matchIn(lx.roles, &lx.roleHeads, d.toks, i); ok {
		end, sector = e, f.sector
	} else if lx.lang == "de" {
		s, ok := lx.suffixRole(t.Fold)
		if !ok {
			return 0, "", false
		}
		end, sector = i+1, s
	} else {
		return 0, "", false
	}
	// "Außenminister-Konsultationen": the role is only the first part of
	// a compound.
	if end < len(d.toks) && d.toks[end].Fold == "-" && d.toks[end].Start == d.toks[end-1].End {
		return 0, "", false
	}
	return end, sector, true
}

func (d *doc) same(a, b int) bool { return d.sent[a] == d.sent[b] }

// glued reports whether token k is a hyphen joined to words on both sides
// ("Kreml-Sprecher", "Díaz-Canel").
func (d *doc) glued(k int) bool {
	if k <= 0 || k+1 >= len(d.toks) || d.toks[k].Fold != "-" {
		return false
	}
	return d.toks[k-1].End == d.toks[k].Start && d.toks[k].End == d.toks[k+1].Start &&
		isWord(&d.toks[k-1]) && isWord(&d.toks[k+1])
}

// adjective returns the country of a nationality adjective at token k.
func (d *doc) adjective(k int) string {
	key := d.toks[k].Key
	if !d.x.adjectivePrints.may(key) {
		return "" // most words asked are none: no hash of the key
	}
	return d.x.adjectives[key]
}

// countryAt returns the country that token k names: an adjective, a
// country name (also in the genitive: "Chinas"), or a body of the
// gazetteer that belongs to one country.
func (d *doc) countryAt(k int) string {
	t := &d.toks[k]
	if d.x.adjectivePrints.may(t.Key) { // adjective(k), inline
		if c := d.x.adjectives[t.Key]; c != "" {
			return c
		}
	}
	if e := d.tagged[k]; e != nil && e.Country != "" && e.Country != "INT" && e.Type != gazetteer.TypePerson {
		return e.Country
	}
	if t.Shape != gazetteer.ShapeOther && d.x.countryPrints.may(t.Key) {
		return d.x.countryKeys[t.Key]
	}
	return ""
}

// leftOf extends a role or body head at i to the left over compound parts
// ("Kreml-", "Vize-"), modifiers and nationality adjectives ("die
// kubanische Kommunikationsministerin"), and in English over capitalised
// premodifiers ("Foreign Minister", "Kremlin spokesman").
func (d *doc) leftOf(lx *lexicon, i int) int {
	j := i
	for steps := 0; steps < 4 && j > 0; steps++ {
		if d.toks[j].LineBreak || !d.same(j-1, j) {
			break
		}
		p := &d.toks[j-1]
		switch {
		case j >= 2 && d.glued(j-1):
			j -= 2
		case d.adjective(j-1) != "", lx.is(kindModifier, p.Fold):
			j--
		case lx.lang == "en" && p.Shape != gazetteer.ShapeOther && (lx.is(kindPremod, p.Fold) || d.countryAt(j-1) != ""):
			j--
		case lx.lang == "en" && lx.is(kindPremod, p.Fold):
			j--
		default:
			return j
		}
	}
	return j
}

// capRun returns the end of the run of capitalised words (with the
// hyphens inside them) that starts at p, within the sentence of p.
func (d *doc) capRun(p int) int {
	q := p
	for q < len(d.toks) && q-p < 10 && d.same(p, q) && (q == p || !d.toks[q].LineBreak) {
		t := &d.toks[q]
		switch {
		case isWord(t) && t.Shape != gazetteer.ShapeOther:
			q++
		case d.glued(q) && d.toks[q+1].Shape != gazetteer.ShapeOther:
			q++
		case d.particle(q):
			q++
		default:
			return q
		}
	}
	return q
}

// nameParticles are the lower-case words inside names ("Ursula von der
// Leyen", "Juan de la Cruz", "Mohammed bin Salman").
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "del": true, "la": true,
	"da": true, "di": true, "dos": true, "das": true, "bin": true, "ibn": true, "al": true,
}

// articleParticles are particles that never open a name.
var articleParticles = map[string]bool{"der": true, "den": true, "das": true, "la": true}

// particle reports whether token k is a name particle between
// capitalised words (a run of particles counts: "von der").
func (d *doc) particle(k int) bool {
	// The shape first: most tokens asked are capitalised, and no map
	// lookup is needed to rule them out.
	if d.toks[k].Shape != gazetteer.ShapeOther || k == 0 || d.toks[k].LineBreak || !nameParticles[d.toks[k].Fold] {
		return false
	}
	// "Adel al-Dschubeir": a particle glued to the next word.
	if d.glued(k+1) && d.toks[k+1].Start == d.toks[k].End && d.toks[k+2].Shape == gazetteer.ShapeCap &&
		d.same(k-1, k) && d.toks[k-1].Shape == gazetteer.ShapeCap && d.toks[k-1].End < d.toks[k].Start {
		return true
	}
	prev := k - 1
	for prev > 0 && nameParticles[d.toks[prev].Fold] && d.toks[prev].Shape == gazetteer.ShapeOther {
		prev--
	}
	// "der", "den", "das" and "la" follow another particle ("von der
	// Leyen", "de la Cruz"): alone they are articles ("Ambulanz der
	// Frauenheilkunde", "Ruto das Lager").
	if first := d.toks[prev+1].Fold; articleParticles[first] && !(prev+1 == k && nameParticles[d.toks[prev].Fold] && !articleParticles[d.toks[prev].Fold]) {
		return false // (a capitalised "Von der Leyen" opens with "Von")
	}
	next := k + 1
	for next < len(d.toks) && nameParticles[d.toks[next].Fold] && d.toks[next].Shape == gazetteer.ShapeOther {
		next++
	}
	return next < len(d.toks) && d.same(prev, next) && !d.toks[next].LineBreak &&
		d.toks[prev].Shape == gazetteer.ShapeCap && d.toks[next].Shape == gazetteer.ShapeCap
}

// nameTok reports whether token k may be part of a person's name.
//
// nameIn asks it of each word of a run twice, person of runs that
// overlap, coref of the words around every later mention: the answer
// depends only on the token, the tagger's findings and the lexicon, so it
// is kept per token (d.names) for the lexicon of the token's own language.
func (d *doc) nameTok(lx *lexicon, k int) bool {
	if lx != d.lexAt(k) {
		return d.isNameTok(lx, k)
	}
	switch d.names[k] {
	case nameYes:
		return true
	case nameNo:
		return false
	}
	ok := d.isNameTok(lx, k)
	d.names[k] = nameNo
	if ok {
		d.names[k] = nameYes
	}
	return ok
}

// The values of doc.names.
const (
	nameUnknown uint8 = iota // not asked yet
	nameNo
	nameYes
)

// isNameTok is nameTok without the memo.
func (d *doc) isNameTok(lx *lexicon, k int) bool {
	t := &d.toks[k]
	if d.glued(k) {
		return true
	}
	if d.particle(k) {
		return true // between capitalised words; nameIn drops a particle at the edge
	}
	if !isWord(t) || t.Shape != gazetteer.ShapeCap {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t.Fold); unicode.IsDigit(r) {
		return false
	}
	firstName := d.placeFirstName(k)
	if e := d.tagged[k]; e != nil && e.Type != gazetteer.TypePerson && !firstName {
		return false
	}
	if (d.countryAt(k) != "" && !firstName) || d.x.nonName(lx, t.Fold) || lx.nonStateWord(t.Fold, false) {
		return false
	}
	if lx.nounLike(t.Fold) && !d.x.nameWords[t.Key] {
		return false
	}
	if _, _, ok := d.roleAt(lx, k); ok {
		return false
	}
	if _, _, ok := d.bodyAt(lx, k); ok {
		return false // also a compound: "Wohlfahrtsamts"
	}
	return true
}

// placeFirstName reports whether token k, which the tagger took for a
// one-word place, is a first name: another capitalised word the tagger
// left alone follows it ("Santiago Pedraz", "Florence Parly").
func (d *doc) placeFirstName(k int) bool {
	e := d.tagged[k]
	if e == nil || e.Type != gazetteer.TypePlace || k+1 >= len(d.toks) || d.tagged[k+1] != nil ||
		(k > 0 && d.tagged[k-1] == e) || !d.same(k, k+1) || d.toks[k+1].Shape != gazetteer.ShapeCap {
		return false
	}
	// Not "Bürgermeister von Berlin Kai Wegner", "alcalde de Santiago
	// Claudio Orrego": a place after a preposition, or before two more
	// names, is the place.
	if k > 0 && d.same(k-1, k) && isWord(&d.toks[k-1]) && d.toks[k-1].Shape == gazetteer.ShapeOther {
		return false
	}
	if k+2 < len(d.toks) && d.same(k, k+2) && isWord(&d.toks[k+2]) && d.toks[k+2].Shape != gazetteer.ShapeOther {
		return false
	}
	return d.toks[k+1].Start > d.toks[k].End
}

// nonName reports whether a folded word is never part of a name in the
// language of lx (weekdays, months, articles, body words: the English
// "He" is a Chinese family name in German text), or a credit in any.
func (x *Extractor) nonName(lx *lexicon, fold string) bool {
	return lx.is(kindNonName, fold) || lx.wordHeads[kindArticle].may(fold) && lx.wordPrints[kindArticle].may(fold) && lx.words[kindArticle][fold] || x.isCredit(fold)
}

// nameIn returns the longest run of name tokens that ends the capitalised
// run [p, end), without leading titles or hyphens, and the byte end of the
// name when a photo credit is glued to its last word ("Dong JunFoto").
func (d *doc) nameIn(lx *lexicon, p, end int) (int, int, int) {
	trim := 0
	// A credit glued to the last word ends the name inside that word.
	for k := p; k < end; k++ {
		if cut := d.gluedCredit(k); cut > 0 {
			end, trim = k+1, cut
			break
		}
	}
	// "Peter Frank Anfang Mai": words after the name end the run.
	for end > p+1 && (!d.nameTok(lx, end-1) || d.toks[end-1].Shape == gazetteer.ShapeOther) {
		end--
	}
	k := end
	for k > p && d.nameTok(lx, k-1) {
		k--
	}
	for k < end && (d.toks[k].Fold == "-" || d.isTitle(k) || d.toks[k].Shape == gazetteer.ShapeOther) {
		k++
	}
	if end > k && d.toks[end-1].Fold == "-" {
		return 0, 0, 0
	}
	return k, end, trim
}

// isTitle reports whether token k is a title of any language's lexicon.
func (d *doc) isTitle(k int) bool {
	return d.x.titleHeads.may(d.toks[k].Fold) && d.x.titles[d.toks[k].Fold]
}

// gluedCredit returns the byte offset where a credit word glued to token k
// begins ("JunFoto" → the offset of "Foto"), or 0.
func (d *doc) gluedCredit(k int) int {
	t := &d.toks[k]
	s := d.text[t.Start:t.End]
	// Most tokens are ASCII: there a credit can begin only at an upper-case
	// letter after a lower-case one, found byte by byte without decoding
	// (TestGluedCredit holds it to the rune loop, gluedCreditRunes).
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || s[i-1] >= utf8.RuneSelf {
			return d.gluedCreditRunes(t.Start, s)
		}
		if 'A' <= c && c <= 'Z' && 'a' <= s[i-1] && s[i-1] <= 'z' && d.x.isCredit(gazetteer.Fold(s[i:])) {
			return t.Start + i
		}
	}
	return 0
}

// gluedCreditRunes is gluedCredit of a token s at byte offset start.
func (d *doc) gluedCreditRunes(start int, s string) int {
	prevLower := false
	for i, r := range s {
		if i > 0 && prevLower && unicode.IsUpper(r) {
			if d.x.isCredit(gazetteer.Fold(s[i:])) {
				return start + i
			}
		}
		prevLower = unicode.IsLower(r)
	}
	return 0
}

// isCredit reports whether a folded word is a credit marker of any
// language. credited asks it of every word before a name back to the
// sentence's start: creditHeads rules out most without a map lookup.
func (x *Extractor) isCredit(fold string) bool {
	return x.creditHeads.may(fold) && x.credits[fold]
}

// bylinePrepositions are credit words that are also common prepositions.
var bylinePrepositions = map[string]bool{"por": true, "by": true}

// credited reports whether a credit marker ("Foto", "©", "Quelle")
// precedes token k in its sentence: names there are photographers, authors
// and sources.
// A marker counts when it opens the line or sentence ("Foto © …", "Por
// Juan Pérez") or stands just before the name: "por razones humanitarias,
// al líder …" is no byline.
func (d *doc) credited(k int) bool {
	for j := k; j >= 0 && d.same(j, k); j-- {
		if !d.x.isCredit(d.toks[j].Fold) {
			continue
		}
		// "Por su parte", "By then": a byline's preposition is followed
		// by a name.
		if bylinePrepositions[d.toks[j].Fold] && j+1 < len(d.toks) && isWord(&d.toks[j+1]) && d.toks[j+1].Shape == gazetteer.ShapeOther {
			continue
		}
		if k-j <= 3 || j == 0 || d.toks[j].LineBreak || !d.same(j-1, j) {
			return true
		}
	}
	return false
}

// isWord is t.IsWord() without copying the token to call it: the role
// patterns ask it of most tokens. For an ASCII first byte the answer is
// IsWord's of that byte alone, taken from IsWord itself once
// (asciiWordByte; TestIsWord holds the two together).
func isWord(t *gazetteer.Token) bool {
	if f := t.Fold; f != "" && f[0] < utf8.RuneSelf {
		return asciiWordByte[f[0]]
	}
	return t.IsWord()
}

var asciiWordByte = func() (w [utf8.RuneSelf]bool) {
	for b := range w {
		w[b] = gazetteer.Token{Fold: string(rune(b))}.IsWord()
	}
	return w
}()

func words(toks []gazetteer.Token) int {
	n := 0
	for i := range toks {
		if isWord(&toks[i]) {
			n++
		}
	}
	return n
}

// person looks for the name that a role at [i, end) introduces: after it
// ("Kreml-Sprecher Dimtri Peskow", "Vize-Direktorin der chinesischen
// Cyberspace-Behörde Cao Shumin", "el ministro de Defensa de Rusia,
// Serguéi Shoigú") or, in apposition, before it ("Álvaro López Miera,
// Minister der FAR").
func (d *doc) person(lx *lexicon, i, end int, sector string) (candidate, bool) {
	n := len(d.toks)
	if d.titleCase(lx, i) {
		return candidate{}, false
	}
	rs := d.leftOf(lx, i)
	p := end
	// Adjectives after the role: "el canciller cubano".
	for p < n && d.same(p, i) && d.toks[p].Shape == gazetteer.ShapeOther && (d.adjective(p) != "" || lx.is(kindModifier, d.toks[p].Fold)) {
		p++
	}
	roleEnd := p
	immediate, comma := true, false
	name, trim, found := Span{}, 0, false
	unconfirmed := false // found's name, by holderSurname alone
	var wide Span        // found's name before prose cut it
	for steps := 0; p < n && steps < 24 && d.same(p, i); steps++ {
		t := &d.toks[p]
		if p > end {
			if _, _, ok := d.roleAt(lx, p); ok {
				break // another role begins: it introduces its own name
			}
		}
		if e := d.tagged[p]; p > end && e != nil && e.Type != gazetteer.TypePerson && !d.placeFirstName(p) {
			if comma {
				break
			}
			// A tagged body, place or country completes the role: "de
			// EE.UU.", "del PP", "im Bundestag".
			for p < n && d.tagged[p] == e && d.same(p, i) {
				p++
			}
			immediate = false
			roleEnd = p
			continue
		}
		if t.Fold == "(" && !comma {
			// An acronym in parentheses: "(OIEA)".
			q := p + 1
			for q < n && q-p < 6 && d.same(q, i) && d.toks[q].Fold != ")" && isWord(&d.toks[q]) {
				q++
			}
			if q < n && q > p+1 && d.toks[q].Fold == ")" && d.same(q, i) {
				p = q + 1
				roleEnd = p
				immediate = false
				continue
			}
			break
		}
		if t.Shape == gazetteer.ShapeOther && !comma && lx.is(kindLocPrep, t.Fold) {
			// "Botschafter in Berlin", "embajadora de Chile en Lima",
			// "Vertreter bei der OPCW": the place or body the role serves.
			q := p + 1
			for q < n && d.same(q, i) && d.toks[q].Shape == gazetteer.ShapeOther && lx.is(kindArticle, d.toks[q].Fold) {
				q++
			}
			if q < n && d.same(q, i) && (d.countryAt(q) != "" || (d.tagged[q] != nil && d.tagged[q].Type != gazetteer.TypePerson)) {
				p = q
				immediate = false
				if d.tagged[q] == nil {
					p++
					roleEnd = p
				}
				continue
			}
			// A place the gazetteer lacks, before the name in apposition:
			// "embajador de Irán en Beirut, NAME".
			if r := d.capRun(q); q < n && r > q && r-q <= 3 && r < n && d.toks[r].Fold == "," && d.same(r, i) {
				p, roleEnd, immediate = r, r, false
				continue
			}
			break
		}
		if !isWord(t) {
			if t.Fold == "," && !comma && p+1 < n && d.same(p+1, i) && d.toks[p+1].Shape != gazetteer.ShapeOther {
				comma = true
				p++
				continue
			}
			break
		}
		if t.Shape == gazetteer.ShapeOther {
			if comma {
				break
			}
			if lx.is(kindConnector, t.Fold) || lx.is(kindArticle, t.Fold) {
				immediate = false
				p++
				continue
			}
			if d.adjective(p) != "" || lx.is(kindModifier, t.Fold) || (lx.lang == "de" && adjectival(t.Fold) && p+1 < n && d.toks[p+1].Shape == gazetteer.ShapeCap) {
				immediate = false
				p++
				roleEnd = p
				continue
			}
			break
		}
		runEnd := d.capRun(p)
		if runEnd == p {
			break
		}
		ns, ne, cut := d.nameIn(lx, p, runEnd)
		unconf, cutWide := false, Span{}
		if lx.lang == "en" {
			// English names must be prose's PERSONs too: "Central
			// Bank", "Worcester University" are not.
			if s, e, ok := d.prosePerson(p, runEnd); ok {
				// prose runs a person over the words nameIn leaves out
				// ("Governor John Rankin Thursday called"): they end it.
				e = max(min(e, ne), s)
				if e == ne && s > ns && d.holderSurname(ne-1) {
					cutWide = Span{ns, ne}
				}
				ns, ne = s, e
			} else if ne-ns >= 2 && d.holderSurname(ne-1) {
				unconf = true // "British Foreign Secretary Elizabeth Truss": Extract decides
			} else {
				ne = ns
			}
		}
		// A name right after an article, connector or adjective is the
		// noun of the role's complement ("Leiter des Wohlfahrtsamts",
		// "Berater des amerikanischen Militärgouverneurs Clay"); a name
		// follows the role itself, a comma, or a body's name.
		if ns == p && !immediate && !comma && p > 0 && isWord(&d.toks[p-1]) && d.toks[p-1].Shape == gazetteer.ShapeOther && d.tagged[p-1] == nil {
			ne = ns
		}
		// Spanish body names run over capitalised adjectives: after a
		// body's noun in the run, the capitals go on with its name ("de
		// la Comisión Ejecutiva Portuaria Autónoma") unless a person's
		// name word the gazetteer knows begins them ("de la Policía
		// Nacional Juan …").
		if lx.lang == "es" && ns > p && !comma && ne > ns {
			if _, _, body := d.bodyAt(lx, ns-1); body && !d.x.nameWords[d.toks[ns].Key] {
				ne = ns
			}
		}
		min := 2
		if immediate && !comma {
			min = 1
		}
		// A nearer role inside the run introduces the name: "Direktorin
		// des Kabinetts von Präsident NAME" names the president.
		nearer := false
		for k := p; k < ns && ne > ns; k++ {
			if _, _, ok := d.roleAt(lx, k); ok {
				nearer = true
				break
			}
		}
		if nearer {
			break
		}
		// After a connector, a run followed by ", Name" is the role's
		// complement: "al líder del Frente Polisario, Brahim Ghali".
		complement := !immediate && !comma && runEnd+1 < n && d.toks[runEnd].Fold == "," && d.same(runEnd+1, i) &&
			d.toks[runEnd+1].Shape == gazetteer.ShapeCap && d.nameTok(lx, runEnd+1)
		if w := words(d.toks[ns:ne]); !complement && ne > ns && w >= min && w <= maxNameWords && (!comma || ns == p) {
			name, trim, found = Span{ns, ne}, cut, true
			unconfirmed, wide = unconf, cutWide
			if ns > p {
				roleEnd = lastWord(d.toks, p, ns) + 1
			}
			break
		}
		if comma {
			break
		}
		immediate = false
		p = runEnd
		roleEnd = runEnd
	}
	c := candidate{typ: gazetteer.TypePerson, sector: sector, unconfirmed: unconfirmed, wide: wide}
	if !found {
		// Apposition: "NAME, [article] ROLE …".
		q := rs - 1
		for q >= 0 && d.same(q, i) && d.toks[q].Shape == gazetteer.ShapeOther && lx.is(kindArticle, d.toks[q].Fold) {
			q--
		}
		if q < 1 || d.toks[q].Fold != "," || !d.same(q, i) || !d.same(q-1, q) {
			return c, false
		}
		s := q
		for s > 0 && q-s < 8 && d.same(s-1, q) && !d.toks[s].LineBreak && (d.toks[s-1].Shape != gazetteer.ShapeOther || d.glued(s-1)) {
			s--
		}
		// A sentence's first word is capitalised whatever it is: "Für
		// Philipp Sander, dem Vorsitzenden des Rings …".
		for s < q && (lx.is(kindConnector, d.toks[s].Fold) || lx.is(kindArticle, d.toks[s].Fold) || lx.is(kindLocPrep, d.toks[s].Fold)) {
			s++
		}
		ns, ne, cut := d.nameIn(lx, s, q)
		w := words(d.toks[ns:ne])
		if ne <= ns || w > maxNameWords || (w < 2 && !(d.tagged[ns] != nil && d.tagged[ns].Type == gazetteer.TypePerson)) {
			return c, false
		}
		// An English name after an article is a title's, not a person's:
		// "first disclosed by the Aspen Times, the former mayor argued".
		if lx.lang == "en" && ns > 0 && d.same(ns-1, ns) && lx.is(kindArticle, d.toks[ns-1].Fold) {
			return c, false
		}
		name, trim = Span{ns, ne}, cut
		c.appos = true
	}
	if roleEnd <= rs {
		roleEnd = end
	}
	c.roleToks, c.headEnd = Span{rs, roleEnd}, end
	c.name, c.trimEnd = name, trim
	c.role = Span{d.toks[rs].Start, d.toks[roleEnd-1].End}
	c.roleText = d.text[c.role.Start:c.role.End]
	for k := rs; k < roleEnd; k++ {
		if country := d.countryAt(k); country != "" {
			c.country = country
			break
		}
	}
	return c, true
}

// official reports whether a person candidate holds an office of the
// state, or of a party: not when its role is one outside the state
// ("Rechtsanwalt", "CEO"), or its role or complement names a company, club,
// federation or NGO ("Konzernchef", "Chef des Konzerns", "presidente del
// club", "tournament director"). A party or a business tagged in the
// complement decides the sector: "el líder del PP" is PTY.
func (d *doc) official(lx *lexicon, c *candidate) bool {
	if c.sector == sectorNonState {
		// "Chef" alone is an official's only where a state body or party
		// was just named: "das Finanzministerium, dessen designierter
		// Chef", "die FPÖ und deren Chef".
		h := c.headEnd - 1
		if h < 0 || !lx.is(kindChief, d.toks[h].Fold) {
			return false
		}
		sector := ""
		for k := h - 1; k >= 0 && h-k <= 8 && d.same(k, h); k-- {
			if e := d.tagged[k]; e != nil && e.Type == gazetteer.TypeOrganization && !nonStateSector[e.Sector] {
				sector = e.Sector
				break
			}
			if f, _, ok := d.bodyAt(lx, k); ok {
				sector = f.sector
				break
			}
		}
		if sector == "" {
			return false
		}
		c.sector = sector
	}
	from, to := c.roleToks.Start, c.roleToks.End
	// Two words before the role ("tennis tournament director", "der
	// Club-Präsident") and, for an apposition, the complement after it.
	for k := 0; k < 2 && from > 0 && d.same(from-1, c.roleToks.Start) && isWord(&d.toks[from-1]); k++ {
		from--
	}
	if c.appos {
		for to < len(d.toks) && to-c.roleToks.End < 6 && d.same(to, c.roleToks.Start) && isWord(&d.toks[to]) {
			to++
		}
	}
	// "VW-Chef", "FIFA-Präsident": a role glued to a name that is no
	// country, state body or state word is an office of that firm or club.
	for k := c.roleToks.Start + 1; k+1 < c.headEnd; k++ {
		if !d.glued(k) {
			continue
		}
		p := k - 1
		if d.countryAt(p) != "" || lx.is(kindModifier, d.toks[p].Fold) || lx.is(kindNonName, d.toks[p].Fold) || lx.is(kindPremod, d.toks[p].Fold) {
			continue
		}
		if e := d.tagged[p]; e != nil && e.Type == gazetteer.TypeOrganization {
			continue // its sector is judged below
		}
		if _, _, ok := d.bodyAt(lx, p); ok {
			continue
		}
		if lx.is(kindStateRole, d.toks[c.headEnd-1].Fold) {
			continue // "OPCW-Generaldirektor", "UNRWA-Generalkommissar"
		}
		return false
	}
	if d.unknownComplement(lx, c) {
		return false
	}
	for k := from; k < to; k++ {
		if c.name.Start <= k && k < c.name.End {
			continue
		}
		t := &d.toks[k]
		if !isWord(t) {
			continue
		}
		role := k >= c.roleToks.Start && k < c.roleToks.End
		if e := d.tagged[k]; e != nil && e.Type == gazetteer.TypeOrganization && !nonStateSector[e.Sector] && e.Sector != "" {
			continue // a known state body ("Robert Koch-Institut") is not a club
		}
		if lx.nonStateWord(t.Fold, role && lx.inflect) && !d.stateMarked(lx, k) {
			return false
		}
		if e := d.tagged[k]; e != nil && e.Type == gazetteer.TypeOrganization && k >= c.roleToks.Start {
			switch {
			case nonStateSector[e.Sector]:
				return false
			case e.Sector == "PTY":
				if c.sector == "GOV" {
					c.sector = "PTY"
				}
			}
		}
	}
	return true
}

// unknownComplement reports whether the role's complement is an acronym
// that neither the gazetteer nor the lexicon knows ("Präsident des BSV",
// "Vorsitzende der DLRG", "presidente de la AIRD"): a federation, club or
// firm, more often than an agency the gazetteer lacks. Party roles are
// exempt (their complement is a party), and so is what follows a
// preposition of place ("en Ottawa").
func (d *doc) unknownComplement(lx *lexicon, c *candidate) bool {
	if c.sector == "PTY" {
		return false
	}
	acronyms, known := 0, false
	for k := c.headEnd; k < c.roleToks.End; k++ {
		if c.name.Start <= k && k < c.name.End {
			continue
		}
		t := &d.toks[k]
		if t.Fold == "," || (t.Shape == gazetteer.ShapeOther && lx.is(kindLocPrep, t.Fold)) {
			break
		}
		if !isWord(t) || t.Shape == gazetteer.ShapeOther {
			continue
		}
		if d.tagged[k] != nil || d.countryAt(k) != "" || lx.is(kindNonName, t.Fold) || lx.is(kindBodyAdj, t.Fold) {
			known = true
			break
		}
		if _, _, ok := d.bodyAt(lx, k); ok {
			known = true
			break
		}
		if _, _, ok := d.roleAt(lx, k); ok {
			known = true
			break
		}
		if t.Shape == gazetteer.ShapeUpper && len(t.Fold) >= 2 {
			acronyms++
		}
	}
	return acronyms > 0 && !known
}

// weakHeads are body heads that name an office of any institution, not
// only of the state: "Büro der …-Stiftung", "Department of Economics".
var weakHeads = map[string]bool{
	"buro": true, "buros": true, "abteilung": true, "direktion": true,
	"department": true, "office": true, "departamento": true, "oficina": true,
}

// stateBody reports whether a discovered body is one of the state: no
// word of a body outside it in its name ("Büro der Hanns-Seidel-Stiftung")
// unless a known state body is named, and a weak head ("Büro",
// "Department") only with a country or a known state body in it.
func (d *doc) stateBody(lx *lexicon, c *candidate) bool {
	known := false
	for k := c.name.Start; k < c.name.End; k++ {
		if e := d.tagged[k]; e != nil && e.Type == gazetteer.TypeOrganization && e.Sector != "" {
			if nonStateSector[e.Sector] {
				return false // "Juristische Kommission von ARD und ZDF"
			}
			known = true
		}
	}
	// The body's complement may follow the name: "Juristische Kommission
	// von ARD und ZDF".
	for k := c.name.End; k < len(d.toks) && k < c.name.End+3 && d.same(k, c.name.Start); k++ {
		if e := d.tagged[k]; e != nil {
			if e.Type == gazetteer.TypeOrganization && nonStateSector[e.Sector] {
				return false
			}
			break
		}
		if t := &d.toks[k]; isWord(t) && t.Shape != gazetteer.ShapeOther {
			break
		}
	}
	if known {
		return true
	}
	for k := c.name.Start; k < c.name.End; k++ {
		t := &d.toks[k]
		if isWord(t) && lx.nonStateWord(t.Fold, false) && !d.stateMarked(lx, k) {
			return false
		}
	}
	if c.country == "" && c.name.End > c.name.Start {
		head := c.name.Start
		for head < c.name.End-1 && (d.adjective(head) != "" || lx.is(kindBodyAdj, d.toks[head].Fold)) {
			head++
		}
		if weakHeads[d.toks[head].Fold] && !d.namesState(c.name) {
			return false
		}
	}
	return true
}

// stateStems mark a word of the state's own ("Oficina de Coordinación
// de Políticas Gubernamentales", "Büro des Bundespräsidenten").
var stateStems = []string{"regierung", "gubernament", "government", "gobierno", "ministeri", "minister",
	"presiden", "kanzler", "cancill", "bundes", "staat", "estatal", "nacional", "national", "federal"}

// namesState reports whether a word of the span has a state stem.
func (d *doc) namesState(sp Span) bool {
	for k := sp.Start; k < sp.End; k++ {
		for _, st := range stateStems {
			if strings.Contains(d.toks[k].Fold, st) {
				return true
			}
		}
	}
	return false
}

// stateMarked reports whether the body word at k is marked as the
// state's own: "Bundes-", "Staats-" or "Landes-" right before a nonstate
// word ("Bundesinstitut", not "Landesfeuerwehrverband"), or a word "national", "nacional", "federal" or
// "estatal" right before or after it ("Instituto Nacional de Estadística",
// "National Institute of Health").
func (d *doc) stateMarked(lx *lexicon, k int) bool {
	for _, p := range [...]string{"bundes", "staats", "landes"} {
		if rest, ok := strings.CutPrefix(d.toks[k].Fold, p); ok {
			for _, w := range [...]string{rest, strings.TrimSuffix(rest, "s"), strings.TrimSuffix(rest, "es")} {
				if lx.words[kindNonState][w] {
					return true
				}
			}
		}
	}
	for _, j := range [...]int{k - 1, k + 1} {
		if j < 0 || j >= len(d.toks) || !d.same(j, k) {
			continue
		}
		switch d.toks[j].Fold {
		case "national", "nacional", "federal", "estatal", "nationale", "nationalen", "staatliche", "staatlichen", "bundeseigene", "bundeseigenen":
			return true
		}
	}
	return false
}

// nonStateSector are the sectors of organisations outside the state.
var nonStateSector = map[string]bool{"BUS": true, "NGO": true, "MED": true, "EDU": true, "REL": true, "LAB": true, "CVL": true}

// lastWord returns the index of the last word token in [from, to), or
// from-1 when there is none.
func lastWord(toks []gazetteer.Token, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if isWord(&toks[k]) {
			return k
		}
	}
	return from - 1
}

// adjectival reports whether a lower-case German word has an adjective's
// ending ("geschäftsführenden", "nationalen").
func adjectival(fold string) bool {
	for _, e := range []string{"en", "er", "es", "em", "e"} {
		if len(fold) > 4 && strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

// agencyAt looks for an agency introduced at token i: a news agency's name
// after its head ("Nachrichtenagentur Xinhua", "la agencia EFE"), a body
// with its complement ("Ministerium für Staatssicherheit", "Ministerio de
// Relaciones Exteriores"), or a body qualified by a nationality ("die
// chinesische Cyberspace-Behörde"). It returns the index after the
// pattern.
func (d *doc) agencyAt(lx *lexicon, i int) (candidate, int, bool) {
	n := len(d.toks)
	c := candidate{typ: gazetteer.TypeOrganization}
	t := &d.toks[i]
	if f, end, ok := lx.matchIn(lx.newsAgency, &lx.newsHeads, d.toks, i); ok && (lx.lang == "de") == (t.Shape == gazetteer.ShapeCap) {
		p := end
		for p < n && d.same(p, i) && isQuote(d.toks[p].Fold) {
			p++
		}
		q := p
		for q < n && q-p < 4 && d.same(p, q) && d.toks[q].Shape != gazetteer.ShapeOther && isWord(&d.toks[q]) &&
			!d.x.nonName(lx, d.toks[q].Fold) && d.countryAt(q) == "" && (d.tagged[q] == nil || d.tagged[q].Type == gazetteer.TypeOrganization) {
			q++
		}
		if q == p {
			return c, 0, false
		}
		c.name, c.sector = Span{p, q}, f.sector
		if i > 0 && d.same(i-1, i) {
			c.country = d.adjective(i - 1)
		}
		return c, q, true
	}
	if c, end, ok := d.missionAt(lx, i); ok {
		return c, end, true
	}
	if t.Shape != gazetteer.ShapeCap {
		return c, 0, false
	}
	f, end, ok := d.bodyAt(lx, i)
	if !ok {
		return c, 0, false
	}
	c.sector = f.sector
	head := end
	// Adjectives that belong to the name: "Policía Nacional", "Fiscalía
	// General de la Nación", "Fuerza Aérea Colombiana".
	for end < n && d.same(end, i) && d.toks[end].Shape == gazetteer.ShapeCap && lx.is(kindBodyAdj, d.toks[end].Fold) {
		end++
	}
	adjEnd := end
	// A nationality after the head: "Ejército israelí", "Presidencia
	// argelina", "Fuerza Aérea Colombiana".
	if !lx.inflect && end < n && d.same(end, i) && d.adjective(end) != "" {
		c.name, c.country, c.inner = Span{i, end + 1}, d.adjective(end), true
		return c, end + 1, true
	}
	// A country in the genitive: "Oberster Gerichtshof Südkoreas",
	// "Außenministerium Chinas".
	if lx.inflect && end < n && d.same(end, i) && d.toks[end].Shape == gazetteer.ShapeCap && d.countryAt(end) != "" &&
		(d.tagged[end] == nil || d.tagged[end].Type == gazetteer.TypeCountry) {
		q := d.spanEnd(end)
		s := i
		if i > 0 && d.same(i-1, i) && d.toks[i-1].Shape == gazetteer.ShapeCap && lx.is(kindBodyAdj, d.toks[i-1].Fold) {
			s = i - 1
		}
		c.name, c.country, c.inner = Span{s, q}, d.countryAt(end), true
		return c, q, true
	}
	// A German body and the place it serves: "Staatsanwaltschaft Wien".
	if lx.inflect && end < n && d.same(end, i) && d.tagged[end] != nil && d.tagged[end].Type == gazetteer.TypePlace {
		e := d.tagged[end]
		q := end
		for q < n && d.tagged[q] == e {
			q++
		}
		c.name, c.country, c.inner = Span{i, q}, e.Country, true
		return c, q, true
	}
	// Body with a complement: "Ministerium für …", "Ministry of …".
	if end < n && d.same(end, i) && lx.is(kindConnector, d.toks[end].Fold) && !isAnd(d.toks[end].Fold) && (!lx.inflect || germanGenitive[d.toks[end].Fold]) {
		last := -1
		for q := end + 1; q < n && q-end < 10 && d.same(q, i); q++ {
			tq := &d.toks[q]
			if isWord(tq) && tq.Shape != gazetteer.ShapeOther {
				if country := d.countryAt(q); country != "" {
					c.country = country
					break
				}
				if e := d.tagged[q]; e != nil && e.Type == gazetteer.TypePerson {
					break
				}
				if _, _, isRole := d.roleAt(lx, q); isRole {
					break
				}
				if _, _, isBody := d.bodyAt(lx, q); isBody && q > end+1 {
					if q == last+1 && lx.is(kindBodyAdj, d.toks[last].Fold) {
						last = q // "des Auswärtigen Amts"
					}
					break // a second body: "… und das Ministerium für …"
				}
				if _, _, isAgency := lx.matchIn(lx.newsAgency, &lx.newsHeads, d.toks, q); isAgency {
					break
				}
				// German: a noun right after a noun ends the name
				// ("Bundesamt für Naturschutz Fördermittel"), unless the
				// first is an adjective ("Auswärtige Angelegenheiten").
				if lx.inflect && last == q-1 && !adjectival(d.toks[last].Fold) {
					break
				}
				last = q
				continue
			}
			// German: a body's complement is a genitive or "für …"; an
			// accusative or nominative article begins the object of the
			// sentence ("das Gericht den Forderungen", "das Bundesamt
			// für Naturschutz die Mittel").
			if lx.inflect && last >= 0 && !germanGenitive[tq.Fold] && (lx.is(kindArticle, tq.Fold) || lx.is(kindConnector, tq.Fold)) && !isAnd(tq.Fold) {
				break
			}
			// An adjective opens a noun of the complement ("für
			// wirtschaftliche Zusammenarbeit", "für Umwelt, nukleare
			// Sicherheit"), never one right after the complement's noun:
			// that is a participle of the sentence ("vom Bundesministerium
			// für Bildung und Forschung finanzierten Zentrums").
			if d.glued(q) || lx.is(kindConnector, tq.Fold) || lx.is(kindArticle, tq.Fold) ||
				(lx.inflect && last != q-1 && adjectival(tq.Fold) && d.adjective(q) == "" && q+1 < n && d.toks[q+1].Shape == gazetteer.ShapeCap && d.same(q+1, i)) {
				// "für wirtschaftliche Zusammenarbeit"
				// "und"/"y"/"and" join names only: "Industrie und
				// Informationstechnologie", not "… und die Agentur".
				if isAnd(tq.Fold) && (q+1 >= n || d.toks[q+1].Shape == gazetteer.ShapeOther) {
					break
				}
				continue
			}
			if tq.Fold == "," && last == q-1 && d.listGoesOn(lx, q) {
				// "für Familie, Senioren, Frauen und Jugend"
				continue
			}
			break
		}
		if last >= 0 {
			c.name = Span{d.nameAdjective(lx, i), last + 1}
			if i > 0 && d.same(i-1, i) && c.country == "" {
				c.country = d.adjective(i - 1)
			}
			return c, last + 1, true
		}
		// Only a country or body follows: "Außenministerium der Ukraine",
		// "Rechtsabteilung des Auswärtigen Amts" — not a bare "Ministerium
		// der Ukraine".
		if q := d.complementEnd(lx, end); q > 0 && (!lx.is(kindGeneric, d.toks[i].Fold) || adjEnd > head) {
			c.name, c.inner = Span{i, q}, true
			for k := end; k < q && c.country == ""; k++ {
				c.country = d.countryAt(k) // "der Ukraine", "des ukrainischen Präsidenten"
			}
			return c, q, true
		}
	}
	if adjEnd > head {
		c.name = Span{i, adjEnd}
		if i > 0 && d.same(i-1, i) {
			c.country = d.adjective(i - 1)
		}
		return c, adjEnd, true
	}
	// Body qualified by a nationality: "die chinesische Cyberspace-Behörde",
	// "the Chinese Foreign Ministry".
	s := i
	for s >= 2 && d.glued(s-1) && d.same(s-2, i) {
		s -= 2
	}
	for lx.lang == "en" && s > 0 && d.same(s-1, i) && lx.is(kindPremod, d.toks[s-1].Fold) {
		s--
	}
	// A country glued before the head: "US-Finanzministerium", "US-Senat".
	if s < i && d.countryAt(s) != "" && d.toks[s].Shape != gazetteer.ShapeOther {
		c.name, c.country, c.inner = Span{s, end}, d.countryAt(s), true
		return c, end, true
	}
	if s > 0 && d.same(s-1, i) && !d.toks[s].LineBreak {
		// A nationality and a bare "Behörde" or "Nachrichtendienst" only
		// describe: "die russischen Behörden" is no agency.
		if country := d.adjective(s - 1); country != "" && !(s == i && lx.is(kindGeneric, d.toks[i].Fold)) {
			c.name, c.country = Span{s - 1, end}, country
			return c, end, true
		}
		// "Auswärtiger Ausschuss", "Parlamentarisches Kontrollgremium".
		if d.toks[s-1].Shape == gazetteer.ShapeCap && (lx.is(kindBodyAdj, d.toks[s-1].Fold) || d.nameAdjective(lx, s) < s) {
			c.name = Span{s - 1, end}
			return c, end, true
		}
	}
	return c, 0, false
}

// germanGenitive are the German articles and prepositions that may
// continue a body's complement: "Rechtsabteilung des Auswärtigen Amts",
// "Amt der Stadt", "Ministerium für … und …".
var germanGenitive = map[string]bool{"des": true, "der": true, "eines": true, "einer": true, "fur": true, "von": true}

// listGoesOn reports whether the comma at k continues a list of
// capitalised words that "und"/"y"/"and" closes within the sentence:
// "Familie, Senioren, Frauen und Jugend".
func (d *doc) listGoesOn(lx *lexicon, k int) bool {
	for q := k + 1; q < len(d.toks) && q-k < 10 && d.same(q, k); q++ {
		t := &d.toks[q]
		switch {
		case isAnd(t.Fold):
			return q+1 < len(d.toks) && d.same(q+1, k) && d.toks[q+1].Shape != gazetteer.ShapeOther
		case t.Fold == ",", isWord(t) && t.Shape != gazetteer.ShapeOther:
		case isWord(t) && lx.inflect && adjectival(t.Fold):
		default:
			return false
		}
	}
	return false
}

// nameAdjective returns the start of a German body's name at i with the
// capitalised adjective before it that is part of the name
// ("Interamerikanische Kommission für Menschenrechte"), else i.
func (d *doc) nameAdjective(lx *lexicon, i int) int {
	if !lx.inflect || i == 0 || !d.same(i-1, i) || d.toks[i].LineBreak {
		return i
	}
	t := &d.toks[i-1]
	if t.Shape == gazetteer.ShapeCap && d.adjective(i-1) == "" && d.tagged[i-1] == nil &&
		(lx.is(kindBodyAdj, t.Fold) || (strings.Contains(t.Fold, "isch") && adjectival(t.Fold))) {
		return i - 1
	}
	return i
}

// complementEnd returns the index after a connector, optional articles
// and a tagged country or organisation from token k ("der Ukraine", "des
// Auswärtigen Amts"), or 0.
func (d *doc) complementEnd(lx *lexicon, k int) int {
	n := len(d.toks)
	if k >= n || !d.same(k, k-1) || !lx.is(kindConnector, d.toks[k].Fold) || isAnd(d.toks[k].Fold) || (lx.inflect && !germanGenitive[d.toks[k].Fold]) {
		return 0
	}
	q := k + 1
	for q < n && d.same(q, k) && d.toks[q].Shape == gazetteer.ShapeOther && lx.is(kindArticle, d.toks[q].Fold) {
		q++
	}
	if q >= n || !d.same(q, k) {
		return 0
	}
	if e := d.tagged[q]; e != nil && (e.Type == gazetteer.TypeCountry || e.Type == gazetteer.TypeOrganization) {
		for q < n && d.tagged[q] == e {
			q++
		}
		// The tagger may stop before an inflected head: "des
		// Auswärtigen Amts".
		if q < n && d.same(q, k) && d.toks[q].Shape == gazetteer.ShapeCap {
			if _, _, ok := d.bodyAt(lx, q); ok {
				q++
			}
		}
		return q
	}
	if d.countryAt(q) != "" {
		// A German nationality adjective is no country's name: it opens
		// the complement's noun ("des Zentralkomitees der deutschen
		// Katholiken", "Wohlfahrtsausschuss der Französischen
		// Revolution"), without which there is no name.
		if lx.inflect && (d.toks[q].Shape == gazetteer.ShapeOther || d.adjective(q) != "") {
			if q+1 < n && d.same(q+1, k) && d.toks[q+1].Shape == gazetteer.ShapeCap {
				return q + 2
			}
			return 0
		}
		return q + 1
	}
	return 0
}

// missionAt matches an embassy or consulate named by its country: "die
// russische Botschaft", "die US-Botschaft in Moskau", "die Botschaft
// Nicaraguas in Berlin", "la embajada de Venezuela en Colombia", "el
// consulado uruguayo en Dubái", "the Chinese embassy". It returns the
// index after the pattern.
func (d *doc) missionAt(lx *lexicon, i int) (candidate, int, bool) {
	n := len(d.toks)
	c := candidate{typ: gazetteer.TypeOrganization, inner: true}
	t := &d.toks[i]
	if lx.missions == nil || (lx.inflect && t.Shape != gazetteer.ShapeCap) {
		return c, 0, false
	}
	sector, ok := lx.mission(t.Fold)
	if !ok {
		return c, 0, false
	}
	c.sector = sector
	s, e := i, i+1
	switch {
	case i >= 2 && d.glued(i-1) && d.countryAt(i-2) != "" && d.same(i-2, i):
		s, c.country = i-2, d.countryAt(i-2) // "US-Botschaft"
	case i >= 1 && d.same(i-1, i) && d.adjective(i-1) != "":
		s, c.country = i-1, d.adjective(i-1)
	case e < n && d.same(e, i) && d.adjective(e) != "":
		c.country = d.adjective(e) // "consulado uruguayo"
		e++
	case e < n && d.same(e, i) && d.toks[e].Shape == gazetteer.ShapeCap && d.countryAt(e) != "":
		c.country = d.countryAt(e) // "Botschaft Nicaraguas"
		e = d.spanEnd(e)
	default:
		if q := d.complementEnd(lx, e); q > 0 && d.countryAt(q-1) != "" && d.tagged[q-1] != nil && d.tagged[q-1].Type == gazetteer.TypeCountry {
			c.country = d.countryAt(q - 1) // "la embajada de Venezuela"
			e = q
		}
	}
	if c.country == "" {
		return c, 0, false
	}
	// The place it is in: "in Berlin", "en Lima", "in den Niederlanden".
	if e < n && d.same(e, i) && d.toks[e].Shape == gazetteer.ShapeOther && lx.is(kindLocPrep, d.toks[e].Fold) {
		q := e + 1
		for q < n && d.same(q, i) && d.toks[q].Shape == gazetteer.ShapeOther && lx.is(kindArticle, d.toks[q].Fold) {
			q++
		}
		if q < n && d.same(q, i) {
			if tg := d.tagged[q]; tg != nil && (tg.Type == gazetteer.TypePlace || tg.Type == gazetteer.TypeCountry) {
				e = d.spanEnd(q)
			} else if r := d.capRun(q); r > q && r-q <= 2 && d.toks[q].Shape == gazetteer.ShapeCap {
				if _, _, isRole := d.roleAt(lx, q); !isRole {
					e = r
				}
			}
		}
	}
	c.name = Span{s, e}
	return c, e, true
}

// ministryHandles are the prefixes of foreign ministries' social-media
// handles: "@MFA_China", "@MEAIndia", "@MOFA_Taiwan".
var ministryHandles = []string{"mofa", "mfa", "mea"}

// handleAt matches a foreign ministry named by its handle, "@" and a
// prefix of ministryHandles glued to a country's name ("@MFA_China"). It
// returns the index after the handle.
func (d *doc) handleAt(i int) (candidate, int, bool) {
	c := candidate{typ: gazetteer.TypeOrganization, sector: "GOV", inner: true}
	var b strings.Builder
	e := i + 1
	for e < len(d.toks) && d.toks[e].Start == d.toks[e-1].End && (isWord(&d.toks[e]) || d.toks[e].Fold == "_") {
		b.WriteString(d.toks[e].Fold)
		e++
	}
	handle := b.String()
	for _, p := range ministryHandles {
		rest, ok := strings.CutPrefix(handle, p)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "_")
		if toks := gazetteer.Tokens(rest); len(toks) == 1 {
			if country := d.x.countryKeys[toks[0].Key]; country != "" {
				c.name, c.country = Span{i, e}, country
				return c, e, true
			}
		}
		break
	}
	return c, 0, false
}

// spanEnd returns the index after the tagged entity that covers token k
// (k+1 when none does).
func (d *doc) spanEnd(k int) int {
	e := d.tagged[k]
	if e == nil {
		return k + 1
	}
	for k < len(d.toks) && d.tagged[k] == e {
		k++
	}
	return k
}

// bodyAt matches an agency head at i: a body form, or in German a compound
// ending in one ("Verteidigungsministerium"), in the singular (the
// genitive "-s"/"-es" allowed: "Behörden" are not one agency).
func (d *doc) bodyAt(lx *lexicon, i int) (form, int, bool) {
	fold := d.toks[i].Fold
	if d.toks[i].Shape != gazetteer.ShapeCap || !lx.mayStart(fold) {
		return form{}, 0, false
	}
	if !lx.inflect {
		if k, ok := lx.bodyExact[fold]; ok {
			return lx.bodyHeads[k], i + 1, true
		}
		return form{}, 0, false
	}
	// The first head in lexicon order that ends any of the three forms.
	best := len(lx.bodyHeads)
	for _, v := range [3]string{fold, strings.TrimSuffix(fold, "s"), strings.TrimSuffix(fold, "es")} {
		if k := lx.bodyIx.first(lx.bodyHeads, v, best); k >= 0 {
			best = k
		}
	}
	if best < len(lx.bodyHeads) {
		return lx.bodyHeads[best], i + 1, true
	}
	return form{}, 0, false
}

func isQuote(s string) bool {
	switch s {
	case "\"", "„", "“", "”", "«", "»", "'", "‚", "‘", "’":
		return true
	}
	return false
}

func isAnd(fold string) bool { return fold == "und" || fold == "y" || fold == "and" }

// titleCase reports whether the sentence of token i is written in Title
// Case, as English headlines are: a function word (the kind "function":
// "On", "For", "Of") capitalised after its first word. Its capitals mark
// no names ("BVI Premier On Drug Charges").
func (d *doc) titleCase(lx *lexicon, i int) bool {
	if len(lx.words[kindFunction]) == 0 {
		return false // German and Spanish headlines are written as sentences
	}
	first := i
	for first > 0 && d.sent[first-1] == d.sent[i] {
		first--
	}
	for k := first + 1; k < len(d.toks) && d.sent[k] == d.sent[i]; k++ {
		if t := &d.toks[k]; t.Shape == gazetteer.ShapeCap && lx.is(kindFunction, t.Fold) && !d.toks[k-1].LineBreak && isWord(&d.toks[k-1]) {
			return true
		}
	}
	return false
}
