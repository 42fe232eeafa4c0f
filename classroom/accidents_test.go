package classroom

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aula/store"
)

// Exactly once under the accidents of donated laptops: a data file restored
// from its backup, two laptops made from one copied data folder, a hub that
// dies and comes back while they push. Events are counted on both sides:
// every event recorded is at the hub once, and nowhere twice.

// laptop is a kiosk with its own data folder, which a test can close,
// damage, copy and open again.
type laptop struct {
	dir string
	st  *store.Store
	mu  sync.Mutex
	ids []string // every event recorded, in order
}

func openLaptop(t *testing.T, dir string) *laptop {
	t.Helper()
	st, err := store.Open(dir, store.Options{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &laptop{dir: dir, st: st}
}

// joinLaptop joins the hub with the code and keeps the class in the file,
// as the join screen does.
func joinLaptop(t *testing.T, h *testHub, l *laptop) {
	t.Helper()
	c := &Client{URL: h.srv.URL, Device: l.st.DeviceID()}
	cl, err := c.Join(context.Background(), testCode)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.st.SetClass(cl); err != nil {
		t.Fatal(err)
	}
}

// answer records n answers for learner and remembers their ids.
func (l *laptop) answer(t *testing.T, learner uint64, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		e, err := l.st.Record(store.Event{Learner: learner, Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 4, Attempt: i + 1})
		if err != nil {
			t.Error(err)
			return
		}
		l.mu.Lock()
		l.ids = append(l.ids, e.ID)
		l.mu.Unlock()
	}
}

// sync runs a syncer on the laptop's class (through url when given) until
// stop is called.
func (l *laptop) sync(t *testing.T, url string) (s *Syncer, stop func()) {
	t.Helper()
	c, err := l.st.Class()
	if err != nil {
		t.Fatal(err)
	}
	s = NewSyncer(l.st, nil)
	s.Every, s.Backoff, s.MaxBackoff = 50*time.Millisecond, 10*time.Millisecond, 50*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	s.SetClass(cmpOr(url, c.URL), c.Token)
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return s, stop
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (l *laptop) outboxEmpty() bool {
	out, err := l.st.Outbox(0)
	return err == nil && len(out) == 0
}

// closeAndDamage closes the laptop's file and writes garbage over it.
func (l *laptop) closeAndDamage(t *testing.T) {
	t.Helper()
	if err := l.st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(l.dir, store.FileName), []byte(strings.Repeat("\x00broken", 2048)), 0o600); err != nil {
		t.Fatal(err)
	}
}

// exactlyOnce checks that the hub holds every id in want once, and nothing
// else, for learner of device.
func exactlyOnce(t *testing.T, st *store.Store, device string, learner uint64, want []string) {
	t.Helper()
	hl, err := st.HubLearner(device, learner)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(hl.ID)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range evs {
		count[e.ID]++
	}
	recorded := map[string]bool{}
	lost, twice := 0, 0
	for _, id := range want {
		recorded[id] = true
		if count[id] == 0 {
			lost++
		}
	}
	for id, n := range count {
		switch {
		case !recorded[id]:
			twice += n // no laptop recorded it
		case n > 1:
			twice += n - 1
		}
	}
	if lost != 0 || twice != 0 || len(evs) != len(want) {
		t.Fatalf("hub holds %d events for %d recorded: %d lost, %d duplicated or unknown", len(evs), len(want), lost, twice)
	}
	t.Logf("recorded %d, hub holds %d: 0 lost, 0 duplicated", len(want), len(evs))
}

// The data file is damaged and restored from the backup; the laptop goes
// on. New events do not reuse the ids of the events made after the backup
// (which the hub holds): nothing is lost, nothing doubled.
func TestExactlyOnceAfterRestoringTheBackup(t *testing.T) {
	h := newTestHub(t)
	l := openLaptop(t, t.TempDir())
	joinLaptop(t, h, l)
	ana, err := l.st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	l.answer(t, ana.ID, 5)
	if err := l.st.Backup(); err != nil {
		t.Fatal(err)
	}
	l.answer(t, ana.ID, 5) // after the copy: only the hub will have these
	_, stop := l.sync(t, "")
	waitUntil(t, "the outbox empties", l.outboxEmpty)
	stop()
	device := l.st.DeviceID()
	l.closeAndDamage(t)

	restored := openLaptop(t, l.dir)
	if r := restored.st.Recovered(); r == nil || !r.FromBackup {
		t.Fatalf("Recovered() = %+v", r)
	}
	if restored.st.DeviceID() != device {
		t.Fatal("the restored file has another device id")
	}
	// The copy's outbox still has the first five: the hub confirms them.
	restored.answer(t, ana.ID, 5)
	_, stop = restored.sync(t, "")
	waitUntil(t, "the restored outbox empties", restored.outboxEmpty)
	// The five answers made between the copy and the damage come back
	// from the hub into the laptop's own log.
	all := append(l.ids, restored.ids...)
	waitUntil(t, "the laptop takes back what the hub holds", func() bool {
		evs, _ := restored.st.Events(ana.ID)
		return len(evs) >= len(all)
	})
	stop()
	exactlyOnce(t, h.st, device, ana.ID, all)
	evs, _ := restored.st.Events(ana.ID)
	local := map[string]bool{}
	for _, e := range evs {
		local[e.ID] = true
	}
	for _, id := range all {
		if !local[id] {
			t.Errorf("the laptop's log lacks %s", id)
		}
	}
	if len(evs) != len(all) {
		t.Errorf("the laptop's log has %d events, want %d", len(evs), len(all))
	}
	p, err := restored.st.LessonProgress(ana.ID, "teclado")
	if err != nil || p.Attempts != 15 {
		t.Errorf("progress after taking back: %d attempts, want 15 (%v)", p.Attempts, err)
	}
}

// Two laptops prepared from one copied data folder: same device id, same
// token, same learner. Both push at once; the events of both arrive.
func TestExactlyOnceFromTwoClonedLaptops(t *testing.T) {
	h := newTestHub(t)
	a := openLaptop(t, t.TempDir())
	joinLaptop(t, h, a)
	ana, err := a.st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	a.answer(t, ana.ID, 3)
	_, stop := a.sync(t, "")
	waitUntil(t, "the first outbox empties", a.outboxEmpty)
	stop()
	if err := a.st.Close(); err != nil {
		t.Fatal(err)
	}
	cloneDir := t.TempDir()
	copyFile(t, filepath.Join(a.dir, store.FileName), filepath.Join(cloneDir, store.FileName))
	first := a.ids
	a = openLaptop(t, a.dir)
	b := openLaptop(t, cloneDir)
	if a.st.DeviceID() != b.st.DeviceID() {
		t.Fatal("the clone has its own device id")
	}
	pushBoth(t, a, b, ana.ID, "", nil)
	exactlyOnce(t, h.st, a.st.DeviceID(), ana.ID, concat(first, a.ids, b.ids))
	// And on the laptops' side, each keeps its own.
	for _, l := range []*laptop{a, b} {
		evs, err := l.st.Events(ana.ID)
		if err != nil || len(evs) != len(first)+len(l.ids) {
			t.Errorf("a laptop holds %d events, want %d (%v)", len(evs), len(first)+len(l.ids), err)
		}
	}

	// Each laptop signs up a new learner: two people, never one at the hub.
	luis, err := a.st.AddLearner("Luis", "")
	if err != nil {
		t.Fatal(err)
	}
	marta, err := b.st.AddLearner("Marta", "")
	if err != nil {
		t.Fatal(err)
	}
	a.ids, b.ids = nil, nil
	a.answer(t, luis.ID, 3)
	b.answer(t, marta.ID, 4)
	for _, l := range []*laptop{a, b} {
		_, stop := l.sync(t, "")
		waitUntil(t, "the outbox empties", l.outboxEmpty)
		stop()
	}
	exactlyOnce(t, h.st, a.st.DeviceID(), luis.ID, a.ids)
	exactlyOnce(t, h.st, a.st.DeviceID(), marta.ID, b.ids)
	hl, _ := h.st.HubLearner(a.st.DeviceID(), luis.ID)
	hm, _ := h.st.HubLearner(a.st.DeviceID(), marta.ID)
	if hl.Name != "Luis" || hm.Name != "Marta" || hl.ID == hm.ID {
		t.Errorf("the hub knows %+v and %+v", hl, hm)
	}
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// pushBoth has both laptops answer 40 times while they sync; middle, if
// set, runs once the hub holds some of them. It returns when both outboxes
// are empty.
func pushBoth(t *testing.T, a, b *laptop, learner uint64, url string, middle func()) {
	t.Helper()
	sa, stopA := a.sync(t, url)
	sb, stopB := b.sync(t, url)
	var wg sync.WaitGroup
	for _, p := range []struct {
		l *laptop
		s *Syncer
	}{{a, sa}, {b, sb}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 8 {
				p.l.answer(t, learner, 5)
				p.s.Kick()
			}
		}()
	}
	if middle != nil {
		middle()
	}
	wg.Wait()
	sa.Kick()
	sb.Kick()
	waitUntil(t, "both outboxes empty", func() bool { return a.outboxEmpty() && b.outboxEmpty() })
	stopA()
	stopB()
}

// lossy serves the hub but, while drop is above zero, loses the answer to
// a push after the hub has handled it (the connection breaks on the way
// back), and can be switched to another hub.
type lossy struct {
	mu    sync.Mutex
	h     http.Handler
	down  atomic.Bool
	drop  atomic.Int64
	lost  atomic.Int64
	calls atomic.Int64
}

func (s *lossy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.down.Load() {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return
	}
	s.mu.Lock()
	h := s.h
	s.mu.Unlock()
	if r.URL.Path == PathPush {
		s.calls.Add(1)
		if s.drop.Add(-1) >= 0 {
			h.ServeHTTP(httptest.NewRecorder(), r)
			s.lost.Add(1)
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
	}
	h.ServeHTTP(w, r)
}

// The hub dies (its data file closed, its answers lost) and a new hub
// process opens the same file, while two laptops from one cloned folder
// push: the answers the kiosks never heard are confirmed on the retry as
// duplicates, and nothing is lost or doubled.
func TestExactlyOnceWhenTheHubDiesWhileBothPush(t *testing.T) {
	h := newTestHub(t)
	hubDir := filepath.Dir(h.st.Path())
	sw := &lossy{h: h.Handler()}
	srv := httptest.NewServer(sw)
	defer srv.Close()

	a := openLaptop(t, t.TempDir())
	joinLaptop(t, h, a)
	ana, err := a.st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.st.Close(); err != nil {
		t.Fatal(err)
	}
	cloneDir := t.TempDir()
	copyFile(t, filepath.Join(a.dir, store.FileName), filepath.Join(cloneDir, store.FileName))
	a = openLaptop(t, a.dir)
	b := openLaptop(t, cloneDir)
	device := a.st.DeviceID()

	sw.drop.Store(4) // the first answers are lost on the way back
	var hubNow *store.Store
	pushBoth(t, a, b, ana.ID, srv.URL, func() {
		waitUntil(t, "some events reach the hub", func() bool {
			hl, err := h.st.HubLearner(device, ana.ID)
			if err != nil {
				return false
			}
			evs, _ := h.st.Events(hl.ID)
			return len(evs) >= 10
		})
		// Kill: the door shuts, the file is closed mid-class.
		sw.down.Store(true)
		if err := h.st.Close(); err != nil {
			t.Error(err)
		}
		// Restart: a new hub over the same file.
		st, err := store.Open(hubDir, store.Options{Timeout: 2 * time.Second})
		if err != nil {
			t.Error(err)
			return
		}
		t.Cleanup(func() { st.Close() })
		h2, err := NewHub(st, HubOptions{Code: testCode, Wait: time.Second, Fingerprint: h.pin})
		if err != nil {
			t.Error(err)
			return
		}
		hubNow = st
		sw.mu.Lock()
		sw.h = h2.Handler()
		sw.mu.Unlock()
		sw.drop.Store(2) // and again after the restart
		sw.down.Store(false)
	})
	if hubNow == nil {
		t.Fatal("the hub did not restart")
	}
	if sw.lost.Load() < 4 {
		t.Errorf("only %d answers were lost on the way back", sw.lost.Load())
	}
	exactlyOnce(t, hubNow, device, ana.ID, concat(a.ids, b.ids))
}

// A laptop reads back only its own events, and only with its own token.
func TestEventsAreOnlyTheLaptopsOwn(t *testing.T) {
	h := newTestHub(t)
	ctx := context.Background()
	a, b := h.join(t), h.join(t)
	for _, k := range []kiosk{a, b} {
		l, _ := k.st.AddLearner("Ana", "")
		record(t, k.st, store.Event{Learner: l.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 3})
		if _, err := k.c.Push(ctx, outboxPush(t, k)); err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.c.Events(ctx, time.Time{}, "")
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := a.st.Outbox(0)
	if len(r.Events) != 1 || r.Events[0].ID != mine[0].ID || r.Next != "" {
		t.Fatalf("a laptop's events: %+v", r)
	}
	stolen := &Client{URL: h.srv.URL, Device: b.c.Device, Token: a.c.Token, Pin: h.pin}
	if _, err := stolen.Events(ctx, time.Time{}, ""); !errors.Is(err, ErrNotJoined) {
		t.Errorf("another laptop's events with this token: %v", err)
	}
	if _, err := a.c.Events(ctx, time.Time{}, "not-a-cursor"); err == nil {
		t.Error("a bad cursor was accepted")
	}
}
