package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/inbox"
	"aula/tui/kinds/order"
	"aula/tui/kinds/typein"
	"aula/tui/player"
)

// clock is a fake time source tests move by hand.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func (c *clock) Advance(d time.Duration) { c.now = c.now.Add(d) }

// driver runs the kiosk synchronously: every command runs at once and its
// message goes back into Update, as the Bubble Tea runtime would do.
type driver struct {
	t     testing.TB
	m     *Model
	st    *store.Store
	clock *clock
	quit  bool
	ticks int // timers asked for (they never fire by themselves)

	// late holds command results back until the test looks at the screen
	// (view, must, player, settle), then delivers them newest first: out
	// of the order they were asked for, as a loaded machine may. Flows that
	// show what a command wrote run under it.
	late  bool
	queue []tea.Cmd
}

func openStore(t testing.TB, dir string) *store.Store {
	st, err := store.Open(dir, store.Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	return st
}

// newDriver starts a kiosk on a fresh data folder at 80×24.
func newDriver(t *testing.T, lang string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	return newDriverOn(t, st, lang, "")
}

func newDriverOn(t testing.TB, st *store.Store, lang, lesson string) *driver {
	t.Helper()
	return newDriverWith(t, st, Config{Lang: lang, StartLesson: lesson})
}

// newDriverWith starts a kiosk on st with cfg (its store, library, clock and
// timers filled in).
func newDriverWith(t testing.TB, st *store.Store, cfg Config) *driver {
	t.Helper()
	d := &driver{t: t, st: st, clock: &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}}
	cfg.Store, cfg.Library, cfg.Now = st, tuitest.Library(t), d.clock.Now
	cfg.Tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
		d.ticks++
		return nil
	}
	d.m = New(cfg)
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.m.Init())
	return d
}

// send delivers a message and runs what follows from it.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	if cmd == nil || d.quit {
		return
	}
	if d.late {
		d.queue = append(d.queue, cmd)
		return
	}
	d.exec(cmd)
}

// settle runs the commands held back by late mode, newest first, and what
// follows from them, until none is left.
func (d *driver) settle() {
	d.t.Helper()
	for len(d.queue) > 0 && !d.quit {
		cmd := d.queue[len(d.queue)-1]
		d.queue = d.queue[:len(d.queue)-1]
		d.exec(cmd)
	}
}

// exec runs one command and delivers its message.
func (d *driver) exec(cmd tea.Cmd) {
	d.t.Helper()
	msg := cmd()
	if msg == nil {
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		d.quit = true
		return
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			d.run(c)
		}
		return
	}
	d.send(msg)
}

// keys types each argument: names such as "enter", "down", "f1", "esc",
// "space", "backspace", "ctrl+c", or literal text.
func (d *driver) keys(ks ...string) {
	d.t.Helper()
	for _, k := range ks {
		d.send(tuitest.KeyMsg(k))
	}
}

func (d *driver) view() string {
	d.settle()
	return d.m.View()
}

// must fails unless the screen shows every one of want.
func (d *driver) must(want ...string) {
	d.t.Helper()
	v := d.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			d.t.Fatalf("screen does not show %q:\n%s", w, v)
		}
	}
}

// mustNot fails if the screen shows any of bad.
func (d *driver) mustNot(bad ...string) {
	d.t.Helper()
	v := d.view()
	for _, b := range bad {
		if strings.Contains(v, b) {
			d.t.Fatalf("screen shows %q and should not:\n%s", b, v)
		}
	}
}

// signUp adds a learner with no PIN from the welcome screen.
func (d *driver) signUp(name string) {
	d.t.Helper()
	d.keys(name, "enter", "enter")
}

// stepIndex is the step of the lesson on screen.
func (d *driver) player() *player.Player {
	d.t.Helper()
	d.settle()
	p, ok := d.m.scr.(*player.Player)
	if !ok {
		d.t.Fatalf("not in a lesson: %T\n%s", d.m.scr, d.view())
	}
	return p
}

// answerRight gives the right answer to the current step.
func (d *driver) answerRight() {
	d.t.Helper()
	p := d.player()
	s := p.Step()
	switch ex := p.Ex.(type) {
	case *choose.ChooseExercise:
		for i, o := range ex.Opts {
			if o.Correct {
				ex.Cursor = i
				if ex.Ex.Multiple {
					ex.Marked[o.ID] = true
				}
			}
		}
	case *typein.TypeExercise:
		ex.Input.SetValue(rightText(s))
	case *order.OrderExercise:
		ex.Ids = nil
		for _, it := range s.Exercise.(*lessons.Order).Items {
			ex.Ids = append(ex.Ids, it.ID)
		}
	case *inbox.InboxExercise:
		// Do what the lesson's sample answer did, then check with C.
		a := ex.Ex.Sample()
		ex.Ans.Opened, ex.Ans.Inspected, ex.Ans.Sent = a.Opened, a.Inspected, a.Sent
		for _, id := range a.Reported {
			ex.Mail(id).Suspicious = true
		}
		d.keys("c")
		return
	}
	d.keys("enter")
}

// rightText is a right answer to a type step, taken from its answer rule.
func rightText(s *lessons.Step) string {
	r := s.Exercise.(*lessons.Type).Answer
	if r.Match == "email" {
		return "lucia.prueba@correo.example"
	}
	return r.Values[0]
}
