package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// testClock is a deterministic Options.Now: each call is one second later.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *testClock {
	return &testClock{t: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}
}

// openAt opens dir with a short lock timeout and a test clock. The store is
// checked and closed at the end of the test if the test has not closed it.
func openAt(t testing.TB, dir string) *Store {
	t.Helper()
	s, err := Open(dir, Options{Timeout: 100 * time.Millisecond, Now: newClock().now})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.check(); errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
			return // closed by the test
		}
		closeChecked(t, s)
	})
	return s
}

func openTemp(t testing.TB) *Store {
	t.Helper()
	return openAt(t, t.TempDir())
}

// closeChecked runs tx.Check on the whole file, then closes it.
func closeChecked(t testing.TB, s *Store) {
	t.Helper()
	if err := s.check(); err != nil {
		t.Errorf("consistency check: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func mustAdd(t testing.TB, s *Store, name, pin string) Learner {
	t.Helper()
	l, err := s.AddLearner(name, pin)
	if err != nil {
		t.Fatalf("AddLearner(%q): %v", name, err)
	}
	return l
}

func ownerOnly(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // no Unix permission bits
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %v, want %v", filepath.Base(path), got, want)
	}
}

func TestOpenCreatesOwnerOnlyFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s := openAt(t, dir)
	if want := filepath.Join(dir, "aula.db"); s.Path() != want {
		t.Errorf("Path() = %q, want %q", s.Path(), want)
	}
	ownerOnly(t, dir, 0o700)
	ownerOnly(t, s.Path(), 0o600)
	if s.Recovered() != nil {
		t.Errorf("Recovered() = %+v on a new file", s.Recovered())
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(s.DeviceID()) {
		t.Errorf("DeviceID() = %q, want 16 hex characters", s.DeviceID())
	}
	// A new file is not "migrated": there is nothing to copy.
	if m, _ := filepath.Glob(filepath.Join(dir, "*pre-migration*")); len(m) > 0 {
		t.Errorf("pre-migration copy of a new file: %v", m)
	}

	id := s.DeviceID()
	closeChecked(t, s)
	s = openAt(t, dir)
	if s.DeviceID() != id {
		t.Errorf("DeviceID changed on reopen: %q, then %q", id, s.DeviceID())
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)

	start := time.Now()
	s2, err := Open(dir, Options{Timeout: 100 * time.Millisecond})
	took := time.Since(start)
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded while the first store is open")
	}
	if !errors.Is(err, ErrLocked) || !errors.Is(err, bolterrors.ErrTimeout) {
		t.Fatalf("second Open: %v, want ErrLocked wrapping bbolt.ErrTimeout", err)
	}
	if took > time.Second {
		t.Errorf("second Open took %v with a 100ms timeout", took)
	}
	if !strings.Contains(err.Error(), "in use by another Aula") {
		t.Errorf("message %q does not say the file is in use", err)
	}
	// The lock is not damage: the file must be left where it is.
	if m, _ := filepath.Glob(filepath.Join(dir, "*damaged*")); len(m) > 0 {
		t.Errorf("a locked file was moved aside: %v", m)
	}
	// And the first store still works.
	mustAdd(t, s, "Ana", "")
}

func TestDamagedFileStartsFresh(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	garbage := bytes.Repeat([]byte("not a bolt file\x00\xff"), 2000)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}

	s := openAt(t, dir)
	rec := s.Recovered()
	if rec == nil {
		t.Fatal("Recovered() = nil after opening garbage")
	}
	if rec.FromBackup || !rec.BackupTime.IsZero() {
		t.Errorf("FromBackup = %v, BackupTime = %v with no backup", rec.FromBackup, rec.BackupTime)
	}
	if want := path + ".damaged-20260314-093001"; rec.DamagedPath != want {
		t.Errorf("DamagedPath = %q, want %q", rec.DamagedPath, want)
	}
	got, err := os.ReadFile(rec.DamagedPath)
	if err != nil || !bytes.Equal(got, garbage) {
		t.Errorf("damaged file not kept as it was (err %v)", err)
	}
	ls, err := s.Learners()
	if err != nil || len(ls) != 0 {
		t.Errorf("fresh file: Learners() = %v, %v", ls, err)
	}
	mustAdd(t, s, "Ana", "") // and it works
}

func TestDamagedFileRestoresBackup(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ana := mustAdd(t, s, "Ana", "1234")
	if err := s.Backup(); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	bak := s.Path() + ".bak"
	ownerOnly(t, bak, 0o600)
	mustAdd(t, s, "Bruno", "") // after the backup: lost with the damaged file
	closeChecked(t, s)

	fi, err := os.Stat(bak)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), bytes.Repeat([]byte{0xde, 0xad}, 10000), 0o600); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, dir)
	rec := s.Recovered()
	if rec == nil || !rec.FromBackup {
		t.Fatalf("Recovered() = %+v, want FromBackup", rec)
	}
	if !rec.BackupTime.Equal(fi.ModTime()) {
		t.Errorf("BackupTime = %v, want the backup's mtime %v", rec.BackupTime, fi.ModTime())
	}
	if _, err := os.Stat(rec.DamagedPath); err != nil {
		t.Errorf("damaged file: %v", err)
	}
	ls, err := s.Learners()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || ls[0].ID != ana.ID || ls[0].Name != "Ana" {
		t.Fatalf("restored learners = %+v, want only Ana", ls)
	}
	if ok, err := s.CheckPIN(ana.ID, "1234"); !ok || err != nil {
		t.Errorf("CheckPIN after restore = %v, %v", ok, err)
	}
	ownerOnly(t, s.Path(), 0o600)
}

func TestDamagedBackupToo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	badBak := bytes.Repeat([]byte{1}, 9000)
	if err := os.WriteFile(path, bytes.Repeat([]byte{2}, 9000), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".bak", badBak, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, dir)
	rec := s.Recovered()
	if rec == nil || rec.FromBackup {
		t.Fatalf("Recovered() = %+v, want a fresh file", rec)
	}
	if len(rec.DamagedBackups) != 1 || !strings.HasPrefix(rec.DamagedBackups[0], path+".bak.damaged-") {
		t.Fatalf("DamagedBackups = %v", rec.DamagedBackups)
	}
	if got, _ := os.ReadFile(rec.DamagedBackups[0]); !bytes.Equal(got, badBak) {
		t.Error("the damaged backup was not kept as it was")
	}
	mustAdd(t, s, "Ana", "")
	// New backups never take its place.
	for range backupGenerations + 1 {
		if err := s.Backup(); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(rec.DamagedBackups[0]); !bytes.Equal(got, badBak) {
		t.Error("a new backup overwrote the damaged one")
	}
}

// A file whose meta and freelist pages are fine but whose data pages are not
// opens in bbolt; the check at Open must still catch it.
func TestDamagedPagesAreCaught(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	for _, n := range []string{"Ana", "Bruno", "Carmen"} {
		mustAdd(t, s, n, "")
	}
	path := s.Path()
	closeChecked(t, s)

	// Find the data (leaf and branch) pages.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	var pages []int
	pageSize := db.Info().PageSize
	if err := db.View(func(tx *bbolt.Tx) error {
		for id := 2; ; id++ {
			p, err := tx.Page(id)
			if err != nil || p == nil {
				return err
			}
			if p.Type == "leaf" || p.Type == "branch" {
				pages = append(pages, id)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if len(pages) == 0 {
		t.Fatal("no data pages found")
	}

	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range pages {
		if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, pageSize), int64(id*pageSize)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, dir)
	if s.Recovered() == nil {
		t.Fatal("Recovered() = nil for a file with broken data pages")
	}
	mustAdd(t, s, "Ana", "")
}

func TestBackupIsARollingCopy(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "Ana", "")
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, "Bruno", "")
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	// The backup is a complete bolt file with both learners, and no
	// temporary files are left behind.
	db, err := bbolt.Open(s.Path()+".bak", 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(func(tx *bbolt.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		if n := tx.Bucket(bucketLearners).Stats().KeyN; n != 2 {
			t.Errorf("backup has %d learners, want 2", n)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "*tmp*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
