package classroom

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"aula/classroom/share"
)

// sharingKiosk is a joined laptop whose learner Ana the hub knows (she
// signed in: presence), and the share the trainer asked of her.
func sharingKiosk(t *testing.T, h *testHub) (kiosk, string, string) {
	t.Helper()
	k := h.join(t)
	ana, err := k.st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := k.c.Presence(ctx, Presence{Learner: ana.ID, Name: "Ana", Screen: "home"}); err != nil {
		t.Fatal(err)
	}
	to := Target(k.c.Device, ana.ID)
	id, err := h.trainer.AskShare(ctx, to, "Marta\x1b]0;pwned\x07")
	if err != nil {
		t.Fatalf("ask: %v", err)
	}
	return k, to, id
}

func frame(id string, seq uint64, rows ...string) share.Frame {
	f := share.Frame{Share: id, Seq: seq, Width: 80, Height: len(rows)}
	for i, r := range rows {
		f.Lines = append(f.Lines, share.Line{Row: i, Text: r})
	}
	return f
}

func postFrame(k kiosk, f share.Frame) error {
	return k.c.do(context.Background(), http.MethodPost, PathShareFrame, f, nil)
}

func shareAnswer(k kiosk, id string, allow bool) error {
	return k.c.do(context.Background(), http.MethodPost, PathShareAnswer, share.Answer{Share: id, Allow: allow}, nil)
}

func statusOf(err error) int {
	var he *HubError
	if errors.As(err, &he) {
		return he.Status
	}
	return 0
}

// No frame is taken before the learner allows, none after they stop; the
// ask reaches only that learner's laptop, with the trainer's name cleaned.
func TestShareNeedsConsent(t *testing.T) {
	h := newTestHub(t)
	k, to, id := sharingKiosk(t, h)
	ctx := context.Background()
	askReached(t, k, to, id)
	if err := postFrame(k, frame(id, 1, "Aula · Contraseña", "secret before yes")); statusOf(err) != http.StatusConflict {
		t.Fatalf("a frame before allow: %v", err)
	}
	if u, err := h.trainer.WatchShare(ctx, id, 0); err != nil || u.State != share.Asked || len(u.Lines) != 0 {
		t.Fatalf("watching before allow: %+v %v", u, err)
	}
	if err := shareAnswer(k, id, true); err != nil {
		t.Fatal(err)
	}
	if err := postFrame(k, frame(id, 1, "Aula · Contraseña", "[••••]")); err != nil {
		t.Fatalf("a frame after allow: %v", err)
	}
	u, err := h.trainer.WatchShare(ctx, id, 0)
	if err != nil || u.State != share.Sharing || !u.Full || u.Seq != 1 || len(u.Lines) != 2 || u.Lines[1].Text != "[••••]" {
		t.Fatalf("watching: %+v %v", u, err)
	}
	stopAndCheck(t, h, k, id)
}

// askReached checks that the ask reached the kiosk, for its learner, with
// the trainer's name cleaned.
func askReached(t *testing.T, k kiosk, to, id string) {
	t.Helper()
	r, err := k.c.Poll(context.Background(), 0)
	if err != nil || len(r.Commands) != 1 {
		t.Fatalf("poll: %+v %v", r, err)
	}
	if c := r.Commands[0]; c.Kind != CmdShareAsk || c.To != to || c.Share != id || c.Text != "Marta" {
		t.Fatalf("the ask reached the kiosk as %+v", c)
	}
}

// stopAndCheck stops share id from the kiosk: no frame is taken after, the
// trainer hears it, the hub holds nothing, and allowing again fails.
func stopAndCheck(t *testing.T, h *testHub, k kiosk, id string) {
	t.Helper()
	ctx := context.Background()
	if err := shareAnswer(k, id, false); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Second)
	if err := postFrame(k, frame(id, 2, "Aula", "after stop")); statusOf(err) != http.StatusConflict {
		t.Fatalf("a frame after stop: %v", err)
	}
	u, err := h.trainer.WatchShare(ctx, id, 1)
	if err != nil || u.State != share.Ended || len(u.Lines) != 0 {
		t.Fatalf("watching after stop: %+v %v", u, err)
	}
	if held := h.Held(); held != "" {
		t.Errorf("the hub still holds %q after stop", held)
	}
	// Once stopped, allowing again does not restart it: the trainer asks again.
	if err := shareAnswer(k, id, true); statusOf(err) != http.StatusConflict {
		t.Errorf("allow after stop: %v", err)
	}
}

// Watching, asking and pointing need the class's trainer key: a kiosk's
// token, no key or another hub's key (a second trainer) get nothing.
func TestAttackShareWithoutTheTrainerKey(t *testing.T) {
	h := newTestHub(t)
	k, to, id := sharingKiosk(t, h)
	if err := shareAnswer(k, id, true); err != nil {
		t.Fatal(err)
	}
	if err := postFrame(k, frame(id, 1, "Ana's screen")); err != nil {
		t.Fatal(err)
	}
	other := newTestHub(t)
	ctx := context.Background()
	for name, c := range map[string]*Client{
		"no key":            {URL: h.srv.URL, Pin: h.pin},
		"a kiosk's token":   {URL: h.srv.URL, Token: k.c.Token, Pin: h.pin},
		"another hub's key": {URL: h.srv.URL, Token: other.trainer.Token, Pin: h.pin},
	} {
		if u, err := c.WatchShare(ctx, id, 0); !errors.Is(err, ErrNotJoined) || len(u.Lines) != 0 {
			t.Errorf("%s watches: %+v %v", name, u, err)
		}
		if _, err := c.AskShare(ctx, to, "Eve"); !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s asks: %v", name, err)
		}
		if err := c.SayShare(ctx, share.Say{Share: id, Kind: share.SayMessage, Text: "hi"}); !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s writes to the learner: %v", name, err)
		}
	}
	if u, err := h.trainer.WatchShare(ctx, "0123456789abcdef01234567", 0); statusOf(err) != http.StatusNotFound {
		t.Errorf("a guessed share id: %+v %v", u, err)
	}
}

// A laptop acts only on its own learner's share, with its own token; a
// learner the laptop never brought to the hub cannot be asked.
func TestAttackShareOfAnotherLaptop(t *testing.T) {
	h := newTestHub(t)
	a, _, id := sharingKiosk(t, h)
	b := h.join(t)
	if err := shareAnswer(b, id, true); statusOf(err) != http.StatusForbidden {
		t.Errorf("b allows a's share: %v", err)
	}
	forged := kiosk{st: b.st, c: &Client{URL: h.srv.URL, Device: a.c.Device, Token: b.c.Token, Pin: h.pin}}
	if err := shareAnswer(forged, id, true); !errors.Is(err, ErrNotJoined) {
		t.Errorf("b allows as a: %v", err)
	}
	if err := shareAnswer(a, id, true); err != nil {
		t.Fatal(err)
	}
	if err := postFrame(b, frame(id, 1, "forged screen")); statusOf(err) != http.StatusForbidden {
		t.Errorf("b sends a frame for a's share: %v", err)
	}
	if held := h.Held(); held != "" {
		t.Errorf("the hub holds %q from b", held)
	}
	ctx := context.Background()
	for _, to := range []string{Target(a.c.Device, 99), Target(b.c.Device, 1), "nobody/1"} {
		if _, err := h.trainer.AskShare(ctx, to, "Marta"); statusOf(err) != http.StatusNotFound {
			t.Errorf("ask for %s, a learner no laptop proved: %v", to, err)
		}
	}
	for _, to := range []string{"", "abc", a.c.Device + "/x", strings.Repeat("d", 200) + "/1"} {
		if _, err := h.trainer.AskShare(ctx, to, "Marta"); statusOf(err) != http.StatusBadRequest {
			t.Errorf("ask for %q: %v", to, err)
		}
	}
}

// Every field is bounded: each hostile frame or message is refused with a
// reason and changes nothing the trainer sees.
func TestAttackShareBadFields(t *testing.T) {
	h := newTestHub(t)
	k, to, id := sharingKiosk(t, h)
	if err := shareAnswer(k, id, true); err != nil {
		t.Fatal(err)
	}
	if err := postFrame(k, frame(id, 5, "good")); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Second)
	wide := frame(id, 6, "x")
	wide.Width = share.MaxWidth + 1
	tall := frame(id, 6, make([]string, share.MaxHeight+1)...)
	rows := frame(id, 6, "a", "b")
	rows.Lines[1].Row = 0
	base := frame(id, 6, "x")
	base.Base = 4
	noShare := frame("", 6, "x")
	for name, c := range map[string]struct {
		f    share.Frame
		want int
	}{
		"an escape sequence": {frame(id, 6, "\x1b[2J\x1b]0;title\x07gone"), http.StatusBadRequest},
		"a bidi override":    {frame(id, 6, "abc\u202edef"), http.StatusBadRequest},
		"a long row":         {frame(id, 6, strings.Repeat("x", share.MaxLine+1)), http.StatusBadRequest},
		"too wide":           {wide, http.StatusBadRequest},
		"too tall":           {tall, http.StatusBadRequest},
		"rows out of order":  {rows, http.StatusBadRequest},
		"an old seq":         {frame(id, 5, "replayed"), http.StatusBadRequest},
		"a base not held":    {base, http.StatusPreconditionFailed},
		"no share":           {noShare, http.StatusBadRequest},
	} {
		if err := postFrame(k, c.f); statusOf(err) != c.want {
			t.Errorf("%s: %v, want %d", name, err, c.want)
		}
	}
	if err := postFrame(k, frame(id, 7, "fast")); err != nil {
		t.Fatal(err)
	}
	if err := postFrame(k, frame(id, 8, "faster")); statusOf(err) != http.StatusTooManyRequests {
		t.Errorf("two frames in the same instant: %v", err)
	}
	ctx := context.Background()
	if u, _ := h.trainer.WatchShare(ctx, id, 0); u.Seq != 7 || len(u.Lines) != 1 || u.Lines[0].Text != "fast" {
		t.Errorf("after the hostile frames the trainer sees %+v", u)
	}
	for name, s := range map[string]share.Say{
		"a long message":     {Share: id, Kind: share.SayMessage, Text: strings.Repeat("x", share.MaxSay+1)},
		"an empty message":   {Share: id, Kind: share.SayMessage, Text: "\x1b[2J"},
		"a point off screen": {Share: id, Kind: share.SayPoint, Point: &share.Point{Row: share.MaxHeight, Col: 1}},
		"a point with text":  {Share: id, Kind: share.SayPoint, Point: &share.Point{Row: 1, Col: 1}, Text: "x"},
		"an unknown kind":    {Share: id, Kind: "type", Text: "rm -rf"},
	} {
		if err := h.trainer.SayShare(ctx, s); statusOf(err) != http.StatusBadRequest {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := h.trainer.AskShare(ctx, to, strings.Repeat("n", share.MaxName+1)); statusOf(err) != http.StatusBadRequest {
		t.Errorf("a long trainer name: %v", err)
	}
	if err := h.trainer.SayShare(ctx, share.Say{Share: id, Kind: share.SayMessage, Text: "Pulsa \x1b[31mTab\x1b[0m\u202e"}); err != nil {
		t.Fatal(err)
	}
	r, _ := k.c.Poll(ctx, 1)
	if len(r.Commands) != 1 || r.Commands[0].Kind != CmdShareSay || r.Commands[0].Text != "Pulsa Tab" {
		t.Errorf("the message reached the kiosk as %+v", r.Commands)
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdShareAsk, To: to, Share: id}); statusOf(err) != http.StatusBadRequest {
		t.Errorf("a share command through the plain command route: %v", err)
	}
}

// The trainer stops: the kiosk hears it, and its next frame is refused.
func TestShareTrainerStops(t *testing.T) {
	h := newTestHub(t)
	k, _, id := sharingKiosk(t, h)
	ctx := context.Background()
	if err := shareAnswer(k, id, true); err != nil {
		t.Fatal(err)
	}
	if err := h.trainer.SayShare(ctx, share.Say{Share: id, Kind: share.SayPoint, Point: &share.Point{Row: 3, Col: 10}}); err != nil {
		t.Fatal(err)
	}
	if err := h.trainer.SayShare(ctx, share.Say{Share: id, Kind: share.SayStop}); err != nil {
		t.Fatal(err)
	}
	r, _ := k.c.Poll(ctx, 1)
	if len(r.Commands) != 2 || r.Commands[0].Point == nil || r.Commands[0].Point.Col != 10 || r.Commands[1].Kind != CmdShareStop {
		t.Fatalf("the kiosk heard %+v", r.Commands)
	}
	if err := postFrame(k, frame(id, 1, "after the trainer stopped")); statusOf(err) != http.StatusConflict {
		t.Errorf("a frame after the trainer stopped: %v", err)
	}
}

// The kiosk's syncer sends nothing before the learner allows and nothing
// after they stop, even a frame handed over just before; in between the
// trainer's copy follows the screen, in diffs.
func TestSyncerSharesOnlyWhileAllowed(t *testing.T) {
	h := newTestHub(t)
	k, _, id := sharingKiosk(t, h)
	s, in := startSyncer(t, k.st, h.srv.URL, k.c.Token)
	in.waitFor(t, "connected", isState(Connected))
	ctx := context.Background()
	s.ShareFrame(id, "before allow", 80)
	s.AnswerShare(id, true)
	screen := "\x1b[1mAula\x1b[0m · Contraseña\n  [••••]   \n"
	s.ShareFrame(id, screen, 80)
	var copy share.Screen
	waitUntil(t, "the first frame", func() bool {
		u, err := h.trainer.WatchShare(ctx, id, copy.Seq)
		copy.Apply(u)
		return err == nil && copy.Text() == "Aula · Contraseña\n  [••••]\n"
	})
	h.clock.Advance(time.Second)
	s.ShareFrame(id, "Aula · Contraseña\n  [•••••]\n", 80)
	waitUntil(t, "a diff", func() bool {
		u, _ := h.trainer.WatchShare(ctx, id, copy.Seq)
		if u.Seq > copy.Seq && (u.Full || len(u.Lines) != 1) {
			t.Errorf("a one-row change came as %+v", u)
		}
		copy.Apply(u)
		return copy.Rows[1] == "  [•••••]"
	})
	s.ShareFrame(id, "just before stop", 80)
	s.AnswerShare(id, false)
	s.ShareFrame(id, "after stop", 80)
	waitUntil(t, "the stop", func() bool { u, _ := h.trainer.WatchShare(ctx, id, copy.Seq); return u.State == share.Ended })
	if held := h.Held(); held != "" {
		t.Errorf("the hub holds %q", held)
	}
}

// Whatever a body holds, the share routes answer with a reason and never
// fail inside.
func FuzzShareBodies(f *testing.F) {
	f.Add(PathShareAsk, `{"to":"0011223344556677/1","trainer":"Ana"}`)
	f.Add(PathShareAnswer, `{"share":"0123456789abcdef01234567","allow":true}`)
	f.Add(PathShareFrame, `{"share":"x","seq":1,"w":80,"h":1,"lines":[{"r":0,"t":"\u001b[2Jhola"}]}`)
	f.Add(PathShareSay, `{"share":"x","kind":"point","point":{"row":1,"col":-1}}`)
	f.Add(PathShareSay, `{"share":"x","kind":"message","text":"\u202e"}`)
	h := newTestHub(f)
	k := h.join(f)
	f.Fuzz(func(t *testing.T, path, body string) {
		token := k.c.Token
		switch path {
		case PathShareAsk, PathShareSay:
			token = h.trainer.Token
		case PathShareAnswer, PathShareFrame:
		default:
			return
		}
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set(HeaderDevice, k.c.Device)
		rec := httptest.NewRecorder()
		h.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 || rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%s %q: %d %s", path, body, rec.Code, rec.Body)
		}
	})
}
