package tui

import (
	"strings"
	"time"

	"aula/tui/ui"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// idleCheckMsg asks the root to look at how long there has been no input.
type idleCheckMsg struct{}

// idleCheckEvery is how often the idle clock is looked at outside the warning.
const idleCheckEvery = 5 * time.Second

// scheduleIdle starts the idle clock on a shared laptop. One check is
// scheduled at a time.
func (m *Model) scheduleIdle() tea.Cmd {
	if !m.shared || m.idleTick || m.c.Learner == nil {
		return nil
	}
	m.idleTick = true
	every := idleCheckEvery
	if _, warning := m.overlay.(*idleWarning); warning {
		every = time.Second
	}
	return m.cfg.Tick(every, func(time.Time) tea.Msg { return idleCheckMsg{} })
}

// checkIdle warns after IdleAfter without input and signs out IdleGrace later.
func (m *Model) checkIdle() tea.Cmd {
	m.idleTick = false
	if m.c.Learner == nil || !m.shared {
		return nil
	}
	quiet := m.c.Now().Sub(m.lastInput)
	switch {
	case quiet >= m.cfg.IdleAfter+m.cfg.IdleGrace:
		m.status = m.c.Cat.T("signed_out_idle")
		return m.signOut()
	case quiet >= m.cfg.IdleAfter:
		deadline := m.lastInput.Add(m.cfg.IdleAfter + m.cfg.IdleGrace)
		if w, ok := m.overlay.(*idleWarning); ok {
			w.deadline = deadline
		} else {
			m.overlay = &idleWarning{c: m.c, deadline: deadline}
		}
	}
	return m.scheduleIdle()
}

// idleWarning counts down before signing out an absent learner.
type idleWarning struct {
	c        *ui.Common
	deadline time.Time
}

func (w *idleWarning) Update(tea.Msg) (tea.Cmd, bool) { return nil, true }

func (w *idleWarning) Keys() []key.Binding { return nil }

func (w *idleWarning) View(width, height int) string {
	st, cat := w.c.Styles, w.c.Cat
	left := int(w.deadline.Sub(w.c.Now()).Round(time.Second) / time.Second)
	left = max(left, 0)
	text := strings.Join([]string{
		st.Title.Render(cat.T("idle_title")), "",
		cat.T("idle_text", "Count", left),
		cat.T("idle_saved"),
	}, "\n")
	box := st.Dialog.Width(ui.Clamp(width-4, 10, 60)).Render(text)
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}
