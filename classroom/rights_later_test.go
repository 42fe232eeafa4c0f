package classroom

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"aula/store"
)

// The trainer erases Rosa while her laptop is away; the hub restarts (its
// command log is gone, its file stays); her laptop comes back with nothing
// new to push: the hub's answer still names her, the laptop erases her,
// tells its screen, and confirms, and then nothing waits at the hub.
func TestTrainersErasureReachesALaptopBackAfterAHubRestart(t *testing.T) {
	h := newTestHub(t)
	sw := &switchable{h: h.Handler()}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	ctx := context.Background()
	k := h.join(t)
	rosa, _ := k.st.AddLearner("Rosa", "")
	ana, _ := k.st.AddLearner("Ana", "")
	record(t, k.st, store.Event{Learner: rosa.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	if _, err := k.c.Push(ctx, outboxPush(t, k)); err != nil {
		t.Fatal(err)
	}
	if err := k.st.AckOutbox(); err != nil {
		t.Fatal(err)
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdErase, To: Target(k.c.Device, rosa.ID)}); err != nil {
		t.Fatal(err)
	}
	// The hub restarts over the same data folder.
	dir := filepath.Dir(h.st.Path())
	if err := h.st.Close(); err != nil {
		t.Fatal(err)
	}
	st2, err := store.Open(dir, store.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	h2, err := NewHub(st2, HubOptions{Code: "999999", Now: h.clock.Now, Wait: 2 * time.Second, Fingerprint: h.pin})
	if err != nil {
		t.Fatal(err)
	}
	sw.mu.Lock()
	sw.h = h2.Handler()
	sw.mu.Unlock()
	if ids, _ := st2.PendingErasures(k.c.Device); !slices.Equal(ids, []uint64{rosa.ID}) {
		t.Fatalf("after the restart the hub waits for %v", ids)
	}
	// Her laptop comes back.
	_, in := startSyncer(t, k.st, srv.URL, k.c.Token)
	in.waitFor(t, "the screen hears of Rosa's erasure", func(m any) bool {
		c, ok := m.(CommandMsg)
		return ok && c.Command.Kind == CmdErase && c.Command.To == Target(k.c.Device, rosa.ID)
	})
	waitUntil(t, "her laptop erases her and the hub hears it done", func() bool {
		_, err := k.st.Learner(rosa.ID)
		ids, _ := st2.PendingErasures(k.c.Device)
		return errors.Is(err, store.ErrNotFound) && len(ids) == 0
	})
	if _, err := k.st.Learner(ana.ID); err != nil {
		t.Errorf("Ana went too: %v", err)
	}
}

// The hub's retention reaches the laptops of its class with every answer;
// a laptop in the class applies it at its next start (its own setting
// stays as it was); the dry run lists without erasing; a laptop outside
// the class keeps its own setting.
func TestHubRetentionReachesTheClassAndAppliesAtStart(t *testing.T) {
	h := newTestHub(t)
	if err := h.st.SaveCentre(store.Centre{Name: "La Almozara", RetainMonths: 6}); err != nil {
		t.Fatal(err)
	}
	k := h.join(t)
	old, _ := k.st.AddLearner("Antigua", "")
	recent, _ := k.st.AddLearner("Reciente", "")
	record(t, k.st, store.Event{Learner: old.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4, At: time.Now().AddDate(-1, 0, 0)})
	record(t, k.st, store.Event{Learner: recent.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	alone := openStore(t) // a laptop in no class, with the same old learner
	lone, _ := alone.AddLearner("Antigua", "")
	record(t, alone, store.Event{Learner: lone.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4, At: time.Now().AddDate(-1, 0, 0)})

	startSyncer(t, k.st, h.srv.URL, k.c.Token)
	waitUntil(t, "the laptop hears the class's retention", func() bool {
		c, _ := k.st.Centre()
		return c.ClassRetain != nil && *c.ClassRetain == 6
	})
	c, _ := k.st.Centre()
	if c.RetainMonths != 0 || c.Retention(true) != 6 {
		t.Fatalf("the laptop's centre: %+v", c)
	}
	// The dry run: who would go, nobody erased.
	would, err := k.st.Inactive(store.RetentionCutoff(time.Now(), c.Retention(true)))
	if err != nil || len(would) != 1 || would[0].Name != "Antigua" {
		t.Fatalf("the dry run lists %+v, %v", would, err)
	}
	if _, err := k.st.Learner(old.ID); err != nil {
		t.Fatalf("the dry run erased: %v", err)
	}
	// At the laptop's next start (main's openStore), the retention goes.
	gone, err := k.st.ApplyRetention()
	if err != nil || len(gone) != 1 || gone[0].Name != "Antigua" {
		t.Fatalf("at start: %+v, %v", gone, err)
	}
	if _, err := k.st.Learner(recent.ID); err != nil {
		t.Errorf("a recent learner went: %v", err)
	}
	if gone, err := alone.ApplyRetention(); err != nil || len(gone) != 0 {
		t.Errorf("a laptop in no class took the class's retention: %+v, %v", gone, err)
	}
}
