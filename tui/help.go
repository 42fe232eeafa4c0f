package tui

import (
	"strings"

	"aula/tui/ui"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// helpOverlay explains the current screen and its keys. Esc, F1 or ?
// close it.
type helpOverlay struct {
	c    *ui.Common
	text string
	keys []key.Binding
}

func newHelpOverlay(c *ui.Common, s screen) *helpOverlay {
	return &helpOverlay{c: c, text: s.HelpText(), keys: s.Keys()}
}

func (h *helpOverlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	keys := h.c.Keys
	closes := key.Matches(k, keys.Back) || key.Matches(k, keys.Help) || key.Matches(k, keys.HelpQ) ||
		key.Matches(k, keys.Enter) || key.Matches(k, keys.ForceQuit)
	return nil, closes
}

func (h *helpOverlay) Keys() []key.Binding {
	k := h.c.Keys
	return []key.Binding{k.Back}
}

func (h *helpOverlay) View(width, height int) string {
	st, cat := h.c.Styles, h.c.Cat
	w := h.c.TextWidth()
	wrap := lipgloss.NewStyle().Width(w)
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.T("help_title")) + "\n\n")
	b.WriteString(wrap.Render(h.text) + "\n\n")
	b.WriteString(st.Title.Render(cat.T("help_keys")) + "\n")
	for _, line := range h.c.KeyHelp(h.keys) {
		b.WriteString(wrap.Render("  "+line) + "\n")
	}
	b.WriteString(wrap.Render(cat.T("help_mouse")) + "\n\n")
	b.WriteString(st.Dim.Render(wrap.Render(cat.T("help_close"))))
	return b.String()
}
