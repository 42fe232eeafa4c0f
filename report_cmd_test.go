package main

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/store"
)

func TestReportListsLearnersWithoutActivity(t *testing.T) {
	dir := t.TempDir()
	recordProgress(t, dir)
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Bruno", ""); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut := runAula(t, "report", "--data", dir, "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range recs {
		if r[0] == "Bruno" {
			found = r[1] == "" && r[3] == "not_started" && r[9] == ""
		}
	}
	if !found {
		t.Errorf("Bruno, who has done nothing yet, is not listed as not_started:\n%s", out)
	}
}

func TestReportDataFolderMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	for _, tc := range []struct{ lang, want string }{
		{"es", "la carpeta de datos " + missing + " no existe. Revisa --data (no se ha creado nada)."},
		{"en", "the data folder " + missing + " does not exist. Check --data (nothing was created)."},
	} {
		code, out, errOut := runAula(t, "report", "--data", missing, "--lang", tc.lang)
		wantCode(t, code, exitData, out, errOut)
		if !strings.Contains(errOut, tc.want) {
			t.Errorf("stderr = %q, want %q", errOut, tc.want)
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("aula report created %s (%v)", missing, err)
	}
	// A folder that exists without a data file: nobody yet, and no file made.
	empty := t.TempDir()
	code, out, errOut := runAula(t, "report", "--data", empty)
	wantCode(t, code, exitOK, out, errOut)
	if out != csvHeader+"\n" {
		t.Errorf("report of an empty folder = %q", out)
	}
	if _, err := os.Stat(filepath.Join(empty, store.FileName)); !os.IsNotExist(err) {
		t.Errorf("aula report made a data file in an empty folder (%v)", err)
	}
}

func TestReportFlagErrorsNameTheFlag(t *testing.T) {
	dir := t.TempDir()
	recordProgress(t, dir)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--sesion", "2026-11-24", "--lang", "en"}, "aula report: --sesion is not an option of this command."},
		{[]string{"--lang", "es", "--sesion", "2026-11-24"}, "aula report: --sesion no es una opción de esta orden."},
		{[]string{"--session", "24/11/2026", "--lang", "en"}, "aula report: --session must be a date like 2026-11-24, not “24/11/2026”."},
		{[]string{"--from", "ayer", "--lang", "es"}, "aula report: --from tiene que ser una fecha como 2026-11-24, no «ayer»."},
		{[]string{"--to", "2026-13-01", "--lang", "en"}, "aula report: --to must be a date"},
		{[]string{"--from", "2026-11-25", "--to", "2026-11-24", "--lang", "en"}, "--to (2026-11-24) is before --from (2026-11-25)"},
		{[]string{"--session", "2026-11-24", "--from", "2026-11-24", "--lang", "en"}, "use --session or --from and --to, not both"},
		{[]string{"--format", "xml", "--lang", "es"}, "--format tiene que ser uno de estos: csv, json, pdf, xapi; no «xml»"},
		{[]string{"--lang", "en", "--format"}, "aula report: --format needs a value after it."},
		{[]string{"--lang", "en", "extra"}, "aula report: this is too much: extra"},
	} {
		code, out, errOut := runAula(t, append([]string{"report", "--data", dir}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("aula report %v: exit %d, stderr %q; want %q", tc.args, code, errOut, tc.want)
		}
		if out != "" {
			t.Errorf("aula report %v wrote a report after a mistake: %q", tc.args, out)
		}
	}
}

// A kiosk holds the data file: the trainer is told what to do, in the
// trainer's words, in their language.
func TestReportWhileAKioskHoldsTheFile(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, tc := range []struct{ lang, close, dashboard string }{
		{"es", "con tu PIN de persona formadora", "aula trainer"},
		{"en", "with your trainer PIN", "aula trainer"},
	} {
		code, out, errOut, took := runKioskWithin(t, 5*time.Second, "report", "--data", dir, "--lang", tc.lang)
		wantCode(t, code, exitLocked, out, errOut)
		if !strings.Contains(errOut, tc.close) || !strings.Contains(errOut, tc.dashboard) || !strings.HasPrefix(errOut, "aula report: ") {
			t.Errorf("%s: stderr = %q", tc.lang, errOut)
		}
		if took > 3*time.Second {
			t.Errorf("it took %v to say so", took)
		}
	}
}

func TestLessonsListSpeaksTheEnvironmentsLanguage(t *testing.T) {
	t.Setenv("LANG", "en_GB.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	code, out, errOut := runAula(t, "lessons", "list")
	wantCode(t, code, exitOK, out, errOut)
	if !strings.Contains(out, "primeros-pasos  First steps") || !strings.Contains(out, "8 steps") || strings.Contains(out, "pasos  read") {
		t.Errorf("lessons list with LANG=en_GB:\n%s", out)
	}
	code, _, errOut = runAula(t, "lessons", "list", "--lang", "es", "--jsn")
	if code != exitUsage || !strings.Contains(errOut, "--jsn no es una opción") {
		t.Errorf("lessons list --jsn: %d %q", code, errOut)
	}
}

func TestReportPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	at := recordProgress(t, dir)
	code, out, errOut := runAula(t, "report", "--data", dir, "--format", "pdf", "--session", at.Local().Format(time.DateOnly), "--lang", "es")
	wantCode(t, code, exitOK, out, errOut)
	path := filepath.Join(t.TempDir(), "informe.pdf")
	if err := os.WriteFile(path, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, w := range []string{"Informe de la sesión", "Sesión del " + at.Local().Format(time.DateOnly), "Quién vino (1 persona)", "Ana",
		"Cómo usar Aula — Moverte con las flechas: 1 fallo"} {
		if !strings.Contains(flat, w) {
			t.Errorf("the PDF report lacks %q:\n%s", w, text)
		}
	}
	// A folder without data: an empty report, and no file made.
	empty := t.TempDir()
	code, out, errOut = runAula(t, "report", "--data", empty, "--format", "pdf", "--lang", "en")
	wantCode(t, code, exitOK, out, errOut)
	if !strings.HasPrefix(out, "%PDF-") {
		t.Errorf("not a PDF: %.20q", out)
	}
	if _, err := os.Stat(filepath.Join(empty, store.FileName)); !os.IsNotExist(err) {
		t.Errorf("a data file was made (%v)", err)
	}
}
