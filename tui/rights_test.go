package tui

import (
	"errors"
	"testing"

	"aula/classroom"
	"aula/store"
)

// The trainer erases a learner from the dashboard: the kiosk erases its
// own record; the learner signed in is signed out first; a command for
// another laptop erases nothing.
func TestTrainerErasesALearner(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	pepe, err := st.AddLearner("Pepe", "")
	if err != nil {
		t.Fatal(err)
	}
	rosa, err := st.AddLearner("Rosa", "")
	if err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "en", Class: &fakeClass{}})
	d.keys("down", "enter") // Rosa signs in
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdErase, To: classroom.Target("0000000000000000", pepe.ID)}})
	if _, err := st.Learner(pepe.ID); err != nil {
		t.Fatal("a command for another laptop erased Pepe")
	}
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdErase, To: classroom.Target(st.DeviceID(), pepe.ID)}})
	if _, err := st.Learner(pepe.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Pepe after the erasure: %v", err)
	}
	d.must("Rosa")
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdErase, To: classroom.Target(st.DeviceID(), rosa.ID)}})
	if _, err := st.Learner(rosa.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Rosa after the erasure: %v", err)
	}
	if d.m.c.Learner != nil {
		t.Error("Rosa is still signed in after her erasure")
	}
	d.mustNot("Rosa")
}
