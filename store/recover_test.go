package store

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// A hub lists a device's events page by page, as the kiosk sent them; the
// kiosk takes back only what it lacks, without sending it again.
// checkDeviceEventPages: the hub lists the events of device dev, all of
// evs and no others, 3 a page; it returns them.
func checkDeviceEventPages(t *testing.T, hub *Store, dev string, evs []Event) []Event {
	t.Helper()
	var got []Event
	after, pages := "", 0
	for {
		page, next, err := hub.DeviceEvents(dev, time.Time{}, after, 3)
		if err != nil {
			t.Fatal(err)
		}
		got, pages = append(got, page...), pages+1
		if next == "" {
			break
		}
		after = next
	}
	if pages != 3 || len(got) != len(evs) {
		t.Fatalf("%d events in %d pages, want %d in 3", len(got), pages, len(evs))
	}
	sent := map[string]Event{}
	for _, e := range evs {
		sent[e.ID] = e
	}
	for _, e := range got {
		want, ok := sent[e.ID]
		if !ok || string(eventHash(dev, e)) != string(eventHash(dev, want)) {
			t.Errorf("listed %+v, sent %+v", e, want)
		}
		delete(sent, e.ID)
	}
	return got
}

// checkTakeBack: a kiosk that lost the last four of evs takes them back
// from the hub's list got, once.
func checkTakeBack(t *testing.T, ana, bea Learner, evs, got []Event) {
	t.Helper()
	fresh := openTemp(t)
	fb := bea
	if err := fresh.db.Update(func(tx *bbolt.Tx) error { // the copy had both learners
		for _, l := range []Learner{ana, bea} {
			if err := put(tx.Bucket(bucketLearners), u64(l.ID), l); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, e := range evs[:4] {
		e.ID = "" // Record gives it a new one: these stand for what the copy had
		mustRecord(t, fresh, e)
	}
	n, err := fresh.TakeBack(got)
	if err != nil || n != len(evs) {
		t.Fatalf("TakeBack = %d, %v", n, err)
	}
	if n, err := fresh.TakeBack(got); err != nil || n != 0 {
		t.Fatalf("TakeBack again = %d, %v", n, err)
	}
	if out, _ := fresh.Outbox(0); len(out) != 4 {
		t.Errorf("the outbox has %d events: taken back ones must not go again", len(out))
	}
	if p, _ := fresh.LessonProgress(fb.ID, "raton"); p.Status != InProgress {
		t.Errorf("Bea's progress after taking back: %+v", p)
	}
}

func TestDeviceEventsAndTakeBack(t *testing.T) {
	kiosk, hub, other := openTemp(t), openTemp(t), openTemp(t)
	ana, evs := kioskEvents(t, kiosk, "Ana", 6) // 7 events
	bea := mustAdd(t, kiosk, "Bea", "")
	evs = append(evs, mustRecord(t, kiosk, Event{Learner: bea.ID, Kind: LessonStarted, Lesson: "raton", Steps: 2}))
	who := []RemoteLearner{{ID: ana.ID, Name: "Ana"}, {ID: bea.ID, Name: "Bea"}}
	if _, err := hub.Ingest(kiosk.DeviceID(), who, evs); err != nil {
		t.Fatal(err)
	}
	// Another laptop's events are never listed for this one.
	o, oevs := kioskEvents(t, other, "Olga", 2)
	if _, err := hub.Ingest(other.DeviceID(), []RemoteLearner{{ID: o.ID, Name: "Olga"}}, oevs); err != nil {
		t.Fatal(err)
	}

	got := checkDeviceEventPages(t, hub, kiosk.DeviceID(), evs)
	if late, _, _ := hub.DeviceEvents(kiosk.DeviceID(), evs[7].At, "", 100); len(late) != 1 || late[0].ID != evs[7].ID {
		t.Errorf("events since the last one's time: %+v", late)
	}
	if _, _, err := hub.DeviceEvents(kiosk.DeviceID(), time.Time{}, "zz", 3); !errors.Is(err, ErrBadEvent) {
		t.Errorf("a bad cursor: %v", err)
	}

	checkTakeBack(t, ana, bea, evs, got)
}

// What a hub answers is outside input for the kiosk: any decoded event
// list is taken back without a panic, and only valid events of known
// learners get in.
func FuzzTakeBack(f *testing.F) {
	f.Add(`[{"id":"0123456789abcdef0123456789abcdef","seq":1,"learner":1,"kind":"lesson_started","lesson":"x"}]`)
	f.Add(`[{"id":"a:1","seq":1,"learner":2,"kind":"answer","lesson":"x"}]`)
	f.Add(`[{"id":"","learner":1,"kind":"nope"}]`)
	s := openTemp(f)
	mustAdd(f, s, "Ana", "")
	f.Fuzz(func(t *testing.T, body string) {
		var evs []Event
		if json.Unmarshal([]byte(body), &evs) != nil {
			return
		}
		if _, err := s.TakeBack(evs); err != nil {
			t.Fatalf("TakeBack: %v", err)
		}
		all, err := s.Events(1)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range all {
			if validEvent(e) != nil {
				t.Fatalf("an invalid event got in: %+v", e)
			}
		}
		if _, _, err := s.DeviceEvents("0011223344556677", time.Time{}, body, 2); err != nil && !errors.Is(err, ErrBadEvent) {
			t.Fatalf("DeviceEvents with cursor %q: %v", body, err)
		}
	})
}
