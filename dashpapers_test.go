package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/store"
	"aula/tui/dashboard"
)

// pdfText is a PDF file's text, spaces folded.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(text)), " ")
}

// The dashboard's files, made with aula certificate's, aula report's and
// aula learners export's code, read back.
func TestDashboardPapers(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	data := t.TempDir()
	finishedItinerary(t, data, "Begoña Núñez")
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lib, _ := loadLessons("")
	ls, _ := st.Learners()
	other, err := st.AddLearner("Rosa", "")
	if err != nil {
		t.Fatal(err)
	}
	p := dashPapers{st: st, dir: data, lc: lib.Catalog("es"), lang: "es"}

	paths, err := p.Certificates(ls[0].ID)
	if err != nil || len(paths) != 1 || filepath.Dir(paths[0]) != filepath.Join(data, "certificates") {
		t.Fatalf("Certificates = %v, %v", paths, err)
	}
	if text := pdfText(t, paths[0]); !strings.Contains(text, "Begoña Núñez") || !strings.Contains(text, "Certificado") {
		t.Errorf("the certificate says: %s", text)
	}
	if _, err := p.Certificates(other.ID); !errors.Is(err, dashboard.ErrNothingFinished) {
		t.Errorf("Rosa's certificates: %v", err)
	}

	checkSessionAndExport(t, p, ls[0].ID)
	// Erased: the certificate and both exports go; the session report stays.
	if n := p.Erased("Begoña Núñez"); n != 3 {
		t.Errorf("Erased removed %d files, want 3", n)
	}
	left, _ := filepath.Glob(filepath.Join(data, "certificates", "*"))
	if len(left) != 1 || !strings.Contains(left[0], "aula-session-") {
		t.Errorf("left: %v", left)
	}
}

func checkSessionAndExport(t *testing.T, p dashPapers, id uint64) {
	t.Helper()
	day := time.Date(2026, 12, 5, 15, 0, 0, 0, time.Local)
	path, err := p.SessionReport(day)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, path); !strings.Contains(text, "Informe de la sesión") || !strings.Contains(text, "Sesión del 2026-12-05") || !strings.Contains(text, "Begoña Núñez") {
		t.Errorf("the session report says: %s", text)
	}

	paths, err := p.Export(id)
	if err != nil || len(paths) != 2 {
		t.Fatalf("Export = %v, %v", paths, err)
	}
	for _, path := range paths {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v (want owner-only)", path, fi, err)
		}
	}
	js, _ := os.ReadFile(paths[0])
	if !strings.Contains(string(js), `"name": "Begoña Núñez"`) || strings.Contains(string(js), "Rosa") {
		t.Errorf("the JSON export: %s", js)
	}
	if text := pdfText(t, paths[1]); !strings.Contains(text, "Lo que Aula guarda de Begoña Núñez") || !strings.Contains(text, "terminó una lección") {
		t.Errorf("the PDF export says: %s", text)
	}
}

// The dashboard's retention reads the hub's data file with the code of
// aula learners retention: off says 0; on, the dry run names who would
// go and erases nobody; Apply erases them (and their saved files).
func TestDashRetentionDryRunThenApply(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old, _ := st.AddLearner("Antigua", "")
	if _, err := st.Record(store.Event{Learner: old.ID, Kind: store.LessonStarted, Lesson: "teclado", At: time.Now().AddDate(0, -8, 0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Reciente", ""); err != nil {
		t.Fatal(err)
	}
	r := dashRetention{st: st}
	if months, _, names, err := r.Due(); err != nil || months != 0 || len(names) != 0 {
		t.Fatalf("retention off: %d %v %v", months, names, err)
	}
	c, _ := st.Centre()
	c.RetainMonths = 6
	if err := st.SaveCentre(c); err != nil {
		t.Fatal(err)
	}
	months, since, names, err := r.Due()
	if err != nil || months != 6 || since != time.Now().AddDate(0, -6, 0).Format(time.DateOnly) || strings.Join(names, ",") != "Antigua" {
		t.Fatalf("dry run: %d %s %v %v", months, since, names, err)
	}
	if ls, _ := st.Learners(); len(ls) != 2 {
		t.Fatalf("the dry run erased: %v", ls)
	}
	gone, err := r.Apply()
	if err != nil || strings.Join(gone, ",") != "Antigua" {
		t.Fatalf("apply: %v %v", gone, err)
	}
	if ls, _ := st.Learners(); len(ls) != 1 || ls[0].Name != "Reciente" {
		t.Errorf("after apply: %v", ls)
	}
}
