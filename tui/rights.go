package tui

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/tui/ui"
)

// eraseCommand carries out the trainer's erasure of a learner of this
// laptop (classroom.CmdErase, sent from the dashboard): the hub has erased
// its copy; this erases the laptop's. A learner who is signed in is signed
// out first, so that nothing they do is recorded after.
func (m *Model) eraseCommand(c classroom.Command) tea.Cmd {
	id, ok := m.mine(c)
	if !ok {
		return nil
	}
	st := m.c.Store
	erase := func() tea.Msg {
		_, _ = st.EraseLearner(id) // gone already is as good
		return nil
	}
	if l := m.c.Learner; l != nil && l.ID == id {
		return ui.Sequence(m.signOut(), erase, ui.LoadLearners(st))
	}
	return ui.Sequence(erase, ui.LoadLearners(st))
}

// mine is the id of the learner of this laptop a command names.
func (m *Model) mine(c classroom.Command) (uint64, bool) {
	dev, idText, ok := strings.Cut(c.To, "/")
	id, err := strconv.ParseUint(idText, 10, 64)
	return id, ok && err == nil && dev == m.c.Store.DeviceID()
}

// renameCommand carries out the trainer's renaming of a learner of this
// laptop (classroom.CmdRename); the hub takes the name with the next push.
// A learner signed in sees it at their next sign-in.
func (m *Model) renameCommand(c classroom.Command) tea.Cmd {
	id, ok := m.mine(c)
	if !ok {
		return nil
	}
	st, name := m.c.Store, c.Text
	return func() tea.Msg {
		_ = st.RenameLearner(id, name) // a name taken meanwhile: the trainer sees the old one stay
		return ui.LoadLearners(st)()
	}
}

// mergeCommand carries out the trainer's joining of two profiles of one
// learner of this laptop (classroom.CmdMerge): To goes into Text. A learner
// signed in as To is signed out first.
func (m *Model) mergeCommand(c classroom.Command) tea.Cmd {
	from, ok := m.mine(c)
	into, ok2 := m.mine(classroom.Command{To: c.Text})
	if !ok || !ok2 {
		return nil
	}
	st := m.c.Store
	merge := func() tea.Msg {
		_, _ = st.MergeLearners(from, into) // one gone already: nothing to join
		return nil
	}
	if l := m.c.Learner; l != nil && l.ID == from {
		return ui.Sequence(m.signOut(), merge, ui.LoadLearners(st))
	}
	return ui.Sequence(merge, ui.LoadLearners(st))
}
