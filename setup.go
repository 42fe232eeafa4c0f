package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/term"

	"aula/classroom"
	"aula/i18n"
	"aula/store"
	"aula/tui"
)

// runForm runs a huh form in the terminal; tests replace it.
var runForm = func(f *huh.Form) error { return f.Run() }

// isTerminal says whether the program talks to a person at a terminal;
// tests replace it.
var isTerminal = func() bool { return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd()) }

// runSetup asks the person preparing the laptop how it should start
// (language, kiosk mode, trainer PIN, class) and saves it in the data
// folder, where the kiosk reads it at every start.
func runSetup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("setup", args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	lang := fs.String("lang", "", "")
	accessible := fs.Bool("accessible", false, "")
	if !parseAll(fs, args, cliCatalog(args), "aula setup", stdout, stderr) {
		return usageExit(args)
	}
	if *lang != "" && !validLang(*lang) {
		fmt.Fprintln(stderr, cliCatalog(args).T("cli_bad_lang", "Langs", strings.Join(i18n.Langs(), ", "), "Lang", safeArg(*lang)))
		return exitUsage
	}
	cat := i18n.New(firstOf(*lang, i18n.FromEnv()))
	if !isTerminal() {
		fmt.Fprintln(stderr, cat.T("setup_needs_terminal"))
		return exitUsage
	}
	st, code := openStore(*data, cat, stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	set, err := st.Settings()
	if err != nil {
		fmt.Fprintln(stderr, "aula setup:", err)
		return exitData
	}
	hasPIN, err := st.HasTrainerPIN()
	if err != nil {
		fmt.Fprintln(stderr, "aula setup:", err)
		return exitData
	}

	centre, err := st.Centre()
	if err != nil {
		fmt.Fprintln(stderr, "aula setup:", err)
		return exitData
	}

	// What is saved now is what the form starts from.
	a := tui.SetupAnswers{Lang: firstOf(*lang, set.Lang, cat.Lang()), Kiosk: set.Kiosk, Hub: set.Hub,
		Centre: centre.Name, Trainer: centre.Trainer}
	if !validLang(a.Lang) {
		a.Lang = cat.Lang()
	}
	run := func(f *huh.Form) error { return runForm(f.WithAccessible(*accessible)) }
	if err := run(tui.SetupLanguageForm(&a.Lang)); err != nil {
		return setupAborted(cat, err, stdout, stderr)
	}
	cat = i18n.New(a.Lang)
	if err := run(tui.SetupForm(&a, hasPIN, runtime.GOOS)); err != nil {
		return setupAborted(cat, err, stdout, stderr)
	}
	saved, err := applySetup(st, a)
	if err != nil {
		fmt.Fprintln(stderr, "aula setup:", err)
		return exitData
	}
	saySetup(cat, a, saved, hasPIN, st.Path(), *data, stdout)
	return exitOK
}

// saySetup tells what aula setup saved, and how to start Aula.
func saySetup(cat *i18n.Catalog, a tui.SetupAnswers, saved store.Settings, hasPIN bool, path, data string, stdout io.Writer) {
	fmt.Fprintln(stdout, cat.T("setup_saved", "Path", path))
	fmt.Fprintln(stdout, "  "+cat.T("setup_summary_lang", "Name", cat.T("lang_name")))
	if saved.Kiosk {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_kiosk_on"))
	} else {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_kiosk_off"))
	}
	if a.PIN != "" {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_pin"))
	}
	if saved.Hub != "" {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_hub", "URL", saved.Hub))
	} else {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_no_hub"))
	}
	if a.Centre != "" {
		fmt.Fprintln(stdout, "  "+cat.T("setup_summary_centre", "Centre", strings.TrimSpace(a.Centre), "Trainer", firstOf(strings.TrimSpace(a.Trainer), "—")))
	}
	if saved.Kiosk && !hasPIN && a.PIN == "" {
		fmt.Fprintln(stdout, cat.T("kiosk_no_pin"))
	}
	start := "aula"
	if data != defaultDataDir() {
		start += " --data " + data
	}
	fmt.Fprintln(stdout, cat.T("setup_summary_start", "Cmd", start))
}

// setupAborted says that nothing was saved (Esc or Ctrl+C), or what went
// wrong.
func setupAborted(cat *i18n.Catalog, err error, stdout, stderr io.Writer) int {
	if errors.Is(err, huh.ErrUserAborted) {
		fmt.Fprintln(stdout, cat.T("setup_cancelled"))
		return exitProblem
	}
	fmt.Fprintln(stderr, "aula setup:", err)
	fmt.Fprintln(stderr, cat.T("setup_cancelled"))
	return exitProblem
}

// applySetup saves the answers of aula setup: the settings, and the
// trainer PIN when a new one was typed. It checks them again, whatever the
// form did.
func applySetup(st *store.Store, a tui.SetupAnswers) (store.Settings, error) {
	set := store.Settings{Lang: a.Lang, Kiosk: a.Kiosk}
	if !validLang(set.Lang) {
		return set, fmt.Errorf("unknown language %q", a.Lang)
	}
	if a.Hub != "" {
		u, err := classroom.NormalizeURL(a.Hub)
		if err != nil {
			return set, err
		}
		set.Hub = u
	}
	if a.PIN != "" {
		if a.PIN != a.PINAgain {
			return set, errors.New("the two trainer PINs differ")
		}
		if err := st.SetTrainerPIN(a.PIN); err != nil {
			return set, err
		}
	}
	if err := st.SaveCentre(store.Centre{Name: a.Centre, Trainer: a.Trainer}); err != nil {
		return set, err
	}
	// The centre's key, which signs its certificates, is made here once.
	if _, err := st.CentreKey(); err != nil {
		return set, err
	}
	return set, st.SaveSettings(set)
}

// firstOf returns the first of ss that is not empty.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
