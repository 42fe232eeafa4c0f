package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/screens"
	"aula/tui/ui"
)

// setPrefs shows new preferences at once and keeps them in a command.
func (m *Model) setPrefs(p store.Prefs) tea.Cmd {
	if m.c.Learner == nil {
		return nil
	}
	m.c.Learner.Prefs = p
	m.c.ApplyPrefs(p)
	m.resize()
	return screens.SavePrefs(m.c.Store, m.c.Learner.ID, p)
}

// askSwitch asks before going from the full screen to accessible mode
// (or back): the whole app changes.
func (m *Model) askSwitch(accessible bool) tea.Cmd {
	cat := m.c.Cat
	title, text, yes := cat.T("switch_lines_title"), cat.T("switch_lines_text"), cat.T("btn_switch_lines")
	if !accessible {
		title, text, yes = cat.T("switch_full_title"), cat.T("switch_full_text"), cat.T("btn_switch_full")
	}
	m.overlay = ui.NewDialog(m.c, title, text, []ui.DialogButton{
		{Label: yes, Msg: screens.SwitchNowMsg{Accessible: accessible}},
		{Label: cat.T("btn_stay_mode")},
	})
	return nil
}

// switchMode keeps the choice and ends this mode; main goes on in the
// other one with the same learner.
func (m *Model) switchMode(accessible bool) tea.Cmd {
	if m.c.Learner == nil {
		return nil
	}
	p := m.c.Learner.Prefs
	p.Accessible = accessible
	m.c.Learner.Prefs = p
	m.switchTo = toFullScreen
	if accessible {
		m.switchTo = toLines
	}
	m.stopSpeech()
	st, id := m.c.Store, m.c.Learner.ID
	save := func() tea.Msg { return screens.PrefsSavedMsg{Err: st.SetPrefs(id, p)} }
	return ui.Sequence(save, m.flush(), tea.Quit)
}
