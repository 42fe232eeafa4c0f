package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// HelpOverlay explains the current screen and its keys. Esc, F1 or ?
// close it.
type HelpOverlay struct {
	C        *Common
	Text     string
	Bindings []key.Binding
}

// NewHelpOverlay makes the help for screen s: its text and its keys.
func NewHelpOverlay(c *Common, s Screen) *HelpOverlay {
	return &HelpOverlay{C: c, Text: s.HelpText(), Bindings: s.Keys()}
}

// Update handles keys and clicks meant for the screen.
func (h *HelpOverlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	keys := h.C.Keys
	closes := key.Matches(k, keys.Back) || key.Matches(k, keys.Help) || key.Matches(k, keys.HelpQ) ||
		key.Matches(k, keys.Enter) || key.Matches(k, keys.ForceQuit)
	return nil, closes
}

// Keys lists the bindings the screen adds to the help.
func (h *HelpOverlay) Keys() []key.Binding {
	k := h.C.Keys
	return []key.Binding{k.Back}
}

// View draws the screen.
func (h *HelpOverlay) View(width, height int) string {
	st, cat := h.C.Styles, h.C.Cat
	w := h.C.TextWidth()
	wrap := Wrapper(w)
	var b strings.Builder
	b.WriteString(st.Title.Render(cat.T("help_title")) + "\n\n")
	b.WriteString(Wrap(h.Text, w) + "\n\n")
	b.WriteString(st.Title.Render(cat.T("help_keys")) + "\n")
	for _, line := range h.C.KeyHelp(h.Bindings) {
		b.WriteString(wrap.Render("  "+line) + "\n")
	}
	b.WriteString(wrap.Render(cat.T("help_mouse")) + "\n\n")
	b.WriteString(st.Dim.Render(wrap.Render(cat.T("help_close"))))
	return b.String()
}
