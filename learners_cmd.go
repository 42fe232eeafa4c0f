package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/text/unicode/norm"

	"aula/certificate"
	"aula/i18n"
	"aula/lessons"
	"aula/report"
	"aula/store"
)

// learnersFlags are aula learners' flags, for every subcommand.
type learnersFlags struct {
	data, format, out string
	months            int
	yes, dryRun       bool
}

// runLearners is aula learners: reset-pin NAME (a learner who forgot their
// PIN chooses a new one at their next sign-in), and a learner's data
// rights: rename, merge, export, erase, and the centre's retention. It
// speaks the language of --lang or of the environment.
func runLearners(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	fs := newFlags("learners", args, stderr)
	var f learnersFlags
	fs.StringVar(&f.data, "data", defaultDataDir(), "")
	fs.String("lang", "", "") // read by cliCatalog
	fs.StringVar(&f.format, "format", "json", "")
	fs.StringVar(&f.out, "out", "", "")
	fs.IntVar(&f.months, "months", -1, "")
	fs.BoolVar(&f.yes, "yes", false, "")
	fs.BoolVar(&f.dryRun, "dry-run", false, "")
	usage := cat.T("learners_usage")
	rest, ok := parseCLI(fs, args, cat, "aula learners", stdout, stderr, func() string { return usage })
	if !ok {
		return exitUsage
	}
	want := map[string]int{"reset-pin": 2, "rename": 3, "merge": 3, "export": 2, "erase": 2, "retention": 1}
	if len(rest) == 0 || want[rest[0]] != len(rest) {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	if rest[0] == "export" && f.format != "json" && f.format != "pdf" {
		fmt.Fprintln(stderr, cat.T("learners_export_format", "Value", f.format))
		return exitUsage
	}
	if rest[0] == "retention" && f.months > 120 {
		fmt.Fprintln(stderr, cat.T("cli_flag_bad_value", "Cmd", "aula learners", "Flag", "--months"))
		return exitUsage
	}
	st, code := openExisting(f.data, cat, "aula learners", stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	lc := func() *lessons.Catalog { lib, _ := openLessons(""); return lib.Catalog(cat.Lang()) }
	run := learnersRun{st: st, cat: cat, f: f, stdout: stdout, stderr: stderr}
	switch rest[0] {
	case "rename":
		return run.rename(rest[1], rest[2])
	case "merge":
		return run.merge(rest[1], rest[2])
	case "export":
		return run.export(rest[1], lc())
	case "erase":
		return run.erase(rest[1], lc())
	case "retention":
		return run.retention()
	}
	return run.resetPIN(rest[1])
}

// learnersRun is one aula learners command on an open data file.
type learnersRun struct {
	st             *store.Store
	cat            *i18n.Catalog
	f              learnersFlags
	stdout, stderr io.Writer
}

// one finds the one learner called name (of this laptop only, or with
// remote, also a hub's copies of other laptops' learners), or says why not.
func (r learnersRun) one(name string, remote bool) (store.Learner, int) {
	var found []store.Learner
	if remote {
		all, err := r.st.AllProgress()
		if err != nil {
			return r.failed(err)
		}
		for _, lp := range all {
			if sameName(lp.Learner.Name, name) {
				found = append(found, lp.Learner)
			}
		}
	} else {
		var err error
		if found, err = learnersCalled(r.st, name); err != nil {
			return r.failed(err)
		}
	}
	switch len(found) {
	case 0:
		fmt.Fprintln(r.stderr, r.cat.T("learners_nobody", "Name", name))
		return store.Learner{}, exitProblem
	case 1:
		return found[0], exitOK
	}
	fmt.Fprintln(r.stderr, r.cat.T("learners_two", "Count", len(found), "Name", name))
	return store.Learner{}, exitProblem
}

func (r learnersRun) failed(err error) (store.Learner, int) {
	fmt.Fprintln(r.stderr, "aula learners:", err)
	return store.Learner{}, exitData
}

// said turns a store error into the trainer's words.
func (r learnersRun) said(err error, name string) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, store.ErrNameTaken):
		fmt.Fprintln(r.stderr, r.cat.T("learners_name_taken", "Name", name))
	case errors.Is(err, store.ErrBadName):
		fmt.Fprintln(r.stderr, r.cat.T("learners_bad_name"))
	case errors.Is(err, store.ErrRemoteLearner):
		fmt.Fprintln(r.stderr, r.cat.T("learners_remote", "Name", name))
	case errors.Is(err, store.ErrSameLearner):
		fmt.Fprintln(r.stderr, r.cat.T("learners_same"))
	default:
		fmt.Fprintln(r.stderr, "aula learners:", err)
		return exitData
	}
	return exitProblem
}

func (r learnersRun) resetPIN(name string) int {
	l, code := r.one(name, false)
	if code != exitOK {
		return code
	}
	if err := r.st.SetPIN(l.ID, ""); err != nil {
		return r.said(err, l.Name)
	}
	fmt.Fprintln(r.stdout, r.cat.T("learners_pin_removed", "Name", l.Name))
	return exitOK
}

func (r learnersRun) rename(name, to string) int {
	l, code := r.one(name, false)
	if code != exitOK {
		return code
	}
	if err := r.st.RenameLearner(l.ID, to); err != nil {
		return r.said(err, to)
	}
	nl, _ := r.st.Learner(l.ID)
	fmt.Fprintln(r.stdout, r.cat.T("learners_renamed", "Old", l.Name, "Name", nl.Name))
	return exitOK
}

func (r learnersRun) merge(from, into string) int {
	a, code := r.one(from, false)
	if code != exitOK {
		return code
	}
	b, code := r.one(into, false)
	if code != exitOK {
		return code
	}
	n, err := r.st.MergeLearners(a.ID, b.ID)
	if err != nil {
		return r.said(err, a.Name)
	}
	fmt.Fprintln(r.stdout, r.cat.T("learners_merged", "From", a.Name, "Into", b.Name, "Count", n))
	return exitOK
}

// export writes what Aula keeps about one learner, as JSON or PDF, to
// --out or (JSON only, or a PDF sent to a file or a pipe) stdout.
func (r learnersRun) export(name string, lc *lessons.Catalog) int {
	l, code := r.one(name, true)
	if code != exitOK {
		return code
	}
	if r.f.format == "pdf" && r.f.out == "" && isTerminalWriter(r.stdout) {
		fmt.Fprintln(r.stderr, r.cat.T("learners_pdf_needs_out"))
		return exitUsage
	}
	write, err := recordWriter(r.st, l.ID, r.cat.Lang(), lc, r.f.format)
	if err != nil {
		return r.said(err, l.Name)
	}
	if r.f.out == "" {
		if err := write(r.stdout); err != nil {
			return r.said(err, l.Name)
		}
		return exitOK
	}
	// Owner-only: it is one person's data.
	if err := writeFileWith(r.f.out, 0o600, write); err != nil {
		fmt.Fprintln(r.stderr, r.cat.T("cert_err_out", "Path", r.f.out, "Err", err.Error()))
		return exitProblem
	}
	fmt.Fprintln(r.stdout, r.cat.T("learners_exported", "Name", l.Name, "Path", r.f.out))
	return exitOK
}

// recordWriter writes what Aula keeps about learner id, as format (json
// or pdf) in lang: aula learners export and the dashboard's X.
func recordWriter(st *store.Store, id uint64, lang string, lc *lessons.Catalog, format string) (func(io.Writer) error, error) {
	rec, err := st.LearnerRecord(id)
	if err != nil {
		return nil, err
	}
	ex := report.NewRecord(rec, lang, time.Now())
	if format == "json" {
		return ex.WriteJSON, nil
	}
	return func(w io.Writer) error {
		return ex.WritePDF(w, lang, time.Local, func(id string) string {
			if les, ok := lc.Lesson(id); ok {
				return les.Title
			}
			return ""
		})
	}, nil
}

// erase erases one learner after --yes, with their certificates' files
// in this data folder, and says what happens next (the hub, the backups,
// the region).
func (r learnersRun) erase(name string, lc *lessons.Catalog) int {
	l, code := r.one(name, true)
	if code != exitOK {
		return code
	}
	if !r.f.yes {
		evs, _ := r.st.Events(l.ID)
		fmt.Fprintln(r.stderr, r.cat.T("learners_erase_confirm", "Name", l.Name, "Count", len(evs)))
		return exitUsage
	}
	er, err := r.st.EraseLearner(l.ID)
	if err != nil {
		return r.said(err, l.Name)
	}
	fmt.Fprintln(r.stdout, r.cat.T("learners_erased", "Name", er.Name, "Count", er.Events))
	folder := certificate.Folder(r.f.data)
	if n := removeLearnerFiles(folder, er.Name, lc); n > 0 {
		fmt.Fprintln(r.stdout, r.cat.T("learners_certs_removed", "Count", n, "Path", folder))
	}
	r.afterErasure(l)
	return exitOK
}

// afterErasure says where else the learner is, and when that goes.
func (r learnersRun) afterErasure(l store.Learner) {
	switch _, err := r.st.Class(); {
	case l.Remote():
		fmt.Fprintln(r.stdout, r.cat.T("learners_erased_remote", "Name", l.Name))
	case err == nil:
		fmt.Fprintln(r.stdout, r.cat.T("learners_erased_class"))
	}
	fmt.Fprintln(r.stdout, r.cat.T("learners_erased_backups", "Count", store.BackupGenerations))
	fmt.Fprintln(r.stdout, r.cat.T("learners_erased_region"))
}

// removeLearnerFiles removes the files Aula saved in folder for the
// learner called name: their certificates (one file name per itinerary)
// and exports of their data (dashPapers.Export), and counts them.
func removeLearnerFiles(folder, name string, lc *lessons.Catalog) int {
	n := 0
	for _, it := range lc.Itineraries {
		if os.Remove(filepath.Join(folder, fileNameFor(name, it.ID, ".pdf"))) == nil {
			n++
		}
	}
	exports, _ := filepath.Glob(filepath.Join(folder, strings.TrimSuffix(fileNameFor(name, "record", ""), ".pdf")+"-????-??-??.*"))
	for _, f := range exports {
		if os.Remove(f) == nil {
			n++
		}
	}
	return n
}

// fileNameFor is the name of a file Aula saves for a learner: the
// certificate's file name (letters, digits and dashes), with ext in place
// of ".pdf" when ext is not "".
func fileNameFor(name, kind, ext string) string {
	base := (&certificate.Certificate{Content: certificate.Content{Learner: name, Itinerary: kind}}).FileName()
	if ext == "" {
		return base
	}
	return strings.TrimSuffix(base, ".pdf") + ext
}

// retention sets the centre's retention (--months N; 0 turns it off) and
// applies it, or with --dry-run lists who it would erase.
func (r learnersRun) retention() int {
	c, err := r.st.Centre()
	if err != nil {
		return r.said(err, "")
	}
	cat := r.cat
	if r.f.months >= 0 && r.f.months != c.RetainMonths {
		c.RetainMonths = r.f.months
		if !r.f.dryRun {
			if err := r.st.SaveCentre(c); err != nil {
				return r.said(err, "")
			}
		}
	}
	_, err = r.st.Class()
	months := c.Retention(err == nil)
	if err == nil && c.ClassRetain != nil {
		// In a class, the hub's setting is the one applied (docs/privacy.md).
		fmt.Fprintln(r.stdout, cat.T("learners_retention_class", "Count", months))
	}
	if months == 0 {
		fmt.Fprintln(r.stdout, cat.T("learners_retention_off"))
		return exitOK
	}
	fmt.Fprintln(r.stdout, cat.T("learners_retention_set", "Count", months))
	day, ls, err := retentionDue(r.st, months)
	if err != nil {
		return r.said(err, "")
	}
	if len(ls) == 0 {
		fmt.Fprintln(r.stdout, cat.T("learners_retention_nobody", "Date", day))
		return exitOK
	}
	if r.f.dryRun {
		fmt.Fprintln(r.stdout, cat.T("learners_retention_would", "Count", len(ls), "Date", day))
		for _, l := range ls {
			fmt.Fprintln(r.stdout, "  "+l.Name)
		}
		return exitOK
	}
	gone, err := r.st.ApplyRetention() // as at every start
	fmt.Fprintln(r.stdout, cat.T("learners_retention_gone", "Count", len(gone), "Date", day))
	for _, er := range gone {
		fmt.Fprintln(r.stdout, "  "+er.Name)
	}
	if err != nil {
		return r.said(err, "")
	}
	fmt.Fprintln(r.stdout, cat.T("learners_erased_backups", "Count", store.BackupGenerations))
	return exitOK
}

// retentionDue is who a retention of months would erase now (a dry run),
// and the day before which they were last active: aula learners
// retention --dry-run and the dashboard's T.
func retentionDue(st *store.Store, months int) (string, []store.Learner, error) {
	cutoff := store.RetentionCutoff(time.Now(), months)
	ls, err := st.Inactive(cutoff)
	return cutoff.Local().Format(time.DateOnly), ls, err
}

// sameName compares a stored name with one typed, as learnersCalled does.
func sameName(stored, typed string) bool {
	return strings.EqualFold(stored, norm.NFC.String(strings.TrimSpace(typed)))
}

// isTerminalWriter says whether w is a terminal (where a PDF is no use).
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
