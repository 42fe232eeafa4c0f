package classroom

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"

	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"aula/store"
)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testHub is a hub on a real loopback HTTPS server with its own
// certificate, with its trainer key.
type testHub struct {
	*Hub
	srv     *httptest.Server
	trainer *Client
	clock   *fakeClock
	pin     string // the certificate's fingerprint
}

// testCode is the session code of test hubs.
const testCode = "482913"

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newTestHub(t testing.TB, opts ...func(*HubOptions)) *testHub {
	t.Helper()
	st := openStore(t)
	cert, err := HubCert(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	fp, _ := CertFingerprint(cert)
	// The hub's clock starts at the real time (kiosks stamp events with it)
	// and moves only when a test says.
	clk := &fakeClock{now: time.Now().UTC().Truncate(time.Second)}
	opt := HubOptions{Code: testCode, Now: clk.Now, Wait: 2 * time.Second, Fingerprint: fp}
	for _, o := range opts {
		o(&opt)
	}
	h, err := NewHub(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	key, fresh, err := st.TrainerKey()
	if err != nil || !fresh {
		t.Fatal("no trainer key", err)
	}
	srv := httptest.NewUnstartedServer(h.Handler())
	srv.TLS = ServerTLS(cert)
	srv.Config.ErrorLog = quiet // attacks hang up mid-handshake
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return &testHub{Hub: h, srv: srv, trainer: &Client{URL: srv.URL, Token: key, Pin: fp}, clock: clk, pin: fp}
}

// kiosk is a learner laptop: its own store and a client that joined.
type kiosk struct {
	st *store.Store
	c  *Client
}

func (h *testHub) join(t testing.TB) kiosk {
	t.Helper()
	st := openStore(t)
	c := &Client{URL: h.srv.URL, Device: st.DeviceID()}
	cl, err := c.Join(context.Background(), testCode)
	if err != nil {
		t.Fatalf("join: %v", err)
	}
	if cl.Pin != h.pin || c.Token == "" {
		t.Fatalf("joined %+v, want the pin %s", cl, h.pin)
	}
	if err := st.SetClass(cl); err != nil { // as the join screen does
		t.Fatal(err)
	}
	return kiosk{st: st, c: c}
}

func record(t testing.TB, st *store.Store, e store.Event) {
	t.Helper()
	if _, err := st.Record(e); err != nil {
		t.Fatal(err)
	}
}

func outboxPush(t testing.TB, k kiosk) PushRequest {
	t.Helper()
	evs, err := k.st.Outbox(0)
	if err != nil {
		t.Fatal(err)
	}
	req := PushRequest{Events: evs}
	ls, _ := k.st.Learners()
	for _, l := range ls {
		req.Learners = append(req.Learners, store.RemoteLearner{ID: l.ID, Name: l.Name})
	}
	return req
}

func TestEverythingButJoinNeedsAToken(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ctx := context.Background()
	for name, c := range map[string]*Client{
		"no token":             {URL: h.srv.URL, Device: k.c.Device, Pin: h.pin},
		"wrong token":          {URL: h.srv.URL, Device: k.c.Device, Token: strings.Repeat("a", 64), Pin: h.pin},
		"another's device":     {URL: h.srv.URL, Device: "0000000000000000", Token: k.c.Token, Pin: h.pin},
		"trainer key as kiosk": {URL: h.srv.URL, Device: k.c.Device, Token: h.trainer.Token, Pin: h.pin},
	} {
		if _, err := c.Push(ctx, PushRequest{}); !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s: push: %v", name, err)
		}
		if err := c.Presence(ctx, Presence{}); !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s: presence: %v", name, err)
		}
		if _, err := c.Poll(ctx, -1); !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s: poll: %v", name, err)
		}
	}
	// A kiosk's token is not the trainer's key.
	if _, err := (&Client{URL: h.srv.URL, Token: k.c.Token, Pin: h.pin}).Snapshot(ctx); !errors.Is(err, ErrNotJoined) {
		t.Errorf("kiosk token as trainer: %v", err)
	}
	if err := (&Client{URL: h.srv.URL, Pin: h.pin}).Send(ctx, Command{Kind: CmdMessage, Text: "hola"}); !errors.Is(err, ErrNotJoined) {
		t.Errorf("command without key: %v", err)
	}
}

func TestPushIsIdempotentOverHTTP(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ctx := context.Background()
	ana, _ := k.st.AddLearner("Ana", "")
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.Answered, Lesson: "teclado", Step: "arroba", StepIndex: 1, Steps: 4, Attempt: 1, Mistake: "sin-arroba"})
	req := outboxPush(t, k)
	ids := []string{req.Events[0].ID, req.Events[1].ID}
	for i, want := range []PushResponse{{Stored: 2, Confirmed: ids}, {Duplicates: 2, Confirmed: ids}} {
		got, err := k.c.Push(ctx, req)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("push %d: %+v, %v; want %+v", i, got, err, want)
		}
	}
	snap, err := h.trainer.Snapshot(ctx)
	if err != nil || len(snap.Rows) != 1 || snap.Rows[0].Name != "Ana" {
		t.Fatalf("snapshot: %+v, %v", snap, err)
	}
	d, err := h.trainer.Detail(ctx, snap.Rows[0].ID)
	if err != nil || len(d.Lessons) != 1 || len(d.Lessons[0].Steps) != 1 || d.Lessons[0].Steps[0].Mistakes["sin-arroba"] != 1 {
		t.Fatalf("detail: %+v, %v", d, err)
	}
	if d.Learner.PINHash != nil {
		t.Error("the PIN hash left the hub")
	}
}

func TestBadBodiesChangeNothing(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	post := func(path, body string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+k.c.Token)
		req.Header.Set(HeaderDevice, k.c.Device)
		resp, err := PinnedHTTP(h.pin).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(resp.Body); err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, b.String()
	}
	huge := `{"learners":[],"events":[` + strings.Repeat(`{"kind":"answer"},`, MaxBody/16) + `{}]}`
	for name, tc := range map[string]struct {
		path, body string
		code       int
	}{
		"not JSON":        {PathPush, `{"events": [`, 400},
		"unknown field":   {PathPush, `{"evnts": []}`, 400},
		"two values":      {PathPush, `{} {}`, 400},
		"too big":         {PathPush, huge, 400},
		"bad event":       {PathPush, `{"learners":[{"id":1,"name":"Ana"}],"events":[{"id":"x:1","seq":1,"learner":1,"kind":"nonsense","lesson":"a","at":"` + time.Now().UTC().Format(time.RFC3339) + `"}]}`, 400},
		"presence, array": {PathPresence, `[]`, 400},
	} {
		code, body := post(tc.path, tc.body)
		if code != tc.code || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s, want %d with a message", name, code, body, tc.code)
		}
	}
	if snap, _ := h.Snapshot(context.Background()); len(snap.Rows) != 0 {
		t.Errorf("a refused request stored learners: %+v", snap.Rows)
	}
}

func TestCommandsReachTheirKiosks(t *testing.T) {
	h := newTestHub(t)
	a, b := h.join(t), h.join(t)
	ctx := context.Background()
	first, err := a.c.Poll(ctx, -1)
	if err != nil || first.Last != 0 || first.Pause != nil {
		t.Fatalf("first poll: %+v, %v", first, err)
	}
	for _, c := range []Command{
		{Kind: CmdMessage, Text: "Descanso de 5 minutos"},
		{Kind: CmdMessage, To: Target(b.c.Device, 1), Text: "Solo para B"},
		{Kind: CmdPause, Text: "Mirad la pantalla"},
	} {
		if err := h.trainer.Send(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.c.Poll(ctx, 0)
	if err != nil || len(r.Commands) != 2 || r.Commands[0].Text != "Descanso de 5 minutos" || r.Commands[1].Kind != CmdPause {
		t.Fatalf("A's commands: %+v, %v", r, err)
	}
	r, _ = b.c.Poll(ctx, 0)
	if len(r.Commands) != 3 || r.Commands[1].Text != "Solo para B" {
		t.Fatalf("B's commands: %+v", r.Commands)
	}
	// A kiosk that arrives now learns that the screens are paused, and not
	// the old messages.
	c := h.join(t)
	r, _ = c.c.Poll(ctx, -1)
	if r.Pause == nil || r.Pause.Text != "Mirad la pantalla" || len(r.Commands) != 0 || r.Last != 3 {
		t.Fatalf("late kiosk: %+v", r)
	}
	longPollWakes(t, h, a, 3)
	badCommandsRefused(t, h)
}

// longPollWakes: a long-poll after seq waits and wakes when a command comes.
func longPollWakes(t *testing.T, h *testHub, a kiosk, seq int64) {
	t.Helper()
	ctx := context.Background()
	// The long-poll waits and wakes when a command comes.
	got := make(chan PollResponse)
	go func() {
		r, _ := a.c.Poll(ctx, seq)
		got <- r
	}()
	if err := h.trainer.Send(ctx, Command{Kind: CmdResume}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if len(r.Commands) != 1 || r.Commands[0].Kind != CmdResume || r.Pause != nil {
			t.Fatalf("woken poll: %+v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the long-poll did not wake")
	}
}

func badCommandsRefused(t *testing.T, h *testHub) {
	t.Helper()
	ctx := context.Background()
	for _, bad := range []Command{{Kind: "reboot"}, {Kind: CmdMessage, Text: "  "}, {Kind: CmdGoLesson}, {Kind: CmdAckHelp}, {Kind: CmdMessage, Text: strings.Repeat("x", MaxMessage+1)}} {
		if err := h.trainer.Send(ctx, bad); err == nil {
			t.Errorf("bad command %+v accepted", bad)
		}
	}
}

func TestPresenceFlagsAndOrder(t *testing.T) {
	h := newTestHub(t)
	ctx := context.Background()
	pres := map[string]Presence{
		"Ana":   {Screen: "lesson", Lesson: "teclado", Step: "arroba", StepIndex: 2, Steps: 6, Misses: 3},
		"Berta": {Screen: "lesson", Lesson: "teclado", Help: true, HelpWait: 40},
		"Celia": {Screen: "home", Idle: 400},
		"Dani":  {Screen: "summary", Lesson: "teclado"},
		"Eva":   {Screen: "lesson", Lesson: "teclado", Help: true, HelpWait: 200, HelpSeen: true},
		"Fede":  {Screen: "lesson", Lesson: "teclado", OnStep: 30},
	}
	for name, p := range pres {
		k := h.join(t)
		l, _ := k.st.AddLearner(name, "")
		p.Learner, p.Name = l.ID, name
		if err := k.c.Presence(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := h.trainer.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range snap.Rows {
		order = append(order, r.Name+":"+flagWords(r.Flags))
	}
	want := "Eva:help Berta:help Ana:stuck Celia:idle Fede: Dani:finished"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("rows:\n got %s\nwant %s", got, want)
	}
	// Twenty seconds without news: everyone is offline.
	h.clock.Advance(20 * time.Second)
	snap, _ = h.Snapshot(ctx)
	for _, r := range snap.Rows {
		if !r.Has(FlagOffline) || r.Has(FlagHelp) {
			t.Errorf("%s after 20 s of silence: %v", r.Name, r.Flags)
		}
	}
}

func flagWords(fs []Flag) string {
	var s []string
	for _, f := range fs {
		s = append(s, string(f))
	}
	return strings.Join(s, ",")
}

func TestTrouble(t *testing.T) {
	rows := []Row{
		{Progress: []store.Progress{{Lesson: "l", Mistakes: map[string]int{"s2/a": 2, "s3/b": 1}}}},
		{Progress: []store.Progress{{Lesson: "l", Mistakes: map[string]int{"s2/a": 1, "s2/c": 3}}}},
		{Progress: []store.Progress{{Lesson: "other", Mistakes: map[string]int{"s9/x": 9}}}},
	}
	got := Trouble(rows, "l")
	if len(got) != 2 || got[0] != (StepTrouble{Step: "s2", Learners: 2, Misses: 6, Mistake: "a"}) || got[1].Step != "s3" {
		t.Errorf("Trouble = %+v", got)
	}
}

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"192.168.1.10":            "https://192.168.1.10:7420", // HTTPS unless plain HTTP is written out
		" aula.local:8000 ":       "https://aula.local:8000",
		"http://10.0.0.2:7420/":   "http://10.0.0.2:7420",
		"https://hub.example.org": "https://hub.example.org:7420",
	} {
		if got, err := NormalizeURL(in); err != nil || got != want {
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", "ftp://x", "http://"} {
		if _, err := NormalizeURL(bad); err == nil {
			t.Errorf("NormalizeURL(%q) accepted", bad)
		}
	}
}

// A hub that stores a push and then drops the connection before answering:
// the kiosk retries, and nothing is stored twice.
func TestHubVanishingMidRequest(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ana, _ := k.st.AddLearner("Ana", "")
	record(t, k.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	var drop sync.Once
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dropped := false
		if r.URL.Path == PathPush {
			drop.Do(func() {
				h.Handler().ServeHTTP(httptest.NewRecorder(), r) // stored...
				conn, _, _ := w.(http.Hijacker).Hijack()
				conn.Close() // ...but the answer never arrives
				dropped = true
			})
		}
		if !dropped {
			h.Handler().ServeHTTP(w, r)
		}
	}))
	defer flaky.Close()
	c := *k.c
	c.URL = flaky.URL
	req := outboxPush(t, k)
	if _, err := c.Push(context.Background(), req); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("dropped push: %v", err)
	}
	got, err := c.Push(context.Background(), req)
	if err != nil || got.Stored != 0 || got.Duplicates != 1 {
		t.Fatalf("retry: %+v, %v", got, err)
	}
}

// FuzzHubBodies throws arbitrary bodies at every route a kiosk can call:
// the hub answers 2xx or 4xx with a message, never 5xx, and never panics.
func FuzzHubBodies(f *testing.F) {
	f.Add(PathPush, `{"learners":[{"id":1,"name":"Ana"}],"events":[]}`)
	f.Add(PathPush, `{"learners":[{"id":1,"name":"Ana"}],"events":[{"id":"x:1","seq":1,"learner":1,"kind":"answer","lesson":"a","step":"b"}]}`)
	f.Add(PathPresence, `{"learner":1,"name":"Ana","screen":"home"}`)
	f.Add(PathPresence, `{"learner":1,"name":"\u0000"}`)
	f.Add(PathJoin, `{"device":"0011223344556677","mode":"pin","nonce":"AAAAAAAAAAAAAAAAAAAAAA==","share":"4rM5MbYHhF2vtH8JaZaYcgeYD8SjL4A4rsBOVNfT7Us="}`)
	f.Add(PathJoinDone, `{"handshake":"00","confirm":"AA=="}`)
	f.Add(PathJoinWait, `{"ticket":"00"}`)
	f.Add(PathCommand, `{"kind":"message","text":"\u001b[2Jhola"}`)
	f.Add(PathCommand, `{"kind":"forget","to":"0011223344556677"}`)
	f.Add(PathPush, `[`)
	h := newTestHub(f)
	k := h.join(f)
	f.Fuzz(func(t *testing.T, path, body string) {
		switch path {
		case PathPush, PathPresence, PathJoin, PathJoinDone, PathJoinWait, PathCommand:
		default:
			return
		}
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+k.c.Token)
		if path == PathCommand {
			req.Header.Set("Authorization", "Bearer "+h.trainer.Token)
		}
		req.Header.Set(HeaderDevice, k.c.Device)
		rec := httptest.NewRecorder()
		h.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: %d %s", path, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%s %q: %d without a message", path, body, rec.Code)
		}
	})
}

// quiet is a logger that says nothing.
var quiet = log.New(io.Discard, "", 0)
