package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The data file and its copy both damaged, in the ways a copy gets
// damaged: Open starts afresh and says the copy was damaged too (kept
// aside), never that there was no copy, never that an empty copy was
// restored, and never ends the program (a copy cut short made bbolt read
// past its end: SIGBUS). Issue 19, item 16.
func TestBothCopiesDamagedAreTold(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"empty":    func([]byte) []byte { return nil },
		"cut":      func(b []byte) []byte { return b[:len(b)/2] },
		"short":    func(b []byte) []byte { return b[:100] },
		"zeros":    func(b []byte) []byte { return make([]byte, len(b)) },
		"scribble": func(b []byte) []byte { c := bytes.Clone(b); copy(c[8192:], bytes.Repeat([]byte{7}, 4096)); return c },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := openAt(t, dir)
			mustAdd(t, s, "Ana", "")
			if err := s.Backup(); err != nil {
				t.Fatal(err)
			}
			closeChecked(t, s)
			path := filepath.Join(dir, FileName)
			good, err := os.ReadFile(path + backupSuffix)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, path, bytes.Repeat([]byte{2}, 9000))
			writeFile(t, path+backupSuffix, damage(good))

			s = openAt(t, dir)
			defer closeChecked(t, s)
			rec := s.Recovered()
			if rec == nil || rec.FromBackup {
				t.Fatalf("Recovered() = %+v, want a fresh start", rec)
			}
			if len(rec.DamagedBackups) != 1 || !strings.HasPrefix(rec.DamagedBackups[0], path+backupSuffix+damagedSuffix) {
				t.Fatalf("DamagedBackups = %v, want the damaged copy kept aside", rec.DamagedBackups)
			}
		})
	}
}

// A data file cut short, with a sound copy: the copy is restored.
func TestCutShortFileRestoresTheCopy(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	mustAdd(t, s, "Ana", "")
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	closeChecked(t, s)
	path := filepath.Join(dir, FileName)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, raw[:len(raw)/2])
	s = openAt(t, dir)
	defer closeChecked(t, s)
	if rec := s.Recovered(); rec == nil || !rec.FromBackup {
		t.Fatalf("Recovered() = %+v, want the copy restored", rec)
	}
	if ls, _ := s.Learners(); len(ls) != 1 {
		t.Errorf("learners after the restore: %v", ls)
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
