package classroom

import (
	"context"
	"errors"
	"testing"

	"aula/store"
)

// hubHolds says how many learners and events the hub's file holds.
func hubHolds(t *testing.T, h *testHub) (learners, events int) {
	t.Helper()
	all, err := h.st.AllProgress()
	if err != nil {
		t.Fatal(err)
	}
	for _, lp := range all {
		evs, _ := h.st.Events(lp.Learner.ID)
		events += len(evs)
	}
	return len(all), events
}

// The attacks on erasing: another laptop, no token, a stolen device id, a
// device token for a trainer command. Each is refused and changes nothing;
// then the learner's own laptop erases her, and the trainer erases another.
func TestEraseThroughTheClassAndItsAttacks(t *testing.T) {
	h := newTestHub(t)
	ctx := context.Background()
	a, b := h.join(t), h.join(t)
	ana, _ := a.st.AddLearner("Ana Erasmo", "")
	rosa, _ := b.st.AddLearner("Rosa", "")
	record(t, a.st, store.Event{Learner: ana.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	record(t, b.st, store.Event{Learner: rosa.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	for _, k := range []kiosk{a, b} {
		if _, err := k.c.Push(ctx, outboxPush(t, k)); err != nil {
			t.Fatal(err)
		}
	}
	l0, e0 := hubHolds(t, h)
	if l0 != 2 || e0 != 2 {
		t.Fatalf("before: %d learners, %d events", l0, e0)
	}
	tok := store.ErasureToken(a.c.Device, ana.ID)
	unchanged := func(what string) {
		t.Helper()
		if l, e := hubHolds(t, h); l != l0 || e != e0 {
			t.Errorf("%s changed the hub: %d learners, %d events", what, l, e)
		}
	}

	eraseAttacksRefused(t, h, a, b, Target(a.c.Device, ana.ID), tok, unchanged)

	// Ana's own laptop erases her (behind the trainer PIN) and tells the
	// hub through its sync.
	if _, err := a.st.EraseLearner(ana.ID); err != nil {
		t.Fatal(err)
	}
	startSyncer(t, a.st, h.srv.URL, a.c.Token)
	waitUntil(t, "the hub erases Ana", func() bool {
		_, err := h.st.HubLearner(a.c.Device, ana.ID)
		toks, _ := a.st.ErasuresToSend()
		return errors.Is(err, store.ErrNotFound) && len(toks) == 0
	})
	if l, e := hubHolds(t, h); l != 1 || e != 1 {
		t.Errorf("after Ana's erasure: %d learners, %d events (want Rosa's)", l, e)
	}

	trainerErasesRosa(t, h, b, rosa.ID)
	if err := h.trainer.Send(ctx, Command{Kind: CmdErase}); err == nil {
		t.Error("an erase for nobody was taken")
	}
}

// eraseAttacksRefused tries every way in to erase Ana (of laptop a, target
// anaTarget, token tok) without the right: each refused, unchanged.
func eraseAttacksRefused(t *testing.T, h *testHub, a, b kiosk, anaTarget, tok string, unchanged func(string)) {
	t.Helper()
	ctx := context.Background()
	// Laptop b names Ana (her laptop's token): nobody of b's.
	if r, err := b.c.Erase(ctx, []string{tok}); err != nil || r.Erased != 0 {
		t.Errorf("another laptop's erase: %+v, %v", r, err)
	}
	unchanged("another laptop's erase")
	// No token at all; laptop a's id with b's token.
	for name, c := range map[string]*Client{
		"no token":        {URL: h.srv.URL, Pin: h.pin, Device: a.c.Device},
		"stolen id":       {URL: h.srv.URL, Pin: h.pin, Device: a.c.Device, Token: b.c.Token},
		"trainer's route": {URL: h.srv.URL, Pin: h.pin, Token: b.c.Token},
	} {
		var err error
		if name == "trainer's route" {
			err = c.Send(ctx, Command{Kind: CmdErase, To: anaTarget})
		} else {
			_, err = c.Erase(ctx, []string{tok})
		}
		if !errors.Is(err, ErrNotJoined) {
			t.Errorf("%s: %v, want refused as not joined", name, err)
		}
		unchanged(name)
	}
	// Hostile bodies.
	for _, toks := range [][]string{nil, {"zz"}, make([]string, MaxErase+1)} {
		if _, err := a.c.Erase(ctx, toks); !errors.Is(err, ErrBadRequest) {
			t.Errorf("erase %d tokens %.10v: %v", len(toks), toks, err)
		}
	}
	unchanged("hostile bodies")

}

// On the hub's own laptop ("local/"), the trainer's rename and merge act
// at once; a merge across laptops, or into oneself, is refused.
func TestHubRenamesAndMergesItsOwnLearners(t *testing.T) {
	h := newTestHub(t)
	ctx := context.Background()
	a, _ := h.st.AddLearner("Begona", "")
	b, _ := h.st.AddLearner("Begoña", "")
	record(t, h.st, store.Event{Learner: a.ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4})
	for _, bad := range []Command{
		{Kind: CmdMerge, To: Target("local", a.ID), Text: Target("0000000000000000", b.ID)},
		{Kind: CmdMerge, To: Target("local", a.ID), Text: Target("local", a.ID)},
		{Kind: CmdMerge, To: Target("local", a.ID)},
		{Kind: CmdRename, To: Target("local", a.ID), Text: "\x1b[2J"},
	} {
		if err := h.trainer.Send(ctx, bad); err == nil {
			t.Errorf("%+v was taken", bad)
		}
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdMerge, To: Target("local", a.ID), Text: Target("local", b.ID)}); err != nil {
		t.Fatal(err)
	}
	if evs, _ := h.st.Events(b.ID); len(evs) != 1 {
		t.Errorf("Begoña's events after the merge: %d", len(evs))
	}
	if err := h.trainer.Send(ctx, Command{Kind: CmdRename, To: Target("local", b.ID), Text: "Begoña Ruiz"}); err != nil {
		t.Fatal(err)
	}
	if l, _ := h.st.Learner(b.ID); l.Name != "Begoña Ruiz" {
		t.Errorf("renamed: %q", l.Name)
	}
}

// trainerErasesRosa: the trainer's erasure reaches the hub at once, the
// command goes on to her laptop, and a late push brings nothing back.
func trainerErasesRosa(t *testing.T, h *testHub, b kiosk, rosaID uint64) {
	t.Helper()
	ctx := context.Background()
	rosa := struct{ ID uint64 }{rosaID}
	// The trainer erases Rosa: the hub's copy at once; the command goes on
	// to her laptop.
	if err := h.trainer.Send(ctx, Command{Kind: CmdErase, To: Target(b.c.Device, rosa.ID)}); err != nil {
		t.Fatal(err)
	}
	if l, e := hubHolds(t, h); l != 0 || e != 0 {
		t.Errorf("after the trainer's erasure: %d learners, %d events", l, e)
	}
	r, err := b.c.Poll(ctx, 0)
	if err != nil || len(r.Commands) != 1 || r.Commands[0].Kind != CmdErase || r.Commands[0].To != Target(b.c.Device, rosa.ID) {
		t.Errorf("Rosa's laptop hears %+v, %v", r, err)
	}
	// Her laptop, offline meanwhile, pushes again: confirmed, not kept.
	record(t, b.st, store.Event{Learner: rosa.ID, Kind: store.HelpAsked})
	resp, err := b.c.Push(ctx, outboxPush(t, b))
	if err != nil || resp.Stored != 0 || len(resp.Confirmed) != 2 || len(resp.Erased) != 1 || resp.Erased[0] != rosa.ID {
		t.Errorf("a late push: %+v, %v", resp, err)
	}
	// Through the syncer, the laptop erases her when the hub says so.
	record(t, b.st, store.Event{Learner: rosa.ID, Kind: store.HelpCancelled})
	startSyncer(t, b.st, h.srv.URL, b.c.Token)
	waitUntil(t, "Rosa's laptop erases her", func() bool {
		_, err := b.st.Learner(rosa.ID)
		return errors.Is(err, store.ErrNotFound)
	})
	if l, _ := hubHolds(t, h); l != 0 {
		t.Errorf("the late push brought Rosa back")
	}
}
