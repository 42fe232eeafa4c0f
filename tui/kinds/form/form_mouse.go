package form

import (
	"aula/tui/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// PageFieldsInOrder lists the fields of the page shown, group items
// included, in screen order.
func (e *FormExercise) PageFieldsInOrder() []*fieldState {
	var out []*fieldState
	if e.Page >= e.reviewPage() {
		return nil
	}
	for _, f := range e.form.Pages[e.Page].Fields {
		if f.Kind != "group" {
			out = append(out, e.Fields[f.ID])
			continue
		}
		for _, serial := range e.Groups[f.ID].Serials {
			for _, sf := range f.Fields {
				out = append(out, e.Fields[ItemKey(f.ID, serial, sf.ID)])
			}
		}
	}
	return out
}

// mouse handles a click on a target: it takes the focus and acts as Space.
func (e *FormExercise) mouse(msg tea.MouseMsg) tea.Cmd {
	if e.dlg != nil && !e.done {
		cmd, closed := e.dlg.Update(msg)
		if closed {
			e.dlg = nil
		}
		return cmd
	}
	if e.wheel(msg) || !ui.IsClick(msg) {
		return nil
	}
	switch {
	case e.stage == stReceipt:
		if e.c.Zones.Get("form-save").InBounds(msg) {
			e.receipt.saved = true
		}
		return nil
	case e.done:
		return nil
	case e.stage == stExpired || e.timedOut(e.c.Now()):
		if !e.checkTimeout(e.c.Now()) && e.c.Zones.Get("form-again").InBounds(msg) {
			e.signInAgain()
		}
		return nil
	case e.popup == popPicker && e.picker != nil:
		if fs := e.Fields[e.popupKey]; fs != nil {
			e.pickerMsg(fs, msg)
		}
		return nil
	case e.popup != popNone:
		return nil
	}
	e.lastInput = e.c.Now()
	for i, t := range e.Targets() {
		if e.c.Zones.Get(t.Zone(e.Step.ID)).InBounds(msg) {
			e.Focus = i
			e.focusField()
			if e.isText(t) {
				return nil
			}
			return e.activate(t, false)
		}
	}
	return nil
}

// wheel moves the view with the mouse wheel, as on a web page, not the
// focus; it reports whether msg was the wheel.
func (e *FormExercise) wheel(msg tea.MouseMsg) bool {
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		e.free = true
		e.scroll.By(1)
	case tea.MouseButtonWheelUp:
		e.free = true
		e.scroll.By(-1)
	default:
		return false
	}
	return true
}
