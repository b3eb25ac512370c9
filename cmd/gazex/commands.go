package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/eval"
)

var evalCmd = &command{
	name: "eval",
	args: "--gold GOLD.jsonl [flags] TEXT_DIR",
	about: `Runs the pipeline on the text files of TEXT_DIR that GOLD.jsonl annotates and prints
precision, recall and F1 per field (officials, agencies, segments, events) and language, the
share of events whose date matches, and the share of spans that round-trip to the original
bytes. The gold format is docs/gold.md; a gold line's "published" is the document's date.`,
	examples: []string{
		"gazex eval --gold testdata/eval/seed_gold.jsonl testdata/seeds",
		"gazex eval --gold gold.jsonl --json texts/ > report.json",
	},
	exit: `0 report written; 1 the texts could not be processed; 2 usage or setup error (bad flag,
bad gold file, bad gazetteer)`,
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	c := evalCmd
	fs := c.flags()
	var setup setupFlags
	setup.register(fs)
	gold := fs.String("gold", "", "gold `file` (JSON Lines, docs/gold.md); required")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	switch {
	case *gold == "" && len(pos) == 0:
		return c.usageError(stderr, "missing --gold GOLD.jsonl (the gold file) and TEXT_DIR (the folder of the texts it annotates)")
	case *gold == "":
		return c.usageError(stderr, "missing --gold GOLD.jsonl: the gold file that annotates the texts of %s", pos[0])
	case len(pos) == 0:
		return c.usageError(stderr, "missing TEXT_DIR: the folder of the texts that %s annotates", *gold)
	case len(pos) > 1:
		return c.usageError(stderr, "eval takes one TEXT_DIR (got %d)", len(pos))
	}
	golds, err := eval.LoadGold(*gold)
	if err != nil {
		return setupError(c, stderr, err)
	}
	p, err := setup.pipeline()
	if err != nil {
		return setupError(c, stderr, err)
	}
	rep, err := eval.Run(ctx, p, golds, pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitSomeFail
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep.JSON()); err != nil {
			fmt.Fprintf(stderr, "gazex: %v\n", err)
			return exitSomeFail
		}
		return exitOK
	}
	rep.WriteTable(stdout)
	return exitOK
}

var versionCmd = &command{
	name:     "version",
	args:     "",
	about:    `Prints the versions of gazex, of its gazetteer (the latest as-of date of its files and a hash of its content, as in provenance.gazetteer) and of the record schema. gazex --version is the same.`,
	examples: []string{"gazex version", "gazex --version"},
	exit:     "0 printed; 2 usage error",
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	c := versionCmd
	fs := c.flags()
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(stderr, "version takes no arguments (got %q)", pos)
	}
	_, gv, err := gazetteer.Load(nil, false)
	if err != nil {
		return setupError(c, stderr, err)
	}
	fmt.Fprintf(stdout, "gazex %s\ngazetteer %s\nschema %s\n", pipeline.Version, gv, pipeline.Schema)
	return exitOK
}

var gazetteerCmd = &command{
	name: "gazetteer",
	args: "check [FILE…] | lookup NAME [--date YYYY-MM-DD]",
	about: `Works with gazetteers (docs/gazetteer.md): "check" validates files as --gazetteer
reads them, "lookup" says what a name resolves to. See gazex gazetteer check --help and gazex
gazetteer lookup --help.`,
	examples: []string{
		"gazex gazetteer check my-officials.yaml",
		`gazex gazetteer lookup "Wang Yi" --date 2024-03-12`,
	},
	exit: "that of the subcommand; 2 for an unknown one",
}

func runGazetteer(args []string, stdout, stderr io.Writer) int {
	c := gazetteerCmd
	if helpWanted(args) {
		c.help(stdout, nil)
		return exitOK
	}
	if len(args) == 0 {
		return c.usageError(stderr, "want a subcommand: check or lookup")
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "lookup":
		return runLookup(args[1:], stdout, stderr)
	}
	return c.usageError(stderr, "unknown subcommand %q: want check or lookup", args[0])
}

var checkCmd = &command{
	name: "gazetteer check",
	args: "[FILE|FOLDER…]",
	about: `Validates gazetteer files (gazex YAML, or FollowTheMoney JSON lines) together with the
embedded default, so that references to default entities resolve and names are checked for
collisions with it; without FILE, the default itself. Every problem of every file is reported in
one run, on stderr, as "file:line: id: message", at the line of the part concerned (the type, a
position, a name): bad YAML, unknown fields, missing or duplicate ids, bad types, countries,
sectors and dates, "to" before "from", overlapping terms of one title, positions naming an
unknown org, names that collide with another entity's unless a note lists them in double quotes.
--gazetteer of extract, batch, eval and serve runs the same checks: a file that check rejects
stops them with exit status 2.`,
	examples: []string{
		"gazex gazetteer check my-officials.yaml more-officials/",
		"gazex gazetteer check                       # the embedded default",
	},
	exit: `0 no problem ("ok: N entities" on stdout); 1 problems found (each on stderr, then
"gazex: N problems"); 2 usage error`,
}

// runCheck validates gazetteer files, or the embedded default without
// arguments, as --gazetteer reads them ([gazetteer.Load]).
func runCheck(args []string, stdout, stderr io.Writer) int {
	c := checkCmd
	fs := c.flags()
	files, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	var errs []error
	var n int
	if len(files) == 0 {
		def, err := gazetteer.Default()
		if err != nil {
			errs = []error{err}
		}
		errs = append(errs, gazetteer.Check(def)...)
		n = len(def)
	} else {
		all, _, err := gazetteer.Load(files, false)
		var list gazetteer.ErrorList
		switch {
		case errors.As(err, &list):
			errs = list
		case err != nil:
			errs = []error{err}
		}
		n = len(all)
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "gazex: %s\n", problems(len(errs)))
		return exitSomeFail
	}
	fmt.Fprintf(stdout, "ok: %d entities\n", n)
	return exitOK
}

var lookupCmd = &command{
	name: "gazetteer lookup",
	args: "NAME [--date YYYY-MM-DD] [--gazetteer FILE…]",
	about: `Prints, one JSON line each, the entities a surface form resolves to, as the tagger
compares names (case, diacritics, transliteration and German endings folded). With --date, the
position each held on that day.`,
	more: `output fields:
  id, name, type, country   the entity
  form                      the listed surface form that matched
  lang                      the language the form is listed under (de, es, en); "" for forms
                            listed for every language (unique surnames, FollowTheMoney names)
  alone                     true: the form finds the entity on its own; false: a short form or a
                            bare surname, which counts only after a fuller mention of the
                            entity in the same document or with its country next to it, or a
                            country's nationality adjective, which only qualifies such forms
  date, position            with --date: the position held that day (title, org, from, to), or null`,
	examples: []string{
		`gazex gazetteer lookup "Peskow"`,
		`gazex gazetteer lookup "Wang Yi" --date 2024-03-12`,
	},
	exit: "0 found; 1 the name is not in the gazetteer; 2 usage or setup error",
}

func runLookup(args []string, stdout, stderr io.Writer) int {
	c := lookupCmd
	fs := c.flags()
	date := fs.String("date", "", "report the position held on this day, `YYYY-MM-DD`")
	var gz multiFlag
	fs.Var(&gz, "gazetteer", "extra gazetteer `file or folder` (repeatable)")
	pos, code, ok := c.parse(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return c.usageError(stderr, "want one NAME (got %d); quote a name of several words", len(pos))
	}
	if err := checkDate("--date", *date); err != nil {
		return c.usageError(stderr, "%v", err)
	}
	d, _ := gazetteer.ParseDate(*date)
	entities, _, err := gazetteer.Load(gz, false)
	if err != nil {
		return setupError(c, stderr, err)
	}
	hits := gazetteer.Compile(entities).Lookup(pos[0])
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Entity.ID < hits[j].Entity.ID })
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		line := map[string]any{
			"id": h.Entity.ID, "name": h.Entity.Name, "type": h.Entity.Type,
			"country": h.Entity.Country, "form": h.Form, "lang": h.Lang,
			"alone": h.Kind == gazetteer.KindName,
		}
		if *date != "" {
			line["date"] = *date
			line["position"] = nil
			// The highest-ranking position held on the date, and all of
			// them when there are several (SPEC section 3).
			p, held := pipeline.PositionsAt(h.Entity, d, "")
			if p != nil {
				line["position"] = lookupPosition(p)
			}
			if len(held) > 1 {
				var all []any
				for _, p := range held {
					all = append(all, lookupPosition(p))
				}
				line["positions"] = all
			}
		}
		if err := enc.Encode(line); err != nil {
			return exitSomeFail
		}
	}
	if len(hits) == 0 {
		fmt.Fprintf(stderr, "gazex: %q is not in the gazetteer\n", pos[0])
		return exitSomeFail
	}
	return exitOK
}

func lookupPosition(p *gazetteer.Position) map[string]any {
	return map[string]any{"title": p.Title, "org": orNull(p.Org), "from": orNull(p.From.String()), "to": orNull(p.To.String())}
}

// orNull is s, or JSON null for an unknown (empty) value.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
