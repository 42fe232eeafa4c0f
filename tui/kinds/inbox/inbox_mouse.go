package inbox

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	inboxjudge "aula/lessons/kinds/inbox"
	"aula/lessons/validate"
	"aula/tui/ui"
)

func (e *InboxExercise) linkKey(k tea.KeyMsg) {
	switch {
	case key.Matches(k, e.keys.LinkBack):
		e.mode = modeMail
	case key.Matches(k, e.keys.LinkMove):
		e.linkOn = 1 - e.linkOn
	case key.Matches(k, e.keys.LinkChoose):
		e.linkButton(e.linkOn)
	}
}

func (e *InboxExercise) linkButton(i int) {
	e.mode = modeMail
	if i == 0 {
		return
	}
	e.note = e.c.Cat.T("inbox_followed", "Domain", validate.Domain(e.link.Host()))
	if m := e.opened(); m != nil && !m.mine {
		e.did(inboxjudge.ActFollow, m.Id, e.link.ID)
	}
}

func (e *InboxExercise) mouse(m tea.MouseMsg) {
	if e.Done && e.mode != modeMail && e.mode != modeLink {
		return
	}
	switch m.Button {
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		e.wheel(m)
		return
	}
	if !ui.IsClick(m) {
		return
	}
	z := e.c.Zones
	in := func(id string) bool { return z.Get(id).InBounds(m) }
	switch e.mode {
	case modeCompose:
		e.composeClick(in)
	case modePicker:
		e.pickerMsg(m)
	case modeLink:
		for i, id := range []string{"inbox-link-back", "inbox-link-open"} {
			if in(id) {
				e.linkButton(i)
			}
		}
	default:
		e.mailClick(in)
	}
}

// wheel scrolls the open message, or the body being written.
func (e *InboxExercise) wheel(m tea.MouseMsg) {
	switch e.mode {
	case modeMail:
		if m.Button == tea.MouseButtonWheelUp {
			e.scroll.By(-1)
		} else {
			e.scroll.By(1)
		}
	case modeCompose:
		e.Form.Body, _ = e.Form.Body.Update(m)
	}
}

// mailClick is a click in the mail app: a folder, a message, a link in the
// open message or a button of the action bar.
func (e *InboxExercise) mailClick(in func(string) bool) {
	for i := range inboxFolders {
		if in(fmt.Sprintf("inbox-folder-%d", i)) {
			e.setFolder(i)
			e.focus = focusFolders
			return
		}
	}
	list := e.Shown()
	for i := range list {
		if in(fmt.Sprintf("inbox-row-%d", i)) {
			e.Cursor, e.focus = i, focusList
			if e.Done {
				e.openID = list[i].Id
				e.scroll.Home()
			} else {
				e.open(list[i])
			}
			return
		}
	}
	if e.Done {
		return
	}
	if om := e.opened(); om != nil {
		for i, l := range om.links {
			if in(fmt.Sprintf("inbox-link-%d", i)) {
				e.inspect(om, l)
				return
			}
		}
	}
	for _, b := range e.actions() {
		if in("inbox-act-" + b.id) {
			e.mailKey(b.key)
			return
		}
	}
}

// inboxAction is a button of the action bar.
type inboxAction struct {
	id    string
	label string // the key, as shown
	name  string
	key   tea.KeyMsg
}

func (e *InboxExercise) actions() []inboxAction {
	ik := e.keys
	del := ik.deleteName
	if inboxFolders[e.folder] == inboxjudge.FolderTrash {
		del = ik.restoreName
	}
	letter := func(b key.Binding) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(b.Keys()[0])} }
	return []inboxAction{
		{"new", ik.New.Help().Key, ik.New.Help().Desc, letter(ik.New)},
		{"reply", ik.Reply.Help().Key, ik.Reply.Help().Desc, letter(ik.Reply)},
		{"forward", ik.Forward.Help().Key, ik.Forward.Help().Desc, letter(ik.Forward)},
		{"delete", ik.Delete.Help().Key, del, tea.KeyMsg{Type: tea.KeyDelete}},
		{"report", ik.Report.Help().Key, ik.Report.Help().Desc, letter(ik.Report)},
	}
}

// Keys lists the keys of the part of the mail app on screen.
func (e *InboxExercise) Keys() []key.Binding {
	if e.dlg != nil {
		return e.dlg.Keys()
	}
	ck, ik := e.c.Keys, e.keys
	if e.Done {
		return []key.Binding{ck.Move, ik.Page}
	}
	switch e.mode {
	case modeCompose:
		return []key.Binding{ik.NextField, ik.Discard}
	case modePicker:
		return []key.Binding{ik.PickMove, ik.Pick, ik.PickBack}
	case modeLink:
		return []key.Binding{ik.LinkMove, ik.LinkChoose, ik.LinkBack}
	}
	// The action keys are on the buttons of the action bar, the check key
	// on the Check button; the help explains them all.
	return []key.Binding{ck.Move, ik.Open, ik.Switch}
}

// View is the exercise in a plain column, for a player that does not know
// full exercises; the player draws ViewFull.
func (e *InboxExercise) View(width int) string { return e.ViewFull(width, 16) }
