package dashboard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/store"
	"aula/tui/internal/tuitest"
)

// fakeSource is a class in memory: what the dashboard reads and what it
// was asked to send.
type fakeSource struct {
	mu        sync.Mutex
	snap      classroom.Snapshot
	err       error // Snapshot fails with it
	details   map[uint64]classroom.Detail
	detailErr error
	sendErr   error
	sent      []classroom.Command
	live      bool
	reads     int
}

func (f *fakeSource) Snapshot(context.Context) (classroom.Snapshot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	if f.err != nil {
		return classroom.Snapshot{}, f.err
	}
	s := f.snap
	s.Rows = append([]classroom.Row(nil), f.snap.Rows...)
	return s, nil
}

func (f *fakeSource) Detail(_ context.Context, id uint64) (classroom.Detail, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.detailErr != nil {
		return classroom.Detail{}, f.detailErr
	}
	d, ok := f.details[id]
	if !ok {
		return classroom.Detail{}, store.ErrNotFound
	}
	return d, nil
}

func (f *fakeSource) Send(_ context.Context, c classroom.Command) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.live && c.Kind != classroom.CmdResetPIN {
		return classroom.ErrNotLive
	}
	if f.sendErr != nil {
		return f.sendErr
	}
	f.sent = append(f.sent, c)
	return nil
}

func (f *fakeSource) Live() bool { return f.live }

func (f *fakeSource) setRows(rows []classroom.Row) {
	f.mu.Lock()
	f.snap.Rows = rows
	f.mu.Unlock()
}

func (f *fakeSource) commands() []classroom.Command {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]classroom.Command(nil), f.sent...)
}

// dashAt is when the fake class is looked at.
var dashAt = time.Date(2026, 11, 24, 10, 30, 0, 0, time.UTC)

// device is a kiosk's device id for learner n.
func device(n int) string { return fmt.Sprintf("%016x", 0xa0a0+n) }

// learnerRow is a learner on step (0-based) of lesson, working, seen a
// second ago.
func learnerRow(id uint64, name, lesson string, step, steps int) classroom.Row {
	return classroom.Row{
		ID: id, Name: name, Device: device(int(id)), RemoteID: 1, Seen: time.Second,
		Last:    dashAt.Add(-30 * time.Second),
		Present: &classroom.Presence{Learner: 1, Name: name, Screen: "lesson", Lesson: lesson, StepIndex: step, Steps: steps, Idle: 20, OnStep: 40},
		Progress: []store.Progress{{Lesson: lesson, Status: store.InProgress, Step: step, Steps: steps,
			LastActivity: dashAt.Add(-30 * time.Second)}},
	}
}

// flagRows are a learner of each kind, in the hub's order of urgency.
func flagRows() []classroom.Row {
	help := learnerRow(1, "Lucía", "usar-aula", 3, 8)
	help.Present.Help, help.Present.HelpWait, help.Present.Misses = true, 185, 2
	help.Flags = []classroom.Flag{classroom.FlagHelp}
	help.Progress[0].Mistakes = map[string]int{"teclas-ayuda/esc": 2, "flechas/arriba": 1}

	seen := learnerRow(2, "Manuel", "teclado", 4, 9)
	seen.Present.Help, seen.Present.HelpWait, seen.Present.HelpSeen = true, 40, true
	seen.Flags = []classroom.Flag{classroom.FlagHelp}
	seen.Progress = append(seen.Progress, store.Progress{Lesson: "usar-aula", Status: store.Done, Steps: 8})

	stuck := learnerRow(3, "Carmen", "usar-aula", 3, 8)
	stuck.Present.Misses, stuck.Present.OnStep = 3, 540
	stuck.Flags = []classroom.Flag{classroom.FlagStuck}
	stuck.Progress[0].Mistakes = map[string]int{"teclas-ayuda/esc": 2, "teclas-ayuda/intro": 1}

	idle := learnerRow(4, "Antonio", "usar-aula", 6, 8)
	idle.Present.Idle = 250
	idle.Flags = []classroom.Flag{classroom.FlagIdle}

	working := learnerRow(5, "Fátima", "usar-aula", 1, 8)

	home := learnerRow(6, "Rosa", "", 0, 0)
	home.Present.Screen, home.Present.Lesson = "home", ""
	home.Progress = []store.Progress{{Lesson: "usar-aula", Status: store.Done, Steps: 8, LastActivity: dashAt.Add(-10 * time.Minute)}}

	offline := learnerRow(7, "Jorge", "teclado", 2, 9)
	offline.Present = nil
	offline.Last = dashAt.Add(-12 * time.Minute)
	offline.Flags = []classroom.Flag{classroom.FlagOffline}

	done := learnerRow(8, "Pilar", "usar-aula", 7, 8)
	done.Present.Screen = "summary"
	done.Flags = []classroom.Flag{classroom.FlagFinished}
	done.Progress[0].Status = store.Done

	return []classroom.Row{help, seen, stuck, idle, working, home, offline, done}
}

// names for a class of 30.
var classNames = []string{"Lucía", "Manuel", "Carmen", "Antonio", "Fátima", "Rosa", "Jorge", "Pilar", "Dolores", "José Luis",
	"Ana M.", "Francisco", "Mercedes", "Rafael", "Nuria", "Ahmed", "Isabel", "Juan", "Concha", "Miguel Ángel",
	"Teresa", "Pedro", "Amparo", "Yolanda", "Ramón", "Encarna", "Ibrahim", "Marisol", "Luis", "Ángeles"}

// classRows is a class of n: a few with flags first, the rest working.
func classRows(n int) []classroom.Row {
	rows := flagRows()
	lessons := []string{"usar-aula", "teclado", "seguridad-basica"}
	steps := map[string]int{"usar-aula": 8, "teclado": 9, "seguridad-basica": 8}
	for i := len(rows); i < n; i++ {
		l := lessons[i%3]
		r := learnerRow(uint64(i+1), classNames[i%len(classNames)], l, i%steps[l], steps[l])
		if l != "usar-aula" {
			r.Progress = append(r.Progress, store.Progress{Lesson: "usar-aula", Status: store.Done, Steps: 8})
		}
		if i%4 == 0 {
			r.Progress[0].Mistakes = map[string]int{"flechas/arriba": 1}
		}
		rows = append(rows, r)
	}
	if n < len(rows) {
		rows = rows[:n]
	}
	return rows
}

// luciaDetail is what Lucía (row 1) did.
func luciaDetail() classroom.Detail {
	return classroom.Detail{
		Learner: store.Learner{ID: 1, Name: "Lucía", Device: device(1), RemoteID: 1},
		Lessons: []classroom.LessonDetail{{
			Lesson: "usar-aula", Status: store.InProgress, Total: 7*time.Minute + 20*time.Second,
			Steps: []classroom.StepDetail{
				{Step: "bienvenida", Index: 0, Attempts: 0, Time: 40 * time.Second, Done: true},
				{Step: "flechas", Index: 1, Attempts: 2, Misses: 1, Time: 90 * time.Second, Done: true, Mistakes: map[string]int{"arriba": 1}},
				{Step: "ayuda", Index: 2, Time: 30 * time.Second, Done: true},
				{Step: "teclas-ayuda", Index: 3, Attempts: 3, Misses: 3, Hints: 1, Time: 4 * time.Minute,
					Mistakes: map[string]int{"esc": 2, "missing": 1}},
			},
		}, {
			Lesson: "teclado", Status: store.InProgress, Total: 2 * time.Minute,
			Steps: []classroom.StepDetail{
				{Step: "nombre-lucia", Index: 4, Attempts: 2, Misses: 2, Time: 2 * time.Minute, Mistakes: map[string]int{"sin-tilde": 2}},
			},
		}},
	}
}

// dashDriver runs a dashboard synchronously, as the driver does the kiosk:
// commands run at once and their messages go back into Update. Timers do
// not fire by themselves: tick fires the last one asked for.
type dashDriver struct {
	t    testing.TB
	d    *Dashboard
	src  *fakeSource
	tick func(time.Time) tea.Msg
	quit bool
}

func newDash(t testing.TB, lang string, src *fakeSource, w, h int) *dashDriver {
	t.Helper()
	return newDashWith(t, lang, src, w, h, nil)
}

// newDashWith is newDash with a change to the dashboard's Config (nil: none).
func newDashWith(t testing.TB, lang string, src *fakeSource, w, h int, change func(*Config)) *dashDriver {
	t.Helper()
	dd := &dashDriver{t: t, src: src}
	addr, code := "http://192.168.1.23:7420", "4821"
	if !src.live {
		addr, code = "", ""
	}
	cfg := Config{Source: src, Library: tuitest.Library(t), Lang: lang, Address: addr, Code: code,
		Now: func() time.Time { return dashAt },
		Tick: func(_ time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			dd.tick = f
			return nil
		}}
	if change != nil {
		change(&cfg)
	}
	dd.d = New(cfg)
	dd.send(tea.WindowSizeMsg{Width: w, Height: h})
	dd.run(dd.d.Init())
	return dd
}

func (dd *dashDriver) send(msg tea.Msg) {
	dd.t.Helper()
	_, cmd := dd.d.Update(msg)
	dd.run(cmd)
}

func (dd *dashDriver) run(cmd tea.Cmd) {
	dd.t.Helper()
	if cmd == nil || dd.quit {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		dd.quit = true
		return
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			dd.run(c)
		}
		return
	}
	dd.send(msg)
}

// fire lets the refresh timer go off.
func (dd *dashDriver) fire() {
	dd.t.Helper()
	if dd.tick == nil {
		dd.t.Fatal("no refresh is scheduled")
	}
	f := dd.tick
	dd.tick = nil
	dd.send(f(dashAt))
}

func (dd *dashDriver) keys(ks ...string) {
	dd.t.Helper()
	for _, k := range ks {
		switch k {
		case "home":
			dd.send(tea.KeyMsg{Type: tea.KeyHome})
		case "end":
			dd.send(tea.KeyMsg{Type: tea.KeyEnd})
		case "pgup":
			dd.send(tea.KeyMsg{Type: tea.KeyPgUp})
		default:
			dd.send(tuitest.KeyMsg(k))
		}
	}
}

func (dd *dashDriver) view() string { return dd.d.View() }

func (dd *dashDriver) must(want ...string) {
	dd.t.Helper()
	v := dd.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			dd.t.Fatalf("screen does not show %q:\n%s", w, v)
		}
	}
}

func (dd *dashDriver) mustNot(bad ...string) {
	dd.t.Helper()
	v := dd.view()
	for _, b := range bad {
		if strings.Contains(v, b) {
			dd.t.Fatalf("screen shows %q and should not:\n%s", b, v)
		}
	}
}

var errHubDown = errors.New("connection refused")
