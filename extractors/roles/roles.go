// Package roles finds officials and agencies by the roles and titles that
// news text gives them, in German, Spanish and English: "der russische
// Innenminister Wladimir X", "Vize-Direktorin der chinesischen
// Cyberspace-Behörde Cao Shumin", "X, ministro de Defensa de Rusia",
// "Secretary of State X", "Ministerium für …", "la agencia X".
//
// It complements the gazetteer tagger: a role next to a person the tagger
// resolved gives that person a role text; a role next to a name the
// gazetteer lacks discovers a new official, with the country of the
// nationality adjective, country genitive or body in the role ("russische",
// "Chinas", "de Rusia", "Minister der FAR") and the person's later
// mentions in the document (match "coref").
//
// Guarantees: findings never overlap the tagger's mentions of other
// entities, except that an agency's name may hold the country or place
// the tagger found in it ("die Botschaft Nicaraguas in Berlin"); offsets are byte offsets into the text given, on token
// boundaries; a name needs a role (or agency head) next to it, so
// journalists, authors and photo credits — lines with "Foto", "©",
// "Quelle:" — are never officials. The role lexicons are data files
// (data/*.txt), and nationality adjectives come from the gazetteer's
// country entities. English text also consults prose's named-entity model
// for the boundaries of a person's name (see [Extractor]).
//
// An [Extractor] is immutable after [New] and safe for concurrent use; it
// holds no goroutines.
package roles

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gazex/gazex/extractors/tagger"
	"github.com/gazex/gazex/gazetteer"
)

// Match kinds of the mentions of discovered entities.
const (
	MatchPattern = "pattern" // named next to its role or agency head
	MatchCoref   = "coref"   // named again later, by the full name or surname
)

// Span is a half-open byte range of the text.
type Span struct{ Start, End int }

// LangSpan is a run of the text in another language than the document's.
type LangSpan struct {
	Lang       string
	Start, End int
}

// Input is what the extractor reads: the normalised text, its tokens and
// sentences, its languages, and what the gazetteer tagger found in it.
type Input struct {
	Text      string
	Tokens    []gazetteer.Token // gazetteer.Tokens(Text); computed when nil
	Sentences []Span            // sentence spans; none means one sentence per line
	Lang      string            // the document's language
	Segments  []LangSpan        // runs in other languages
	Found     []tagger.Finding  // the gazetteer tagger's findings
	// Date is the document's publication date, zero when unknown: the
	// day on which a title names the holder of its office (see Linked).
	Date gazetteer.Date
}

// Mention is one place where a discovered entity is named.
type Mention struct {
	Start, End int
	Match      string // MatchPattern or MatchCoref
}

// Entity is an official or agency that the gazetteer does not know,
// discovered by a role or agency pattern.
type Entity struct {
	// ID is deterministic: "person/<ascii slug of the name>" or
	// "org/<slug>", with a numeric suffix when the gazetteer has the id.
	ID       string
	Type     string // gazetteer.TypePerson or gazetteer.TypeOrganization
	Name     string // as the text first spells it
	Country  string // ISO 3166-1 alpha-3, "" when the text does not say
	Sector   string // from the role or the agency head: GOV, MIL, SPY, JRN, …
	RoleText string // the role as the text states it ("" for agencies)
	Role     Span   // where RoleText stands (zero for agencies)
	Lang     string // the language of the first mention
	Mentions []Mention
	linked   *gazetteer.Entity // the gazetteer's holder of the title's office: a Link, not discovered
}

// Role is the role the text states next to an entity the tagger found.
type Role struct {
	Entity     *gazetteer.Entity
	Text       string
	Start, End int
}

// Result is what [Extractor.Extract] found in one text.
type Result struct {
	Discovered []Entity // in order of first mention
	Roles      []Role   // the first stated role of each tagged or linked entity, in text order
	// Linked are the gazetteer's officials that a title named by a form
	// of their name the gazetteer does not list ("British Foreign
	// Secretary Elizabeth Truss"), in order of first mention.
	Linked []Link
}

// Extractor finds officials and agencies by their roles. Build it once
// with [New]; it is safe for concurrent use.
//
// In English text it asks prose's named-entity recogniser
// (github.com/jdkato/prose/v2) which words after a role form a PERSON: its
// models are decoded once, on the first English role, and shared read-only
// by every call. German and Spanish text do not use it (its English model
// finds 40–120 wrong entities in a German article).
type Extractor struct {
	lex         map[string]*lexicon
	adjectives  map[string]string // gazetteer.Key of a nationality adjective → country
	countryKeys map[string]string // Key of a one-word country name → country
	// The keyPrints of adjectives' and countryKeys' keys: countryAt
	// asks of most words near a role, and nearly all are neither.
	adjectivePrints, countryPrints printFilter
	ids                            map[string]bool // ids of the gazetteer
	familyFirst                    map[string]bool
	nameWords                      map[string]bool     // Keys of the words of the gazetteer's person names
	credits                        map[string]bool     // credit markers of every language
	creditHeads                    pairFilter          // over credits
	titles                         map[string]bool     // titles of every language ("Dr.": see isTitle)
	titleHeads                     pairFilter          // over titles
	people                         []*gazetteer.Entity // the gazetteer, for holders
	holdersOnce                    sync.Once
	holderMap                      map[string][]holder // holders'
	english                        *englishNER
}

// New builds an extractor. Entities are the gazetteer: its countries give
// the nationality adjectives and names (the embedded default's countries
// when it has none), and its ids are kept free.
func New(entities []*gazetteer.Entity) (*Extractor, error) {
	x := &Extractor{
		lex:         map[string]*lexicon{},
		adjectives:  map[string]string{},
		countryKeys: map[string]string{},
		titles:      map[string]bool{},
		english:     &englishNER{},
	}
	for _, lang := range Languages {
		lx, err := loadLexicon(lang)
		if err != nil {
			return nil, err
		}
		x.lex[lang] = lx
		for w := range lx.words[kindCredit] {
			if x.credits == nil {
				x.credits = map[string]bool{}
			}
			x.credits[w] = true
			x.creditHeads.add(w)
		}
		for w := range lx.words[kindTitle] {
			x.titles[w] = true
			x.titleHeads.add(w)
		}
	}
	ff, err := loadFamilyFirst()
	if err != nil {
		return nil, err
	}
	x.familyFirst = ff
	countries := entities
	if !slices.ContainsFunc(entities, func(e *gazetteer.Entity) bool { return e.Type == gazetteer.TypeCountry }) {
		// Countries are the vocabulary of the patterns ("russische",
		// "Chinas"), not findings: a gazetteer without any (a user's
		// list of officials, --no-default-gazetteer) borrows the default's.
		def, err := gazetteer.Default()
		if err != nil {
			return nil, err
		}
		countries = def
	}
	x.ids = make(map[string]bool, len(entities))
	for _, e := range entities {
		x.ids[e.ID] = true
	}
	// Words of known names are names, whatever their ending ("Sophie",
	// "Dominik"): the noun test does not reject them. A gazetteer that
	// Load returned has them from the building of its index.
	x.nameWords = gazetteer.NameWords(entities)
	x.people = entities
	for _, e := range countries {
		if e.Type != gazetteer.TypeCountry || e.Country == "" {
			continue
		}
		for _, forms := range e.Adjectives {
			for _, f := range forms {
				if toks := gazetteer.Tokens(f); len(toks) == 1 {
					x.adjectives[toks[0].Key] = e.Country
					x.adjectivePrints.add(toks[0].Key)
				}
			}
		}
		for _, forms := range e.Names {
			for _, f := range forms {
				if toks := gazetteer.Tokens(f); len(toks) == 1 {
					x.countryKeys[toks[0].Key] = e.Country
					x.countryPrints.add(toks[0].Key)
				}
			}
		}
	}
	return x, nil
}

// doc is one text under extraction.
type doc struct {
	x        *Extractor
	text     string
	toks     []gazetteer.Token
	docLang  string              // the document's language
	date     gazetteer.Date      // the publication date, zero when unknown
	docLex   *lexicon            // the lexicon of docLang, nil when it has none
	lang     []uint16            // language of each token, an index into langs; nil when all are in docLang
	langs    []string            // the languages lang indexes
	lexes    []*lexicon          // their lexicons, nil for a language without one
	sent     []int32             // sentence number of each token
	tagged   []*gazetteer.Entity // the tagger's entity covering each token
	claimed  []bool              // token already part of a discovered mention
	roles    []roleCache         // roleAt per token, in the token's language
	names    []uint8             // nameTok per token, in the token's language: nameUnknown, nameNo or nameYes
	starts   []int32             // the tokens a pattern may begin at, ascending (see scan)
	caps     []capKey            // the tokens a coreference may begin at (see capKeys)
	capsDone bool                // caps is filled
	cands    []candidate         // candidates' list
	key      []byte              // Extract's buffer of a name's key
	prose    map[int][]string    // English PERSON names by sentence number
}

// Extract finds the officials and agencies of one text by their roles.
func (x *Extractor) Extract(in Input) Result {
	d := x.newDoc(in)
	defer d.release()
	var res Result
	var found []*Entity
	byKey := map[string]*Entity{}
	roleSeen := map[*gazetteer.Entity]bool{}
	add := func(c candidate) {
		s, t := d.toks[c.name.Start].Start, d.toks[c.name.End-1].End
		if c.trimEnd > 0 {
			t = c.trimEnd
		}
		name := d.text[s:t]
		// The name's own tokens are the document's over its span (a
		// token does not depend on the text around it), unless its last
		// one was cut.
		nameToks := d.toks[c.name.Start:c.name.End]
		if c.trimEnd > 0 {
			nameToks = gazetteer.Tokens(name)
		}
		// The key typ|keyOf(nameToks), built in a buffer of the doc's:
		// the lookup of string(key) copies nothing, only a new entity's
		// key is made a string (TestAppendKey).
		d.key = appendKey(d.key[:0], c.typ, nameToks)
		e := byKey[string(d.key)]
		if e == nil {
			e = &Entity{
				Type: c.typ, Name: d.nominative(d.lexAt(c.name.Start), c, name), Country: c.country, Sector: c.sector,
				RoleText: c.roleText, Role: c.role, Lang: d.langAt(c.name.Start),
			}
			byKey[string(d.key)] = e
			found = append(found, e)
		}
		if e.Country == "" {
			e.Country = c.country
		}
		if e.linked == nil {
			e.linked = c.linked
		}
		if e.RoleText == "" {
			e.RoleText, e.Role = c.roleText, c.role
		}
		e.Mentions = append(e.Mentions, Mention{Start: s, End: t, Match: MatchPattern})
		for k := c.name.Start; k < c.name.End; k++ {
			d.claimed[k] = true
		}
	}
	for _, c := range d.candidates() {
		if c.inner {
			// An agency named with the country or place the tagger
			// found in it: "die Botschaft Nicaraguas in Berlin". Only a
			// name the tagger found whole is not new.
			if !d.anyClaimed(c.name) && !d.taggedWhole(c.name) {
				add(c)
			}
			continue
		}
		if c.typ == gazetteer.TypePerson && d.placeFirstName(c.name.Start) {
			// "Santiago Pedraz": a place's name as a first name.
			if !d.anyTagged(Span{c.name.Start + 1, c.name.End}) && !d.anyClaimed(c.name) && words(d.toks[c.name.Start:c.name.End]) >= 2 {
				add(c)
			}
			continue
		}
		if owner := d.owner(c.name); owner != nil {
			if owner.Type == c.typ && c.roleText != "" && !roleSeen[owner] {
				roleSeen[owner] = true
				res.Roles = append(res.Roles, Role{Entity: owner, Text: c.roleText, Start: c.role.Start, End: c.role.End})
			}
			continue
		}
		if d.anyTagged(c.name) || d.anyClaimed(c.name) {
			continue
		}
		if d.link(&c) {
			add(c)
			continue
		}
		if c.unconfirmed {
			continue // a surname of the gazetteer's, but not its holder's of the title
		}
		if c.typ == gazetteer.TypePerson && words(d.toks[c.name.Start:c.name.End]) < 2 {
			continue // one word is no name to discover a person by ("Electric")
		}
		add(c)
	}
	found, forms := d.mergeSurnames(found)
	for i, e := range found {
		if e.Type == gazetteer.TypePerson {
			d.coref(e, forms[i])
		}
		slices.SortFunc(e.Mentions, func(a, b Mention) int { return a.Start - b.Start })
		e.Mentions = slices.CompactFunc(e.Mentions, func(a, b Mention) bool { return a.Start == b.Start })
	}
	slices.SortStableFunc(found, func(a, b *Entity) int { return a.Mentions[0].Start - b.Mentions[0].Start })
	used := map[string]bool{}
	if len(found) > 0 {
		res.Discovered = make([]Entity, 0, len(found))
	}
	for _, e := range found {
		if e.linked != nil {
			res.Linked = append(res.Linked, Link{Entity: e.linked, Mentions: e.Mentions})
			if !roleSeen[e.linked] {
				roleSeen[e.linked] = true
				res.Roles = append(res.Roles, Role{Entity: e.linked, Text: e.RoleText, Start: e.Role.Start, End: e.Role.End})
			}
			continue
		}
		e.ID = x.id(e, used)
		res.Discovered = append(res.Discovered, *e)
	}
	slices.SortStableFunc(res.Roles, func(a, b Role) int { return a.Start - b.Start })
	return res
}

func (x *Extractor) newDoc(in Input) *doc {
	toks := in.Tokens
	if toks == nil {
		toks = gazetteer.Tokens(in.Text)
	}
	d, _ := docPool.Get().(*doc)
	if d == nil {
		d = new(doc)
	}
	n := len(toks)
	*d = doc{
		x: x, text: in.Text, toks: toks,
		docLang: in.Lang, docLex: x.lex[in.Lang], date: in.Date,
		sent:    zeroed(d.sent, n),
		tagged:  zeroed(d.tagged, n),
		claimed: zeroed(d.claimed, n),
		roles:   zeroed(d.roles, n),
		names:   zeroed(d.names, n),
		starts:  d.starts,
		caps:    d.caps[:0],
		cands:   d.cands[:0],
		key:     d.key[:0],
	}
	d.starts = d.starts[:0]
	d.scan(in.Sentences, in.Segments)
	tagged := d.tagged // (a local: the stores do not make the loop reload d.tagged)
	for fi := range in.Found {
		f := &in.Found[fi]
		for mi := range f.Mentions {
			i, end := taggedToks(toks, &f.Mentions[mi])
			for ; i < end; i++ {
				tagged[i] = f.Entity
			}
		}
	}
	return d
}

// taggedToks returns the tokens of toks that mention m overlaps,
// toks[first:end]. The tagger's mentions carry their tokens, toks's when
// it tagged the same tokens (the pipeline's case), which the offsets at
// both ends confirm: then nothing is searched. Otherwise the tokens are
// found by their offsets (taggedToksSearch), alike for sorted, non-empty,
// non-overlapping tokens (TestTaggedToks).
func taggedToks(toks []gazetteer.Token, m *tagger.Mention) (first, end int) {
	if a, b := m.TokStart, m.TokEnd; a < b && b <= len(toks) && toks[a].Start == m.Start && toks[b-1].End == m.End {
		return a, b
	}
	return taggedToksSearch(toks, m.Start, m.End)
}

// taggedToksSearch is taggedToks by the offsets alone, of a mention at
// [start, stop): the first token that ends after the mention starts
// (sort.Search without its closure), up to the first that starts at or
// after its end.
func taggedToksSearch(toks []gazetteer.Token, start, stop int) (first, end int) {
	i, j := 0, len(toks)
	for i < j {
		h := int(uint(i+j) >> 1)
		if toks[h].End > start {
			j = h
		} else {
			i = h + 1
		}
	}
	end = i
	for end < len(toks) && toks[end].Start < stop {
		end++
	}
	return i, end
}

// scan reads what the patterns need of every token: the sentence number
// of each, its language where the document has runs in other languages,
// and the tokens a pattern may begin at (d.starts), so that candidates
// looks at those alone instead of at every token again. Each is a loop of
// its own with few variables, which the compiler keeps in registers (one
// loop for all three spilled them to the stack at every token).
func (d *doc) scan(sents []Span, segs []LangSpan) {
	d.fillSentences(sents)
	// Most documents have no foreign runs: then langAt answers without a
	// per-token slice, and lexAt without a lookup per token.
	if len(segs) > 0 {
		d.fillLangs(segs)
		return
	}
	d.addStarts(0, len(d.toks), d.docLex)
}

// fillLangs sets the language of each token from the runs in other
// languages, and the starts of each run of tokens in one language. Two
// bytes a token, not a string's sixteen: a long document has a million
// tokens. The language changes only where a run begins or ends: spanLangs
// is asked again only at the first token at or past such an offset
// (until), and the tokens between take the last answer (TestScan holds it
// to asking for every token).
func (d *doc) fillLangs(segs []LangSpan) {
	toks := d.toks
	d.lang = make([]uint16, len(toks))
	ix := map[string]uint16{}
	langs := newSpanLangs(segs, d.docLang)
	for i := 0; i < len(toks); {
		off := toks[i].Start
		l := langs.at(off)
		k, ok := ix[l]
		if !ok {
			k = uint16(len(d.langs))
			ix[l] = k
			d.langs = append(d.langs, l)
			d.lexes = append(d.lexes, d.x.lex[l])
		}
		// The tokens up to the first at or past until (the next one when
		// spanLangs cannot tell) are in l: token offsets grow.
		j := i + 1
		if until := langs.stable(off); until > off {
			lo, hi := j, len(toks)
			for lo < hi {
				h := int(uint(lo+hi) >> 1)
				if toks[h].Start < until {
					lo = h + 1
				} else {
					hi = h
				}
			}
			j = lo
		}
		lang := d.lang[i:j]
		for q := range lang {
			lang[q] = k
		}
		d.addStarts(i, j, d.lexes[k])
		i = j
	}
}

// fillSentences sets the sentence number of each token: by the spans
// given, and a new one at every line break, so that no pattern reaches
// across a headline or caption. The spans are looked at only when a token
// reaches the end of the current one (next).
func (d *doc) fillSentences(sents []Span) {
	toks := d.toks
	sent := d.sent[:len(toks)]
	s, si := int32(0), 0
	if len(toks) > 0 && toks[0].LineBreak {
		s = -1 // the first token opens no new sentence: its line break counts 0
	}
	next := math.MaxInt
	if len(sents) > 0 {
		next = sents[0].End
	}
	for i := range toks {
		t := &toks[i]
		if t.LineBreak {
			s++
		}
		if t.Start >= next {
			for si < len(sents) && sents[si].End <= t.Start {
				si++
				s++
			}
			next = math.MaxInt
			if si < len(sents) {
				next = sents[si].End
			}
		}
		sent[i] = s
	}
}

// addStarts appends to d.starts the tokens of [from, to), all in the
// language of lx (nil: one without a lexicon), that candidates does not
// skip at once (see there): "@" (a handle), and a word that may begin a
// role, agency or mission (German: capitalised).
func (d *doc) addStarts(from, to int, lx *lexicon) {
	if from >= to {
		return
	}
	if lx != nil && lx.inflect {
		base := len(d.starts)
		d.addWordStarts(from, to, lx, true)
		// The handles: a token folded to "@" holds the byte '@', and few
		// texts hold one (TestScanKeepsEveryStart, with and without).
		ats := false
		for p, end := d.toks[from].Start, d.toks[to-1].End; p < end; p++ {
			q := strings.IndexByte(d.text[p:end], '@')
			if q < 0 {
				break
			}
			p += q
			k := d.tokenAt(p, from, to)
			if k < to && d.toks[k].Start <= p && d.toks[k].Fold == "@" {
				d.starts = append(d.starts, int32(k))
				ats = true
			}
		}
		if ats {
			slices.Sort(d.starts[base:])
		}
		return
	}
	if lx != nil {
		d.addWordStarts(from, to, lx, false)
		return
	}
	for i := from; i < to; i++ {
		if d.toks[i].Fold == "@" {
			d.starts = append(d.starts, int32(i))
		}
	}
}

// tokenAt returns the first token of [from, to) that ends after byte
// offset off, to when none does.
func (d *doc) tokenAt(off, from, to int) int {
	for from < to {
		h := int(uint(from+to) >> 1)
		if d.toks[h].End > off {
			to = h
		} else {
			from = h + 1
		}
	}
	return from
}

// addWordStarts appends the words of [from, to) that lx.mayStart lets
// pass, and "@"; with capsOnly (German text, whose "@" addStarts finds by
// IndexByte) only the capitalised words. This runs for every token: the
// loop asks isWord and the tests of tailFilter.mayEnd that rule out most
// words inline (the bit of the last four bytes, of the last eight, the
// short words' bits of the last byte and of the last three), and calls
// mayEnd for the few they let pass (TestScanKeepsEveryStart). In German,
// five words in six are not capitalised: the inner loop passes them with
// one test of their shape, and holds its index in a register (with the
// lookups in the same loop, the compiler stored it to the stack at every
// token). A loop of its own for each case would save 0.15 M instructions
// per 300 documents (cachegrind), and repeat the filter's tests.
func (d *doc) addWordStarts(from, to int, lx *lexicon, capsOnly bool) {
	toks := d.toks[:to]
	st := &lx.starts
	for i := from; i < len(toks); i++ {
		if capsOnly {
			for i < len(toks) && toks[i].Shape == gazetteer.ShapeOther {
				i++
			}
			if i == len(toks) {
				break
			}
		}
		t := &toks[i]
		// isWord, inline: most words' first byte is ASCII.
		f := t.Fold
		if f == "" || f[0] >= utf8.RuneSelf {
			if !t.IsWord() {
				continue
			}
		} else if !asciiWordByte[f[0]] {
			if f == "@" && !capsOnly {
				d.starts = append(d.starts, int32(i)) // a handle ("@" is no word)
			}
			continue
		}
		if n := len(f); n >= 4 {
			h := tailBit(f)
			miss := st.bits[h/64]&(1<<(h%64)) == 0
			if miss && n >= 8 {
				h = tailBit8(f)
				miss = st.bits[h/64]&(1<<(h%64)) == 0
			}
			if miss {
				if c := f[n-1]; st.shortEnds[c/64]&(1<<(c%64)) == 0 {
					continue
				}
				if h := short3Bit(f); !st.shortLess && st.short3[h/64]&(1<<(h%64)) == 0 {
					continue
				}
			}
		} else if n > 0 {
			if c := f[n-1]; st.shortEnds[c/64]&(1<<(c%64)) == 0 {
				continue
			}
			if n == 3 && !st.shortLess {
				if h := short3Bit(f); st.short3[h/64]&(1<<(h%64)) == 0 {
					continue
				}
			}
		}
		if st.mayEnd(f) {
			d.starts = append(d.starts, int32(i))
		}
	}
}

// docPool keeps the per-token scratch of documents for reuse: four
// slices of about 50 bytes a token, the second largest allocation of the
// pipeline after the tokens themselves.
var docPool sync.Pool

// maxPooledTokens bounds the scratch kept: a huge document's goes back to
// the garbage collector.
const maxPooledTokens = 1 << 18

// release gives d's scratch back to docPool; d must not be used after.
func (d *doc) release() {
	if cap(d.sent) > maxPooledTokens {
		return
	}
	clear(d.cands) // no pointers into this text kept
	*d = doc{key: d.key[:0], cands: d.cands[:0], sent: d.sent[:0], tagged: d.tagged[:0], claimed: d.claimed[:0], roles: d.roles[:0], names: d.names[:0], starts: d.starts[:0], caps: d.caps[:0]}
	docPool.Put(d)
}

// zeroed returns s resized to n zero elements, reusing its array when it
// is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// langAt returns the language of token i.
func (d *doc) langAt(i int) string {
	if d.lang == nil {
		return d.docLang
	}
	return d.langs[d.lang[i]]
}

// lexAt returns the lexicon of token i's language, nil when it has none.
func (d *doc) lexAt(i int) *lexicon {
	if d.lang == nil {
		return d.docLex
	}
	return d.lexes[d.lang[i]]
}

// owner returns the tagged entity that covers the whole token range s.
func (d *doc) owner(s Span) *gazetteer.Entity {
	var e *gazetteer.Entity
	for k := s.Start; k < s.End; k++ {
		switch {
		case d.tagged[k] == nil:
		case e == nil:
			e = d.tagged[k]
		case e != d.tagged[k]:
			return nil
		}
	}
	return e
}

// taggedWhole reports whether one tagged entity covers every token of s.
func (d *doc) taggedWhole(s Span) bool {
	for k := s.Start; k < s.End; k++ {
		if d.tagged[k] == nil || d.tagged[k] != d.tagged[s.Start] {
			return false
		}
	}
	return true
}

func (d *doc) anyTagged(s Span) bool {
	for k := s.Start; k < s.End; k++ {
		if d.tagged[k] != nil {
			return true
		}
	}
	return false
}

func (d *doc) anyClaimed(s Span) bool {
	for k := s.Start; k < s.End; k++ {
		if d.claimed[k] {
			return true
		}
	}
	return false
}

// appendKey appends to b the comparison key of a name of type typ: typ,
// "|" and its words' index keys a space apart, so that inflected forms
// ("Perdomos") meet.
func appendKey(b []byte, typ string, toks []gazetteer.Token) []byte {
	b = append(append(b, typ...), '|')
	first := true
	for i := range toks {
		if isWord(&toks[i]) {
			if !first {
				b = append(b, ' ')
			}
			b = append(b, toks[i].Key...)
			first = false
		}
	}
	return b
}

// id gives a discovered entity its deterministic id.
func (x *Extractor) id(e *Entity, used map[string]bool) string {
	prefix := "person/"
	if e.Type != gazetteer.TypePerson {
		prefix = "org/"
	}
	base := prefix + Slug(e.Name)
	id := base
	for n := 2; x.ids[id] || used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

// Slug returns the ASCII slug of a name ([gazetteer.Slug]), "unnamed" for
// a name without ASCII letters or digits.
func Slug(name string) string {
	if s := gazetteer.Slug(name); s != "" {
		return s
	}
	return "unnamed"
}
