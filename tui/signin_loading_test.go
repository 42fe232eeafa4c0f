package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/tui/internal/tuitest"
)

// Letters typed while the list of learners is still on its way (a fast
// typist, a busy laptop) are not taken for a PIN: the screen said "A PIN
// has numbers only" on the name screen and dropped the name. Now they
// wait for nothing and say nothing; once the list is there, the name box
// takes what is typed.
func TestSignInKeysWhileLoading(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	d := &driver{t: t, st: st, clock: &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}, late: true}
	d.m = New(Config{Lang: "en", Store: st, Library: tuitest.Library(t), Now: d.clock.Now,
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.m.Init())
	d.keys("Pepa") // before the learners are loaded
	d.mustNot("PIN", "Pepa")
	d.settle()
	d.must("What's your name?")
	d.mustNot("PIN")
	d.keys("Pepa")
	d.must("› Pepa")
}
