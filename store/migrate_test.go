package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// makeFixture writes a bolt file with raw bbolt, as an older (or newer) Aula
// would have left it.
func makeFixture(t *testing.T, path string, fill func(*bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if fill != nil {
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateFromV0(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	makeFixture(t, path, nil) // schema 0: a bolt file with no buckets at all

	s := openAt(t, dir)
	if s.Recovered() != nil {
		t.Errorf("Recovered() = %+v for an old but healthy file", s.Recovered())
	}
	if err := s.db.View(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketLearners, bucketEvents, bucketProgress, bucketOutbox, bucketDevices, bucketRemote, bucketEventIDs} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing after migrating", b)
			}
		}
		if tx.Bucket(bucketIngested) != nil {
			t.Error("bucket ingested still there after migrating")
		}
		if v := string(tx.Bucket(bucketMeta).Get(keySchemaVersion)); v != "3" {
			t.Errorf("schema_version = %q, want \"3\"", v)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(s.DeviceID()) != 16 {
		t.Errorf("DeviceID() = %q", s.DeviceID())
	}
	mustAdd(t, s, "Ana", "")

	// The copy taken before migrating is the untouched version-0 file.
	pre := path + ".pre-migration-v0"
	ownerOnly(t, pre, 0o600)
	db, err := bbolt.Open(pre, 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatalf("pre-migration copy: %v", err)
	}
	defer db.Close()
	if err := db.View(func(tx *bbolt.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			t.Errorf("pre-migration copy has bucket %s; it should be the file as it was", name)
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}

	// Opening again migrates nothing more.
	closeChecked(t, s)
	if err := os.Remove(pre); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir)
	if _, err := os.Stat(pre); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a current file was copied again before migrating: %v", err)
	}
	if ls, _ := s.Learners(); len(ls) != 1 {
		t.Errorf("learners after reopen: %v", ls)
	}
}

// A schema-1 file, as the first Aula wrote it, keeps its learners, events
// and progress and gains the hub's buckets.
func TestMigrateFromV1(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	makeFixture(t, path, func(tx *bbolt.Tx) error {
		if err := migrate0to1(tx); err != nil {
			return err
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keySchemaVersion, []byte("1")); err != nil {
			return err
		}
		if err := tx.Bucket(bucketLearners).Put(u64(1), []byte(`{"id":1,"name":"Rosa","created":"2026-01-01T10:00:00Z"}`)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketEvents).Put(key2(1, 1), []byte(`{"id":"x:1","seq":1,"learner":1,"kind":"answer","lesson":"teclado","step":"arroba","step_index":2,"steps":5,"attempt":1,"correct":true,"elapsed":0,"at":"2026-01-01T10:01:00Z"}`)); err != nil {
			return err
		}
		return tx.Bucket(bucketProgress).Put(progressKey(1, "teclado"), []byte(`{"learner":1,"lesson":"teclado","status":"in_progress","step":3,"steps":5,"done_steps":["arroba"],"attempts":1}`))
	})
	s := openAt(t, dir)
	defer closeChecked(t, s)
	if _, err := os.Stat(path + ".pre-migration-v1"); err != nil {
		t.Errorf("no copy before migrating: %v", err)
	}
	ls, err := s.Learners()
	if err != nil || len(ls) != 1 || ls[0].Name != "Rosa" || ls[0].Remote() {
		t.Fatalf("learners after migrating: %+v, %v", ls, err)
	}
	p, err := s.LessonProgress(1, "teclado")
	if err != nil || p.Step != 3 || p.StepsDone() != 1 {
		t.Errorf("progress after migrating: %+v, %v", p, err)
	}
	if evs, err := s.Events(1); err != nil || len(evs) != 1 || evs[0].Step != "arroba" {
		t.Errorf("events after migrating: %+v, %v", evs, err)
	}
	if err := s.db.View(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketDevices, bucketRemote, bucketEventIDs} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing after migrating", b)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestTooNewSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "aula.db")
	makeFixture(t, path, func(tx *bbolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		return meta.Put(keySchemaVersion, []byte("99"))
	})

	s, err := Open(dir, Options{Timeout: 100 * time.Millisecond})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded on a schema-99 file")
	}
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("Open: %v, want ErrTooNew", err)
	}
	// A newer file is not damaged: it stays where it is, untouched.
	if m, _ := filepath.Glob(filepath.Join(dir, "aula.db.*")); len(m) > 0 {
		t.Errorf("files made next to a too-new file: %v", m)
	}
	makeFixture(t, path, func(tx *bbolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchemaVersion)); v != "99" {
			t.Errorf("schema_version = %q after the failed Open", v)
		}
		return nil
	})
}

// A migration that panics is treated like damage: the file is moved aside
// (never deleted) and Open does not loop when the fresh file fails too.
func TestMigrationPanicIsContained(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = []func(*bbolt.Tx) error{func(*bbolt.Tx) error { panic("boom") }}

	dir := t.TempDir()
	makeFixture(t, filepath.Join(dir, "aula.db"), nil)
	s, err := Open(dir, Options{Timeout: 100 * time.Millisecond})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded with a panicking migration")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "aula.db.damaged-*")); len(m) != 1 {
		t.Errorf("damaged files: %v, want the original moved aside", m)
	}
}
