// Package eval measures gazex against hand-annotated gold files (SPEC
// section 6, conventions in ANNOTATION.md): `gazex eval`.
//
// Guarantees:
//   - A gold file is checked before it is trusted: [LoadGold] rejects
//     malformed lines and [Gold.Verify] strings that do not occur verbatim
//     in the text, each reported as "path:line: message". [Run] scores
//     nothing against a gold in error, since the misses it would count
//     could never be avoided.
//   - Precision is counted over predicted items and recall over gold items
//     (see [Score] for each field); both sides are reported, and an
//     undefined ratio is shown as undefined, never as 0 or 1.
//   - Every span of every record is checked against the original bytes
//     (text, byte and char offsets), however deeply it is nested.
//   - Scoring is deterministic and independent of the order in which
//     documents finish.
//
// The package reads pipeline records and never changes them; it does not
// special-case any text.
package eval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sync/errgroup"

	"github.com/gazex/gazex/pipeline"
)

// Run scores p on every gold document: it reads TEXT_DIR/<file>, checks
// the gold against it ([Gold.Verify]), processes it with
// Document{ID: file, Path: TEXT_DIR/<file>, Text: …, Published: the
// gold's published date}, scores the result
// and sums the reports in gold order. Documents are processed
// concurrently, p.Workers() at a time.
//
// A text file that cannot be read, or a gold in error, stops the run with
// every such problem reported; nothing is scored then. A document the
// pipeline fails on is data, not an error: it is listed in
// [Report.Failed] and all its gold items count as missed.
func Run(ctx context.Context, p *pipeline.Pipeline, golds []Gold, textDir string) (*Report, error) {
	texts := make([][]byte, len(golds))
	var errs []error
	for i := range golds {
		g := &golds[i]
		if !filepath.IsLocal(g.File) {
			errs = append(errs, fmt.Errorf("%s: file %q is not a path inside the text folder", g.where(), g.File))
			continue
		}
		text, err := os.ReadFile(filepath.Join(textDir, g.File))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", g.where(), err))
			continue
		}
		if err := g.Verify(text); err != nil {
			errs = append(errs, err)
		}
		texts[i] = text
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	reports := make([]*Report, len(golds))
	grp, ctx := errgroup.WithContext(ctx)
	grp.SetLimit(max(1, p.Workers()))
	for i := range golds {
		grp.Go(func() error {
			g := golds[i]
			path := filepath.Join(textDir, g.File)
			res, err := p.Process(ctx, pipeline.Document{ID: g.File, Path: path, Text: texts[i], Published: g.Published})
			if err != nil {
				return err
			}
			reports[i] = Score(g, texts[i], res.Document)
			if res.Err != nil || res.Document == nil {
				reason := "no record"
				if res.Err != nil {
					reason = res.Err.Error()
				}
				reports[i].Failed = append(reports[i].Failed, g.File+": "+reason)
			}
			return nil
		})
	}
	if err := grp.Wait(); err != nil {
		return nil, err
	}
	total := NewReport()
	for _, r := range reports {
		total.Add(r)
	}
	return total, nil
}
