package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gazex/gazex/pipeline/natsjs/natstest"
)

// commandNames lists the commands of `gazex --help`, subcommands as
// "gazetteer check": a command added there is held to the same rules.
func commandNames(t *testing.T) []string {
	out, _, code := gazex(t, "", "--help")
	require.Equal(t, exitOK, code)
	_, list, ok := strings.Cut(out, "\ncommands:\n")
	require.True(t, ok)
	list, _, _ = strings.Cut(list, "\n\n")
	word := regexp.MustCompile(`^[a-z]+$`)
	var names []string
	for _, l := range strings.Split(list, "\n") {
		f := strings.Fields(l)
		name := f[0]
		if len(f) > 1 && word.MatchString(f[1]) {
			name += " " + f[1]
		}
		names = append(names, name)
	}
	require.Contains(t, names, "extract")
	require.Contains(t, names, "gazetteer lookup")
	return names
}

// Every command and subcommand answers --help and -h on stdout with exit
// status 0, and its help has a usage line, an example and the exit
// statuses.
func TestHelpEverywhere(t *testing.T) {
	names := append(commandNames(t), "gazetteer")
	for _, name := range names {
		for _, h := range []string{"--help", "-h"} {
			t.Run(name+" "+h, func(t *testing.T) {
				args := append(strings.Fields(name), h)
				out, stderr, code := gazex(t, "", args...)
				assert.Equal(t, exitOK, code)
				assert.Empty(t, stderr)
				assert.True(t, strings.HasPrefix(out, "usage: gazex "+name), out)
				assert.Contains(t, out, "\nexamples:\n  gazex "+strings.Fields(name)[0])
				assert.Contains(t, out, "\nexit status: ")
			})
		}
		out, _, code := gazex(t, "", append([]string{"help"}, strings.Fields(name)...)...)
		assert.Equal(t, exitOK, code)
		assert.True(t, strings.HasPrefix(out, "usage: gazex "+name), out)
	}
	for _, h := range []string{"--help", "-h", "help"} {
		out, stderr, code := gazex(t, "", h)
		assert.Equal(t, exitOK, code)
		assert.Empty(t, stderr)
		assert.Contains(t, out, "usage: gazex <command>")
		assert.Contains(t, out, "exit status: ")
	}
}

// An unknown flag is one line naming the command and its help, exit 2.
func TestUnknownFlagIsOneLine(t *testing.T) {
	for _, name := range commandNames(t) {
		args := append(strings.Fields(name), "--foo")
		out, stderr, code := gazex(t, "", args...)
		assert.Equal(t, exitUsage, code, name)
		assert.Empty(t, out)
		assert.Equal(t, "gazex: "+name+": unknown flag --foo (see gazex "+name+" --help)\n", stderr)
	}
	_, stderr, code := gazex(t, "", "extract", "--workers", "many")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "gazex: extract: invalid value \"many\" for --workers: parse error (see gazex extract --help)\n", stderr)
	_, stderr, code = gazex(t, "", "--foo")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
}

func TestVersionFlag(t *testing.T) {
	want, _, code := gazex(t, "", "version")
	require.Equal(t, exitOK, code)
	out, _, code := gazex(t, "", "--version")
	assert.Equal(t, exitOK, code)
	assert.Equal(t, want, out)
	assert.Regexp(t, `^gazex \S+\ngazetteer \S+\nschema gazex/1\n$`, out)
}

// Every date flag takes YYYY-MM-DD, and only that.
func TestDateFlagsTakeOneSyntax(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--published", "DATE", "-"},
		{"batch", "--published", "DATE", t.TempDir(), "-o", t.TempDir()},
		{"eval", "--published", "DATE", "--gold", "../../testdata/eval/seed_gold.jsonl", "../../testdata/seeds"},
		{"serve", "--published", "DATE", "--nats", "nats://127.0.0.1:1"},
		{"gazetteer", "lookup", "Putin", "--date", "DATE"},
	} {
		flag := args[slicesIndex(args, "DATE")-1]
		for _, bad := range []string{"2025-06", "2023", "10.06.2025", "2025-02-30"} {
			a := strings.Fields(strings.ReplaceAll(strings.Join(args, " "), "DATE", bad))
			_, stderr, code := gazex(t, "", a...)
			assert.Equal(t, exitUsage, code, a)
			assert.Contains(t, stderr, flag+` "`+bad+`": want a date YYYY-MM-DD`, a)
		}
	}
	out, stderr, code := gazex(t, "", "gazetteer", "lookup", "Putin", "--date", "2023-05-01")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, `"title":"President of Russia"`)
	out, stderr, code = gazex(t, "Putin sprach.", "extract", "--emit", "entities", "--published", "2023-05-01", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, `"title":"President of Russia"`)
}

func slicesIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestEvalSaysWhatIsMissing(t *testing.T) {
	_, stderr, code := gazex(t, "", "eval", "../../testdata/seeds")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "gazex: eval: missing --gold GOLD.jsonl: the gold file that annotates the texts of ../../testdata/seeds (see gazex eval --help)\n", stderr)
	_, stderr, code = gazex(t, "", "eval", "--gold", "../../testdata/eval/seed_gold.jsonl")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "missing TEXT_DIR")
	_, stderr, code = gazex(t, "", "eval")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "missing --gold GOLD.jsonl (the gold file) and TEXT_DIR")
}

// badGazetteer is a file with one mistake of each kind that used to pass
// --gazetteer: a bad type, a bad country, "to" before "from", an unknown
// org, a name of a default entity with a note that does not list it.
const badGazetteer = `- id: person/erika-beispiel
  type: persn
  name: Erika Beispiel
  country: XX
  names: {de: [Erika Beispiel]}
  positions:
    - title: Staatssekretärin
      org: org/de-nowhere
      from: 2021-01-01
      to: 2020-01-01
- id: person/wang-yi-2
  type: person
  name: Wang Yi
  country: CHN
  note: 'Shares "Wang" with person/wang-yi.'
  names:
    en: [Wang Yi]
`

// Gazetteer validation is one thing: check reports every problem at its
// line in one run, and --gazetteer stops extract, batch, eval and serve
// with the same lines and exit status 2.
func TestBadGazetteerEverywhere(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte(badGazetteer), 0o644))
	want := []string{
		bad + `:2: person/erika-beispiel: invalid type "persn" (want person, organization, country or place)`,
		bad + `:4: person/erika-beispiel: invalid country "XX" (want ISO 3166-1 alpha-3 or INT)`,
		bad + `:7: person/erika-beispiel: position 1 (Staatssekretärin): unknown org "org/de-nowhere"`,
		bad + `:7: person/erika-beispiel: position 1 (Staatssekretärin): to 2020-01-01 is before from 2021-01-01`,
		bad + `:17: person/wang-yi-2: name "Wang Yi" collides with "Wang Yi" of person/wang-yi`,
	}
	_, stderr, code := gazex(t, "", "gazetteer", "check", bad)
	assert.Equal(t, exitSomeFail, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	require.Len(t, lines, 6, stderr)
	for i, w := range want {
		assert.True(t, strings.HasPrefix(lines[i], w), "%s\nwant %s", lines[i], w)
	}
	assert.Equal(t, "gazex: 5 problems", lines[5])

	for _, args := range [][]string{
		{"extract", "--gazetteer", bad, "-"},
		{"batch", "--gazetteer", bad, dir, "-o", t.TempDir()},
		{"eval", "--gazetteer", bad, "--gold", "../../testdata/eval/seed_gold.jsonl", "../../testdata/seeds"},
		{"serve", "--gazetteer", bad, "--nats", "nats://127.0.0.1:1"},
		{"gazetteer", "lookup", "Wang Yi", "--gazetteer", bad},
	} {
		out, stderr, code := gazex(t, "Wang Yi traf Erika Beispiel.", args...)
		assert.Equal(t, exitUsage, code, args)
		assert.Empty(t, out)
		got := strings.Split(strings.TrimSpace(stderr), "\n")
		require.Len(t, got, 6, stderr)
		assert.Equal(t, lines[:5], got[:5], args)
		assert.Contains(t, got[5], "--gazetteer: 5 problems")
	}

	// One problem is "1 problem".
	require.NoError(t, os.WriteFile(bad, []byte(strings.Replace(badGazetteer[:strings.Index(badGazetteer, "  positions:")], "persn", "person", 1)), 0o644))
	_, stderr, code = gazex(t, "", "gazetteer", "check", bad)
	assert.Equal(t, exitSomeFail, code)
	assert.Contains(t, stderr, "\ngazex: 1 problem\n")
}

// Folders are read by extension: a PDF or an image in a folder is skipped
// and counted, not processed and not a failure.
func TestFolderReadByExtension(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"a.txt":      "Der Kreml-Sprecher Dmitri Peskow sagte nichts.",
		"scan.pdf":   "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
		"photo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"sub/b.html": "<html><body><article><p>Der Kreml-Sprecher Dmitri Peskow sagte am Dienstag nichts, was den Kreml beunruhigen könnte.</p></article></body></html>",
	} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	out, stderr, code := gazex(t, "", "extract", "--emit", "documents", dir)
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 2, strings.Count(out, "\n"))
	assert.NotContains(t, out, "scan.pdf")
	assert.Equal(t, "gazex: skipped 2 files of other types (--include to read them)\n", stderr)

	// batch reads the folder the same way.
	_, stderr, code = gazex(t, "", "batch", "--emit", "documents", "--progress", "log", dir, "-o", t.TempDir())
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "gazex: batch: 2 files (0 done before), 2 documents, 0 failed")
	assert.Contains(t, stderr, "gazex: skipped 2 files of other types (--include to read them)\n")

	// A file named as an argument is always read.
	out, _, _ = gazex(t, "", "extract", "--emit", "documents", filepath.Join(dir, "scan.pdf"))
	assert.Contains(t, out, "scan.pdf")
}

// Every warning of extract is on stderr, as in batch: a JSONL
// "published" that is not a date, invalid UTF-8.
func TestExtractWarningsOnStderr(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "wire.jsonl")
	latin1 := filepath.Join(dir, "latin1.txt")
	require.NoError(t, os.WriteFile(jsonl, []byte(`{"id":"a","text":"Wladimir Putin traf Xi Jinping.","published":"June 10, 2025"}`+"\n"), 0o644))
	require.NoError(t, os.WriteFile(latin1, []byte("Der russische Au\xdfenminister Sergej Lawrow traf Wang Yi.\n"), 0o644))
	out, stderr, code := gazex(t, "", "extract", "--emit", "documents", dir)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, `gazex: latin1.txt: warning: invalid UTF-8 repaired at byte 16`+"\n"+
		`gazex: a: warning: "published" "June 10, 2025" is not a date (want YYYY-MM-DD or an RFC 3339 time): ignored`+"\n", stderr)
	assert.Contains(t, out, `"warnings":["\"published\" \"June 10, 2025\" is not a date`)
	assert.Contains(t, out, `"warnings":["invalid UTF-8 repaired at byte 16"]`)
}

// publish hands documents on without processing them: it still prints
// their warnings and counts the files it skips.
func TestPublishWarnsAndSkips(t *testing.T) {
	url := natstest.Server(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(`{"id":"a","text":"Wang Yi sprach.","published":"gestern"}`+"\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.7\n"), 0o644))
	_, stderr, code := gazex(t, "", "publish", "--nats", url, dir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, `gazex: a: warning: "published" "gestern" is not a date`)
	assert.Contains(t, stderr, "published 1 documents")
	assert.Contains(t, stderr, "gazex: skipped 1 file of another type (--include to read it)\n")
}
