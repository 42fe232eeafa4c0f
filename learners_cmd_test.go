package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/report"
	"aula/store"
)

// learnersData makes a data folder with Begona (3 events), Begoña (2)
// and Rosa, closed.
func learnersData(t *testing.T) (dir string, ids map[string]uint64) {
	t.Helper()
	dir = t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids = map[string]uint64{}
	for name, n := range map[string]int{"Begona": 3, "Begoña": 2, "Rosa": 1} {
		l, err := st.AddLearner(name, "")
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = l.ID
		for i := range n {
			if _, err := st.Record(store.Event{Learner: l.ID, Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Attempt: i + 1, Correct: i == n-1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, ids
}

func runOK(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != want {
		t.Fatalf("aula %s = %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

func TestLearnersRenameMergeExportErase(t *testing.T) {
	dir, ids := learnersData(t)
	d := "--data=" + dir
	_, e := runOK(t, exitProblem, "learners", "rename", "Rosa", "begoña", d, "--lang=en")
	if !strings.Contains(e, "taken") {
		t.Errorf("rename to a taken name: %s", e)
	}
	out, _ := runOK(t, exitOK, "learners", "merge", "Begona", "Begoña", d, "--lang=es")
	if !strings.Contains(out, "«Begona» ahora forma parte de «Begoña»: 3 registros") {
		t.Errorf("merge said: %s", out)
	}
	out, _ = runOK(t, exitOK, "learners", "rename", "rosa", "Rosa María", d, "--lang=en")
	if !strings.Contains(out, "“Rosa” is now called “Rosa María”") {
		t.Errorf("rename said: %s", out)
	}

	checkExportJSON(t, d)
	checkExportPDF(t, d)

	// Erasing asks for --yes first.
	_, e = runOK(t, exitUsage, "learners", "erase", "Begoña", d, "--lang=en")
	if !strings.Contains(e, "--yes") || !strings.Contains(e, "5 events") {
		t.Errorf("erase without --yes: %s", e)
	}
	out, _ = runOK(t, exitOK, "learners", "erase", "Begoña", "--yes", d, "--lang=en")
	for _, w := range []string{"Begoña is erased from this laptop (5 events)", "3 new copies", "nothing links them"} {
		if !strings.Contains(out, w) {
			t.Errorf("erase said %q, want %q", out, w)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Begoña", "Begona"} {
		if bytes.Contains(b, []byte(name)) || bytes.Contains(b, []byte(strings.ReplaceAll(name, "ñ", "n"))) {
			t.Errorf("the data file still holds %q", name)
		}
	}
	if !bytes.Contains(b, []byte("Rosa María")) {
		t.Error("Rosa María is gone too")
	}
	_ = ids
}

func TestLearnersRetentionDryRun(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old, _ := st.AddLearner("Antigua", "")
	if _, err := st.Record(store.Event{Learner: old.ID, Kind: store.LessonStarted, Lesson: "teclado", At: time.Now().AddDate(0, -8, 0)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Reciente", ""); err != nil {
		t.Fatal(err)
	}
	st.Close()
	d := "--data=" + dir
	out, _ := runOK(t, exitOK, "learners", "retention", d, "--lang=en")
	if !strings.Contains(out, "Retention is off") {
		t.Errorf("no retention: %s", out)
	}
	out, _ = runOK(t, exitOK, "learners", "retention", "--months=6", "--dry-run", d, "--lang=es")
	if !strings.Contains(out, "Se borraría (1 persona") || !strings.Contains(out, "  Antigua\n") || strings.Contains(out, "Reciente") {
		t.Errorf("dry run: %s", out)
	}
	out, _ = runOK(t, exitOK, "learners", "retention", d, "--lang=en")
	if !strings.Contains(out, "Retention is off") {
		t.Errorf("a dry run saved the setting: %s", out)
	}
	out, _ = runOK(t, exitOK, "learners", "retention", "--months=6", d, "--lang=en")
	if !strings.Contains(out, "Erased (1 learner") || !strings.Contains(out, "Antigua") {
		t.Errorf("retention: %s", out)
	}
	out, _ = runOK(t, exitOK, "learners", "retention", "--dry-run", d, "--lang=en")
	if !strings.Contains(out, "6 months") || !strings.Contains(out, "Nobody") {
		t.Errorf("after: %s", out)
	}
	runOK(t, exitUsage, "learners", "retention", "--months=500", d)
	runOK(t, exitUsage, "learners", "export", "Reciente", "--format=doc", d)
}

// On a laptop in a class, the hub's retention (as the laptop last heard
// it) is the one said and applied, not the laptop's own.
func TestLearnersRetentionInAClass(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old, _ := st.AddLearner("Antigua", "")
	if _, err := st.Record(store.Event{Learner: old.ID, Kind: store.LessonStarted, Lesson: "teclado", At: time.Now().AddDate(0, -8, 0)}); err != nil {
		t.Fatal(err)
	}
	twelve := 12
	if err := st.SaveCentre(store.Centre{RetainMonths: 3, ClassRetain: &twelve}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetClass(store.Class{URL: "https://10.0.0.1:7420", Token: "t", Joined: time.Now()}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, _ := runOK(t, exitOK, "learners", "retention", "--dry-run", "--data="+dir, "--lang=en")
	if !strings.Contains(out, "the class hub's retention applies here (12 months") || !strings.Contains(out, "Nobody") {
		t.Errorf("dry run in a class: %s", out)
	}
}

// checkExportPDF exports Begoña as PDF in both languages and reads it back.
func checkExportPDF(t *testing.T, d string) {
	t.Helper()
	// The export as PDF, read back with pdftotext, in both languages.
	if _, err := exec.LookPath("pdftotext"); err == nil || os.Getenv("CI") != "" {
		for lang, want := range map[string][]string{
			"en": {"What Aula keeps about Begoña", "What they did (5 events)", "answered", "never keeps what a learner types"},
			"es": {"Lo que Aula guarda de Begoña", "Lo que hizo (5 registros)", "respondió", "nunca guarda lo que una persona escribe"},
		} {
			pdf := filepath.Join(t.TempDir(), "begoña.pdf")
			runOK(t, exitOK, "learners", "export", "Begoña", "--format=pdf", "--out="+pdf, d, "--lang="+lang)
			if fi, _ := os.Stat(pdf); fi == nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("the PDF is not owner-only: %v", fi)
			}
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range want {
				if !strings.Contains(flat, w) {
					t.Errorf("%s PDF lacks %q:\n%s", lang, w, flat)
				}
			}
		}
	}

}

// checkExportJSON exports Begoña as JSON: name, settings, progress and all
// 5 events, no PIN hash.
func checkExportJSON(t *testing.T, d string) {
	t.Helper()
	// The export in JSON: name, settings, progress and all 5 events, no PIN hash.
	out, _ := runOK(t, exitOK, "learners", "export", "BEGOÑA", d, "--lang=en")
	var rec report.Record
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("export JSON: %v\n%s", err, out)
	}
	if rec.Name != "Begoña" || len(rec.Events) != 5 || len(rec.Progress) != 1 || rec.Progress[0].Attempts != 5 || !strings.Contains(rec.Never, "never keeps") {
		t.Errorf("export: %+v", rec)
	}
	for _, key := range []string{`"settings"`, `"progress"`, `"events"`, `"has_pin": false`} {
		if !strings.Contains(out, key) {
			t.Errorf("export lacks %s", key)
		}
	}
	if strings.Contains(out, "pin_hash") {
		t.Error("the export carries the PIN's hash")
	}

}
