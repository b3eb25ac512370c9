package gazetteer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/sync/errgroup"
)

// Error is a problem found at one place of a gazetteer file. Its message
// reads "file:line: message", the form editors and CI logs link to.
type Error struct {
	File string // the file as it was named to the loader
	Line int    // 1-based; 0 when the problem concerns the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxErrors bounds the errors reported for one file: a file that is wrong
// throughout (a JSON file passed by mistake) says so in a screenful.
const maxErrors = 50

// LoadFile loads a gazetteer file, or every gazetteer file under a folder
// (recursively, in lexical order). A file is gazex YAML (.yaml, .yml) or
// FollowTheMoney JSON lines (.json, .jsonl, .ndjson, .ftm.json; see
// [ReadFtM]); a file named explicitly with another extension is taken by
// its content. Errors carry the path as given.
func LoadFile(p string) ([]*Entity, error) {
	files, dir, err := gazetteerFiles(p)
	if err != nil {
		return nil, err
	}
	if !dir {
		return loadOne(p)
	}
	return loadAll(files, os.ReadFile)
}

// gazetteerFiles lists the files LoadFile reads for p: p itself, or the
// gazetteer files under the folder p, in lexical order.
func gazetteerFiles(p string) (files []string, dir bool, err error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, false, fmt.Errorf("gazetteer: %w", err)
	}
	if !info.IsDir() {
		return []string{p}, false, nil
	}
	err = filepath.WalkDir(p, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isGazetteerFile(f) {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, true, fmt.Errorf("gazetteer: %w", err)
	}
	return files, true, nil
}

// LoadFS loads gazetteer files or folders from fsys, as [LoadFile] does;
// no path means the whole of fsys. Errors carry the fs path.
func LoadFS(fsys fs.FS, paths ...string) ([]*Entity, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var files []string
	for _, p := range paths {
		err := fs.WalkDir(fsys, p, func(f string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			// A file named explicitly is loaded whatever its extension.
			if !d.IsDir() && (f == p || isGazetteerFile(f)) {
				files = append(files, f)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
	}
	return loadAll(files, func(f string) ([]byte, error) { return fs.ReadFile(fsys, f) })
}

func isYAML(f string) bool {
	ext := strings.ToLower(path.Ext(f))
	return ext == ".yaml" || ext == ".yml"
}

// loadPaths reads gazetteer files and folders as [LoadFile] does, but
// goes on past problems: it returns every problem of every file, each an
// [*Error] where its place is known, and the entities it could read (a
// YAML file's good and broken entities; nothing of an FtM file with
// problems).
func loadPaths(paths []string) ([]*Entity, []error) {
	var (
		all  []*Entity
		errs []error
	)
	for _, p := range paths {
		files, _, err := gazetteerFiles(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range files {
			ents, ferrs := loadOnePartial(f)
			if all == nil {
				all = ents // one file: no copy of its million entities
			} else {
				all = append(all, ents...)
			}
			errs = append(errs, ferrs...)
		}
	}
	return all, errs
}

// loadOnePartial is [loadOne] keeping what a YAML file with problems holds.
func loadOnePartial(f string) ([]*Entity, []error) {
	if isFtMName(f) {
		ents, err := loadOne(f)
		return ents, flatten(err)
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return nil, []error{fmt.Errorf("gazetteer: %w", err)}
	}
	if !isYAML(f) && looksLikeJSON(data) {
		ents, err := ParseFtM(f, data)
		return ents, flatten(err)
	}
	return parsePartial(f, data)
}

// flatten lists the errors that errors.Join joined.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// loadAll reads and parses files, several at once (the embedded default's
// ~1 MB of YAML is most of gazex's start-up), and returns their entities
// and errors in the order of files, as one file after the other would.
func loadAll(files []string, read func(string) ([]byte, error)) ([]*Entity, error) {
	type result struct {
		ents []*Entity
		err  error
	}
	results := make([]result, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		g.Go(func() error {
			data, err := read(f)
			if err != nil {
				results[i].err = fmt.Errorf("gazetteer: %w", err)
				return nil
			}
			results[i].ents, results[i].err = parseAny(f, data)
			return nil
		})
	}
	_ = g.Wait() // the goroutines keep their errors in results
	var (
		all  []*Entity
		errs []error
	)
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		all = append(all, r.ents...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return all, nil
}

// Parse reads entities from the YAML text of one gazetteer file; name is
// what errors and [Entity.File] call the file.
func Parse(name string, data []byte) ([]*Entity, error) { return parse(name, data) }

// asOfComment is the header line that dates a file's facts.
var asOfComment = regexp.MustCompile(`(?m)^#\s*as-of:\s*(\S+)\s*$`)

func parse(name string, data []byte) ([]*Entity, error) {
	ents, errs := parsePartial(name, data)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ents, nil
}

// parsePartial is parse going on past problems: it returns every problem
// and the entities it could read, among them those with bad fields but an
// id (marked broken), so that a check of the whole file reports the other
// problems in the same run and references to them still resolve.
func parsePartial(name string, data []byte) ([]*Entity, []error) {
	p := &parser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3 reports "yaml: line N: msg"; keep the line, in our format.
		return nil, []error{p.yamlError(err)}
	}
	var asOf Date
	if m := asOfComment.FindSubmatch(data); m != nil {
		d, err := ParseDate(string(m[1]))
		if err != nil {
			line := strings.Count(string(data[:asOfComment.FindIndex(data)[0]]), "\n") + 1
			return nil, []error{&Error{File: name, Line: line, Msg: "as-of: " + err.Error()}}
		}
		asOf = d
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file holds no entities
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		p.errorf(root, "want a list of entities, got %s", kindName(root))
		return nil, p.errs
	}
	ents := make([]*Entity, 0, len(root.Content))
	for _, item := range root.Content {
		if e := p.entity(item); e != nil {
			e.AsOf = asOf
			ents = append(ents, e)
		}
		if len(p.errs) >= maxErrors {
			break
		}
	}
	return ents, p.errs
}

type parser struct {
	file string
	errs []error
	cur  *Entity // the entity being read, whose Lines are filled in
}

// at records the line of a part of the current entity (the first one).
func (p *parser) at(part string, line int) {
	if p.cur == nil {
		return
	}
	if _, ok := p.cur.Lines[part]; !ok {
		p.cur.Lines[part] = line
	}
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser (parserc.go), which
// reports their line 0-based, unlike its scanner; it drops a line 0.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

func (p *parser) yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if parserProblems[msg] {
		line++
	}
	return &Error{File: p.file, Line: line, Msg: msg}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

// fields walks a mapping node, rejecting duplicate and unknown keys, and
// calls set for each known one.
func (p *parser) fields(n *yaml.Node, what string, known []string, set func(key string, k, v *yaml.Node)) bool {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: want a mapping, got %s", what, kindName(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			p.errorf(k, "%s: want a field name, got %s", what, kindName(k))
		case seen[k.Value]:
			p.errorf(k, "%s: duplicate field %q", what, k.Value)
		case !knownField(known, k.Value):
			p.errorf(k, "%s: unknown field %q (known: %s)", what, k.Value, strings.Join(known, ", "))
		default:
			seen[k.Value] = true
			set(k.Value, k, v)
		}
	}
	return true
}

func knownField(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var entityFields = []string{"id", "type", "name", "country", "sector", "names", "short", "unique", "adjectives", "note", "positions"}

func (p *parser) entity(n *yaml.Node) *Entity {
	e := &Entity{File: fmt.Sprintf("%s:%d", p.file, n.Line), Lines: map[string]int{}}
	p.cur = e
	defer func() { p.cur = nil }()
	before := len(p.errs)
	ok := p.fields(n, "entity", entityFields, func(key string, k, v *yaml.Node) {
		p.at(key, k.Line)
		switch key {
		case "id":
			e.ID = p.str(v, key)
		case "type":
			e.Type = p.str(v, key)
		case "name":
			e.Name = p.str(v, key)
		case "country":
			e.Country = p.str(v, key)
		case "sector":
			e.Sector = p.str(v, key)
		case "note":
			e.Note = p.str(v, key)
		case "names":
			e.Names = p.byLang(v, key)
		case "short":
			e.Short = p.byLang(v, key)
		case "adjectives":
			e.Adjectives = p.byLang(v, key)
		case "unique":
			e.Unique = p.list(v, key)
		case "positions":
			e.Positions = p.positions(v)
		}
	})
	if !ok {
		return nil
	}
	for _, req := range []struct{ key, val string }{{"id", e.ID}, {"type", e.Type}, {"name", e.Name}} {
		if strings.TrimSpace(req.val) == "" {
			what := "entity"
			if e.ID != "" {
				what = e.ID
			}
			p.errorf(n, "%s: missing %s", what, req.key)
		}
	}
	if len(p.errs) > before {
		if strings.TrimSpace(e.ID) == "" {
			return nil
		}
		e.broken = true // kept: its id may be referred to
	}
	return e
}

func (p *parser) str(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s: want a string, got %s", key, kindName(n))
		return ""
	}
	return n.Value
}

func (p *parser) list(n *yaml.Node, key string) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list of strings, got %s", key, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		s := p.str(c, key)
		if strings.TrimSpace(s) == "" {
			if c.Kind == yaml.ScalarNode && c.Tag != "!!null" {
				p.errorf(c, "%s: empty name", key)
			}
			continue
		}
		p.at("form "+s, c.Line)
		out = append(out, s)
	}
	return out
}

var langCode = regexp.MustCompile(`^[a-z]{2}$`)

func (p *parser) byLang(n *yaml.Node, key string) map[string][]string {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		// A YAML alias ("short: *mfa") repeats an anchored mapping: the
		// generated world.yaml gives every country's ministries the same
		// short forms once, which halves the default's parse time.
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s: want a mapping of language to names, got %s", key, kindName(n))
		return nil
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !langCode.MatchString(k.Value) {
			p.errorf(k, "%s: want a two-letter language code (de, es, en), got %s", key, kindName(k))
			continue
		}
		if _, dup := out[k.Value]; dup {
			p.errorf(k, "%s: duplicate language %q", key, k.Value)
			continue
		}
		out[k.Value] = p.list(v, key+"."+k.Value)
	}
	return out
}

var positionFields = []string{"title", "org", "sector", "from", "to"}

func (p *parser) positions(n *yaml.Node) []Position {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "positions: want a list, got %s", kindName(n))
		return nil
	}
	out := make([]Position, 0, len(n.Content))
	for _, c := range n.Content {
		var pos Position
		before := len(p.errs)
		p.fields(c, "position", positionFields, func(key string, k, v *yaml.Node) {
			switch key {
			case "title":
				pos.Title = p.str(v, key)
			case "org":
				pos.Org = p.str(v, key)
			case "sector":
				pos.Sector = p.str(v, key)
			case "from":
				pos.From = p.date(v, key)
			case "to":
				pos.To = p.date(v, key)
			}
		})
		if c.Kind == yaml.MappingNode && strings.TrimSpace(pos.Title) == "" {
			p.errorf(c, "position: missing title")
		}
		if len(p.errs) == before {
			out = append(out, pos)
			p.at(fmt.Sprintf("position %d", len(out)), c.Line)
		}
	}
	return out
}

func (p *parser) date(n *yaml.Node, key string) Date {
	s := p.str(n, key)
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		p.errorf(n, "%s: %v", key, err)
	}
	return d
}
