package dashboard

import (
	"github.com/charmbracelet/bubbles/key"

	"aula/i18n"
)

// dashKeys are the trainer dashboard's keys. Moving, Enter, Esc, help and
// leaving are the kiosk's own bindings (KeyMap); these are the trainer's.
type dashKeys struct {
	PageUp, PageDown key.Binding
	Pages            key.Binding // both, as the help lists them
	Open             key.Binding // Enter: a learner's detail
	Message          key.Binding // to the selected learner
	Lesson           key.Binding // send the selected learner to a lesson
	ResetPIN         key.Binding
	Ack              key.Binding // "I have seen your raised hand"
	MessageAll       key.Binding
	LessonAll        key.Binding
	Pause            key.Binding // pause every screen, or resume
	ClassView        key.Binding // the steps the class finds hard
	Code             key.Binding // show or hide the big session code
	OtherLesson      key.Binding // ← → in the class view
	Buttons          key.Binding // Tab: to the buttons, one after another (dashfocus.go)
	Quit             key.Binding
}

func newDashKeys(cat *i18n.Catalog) *dashKeys {
	return &dashKeys{
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp(cat.T("keyname_pgup"), cat.T("dkey_page_up"))),
		PageDown:    key.NewBinding(key.WithKeys("pgdown"), key.WithHelp(cat.T("keyname_pgdown"), cat.T("dkey_page_down"))),
		Pages:       key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp(cat.T("keyname_pgup")+" "+cat.T("keyname_pgdown"), cat.T("dkey_pages"))),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("dkey_open"))),
		Message:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", cat.T("dkey_message"))),
		Lesson:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", cat.T("dkey_lesson"))),
		ResetPIN:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", cat.T("dkey_reset_pin"))),
		Ack:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", cat.T("dkey_ack"))),
		MessageAll:  key.NewBinding(key.WithKeys("M"), key.WithHelp("M", cat.T("dkey_message_all"))),
		LessonAll:   key.NewBinding(key.WithKeys("L"), key.WithHelp("L", cat.T("dkey_lesson_all"))),
		Pause:       key.NewBinding(key.WithKeys("P"), key.WithHelp("P", cat.T("dkey_pause"))),
		ClassView:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", cat.T("dkey_class_view"))),
		Code:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", cat.T("dkey_code"))),
		OtherLesson: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("← →", cat.T("dkey_other_lesson"))),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", cat.T("key_quit"))),
		Buttons:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab", cat.T("dkey_buttons"))),
	}
}
