// Command aula is a full-screen kiosk for assisted digital-skills sessions.
//
// Run it with no subcommand to start the learner kiosk; see --help for the
// rest. This file only reads flags and wires packages together.
package main

import (
	"aula/classroom/discovery"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	rdebug "runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"aula/classroom"
	"aula/i18n"
	_ "aula/internal/initstack" // grows the stack before other inits: see its doc
	"aula/lessons"
	"aula/report"
	"aula/store"
	"aula/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // lessons with problems, bad arguments
	exitUsage   = 2
	exitLocked  = 3 // the data file is in use by another Aula
	exitData    = 4 // the data file cannot be opened
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usage is the command line's help in cat's language.
func usage(cat *i18n.Catalog) string {
	return cat.T("cli_usage", "Data", defaultDataDir()) + "\n"
}

// defaultDataDir is the per-user data folder: ~/.local/share/aula on
// Linux, %LOCALAPPDATA%\aula on Windows.
func defaultDataDir() string { return filepath.Join(xdg.DataHome, "aula") }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "version":
			fmt.Fprintln(stdout, "aula", version)
			return exitOK
		case "lessons":
			return runLessons(args[1:], stdout, stderr)
		case "report":
			return runReport(args[1:], stdout, stderr)
		case "learners":
			return runLearners(args[1:], stdout, stderr)
		case "hub":
			return runHub(args[1:], stdout, stderr)
		case "trainer":
			return runTrainer(args[1:], stdout, stderr)
		case "setup":
			return runSetup(args[1:], stdout, stderr)
		case "region":
			return runRegion(args[1:], stdout, stderr) // region.go
		case "certificate":
			return runCertificate(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage(cliCatalog(args)))
			return exitOK
		}
	}
	return runKiosk(args, stdout, stderr)
}

func newFlags(name string, args []string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage(cliCatalog(args))) }
	return fs
}

// parse reads flags wherever they stand among positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// kioskFlags is the kiosk's command line.
type kioskFlags struct {
	data, lang, lesson, extra, debug, hub string
	kiosk, accessible                     bool
	given                                 map[string]bool // the flags given
}

// parseKiosk reads the kiosk's flags. When it says stop, run returns code.
func parseKiosk(args []string, stdout, stderr io.Writer) (f kioskFlags, code int, stop bool) {
	fs := newFlags("aula", args, stderr)
	// Help that was asked for goes to stdout, so it can be paged; after a
	// mistake the usage follows the error on stderr. Both are said below.
	fs.Usage = func() {}
	fs.StringVar(&f.data, "data", defaultDataDir(), "")
	fs.StringVar(&f.lang, "lang", "", "")
	fs.StringVar(&f.lesson, "lesson", "", "")
	fs.StringVar(&f.extra, "lessons", "", "")
	fs.StringVar(&f.debug, "debug", "", "")
	fs.StringVar(&f.hub, "hub", "", "")
	fs.BoolVar(&f.kiosk, "kiosk", false, "")
	fs.BoolVar(&f.accessible, "accessible", false, "")
	cat := cliCatalog(args)
	rest, ok := parseCLI(fs, args, cat, "aula", stdout, stderr, func() string { return strings.TrimSuffix(usage(cat), "\n") })
	switch {
	case !ok:
		return f, usageExit(args), true
	case len(rest) > 0:
		fmt.Fprintln(stderr, cat.T("cli_unknown_command", "Cmd", safeArg(rest[0])))
		return f, exitUsage, true
	}
	f.given = flagsGiven(fs)
	if f.given["lang"] && !validLang(f.lang) {
		fmt.Fprintln(stderr, cat.T("cli_bad_lang", "Langs", strings.Join(i18n.Langs(), ", "), "Lang", safeArg(f.lang)))
		return f, exitUsage, true
	}
	if f.hub != "" {
		u, err := classroom.NormalizeURL(f.hub)
		if err != nil {
			fmt.Fprintln(stderr, "aula: --hub:", err)
			return f, exitUsage, true
		}
		f.hub = u
	}
	return f, exitOK, false
}

// kioskMemoryLimit is the kiosk's soft memory limit, for the Go runtime's
// own memory (the heap, stacks; not the binary's pages). What it keeps
// (the lessons, the password dictionaries) is 3–6 MB; 12 MiB kept every
// screen's peak 2–4 MB lower, from outside, with keys as quick as with 20;
// at 10 and 11 MiB keys took longer (tools/outside, BENCHMARKS.md).
const kioskMemoryLimit = 12 << 20

// kioskGCPercent lets the heap grow by half of what is live before the
// garbage collector runs (Go's default: by all of it). What is live is
// small, so the collector's extra work is too: keys were as quick as with
// 100, and every screen's peak 0.5–1 MB lower (tools/outside,
// BENCHMARKS.md); at a 10 MiB limit instead, keys on the form took 20 ms.
const kioskGCPercent = 50

func runKiosk(args []string, stdout, stderr io.Writer) int {
	f, code, stop := parseKiosk(args, stdout, stderr)
	if stop {
		return code
	}
	// Old laptops: a soft memory limit makes the garbage collector work a
	// little harder rather than let the heap grow to twice what is live
	// (GOMEMLIMIT in the environment still decides, if set). Set before the
	// lessons are read: reading them makes most of the start's garbage.
	if os.Getenv("GOMEMLIMIT") == "" {
		rdebug.SetMemoryLimit(kioskMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		rdebug.SetGCPercent(kioskGCPercent)
	}
	early := readEarly(f.extra, firstOf(f.lang, i18n.FromEnv()))
	st, code := openStore(f.data, i18n.New(firstOf(f.lang, i18n.FromEnv())), stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	// What aula setup chose, unless a flag says otherwise.
	opt, err := startOptions(st, f.given, f.lang, f.kiosk, f.hub)
	if err != nil {
		fmt.Fprintln(stderr, "aula:", err)
		return exitData
	}
	cfg, version, code, ok := kioskConfig(st, f, opt, early, stderr)
	if !ok {
		return code
	}
	// The link to the class: it idles until the laptop joins one. Its
	// messages go to whichever mode is running.
	var relay tui.Relay
	syncer := classroom.NewSyncer(st, relay.Send)
	syncer.SetLessons(version, useClassLessons(st, f.extra, &relay)) // hub_publish.go
	if c, err := st.Class(); err == nil {
		cfg.Joined = c.URL
		syncer.SetClass(c.URL, c.Token)
	}
	cfg.Class = syncer
	err = tui.RunKiosk(context.Background(), tui.RunOptions{Config: cfg, Accessible: f.accessible,
		Out: stdout, Errors: stderr, DebugFile: f.debug, Bind: relay.Bind}, syncer.Run)
	if err != nil {
		fmt.Fprintln(stderr, "aula:", err)
		return exitData
	}
	return exitOK
}

// early is what the first screen needs, read while the data file opens:
// the lessons and the words of one language.
type early struct {
	done     chan struct{}
	lib      *lessons.Library
	problems []lessons.Problem
}

// readEarly starts reading the lessons (of the folder extra, if any) and
// the words of lang, the language the flags or the system give: most of
// what the kiosk does before its first frame, so it is done while the
// data file opens and its settings are read. If the settings choose
// another language, kioskConfig reads that one too.
func readEarly(extra, lang string) *early {
	e := &early{done: make(chan struct{})}
	go func() {
		defer close(e.done)
		cat := i18n.New(lang)
		words := make(chan struct{})
		go func() { cat.Load(); close(words) }()
		e.lib, e.problems = openLessons(extra)
		e.lib.Catalog(cat.Lang())
		<-words
	}()
	return e
}

// kioskConfig waits for what the first screen needs (the lessons and the
// words of the kiosk's language, read early) and makes the kiosk's
// Config, with the version of the class's published lessons it holds.
// When ok is false, run returns code.
func kioskConfig(st *store.Store, f kioskFlags, opt startOpts, e *early, stderr io.Writer) (cfg tui.Config, classVersion string, code int, ok bool) {
	<-e.done
	cat := i18n.New(opt.lang)
	lib, problems := e.lib, e.problems
	if src, version, has := classSource(st); has {
		lib, problems = classLibrary(f.extra, src) // with the class's published lessons
		classVersion = version
	}
	lib.Catalog(cat.Lang()) // read already, unless the settings chose another language or the class published lessons
	cat.Load()
	var notices []string
	if len(problems) > 0 {
		notices = append(notices, cat.T("lessons_with_problems", "Count", len(problems)))
	}
	if f.lesson != "" {
		if _, ok := lib.Catalog(cat.Lang()).Lesson(f.lesson); !ok {
			fmt.Fprintln(stderr, cat.T("no_such_lesson", "ID", f.lesson))
			return cfg, "", exitUsage, false
		}
	}
	if opt.kiosk && !opt.trainerPIN {
		fmt.Fprintln(stderr, cat.T("kiosk_no_pin"))
	}
	cfg = tui.Config{Store: st, Library: lib, Lang: cat.Lang(), StartLesson: f.lesson, Notice: strings.Join(notices, " "),
		Discover: discovery.Discover, HubURL: opt.hub, Kiosk: opt.kiosk, TrainerPIN: opt.trainerPIN,
		// The recovery is told over the first screen, whichever it is (in
		// either mode); Papers saves the learners' data screen's exports.
		Recovery: st.Recovered(),
		Papers:   dashPapers{st: st, dir: f.data, lc: lib.Catalog(cat.Lang()), lang: cat.Lang()}}
	if sp := tui.FindSpeaker(); sp != nil {
		cfg.Speaker = sp // F6 reads aloud
	}
	return cfg, classVersion, exitOK, true
}

// flagsGiven is the set of flags given on the command line.
func flagsGiven(fs *flag.FlagSet) map[string]bool {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return given
}

// validLang reports whether the app speaks lang.
func validLang(lang string) bool { return slices.Contains(i18n.Langs(), lang) }

// startOpts is how the kiosk starts: the settings of aula setup, with the
// flags given on top.
type startOpts struct {
	lang       string
	kiosk      bool
	hub        string
	trainerPIN bool // a trainer PIN is set
}

// startOptions reads the laptop's settings and lets the flags given
// (given[name]) override them. Without either, the language comes from the
// system.
func startOptions(st *store.Store, given map[string]bool, lang string, kiosk bool, hub string) (startOpts, error) {
	set, err := st.Settings()
	if err != nil {
		return startOpts{}, err
	}
	o := startOpts{lang: set.Lang, kiosk: set.Kiosk, hub: set.Hub}
	if given["lang"] {
		o.lang = lang
	}
	if !validLang(o.lang) {
		o.lang = i18n.FromEnv()
	}
	if given["kiosk"] {
		o.kiosk = kiosk
	}
	if given["hub"] {
		o.hub = hub
	}
	if o.trainerPIN, err = st.HasTrainerPIN(); err != nil {
		return startOpts{}, err
	}
	return o, nil
}

// openStore opens the data folder and says what went wrong in the learner's
// language.
func openStore(dir string, cat *i18n.Catalog, stderr io.Writer) (*store.Store, int) {
	st, err := store.Open(dir, store.Options{Timeout: time.Second})
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintln(stderr, cat.T("err_locked", "Path", filepath.Join(dir, store.FileName)))
		return nil, exitLocked
	case err != nil:
		fmt.Fprintln(stderr, cat.T("err_open", "Path", filepath.Join(dir, store.FileName), "Err", err.Error()))
		return nil, exitData
	}
	// The centre's retention (aula learners retention; docs/privacy.md):
	// learners with no activity for that long are erased at each start
	// of the kiosk, the hub and the dashboard.
	if _, err := st.ApplyRetention(); err != nil {
		fmt.Fprintln(stderr, "aula:", err)
	}
	return st, exitOK
}

func runReport(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("report", args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	format := fs.String("format", "csv", "")
	fs.String("lang", "", "") // read by cliCatalog
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	session := fs.String("session", "", "")
	cf := addCentreFlags(fs) // --format xapi (hub_lrs.go)
	if !parseReport(fs, args, cat, stdout, stderr) {
		return exitUsage
	}
	start, end, err := reportRange(cat, flagsGiven(fs), *session, *from, *to)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if *format == "xapi" {
		return reportXAPI(*data, cat, start, end, cf, stdout, stderr)
	}
	if *format == "pdf" {
		return reportPDF(*data, cat, start, end, stdout, stderr)
	}
	if *format != "csv" && *format != "json" {
		fmt.Fprintln(stderr, cat.T("report_err_format", "List", strings.Join(append(report.Formats, "xapi"), ", "), "Value", *format))
		return exitUsage
	}
	all, code := reportProgress(*data, cat, *session == "" && *from == "" && *to == "", start, end, stderr)
	if code != exitOK {
		return code
	}
	lib, _ := openLessons("")
	if err := report.Write(stdout, *format, report.Rows(all, lib.Catalog(cat.Lang()))); err != nil {
		fmt.Fprintln(stderr, "aula report:", err)
		return exitProblem
	}
	return exitOK
}
