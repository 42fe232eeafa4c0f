package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// dialogButton is one answer to a dialog; a nil msg just closes it.
type dialogButton struct {
	label string
	msg   tea.Msg
}

// dialog asks one question with a few buttons. Esc closes it, as the last
// button ("stay") does.
type dialog struct {
	c       *Common
	title   string
	text    string
	buttons []dialogButton
	cursor  int
}

func newDialog(c *Common, title, text string, buttons []dialogButton) *dialog {
	return &dialog{c: c, title: title, text: text, buttons: buttons}
}

func (d *dialog) zoneID(i int) string { return fmt.Sprintf("dlg-%d", i) }

func (d *dialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Left), key.Matches(msg, k.Up):
			d.cursor = (d.cursor - 1 + len(d.buttons)) % len(d.buttons)
		case key.Matches(msg, k.Right), key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
			d.cursor = (d.cursor + 1) % len(d.buttons)
		case key.Matches(msg, k.Enter):
			return d.press(d.cursor)
		case key.Matches(msg, k.Back), key.Matches(msg, k.ForceQuit):
			return nil, true
		}
	case tea.MouseMsg:
		if isClick(msg) {
			for i := range d.buttons {
				if d.c.Zones.Get(d.zoneID(i)).InBounds(msg) {
					return d.press(i)
				}
			}
		}
	}
	return nil, false
}

func (d *dialog) press(i int) (tea.Cmd, bool) {
	if m := d.buttons[i].msg; m != nil {
		return send(m), true
	}
	return nil, true
}

func (d *dialog) Keys() []key.Binding {
	k := d.c.Keys
	return []key.Binding{k.Up, k.Down, k.Enter, k.Back}
}

func (d *dialog) View(width, height int) string {
	st := d.c.Styles
	inner := clamp(width-8, 10, 60)
	var btns []string
	for i, b := range d.buttons {
		label := "  [ " + b.label + " ]"
		if i == d.cursor {
			label = st.ButtonOn.Render("▶ [ " + b.label + " ]")
		}
		btns = append(btns, d.c.Zones.Mark(d.zoneID(i), label))
	}
	// One button per line: big targets, read top to bottom, moved with ↑ ↓.
	row := strings.Join(btns, d.c.gap())
	text := lipgloss.NewStyle().Width(inner).Render(d.text)
	box := st.Dialog.Render(st.Title.Render(d.title) + "\n\n" + text + "\n\n" + row)
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}
