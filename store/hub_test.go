package store

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// kioskEvents records n answers for a new learner on a kiosk store and
// returns the learner and the outbox, as a kiosk would push them.
func kioskEvents(t *testing.T, k *Store, name string, n int) (Learner, []Event) {
	t.Helper()
	l := mustAdd(t, k, name, "")
	mustRecord(t, k, Event{Learner: l.ID, Kind: LessonStarted, Lesson: "teclado", Steps: 5})
	for i := 0; i < n; i++ {
		mustRecord(t, k, Event{Learner: l.ID, Kind: Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Attempt: i + 1, Mistake: "sin-arroba"})
	}
	evs, err := k.Outbox(0)
	if err != nil {
		t.Fatal(err)
	}
	return l, evs
}

func TestIngestIsExactlyOnce(t *testing.T) {
	kiosk, hub := openTemp(t), openTemp(t)
	ana, evs := kioskEvents(t, kiosk, "Ana", 3)
	dev := kiosk.DeviceID()
	who := []RemoteLearner{{ID: ana.ID, Name: ana.Name}}

	res, err := hub.Ingest(dev, who, evs)
	if err != nil || res.Stored != 4 || res.Duplicates != 0 {
		t.Fatalf("first push: %+v, %v", res, err)
	}
	// The kiosk did not hear the answer and sends the same batch again,
	// with one new event: only the new one is stored.
	mustRecord(t, kiosk, Event{Learner: ana.ID, Kind: Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 5, Attempt: 4, Correct: true})
	evs, _ = kiosk.Outbox(0)
	res, err = hub.Ingest(dev, who, evs)
	if err != nil || res.Stored != 1 || res.Duplicates != 4 {
		t.Fatalf("retried push: %+v, %v", res, err)
	}

	checkHubCopy(t, hub, dev, ana.ID, evs)
	// Same name on another laptop: a different learner, no name clash.
	kiosk2 := openTemp(t)
	ana2, evs2 := kioskEvents(t, kiosk2, "Ana", 1)
	if _, err := hub.Ingest(kiosk2.DeviceID(), []RemoteLearner{{ID: ana2.ID, Name: "Ana"}}, evs2); err != nil {
		t.Fatal(err)
	}
	if all, _ := hub.AllProgress(); len(all) != 2 {
		t.Errorf("two Anas from two laptops: %d learners", len(all))
	}
	// A local learner called Ana can still be added on the hub's laptop.
	mustAdd(t, hub, "Ana", "")
}

// checkHubCopy: the hub holds learner id of device dev with events evs
// and their progress, sends them nowhere, and keeps them off its own
// sign-in list.
func checkHubCopy(t *testing.T, hub *Store, dev string, id uint64, evs []Event) {
	t.Helper()
	hl, err := hub.HubLearner(dev, id)
	if err != nil || hl.Name != "Ana" || !hl.Remote() {
		t.Fatalf("hub learner: %+v, %v", hl, err)
	}
	got, err := hub.Events(hl.ID)
	if err != nil || len(got) != 5 {
		t.Fatalf("hub events: %d, %v", len(got), err)
	}
	for i, e := range got {
		if e.ID != evs[i].ID || e.Learner != hl.ID {
			t.Errorf("event %d: id %q learner %d, want %q and %d", i, e.ID, e.Learner, evs[i].ID, hl.ID)
		}
	}
	p, err := hub.LessonProgress(hl.ID, "teclado")
	if err != nil || p.Attempts != 4 || p.Mistakes["arroba/sin-arroba"] != 3 || p.StepsDone() != 1 {
		t.Errorf("hub progress: %+v, %v", p, err)
	}
	// The hub does not send its copies anywhere, and its own sign-in list
	// does not show other laptops' learners.
	if out, _ := hub.Outbox(0); len(out) != 0 {
		t.Errorf("hub outbox has %d events", len(out))
	}
	if ls, _ := hub.Learners(); len(ls) != 0 {
		t.Errorf("hub's own learners: %+v", ls)
	}
	if all, _ := hub.AllProgress(); len(all) != 1 || all[0].Learner.Name != "Ana" {
		t.Errorf("hub AllProgress: %+v", all)
	}
}

func TestIngestRejectsOtherDevicesAndStrangers(t *testing.T) {
	kiosk, hub := openTemp(t), openTemp(t)
	ana, evs := kioskEvents(t, kiosk, "Ana", 1)
	who := []RemoteLearner{{ID: ana.ID, Name: "Ana"}}
	other := "0123456789abcdef"
	for name, tc := range map[string]struct {
		dev string
		who []RemoteLearner
		evs []Event
	}{
		"a learner not in the batch":  {kiosk.DeviceID(), []RemoteLearner{{ID: ana.ID + 1, Name: "Pepe"}}, evs},
		"a bad device id":             {"../../etc", who, evs},
		"a bad name":                  {kiosk.DeviceID(), []RemoteLearner{{ID: ana.ID, Name: " "}}, evs},
		"free text as a step id":      {kiosk.DeviceID(), who, []Event{{ID: kiosk.DeviceID() + ":9", Seq: 9, Learner: ana.ID, Kind: Answered, Lesson: "x", Step: "my password is secret"}}},
		"an old id of another device": {kiosk.DeviceID(), who, []Event{{ID: other + ":9", Seq: 9, Learner: ana.ID, Kind: LessonStarted, Lesson: "x"}}},
		"an old id with another seq":  {kiosk.DeviceID(), who, []Event{{ID: kiosk.DeviceID() + ":8", Seq: 9, Learner: ana.ID, Kind: LessonStarted, Lesson: "x"}}},
		"an id that is not hex":       {kiosk.DeviceID(), who, []Event{{ID: strings.Repeat("Z", 32), Seq: 9, Learner: ana.ID, Kind: LessonStarted, Lesson: "x"}}},
	} {
		if _, err := hub.Ingest(tc.dev, tc.who, tc.evs); !errors.Is(err, ErrBadEvent) {
			t.Errorf("%s: %v, want ErrBadEvent", name, err)
		}
	}
	if all, _ := hub.AllProgress(); len(all) != 0 {
		t.Errorf("a refused batch stored something: %+v", all)
	}
}

// Many kiosks pushing at once share commits and lose nothing.
func TestIngestConcurrentKiosks(t *testing.T) {
	hub := openTemp(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	lastIDs := make([]string, 8)
	for i := range lastIDs {
		k := openTemp(t)
		l, evs := kioskEvents(t, k, "Learner", 5)
		lastIDs[i] = evs[len(evs)-1].ID
		wg.Add(1)
		go func() {
			defer wg.Done()
			for try := 0; try < 2; try++ { // the second try is all duplicates
				if _, err := hub.Ingest(k.DeviceID(), []RemoteLearner{{ID: l.ID, Name: l.Name}}, evs); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	all, _ := hub.AllProgress()
	if len(all) != 8 {
		t.Fatalf("%d learners, want 8", len(all))
	}
	for _, lp := range all {
		evs, _ := hub.Events(lp.Learner.ID)
		if len(evs) != 6 {
			t.Errorf("%s/%s: %d events, want 6", lp.Learner.Device, lp.Learner.Name, len(evs))
		}
	}
	for _, id := range lastIDs {
		if !hub.isIngested(id) {
			t.Errorf("event %s not marked ingested", id)
		}
	}
}

// checkDeviceTokens: a device's token lets it in, any other does not,
// joining again replaces it, and tokens are stored hashed.
func checkDeviceTokens(t *testing.T, hub *Store) {
	t.Helper()
	dev := "00112233aabbccdd"
	tok, err := hub.AddDevice(dev)
	if err != nil {
		t.Fatal(err)
	}
	if err := hub.CheckDevice(dev, tok); err != nil {
		t.Errorf("right token refused: %v", err)
	}
	for _, bad := range [][2]string{{dev, "x"}, {"ffffffffffffffff", tok}, {dev, ""}} {
		if err := hub.CheckDevice(bad[0], bad[1]); !errors.Is(err, ErrBadToken) {
			t.Errorf("CheckDevice(%q, %q) = %v", bad[0], bad[1], err)
		}
	}
	// Joining again replaces the token.
	tok2, _ := hub.AddDevice(dev)
	if hub.CheckDevice(dev, tok) == nil || hub.CheckDevice(dev, tok2) != nil {
		t.Error("the old token still works, or the new one does not")
	}
	// Device tokens are stored hashed, never as they are.
	raw := readFile(t, hub.Path())
	for _, secret := range []string{tok, tok2} {
		if strings.Contains(raw, secret) {
			t.Error("a token is stored in clear on the hub")
		}
	}

}

func TestDevicesAndTrainerKey(t *testing.T) {
	hub := openTemp(t)
	key, fresh, err := hub.TrainerKey()
	if err != nil || !fresh || len(key) != 64 {
		t.Fatalf("first TrainerKey: %q %v %v", key, fresh, err)
	}
	if again, fresh, _ := hub.TrainerKey(); again != "" || fresh {
		t.Errorf("the trainer key was given twice")
	}
	other := key[:63] + "0" // the key with another last digit
	if key[63] == '0' {
		other = key[:63] + "1"
	}
	if !hub.CheckTrainerKey(key) || hub.CheckTrainerKey(other) || hub.CheckTrainerKey("") {
		t.Error("CheckTrainerKey accepts the wrong key or refuses the right one")
	}

	checkDeviceTokens(t, hub)
	// The trainer key is kept, for --show-key (the file is the hub's own,
	// owner-only).
	if k, err := hub.KeptTrainerKey(); err != nil || k != key {
		t.Errorf("KeptTrainerKey = %q, %v; want the key", k, err)
	}

	id1, err := hub.HubID()
	if id2, _ := hub.HubID(); err != nil || len(id1) != 16 || id1 != id2 {
		t.Errorf("HubID: %q %q %v", id1, id2, err)
	}
}

func TestClassMembership(t *testing.T) {
	k := openTemp(t)
	if _, err := k.Class(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no class yet: %v", err)
	}
	c := Class{URL: "http://192.168.1.10:7420", Token: "abc"}
	if err := k.SetClass(c); err != nil {
		t.Fatal(err)
	}
	if got, err := k.Class(); err != nil || got.URL != c.URL || got.Token != c.Token {
		t.Errorf("Class() = %+v, %v", got, err)
	}
	if err := k.SetClass(Class{}); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Class(); !errors.Is(err, ErrNotFound) {
		t.Errorf("forgotten class: %v", err)
	}
}

func TestHelpEventsNeedNoLesson(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "")
	mustRecord(t, s, Event{Learner: ana.ID, Kind: HelpAsked})
	mustRecord(t, s, Event{Learner: ana.ID, Kind: HelpCancelled, Lesson: "teclado"})
	if p, _ := s.Progress(ana.ID); len(p) != 0 {
		t.Errorf("help events made progress rows: %+v", p)
	}
	if out, _ := s.Outbox(0); len(out) != 2 {
		t.Errorf("help events not in the outbox: %d", len(out))
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func TestProgressBetween(t *testing.T) {
	s := openTemp(t)
	ana := mustAdd(t, s, "Ana", "")
	mustAdd(t, s, "Pepe", "")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	for _, e := range []Event{
		{Kind: LessonStarted, At: day(20)},
		{Kind: Answered, Step: "a", StepIndex: 0, Attempt: 1, Mistake: "x", At: day(20)},
		{Kind: Answered, Step: "a", StepIndex: 0, Attempt: 2, Correct: true, At: day(24)},
		{Kind: HintShown, Step: "b", StepIndex: 1, At: day(24)},
		{Kind: Answered, Step: "b", StepIndex: 1, Attempt: 1, Correct: true, At: day(25)},
	} {
		e.Learner, e.Lesson, e.Steps = ana.ID, "teclado", 2
		mustRecord(t, s, e)
	}
	got, err := s.ProgressBetween(day(24).Truncate(24*time.Hour), day(25).Truncate(24*time.Hour))
	if err != nil || len(got) != 1 || got[0].Learner.Name != "Ana" || len(got[0].Lessons) != 1 {
		t.Fatalf("ProgressBetween: %+v, %v", got, err)
	}
	p := got[0].Lessons[0]
	if p.Attempts != 1 || p.Hints != 1 || p.StepsDone() != 1 || p.Status != InProgress {
		t.Errorf("the 24th alone: %+v", p)
	}
	if all, _ := s.ProgressBetween(day(1), day(30)); len(all) != 1 || all[0].Lessons[0].Attempts != 3 {
		t.Errorf("the whole month: %+v", all)
	}
}
