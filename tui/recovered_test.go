package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/ui"
)

// damagedWithBackup makes a data folder whose file was damaged after a
// backup with Pepe in it, and opens it: the store restores the copy.
func damagedWithBackup(t *testing.T) *store.Store {
	t.Helper()
	dir := t.TempDir()
	st := openStore(t, dir)
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.WriteFile(filepath.Join(dir, store.FileName), []byte(strings.Repeat("roto", 4096)), 0o600); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	if r := st.Recovered(); r == nil || !r.FromBackup {
		t.Fatalf("Recovered() = %+v", r)
	}
	return st
}

// One learner without a PIN skips the sign-in list: the notice still
// comes first, says from when the copy is, and stays until it is closed.
func TestRecoveryNoticeWhenSignInIsSkipped(t *testing.T) {
	st := damagedWithBackup(t)
	r := st.Recovered()
	d := newDriverWith(t, st, Config{Lang: "es", Recovery: r, Joined: "http://192.168.1.10:7420"})
	at := r.BackupTime.Local().Format("15:04")
	d.must("Hemos recuperado tus datos", at, "puede faltar", "clase")
	d.send(d.m.Init()) // nothing else that arrives closes it
	d.must("Hemos recuperado tus datos")
	d.keys("enter")
	d.mustNot("Hemos recuperado")
	d.must("Pepe")
}

// With every copy damaged the notice says so, and where they are kept;
// never that there was no copy.
func TestRecoveryNoticeTellsTheTruthAboutDamagedCopies(t *testing.T) {
	c := ui.NewCommon("en", tuitest.Library(t), time.Now)
	r := &store.Recovery{DamagedPath: "/d/aula.db.damaged-1", DamagedBackups: []string{"/d/aula.db.bak.damaged-1"}}
	text := recoveryText(c, r, false)
	for _, want := range []string{"so was its copy", "/d/aula.db.bak.damaged-1", "/d/aula.db.damaged-1"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice %q lacks %q", text, want)
		}
	}
	if strings.Contains(text, "no copy") {
		t.Errorf("notice says there was no copy: %q", text)
	}
	if v := recoveryDialog(c, r, false).View(80, 24); !strings.Contains(v, "The data file was damaged") || strings.Contains(v, "recovered") {
		t.Errorf("a fresh start is not called a recovery:\n%s", v)
	}
	r.DamagedBackups = nil
	if text := recoveryText(c, r, false); !strings.Contains(text, "no copy") {
		t.Errorf("without copies: %q", text)
	}
}

// In accessible mode the notice is said first, as a dialog.
func TestRecoveryNoticeInLines(t *testing.T) {
	st := damagedWithBackup(t)
	out := linesAll(t, st, Config{Lang: "en", Recovery: st.Recovered()}, "1\n")
	i, j := strings.Index(out, "Your data was recovered"), strings.Index(out, "Pepe")
	if i < 0 || !strings.Contains(out, "may be missing") {
		t.Fatalf("no notice in:\n%s", out)
	}
	if j >= 0 && j < i {
		t.Errorf("the notice came after the first screen:\n%s", out)
	}
}

// Signing out leaves a copy of the data file with what the learner did.
func TestSignOutMakesACopy(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "")
	d.must("Pepe")
	bak := filepath.Join(dir, store.FileName+".bak")
	if _, err := os.Stat(bak); err == nil {
		t.Fatal("a copy before signing out")
	}
	d.send(ui.SignOutMsg{})
	if err := st.Close(); err != nil { // waits for the copy
		t.Fatal(err)
	}
	if _, err := os.Stat(bak); err != nil {
		t.Fatalf("no copy after signing out: %v", err)
	}
}
