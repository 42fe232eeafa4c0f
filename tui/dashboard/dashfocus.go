package dashboard

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The dashboard's buttons are reached with Tab as well as with their
// letters and the mouse (issue 19 item 7): Tab goes through the buttons on
// screen in the order they are drawn, then back to the list (or the
// learner's steps); Enter or Space presses the button with the focus, which
// shows a ▶.

// focusOrder is the ids of the buttons on screen now, as they are drawn.
func (d *Dashboard) focusOrder() []string {
	var ids []string
	if d.live {
		ids = append(ids, "dbtn-msg-all", "dbtn-pause", "dbtn-lesson-all")
	}
	switch d.view {
	case viewDetail:
		if d.live {
			ids = append(ids, "dbtn-msg", "dbtn-ack", "dbtn-lesson")
		}
		ids = append(ids, "dbtn-pin", "dbtn-back")
	case viewTrouble:
		if id, _, n := d.troubleLesson(); id != "" && n > 1 {
			ids = append(ids, "dprev", "dnext")
		}
		ids = append(ids, "dbtn-back")
	}
	return ids
}

// focusKey handles Tab, and the keys meant for the button with the focus.
// It says whether it used the key.
func (d *Dashboard) focusKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	order := d.focusOrder()
	if !slices.Contains(order, d.focus) {
		d.focus = "" // the view changed under it
	}
	k := d.C.Keys
	switch {
	case msg.Type == tea.KeyTab:
		d.moveFocus(order, 1, true)
		return nil, true
	case msg.Type == tea.KeyShiftTab:
		d.moveFocus(order, -1, true)
		return nil, true
	case d.focus == "":
		return nil, false
	case key.Matches(msg, k.Enter), key.Matches(msg, k.Mark):
		var cmd tea.Cmd
		if act, ok := d.buttons()[d.focus]; ok {
			cmd = act()
		}
		if !slices.Contains(d.focusOrder(), d.focus) {
			d.focus = "" // a button that changed the view (Back)
		}
		return cmd, true
	case key.Matches(msg, k.Left):
		d.moveFocus(order, -1, false)
		return nil, true
	case key.Matches(msg, k.Right):
		d.moveFocus(order, 1, false)
		return nil, true
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down), key.Matches(msg, k.Back):
		d.focus = "" // back to the list, and the key does what it does there
	}
	return nil, false
}

// moveFocus moves the focus by step through order; with round, past either
// end it goes to the list (no button), and from there on round.
func (d *Dashboard) moveFocus(order []string, step int, round bool) {
	if len(order) == 0 {
		d.focus = ""
		return
	}
	i := slices.Index(order, d.focus) // -1: the list
	switch {
	case i < 0 && step > 0:
		i = 0
	case i < 0:
		i = len(order) - 1
	default:
		i += step
	}
	switch {
	case i >= 0 && i < len(order):
		d.focus = order[i]
	case round:
		d.focus = ""
	}
}
