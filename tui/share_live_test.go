package tui

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/classroom/share"
	"aula/store"
)

// liveClass is a real hub on loopback HTTPS that records every request
// body it reads and counts every byte on its connections, a kiosk's
// syncer joined to it, and the trainer's client.
type liveClass struct {
	hub     *classroom.Hub
	hubSt   *store.Store
	srv     *httptest.Server
	trainer *classroom.Client
	syncer  *classroom.Syncer
	msgs    chan any
	wire    atomic.Int64 // bytes both ways on the hub's connections
	mu      sync.Mutex
	bodies  []string // "path body", in the order the hub read them
}

func newLiveClass(tb testing.TB, kiosk *store.Store) *liveClass {
	tb.Helper()
	hubSt, err := store.Open(tb.TempDir(), store.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := classroom.HubCert(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	fp, _ := classroom.CertFingerprint(cert)
	h, err := classroom.NewHub(hubSt, classroom.HubOptions{Code: "482913", Fingerprint: fp, Wait: 5 * time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	key, _, err := hubSt.TrainerKey()
	if err != nil {
		tb.Fatal(err)
	}
	lc := &liveClass{hub: h, hubSt: hubSt, msgs: make(chan any, 1000)}
	srv := httptest.NewUnstartedServer(lc.record(h.Handler()))
	srv.TLS = classroom.ServerTLS(cert)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // connections closed at the end
	srv.Listener = &countingListener{Listener: srv.Listener, n: &lc.wire}
	srv.StartTLS()
	lc.srv = srv
	c := &classroom.Client{URL: srv.URL, Device: kiosk.DeviceID()}
	cl, err := c.Join(context.Background(), "482913")
	if err != nil {
		tb.Fatal(err)
	}
	if err := kiosk.SetClass(cl); err != nil {
		tb.Fatal(err)
	}
	lc.syncer = classroom.NewSyncer(kiosk, func(m any) {
		select {
		case lc.msgs <- m:
		default:
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { lc.syncer.Run(ctx); close(done) }()
	lc.syncer.SetClass(srv.URL, c.Token)
	lc.trainer = &classroom.Client{URL: srv.URL, Token: key, Pin: fp}
	tb.Cleanup(func() { cancel(); <-done; srv.Close(); hubSt.Close() })
	return lc
}

// record keeps every request body the hub reads.
func (lc *liveClass) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, classroom.MaxBody+1))
		lc.mu.Lock()
		lc.bodies = append(lc.bodies, r.URL.Path+" "+string(body))
		lc.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func (lc *liveClass) traffic() []string {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	return append([]string(nil), lc.bodies...)
}

// until hands the kiosk what its syncer says until ok says yes.
func (lc *liveClass) until(tb testing.TB, d *driver, what string, ok func(any) bool) {
	tb.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case m := <-lc.msgs:
			d.send(m)
			if ok(m) {
				return
			}
		case <-deadline:
			tb.Fatalf("timed out waiting for %s", what)
		}
	}
}

// ask has the trainer ask to see the learner's screen once the hub knows
// them, and the kiosk receive the question.
func (lc *liveClass) ask(tb testing.TB, d *driver) string {
	tb.Helper()
	to := classroom.Target(d.st.DeviceID(), d.m.c.Learner.ID)
	var id string
	deadline := time.Now().Add(10 * time.Second)
	for {
		var err error
		if id, err = lc.trainer.AskShare(context.Background(), to, "Ana"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			tb.Fatalf("ask: %v", err)
		}
		lc.syncer.SetPresence(classroom.Presence{Learner: d.m.c.Learner.ID, Name: d.m.c.Learner.Name, Screen: "home"})
		time.Sleep(10 * time.Millisecond) // the presence loop's next round: polled, bounded by the deadline
	}
	lc.until(tb, d, "the question", func(m any) bool {
		c, ok := m.(classroom.CommandMsg)
		return ok && c.Command.Kind == classroom.CmdShareAsk
	})
	return id
}

// follow watches share id until the trainer's copy satisfies ok.
func (lc *liveClass) follow(tb testing.TB, id string, c *share.Screen, ok func(share.Update) bool) {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		u, err := lc.trainer.WatchShare(ctx, id, c.Seq)
		cancel()
		if err == nil {
			c.Apply(u)
			if ok(u) {
				return
			}
		}
	}
	tb.Fatalf("the trainer's copy never came: %q", c.Text())
}

type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countingConn{Conn: c, n: l.n}, nil
}

type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.n.Add(int64(n))
	return n, err
}

// The practice password a learner types, shown on their screen with F3,
// never leaves the kiosk: not in any request the hub read, not in what the
// hub holds, not in its data file, not in the trainer's copy, which shows
// dots. Nothing went before the yes, and no frame after the stop.
func TestShareMaskedPasswordNeverLeavesTheKiosk(t *testing.T) {
	dir := t.TempDir()
	d := atPasswordStep(t, dir, "es")
	lc := newLiveClass(t, d.st)
	d.m.cfg.Class = lc.syncer
	d.keys("Zorr")
	id := lc.ask(t, d)
	d.keys("left", "enter")
	d.must("Ana ve tu pantalla")
	secret := "Zorro-Violín-Ñandú-42"
	d.clock.Advance(time.Second) // the driver's timers never fire: copies wait for the clock
	d.keys("f3")
	for _, r := range strings.TrimPrefix(secret, "Zorr") {
		d.clock.Advance(time.Second) // a learner types slower than share.SendEvery
		d.keys(string(r))
	}
	d.must(secret) // shown to the learner (F3)
	var copy share.Screen
	dots := strings.Repeat("•", len([]rune(secret)))
	lc.follow(t, id, &copy, func(share.Update) bool { return strings.Contains(copy.Text(), dots) })
	if !strings.Contains(copy.Text(), "Ana ve tu pantalla") || !strings.Contains(copy.Text(), "Contraseña") {
		t.Errorf("the trainer's copy is not the learner's screen:\n%s", copy.Text())
	}
	d.keys("f8")
	d.must("Has dejado de compartir")
	d.keys("x", "y")
	lc.follow(t, id, &copy, func(u share.Update) bool { return u.State == share.Ended })

	bodies := lc.traffic()
	nothingLeaked(t, lc, bodies, copy.Text(), secret)
	framesWhileAllowed(t, bodies)
}

// nothingLeaked fails if any part of secret is in a request the hub read,
// in what the hub holds, in its data file or in the trainer's copy.
func nothingLeaked(t *testing.T, lc *liveClass, bodies []string, copy, secret string) {
	t.Helper()
	held := lc.hub.Held()
	lc.hubSt.Close()
	raw, err := os.ReadFile(lc.hubSt.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{secret, "Zorro", "Violín", "Ñandú", "Viol"} {
		for _, b := range bodies {
			if strings.Contains(b, part) || strings.Contains(b, strings.ToLower(part)) {
				t.Errorf("a request to the hub carries %q: %.200s", part, b)
			}
		}
		if strings.Contains(held, part) || bytes.Contains(raw, []byte(part)) || strings.Contains(copy, part) {
			t.Errorf("%q reached the hub's memory, its data file or the trainer", part)
		}
	}
}

// framesWhileAllowed fails unless every frame the hub read came after the
// yes and before the stop, and some did.
func framesWhileAllowed(t *testing.T, bodies []string) {
	t.Helper()
	allowed, stopped, frames := -1, -1, 0
	for i, b := range bodies {
		switch {
		case strings.HasPrefix(b, classroom.PathShareAnswer) && strings.Contains(b, `"allow":true`):
			allowed = i
		case strings.HasPrefix(b, classroom.PathShareAnswer):
			stopped = i
		case strings.HasPrefix(b, classroom.PathShareFrame):
			frames++
			if allowed < 0 || stopped >= 0 {
				t.Errorf("request %d is a frame outside the yes and the stop", i)
			}
		}
	}
	if allowed < 0 || stopped < allowed || frames == 0 {
		t.Errorf("allowed at %d, stopped at %d, %d frames", allowed, stopped, frames)
	}
}

// BenchmarkShareKeyToTrainer measures, on loopback with TLS, the time
// from a key on the kiosk to the trainer's copy showing it (ns/op), and
// the bytes on the wire per key, both ways (B/key), and per minute of
// sharing at the benchmark's pace (kB/min, pauses included). "paced" leaves
// 100 ms between keys (untimed), a quick learner; "burst" sends the next
// key as soon as the copy showed the last, so each waits out the syncer's
// share.SendEvery.
func BenchmarkShareKeyToTrainer(b *testing.B) {
	for _, bc := range []struct {
		name string
		gap  time.Duration
	}{{"paced", 100 * time.Millisecond}, {"burst", 0}} {
		b.Run(bc.name, func(b *testing.B) { benchShare(b, bc.gap) })
	}
}

func benchShare(b *testing.B, gap time.Duration) {
	st, err := store.Open(b.TempDir(), store.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	d := newDriverWith(b, st, Config{Lang: "es"})
	lc := newLiveClass(b, st)
	d.m.cfg.Class = lc.syncer
	d.signUp("Rosa")
	id := lc.ask(b, d)
	d.keys("left", "enter")
	var copy share.Screen
	lc.follow(b, id, &copy, func(share.Update) bool { return strings.Contains(copy.Text(), "Ana ve tu pantalla") })
	whole := 0
	for _, body := range lc.traffic() {
		if strings.HasPrefix(body, classroom.PathShareFrame) {
			whole = len(body) - len(classroom.PathShareFrame) - 1
			break
		}
	}
	keys := []string{"down", "up"}
	marks := []string{"▶ Primeros pasos", "▶ Empieza por aquí"}
	wire, start := lc.wire.Load(), time.Now()
	b.ResetTimer()
	for i := range b.N {
		if gap > 0 {
			b.StopTimer()
			time.Sleep(gap) // the learner's pace, not a wait for a result
			b.StartTimer()
		}
		d.clock.Advance(300 * time.Millisecond)
		d.send(keyOf(keys[i%2]))
		lc.follow(b, id, &copy, func(share.Update) bool { return strings.Contains(copy.Text(), marks[i%2]) })
	}
	b.StopTimer()
	sent := float64(lc.wire.Load() - wire)
	b.ReportMetric(sent/float64(b.N), "B/key")
	b.ReportMetric(sent/time.Since(start).Minutes()/1000, "kB/min") // at this pace, pauses included
	b.ReportMetric(float64(whole), "B/whole-frame")
}

func keyOf(k string) tea.Msg {
	if k == "down" {
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyUp}
}
