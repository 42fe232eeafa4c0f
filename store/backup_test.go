package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// learnersIn counts the learners in a bolt file, after checking it.
func learnersIn(t *testing.T, path string) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer db.Close()
	n := 0
	if err := db.View(func(tx *bbolt.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		n = tx.Bucket(bucketLearners).Stats().KeyN
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n
}

func TestBackupKeepsGenerations(t *testing.T) {
	s := openTemp(t)
	for i, name := range []string{"Ana", "Bruno", "Carmen", "Dolores"} {
		mustAdd(t, s, name, "")
		if err := s.Backup(); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
	}
	for i, p := range backupPaths(s.Path()) {
		if got, want := learnersIn(t, p), 4-i; got != want {
			t.Errorf("%s has %d learners, want %d", filepath.Base(p), got, want)
		}
		ownerOnly(t, p, 0o600)
	}
	// A copy cut short by a switched-off laptop is cleared by the next one.
	stale := s.Path() + ".bak.tmp-123"
	if err := os.WriteFile(stale, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "*tmp*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if _, err := os.Stat(s.Path() + ".bak.3"); err == nil {
		t.Error("more than three generations kept")
	}
}

// A finished lesson is copied without anyone asking.
func TestLessonDoneMakesABackup(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ana := mustAdd(t, s, "Ana", "").ID
	mustRecord(t, s, Event{Learner: ana, Kind: LessonStarted, Lesson: "teclado", Steps: 1})
	if _, err := os.Stat(s.Path() + ".bak"); err == nil {
		t.Fatal("a backup before any lesson was finished")
	}
	done := mustRecord(t, s, Event{Learner: ana, Kind: LessonDone, Lesson: "teclado", Steps: 1})
	closeChecked(t, s) // waits for the backup
	db, err := bbolt.Open(filepath.Join(dir, "aula.db.bak"), 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(func(tx *bbolt.Tx) error {
		var e Event
		ok, err := get(tx.Bucket(bucketEvents), key2(ana, done.Seq), &e)
		if !ok || err != nil || e.ID != done.ID {
			t.Errorf("the backup lacks the finished lesson: %v %v", ok, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// The newest copy is damaged: the one before it is restored, and the
// damaged one is kept under its own name and told.
func TestRestoreSkipsADamagedCopy(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	mustAdd(t, s, "Ana", "")
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, "Bruno", "")
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	closeChecked(t, s)
	bad := []byte(strings.Repeat("x", 8192))
	for _, p := range []string{path, path + ".bak"} {
		if err := os.WriteFile(p, bad, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s = openAt(t, dir)
	rec := s.Recovered()
	if rec == nil || !rec.FromBackup || rec.BackupPath != path+".bak.1" || len(rec.DamagedBackups) != 1 {
		t.Fatalf("Recovered() = %+v", rec)
	}
	if got, _ := os.ReadFile(rec.DamagedBackups[0]); string(got) != string(bad) {
		t.Error("the damaged copy was not kept")
	}
	if ls, _ := s.Learners(); len(ls) != 1 || ls[0].Name != "Ana" {
		t.Errorf("restored learners: %+v", ls)
	}
}

// breakDeviceID damages a file so that it no longer opens but still reads.
func breakDeviceID(t *testing.T, path string) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyDeviceID, []byte("??")) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// What the damaged file still holds and the copy lacks comes back: the
// learner added after the copy, and their events, in the outbox again.
func TestRestoreSalvagesTheDamagedFile(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ana := mustAdd(t, s, "Ana", "").ID
	mustRecord(t, s, Event{Learner: ana, Kind: LessonStarted, Lesson: "teclado", Steps: 2})
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if err := s.AckOutbox(mustOutboxIDs(t, s)...); err != nil { // the hub had it
		t.Fatal(err)
	}
	bruno := mustAdd(t, s, "Bruno", "1234").ID
	late := []Event{
		mustRecord(t, s, Event{Learner: ana, Kind: StepDone, Lesson: "teclado", Step: "s1", How: "read", Steps: 2}),
		mustRecord(t, s, Event{Learner: bruno, Kind: LessonStarted, Lesson: "raton", Steps: 3}),
	}
	path := s.Path()
	closeChecked(t, s)
	breakDeviceID(t, path)

	s = openAt(t, dir)
	rec := s.Recovered()
	if rec == nil || !rec.FromBackup || rec.SalvagedLearners != 1 || rec.SalvagedEvents != 2 {
		t.Fatalf("Recovered() = %+v", rec)
	}
	if l, err := s.Learner(bruno); err != nil || l.Name != "Bruno" || !l.HasPIN() {
		t.Fatalf("salvaged learner: %+v, %v", l, err)
	}
	out, _ := s.Outbox(0)
	if len(out) != 3 || out[1].ID != late[0].ID || out[2].ID != late[1].ID {
		t.Fatalf("outbox after salvage: %+v", out)
	}
	if p, _ := s.LessonProgress(ana, "teclado"); p.StepsDone() != 1 {
		t.Errorf("Ana's progress after salvage: %+v", p)
	}
	// Numbers go on after the salvaged ones.
	if l := mustAdd(t, s, "Carmen", ""); l.ID == bruno || l.ID == ana {
		t.Errorf("a new learner took the id %d of a salvaged one", l.ID)
	}
	if e := mustRecord(t, s, Event{Learner: ana, Kind: HintShown, Lesson: "teclado"}); e.Seq != late[1].Seq+1 {
		t.Errorf("next seq %d, want %d", e.Seq, late[1].Seq+1)
	}
}

func mustOutboxIDs(t *testing.T, s *Store) []string {
	t.Helper()
	out, err := s.Outbox(0)
	if err != nil {
		t.Fatal(err)
	}
	return ids(out)
}
