package main

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

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
		fmt.Fprintln(stderr, cat.T("cert_err_not_finished", "Name", found[0].Name, "Title", it.Title, "Done", done, "Total", len(it.LessonIDs)))
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
	var v verdict
	if *keyText != "" {
		pub, err := certificate.DecodePublicKey(*keyText)
		if err != nil {
			fmt.Fprintln(stderr, cat.T("cert_err_key"))
			return exitUsage
		}
		v.content, v.err = certificate.Verify(pub, code)
	} else if rc := checkHere(*data, code, cat, &v, stderr); rc != exitOK {
		return rc
	}
	return sayVerdict(stdout, cat, v)
}

// verdict is what verify found: the content, nil or why not genuine, and
// the kiosk's record when a laptop of the class made it (certificate.VerifyIssued).
type verdict struct {
	content certificate.Content
	err     error
	class   *certificate.Issued
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

// checkHere checks code with what the data folder knows: this laptop's
// centre key, then, on a hub, the certificates the kiosks of its class
// recorded with their own keys.
func checkHere(data, code string, cat *i18n.Catalog, v *verdict, stderr io.Writer) int {
	st, rc := openExisting(data, cat, "aula certificate verify", stderr)
	if st == nil {
		return rc
	}
	key, err := st.MadeCentreKey()
	var issued []certificate.Issued
	laptops := 0 // a hub's: the laptops that joined its class
	if err == nil {
		issued, err = certificate.IssuedIn(st, code)
	}
	if err == nil {
		laptops, err = st.DeviceCount()
	}
	st.Close()
	if err != nil {
		fmt.Fprintln(stderr, "aula certificate:", err)
		return exitData
	}
	if key != nil {
		if v.content, v.err = certificate.Verify(key.Public().(ed25519.PublicKey), code); v.err == nil || errors.Is(v.err, certificate.ErrUnreadable) {
			return exitOK
		}
	}
	c, rec, err := certificate.VerifyIssued(code, issued)
	if key == nil && laptops == 0 && errors.Is(err, certificate.ErrNotRecorded) {
		fmt.Fprintln(stderr, cat.T("cert_err_no_centre_key", "Path", data))
		return exitProblem
	}
	if key == nil || err == nil {
		v.content, v.err = c, err
	}
	v.class = rec
	return exitOK
}

// sayVerdict prints v in the user's words: GENUINE, NOT GENUINE or
// CANNOT BE READ, and what the code says.
func sayVerdict(stdout io.Writer, cat *i18n.Catalog, v verdict) int {
	switch {
	case errors.Is(v.err, certificate.ErrUnreadable):
		fmt.Fprintln(stdout, cat.T("cert_unreadable"))
		return exitProblem
	case v.err != nil:
		if errors.Is(v.err, certificate.ErrNotRecorded) {
			fmt.Fprintln(stdout, cat.T("cert_not_genuine_class"))
		} else {
			fmt.Fprintln(stdout, cat.T("cert_not_genuine"))
		}
		fmt.Fprintln(stdout, cat.T("cert_not_genuine_claims"))
		sayContent(stdout, cat, v.content)
		return exitProblem
	case v.class != nil:
		fmt.Fprintln(stdout, cat.T("cert_genuine_class", "Name", v.class.Learner.Name,
			"Date", v.class.Event.At.Local().Format(time.DateOnly)))
	default:
		fmt.Fprintln(stdout, cat.T("cert_genuine"))
	}
	sayContent(stdout, cat, v.content)
	fmt.Fprintln(stdout, cat.T("cert_verify_limits"))
	if v.class != nil {
		fmt.Fprintln(stdout, cat.T("cert_verify_class_limits"))
	}
	return exitOK
}

// sayContent prints what a code certifies, the itinerary by its title when
// it is a built-in one.
func sayContent(w io.Writer, cat *i18n.Catalog, c certificate.Content) {
	title := c.Itinerary
	if lib, _ := loadLessons(""); lib != nil {
		if it, ok := certificate.Itinerary(lib.Catalog(cat.Lang()), c.Itinerary); ok {
			title = it.Title + " (" + it.ID + ")"
		}
	}
	fmt.Fprintln(w, cat.T("cert_says_learner", "Name", c.Learner))
	fmt.Fprintln(w, cat.T("cert_says_itinerary", "Title", title))
	fmt.Fprintln(w, cat.T("cert_says_date", "Date", c.Day.Format("2006-01-02")))
	fmt.Fprintln(w, cat.T("cert_says_centre", "Name", firstOf(c.Centre, cat.T("cert_centre_unnamed"))))
}

// itineraryList names the itineraries of cat: "primeros-pasos (Primeros pasos), …".
func itineraryList(cat *lessons.Catalog) string {
	var names []string
	for _, it := range cat.Itineraries {
		names = append(names, it.ID+" ("+it.Title+")")
	}
	return strings.Join(names, ", ")
}
