package form

import (
	"maps"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	formjudge "aula/lessons/kinds/form"
	"aula/lessons/validate"
	"aula/tui/ui"
)

// WantsEsc says whether Esc belongs to the form: to close its panel, or to
// ask before the answers typed are lost.
func (e *FormExercise) WantsEsc() bool {
	return !e.done && e.stage != stReceipt && (e.popup != popNone || e.dlg != nil || e.touched)
}

// escape is Esc: it closes the panel on screen, or asks before leaving.
func (e *FormExercise) escape() {
	switch {
	case e.popup != popNone:
		e.popup = popNone
	case e.touched:
		cat := e.c.Cat
		e.dlg = ui.NewDialog(e.c, cat.T("form_leave_title"), cat.T("form_leave_text"), []ui.DialogButton{
			{Label: cat.T("form_leave_stay")},
			{Label: cat.T("form_leave_go"), Msg: ui.GoHomeMsg{}},
		})
	}
}

// TakeCheck hands the player the answer once Submit was pressed on a form
// whose pages are all valid.
func (e *FormExercise) TakeCheck() lessons.Answer {
	if !e.pending {
		return nil
	}
	e.pending = false
	return e.Answer()
}

// Judged hears the verdict on a submitted form: when a detail is not the
// Persona's, the form opens the page that has it, with the focus on it, as
// "Change" does, so the learner can fix it and come back.
func (e *FormExercise) Judged(v lessons.Verdict) {
	if v.Correct || e.done {
		return
	}
	id, _, _ := strings.Cut(v.Mistake, ".")
	if p := e.onPage(id); p >= 0 {
		e.Back = e.form.HasReview()
		e.EnterPage(p)
		if g := e.Groups[id]; g != nil {
			e.FocusOn(groupFocus(g))
		} else {
			e.FocusOn(id)
		}
	}
}

// groupFocus is where to fix a group: its first item's first field, or
// the Add button's group when it is empty.
func groupFocus(g *groupState) string {
	if len(g.Serials) == 0 {
		return g.f.ID
	}
	return ItemKey(g.f.ID, g.Serials[0], g.f.Fields[0].ID)
}

// Say leaves the words of a verdict to the player.
func (e *FormExercise) Say(lessons.Verdict) string { return "" }

// CheckKey is disabled: the form checks with its own Submit button.
func (e *FormExercise) CheckKey() key.Binding { return key.NewBinding(key.WithDisabled()) }

// TakeOutcomes hands the player the mistakes found since it last asked.
func (e *FormExercise) TakeOutcomes() []string {
	out := e.found
	e.found = nil
	return out
}

// Start asks for the first timer, if something counts from the start (the
// session, a code sent on the first page).
func (e *FormExercise) Start() tea.Cmd { return e.ensureTick() }

// Wipe forgets everything the learner typed or chose, the codes and the
// receipt: the step is being left.
func (e *FormExercise) Wipe() {
	for _, fs := range e.Fields {
		if fs.F.IsText() {
			fs.Input.SetValue("")
			fs.Input.Blur()
		}
		fs.Value, fs.initial, fs.Err = "", "", ""
	}
	clear(e.Codes)
	e.receipt, e.dlg, e.pending, e.found = nil, nil, false, nil
	e.done = true
}

// Answer is what the learner filled in.
func (e *FormExercise) Answer() lessons.Answer {
	a, _ := e.answer()
	return a
}

// SameAnswer says whether a and b hold the same values and items: the
// time each was taken, and the codes sent, are not the learner's answer.
func (e *FormExercise) SameAnswer(a, b lessons.Answer) bool {
	x, okx := a.(formjudge.Answer)
	y, oky := b.(formjudge.Answer)
	return okx && oky && maps.Equal(x.Values, y.Values) && maps.Equal(x.Items, y.Items)
}

// Answer builds the answer and the key of every path in it.
func (e *FormExercise) answer() (formjudge.Answer, map[string]string) {
	a := formjudge.Answer{Values: map[string]string{}, Items: map[string]int{}, Now: e.c.Now(), Codes: map[string]formjudge.SentCode{}}
	keys := map[string]string{}
	for _, pg := range e.form.Pages {
		for _, f := range pg.Fields {
			if f.Kind != "group" {
				if fs := e.Fields[f.ID]; fs != nil {
					a.Values[f.ID] = fs.Val()
					keys[f.ID] = f.ID
				}
				if sent, ok := e.Codes[f.ID]; ok {
					a.Codes[f.ID] = sent
				}
				continue
			}
			g := e.Groups[f.ID]
			a.Items[f.ID] = len(g.Serials)
			for i, serial := range g.Serials {
				for _, sub := range f.Fields {
					k := ItemKey(f.ID, serial, sub.ID)
					p := formjudge.ItemPath(f.ID, i, sub.ID)
					a.Values[p] = e.Fields[k].Val()
					keys[p] = k
				}
			}
		}
	}
	return a, keys
}

// Keys lists the keys that make sense where the focus is.
func (e *FormExercise) Keys() []key.Binding { return e.keys.forTarget(e) }

// Typing is true while a text field has the keyboard.
func (e *FormExercise) Typing() bool {
	if e.done || e.stage != stFill || e.popup != popNone || e.dlg != nil || e.Page >= e.reviewPage() {
		return false
	}
	ts := e.Targets()
	return e.Focus < len(ts) && e.isText(ts[e.Focus])
}

// SetDone freezes the form; a right answer shows the receipt.
func (e *FormExercise) SetDone(done bool) {
	e.done = done
	e.popup = popNone
	e.focusField()
	if done && e.form.Judge(e.Answer()).Correct {
		e.stage = stReceipt
		e.scroll.Home()
		e.receipt = e.newReceipt()
	}
}

// formKeys are the form's own key bindings, with help in the learner's
// language.
type formKeys struct {
	Move    key.Binding
	Enter   key.Binding
	Choose  key.Binding
	Mark    key.Binding
	Persona key.Binding
	Days    key.Binding
	Remove  key.Binding
	Save    key.Binding
	Close   key.Binding
}

func newFormKeys(c *ui.Common) formKeys {
	cat := c.Cat
	return formKeys{
		Move:    key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab ↑↓", cat.T("key_move"))),
		Enter:   key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_next"))),
		Choose:  key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_choose"))),
		Mark:    key.NewBinding(key.WithKeys(" "), key.WithHelp(cat.T("keyname_space"), cat.T("key_mark"))),
		Persona: key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", cat.T("form_key_persona"))),
		Days:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→↑↓", cat.T("form_key_days"))),
		Remove:  key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", cat.T("form_key_remove"))),
		Save:    key.NewBinding(key.WithKeys(" "), key.WithHelp(cat.T("keyname_space"), cat.T("form_key_save"))),
		Close:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("form_key_close"))),
	}
}

// leaveKey adds Esc to keys when the form takes it to ask before leaving
// (the player shows Esc itself otherwise).
func (e *FormExercise) leaveKey(keys []key.Binding) []key.Binding {
	if e.WantsEsc() {
		return append(keys, e.c.Keys.Back)
	}
	return keys
}

// forTarget lists the keys that make sense where the focus is.
func (k formKeys) forTarget(e *FormExercise) []key.Binding {
	if e.stage == stReceipt {
		if e.receipt.reference != "" && !e.receipt.saved {
			return []key.Binding{k.Save}
		}
		return nil
	}
	if e.done {
		return nil
	}
	if e.dlg != nil {
		return e.dlg.Keys()
	}
	if e.stage == stExpired {
		return e.leaveKey([]key.Binding{k.Enter})
	}
	if e.popup == popSelect || e.popup == popPicker {
		return []key.Binding{e.c.Keys.Move, k.Choose, k.Close}
	}
	if e.popup == popPersona {
		return []key.Binding{k.Persona, k.Close}
	}
	return e.leaveKey(k.onPage(e))
}

// onPage lists the keys of a page or the review, for the target under the
// focus.
func (k formKeys) onPage(e *FormExercise) []key.Binding {
	out := []key.Binding{k.Move}
	ts := e.Targets()
	if e.Focus < len(ts) {
		out = append(out, k.forFocus(e, ts[e.Focus])...)
	}
	if e.form.Persona != nil && !e.isWide() {
		out = append(out, k.Persona)
	}
	return out
}

// forFocus is what Enter or Space do on target t.
func (k formKeys) forFocus(e *FormExercise, t Target) []key.Binding {
	kind := ""
	if fs := e.Fields[t.Key]; t.Kind == TField && fs != nil {
		kind = fs.F.Kind
		if kind == "file" && fs.Value != "" {
			return []key.Binding{k.Choose, k.Remove}
		}
	}
	switch {
	case t.Kind == tOption, kind == "check":
		return []key.Binding{k.Mark}
	case kind == "day":
		return []key.Binding{k.Days, k.Choose}
	case kind == "select", kind == "file", t.Kind == tChange:
		return []key.Binding{k.Choose}
	}
	return []key.Binding{k.Enter}
}

// fieldValueText is a field's answer in words, as the review and the
// receipt show it.
func (e *FormExercise) fieldValueText(fs *fieldState) string {
	v := strings.TrimSpace(fs.Val())
	if v == "" {
		return ""
	}
	switch fs.F.Kind {
	case "select", "radio":
		if o := fs.F.Option(v); o != nil {
			return o.Text
		}
	case "check":
		return e.c.Cat.T("form_ticked")
	case "file":
		if f := e.form.File(v); f != nil {
			return f.Name
		}
	case "day":
		if d, err := time.Parse("2006-01-02", v); err == nil {
			return ui.LongDate(e.c, d)
		}
	case "text":
		if fs.F.Validate == "iban" {
			if c, rule := validate.CheckIBAN(v); rule == "" {
				return e.c.Typed(validate.FormatIBAN(c))
			}
		}
	}
	return e.c.Typed(v) // dots in the trainer's copy (ui.Common.Masked)
}
