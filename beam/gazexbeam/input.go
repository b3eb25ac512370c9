package gazexbeam

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/gazex/gazex/pipeline"
)

// FileRef is one input file found by [Expand]: the document id it gives
// (as `gazex batch` derives it) and the path or URL to read. Err is set
// when the file is known to be unreadable (a folder that cannot be read, a
// broken link); it then becomes a failed document.
type FileRef struct {
	ID   string
	Path string
	Err  string
}

// Expand lists the input files of a --input value, in lexical order of id:
//
//   - a local folder is walked with [pipeline.Walk], exactly as `gazex
//     batch` walks it, so ids are paths relative to the folder; a local
//     file is itself, with the path as given as id (as `gazex extract`);
//   - a local glob ("crawl/2026-*/*.html", "crawl/**/*.jsonl") walks the
//     folder before its first wildcard and keeps the files whose relative
//     path matches; "*" and "?" stay within one path element, "**" spans
//     any number, "[…]" is a class. Ids are relative to that folder, so
//     "crawl/*.txt" gives the ids `gazex batch crawl` gives;
//   - a URL (gs://, s3://) is listed through Beam's filesystem; without a
//     wildcard it is taken as a folder ("gs://b/crawl" lists
//     "gs://b/crawl/**"; Beam's s3 backend matches one path element per
//     "*" and has no "**"). Ids are relative to the part before the first
//     wildcard.
//
// opt.Include, Exclude and SkipDirs apply to local walks. Expand never
// opens the files, so it costs no file descriptors whatever their number
// (Beam's local Size() leaks one per file).
func Expand(ctx context.Context, input string, opt pipeline.InputOptions) ([]FileRef, error) {
	if strings.TrimSpace(input) == "" {
		return nil, fmt.Errorf("empty input")
	}
	base, pattern := splitGlob(input)
	if strings.Contains(input, "://") {
		return expandURL(ctx, input, base, pattern)
	}
	var match *regexp.Regexp
	root := input
	if pattern != "" {
		re, err := globRegexp(pattern)
		if err != nil {
			return nil, fmt.Errorf("input %q: %w", input, err)
		}
		match, root = re, base
		if root == "" {
			root = "."
		}
	}
	if _, err := os.Stat(root); err != nil {
		return nil, fmt.Errorf("input %q: %w", input, err)
	}
	var refs []FileRef
	for e := range pipeline.Walk(root, opt) {
		if match != nil && e.Err == nil && !match.MatchString(filepath.ToSlash(e.ID)) {
			continue
		}
		ref := FileRef{ID: e.ID, Path: e.Path}
		if e.Err != nil {
			ref.Err = e.Err.Error()
		}
		refs = append(refs, ref)
	}
	return refs, nil
}

func expandURL(ctx context.Context, input, base, pattern string) ([]FileRef, error) {
	if pattern == "" {
		base = strings.TrimSuffix(input, "/") + "/"
		pattern = "**"
	}
	fsys, err := filesystem.New(ctx, input)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	names, err := fsys.List(ctx, base+pattern)
	if err != nil {
		return nil, fmt.Errorf("input %q: %w", input, err)
	}
	slices.Sort(names)
	refs := make([]FileRef, 0, len(names))
	for _, n := range names {
		if strings.HasSuffix(n, "/") { // a "folder" placeholder object
			continue
		}
		refs = append(refs, FileRef{ID: strings.TrimPrefix(n, base), Path: n})
	}
	return refs, nil
}

// splitGlob splits a glob at the last "/" before its first wildcard: base
// keeps that "/", pattern is the rest. A glob without wildcard gives
// pattern "".
func splitGlob(glob string) (base, pattern string) {
	i := strings.IndexAny(glob, "*?[")
	if i < 0 {
		return glob, ""
	}
	j := strings.LastIndexByte(glob[:i], '/')
	return glob[:j+1], glob[j+1:]
}

// globRegexp compiles a slash-separated glob: "*" and "?" do not cross
// "/", "**" does ("a/**/b" also matches "a/b"), "[…]" and "[!…]" are
// classes, "\" escapes.
func globRegexp(glob string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			if i+1 < len(glob) && glob[i+1] == '*' {
				i++
				if i+1 < len(glob) && glob[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(glob[i+1:], ']')
			if j < 0 {
				return nil, fmt.Errorf("bad glob %q: unclosed [", glob)
			}
			class := glob[i+1 : i+1+j]
			if class == "" || class == "!" {
				return nil, fmt.Errorf("bad glob %q: empty class", glob)
			}
			b.WriteString("[")
			if class[0] == '!' || class[0] == '^' {
				b.WriteString("^/")
				class = class[1:]
			}
			b.WriteString(strings.NewReplacer(`\`, `\\`, `[`, `\[`).Replace(class))
			b.WriteString("]")
			i += j + 1
		case '\\':
			if i+1 < len(glob) {
				i++
				b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
			}
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
