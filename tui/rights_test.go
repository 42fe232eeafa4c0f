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

// The trainer joins Pepe (signed in) into Pepe García: signed out, merged.
func TestTrainerJoinsTwoProfiles(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	pepe, _ := st.AddLearner("Pepe", "")
	full, _ := st.AddLearner("Pepe García", "")
	if _, err := st.Record(store.Event{Learner: pepe.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4}); err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "en", Class: &fakeClass{}})
	d.keys("enter") // Pepe
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdMerge, To: classroom.Target(st.DeviceID(), pepe.ID), Text: classroom.Target(st.DeviceID(), full.ID)}})
	if _, err := st.Learner(pepe.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Pepe after the merge: %v", err)
	}
	if evs, _ := st.Events(full.ID); len(evs) != 1 {
		t.Errorf("Pepe García's events: %d", len(evs))
	}
	if d.m.c.Learner != nil {
		t.Error("still signed in as the profile that went")
	}
	d.send(classroom.CommandMsg{Command: classroom.Command{Kind: classroom.CmdRename, To: classroom.Target(st.DeviceID(), full.ID), Text: "José García"}})
	if l, _ := st.Learner(full.ID); l.Name != "José García" {
		t.Errorf("renamed: %q", l.Name)
	}
}
