package store

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// The trainer's erasure waits in the hub's file for the learner's laptop,
// across a restart of the hub, until that laptop's own request confirms
// it; then nothing waits, and a late push of hers is still dropped.
func TestTrainersErasureWaitsForTheLaptopAcrossARestart(t *testing.T) {
	kiosk, other := openTemp(t), openTemp(t)
	dir := t.TempDir()
	hub := openAt(t, dir)
	l, evs := kioskEvents(t, kiosk, "Eufrasia Lobato", 2)
	dev := kiosk.DeviceID()
	who := []RemoteLearner{{ID: l.ID, Name: l.Name}}
	if _, err := hub.Ingest(dev, who, evs); err != nil {
		t.Fatal(err)
	}
	if err := hub.EraseForTrainer(dev, l.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := hub.HubLearner(dev, l.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the hub's copy after the trainer's erasure: %v", err)
	}
	closeChecked(t, hub)
	hub = openAt(t, dir) // the hub restarts
	if ids, err := hub.PendingErasures(dev); err != nil || !slices.Equal(ids, []uint64{l.ID}) {
		t.Fatalf("waiting for her laptop after the restart: %v, %v", ids, err)
	}
	if ids, _ := hub.PendingErasures(other.DeviceID()); len(ids) != 0 {
		t.Fatalf("waiting for another laptop: %v", ids)
	}
	// Another laptop cannot confirm it.
	if _, err := hub.EraseFromDevice(other.DeviceID(), []string{ErasureToken(dev, l.ID)}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := hub.PendingErasures(dev); len(ids) != 1 {
		t.Fatalf("confirmed by another laptop: %v", ids)
	}
	if _, err := hub.EraseFromDevice(dev, []string{ErasureToken(dev, l.ID)}); err != nil {
		t.Fatal(err)
	}
	if ids, _ := hub.PendingErasures(dev); len(ids) != 0 {
		t.Fatalf("still waiting after her laptop confirmed: %v", ids)
	}
	if res, err := hub.Ingest(dev, who, evs); err != nil || res.Stored != 0 || len(res.Erased) != 1 {
		t.Fatalf("a late push: %+v, %v", res, err)
	}
	closeChecked(t, hub)
}

// A laptop in a class applies the class's retention (as its hub said),
// not its own; out of the class, its own.
func TestClassRetentionOnALaptopInAClass(t *testing.T) {
	s := openTemp(t)
	old := mustAdd(t, s, "Antigua", "")
	mustRecord(t, s, Event{Learner: old.ID, Kind: LessonStarted, Lesson: "teclado", At: time.Date(2025, 11, 1, 10, 0, 0, 0, time.UTC)})
	three := 3
	if err := s.SaveCentre(Centre{RetainMonths: 12, ClassRetain: &three}); err != nil {
		t.Fatal(err)
	}
	if gone, err := s.ApplyRetention(); err != nil || len(gone) != 0 {
		t.Fatalf("out of a class, its own 12 months: %v, %v", gone, err)
	}
	if err := s.SetClass(Class{URL: "https://10.0.0.1:7420", Token: "t", Joined: time.Now()}); err != nil {
		t.Fatal(err)
	}
	gone, err := s.ApplyRetention()
	if err != nil || len(gone) != 1 || gone[0].Name != "Antigua" {
		t.Fatalf("in the class, its 3 months: %v, %v", gone, err)
	}
}
