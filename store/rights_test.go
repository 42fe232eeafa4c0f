package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// holds reports which of the learner's traces a file still has: the name,
// the id as 8 bytes (keys) and the id in decimal (JSON values).
func holds(t *testing.T, path, name string, id uint64) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	if bytes.Contains(b, []byte(name)) {
		found = append(found, "name")
	}
	if bytes.Contains(b, u64(id)) {
		found = append(found, "id bytes")
	}
	if bytes.Contains(b, []byte(fmt.Sprint(id))) {
		found = append(found, "id number")
	}
	return found
}

func TestEraseLeavesNothingInTheFileAndBackupsRotateItOut(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	if err := s.SetClass(Class{URL: "https://127.0.0.1:7420", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	const name = "Zacarías Quintanilla"
	zac, _ := kioskEvents(t, s, name, 4)
	keep, _ := kioskEvents(t, s, "Rosa", 2)
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	er, err := s.EraseLearner(zac.ID)
	if err != nil || er.Name != name || er.Events != 5 {
		t.Fatalf("EraseLearner = %+v, %v", er, err)
	}
	checkGoneFromStore(t, s, zac.ID)
	if toks, _ := s.ErasuresToSend(); !slices.Equal(toks, []string{ErasureToken(s.DeviceID(), zac.ID)}) {
		t.Errorf("ErasuresToSend = %v", toks)
	}
	closeChecked(t, s)
	path := filepath.Join(dir, FileName)
	if got := holds(t, path, name, zac.ID); len(got) > 0 {
		t.Errorf("the data file still holds the erased learner's %v", got)
	}
	if got := holds(t, path, "Rosa", keep.ID); len(got) != 3 {
		t.Errorf("Rosa's traces: %v, want all three (the search works)", got)
	}
	// The copy made before the erasure holds them until it rotates out:
	// three more backups.
	if got := holds(t, path+backupSuffix, name, zac.ID); len(got) == 0 {
		t.Fatal("the old copy should still hold the learner")
	}
	s = openAt(t, dir)
	for i := range BackupGenerations {
		if err := s.Backup(); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if got := holds(t, path+backupSuffix, name, zac.ID); len(got) > 0 {
				t.Errorf("a copy made after the erasure holds %v", got)
			}
		}
	}
	for _, bak := range backupPaths(path) {
		if got := holds(t, bak, name, zac.ID); len(got) > 0 {
			t.Errorf("%s holds %v after %d backups", filepath.Base(bak), got, BackupGenerations)
		}
	}
	if l, err := s.Learner(keep.ID); err != nil || l.Name != "Rosa" {
		t.Errorf("Rosa after the erasure: %+v, %v", l, err)
	}
}

func TestHubErasesOnlyTheAskingLaptopsLearner(t *testing.T) {
	kiosk, other, hub := openTemp(t), openTemp(t), openTemp(t)
	hub.SetStatements(func(in StatementInput) ([]Statement, error) {
		return []Statement{{ID: in.Event.ID, Body: []byte(`{"actor":"` + in.Actor + `"}`)}}, nil
	})
	const name = "Eufrasia Lobato"
	l, evs := kioskEvents(t, kiosk, name, 3)
	dev := kiosk.DeviceID()
	who := []RemoteLearner{{ID: l.ID, Name: name}}
	if _, err := hub.Ingest(dev, who, evs); err != nil {
		t.Fatal(err)
	}
	hl, err := hub.HubLearner(dev, l.ID)
	if err != nil {
		t.Fatal(err)
	}
	tok := ErasureToken(dev, l.ID)
	// Another laptop names her, with her laptop's token or its own: nobody.
	for _, tk := range []string{tok, ErasureToken(other.DeviceID(), l.ID)} {
		if n, err := hub.EraseFromDevice(other.DeviceID(), []string{tk}); err != nil || n != 0 {
			t.Fatalf("another laptop erased %d (%v)", n, err)
		}
	}
	if _, err := hub.Learner(hl.ID); err != nil {
		t.Fatalf("erased by another laptop: %v", err)
	}
	if _, err := hub.EraseFromDevice(dev, []string{"not hex"}); !errors.Is(err, ErrBadEvent) {
		t.Errorf("a bad token: %v", err)
	}
	if n, err := hub.EraseFromDevice(dev, []string{tok}); err != nil || n != 1 {
		t.Fatalf("EraseFromDevice = %d, %v", n, err)
	}
	if _, err := hub.HubLearner(dev, l.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("HubLearner after the erasure: %v", err)
	}
	if _, err := hub.Learner(hl.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Learner after the erasure: %v", err)
	}
	// A late push of hers (a kiosk that was offline) is confirmed, not kept.
	res, err := hub.Ingest(dev, who, evs)
	if err != nil || res.Stored != 0 || len(res.Confirmed) != len(evs) {
		t.Fatalf("late push: %+v, %v", res, err)
	}
	if _, err := hub.HubLearner(dev, l.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the late push brought her back: %v", err)
	}
	if all, _ := hub.AllProgress(); len(all) != 0 {
		t.Errorf("hub learners after: %+v", all)
	}
	// The pseudonym is forgotten; the statements keep only it.
	replay, err := hub.ReplayStatements(func(StatementInput) ([]Statement, error) { return nil, nil }, time.Time{}, time.Now())
	if err != nil || len(replay) != 0 {
		t.Errorf("replay: %v, %v", replay, err)
	}
	path := hub.Path()
	closeChecked(t, hub)
	if got := holds(t, path, name, l.ID); len(got) > 0 {
		t.Errorf("the hub's file holds %v", got)
	}
}

func TestMergeKeepsEveryEventOnce(t *testing.T) {
	kiosk, hub := openTemp(t), openTemp(t)
	if err := kiosk.SetClass(Class{URL: "https://127.0.0.1:7420", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	a, _ := kioskEvents(t, kiosk, "Begona", 3)
	b, _ := kioskEvents(t, kiosk, "Begoña", 2)
	dev := kiosk.DeviceID()
	push := func() {
		t.Helper()
		out, _ := kiosk.Outbox(0)
		ls, _ := kiosk.Learners()
		var who []RemoteLearner
		for _, l := range ls {
			who = append(who, RemoteLearner{ID: l.ID, Name: l.Name})
		}
		toks, _ := kiosk.ErasuresToSend()
		if _, err := hub.EraseFromDevice(dev, toks); err != nil {
			t.Fatal(err)
		}
		_ = kiosk.ErasuresSent(toks)
		res, err := hub.Ingest(dev, who, out)
		if err != nil || len(res.Collisions) > 0 {
			t.Fatalf("push: %+v, %v", res, err)
		}
		if err := kiosk.AckOutbox(res.Confirmed...); err != nil {
			t.Fatal(err)
		}
	}
	push() // both at the hub
	mustRecord(t, kiosk, Event{Learner: a.ID, Kind: LessonDone, Lesson: "teclado", Steps: 5})
	before := map[string]bool{}
	for _, id := range []uint64{a.ID, b.ID} {
		evs, _ := kiosk.Events(id)
		for _, e := range evs {
			before[e.ID] = true
		}
	}
	moved, err := kiosk.MergeLearners(a.ID, b.ID)
	if err != nil || moved != 5 {
		t.Fatalf("MergeLearners = %d, %v", moved, err)
	}
	if _, err := kiosk.Learner(a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Begona is still there: %v", err)
	}
	evs, _ := kiosk.Events(b.ID)
	after := map[string]bool{}
	for _, e := range evs {
		if after[e.ID] {
			t.Errorf("event %s twice", e.ID)
		}
		after[e.ID] = true
	}
	if len(evs) != len(before) || !mapsEqual(before, after) {
		t.Errorf("after the merge %d events, want the %d of both", len(evs), len(before))
	}
	if p, _ := kiosk.LessonProgress(b.ID, "teclado"); p.Status != Done {
		t.Errorf("Begoña's progress: %+v, want the lesson Begona finished", p)
	}
	push()
	checkHubHoldsOnce(t, hub, dev, b.ID, before)
	if _, err := kiosk.MergeLearners(b.ID, b.ID); !errors.Is(err, ErrSameLearner) {
		t.Errorf("merge into oneself: %v", err)
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func TestRenameLearner(t *testing.T) {
	s := openTemp(t)
	a := mustAdd(t, s, "Begona", "")
	mustAdd(t, s, "Rosa", "")
	if err := s.RenameLearner(a.ID, "  Begoña "); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Learner(a.ID); l.Name != "Begoña" {
		t.Errorf("renamed: %q", l.Name)
	}
	if err := s.RenameLearner(a.ID, "rosa"); !errors.Is(err, ErrNameTaken) {
		t.Errorf("to a taken name: %v", err)
	}
	if err := s.RenameLearner(a.ID, "BEGOÑA"); err != nil {
		t.Errorf("to its own name in capitals: %v", err)
	}
	if err := s.RenameLearner(a.ID, "\x1b[2J"); !errors.Is(err, ErrBadName) {
		t.Errorf("to an escape: %v", err)
	}
	if err := s.RenameLearner(999, "Ana"); !errors.Is(err, ErrNotFound) {
		t.Errorf("nobody: %v", err)
	}
}

func TestRetention(t *testing.T) {
	s := openTemp(t)
	old := mustAdd(t, s, "Antigua", "")
	mustRecord(t, s, Event{Learner: old.ID, Kind: LessonStarted, Lesson: "teclado", At: time.Date(2025, 11, 1, 10, 0, 0, 0, time.UTC)})
	recent := mustAdd(t, s, "Reciente", "")
	mustRecord(t, s, Event{Learner: recent.ID, Kind: LessonStarted, Lesson: "teclado"})
	mustAdd(t, s, "Nueva", "") // no events, created now
	if gone, err := s.ApplyRetention(); err != nil || len(gone) != 0 {
		t.Fatalf("no retention set: %v, %v", gone, err)
	}
	ls, err := s.Inactive(RetentionCutoff(time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC), 3))
	if err != nil || len(ls) != 1 || ls[0].ID != old.ID {
		t.Fatalf("Inactive = %+v, %v", ls, err)
	}
	if err := s.SaveCentre(Centre{Name: "La Almozara", RetainMonths: 3}); err != nil {
		t.Fatal(err)
	}
	gone, err := s.ApplyRetention()
	if err != nil || len(gone) != 1 || gone[0].Name != "Antigua" {
		t.Fatalf("ApplyRetention = %+v, %v", gone, err)
	}
	if all, _ := s.Learners(); len(all) != 2 {
		t.Errorf("left: %+v", all)
	}
}

func TestLearnerRecord(t *testing.T) {
	s := openTemp(t)
	l, _ := kioskEvents(t, s, "Ana", 2)
	r, err := s.LearnerRecord(l.ID)
	if err != nil || r.Learner.Name != "Ana" || len(r.Events) != 3 || len(r.Progress) != 1 {
		t.Fatalf("LearnerRecord = %+v, %v", r, err)
	}
}

// checkGoneFromStore: learner id has no record, events or outbox entries;
// Rosa's 3 events wait in the outbox.
func checkGoneFromStore(t *testing.T, s *Store, id uint64) {
	t.Helper()
	if _, err := s.Learner(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("the learner is still there: %v", err)
	}
	evs, _ := s.Events(id)
	out, _ := s.Outbox(0)
	for _, e := range out {
		if e.Learner == id {
			t.Errorf("outbox still holds %+v", e)
		}
	}
	if len(evs) != 0 || len(out) != 3 {
		t.Errorf("after the erasure: %d events of theirs, outbox %d (want 0, Rosa's 3)", len(evs), len(out))
	}
}

// checkHubHoldsOnce: the hub holds learner id of dev with each event of
// want exactly once, and nobody else.
func checkHubHoldsOnce(t *testing.T, hub *Store, dev string, id uint64, before map[string]bool) {
	t.Helper()
	hb, err := hub.HubLearner(dev, id)
	if err != nil {
		t.Fatal(err)
	}
	hevs, _ := hub.Events(hb.ID)
	got := map[string]int{}
	for _, e := range hevs {
		got[e.ID]++
	}
	for eid := range before {
		if got[eid] != 1 {
			t.Errorf("the hub holds event %s %d times", eid, got[eid])
		}
	}
	if len(hevs) != len(before) {
		t.Errorf("the hub holds %d events for Begoña, want %d", len(hevs), len(before))
	}
	if all, _ := hub.AllProgress(); len(all) != 1 {
		t.Errorf("hub learners after the merge: %d, want 1", len(all))
	}
}

// A backup made after an erasure, before the file is closed and rewritten,
// is a compacted copy: the freed pages' old bytes do not go into it.
func TestBackupAfterAnErasureHoldsNothingOfThem(t *testing.T) {
	s := openTemp(t)
	const name = "Eleuteria Vázquez"
	l, _ := kioskEvents(t, s, name, 3)
	if _, err := s.EraseLearner(l.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if got := holds(t, s.Path()+backupSuffix, name, l.ID); len(got) > 0 {
		t.Errorf("the copy holds %v", got)
	}
	if err := checkFile(s.Path() + backupSuffix); err != nil {
		t.Errorf("the copy does not check: %v", err)
	}
}

// The hub's retention lets its copy of a kiosk's learner go without a
// tombstone: the laptop, back after months away, brings them back.
func TestHubRetentionIsNoErasureRequest(t *testing.T) {
	kiosk, hub := openTemp(t), openTemp(t)
	l := mustAdd(t, kiosk, "Vuelve", "")
	old := mustRecord(t, kiosk, Event{Learner: l.ID, Kind: LessonStarted, Lesson: "teclado", At: time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)})
	who := []RemoteLearner{{ID: l.ID, Name: l.Name}}
	if _, err := hub.Ingest(kiosk.DeviceID(), who, []Event{old}); err != nil {
		t.Fatal(err)
	}
	if err := hub.SaveCentre(Centre{RetainMonths: 6}); err != nil {
		t.Fatal(err)
	}
	if gone, err := hub.ApplyRetention(); err != nil || len(gone) != 1 {
		t.Fatalf("ApplyRetention = %+v, %v", gone, err)
	}
	fresh := mustRecord(t, kiosk, Event{Learner: l.ID, Kind: LessonStarted, Lesson: "correo-leer"})
	res, err := hub.Ingest(kiosk.DeviceID(), who, []Event{fresh})
	if err != nil || res.Stored != 1 || len(res.Erased) != 0 {
		t.Fatalf("the push after: %+v, %v", res, err)
	}
	if _, err := hub.HubLearner(kiosk.DeviceID(), l.ID); err != nil {
		t.Errorf("not back: %v", err)
	}
}
