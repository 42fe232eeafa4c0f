package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/store"
	"aula/tui/screens"
	"aula/tui/ui"
)

// Kiosk mode (aula --kiosk): closing Aula needs the trainer PIN, so a
// learner cannot end up in front of a desktop or a shell by accident.
// Every way out (q, Ctrl+C, a Ctrl+C that arrives as a signal) goes through
// the quit dialog, whose "Close Aula" opens the PIN gate below instead of
// leaving. Changing person and the idle sign-out stay inside Aula and need
// no PIN.

// Wrong trainer PINs: the first gateFreeTries are free, then each wrong
// one makes the gate wait, twice as long each time, up to gateMaxWait.
const (
	gateFreeTries = 3
	gateFirstWait = 30 * time.Second
	gateMaxWait   = 5 * time.Minute
)

type (
	// askTrainerPINMsg opens the PIN gate (the quit dialog's "Close Aula"
	// in kiosk mode, or its "Learners' data": rights).
	askTrainerPINMsg struct{ rights bool }
	// openRightsMsg opens the learners' data screen, the PIN given.
	openRightsMsg struct{}
	// trainerPINCheckedMsg brings back the store's verdict on a PIN.
	trainerPINCheckedMsg struct {
		ok  bool
		err error
	}
	// gateTickMsg redraws the waiting time.
	gateTickMsg struct{}
)

// gate remembers wrong trainer PINs. The root model owns it, so closing
// the dialog and opening it again does not reset the wait.
type gate struct {
	fails int       // wrong PINs in a row
	until time.Time // no tries before this
}

// wait is how long the gate waits after the fails-th wrong PIN.
func gateWait(fails int) time.Duration {
	if fails < gateFreeTries {
		return 0
	}
	w := gateFirstWait
	for i := gateFreeTries; i < fails && w < gateMaxWait; i++ {
		w *= 2
	}
	return min(w, gateMaxWait)
}

// checkTrainerPIN runs bcrypt off the UI goroutine.
func checkTrainerPIN(st *store.Store, pin string) tea.Cmd {
	return func() tea.Msg {
		ok, err := st.CheckTrainerPIN(pin)
		return trainerPINCheckedMsg{ok: ok, err: err}
	}
}

// pinGate asks for the trainer PIN before Aula closes.
type pinGate struct {
	c        *ui.Common
	g        *gate
	field    ui.SecretField
	note     string // what happened last, in kind words
	bad      bool   // the note is a problem, not an instruction
	checking bool
	rights   bool // the PIN opens the learners' data, not the way out
}

func newPinGate(c *ui.Common, g *gate, rights bool) *pinGate {
	return &pinGate{c: c, g: g, field: ui.NewSecretField(store.MaxTrainerPIN), rights: rights}
}

// waiting is how long until the next try is allowed.
func (p *pinGate) waiting() time.Duration {
	return max(p.g.until.Sub(p.c.Now()), 0)
}

func (p *pinGate) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	keys := p.c.Keys
	switch {
	case key.Matches(k, keys.Back), key.Matches(k, keys.ForceQuit):
		p.field.Wipe()
		return nil, true
	case p.checking:
		return nil, false
	case key.Matches(k, keys.Enter):
		return p.submit(), false
	}
	if p.field.Update(k) {
		p.note, p.bad = "", false
	}
	return nil, false
}

func (p *pinGate) submit() tea.Cmd {
	cat := p.c.Cat
	if w := p.waiting(); w > 0 {
		p.note, p.bad = cat.T("gate_wait", "Count", secondsUp(w)), true
		return nil
	}
	pin := p.field.Value()
	p.field.Wipe()
	if !store.ValidTrainerPIN(pin) {
		p.note, p.bad = cat.T("gate_pin_format", "Min", store.MinTrainerPIN, "Max", store.MaxTrainerPIN), true
		return nil
	}
	p.checking = true
	p.note, p.bad = cat.T("gate_checking"), false
	return checkTrainerPIN(p.c.Store, pin)
}

// checked takes the store's verdict. It reports whether the gate closes.
func (p *pinGate) checked(msg trainerPINCheckedMsg) (tea.Cmd, bool) {
	p.checking = false
	cat := p.c.Cat
	switch {
	case msg.err != nil:
		p.note, p.bad = cat.T("gate_check_failed"), true
		return nil, false
	case msg.ok && p.rights:
		*p.g = gate{}
		return ui.Send(openRightsMsg{}), true
	case msg.ok:
		*p.g = gate{}
		return ui.Send(ui.QuitMsg{}), true
	}
	p.g.fails++
	if w := gateWait(p.g.fails); w > 0 {
		p.g.until = p.c.Now().Add(w)
		p.note, p.bad = cat.T("gate_wrong_wait", "Count", secondsUp(w)), true
		return p.tick(), false
	}
	p.note, p.bad = cat.T("gate_wrong"), true
	return nil, false
}

// tick redraws the countdown once a second while the gate waits.
func (p *pinGate) tick() tea.Cmd {
	if p.waiting() <= 0 {
		return nil
	}
	return p.c.Tick(time.Second, func(time.Time) tea.Msg { return gateTickMsg{} })
}

// ticked is a second gone by: say how long is left, or that it is over.
func (p *pinGate) ticked() tea.Cmd {
	if w := p.waiting(); w > 0 {
		p.note, p.bad = p.c.Cat.T("gate_wait", "Count", secondsUp(w)), true
		return p.tick()
	}
	if p.bad && p.g.fails >= gateFreeTries {
		p.note, p.bad = p.c.Cat.T("gate_try_again"), false
	}
	return nil
}

// secondsUp rounds a wait up to whole seconds: "wait 1 second", never "0".
func secondsUp(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }

func (p *pinGate) Keys() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Check, k.Back}
}

func (p *pinGate) View(width, height int) string {
	st, cat := p.c.Styles, p.c.Cat
	inner := ui.Clamp(width-8, 10, 60)
	wrap := ui.Wrapper(inner)
	lines := []string{
		st.Title.Render(cat.T("gate_title")), "",
		wrap.Render(cat.T("gate_text")), "",
		cat.T("gate_field"),
		st.Input.Render(p.field.View(store.MaxTrainerPIN+1, !p.checking, st.FieldCursor)),
	}
	if p.note != "" {
		note := p.note
		if p.bad {
			note = st.Bad.Render("! ") + note
		}
		lines = append(lines, "", wrap.Render(note))
	}
	lines = append(lines, "", st.Dim.Render(wrap.Render(cat.T("gate_learner"))))
	box := st.Dialog.Width(inner + st.Dialog.GetHorizontalPadding()).Render(strings.Join(lines, "\n"))
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}

// Close forgets what was typed.
func (p *pinGate) Close() { p.field.Wipe() }

// openRights shows the learners' data screen (screens.Rights), the trainer
// PIN given: whoever was signed in is signed out first.
func (m *Model) openRights() tea.Cmd {
	var out tea.Cmd
	if m.c.Learner != nil {
		out = m.signOut()
	}
	r := screens.NewRights(m.c, m.cfg.Papers)
	m.show(r)
	return tea.Batch(out, r.Init())
}
