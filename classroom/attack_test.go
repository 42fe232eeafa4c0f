package classroom

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aula/store"
)

// The hub as an attacker on the centre's Wi-Fi would use it, on loopback:
// every attack fails, and nothing the hub stores changes.

// fingerprintOf is a digest of everything the hub stores and keeps in
// memory about the class: learners, events, devices, presence, commands.
func (h *testHub) fingerprintOf(t testing.TB) string {
	t.Helper()
	d := sha256.New()
	all, err := h.st.AllProgress()
	if err != nil {
		t.Fatal(err)
	}
	for _, lp := range all {
		fmt.Fprintf(d, "%+v\n", lp)
		evs, _ := h.st.Events(lp.Learner.ID)
		fmt.Fprintf(d, "%+v\n", evs)
	}
	devs, _ := h.st.Devices()
	fmt.Fprintf(d, "%+v\n", devs)
	h.mu.Lock()
	fmt.Fprintf(d, "%+v %+v %d\n", h.pres, h.cmds, h.seq)
	h.mu.Unlock()
	return hex.EncodeToString(d.Sum(nil))
}

func randomDeviceID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// guess makes one join attempt with code from a new device.
func (h *testHub) guess(code string) error {
	return h.guessFrom(nil, code)
}

// guessFrom makes one join attempt from the loopback address from (any of
// 127.0.0.0/8: many attackers on one machine); nil is 127.0.0.1.
func (h *testHub) guessFrom(from net.IP, code string) error {
	c := &Client{URL: h.srv.URL, Device: randomDeviceID()}
	if from != nil {
		tr := &http.Transport{TLSClientConfig: PinnedTLS(h.pin), DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: from}}).DialContext}
		defer tr.CloseIdleConnections()
		c.HTTP = &http.Client{Transport: tr}
	}
	_, err := c.Join(context.Background(), code)
	return err
}

// Slow bodies over hundreds of connections at once: the headers arrive,
// the bodies a moment later, all together. Each attempt is counted when
// it is judged, under one lock, so at most the budget is judged: the rest
// wait for the trainer, and not one more guess is made than the budget.
func TestAttackSlowBodyJoinsAreAllCounted(t *testing.T) {
	h := newTestHub(t)
	before := h.fingerprintOf(t)
	conns := int64(300)
	if raceBuild {
		conns = 100 // still over three times the budget (guessBurst)
	}
	var judged, waited, other atomic.Int64
	start := make(chan struct{})
	var wg sync.WaitGroup
	u := strings.TrimPrefix(h.srv.URL, "https://")
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A valid join body for a wrong code, held back until all
			// connections have sent their headers.
			var jr JoinRequest
			j := &Joining{device: randomDeviceID()}
			jr.Device, jr.Mode, jr.Nonce = j.device, ModePinned, make([]byte, nonceLen)
			rand.Read(jr.Nonce)
			_, jr.Share = pakeShare(pakeGenerator("000000", pakeCI(ModePinned, h.pin, jr.Device), jr.Nonce))
			body, _ := json.Marshal(jr)
			conn, err := dialPinned(u, h.pin)
			if err != nil {
				other.Add(1)
				return
			}
			defer conn.Close()
			fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", PathJoin, len(body))
			<-start
			_, _ = conn.Write(body) // a failure shows in the answer read next
			_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
			resp, err := http.ReadResponse(bufioReader(conn), nil)
			if err != nil {
				other.Add(1)
				return
			}
			resp.Body.Close()
			switch resp.StatusCode {
			case http.StatusOK:
				judged.Add(1)
			case http.StatusAccepted, http.StatusTooManyRequests:
				waited.Add(1)
			default:
				other.Add(1)
			}
		}()
	}
	// Let the headers arrive (the hub is waiting on every body), then
	// send all bodies.
	time.Sleep(300 * time.Millisecond) // not synchronisation: the attack's own pause
	close(start)
	wg.Wait()
	if judged.Load() > guessBurst {
		t.Errorf("%d of %d slow joins were judged; the budget is %d", judged.Load(), conns, guessBurst)
	}
	if judged.Load()+waited.Load() != conns {
		t.Errorf("judged %d, waiting or refused %d, other %d: want all %d answered", judged.Load(), waited.Load(), other.Load(), conns)
	}
	if guessed, _ := h.Guessed(); !guessed {
		t.Error("the dashboard does not say the class is being guessed at")
	}
	if after := h.fingerprintOf(t); after != before {
		t.Error("the attack changed what the hub stores")
	}
}

// Wrong guesses from many addresses spend the hub-wide budget; then the
// right code from a new laptop is not refused: it waits, the trainer lets
// it in, and it joins, with the certificate proved.
func TestAttackDistributedGuessesThenTheRightCode(t *testing.T) {
	h := newTestHub(t)
	spendGuessBudget(t, h)

	// The learner's laptop (127.0.0.1, which has not guessed), the right
	// code: it waits.
	st := openStore(t)
	ctx := context.Background()
	j, _, err := StartJoin(ctx, h.srv.URL, "482 913", st.DeviceID(), "", "Ana's laptop")
	if err != nil || j.Ticket == "" || len(j.Laptop) != 3 {
		t.Fatalf("the right code after the budget: %+v, %v; want to wait", j, err)
	}
	waiting := h.Waiting()
	var mine Waiting
	for _, w := range waiting {
		if w.Laptop == j.Laptop {
			mine = w
		}
	}
	if mine.ID == "" || mine.Name != "Ana's laptop" || mine.Replaces {
		t.Fatalf("the waiting list %+v has not laptop %s", waiting, j.Laptop)
	}
	if err := h.Send(ctx, Command{Kind: CmdAdmit, To: mine.ID}); err != nil {
		t.Fatal(err)
	}
	old := WaitEvery
	WaitEvery = 10 * time.Millisecond
	defer func() { WaitEvery = old }()
	cl, err := j.Wait(ctx)
	if err != nil || cl.Token == "" || cl.Pin != h.pin {
		t.Fatalf("let in: %+v, %v", cl, err)
	}
	k := &Client{URL: h.srv.URL, Device: st.DeviceID(), Token: cl.Token, Pin: cl.Pin}
	if err := k.Presence(ctx, Presence{Screen: "home"}); err != nil {
		t.Errorf("the admitted laptop cannot report: %v", err)
	}
	// A refused one hears it.
	if err := waitAndDecide(t, h, testCode, CmdRefuse); !errors.Is(err, ErrRefused) {
		t.Errorf("refused laptop: %v", err)
	}
	// A waiting laptop with a wrong code, let in by mistake, still does
	// not get in: the code is proved after the trainer's word too.
	if err := waitAndDecide(t, h, "111111", CmdAdmit); !errors.Is(err, ErrWrongCode) {
		t.Errorf("admitted with a wrong code: %v", err)
	}
}

// spendGuessBudget guesses from many addresses until the hub-wide budget
// is spent: only the budget is judged, and nothing stored changes.
func spendGuessBudget(t *testing.T, h *testHub) {
	t.Helper()
	before := h.fingerprintOf(t)
	// Each guess from another address (127.0.0.2, .3, …).
	wrong := 0
	for i := range guessBurst + 10 {
		err := h.guessFrom(net.IPv4(127, 0, 1, byte(i+2)), fmt.Sprintf("%06d", i))
		switch {
		case errors.Is(err, ErrWrongCode):
			wrong++
		case errors.Is(err, ErrWaiting):
		default:
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	if wrong != guessBurst {
		t.Errorf("%d wrong guesses were judged, want the budget, %d", wrong, guessBurst)
	}
	guessed, n := h.Guessed()
	if !guessed || n != guessBurst {
		t.Errorf("guessed %v with %d wrong codes", guessed, n)
	}
	if after := h.fingerprintOf(t); after != before {
		t.Error("wrong guesses changed what the hub stores")
	}

}

// waitAndDecide joins with code (the class is being guessed at, so the
// laptop waits), has the trainer decide (CmdAdmit or CmdRefuse) and returns
// what the laptop hears.
func waitAndDecide(t *testing.T, h *testHub, code string, decide CommandKind) error {
	t.Helper()
	ctx := context.Background()
	j, _, err := StartJoin(ctx, h.srv.URL, code, randomDeviceID(), "", "")
	if err != nil || j.Ticket == "" {
		t.Fatalf("waiter with %s: %+v, %v", code, j, err)
	}
	for _, w := range h.Waiting() {
		if w.Laptop == j.Laptop {
			if err := h.Send(ctx, Command{Kind: decide, To: w.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, err = j.Wait(ctx)
	return err
}

// One address guessing: 5 judged, then 3 on the waiting list, then 429;
// the right code from another address still joins at once.
func TestAttackOneAddressIsSlowedAlone(t *testing.T) {
	h := newTestHub(t)
	var got []string
	for i := range ipBurst + ipWaiting + 2 {
		err := h.guess(fmt.Sprintf("%06d", i))
		switch {
		case errors.Is(err, ErrWrongCode):
			got = append(got, "wrong")
		case errors.Is(err, ErrWaiting):
			got = append(got, "wait")
		case errors.Is(err, ErrTooMany):
			got = append(got, "429")
		default:
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	want := "wrong wrong wrong wrong wrong wait wait wait 429 429"
	if strings.Join(got, " ") != want {
		t.Errorf("one address: %s\nwant         %s", strings.Join(got, " "), want)
	}
	// The budget is hub-wide but still has room: the right code from
	// another address joins at once.
	if err := h.guessFrom(net.IPv4(127, 0, 2, 1), testCode); err != nil {
		t.Errorf("the right code: %v", err)
	}
}

// Someone with the code joins with another laptop's device id: the real
// laptop is not thrown out; the intruder waits for the trainer, marked as
// replacing a laptop, and gets nothing without the trainer.
func TestAttackDeviceIDReuse(t *testing.T) {
	h := newTestHub(t)
	real := h.join(t)
	ctx := context.Background()
	before := h.fingerprintOf(t)
	intruder := &Client{URL: h.srv.URL, Device: real.c.Device, Pin: h.pin}
	if _, err := intruder.Join(ctx, testCode); !errors.Is(err, ErrWaiting) {
		t.Fatalf("joining with a known device id: %v, want to wait", err)
	}
	if w := h.Waiting(); len(w) != 1 || !w[0].Replaces {
		t.Errorf("waiting list %+v: want one laptop marked as replacing", w)
	}
	if err := real.c.Presence(ctx, Presence{Screen: "home"}); err != nil {
		t.Errorf("the real laptop was thrown out: %v", err)
	}
	// Guessing the token is as hopeless as it looks.
	intruder.Token = strings.Repeat("0", 64)
	if _, err := intruder.Push(ctx, PushRequest{}); !errors.Is(err, ErrNotJoined) {
		t.Errorf("push with a made-up token: %v", err)
	}
	h.mu.Lock()
	delete(h.pres, real.c.Device) // the real laptop's report above is not the attack's doing
	h.mu.Unlock()
	if after := h.fingerprintOf(t); after != before {
		t.Error("the intruder changed what the hub stores")
	}
	// The laptop itself, with its own token, joins again and replaces
	// itself at once.
	again := &Client{URL: h.srv.URL, Device: real.c.Device, Token: real.c.Token}
	if _, err := again.Join(ctx, testCode); err != nil || again.Token == real.c.Token {
		t.Errorf("rejoining with its own token: %v", err)
	}
}

// Forgetting a laptop: its token stops working at once, its presence goes,
// its learners stay, and it comes back only through the waiting list.
func TestForgetThisLaptop(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ctx := context.Background()
	if err := k.c.Presence(ctx, Presence{Learner: 1, Name: "Ana", Screen: "home"}); err != nil {
		t.Fatal(err)
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdForget, To: k.c.Device}); err != nil {
		t.Fatal(err)
	}
	if err := k.c.Presence(ctx, Presence{Screen: "home"}); !errors.Is(err, ErrNotJoined) {
		t.Errorf("a forgotten laptop reports: %v", err)
	}
	if _, err := k.c.Poll(ctx, -1); !errors.Is(err, ErrNotJoined) {
		t.Errorf("a forgotten laptop polls: %v", err)
	}
	snap, _ := h.Snapshot(ctx)
	if len(snap.Rows) != 1 || snap.Rows[0].Present != nil {
		t.Errorf("after forgetting: %+v", snap.Rows)
	}
	if _, err := k.c.Join(ctx, testCode); !errors.Is(err, ErrWaiting) {
		t.Errorf("a forgotten laptop joins again: %v, want to wait", err)
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdForget, To: "ffffffffffffffff"}); err == nil {
		t.Error("forgetting a laptop the class does not know")
	}
}

// Pushes, presence and polls with another device's token, and a kiosk's
// token on the trainer's routes: all refused, nothing changes.
func TestAttackOtherDevicesToken(t *testing.T) {
	h := newTestHub(t)
	a, b := h.join(t), h.join(t)
	ctx := context.Background()
	ana, _ := a.st.AddLearner("Ana", "")
	record(t, a.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	req := outboxPush(t, a)
	before := h.fingerprintOf(t)
	forged := &Client{URL: h.srv.URL, Device: a.c.Device, Token: b.c.Token, Pin: h.pin}
	if _, err := forged.Push(ctx, req); !errors.Is(err, ErrNotJoined) {
		t.Errorf("push as a with b's token: %v", err)
	}
	if err := forged.Presence(ctx, Presence{Learner: 1, Name: "Ana", Screen: "home", Help: true, HelpWait: 99999}); !errors.Is(err, ErrNotJoined) {
		t.Errorf("presence as a with b's token: %v", err)
	}
	if _, err := forged.Poll(ctx, 0); !errors.Is(err, ErrNotJoined) {
		t.Errorf("poll as a with b's token: %v", err)
	}
	for _, c := range []*Client{a.c, b.c} {
		tc := &Client{URL: h.srv.URL, Token: c.Token, Pin: h.pin}
		if _, err := tc.Snapshot(ctx); !errors.Is(err, ErrNotJoined) {
			t.Errorf("a kiosk token reads the class: %v", err)
		}
		if err := tc.Send(ctx, Command{Kind: CmdForget, To: a.c.Device}); !errors.Is(err, ErrNotJoined) {
			t.Errorf("a kiosk token forgets a laptop: %v", err)
		}
	}
	if after := h.fingerprintOf(t); after != before {
		t.Error("forged requests changed what the hub stores")
	}
	// b's own token, a copy of a's events: whatever the hub makes of them
	// (refused, or kept as b's own), they never become a's.
	_, _ = b.c.Push(ctx, req)
	if evs := hubEvents(t, h.Hub, a.c.Device, ana.ID); len(evs) != 0 {
		t.Errorf("b's push wrote %d events as a's learner", len(evs))
	}
}

// Oversized and malformed fields in every request: 400 with a reason,
// nothing changes.
func TestAttackBadFieldsChangeNothing(t *testing.T) { //nolint:funlen // a table of hostile requests, read top to bottom
	h := newTestHub(t)
	h.lessons = func(id string) bool { return id == "teclado" }
	k := h.join(t)
	before := h.fingerprintOf(t)
	long := strings.Repeat("x", 5000)
	now := time.Now().UTC()
	ev := func(mod func(*store.Event)) PushRequest {
		e := store.Event{ID: k.c.Device + ":1", Seq: 1, Learner: 1, Kind: store.Answered, Lesson: "teclado", Step: "arroba", Steps: 4, StepIndex: 1, Attempt: 1, At: now}
		mod(&e)
		return PushRequest{Learners: []store.RemoteLearner{{ID: 1, Name: "Ana"}}, Events: []store.Event{e}}
	}
	send := func(path string, v any, auth string) (int, string) {
		body, _ := json.Marshal(v)
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+auth)
		req.Header.Set(HeaderDevice, k.c.Device)
		resp, err := PinnedHTTP(h.pin).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	cases := map[string]struct {
		path string
		v    any
	}{
		"presence: long name":         {PathPresence, Presence{Learner: 1, Name: long, Screen: "home"}},
		"presence: long lesson":       {PathPresence, Presence{Learner: 1, Name: "Ana", Screen: "lesson", Lesson: long}},
		"presence: unknown screen":    {PathPresence, Presence{Screen: long}},
		"presence: huge help wait":    {PathPresence, Presence{Learner: 1, Name: "Ana", Screen: "home", Help: true, HelpWait: 1 << 40}},
		"presence: negative misses":   {PathPresence, Presence{Learner: 1, Name: "Ana", Screen: "lesson", Misses: -1}},
		"presence: step after last":   {PathPresence, Presence{Learner: 1, Name: "Ana", Screen: "lesson", StepIndex: 9, Steps: 3}},
		"presence: wait, no hand":     {PathPresence, Presence{Screen: "home", HelpWait: 5}},
		"push: long lesson id":        {PathPush, ev(func(e *store.Event) { e.Lesson = long })},
		"push: long learner name":     {PathPush, PushRequest{Learners: []store.RemoteLearner{{ID: 1, Name: long}}}},
		"push: name only controls":    {PathPush, PushRequest{Learners: []store.RemoteLearner{{ID: 1, Name: "\x1b[2J\u202e"}}}},
		"push: too many learners":     {PathPush, PushRequest{Learners: make([]store.RemoteLearner, MaxBatch+1)}},
		"join: long name":             {PathJoin, JoinRequest{Device: randomDeviceID(), Mode: ModePinned, Nonce: make([]byte, 16), Share: make([]byte, 32), Name: long}},
		"join: bad device":            {PathJoin, JoinRequest{Device: "../../etc", Mode: ModePinned}},
		"join: short nonce":           {PathJoin, JoinRequest{Device: randomDeviceID(), Mode: ModePinned, Nonce: []byte{1}}},
		"join: plain mode over https": {PathJoin, JoinRequest{Device: randomDeviceID(), Mode: ModePlain, Nonce: make([]byte, 16), Share: validShare()}},
		"join: finish, bad handshake": {PathJoinDone, JoinFinish{Handshake: long, Confirm: []byte(long)}},
		"join: wait, bad ticket":      {PathJoinWait, JoinWait{Ticket: long}},
	}
	for name, tc := range cases {
		code, body := send(tc.path, tc.v, k.c.Token)
		if code < 400 || code >= 500 || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s, want 4xx with a reason", name, code, body)
		}
		if strings.Contains(body, long) {
			t.Errorf("%s: the answer repeats the value", name)
		}
	}
	// A bad event is refused on its own, with its reason, and stored nowhere.
	for name, tc := range map[string]struct {
		push   PushRequest
		reason string
	}{
		"elapsed 9e18":     {ev(func(e *store.Event) { e.Elapsed = 9e18 }), ReasonInvalid},
		"negative elapsed": {ev(func(e *store.Event) { e.Elapsed = -1 }), ReasonInvalid},
		"year 2099":        {ev(func(e *store.Event) { e.At = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC) }), ReasonClock},
		"year 1":           {ev(func(e *store.Event) { e.At = time.Time{} }), ReasonClock},
		"huge step index":  {ev(func(e *store.Event) { e.StepIndex = 1 << 40 }), ReasonInvalid},
	} {
		resp, err := k.c.Push(context.Background(), tc.push)
		if err != nil || len(resp.Confirmed) != 0 || len(resp.Refused) != 1 ||
			resp.Refused[0].ID != tc.push.Events[0].ID || resp.Refused[0].Reason != tc.reason || resp.Refused[0].Detail == "" {
			t.Errorf("push %s: %+v, %v; want it refused as %s with a reason", name, resp, err, tc.reason)
		}
	}
	// Commands from the trainer are checked too.
	for name, c := range map[string]Command{
		"unknown lesson":     {Kind: CmdGoLesson, Lesson: "no-such-lesson"},
		"long message":       {Kind: CmdMessage, Text: long},
		"only escapes":       {Kind: CmdMessage, Text: "\x1b]0;pwned\x07\x1b[2J"},
		"numbered by sender": {Kind: CmdMessage, Text: "hola", Seq: 99},
		"unknown kind":       {Kind: "format_disk"},
	} {
		if err := h.trainer.Send(context.Background(), c); err == nil {
			t.Errorf("command %s accepted", name)
		}
	}
	if after := h.fingerprintOf(t); after != before {
		t.Error("refused requests changed what the hub stores")
	}
}

func validShare() []byte {
	_, s := pakeShare(pakeGenerator("1", nil, nil))
	return s
}

// Escape and bidi characters in names and messages: what reaches the
// dashboard and the kiosk's screen is plain text.
func TestAttackEscapesAndBidiAreCleaned(t *testing.T) {
	h := newTestHub(t)
	h.lessons = func(id string) bool { return id == "teclado" }
	k := h.join(t)
	ctx := context.Background()
	evil := "Ana\x1b]0;owned\x07\x1b[2J\u202eoduarF\u202c\u2066x\r\n\x00\u009b31m\xff"
	if err := k.c.Presence(ctx, Presence{Learner: 1, Name: evil, Screen: "home"}); err != nil {
		t.Fatal(err)
	}
	snap, err := h.trainer.Snapshot(ctx)
	if err != nil || len(snap.Rows) != 1 {
		t.Fatalf("snapshot: %+v, %v", snap, err)
	}
	for _, s := range []string{snap.Rows[0].Name, snap.Rows[0].Present.Name} {
		if s != "AnaoduarFx 31m\ufffd" {
			t.Errorf("the dashboard shows %q", s)
		}
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdMessage, Text: "Mirad\x1b[2J\x1b]0;t\x07 aquí\u202e!"}); err != nil {
		t.Fatal(err)
	}
	r, err := k.c.Poll(ctx, 0)
	if err != nil || len(r.Commands) != 1 || r.Commands[0].Text != "Mirad aquí!" {
		t.Errorf("the kiosk gets %+v, %v", r, err)
	}
	// A go-to-lesson for a lesson that exists passes.
	if err := h.trainer.Send(ctx, Command{Kind: CmdGoLesson, Lesson: "teclado"}); err != nil {
		t.Errorf("a real lesson: %v", err)
	}
}

// A joined laptop floods presence: invented learners are bounded per
// laptop, each report is bounded in size, and laptops gone for an hour
// are forgotten.
func TestAttackPresenceFlood(t *testing.T) {
	h := newTestHub(t)
	k := h.join(t)
	ctx := context.Background()
	refused := 0
	for i := 1; i <= MaxLearners+20; i++ {
		err := k.c.Presence(ctx, Presence{Learner: uint64(i), Name: fmt.Sprintf("L%d", i), Screen: "home"})
		if err != nil {
			refused++
		}
	}
	if n, _ := h.st.RemoteLearnerCount(k.c.Device); n != MaxLearners || refused != 20 {
		t.Errorf("the hub holds %d learners of one laptop (%d refused), want at most %d", n, refused, MaxLearners)
	}
	h.clock.Advance(presenceKept + 2*time.Minute)
	other := h.join(t)
	if err := other.c.Presence(ctx, Presence{Screen: "home"}); err != nil {
		t.Fatal(err)
	}
	h.mu.Lock()
	_, kept := h.pres[k.c.Device]
	n := len(h.pres)
	h.mu.Unlock()
	if kept || n != 1 {
		t.Errorf("a laptop gone for over an hour is still remembered (%d entries)", n)
	}
}

// dialPinned opens a TLS connection to the test hub.
func dialPinned(addr, pin string) (net.Conn, error) {
	return tlsDial(addr, pin)
}

func tlsDial(addr, pin string) (net.Conn, error) {
	d := &net.Dialer{Timeout: 5 * time.Second}
	return tlsDialWith(d, addr, pin)
}
