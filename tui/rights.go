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
	dev, idText, ok := strings.Cut(c.To, "/")
	id, err := strconv.ParseUint(idText, 10, 64)
	if !ok || err != nil || dev != m.c.Store.DeviceID() {
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
