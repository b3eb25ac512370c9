package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/gazex/gazex/gazetteer"
	"github.com/gazex/gazex/pipeline"
	"github.com/gazex/gazex/pipeline/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gazex eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var setup setupFlags
	setup.register(fs)
	gold := fs.String("gold", "", "gold `file` (JSON Lines, SPEC section 6)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gazex eval --gold GOLD.jsonl [flags] TEXT_DIR")
		fs.PrintDefaults()
	}
	pos, code, ok := parseArgs(fs, args)
	if !ok {
		return code
	}
	if *gold == "" || len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	golds, err := eval.LoadGold(*gold)
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	}
	p, err := setup.pipeline()
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
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

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: gazex version")
		return exitUsage
	}
	_, gv, err := loadGazetteer(nil, false)
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "gazex %s\ngazetteer %s\nschema %s\n", pipeline.Version, gv, pipeline.Schema)
	return exitOK
}

func runGazetteer(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: gazex gazetteer check [FILE…] | gazex gazetteer lookup NAME [--date YYYY-MM-DD]")
		return exitUsage
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "lookup":
		return runLookup(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "gazex: unknown gazetteer command %q: want check or lookup\n", args[0])
	return exitUsage
}

// runCheck validates gazetteer files, or the embedded default without
// arguments. Files are checked together with the default, so that their
// references to default entities resolve and their names are checked for
// collisions with it.
func runCheck(args []string, stdout, stderr io.Writer) int {
	def, err := gazetteer.Default()
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitSomeFail
	}
	all := def
	var dups []error
	if len(args) > 0 {
		var extra []*gazetteer.Entity
		for _, p := range args {
			es, err := gazetteer.LoadFile(p)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return exitSomeFail
			}
			extra = append(extra, es...)
		}
		all = gazetteer.Merge(def, extra)
		dups = gazetteer.DuplicateIDs(extra) // Merge keeps one of them
	}
	errs := append(dups, gazetteer.Check(all)...)
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "gazex: %d problems\n", len(errs))
		return exitSomeFail
	}
	fmt.Fprintf(stdout, "ok: %d entities\n", len(all))
	return exitOK
}

func runLookup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gazex gazetteer lookup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	date := fs.String("date", "", "report the position held on this `YYYY-MM-DD`")
	var gz multiFlag
	fs.Var(&gz, "gazetteer", "extra gazetteer `file or folder` (repeatable)")
	pos, err := parseInterleaved(fs, args)
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: gazex gazetteer lookup NAME [--date YYYY-MM-DD]")
		return exitUsage
	}
	d, err := gazetteer.ParseDate(*date)
	if *date != "" && err != nil {
		fmt.Fprintf(stderr, "gazex: --date: %v\n", err)
		return exitUsage
	}
	entities, _, err := loadGazetteer(gz, false)
	if err != nil {
		fmt.Fprintf(stderr, "gazex: %v\n", err)
		return exitUsage
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
