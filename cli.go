package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"aula/classroom/safetext"
	"aula/i18n"
	"aula/internal/lazy"
	"aula/store"
)

// What the trainer's subcommands share (aula certificate, aula report,
// aula learners): the language they speak, flag errors that name the flag,
// a data folder that must be there, and finding a learner by name.

// cliCatalog is the language of a subcommand: --lang as given among args
// (read before the flags are, so that a flag error is said in it), else
// the environment's.
func cliCatalog(args []string) *i18n.Catalog {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if validLang(value) {
			return i18n.New(value)
		}
	}
	return i18n.New(i18n.FromEnv())
}

// timeoutLocked is how long a trainer's command waits for a data file
// that a kiosk holds open.
const timeoutLocked = time.Second

var flagInError = lazy.Regexp{Expr: `-+([A-Za-z][A-Za-z0-9-]*)`}

// parseCLI reads the flags of subcommand cmd, saying a mistake in cat's
// language and naming the flag that was used; usage gives the help, made
// only when it is said (the kiosk starts without reading the catalogue). ok is false after a mistake
// or --help (help is true then), which parseCLI has said.
func parseCLI(fs *flag.FlagSet, args []string, cat *i18n.Catalog, cmd string, stdout, stderr io.Writer, usage func() string) (rest []string, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	rest, err := parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(stdout, usage())
		return nil, false
	case err != nil:
		name := ""
		if m := flagInError.Get().FindStringSubmatch(err.Error()); m != nil {
			name = "--" + m[1]
		}
		msg := err.Error()
		switch {
		case strings.HasPrefix(msg, "flag provided but not defined"):
			fmt.Fprintln(stderr, cat.T("cli_flag_unknown", "Cmd", cmd, "Flag", name))
		case strings.HasPrefix(msg, "flag needs an argument"):
			fmt.Fprintln(stderr, cat.T("cli_flag_needs_value", "Cmd", cmd, "Flag", name))
		default:
			fmt.Fprintln(stderr, cat.T("cli_flag_bad_value", "Cmd", cmd, "Flag", name))
		}
		fmt.Fprintln(stderr, usage())
		return nil, false
	}
	return rest, true
}

// openExisting opens the data file in dir for a trainer's command that
// reads it: a folder or file that is not there is an error, and nothing
// is created.
func openExisting(dir string, cat *i18n.Catalog, cmd string, stderr io.Writer) (*store.Store, int) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintln(stderr, cat.T("cli_no_data_dir", "Cmd", cmd, "Path", dir))
		return nil, exitData
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		fmt.Fprintln(stderr, cat.T("cli_no_data_file", "Cmd", cmd, "Path", dir))
		return nil, exitData
	}
	st, err := store.Open(dir, store.Options{Timeout: timeoutLocked})
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintln(stderr, cat.T("cli_locked", "Cmd", cmd, "Path", filepath.Join(dir, store.FileName)))
		return nil, exitLocked
	case err != nil:
		fmt.Fprintln(stderr, cat.T("err_open", "Path", filepath.Join(dir, store.FileName), "Err", err.Error()))
		return nil, exitData
	}
	return st, exitOK
}

// learnersCalled are the learners whose name is name (case and accents as
// typed do not matter beyond Unicode's case folding; a name typed or
// pasted decomposed still matches the stored NFC one).
func learnersCalled(st *store.Store, name string) ([]store.Learner, error) {
	all, err := st.Learners()
	if err != nil {
		return nil, err
	}
	name = norm.NFC.String(strings.TrimSpace(name))
	var out []store.Learner
	for _, l := range all {
		if strings.EqualFold(l.Name, name) {
			out = append(out, l)
		}
	}
	return out, nil
}

// safeArg is an argument of the command line as it may be said back on
// the terminal: without control characters or escape sequences, bounded.
func safeArg(s string) string { return safetext.Text(s, 200) }

// parseAll is parseCLI for a command that takes no words besides its
// flags, with the whole usage as its help.
func parseAll(fs *flag.FlagSet, args []string, cat *i18n.Catalog, cmd string, stdout, stderr io.Writer) bool {
	rest, ok := parseCLI(fs, args, cat, cmd, stdout, stderr, func() string { return usage(cat) })
	if ok && len(rest) > 0 {
		fmt.Fprintln(stderr, cat.T("cli_extra_args", "Cmd", cmd, "Args", safeArg(strings.Join(rest, " "))))
		return false
	}
	return ok
}

// usageExit is the exit code when parseCLI or parseAll said no: success
// when help was asked for, else a usage error.
func usageExit(args []string) int {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" || a == "--h" {
			return exitOK
		}
	}
	return exitUsage
}
