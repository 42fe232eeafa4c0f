package classroom

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aula/store"
)

// inbox collects what a syncer sends to the screen.
type inbox chan any

func (in inbox) send(m any) { in <- m }

// waitFor reads messages until ok says yes, failing after a deadline.
func (in inbox) waitFor(t *testing.T, what string, ok func(any) bool) any {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case m := <-in:
			if ok(m) {
				return m
			}
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func isState(s State) func(any) bool {
	return func(m any) bool { sm, ok := m.(StatusMsg); return ok && sm.State == s }
}

// switchable serves the hub, or fails every request while down.
type switchable struct {
	mu      sync.Mutex
	h       http.Handler
	down    atomic.Bool
	refused atomic.Int64 // requests that met a closed door
}

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.down.Load() {
		s.refused.Add(1)
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return
	}
	s.mu.Lock()
	h := s.h
	s.mu.Unlock()
	h.ServeHTTP(w, r)
}

func startSyncer(t *testing.T, k *store.Store, url, token string) (*Syncer, inbox) {
	t.Helper()
	in := make(inbox, 100)
	s := NewSyncer(k, in.send)
	s.Every, s.Backoff, s.MaxBackoff = 50*time.Millisecond, 20*time.Millisecond, 100*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	s.SetClass(url, token)
	return s, in
}

func hubEvents(t *testing.T, h *Hub, device string, learner uint64) []store.Event {
	t.Helper()
	l, err := h.st.HubLearner(device, learner)
	if err != nil {
		return nil
	}
	evs, err := h.st.Events(l.ID)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// A week offline, then the hub goes down and up again in the middle of
// class: every event arrives once, and the kiosk's state follows.
func TestSyncerDeliversEverythingOnceThroughOutages(t *testing.T) {
	h := newTestHub(t)
	sw := &switchable{h: h.Handler()}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	// At home, offline: 250 events, more than one batch.
	for i := 0; i < 250; i++ {
		record(t, k.st, store.Event{Learner: ana.ID, Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 4, Attempt: i + 1, Mistake: "sin-arroba"})
	}
	sw.down.Store(true)
	s, in := startSyncer(t, k.st, srv.URL, k.c.Token)
	waitUntil(t, "the syncer knocks", func() bool { return sw.refused.Load() > 0 })
	if s.State() != Offline {
		t.Fatalf("state with the hub down: %v", s.State())
	}
	if out, _ := k.st.Outbox(0); len(out) != 250 {
		t.Fatalf("outbox with the hub down: %d", len(out))
	}

	sw.down.Store(false)
	s.Kick()
	in.waitFor(t, "connected", isState(Connected))
	waitUntil(t, "the outbox empties", func() bool { out, _ := k.st.Outbox(0); return len(out) == 0 })
	if n := len(hubEvents(t, h.Hub, k.c.Device, ana.ID)); n != 250 {
		t.Fatalf("hub has %d events, want 250", n)
	}

	// The hub goes away; the learner goes on; nothing waits.
	sw.down.Store(true)
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.HelpAsked})
	s.Kick()
	in.waitFor(t, "offline again", isState(Offline))
	if out, _ := k.st.Outbox(0); len(out) != 1 {
		t.Fatalf("outbox while offline: %d events, want 1", len(out))
	}
	sw.down.Store(false)
	s.Kick()
	waitUntil(t, "the help event arrives", func() bool { return len(hubEvents(t, h.Hub, k.c.Device, ana.ID)) == 251 })
	evs := hubEvents(t, h.Hub, k.c.Device, ana.ID)
	seen := map[string]bool{}
	for _, e := range evs {
		if seen[e.ID] {
			t.Fatalf("event %s stored twice", e.ID)
		}
		seen[e.ID] = true
	}
}

func TestSyncerPresenceAndCommands(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	s, in := startSyncer(t, k.st, h.srv.URL, k.c.Token)
	// Connected, and the first answer to a poll telling the kiosk the
	// class is not paused: two loops say them, in either order.
	var connected, resumed bool
	in.waitFor(t, "connected and the initial state", func(m any) bool {
		if isState(Connected)(m) {
			connected = true
		}
		if c, ok := m.(CommandMsg); ok && c.Command.Kind == CmdResume {
			resumed = true
		}
		return connected && resumed
	})

	s.SetPresence(Presence{Learner: ana.ID, Name: "Ana", Screen: "home", Help: true, HelpWait: 5})
	waitUntil(t, "the raised hand reaches the dashboard", func() bool {
		snap, _ := h.Snapshot(context.Background())
		return len(snap.Rows) == 1 && snap.Rows[0].Has(FlagHelp)
	})
	snap, _ := h.Snapshot(context.Background())
	if err := h.Send(context.Background(), Command{Kind: CmdAckHelp, To: snap.Rows[0].Target()}); err != nil {
		t.Fatal(err)
	}
	m := in.waitFor(t, "the acknowledgement", func(m any) bool { c, ok := m.(CommandMsg); return ok && c.Command.Kind == CmdAckHelp })
	if to := m.(CommandMsg).Command.To; to != Target(k.c.Device, ana.ID) {
		t.Errorf("ack went to %q", to)
	}
	if err := h.Send(context.Background(), Command{Kind: CmdMessage, Text: "¡Muy bien!"}); err != nil {
		t.Fatal(err)
	}
	in.waitFor(t, "the message", func(m any) bool { c, ok := m.(CommandMsg); return ok && c.Command.Text == "¡Muy bien!" })

	// The laptop is removed from the class (joined again elsewhere with a
	// new token): the kiosk hears it must join again.
	if _, err := h.st.AddDevice(k.c.Device); err != nil {
		t.Fatal(err)
	}
	s.SetPresence(Presence{Learner: ana.ID, Name: "Ana", Screen: "home"})
	in.waitFor(t, "refused", isState(Refused))
	s.SetClass("", "")
	if s.State() != NoClass {
		t.Errorf("state after leaving the class: %v", s.State())
	}
}

// waitUntil polls cond (a state the test cannot be told about) with a deadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The hub restarts (same data file, new process): the kiosk keeps its token,
// takes the new hub's state (the old pause is over) and goes on pushing.
func TestSyncerSurvivesAHubRestart(t *testing.T) {
	h := newTestHub(t)
	sw := &switchable{h: h.Handler()}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	if err := h.Send(context.Background(), Command{Kind: CmdPause, Text: "Mirad aquí"}); err != nil {
		t.Fatal(err)
	}
	s, in := startSyncer(t, k.st, srv.URL, k.c.Token)
	in.waitFor(t, "the pause", func(m any) bool { c, ok := m.(CommandMsg); return ok && c.Command.Kind == CmdPause })

	// Restart: a new hub over the same store, with a later clock.
	h.clock.Advance(time.Hour)
	h2, err := NewHub(h.st, HubOptions{Code: "999999", Now: h.clock.Now, Wait: 2 * time.Second, Fingerprint: h.pin})
	if err != nil {
		t.Fatal(err)
	}
	sw.mu.Lock()
	sw.h = h2.Handler()
	sw.mu.Unlock()
	in.waitFor(t, "the end of the old pause", func(m any) bool { c, ok := m.(CommandMsg); return ok && c.Command.Kind == CmdResume })

	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 9})
	s.Kick()
	waitUntil(t, "the event reaches the restarted hub", func() bool { return len(hubEvents(t, h2, k.c.Device, ana.ID)) == 1 })
	if err := h2.Send(context.Background(), Command{Kind: CmdMessage, Text: "Seguimos"}); err != nil {
		t.Fatal(err)
	}
	in.waitFor(t, "a message from the restarted hub", func(m any) bool { c, ok := m.(CommandMsg); return ok && c.Command.Text == "Seguimos" })
}

// A laptop whose date was wrong for a while, offline, its results arriving
// late: the hub refuses only the events with a time far from its clock;
// the rest arrive, the refused ones stay in the outbox, are told to the
// screen and go again later (here the hub's clock was the wrong one, and is
// put right): every event arrives once.
func TestSyncerHoldsEventsTheHubRefusesAndGoesOn(t *testing.T) {
	h := newTestHub(t)
	sw := &switchable{h: h.Handler()}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	ahead := time.Now().UTC().Add(3 * 24 * time.Hour)
	for i := 0; i < 43; i++ {
		e := store.Event{Learner: ana.ID, Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 4, Attempt: i + 1}
		if i < 3 {
			e.At = ahead // the first three while the date was wrong
		}
		record(t, k.st, e)
	}
	sw.down.Store(true)
	in := make(inbox, 100)
	s := NewSyncer(k.st, in.send)
	s.Every, s.Backoff, s.MaxBackoff, s.HoldFor = time.Hour, 20*time.Millisecond, 100*time.Millisecond, 300*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	s.SetClass(srv.URL, k.c.Token)
	waitUntil(t, "the syncer knocks", func() bool { return sw.refused.Load() > 0 })
	sw.down.Store(false) // the results arrive late
	s.Kick()
	m := in.waitFor(t, "the held events told", func(m any) bool { _, ok := m.(HeldMsg); return ok }).(HeldMsg)
	if m.Count != 3 || m.Reason != ReasonClock {
		t.Fatalf("held: %+v, want 3 for the clock", m)
	}
	waitUntil(t, "the other 40 arrive", func() bool { return len(hubEvents(t, h.Hub, k.c.Device, ana.ID)) == 40 })
	out, _ := k.st.Outbox(0)
	if len(out) != 3 {
		t.Fatalf("outbox keeps %d events, want the 3 refused", len(out))
	}
	for _, e := range out {
		if !e.At.Equal(ahead) {
			t.Fatalf("the outbox kept %v, not a refused event", e.At)
		}
	}
	// The hub's clock is put right: the held events go again and arrive.
	h.clock.Advance(3 * 24 * time.Hour)
	in.waitFor(t, "nothing held any more", func(m any) bool { hm, ok := m.(HeldMsg); return ok && hm.Count == 0 })
	waitUntil(t, "the outbox empties", func() bool { out, _ := k.st.Outbox(0); return len(out) == 0 })
	evs := hubEvents(t, h.Hub, k.c.Device, ana.ID)
	seen := map[string]bool{}
	for _, e := range evs {
		if seen[e.ID] {
			t.Fatalf("event %s stored twice", e.ID)
		}
		seen[e.ID] = true
	}
	if len(evs) != 43 {
		t.Fatalf("hub has %d events, want 43", len(evs))
	}
}

// A new kiosk in the class of an old hub: the hub refuses its pushes as bad
// requests. The kiosk says the hub is too old, keeps everything and asks
// again only after a while, not in a loop; once the hub takes the results
// (updated), it is connected and the outbox empties.
func TestSyncerSaysWhenTheHubIsTooOld(t *testing.T) {
	h := newTestHub(t)
	var old atomic.Bool
	old.Store(true)
	var pushes atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == PathPush {
			pushes.Add(1)
			if old.Load() { // what an Aula before random event ids answered
				writeError(w, http.StatusBadRequest, "bad event: the id is not this device's")
				return
			}
		}
		h.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.HelpAsked})
	in := make(inbox, 100)
	s := NewSyncer(k.st, in.send)
	s.Every, s.Backoff, s.MaxBackoff, s.HoldFor = 20*time.Millisecond, 5*time.Millisecond, 10*time.Millisecond, 400*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	s.SetClass(srv.URL, k.c.Token)
	in.waitFor(t, "the hub is too old", isState(HubTooOld))
	// Presence goes on (the hub answers it) without hiding the state, and
	// the push is not retried in a loop: with a 5 ms backoff a loop would
	// knock dozens of times while presence reports 10 times.
	for i := 0; i < 10; i++ {
		s.SetPresence(Presence{Screen: "home", Learner: uint64(i%2) + 1, Name: "Ana"})
		time.Sleep(10 * time.Millisecond) // presence pace, not synchronisation
	}
	if s.State() != HubTooOld {
		t.Fatalf("state after presence: %v", s.State())
	}
	if n := pushes.Load(); n > 2 {
		t.Fatalf("%d pushes to a hub that refuses them: a retry loop", n)
	}
	if out, _ := k.st.Outbox(0); len(out) != 1 {
		t.Fatalf("outbox: %d, want the event kept", len(out))
	}
	old.Store(false) // the hub is updated
	in.waitFor(t, "connected", isState(Connected))
	waitUntil(t, "the outbox empties", func() bool { out, _ := k.st.Outbox(0); return len(out) == 0 })
}

// A hub of an older Aula does not know certificate_issued and answers the
// whole push with a bad request: the kiosk keeps the certificate for later
// and the rest of its results go on, the connection shown as working. Once
// the hub is updated the certificate goes too, with its itinerary and
// reference.
func TestSyncerKeepsCertificatesForAnOlderHub(t *testing.T) {
	h := newTestHub(t)
	var old atomic.Bool
	old.Store(true)
	var refusedPushes atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == PathPush && old.Load() {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if bytes.Contains(body, []byte(`"kind":"certificate_issued"`)) { // what an Aula before certificates answered
				refusedPushes.Add(1)
				writeError(w, http.StatusBadRequest, `bad event: unknown kind "certificate_issued"`)
				return
			}
		}
		h.Handler().ServeHTTP(w, r)
	}))
	defer srv.Close()
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.LessonDone, Lesson: "teclado", Steps: 4})
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.CertificateIssued, Itinerary: "primeros-pasos", Certificate: "0123456789abcdef"})
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.HelpAsked})
	in := make(inbox, 100)
	s := NewSyncer(k.st, in.send)
	s.Every, s.Backoff, s.MaxBackoff, s.HoldFor = 20*time.Millisecond, 5*time.Millisecond, 10*time.Millisecond, 300*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	s.SetClass(srv.URL, k.c.Token)

	// The hub stores them, then the kiosk hears so and empties its outbox:
	// wait for both, the second comes later.
	waitUntil(t, "the other results reach the older hub and leave the outbox", func() bool {
		out, _ := k.st.Outbox(0)
		return len(hubEvents(t, h.Hub, k.c.Device, ana.ID)) == 2 && len(out) == 1
	})
	if s.State() == HubTooOld {
		t.Error("the kiosk says the hub is too old although it takes everything else")
	}
	out, _ := k.st.Outbox(0)
	if len(out) != 1 || out[0].Kind != store.CertificateIssued {
		t.Fatalf("outbox %+v, want only the certificate kept", out)
	}
	if n := refusedPushes.Load(); n != 1 {
		t.Errorf("%d pushes with the certificate before HoldFor, want 1", n)
	}
	for len(in) > 0 {
		if m := <-in; m != nil {
			if _, held := m.(HeldMsg); held {
				t.Errorf("the screen was told of held results: %+v", m)
			}
		}
	}

	old.Store(false) // the hub is updated
	waitUntil(t, "the certificate reaches the hub", func() bool { out, _ := k.st.Outbox(0); return len(out) == 0 })
	evs := hubEvents(t, h.Hub, k.c.Device, ana.ID)
	i := slices.IndexFunc(evs, func(e store.Event) bool { return e.Kind == store.CertificateIssued })
	if i < 0 || evs[i].Itinerary != "primeros-pasos" || evs[i].Certificate != "0123456789abcdef" {
		t.Errorf("hub events %+v, want the certificate of primeros-pasos", evs)
	}
}

// A hub of a centre that sends names says so (aula hub --xapi-names); the
// syncer tells the kiosk's screen, which asks its learners; the learner's
// answer reaches the hub as an event. A hub that does not, says not.
func TestSyncerSaysWhetherTheCentreSendsNames(t *testing.T) {
	for _, on := range []bool{true, false} {
		h := newTestHub(t, func(o *HubOptions) { o.Names = on })
		k := h.join(t)
		ana, _ := k.st.AddLearner("Ana", "")
		s, in := startSyncer(t, k.st, h.srv.URL, k.c.Token)
		m := in.waitFor(t, "word on names", func(m any) bool { _, ok := m.(NamesMsg); return ok })
		if got := m.(NamesMsg).On; got != on {
			t.Fatalf("the hub sends names: %v; the kiosk heard %v", on, got)
		}
		if !on {
			continue
		}
		record(t, k.st, store.Event{Learner: ana.ID, Kind: store.NamesConsent, Consent: true})
		s.Kick()
		waitUntil(t, "the answer at the hub", func() bool {
			for _, e := range hubEvents(t, h.Hub, k.c.Device, ana.ID) {
				if e.Kind == store.NamesConsent && e.Consent {
					return true
				}
			}
			return false
		})
	}
}
