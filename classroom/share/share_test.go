package share

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func same(s string) string { return s }

// clock is a relay's clock that moves past MinGap at every reading.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

// A kiosk's screens go through the Sender and the Relay while dashboards
// that last saw any earlier frame ask for news. Delivered late and in any
// order, the updates never take a copy back nor make it a screen that
// never was; asking once more from the copy gives the screen now.
func TestFramesArriveLateAndOutOfOrder(t *testing.T) {
	r := NewRelay((&clock{}).now, same)
	id, err := r.Ask("dev", 1)
	if err != nil || r.Answer("dev", id, true) != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	screens, updates, last := playFrames(t, r, id, rng)
	rng.Shuffle(len(updates), func(i, j int) { updates[i], updates[j] = updates[j], updates[i] })
	var c Screen
	taken := 0
	for _, u := range updates {
		before := c.Seq
		if c.Apply(u) {
			taken++
			if c.Seq <= before || c.Text() != screens[c.Seq] {
				t.Fatalf("update %d (for %d, full %v) made frame %d of frame %d: %q, want %q", u.Seq, u.After, u.Full, c.Seq, before, c.Text(), screens[c.Seq])
			}
		} else if c.Seq == before && c.Text() != screens[c.Seq] {
			t.Fatalf("a refused update changed the copy")
		}
	}
	if taken == 0 || taken == len(updates) {
		t.Fatalf("%d of %d updates taken: the order did not test anything", taken, len(updates))
	}
	u, _ := r.Watch(context.Background(), id, c.Seq, time.Millisecond)
	c.Apply(u)
	if want := screens[last]; c.Text() != want {
		t.Fatalf("the copy is %q, want %q", c.Text(), want)
	}
}

// playFrames sends 80 changes of a screen through a Sender into r; after
// each, a dashboard that has some earlier frame asks for news. It returns
// each frame's screen, the updates given, and the last frame's number.
func playFrames(t *testing.T, r *Relay, id string, rng *rand.Rand) (map[uint64]string, []Update, uint64) {
	t.Helper()
	snd := Sender{Share: id}
	screens := map[uint64]string{0: ""}
	var updates []Update
	rows := []string{"Aula · Contraseña", "", "  [    ]", "→ Usa 3 palabras"}
	ctx := context.Background()
	for i := range 80 {
		rows = slices.Clone(rows)
		switch rng.IntN(4) {
		case 0:
			rows[2] = fmt.Sprintf("  [%d]", i)
		case 1:
			rows = append(rows, fmt.Sprintf("línea %d", i))
		case 2:
			if len(rows) > 3 {
				rows = rows[:len(rows)-1]
			}
		}
		f, changed := snd.Next(slices.Clone(rows), 80)
		if !changed {
			continue
		}
		if err := r.Put("dev", f); err != nil {
			t.Fatalf("frame %d: %v", f.Seq, err)
		}
		snd.Took(f)
		screens[f.Seq] = joinRows(rows)
		// A dashboard that has some earlier frame asks for news.
		u, err := r.Watch(ctx, id, rng.Uint64N(f.Seq+1), time.Millisecond)
		if err != nil || u.Seq != f.Seq {
			t.Fatalf("watch: %+v %v", u, err)
		}
		updates = append(updates, u)
	}
	return screens, updates, snd.seq
}

func joinRows(rows []string) string { s := Screen{Rows: rows}; return s.Text() }

// An ask nobody answers is declined after AskFor, and a share whose kiosk
// goes quiet ends; either holds no frame.
func TestSharesExpire(t *testing.T) {
	c := &clock{}
	r := NewRelay(func() time.Time { return c.t }, same)
	asked, _ := r.Ask("dev", 1)
	shared, _ := r.Ask("dev", 2)
	if err := r.Answer("dev", shared, true); err != nil {
		t.Fatal(err)
	}
	if err := r.Put("dev", Frame{Share: shared, Seq: 1, Width: 10, Height: 1, Lines: []Line{{0, "hola"}}}); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(QuietFor + time.Second)
	ctx := context.Background()
	for id, want := range map[string]State{asked: Declined, shared: Ended} {
		if u, err := r.Watch(ctx, id, 0, time.Millisecond); err != nil || u.State != want || len(u.Lines) != 0 {
			t.Errorf("after the wait: %+v %v, want %s", u, err, want)
		}
	}
	if r.Held() != "" {
		t.Errorf("expired shares hold %q", r.Held())
	}
	if err := r.Answer("dev", asked, true); err != ErrNotAsked {
		t.Errorf("allowing an expired ask: %v", err)
	}
	c.t = c.t.Add(KeepEnded + time.Second)
	if _, err := r.Watch(ctx, shared, 0, time.Millisecond); err != ErrNoShare {
		t.Errorf("a share over for long: %v", err)
	}
	for range MaxShares {
		if _, err := r.Ask("dev", 3); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Ask("dev", 3); err != ErrTooMany {
		t.Errorf("one share too many: %v", err)
	}
}

func FuzzCheckFrame(f *testing.F) {
	f.Add("share", uint64(1), uint64(0), 80, 1, 0, "hola")
	f.Fuzz(func(t *testing.T, id string, seq, base uint64, w, h, row int, text string) {
		fr := Frame{Share: id, Seq: seq, Base: base, Width: w, Height: h, Lines: []Line{{row, text}}}
		if Check(fr, same) != nil {
			return
		}
		var s Screen
		s.take(fr)
		if u := s.since(0); len(u.Lines) != h {
			t.Fatalf("a whole update of a %d-row screen has %d rows", h, len(u.Lines))
		}
	})
}
func TestErrBadSayNamesMaxSay(t *testing.T) {
	if maxSayText != strconv.Itoa(MaxSay) || !strings.Contains(ErrBadSay.Error(), " "+strconv.Itoa(MaxSay)+" bytes") {
		t.Errorf("ErrBadSay says %q, MaxSay is %d", ErrBadSay, MaxSay)
	}
}
