package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// DialogButton is one answer to a dialog; a nil msg just closes it.
type DialogButton struct {
	Label string
	Msg   tea.Msg
}

// Dialog asks one question with a few buttons. Esc closes it, as the last
// button ("stay") does.
type Dialog struct {
	c       *Common
	Title   string
	Text    string
	Buttons []DialogButton
	cursor  int
}

// NewDialog makes a dialog with a title, a text and its buttons.
func NewDialog(c *Common, title, text string, buttons []DialogButton) *Dialog {
	return &Dialog{c: c, Title: title, Text: text, Buttons: buttons}
}

// StartOn puts the focus on button i, the one Enter presses if the learner
// presses nothing else: the safe answer in a dialog that could close Aula.
func (d *Dialog) StartOn(i int) *Dialog {
	if i >= 0 && i < len(d.Buttons) {
		d.cursor = i
	}
	return d
}

func (d *Dialog) zoneID(i int) string { return fmt.Sprintf("dlg-%d", i) }

// Update handles keys and clicks meant for the screen.
func (d *Dialog) Update(msg tea.Msg) (tea.Cmd, bool) {
	k := d.c.Keys
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Left), key.Matches(msg, k.Up):
			d.cursor = (d.cursor - 1 + len(d.Buttons)) % len(d.Buttons)
		case key.Matches(msg, k.Right), key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
			d.cursor = (d.cursor + 1) % len(d.Buttons)
		case key.Matches(msg, k.Enter):
			return d.Press(d.cursor)
		case key.Matches(msg, k.Back), key.Matches(msg, k.ForceQuit):
			return nil, true
		}
	case tea.MouseMsg:
		if IsClick(msg) {
			for i := range d.Buttons {
				if d.c.Zones.Get(d.zoneID(i)).InBounds(msg) {
					return d.Press(i)
				}
			}
		}
	}
	return nil, false
}

// Press acts as if button i was chosen; the bool says the dialog closes.
func (d *Dialog) Press(i int) (tea.Cmd, bool) {
	if m := d.Buttons[i].Msg; m != nil {
		return Send(m), true
	}
	return nil, true
}

// Keys lists the bindings the screen adds to the help.
func (d *Dialog) Keys() []key.Binding {
	k := d.c.Keys
	return []key.Binding{k.Up, k.Down, k.Enter, k.Back}
}

// View draws the screen.
func (d *Dialog) View(width, height int) string {
	st := d.c.Styles
	inner := Clamp(width-8, 10, 60)
	var btns []string
	for i, b := range d.Buttons {
		label := "  [ " + b.Label + " ]"
		if i == d.cursor {
			label = st.ButtonOn.Render("▶ [ " + b.Label + " ]")
		}
		btns = append(btns, d.c.Zones.Mark(d.zoneID(i), label))
	}
	// One button per line: big targets, read top to bottom, moved with ↑ ↓.
	row := strings.Join(btns, d.c.Gap())
	text := lipgloss.NewStyle().Width(inner).Render(Wrap(d.Text, inner)) // wrapped by Wrap, padded to the box
	box := st.Dialog.Render(st.Title.Render(d.Title) + "\n\n" + text + "\n\n" + row)
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}
