package store

import (
	"testing"
	"time"
)

// Three wrong PINs lock the name until PINLockFor has passed or the
// trainer changes or removes the PIN, and the lock is in the file: a
// restart does not lift it (issue 19, item 17).
func TestPINLockSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ana := mustAdd(t, s, "Ana", "4821")
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	try := func(s *Store, pin string, at time.Time) PINTry {
		t.Helper()
		r, err := s.TryPIN(ana.ID, pin, at)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := try(s, "0000", now); r.OK || r.Left != 2 {
		t.Fatalf("first wrong PIN: %+v", r)
	}
	if r := try(s, "1111", now); r.Left != 1 {
		t.Fatalf("second wrong PIN: %+v", r)
	}
	if r := try(s, "2222", now); !r.Until.Equal(now.Add(PINLockFor)) {
		t.Fatalf("third wrong PIN: %+v, want locked until %v", r, now.Add(PINLockFor))
	}
	closeChecked(t, s)

	s = openAt(t, dir)
	defer closeChecked(t, s)
	l, _ := s.Learner(ana.ID)
	if !l.Locked(now.Add(time.Minute)) {
		t.Fatal("after a restart the name is not locked")
	}
	// While locked even the right PIN does not open it.
	if r := try(s, "4821", now.Add(14*time.Minute)); r.OK || r.Until.IsZero() {
		t.Fatalf("the right PIN while locked: %+v", r)
	}
	// Once the time has passed, the right PIN works and the count is new.
	if r := try(s, "4821", now.Add(PINLockFor)); !r.OK {
		t.Fatalf("the right PIN after the pause: %+v", r)
	}
	if l, _ := s.Learner(ana.ID); l.PINLock != (PINLock{}) {
		t.Errorf("after a right PIN the lock is %+v", l.PINLock)
	}

	// Locked again, the trainer removes the PIN: the lock goes with it.
	for range MaxPINTries {
		try(s, "9999", now.Add(time.Hour))
	}
	if l, _ := s.Learner(ana.ID); !l.Locked(now.Add(time.Hour)) {
		t.Fatal("not locked after 3 more wrong PINs")
	}
	if err := s.SetPIN(ana.ID, ""); err != nil {
		t.Fatal(err)
	}
	if r := try(s, "", now.Add(time.Hour)); !r.OK {
		t.Errorf("after the trainer removed the PIN: %+v", r)
	}
	if l, _ := s.Learner(ana.ID); l.Locked(now.Add(time.Hour)) {
		t.Error("still locked after the trainer removed the PIN")
	}
}
