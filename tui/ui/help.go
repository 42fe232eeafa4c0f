package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// HelpOverlay explains the current screen and its keys. Esc, F1 or ?
// close it. Help taller than the screen scrolls (↑ ↓, the page keys, the
// wheel), and the line that says how to close it always shows.
type HelpOverlay struct {
	C        *Common
	Text     string
	Bindings []key.Binding
	vp       viewport.Model
}

// NewHelpOverlay makes the help for screen s: its text and its keys.
func NewHelpOverlay(c *Common, s Screen) *HelpOverlay {
	return &HelpOverlay{C: c, Text: s.HelpText(), Bindings: s.Keys(), vp: helpViewport(c)}
}

// helpViewport is a viewport moved by Aula's own keys.
func helpViewport(c *Common) viewport.Model {
	vp := viewport.New(0, 0)
	k := c.Keys
	vp.KeyMap = viewport.KeyMap{PageDown: k.PageDown, PageUp: k.PageUp, Up: k.Up, Down: k.Down}
	return vp
}

// Update handles keys and clicks meant for the screen.
func (h *HelpOverlay) Update(msg tea.Msg) (tea.Cmd, bool) {
	if m, ok := msg.(tea.MouseMsg); ok {
		h.vp, _ = h.vp.Update(m)
		return nil, false
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil, false
	}
	keys := h.C.Keys
	closes := key.Matches(k, keys.Back) || key.Matches(k, keys.Help) || key.Matches(k, keys.HelpQ) ||
		key.Matches(k, keys.Enter) || key.Matches(k, keys.ForceQuit)
	if !closes {
		h.vp, _ = h.vp.Update(k)
	}
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
	b.WriteString(wrap.Render(cat.T("help_mouse")))
	return h.Fit(b.String(), st.Dim.Render(wrap.Render(cat.T("help_close"))), width, height)
}

// NewHelp makes a help overlay with its own text and keys (NewHelpOverlay
// takes them from a Screen), for a screen that draws its help itself
// and shows it through Fit.
func NewHelp(c *Common, text string, bindings []key.Binding) *HelpOverlay {
	return &HelpOverlay{C: c, Text: text, Bindings: bindings, vp: helpViewport(c)}
}

// Fit shows body above closing (how to close the help) in height lines:
// whole when it fits, else scrolling with the overlay's keys above a line
// that says there is more.
func (h *HelpOverlay) Fit(body, closing string, width, height int) string {
	cat, st := h.C.Cat, h.C.Styles
	room := height - 1 - lipgloss.Height(closing) // a blank line, then how to close
	if lipgloss.Height(body) <= room || room < 2 {
		return body + "\n\n" + closing
	}
	// Too tall: the body scrolls above a line that says there is more.
	h.vp.Width, h.vp.Height = width, room
	h.vp.SetContent(body)
	more := cat.T("more_below")
	if h.vp.AtBottom() {
		more = cat.T("more_above")
	}
	return h.vp.View() + "\n" + st.Dim.Render(lipgloss.NewStyle().MaxWidth(width).Render(more)) + "\n" + closing
}
