package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docFiles are the documents whose examples are checked against real
// output.
func docFiles(t *testing.T) []string {
	files, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	return append([]string{"README.md"}, files...)
}

// exampleRe finds the checked examples of a Markdown file:
//
//   - a ```console block whose first line is "$ gazex ARGS" (or "$ go run
//     ./cmd/gazex ARGS"), the rest being its exact stdout — with " 2>&1"
//     at the end, stdout then stderr;
//   - an HTML comment "<!-- output of: gazex ARGS -->" right before a
//     ```json block holding its records, pretty-printed or not, compared
//     as JSON values.
var exampleRe = regexp.MustCompile("(?s)(?:<!-- output of: gazex ([^\n]*?) -->\n```json\n(.*?)```)|(?:```console\n\\$ (?:go run \\./cmd/)?gazex ([^\n]*)\n(.*?)```)")

// TestDocExamples runs the example commands of README.md and docs/*.md on
// the repository's files and compares their output with what the
// documents show: an example that drifts from the program fails. `go test
// ./cmd/gazex -update` rewrites them from the real output.
func TestDocExamples(t *testing.T) {
	t.Chdir("../..")
	total := 0
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		text := string(data)
		var rewritten strings.Builder
		last := 0
		for _, m := range exampleRe.FindAllStringSubmatchIndex(text, -1) {
			total++
			group := func(i int) string {
				if m[2*i] < 0 {
					return ""
				}
				return text[m[2*i]:m[2*i+1]]
			}
			isJSON := m[2] >= 0
			cmdline, shown, start := group(3), group(4), m[8]
			if isJSON {
				cmdline, shown, start = group(1), group(2), m[4]
			}
			merge := strings.HasSuffix(cmdline, " 2>&1")
			args := shellFields(t, strings.TrimSuffix(cmdline, " 2>&1"))
			var out, errOut bytes.Buffer
			run(t.Context(), args, strings.NewReader(""), &out, &errOut)
			got := out.String()
			if merge {
				got += errOut.String()
			}
			if isJSON {
				got = prettyJSON(t, got)
			}
			rewritten.WriteString(text[last:start])
			rewritten.WriteString(got)
			last = start + len(shown)
			if *update {
				continue
			}
			if isJSON {
				assert.Equal(t, jsonValues(t, shown), jsonValues(t, got), "%s: gazex %s (rewrite with go test ./cmd/gazex -update)", file, cmdline)
			} else {
				assert.Equal(t, shown, got, "%s: gazex %s (rewrite with go test ./cmd/gazex -update)", file, cmdline)
			}
		}
		rewritten.WriteString(text[last:])
		if *update && rewritten.String() != text {
			require.NoError(t, os.WriteFile(file, []byte(rewritten.String()), 0o644))
		}
	}
	assert.GreaterOrEqual(t, total, 5, "the documents have lost their checked examples")
}

// shellFields splits a command line as a shell would, for the quoting the
// examples use ('…' and "…").
func shellFields(t *testing.T, s string) []string {
	var (
		out   []string
		cur   strings.Builder
		quote rune
		any   bool
	)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, any = r, true
		case r == ' ':
			if any || cur.Len() > 0 {
				out = append(out, cur.String())
			}
			cur.Reset()
			any = false
		default:
			cur.WriteRune(r)
		}
	}
	require.Zero(t, quote, "unbalanced quote in %q", s)
	if any || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// prettyJSON indents each JSON line for reading, keeping the key order of
// the record: an object or array that fits in 100 columns stays on one
// line (spans, positions), a larger one gets one key or item a line.
func prettyJSON(t *testing.T, lines string) string {
	var out strings.Builder
	for l := range strings.Lines(lines) {
		dec := json.NewDecoder(strings.NewReader(l))
		dec.UseNumber()
		v, err := parseOrdered(dec)
		require.NoError(t, err, "%.200s", l)
		out.WriteString(v.pretty(""))
		out.WriteByte('\n')
	}
	return out.String()
}

// ordered is a JSON value that keeps the order of its keys.
type ordered struct {
	scalar string // the JSON of a scalar
	delim  byte   // '{' or '[' for an object or array
	keys   []string
	vals   []*ordered
}

func parseOrdered(dec *json.Decoder) (*ordered, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(tok); err != nil {
			return nil, err
		}
		return &ordered{scalar: strings.TrimSpace(b.String())}, nil
	}
	v := &ordered{delim: byte(d)}
	for dec.More() {
		if v.delim == '{' {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v.keys = append(v.keys, k.(string))
		}
		x, err := parseOrdered(dec)
		if err != nil {
			return nil, err
		}
		v.vals = append(v.vals, x)
	}
	_, err = dec.Token() // the closing delimiter
	return v, err
}

func (v *ordered) key(i int) string {
	b, _ := json.Marshal(v.keys[i])
	return string(b)
}

func (v *ordered) compact() string {
	if v.delim == 0 {
		return v.scalar
	}
	var b strings.Builder
	b.WriteByte(v.delim)
	for i, x := range v.vals {
		if i > 0 {
			b.WriteByte(',')
		}
		if v.delim == '{' {
			b.WriteString(v.key(i) + ":")
		}
		b.WriteString(x.compact())
	}
	b.WriteByte(map[byte]byte{'{': '}', '[': ']'}[v.delim])
	return b.String()
}

func (v *ordered) pretty(indent string) string {
	c := v.compact()
	if v.delim == 0 || len(v.vals) == 0 || len(indent)+len(c) <= 100 {
		return c
	}
	var b strings.Builder
	b.WriteByte(v.delim)
	b.WriteByte('\n')
	for i, x := range v.vals {
		b.WriteString(indent + "  ")
		if v.delim == '{' {
			b.WriteString(v.key(i) + ": ")
		}
		b.WriteString(x.pretty(indent + "  "))
		if i < len(v.vals)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent)
	b.WriteByte(map[byte]byte{'{': '}', '[': ']'}[v.delim])
	return b.String()
}

// jsonValues decodes a stream of JSON values.
func jsonValues(t *testing.T, s string) []any {
	dec := json.NewDecoder(strings.NewReader(s))
	var vals []any
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			return vals
		}
		require.NoError(t, err, "not JSON: %.200s", s)
		vals = append(vals, v)
	}
}

// linkRe finds the targets of Markdown links.
var linkRe = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// The repository stands alone: every relative link of README.md and
// docs/*.md leads to a file inside it.
func TestDocLinksStayInside(t *testing.T) {
	t.Chdir("../..")
	root, err := os.Getwd()
	require.NoError(t, err)
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		assert.NotContains(t, string(data), "../shared", file)
		for _, m := range linkRe.FindAllStringSubmatch(string(data), -1) {
			target, _, _ := strings.Cut(m[1], "#")
			if target == "" || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			p, err := filepath.Abs(filepath.Join(filepath.Dir(file), target))
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(p, root+string(filepath.Separator)), "%s: link %s leaves the repository", file, m[1])
			_, err = os.Stat(p)
			assert.NoError(t, err, "%s: link %s", file, m[1])
		}
	}
	for _, f := range []string{"LICENSE", "NOTICE", "docs/cli.md", "docs/records.md", "docs/gazetteer.md", "docs/gold.md", "docs/records.schema.json"} {
		_, err := os.Stat(f)
		assert.NoError(t, err)
	}
}
