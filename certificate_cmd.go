package main

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"aula/certificate"
	"aula/i18n"
	"aula/lessons"
	"aula/store"
)

// runCertificate is aula certificate: make a learner's certificate of an
// itinerary they finished (--learner, --itinerary, --out), check a
// certificate's code (verify CODE), or print the centre's public key (key).
func runCertificate(args []string, stdout, stderr io.Writer) int {
	cat := cliCatalog(args)
	if len(args) > 0 && (args[0] == "verify" || args[0] == "key") {
		return runCertificateCheck(args[0], args[1:], cat, stdout, stderr)
	}
	fs := newFlags("certificate", args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	fs.String("lang", "", "") // read by cliCatalog
	name := fs.String("learner", "", "")
	id := fs.String("itinerary", "", "")
	out := fs.String("out", "", "")
	extra := fs.String("lessons", "", "")
	usage := cat.T("cert_usage")
	rest, ok := parseCLI(fs, args, cat, "aula certificate", stdout, stderr, func() string { return usage })
	if !ok {
		return exitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintln(stderr, cat.T("cli_extra_args", "Cmd", "aula certificate", "Args", strings.Join(rest, " ")))
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	lib, _ := loadLessons(*extra)
	lc := lib.Catalog(cat.Lang())
	for _, f := range []struct{ flag, value string }{{"--learner", *name}, {"--itinerary", *id}} {
		if strings.TrimSpace(f.value) == "" {
			fmt.Fprintln(stderr, cat.T("cert_err_flag_missing", "Flag", f.flag))
			if f.flag == "--itinerary" {
				fmt.Fprintln(stderr, cat.T("cert_err_itineraries", "List", itineraryList(lc)))
			}
			fmt.Fprintln(stderr, usage)
			return exitUsage
		}
	}
	it, ok := certificate.Itinerary(lc, *id)
	if !ok {
		fmt.Fprintln(stderr, cat.T("cert_err_no_itinerary", "ID", *id))
		fmt.Fprintln(stderr, cat.T("cert_err_itineraries", "List", itineraryList(lc)))
		return exitUsage
	}
	st, code := openExisting(*data, cat, "aula certificate", stderr)
	if st == nil {
		return code
	}
	defer st.Close()
	c, code := issueCertificate(st, lc, cat, *name, it, stderr)
	if c == nil {
		return code
	}
	path := *out
	if path == "" {
		path = filepath.Join(certificate.Folder(*data), c.FileName())
	}
	if err := writeCertificate(c, path); err != nil {
		fmt.Fprintln(stderr, cat.T("cert_err_out", "Path", path, "Err", err.Error()))
		return exitProblem
	}
	fmt.Fprintln(stdout, cat.T("cert_saved", "Path", path))
	fmt.Fprintln(stdout, cat.T("cert_code_is", "Code", c.Code))
	return exitOK
}

// issueCertificate makes the certificate of the learner called name for
// it, or says why there is none.
func issueCertificate(st *store.Store, lc *lessons.Catalog, cat *i18n.Catalog, name string, it *lessons.Itinerary, stderr io.Writer) (*certificate.Certificate, int) {
	found, err := learnersCalled(st, name)
	if err != nil {
		fmt.Fprintln(stderr, "aula certificate:", err)
		return nil, exitData
	}
	switch len(found) {
	case 0:
		fmt.Fprintln(stderr, cat.T("cert_err_no_learner", "Name", name, "Path", st.Path()))
		return nil, exitProblem
	case 1:
	default:
		fmt.Fprintln(stderr, cat.T("cert_err_two_learners", "Count", len(found), "Name", name))
		return nil, exitProblem
	}
	c, err := certificate.Issue(st, lc, found[0], it.ID)
	if errors.Is(err, certificate.ErrNotFinished) {
		done := 0
		if prog, err := st.Progress(found[0].ID); err == nil {
			for _, l := range it.LessonIDs {
				if prog[l].Status == store.Done {
					done++
				}
			}
		}
		fmt.Fprintln(stderr, cat.T("cert_err_not_finished", "Name", found[0].Name, "Title", it.Title, "Done", done, "Count", len(it.LessonIDs)))
		return nil, exitProblem
	}
	if err != nil {
		fmt.Fprintln(stderr, "aula certificate:", err)
		return nil, exitData
	}
	return c, exitOK
}

// writeCertificate writes c's PDF at path (its folder made if missing);
// a half-written file is removed.
func writeCertificate(c *certificate.Certificate, path string) error {
	return writeFileWith(path, 0o644, c.WritePDF)
}

// writeFileWith writes a file the trainer asked for at path (its folder
// made if missing) with write; a failed write leaves no file.
func writeFileWith(path string, mode os.FileMode, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// runCertificateCheck is aula certificate verify CODE and aula certificate key.
func runCertificateCheck(sub string, args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("certificate "+sub, args, stderr)
	data := fs.String("data", defaultDataDir(), "")
	fs.String("lang", "", "") // read by cliCatalog
	keyText := fs.String("key", "", "")
	usage := cat.T("cert_usage")
	rest, ok := parseCLI(fs, args, cat, "aula certificate "+sub, stdout, stderr, func() string { return usage })
	if !ok {
		return exitUsage
	}
	if sub == "key" {
		return printCentreKey(*data, cat, stdout, stderr)
	}
	if len(rest) == 0 {
		fmt.Fprintln(stderr, cat.T("cert_err_no_code"))
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	code := strings.Join(rest, " ") // the code may be typed in groups, with spaces
	var v certificate.Verdict
	if *keyText != "" {
		pub, err := certificate.DecodePublicKey(*keyText)
		if err != nil {
			fmt.Fprintln(stderr, cat.T("cert_err_key"))
			return exitUsage
		}
		v = certificate.CheckWithKey(pub, code)
	} else {
		var rc int
		if v, rc = checkHere(*data, code, cat, stderr); rc != exitOK {
			return rc
		}
		if v.Status == certificate.StatusNoKey {
			fmt.Fprintln(stderr, cat.T("cert_err_no_centre_key", "Path", *data))
			return exitProblem
		}
	}
	return sayVerdict(stdout, cat, v)
}

// printCentreKey is aula certificate key: this laptop's public key.
func printCentreKey(data string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	st, code := openExisting(data, cat, "aula certificate key", stderr)
	if st == nil {
		return code
	}
	key, err := st.CentreKey()
	st.Close()
	if err != nil {
		fmt.Fprintln(stderr, "aula certificate:", err)
		return exitData
	}
	fmt.Fprintln(stdout, cat.T("cert_key_is"))
	fmt.Fprintln(stdout, certificate.EncodePublicKey(key.Public().(ed25519.PublicKey)))
	return exitOK
}

// checkHere checks code with what the data folder knows
// (certificate.Check): through the hub when one runs on it (it holds the
// file), else from the file.
func checkHere(data, code string, cat *i18n.Catalog, stderr io.Writer) (certificate.Verdict, int) {
	if v, err := askRunningHub(data, code); err == nil {
		return v, exitOK
	} else if !errors.Is(err, errNoRunningHub) {
		fmt.Fprintln(stderr, cat.T("cert_err_hub", "Err", safeArg(err.Error())))
		return v, exitProblem
	}
	st, rc := openExisting(data, cat, "aula certificate verify", stderr)
	if st == nil {
		return certificate.Verdict{}, rc
	}
	defer st.Close()
	v, err := certificate.Check(st, code)
	if err != nil {
		fmt.Fprintln(stderr, "aula certificate:", err)
		return v, exitData
	}
	return v, exitOK
}

// sayVerdict prints v in the user's words (Verdict.Lines); not genuine or
// unreadable is exitProblem.
func sayVerdict(stdout io.Writer, cat *i18n.Catalog, v certificate.Verdict) int {
	for _, l := range v.Lines(cat, itineraryTitle(cat.Lang())) {
		fmt.Fprintln(stdout, l)
	}
	if !v.Genuine() {
		return exitProblem
	}
	return exitOK
}

// itineraryTitle names an itinerary by its title and id when it is a
// built-in one, else by its id.
func itineraryTitle(lang string) func(id string) string {
	lib, _ := openLessons("") // titles only: the lessons' steps are not read
	return func(id string) string {
		if lib != nil {
			if it, ok := certificate.Itinerary(lib.Catalog(lang), id); ok {
				return it.Title + " (" + it.ID + ")"
			}
		}
		return id
	}
}

// itineraryList names the itineraries of cat: "primeros-pasos (Primeros pasos), …".
func itineraryList(cat *lessons.Catalog) string {
	var names []string
	for _, it := range cat.Itineraries {
		names = append(names, it.ID+" ("+it.Title+")")
	}
	return strings.Join(names, ", ")
}
