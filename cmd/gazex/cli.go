package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is what `gazex NAME --help` says about a command: every command
// answers --help and -h on stdout with exit status 0, with its flags, an
// example and its exit statuses, and reports a usage error in one line
// (`gazex: extract: unknown flag --foo (see gazex extract --help)`).
type command struct {
	name     string   // "extract", "gazetteer lookup"
	args     string   // what follows the name in the usage line: "[flags] [PATH…]"
	about    string   // what it does, a paragraph
	examples []string // command lines, each with an optional "   # comment"
	exit     string   // the exit statuses; exitStatuses when empty
	more     string   // anything else (output fields), after the flags
}

// exitStatuses are the exit statuses of the commands that process
// documents (SPEC section 2).
const exitStatuses = `0 every document processed; 1 some documents failed (each reported on stderr
as "gazex: ID: reason"); 2 usage or setup error (bad flag, bad gazetteer: nothing is processed);
130 interrupted (Ctrl-C: no half-written line on stdout)`

// flags returns the command's flag set. It writes nothing itself: help
// goes to stdout and errors to stderr through parse.
func (c *command) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("gazex "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args (flags may stand anywhere among the arguments, "--"
// ends them). When parsing ends the command — --help (help on stdout,
// exit 0) or a bad flag (one line on stderr, exit 2) — ok is false and
// code is the exit status.
func (c *command) parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (pos []string, code int, ok bool) {
	pos, err := parseInterleaved(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.help(stdout, fs)
		return nil, exitOK, false
	case err != nil:
		return nil, c.usageError(stderr, "%s", flagError(err)), false
	}
	return pos, exitOK, true
}

// usageError reports a usage error of the command in one line and returns
// exit status 2.
func (c *command) usageError(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "gazex: %s: %s (see gazex %s --help)\n", c.name, fmt.Sprintf(format, a...), c.name)
	return exitUsage
}

// flagError words the flag package's errors for --flags.
func flagError(err error) string {
	msg := err.Error()
	for _, r := range []struct{ prefix, say string }{
		{"flag provided but not defined: -", "unknown flag --%s"},
		{"flag needs an argument: -", "--%s needs a value"},
		{"bad flag syntax: ", "bad flag syntax %s"},
	} {
		if rest, ok := strings.CutPrefix(msg, r.prefix); ok {
			return fmt.Sprintf(r.say, rest)
		}
	}
	// `invalid value "x" for flag -workers: parse error`
	msg = strings.Replace(msg, " for flag -", " for --", 1)
	return strings.Replace(msg, "invalid boolean value", "invalid value", 1)
}

// help writes the command's help.
func (c *command) help(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: gazex %s %s\n\n%s\n", c.name, c.args, wrap(c.about))
	if fs != nil {
		var flags strings.Builder
		fs.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(&flags, "  --%s", f.Name)
			if name != "" {
				fmt.Fprintf(&flags, " %s", name)
			}
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(&flags, "\n%s\n", indent(wrap(usage), "        "))
		})
		if flags.Len() > 0 {
			fmt.Fprintf(w, "\nflags (anywhere among the arguments; -- ends them; -h, --help: this help):\n%s", flags.String())
		}
	}
	if c.more != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(c.more, "\n"))
	}
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nexamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	exit := c.exit
	if exit == "" {
		exit = exitStatuses
	}
	fmt.Fprintf(w, "\n%s\n", wrap("exit status: "+exit))
}

// wrap folds a paragraph at 92 columns.
func wrap(s string) string {
	var out strings.Builder
	col := 0
	for _, word := range strings.Fields(s) {
		switch {
		case col == 0:
		case col+1+len(word) > 92:
			out.WriteByte('\n')
			col = 0
		default:
			out.WriteByte(' ')
			col++
		}
		out.WriteString(word)
		col += len(word)
	}
	return out.String()
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// helpWanted reports whether args ask for help: gazex commands without
// flags of their own (the gazetteer group) still answer it.
func helpWanted(args []string) bool {
	return len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help")
}
