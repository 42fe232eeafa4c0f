package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/store"
	"aula/tui/ui"
)

// The learner's name and the region (docs/xapi.md): the results of a
// class go to the region under a pseudonym. A centre may also send the
// names of the learners who agree (aula hub --xapi-names); its hub says
// so (classroom.NamesMsg), and then the kiosk asks each learner once,
// after sign-in, on a screen of its own, with "no" as the answer Enter
// gives. The answer is an event (store.NamesConsent), so it travels to
// the hub with the results; the settings screen changes it.

// namesState is what the root knows of the question for the learner
// signed in.
type namesState struct {
	loaded   bool // their last answer was read (namesReadMsg)
	answered bool // they answered, or were asked on this sign-in
}

// namesReadMsg brings a learner's last answer from the data file.
type namesReadMsg struct {
	learner       uint64
	answered, yes bool
}

// namesUpdate handles the question's messages; handled says the root is
// done.
func (m *Model) namesUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case classroom.NamesMsg:
		m.c.Names = msg.On
		return nil, true
	case namesReadMsg:
		if l := m.c.Learner; l != nil && l.ID == msg.learner {
			m.names = namesState{loaded: true, answered: msg.answered}
			m.c.NamesYes = msg.yes
		}
		return nil, true
	case ui.NamesAnswerMsg:
		l := m.c.Learner
		if l == nil {
			return nil, true
		}
		m.names.answered, m.c.NamesYes = true, msg.Yes
		return m.c.Rec.Record(store.Event{Learner: l.ID, Kind: store.NamesConsent, Consent: msg.Yes}), true
	}
	return nil, false
}

// readNames reads the learner's last answer, after the events queued
// before it are written.
func (m *Model) readNames(id uint64) tea.Cmd {
	m.names = namesState{}
	return m.c.Rec.ReadAfterWrites(func(st *store.Store) tea.Msg {
		answered, yes, _ := st.NamesConsent(id) // unreadable: asked again, and the answer kept then
		return namesReadMsg{learner: id, answered: answered, yes: yes}
	})
}

// askNames puts the question on screen when the centre asks, the
// learner's answer is known to be missing and nothing else is showing.
func (m *Model) askNames() {
	if !m.c.Names || m.c.Learner == nil || !m.names.loaded || m.names.answered || m.overlay != nil || m.class.paused != nil {
		return
	}
	m.names.answered = true // once per sign-in: Esc answers no, as the safe button does
	cat := m.c.Cat
	m.overlay = ui.NewDialog(m.c, cat.T("names_title"), cat.T("names_text"), []ui.DialogButton{
		{Label: cat.T("names_yes"), Msg: ui.NamesAnswerMsg{Yes: true}},
		{Label: cat.T("names_no"), Msg: ui.NamesAnswerMsg{Yes: false}},
	}).StartOn(1)
}
