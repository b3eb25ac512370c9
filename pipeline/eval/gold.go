package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Gold is one line of a gold file (SPEC section 6): the hand annotation of
// one text file. ANNOTATION.md holds the conventions.
type Gold struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	// Published is the text's publication date (YYYY-MM-DD), optional:
	// Run gives it to the pipeline as the document's date.
	Published string        `json:"published,omitempty"`
	Segments  []GoldSegment `json:"segments_other_lang"`
	Officials []GoldEntity  `json:"officials"`
	Agencies  []GoldEntity  `json:"agencies"`
	Places    []string      `json:"places"`
	Events    []GoldEvent   `json:"events"`
	// Ignore lists surface forms the gold deliberately leaves out: a
	// predicted entity named only there counts neither right nor wrong.
	Ignore []string `json:"ignore,omitempty"`
	Notes  string   `json:"notes,omitempty"`

	// path and line locate the gold line, for errors found after loading.
	path string
	line int
}

// GoldSegment is a passage in another language than the document's.
// Text is the passage or its first words.
type GoldSegment struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// GoldEntity is an official or an agency. Mentions are verbatim surface
// forms of the text; Name is the canonical form and need not occur.
type GoldEntity struct {
	Name     string   `json:"name"`
	Mentions []string `json:"mentions"`
	Role     *string  `json:"role,omitempty"`
	Country  string   `json:"country"`
}

// GoldEvent is an annotated event. Actors and Targets are canonical names
// of gold officials or agencies, or ISO 3166 alpha-3 codes. Date is
// YYYY-MM-DD, YYYY-MM, or null.
type GoldEvent struct {
	Type         string   `json:"type"`
	Actors       []string `json:"actors"`
	Targets      []string `json:"targets"`
	Date         *string  `json:"date"`
	Place        *string  `json:"place"`
	Topic        string   `json:"topic"`
	SourceAgency *string  `json:"source_agency"`
	Evidence     string   `json:"evidence"`
}

// eventTypes are the event types of SPEC section 3.
var eventTypes = map[string]bool{
	"SIGN_AGREEMENT": true, "AGREE": true, "COOPERATE_INTENT": true, "CONSULT": true,
	"MEET": true, "VISIT": true, "STATEMENT": true, "ACCUSE": true, "DENY": true, "OTHER": true,
}

var goldDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

var goldDate = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// LoadGold reads a gold file: one JSON object per line, blank lines
// skipped. It checks the shape of every line — known fields only (a
// misspelt key would silently score as an empty annotation), a file and a
// language, non-empty mentions, known event types, ISO dates, each file
// once — and returns every problem it finds, each as "path:line: message",
// joined into one error. It cannot check that the strings occur in their
// text files, as it does not know where they are: [Gold.Verify] does, and
// [Run] calls it.
func LoadGold(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		golds []Gold
		errs  []error
		seen  = map[string]int{}
	)
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			g, problems := parseGold(raw)
			g.path, g.line = path, line
			if prev, ok := seen[g.File]; ok && g.File != "" {
				problems = append(problems, fmt.Sprintf("file %q already annotated on line %d", g.File, prev))
			} else {
				seen[g.File] = line
			}
			for _, p := range problems {
				errs = append(errs, fmt.Errorf("%s:%d: %s", path, line, p))
			}
			if len(problems) == 0 {
				golds = append(golds, g)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return golds, nil
}

// parseGold decodes and checks one gold line; it returns the problems
// found, not an error, so that LoadGold can report them all.
func parseGold(raw []byte) (Gold, []string) {
	var g Gold
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return g, []string{"bad JSON: " + err.Error()}
	}
	if dec.More() {
		return g, []string{"more than one JSON value on the line"}
	}
	var p []string
	if g.File == "" {
		p = append(p, `missing "file"`)
	}
	if g.Lang == "" {
		p = append(p, `missing "lang"`)
	}
	if g.Published != "" && !goldDay.MatchString(g.Published) {
		p = append(p, fmt.Sprintf("published %q: want YYYY-MM-DD", g.Published))
	}
	for i, s := range g.Segments {
		if s.Lang == "" || s.Text == "" {
			p = append(p, fmt.Sprintf("segments_other_lang[%d]: lang and text are required", i))
		}
	}
	for _, list := range []struct {
		field string
		ents  []GoldEntity
	}{{"officials", g.Officials}, {"agencies", g.Agencies}} {
		for i, e := range list.ents {
			if e.Name == "" {
				p = append(p, fmt.Sprintf("%s[%d]: missing name", list.field, i))
			}
			if len(e.Mentions) == 0 {
				p = append(p, fmt.Sprintf("%s[%d] %q: no mentions", list.field, i, e.Name))
			}
		}
	}
	for i, e := range g.Events {
		if !eventTypes[e.Type] {
			p = append(p, fmt.Sprintf("events[%d]: unknown type %q", i, e.Type))
		}
		if len(e.Actors) == 0 {
			p = append(p, fmt.Sprintf("events[%d]: no actors", i))
		}
		if e.Date != nil && !goldDate.MatchString(*e.Date) {
			p = append(p, fmt.Sprintf("events[%d]: date %q: want YYYY-MM-DD, YYYY-MM or null", i, *e.Date))
		}
	}
	return g, p
}

// Verify checks that every mention, place, ignore form, segment text and
// event evidence of g is a verbatim, non-empty substring of text, g's text
// file. Where one is not, the gold is in error (ANNOTATION.md): scoring
// against it would count a miss the pipeline could never avoid. The
// problems are returned joined, each as "path:line: message" (or
// "file: message" for a Gold not read by [LoadGold]).
func (g *Gold) Verify(text []byte) error {
	var errs []error
	check := func(what, s string) {
		switch {
		case s == "":
			errs = append(errs, fmt.Errorf("%s: %s is empty", g.where(), what))
		case !bytes.Contains(text, []byte(s)):
			errs = append(errs, fmt.Errorf("%s: %s %q is not in %s", g.where(), what, s, g.File))
		}
	}
	for i, s := range g.Segments {
		check(fmt.Sprintf("segments_other_lang[%d] text", i), s.Text)
	}
	for _, e := range g.Officials {
		for _, m := range e.Mentions {
			check(fmt.Sprintf("official %q mention", e.Name), m)
		}
	}
	for _, e := range g.Agencies {
		for _, m := range e.Mentions {
			check(fmt.Sprintf("agency %q mention", e.Name), m)
		}
	}
	for _, s := range g.Places {
		check("place", s)
	}
	for _, s := range g.Ignore {
		check("ignore form", s)
	}
	for i, e := range g.Events {
		check(fmt.Sprintf("events[%d] evidence", i), e.Evidence)
	}
	return errors.Join(errs...)
}

func (g *Gold) where() string {
	if g.path == "" {
		return g.File
	}
	return fmt.Sprintf("%s:%d", g.path, g.line)
}

// shorten cuts s to at most n runes for messages.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
