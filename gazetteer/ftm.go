package gazetteer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"golang.org/x/text/language"
)

// This file reads FollowTheMoney (FtM) entity files, the JSON lines format
// in which OpenSanctions publishes its PEP and sanctions data sets
// ("entities.ftm.json"): one entity a line,
//
//	{"id":"Q7747","schema":"Person","properties":{"name":["Vladimir Putin"],"country":["ru"]}}
//
// and maps them onto gazex entities:
//
//   - Person → a person "person/ftm-<id>"; Organization, PublicBody,
//     Company and LegalEntity → an organisation "org/ftm-<id>", where <id>
//     is the FtM id lowercased, with every run of other characters than
//     ASCII letters and digits turned into one hyphen.
//   - name and alias → names that match on their own; weakAlias and
//     lastName → forms that count only after a fuller mention (a one-word
//     lastName is filed among the names, which makes it one for a person);
//     firstName + lastName → one more name. FtM names carry no language: they are filed under
//     the language "" (every language).
//   - country, jurisdiction, mainCountry, nationality, citizenship (the
//     first that maps) → the ISO 3166-1 alpha-3 country; FtM's ISO-2 codes
//     are mapped through golang.org/x/text/language, "eu" becomes "INT".
//     A person without one takes the country of the first post held.
//   - the sector of an organisation comes from its topics (gov.igo → IGO,
//     mil → MIL, gov.security → SPY, gov.judicial → JUD, gov.legislative →
//     LEG, pol.party → PTY, other gov.* → GOV, corp.* and fin.* → BUS), else
//     from its schema (PublicBody → GOV, Company → BUS); an Organization
//     with neither is left without one, which [Check] reports.
//   - Position entities give titles (their name) and sectors (their topics,
//     GOV by default: PEP data is about public office); an Occupancy links
//     its holder to its post from startDate to endDate and becomes a dated
//     [Position] of the holder. Dates keep the precision FtM gives them
//     ("2019", "2019-05", "2019-05-07", a time of day is dropped); an
//     unknown date is left zero. An occupancy whose status is "ended" but
//     which has no endDate is dropped, since keeping it would claim the
//     office is still held.
//   - last_seen (else last_change) dates the entity's facts ([Entity.AsOf]).
//
// Other schemas (Address, Sanction, Family, Ownership, …) are skipped. The
// flat export is read; entities nested inside properties (OpenSanctions'
// "nested" export) are not. Problems are reported as "file:line: message",
// like those of YAML files, and a file with any problem loads nothing.

// ftmMaxLine bounds one line of an FtM file.
const ftmMaxLine = 16 << 20

// isFtMName reports whether a file name says it holds FtM entities.
func isFtMName(f string) bool {
	switch strings.ToLower(path.Ext(f)) {
	case ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// isGazetteerFile reports whether a file found in a folder is a gazetteer
// file: YAML or FollowTheMoney.
func isGazetteerFile(f string) bool { return isYAML(f) || isFtMName(f) }

// looksLikeJSON reports whether data starts with a JSON object: a gazex
// YAML file is a list, never a mapping in flow style.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(data) > 0 && data[0] == '{'
}

// parseAny parses one gazetteer file: by its extension (.yaml/.yml →
// YAML; .json, .jsonl, .ndjson, .ftm.json → FtM), else by its content.
func parseAny(name string, data []byte) ([]*Entity, error) {
	if !isYAML(name) && (isFtMName(name) || looksLikeJSON(data)) {
		return ParseFtM(name, data)
	}
	return parse(name, data)
}

// loadOne loads one named file, streaming FtM files rather than reading
// them whole: a data set of a million names is a few hundred megabytes.
func loadOne(p string) ([]*Entity, error) {
	if isFtMName(p) {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		defer f.Close()
		var size int64
		if info, err := f.Stat(); err == nil {
			size = info.Size()
		}
		return readFtM(p, f, size)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return parseAny(p, data)
}

// ParseFtM reads the entities of a FollowTheMoney JSON lines file; name is
// what errors and [Entity.File] call the file.
func ParseFtM(name string, data []byte) ([]*Entity, error) {
	return ReadFtM(name, bytes.NewReader(data))
}

// ReadFtM reads the entities of a FollowTheMoney JSON lines stream, as
// [ParseFtM] does. Occupancies may come before or after their holder and
// post. It returns every problem (up to a screenful), each an [*Error].
//
// Reading and JSON decoding run in a goroutine of their own, a batch of
// lines ahead of the building of entities: on two cores a large file
// loads in about two thirds of the time.
func ReadFtM(name string, r io.Reader) ([]*Entity, error) { return readFtM(name, r, 0) }

// ftmLineBytes is a guess at the size of an FtM line, short (an
// OpenSanctions line is longer): it sizes the map of ids and the list of
// entities from the size of a file, which growing would copy over and over.
const ftmLineBytes = 256

// readFtM is [ReadFtM] of a stream of about size bytes (0: unknown).
func readFtM(name string, r io.Reader, size int64) ([]*Entity, error) {
	lines := min(size/ftmLineBytes, 1<<24)
	d := &ftmDecoder{
		file: name,
		byID: make(map[string]ftmDef, lines),
		// Most lines of a large file are entities: growing the list by a
		// quarter at a time left ~16 MB of garbage at a million names.
		entities:  make([]*Entity, 0, lines),
		positions: map[string]*ftmPosition{},
		countries: map[string]string{},
	}
	var (
		work    = make(chan *ftmChunk, ftmParsers)
		ordered = make(chan *ftmChunk, 8)
		free    = make(chan *ftmChunk, 12)
		stop    = make(chan struct{})
		wg      sync.WaitGroup
	)
	wg.Go(func() { readFtMChunks(r, work, ordered, free, stop) })
	for range min(ftmParsers, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			p := &ftmParser{interned: map[string]string{}}
			for c := range work {
				p.lists = &c.lists
				p.chunk(c)
				close(c.done)
			}
		})
	}
	finish := func() {
		close(stop)
		for range ordered { // let the reader see stop and end
		}
		wg.Wait()
	}
	for c := range ordered {
		<-c.done
		for i := range c.items {
			it := &c.items[i]
			switch {
			case it.scanErr != "":
				d.errorf(it.line, "%s", it.scanErr)
			case it.msg != "":
				d.errorf(it.line, "%s", it.msg)
			default:
				d.apply(it.line, &it.l)
			}
			if len(d.errs) >= maxErrors {
				finish()
				return nil, errors.Join(d.errs...)
			}
		}
		clear(c.items) // drop the strings of the chunk's lines
		select {
		case free <- c:
		default:
		}
	}
	wg.Wait()
	d.occupy()
	if len(d.errs) > 0 {
		// Occupancies are resolved at the end: put their problems in line order.
		slices.SortStableFunc(d.errs, func(a, b error) int { return a.(*Error).Line - b.(*Error).Line })
		return nil, errors.Join(d.errs...)
	}
	return d.entities, nil
}

// ftmItem is one non-empty line of an FtM file, decoded: its problem (msg,
// or scanErr for a file that could not be read on), else its fields.
type ftmItem struct {
	line         int
	l            ftmLine
	msg, scanErr string
}

// ftmBatch is the number of lines decoded ahead at a time.
const ftmBatch = 256

// ftmParsers is the number of goroutines that decode lines: with the
// one that reads them and the one that builds entities, decoding JSON
// (the larger part) keeps two cores busy.
const ftmParsers = 2

// ftmChunk is a batch of lines of an FtM file: read by readFtMChunks,
// decoded by a parser, then filed in order by ReadFtM.
type ftmChunk struct {
	raw     []byte // the lines, trimmed, one after the other
	ends    []int  // where each line ends in raw
	lines   []int  // the line number of each
	scanErr string // the problem that stopped reading after the lines, if any
	errLine int
	items   []ftmItem     // the lines decoded, and the reading problem
	done    chan struct{} // closed when items are decoded
	lists   strSlab       // the lists of the items' properties
}

// chunk decodes the lines of c into c.items.
func (p *ftmParser) chunk(c *ftmChunk) {
	c.items = c.items[:0]
	from := 0
	for i, end := range c.ends {
		c.items = append(c.items, ftmItem{line: c.lines[i]})
		it := &c.items[len(c.items)-1]
		it.msg = p.line(c.raw[from:end], &it.l)
		from = end
	}
	if c.scanErr != "" {
		c.items = append(c.items, ftmItem{line: c.errLine, scanErr: c.scanErr})
	}
}

// readFtMChunks reads the lines of r in chunks, until the end or stop,
// and sends each chunk to be decoded (work) and, in order, to be filed
// (ordered); it closes both at the end. Chunks come back through free
// for reuse.
func readFtMChunks(r io.Reader, work, ordered chan<- *ftmChunk, free chan *ftmChunk, stop <-chan struct{}) {
	defer close(ordered)
	defer close(work)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), ftmMaxLine)
	next := func() *ftmChunk {
		select {
		case c := <-free:
			c.raw, c.ends, c.lines, c.items, c.scanErr = c.raw[:0], c.ends[:0], c.lines[:0], c.items[:0], ""
			c.lists.reset()
			c.done = make(chan struct{})
			return c
		default:
			return &ftmChunk{items: make([]ftmItem, 0, ftmBatch), done: make(chan struct{})}
		}
	}
	send := func(c *ftmChunk) bool {
		select {
		case ordered <- c:
		case <-stop:
			return false
		}
		select {
		case work <- c:
		case <-stop:
			return false
		}
		return true
	}
	c := next()
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		c.raw = append(c.raw, b...)
		c.ends = append(c.ends, len(c.raw))
		c.lines = append(c.lines, line)
		if len(c.lines) == ftmBatch {
			if !send(c) {
				return
			}
			c = next()
		}
	}
	if err := sc.Err(); err != nil {
		msg := err.Error()
		if errors.Is(err, bufio.ErrTooLong) {
			msg = fmt.Sprintf("line longer than %d MiB", ftmMaxLine>>20)
		}
		c.scanErr, c.errLine = msg, line+1
	}
	if len(c.lines) > 0 || c.scanErr != "" {
		send(c)
	}
}

// ftmLine is one line of an FtM file, with the properties gazex reads.
type ftmLine struct {
	ID, Schema           string
	LastSeen, LastChange string
	Properties           ftmProps
}

// ftmProps are the FtM properties gazex reads; every FtM property is a
// list of strings.
type ftmProps struct {
	Name, Alias, WeakAlias, FirstName, LastName                  []string
	Country, Jurisdiction, MainCountry, Nationality, Citizenship []string
	Topics, Holder, Post, StartDate, EndDate, Status             []string
}

// textKind says how a property's values are copied out of the parser's
// buffer.
type textKind uint8

const (
	textPlain textKind = iota // a string of its own
	// interned: countries, topics, dates, first names, a few thousand
	// distinct values repeated a million times, which are read and
	// dropped (~20 MB of garbage at a million names as strings of their own)
	textCode
	textName // into the arena of strings that live as long as the gazetteer
)

// field returns where property key goes, and how its values are copied;
// nil for the properties gazex ignores.
func (p *ftmProps) field(key []byte) (*[]string, textKind) {
	switch string(key) {
	case "name":
		return &p.Name, textName
	case "alias":
		return &p.Alias, textName
	case "weakAlias":
		return &p.WeakAlias, textName
	case "firstName":
		return &p.FirstName, textCode
	case "lastName":
		return &p.LastName, textName
	case "country":
		return &p.Country, textCode
	case "jurisdiction":
		return &p.Jurisdiction, textCode
	case "mainCountry":
		return &p.MainCountry, textCode
	case "nationality":
		return &p.Nationality, textCode
	case "citizenship":
		return &p.Citizenship, textCode
	case "topics":
		return &p.Topics, textCode
	case "holder":
		return &p.Holder, textPlain
	case "post":
		return &p.Post, textPlain
	case "startDate":
		return &p.StartDate, textCode
	case "endDate":
		return &p.EndDate, textCode
	case "status":
		return &p.Status, textCode
	}
	return nil, textPlain
}

// decode fills l from one parsed line; it returns a message for the first
// problem.
func (d *ftmParser) decode(v *fastjson.Value, l *ftmLine) string {
	o, err := v.Object()
	if err != nil {
		return "not a FollowTheMoney entity: want a JSON object"
	}
	var msg string
	o.Visit(func(key []byte, v *fastjson.Value) {
		if msg != "" {
			return
		}
		var dst *string
		switch string(key) {
		case "id":
			dst = &l.ID
		case "schema":
			dst = &l.Schema
		case "last_seen":
			dst = &l.LastSeen
		case "last_change":
			dst = &l.LastChange
		case "properties":
			msg = d.properties(v, &l.Properties)
			return
		default:
			return
		}
		b, err := v.StringBytes()
		if err != nil {
			msg = fmt.Sprintf("%s: want a string", key)
			return
		}
		kind := textPlain
		if string(key) != "id" {
			kind = textCode // a schema, a date stamp: a few values
		}
		*dst = d.text(b, kind)
	})
	if msg != "" && l.ID != "" {
		msg = l.ID + ": " + msg
	}
	return msg
}

func (d *ftmParser) properties(v *fastjson.Value, p *ftmProps) string {
	o, err := v.Object()
	if err != nil {
		return "properties: want an object"
	}
	var msg string
	o.Visit(func(key []byte, v *fastjson.Value) {
		dst, kind := p.field(key)
		if dst == nil || msg != "" {
			return
		}
		vals, err := v.Array()
		if err != nil {
			msg = fmt.Sprintf("property %s: want a list of strings", key)
			return
		}
		out := d.lists.take(len(vals))
		for i, val := range vals {
			b, err := val.StringBytes()
			if err != nil {
				msg = fmt.Sprintf("property %s: want a list of strings", key)
				return
			}
			if kind == textName {
				d.names = append(d.names, pendingName{b, &out[i]})
				continue // copied at the end of the line (copyNames)
			}
			out[i] = d.text(b, kind)
		}
		*dst = out
	})
	return msg
}

// text copies b out of the parser's buffer (repairing invalid UTF-8),
// as kind says.
func (d *ftmParser) text(b []byte, kind textKind) string {
	switch kind {
	case textName:
		return d.strs.bytes(b)
	case textCode:
		if s, ok := d.interned[string(b)]; ok {
			return s
		}
	}
	var s string
	if utf8.Valid(b) {
		s = string(b)
	} else {
		s = strings.ToValidUTF8(string(b), "\uFFFD")
	}
	if kind == textCode && len(d.interned) < maxInterned {
		d.interned[s] = s
	}
	return s
}

// maxInterned bounds the interned codes: a file of odd codes costs
// allocations, not unbounded memory.
const maxInterned = 1 << 14

// jsonProblem returns the innermost part of fastjson's error message,
// which nests "cannot parse object: cannot parse object value: …" and
// appends the unparsed tail of the line.
func jsonProblem(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "; unparsed tail")
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

// ftmDef is where an FtM id was defined, and what it became.
type ftmDef struct {
	line   int
	entity *Entity // nil for other schemas
}

type ftmPosition struct {
	title, sector, country string
}

type ftmOccupancy struct {
	line             int
	id, holder, post string
	start, end       Date
	ended            bool
	hasEndDate       bool
}

// ftmParser decodes lines of JSON; it runs apart from the ftmDecoder,
// which builds entities from the lines.
type ftmParser struct {
	parser   fastjson.Parser
	interned map[string]string
	strs     strArena // names, which live as long as the gazetteer
	lists    *strSlab // the chunk's, for the lists of properties
	names    []pendingName
}

// strSlab cuts the lists of strings of a chunk's lines from a few blocks
// that the chunk keeps and reuses, rather than one allocation a property
// of every line (~50 MB of garbage at a million names). A list lives as
// long as its chunk is not reused: the decoder copies what it keeps of
// it (addForms copies the forms; positions and occupancies keep strings,
// not lists).
type strSlab struct {
	blocks [][]string
	block  int // the block being cut
	used   int // of it
}

// strSlabBlock is the size of a block: the lists of a chunk of ftmBatch
// lines fit in one or two.
const strSlabBlock = 2048

// take returns a list of n empty strings, cut at its exact length.
func (s *strSlab) take(n int) []string {
	if n > strSlabBlock/4 {
		return make([]string, n) // a rare long list: a block of its own
	}
	for {
		if s.block == len(s.blocks) {
			s.blocks = append(s.blocks, make([]string, strSlabBlock))
		}
		if b := s.blocks[s.block]; s.used+n <= len(b) {
			out := b[s.used : s.used+n : s.used+n]
			s.used += n
			return out
		}
		s.block, s.used = s.block+1, 0
	}
}

// reset makes the blocks free for reuse, clearing them so that the
// strings they held can be collected.
func (s *strSlab) reset() {
	for _, b := range s.blocks[:min(s.block+1, len(s.blocks))] {
		clear(b)
	}
	s.block, s.used = 0, 0
}

type ftmDecoder struct {
	file      string
	errs      []error
	entities  []*Entity
	byID      map[string]ftmDef
	positions map[string]*ftmPosition
	// occupancies are kept in chunks of occupancyChunk: one slice grown
	// by append would copy them over and over (Go grows a large slice by
	// a quarter), ~100 MB of garbage at a million names.
	occupancies [][]ftmOccupancy
	countries   map[string]string // FtM code → ISO3, "" when it maps to none
	strs        strArena
	formSlab    []string
	entitySlab  []Entity
}

func (d *ftmDecoder) errorf(line int, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// line decodes one line of JSON into l; it returns a message for the
// first problem.
func (p *ftmParser) line(b []byte, l *ftmLine) string {
	v, err := p.parser.ParseBytes(b)
	if err != nil {
		return "not a FollowTheMoney entity: invalid JSON: " + jsonProblem(err)
	}
	p.names = p.names[:0]
	msg := p.decode(v, l)
	p.copyNames()
	return msg
}

// pendingName is a name of the line being decoded, in the parser's
// buffer, and where its copy goes.
type pendingName struct {
	b   []byte
	dst *string
}

// copyNames copies the names of a line into the arena, longest first,
// slicing a name that is part of one copied before out of it rather than
// copying it again: the alias "Antonio Yiatriazhemann" and the last name
// "Yiatriazhemann" of the name "Antonio Yiatriazhemann Kialsaes" are
// parts of it (~15 MB of a million names' ~45 MB of text).
func (p *ftmParser) copyNames() {
	names := p.names
	for i := 1; i < len(names); i++ { // a handful: insertion sort
		for j := i; j > 0 && len(names[j].b) > len(names[j-1].b); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	for i, n := range names {
		*n.dst = ""
		// (Invalid UTF-8 is copied and repaired: a part of a valid name
		// may be a rune cut in two.)
		for _, prev := range names[:i*btoi(utf8.Valid(n.b))] {
			if k := indexBytes(*prev.dst, n.b); k >= 0 {
				*n.dst = (*prev.dst)[k : k+len(n.b)]
				break
			}
		}
		if *n.dst == "" && len(n.b) > 0 {
			*n.dst = p.strs.bytes(n.b)
		}
	}
	clear(names) // drop the references to the parser's buffer
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// indexBytes is strings.Index(s, string(b)) without converting b.
func indexBytes(s string, b []byte) int {
	if len(b) == 0 {
		return -1
	}
	for i := 0; i+len(b) <= len(s); i++ {
		if s[i] == b[0] && s[i:i+len(b)] == string(b) {
			return i
		}
	}
	return -1
}

// apply files one decoded line.
func (d *ftmDecoder) apply(line int, l *ftmLine) {
	switch {
	case l.ID == "":
		d.errorf(line, "entity: missing id")
		return
	case l.Schema == "":
		d.errorf(line, "%s: missing schema", l.ID)
		return
	}
	if prev, dup := d.byID[l.ID]; dup {
		d.errorf(line, "%s: duplicate id (first at %s:%d)", l.ID, d.file, prev.line)
		return
	}
	def := ftmDef{line: line}
	before := len(d.errs)
	switch l.Schema {
	case "Person", "Organization", "PublicBody", "Company", "LegalEntity":
		def.entity = d.entity(line, l)
	case "Position":
		d.position(line, l)
	case "Occupancy":
		d.occupancy(line, l)
	}
	d.byID[l.ID] = def
	if def.entity != nil && len(d.errs) == before {
		d.entities = append(d.entities, def.entity)
	}
}

func (d *ftmDecoder) entity(line int, l *ftmLine) *Entity {
	if !hasSlug(l.ID) {
		d.errorf(line, "%s: id has no ASCII letter or digit to build a gazex id from", l.ID)
		return nil
	}
	e := d.newEntity()
	e.File = d.strs.join(d.file, ":", strconv.Itoa(line))
	e.fromFtM = true // FtM data sets name many people alike: no collision rule (check.go)
	p := &l.Properties
	if l.Schema == "Person" {
		e.ID, e.Type = d.strs.slug("person/ftm-", l.ID), TypePerson
	} else {
		e.ID, e.Type = d.strs.slug("org/ftm-", l.ID), TypeOrganization
		e.Sector = ftmSector(p.Topics, orgSectorOf[l.Schema])
	}
	var full []string
	if len(p.FirstName) > 0 && len(p.LastName) > 0 {
		first, last := strings.TrimSpace(p.FirstName[0]), strings.TrimSpace(p.LastName[0])
		// Most files list the full name as an alias as well: build it
		// only when it is new.
		if !hasJoined(p.Name, first, last) && !hasJoined(p.Alias, first, last) {
			full = []string{d.strs.join(first, " ", last)}
		}
	}
	// A one-word surname goes among the names, where [Compile] takes it
	// for the bare surname it is (coreference only): one map per person
	// rather than two saves a hundred megabytes at a million names.
	var oneWord, longer []string
	for i, last := range p.LastName {
		if oneToken(last) {
			if oneWord == nil {
				oneWord = p.LastName[i : i+1]
			} else {
				oneWord = append(oneWord[:len(oneWord):len(oneWord)], last)
			}
		} else {
			longer = append(longer, last)
		}
	}
	var buf [8]string
	seen := buf[:0]
	e.Names, seen = d.addForms(seen, p.Name, p.Alias, full, oneWord)
	e.Short, _ = d.addForms(seen, p.WeakAlias, longer)
	switch {
	case len(e.Names[""]) > 0:
		e.Name = e.Names[""][0]
	case len(e.Short[""]) > 0:
		e.Name = e.Short[""][0]
	default:
		d.errorf(line, "%s: no name, alias or weakAlias: the entity could never be found", l.ID)
		return nil
	}
	for _, codes := range [][]string{p.Country, p.Jurisdiction, p.MainCountry, p.Nationality, p.Citizenship} {
		if e.Country = d.country(codes); e.Country != "" {
			break
		}
	}
	if e.Country == "" && e.Sector == "IGO" {
		e.Country = "INT"
	}
	e.AsOf = ftmStamp(l)
	return e
}

// oneToken reports whether [Tokens] makes one token of s.
func oneToken(s string) bool {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if !isWordRune(r) {
			return len(Tokens(s)) == 1 // an apostrophe, a hyphen: let Tokens judge
		}
	}
	return s != ""
}

// addForms returns a map of the distinct non-empty forms of lists, with
// their spaces tidied, under the language "" (nil when there is none);
// seen holds the forms added before, and is returned with the new ones.
// (Forms that differ in case or accents only are left to the index,
// which keeps one entry for them.) The list of forms is cut from a slab
// shared by many entities, at its exact length.
func (d *ftmDecoder) addForms(seen []string, lists ...[]string) (map[string][]string, []string) {
	from := len(seen)
	for _, list := range lists {
		for _, f := range list {
			f = tidySpaces(f)
			if f == "" || slices.Contains(seen, f) {
				continue
			}
			seen = append(seen, f)
		}
	}
	forms := seen[from:]
	if len(forms) == 0 {
		return nil, seen
	}
	if len(d.formSlab) < len(forms) {
		d.formSlab = make([]string, max(formSlabSize, len(forms)))
	}
	out := d.formSlab[:len(forms):len(forms)]
	d.formSlab = d.formSlab[len(forms):]
	copy(out, forms)
	return map[string][]string{"": out}, seen
}

// formSlabSize and entitySlabSize are the number of forms and entities
// allocated at once: one allocation for thousands of small ones.
const (
	formSlabSize   = 4096
	entitySlabSize = 1024
	occupancyChunk = 4096
)

// newEntity returns a zero entity cut from a slab.
func (d *ftmDecoder) newEntity() *Entity {
	if len(d.entitySlab) == 0 {
		d.entitySlab = make([]Entity, entitySlabSize)
	}
	e := &d.entitySlab[0]
	d.entitySlab = d.entitySlab[1:]
	return e
}

// hasJoined reports whether list holds first + " " + last.
func hasJoined(list []string, first, last string) bool {
	for _, s := range list {
		if len(s) == len(first)+1+len(last) && s[len(first)] == ' ' &&
			strings.HasPrefix(s, first) && strings.HasSuffix(s, last) {
			return true
		}
	}
	return false
}

// strArena copies many small strings into a few large buffers: one
// allocation for thousands of names, ids and locations that live as long
// as the gazetteer. A string sliced from a strings.Builder stays valid
// as the builder grows, since the builder never overwrites what it
// wrote; a full buffer is left to the strings cut from it.
type strArena struct{ b strings.Builder }

const arenaChunk = 256 << 10

// room makes room for n more bytes and returns where they start.
func (a *strArena) room(n int) int {
	if a.b.Cap()-a.b.Len() < n {
		a.b = strings.Builder{}
		a.b.Grow(max(arenaChunk, n))
	}
	return a.b.Len()
}

// join returns the concatenation of parts.
func (a *strArena) join(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	from := a.room(n)
	for _, p := range parts {
		a.b.WriteString(p)
	}
	return a.b.String()[from:]
}

// bytes returns a copy of b, with invalid UTF-8 repaired.
func (a *strArena) bytes(b []byte) string {
	if !utf8.Valid(b) {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	from := a.room(len(b))
	a.b.Write(b)
	return a.b.String()[from:]
}

// slug returns prefix followed by [ftmSlug] of id.
func (a *strArena) slug(prefix, id string) string {
	from := a.room(len(prefix) + 2*len(id))
	a.b.WriteString(prefix)
	writeSlug(&a.b, id)
	return a.b.String()[from:]
}

// hasSlug reports whether id has an ASCII letter or digit, so that
// [ftmSlug] of it is not empty.
func hasSlug(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i] | 0x20; 'a' <= c && c <= 'z' || '0' <= id[i] && id[i] <= '9' {
			return true
		}
	}
	return false
}

// tidySpaces trims s and collapses its runs of ASCII white space into one
// space, copying only when it must (other spaces separate tokens anyway).
func tidySpaces(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r'
		if space && (prevSpace || c != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.TrimSpace(s)
	}
	return s
}

func (d *ftmDecoder) position(line int, l *ftmLine) {
	names := l.Properties.Name
	if len(names) == 0 || strings.TrimSpace(names[0]) == "" {
		d.errorf(line, "%s: position without a name", l.ID)
		return
	}
	d.positions[l.ID] = &ftmPosition{
		title:   strings.TrimSpace(names[0]),
		sector:  ftmSector(l.Properties.Topics, "GOV"),
		country: d.country(l.Properties.Country),
	}
}

func (d *ftmDecoder) occupancy(line int, l *ftmLine) {
	o := ftmOccupancy{line: line, id: l.ID}
	holders, posts := l.Properties.Holder, l.Properties.Post
	if len(holders) != 1 || len(posts) != 1 {
		d.errorf(line, "%s: an occupancy needs one holder and one post, has %d and %d", l.ID, len(holders), len(posts))
		return
	}
	o.holder, o.post = holders[0], posts[0]
	o.start, _ = d.dates(line, l.ID, "startDate", l.Properties.StartDate, -1)
	o.end, o.hasEndDate = d.dates(line, l.ID, "endDate", l.Properties.EndDate, +1)
	for _, s := range l.Properties.Status {
		o.ended = o.ended || strings.EqualFold(s, "ended")
	}
	if n := len(d.occupancies); n == 0 || len(d.occupancies[n-1]) == cap(d.occupancies[n-1]) {
		d.occupancies = append(d.occupancies, make([]ftmOccupancy, 0, occupancyChunk))
	}
	last := &d.occupancies[len(d.occupancies)-1]
	*last = append(*last, o)
}

// dates parses property key's dates and returns the earliest (want < 0)
// or the latest (want > 0) of them, partial dates keeping their precision.
func (d *ftmDecoder) dates(line int, id, key string, values []string, want int) (Date, bool) {
	var best Date
	for _, s := range values {
		if i := strings.IndexByte(s, 'T'); i >= 0 {
			s = s[:i] // a time of day says nothing about an office
		}
		dt, ok := parseDateFast(s)
		if !ok {
			var err error
			if dt, err = ParseDate(s); err != nil {
				d.errorf(line, "%s: %s: %v", id, key, err)
				continue
			}
		}
		if best.IsZero() || (want < 0 && dateAfter(best, dt)) || (want > 0 && dateAfter(dt, best)) {
			best = dt
		}
	}
	return best, !best.IsZero()
}

// occupy turns the occupancies into dated positions of their holders, in
// file order.
func (d *ftmDecoder) occupy() {
	for _, chunk := range d.occupancies {
		for i := range chunk {
			d.occupy1(&chunk[i])
		}
	}
}

// occupy1 turns one occupancy into a dated position of its holder.
func (d *ftmDecoder) occupy1(o *ftmOccupancy) {
	holder, ok := d.byID[o.holder]
	switch {
	case !ok:
		d.errorf(o.line, "%s: unknown holder %q", o.id, o.holder)
		return
	case holder.entity == nil || holder.entity.Type != TypePerson:
		d.errorf(o.line, "%s: holder %q is not a Person", o.id, o.holder)
		return
	}
	post := d.positions[o.post]
	if post == nil {
		if _, ok := d.byID[o.post]; ok {
			d.errorf(o.line, "%s: post %q is not a Position", o.id, o.post)
		} else {
			d.errorf(o.line, "%s: unknown post %q", o.id, o.post)
		}
		return
	}
	if o.ended && !o.hasEndDate {
		return // ended on a date nobody gave: not a current office
	}
	e := holder.entity
	e.Positions = append(e.Positions, Position{Title: post.title, Sector: post.sector, From: o.start, To: o.end})
	if e.Country == "" {
		e.Country = post.country
	}
}

// country returns the ISO3 code of the first FtM country code that maps
// to one.
func (d *ftmDecoder) country(codes []string) string {
	for _, c := range codes {
		iso3, ok := d.countries[c]
		if !ok {
			iso3 = ftmCountry(c)
			d.countries[c] = iso3
		}
		if iso3 != "" {
			return iso3
		}
	}
	return ""
}

// ftmCountry maps an FtM country code (ISO 3166-1 alpha-2, lowercase, with
// a few extensions of its own) to ISO 3166-1 alpha-3, or "".
func ftmCountry(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "eu" {
		return "INT"
	}
	if len(code) != 2 {
		return "" // FtM's own codes ("suhh", "ge-ab") name no ISO country
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return ""
	}
	if iso3 := r.ISO3(); ValidCountry(iso3) {
		return iso3
	}
	return ""
}

// orgSectorOf is the sector an organisation's schema implies.
var orgSectorOf = map[string]string{"PublicBody": "GOV", "Company": "BUS"}

// ftmTopicSectors maps OpenSanctions topics to sectors, most specific
// first.
var ftmTopicSectors = []struct{ topic, sector string }{
	{"gov.igo", "IGO"},
	{"mil", "MIL"},
	{"gov.security", "SPY"},
	{"gov.judicial", "JUD"},
	{"gov.legislative", "LEG"},
	{"pol.party", "PTY"},
	{"gov.", "GOV"}, // any other gov.* topic
	{"gov", "GOV"},
	{"corp.", "BUS"},
	{"fin", "BUS"},
	{"fin.", "BUS"},
}

// ftmSector returns the sector the topics say, else def.
func ftmSector(topics []string, def string) string {
	for _, ts := range ftmTopicSectors {
		for _, t := range topics {
			if t == ts.topic || (strings.HasSuffix(ts.topic, ".") && strings.HasPrefix(t, ts.topic)) {
				return ts.sector
			}
		}
	}
	return def
}

// ftmSlug turns an FtM id into the slug of a gazex id.
func ftmSlug(id string) string {
	var b strings.Builder
	writeSlug(&b, id)
	return b.String()
}

// writeSlug writes [ftmSlug] of id to b.
func writeSlug(b *strings.Builder, id string) {
	start := b.Len()
	hyphen := false
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			hyphen = b.Len() > start
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteByte(c)
	}
}

// ftmStamp returns the date of an entity's last_seen, else last_change.
func ftmStamp(l *ftmLine) Date {
	for _, s := range []string{l.LastSeen, l.LastChange} {
		if len(s) >= 10 {
			if dt, ok := parseDateFast(s[:10]); ok {
				return dt
			}
			if dt, err := ParseDate(s[:10]); err == nil {
				return dt
			}
		}
	}
	return Date{}
}

// parseDateFast is [ParseDate] of a well-formed date, without its
// allocations (a million-name file has hundreds of thousands of dates);
// false for anything else, which ParseDate then judges.
func parseDateFast(s string) (Date, bool) {
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	var d Date
	var ok bool
	switch {
	case len(s) != 4 && len(s) != 7 && len(s) != 10:
		return Date{}, false
	case len(s) >= 7 && s[4] != '-', len(s) == 10 && s[7] != '-':
		return Date{}, false
	}
	if d.Year, ok = num(s[:4]); !ok {
		return Date{}, false
	}
	if len(s) >= 7 {
		if d.Month, ok = num(s[5:7]); !ok || d.Month < 1 || d.Month > 12 {
			return Date{}, false
		}
	}
	if len(s) == 10 {
		if d.Day, ok = num(s[8:10]); !ok || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, false
		}
	}
	return d, true
}
