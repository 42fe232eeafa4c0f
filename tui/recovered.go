package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/ui"
)

// The notice of a damaged data file. It opens over whatever screen comes
// first (the sign-in list, or home when sign-in is skipped, in either
// mode) and stays until the learner closes it.

// recoveryDialog says what Open did about a damaged data file; nil when
// the file was fine.
func recoveryDialog(c *ui.Common, r *store.Recovery, inClass bool) ui.Overlay {
	if r == nil {
		return nil
	}
	title := c.Cat.T("recovered_title")
	if !r.FromBackup {
		title = c.Cat.T("recovered_title_fresh") // nothing was recovered: the title does not say so
	}
	return ui.NewDialog(c, title, recoveryText(c, r, inClass),
		[]ui.DialogButton{{Label: c.Cat.T("btn_ok")}})
}

// recoveryText tells the truth about it: from when the copy is and that
// later progress may be missing, what was rescued, and where every damaged
// file is kept.
func recoveryText(c *ui.Common, r *store.Recovery, inClass bool) string {
	cat := c.Cat
	var parts []string
	switch {
	case r.FromBackup:
		at := r.BackupTime.Local()
		parts = append(parts, cat.T("recovered_backup", "Date", ui.LongDate(c, at), "Time", at.Format("15:04")))
		if n := len(r.DamagedBackups); n > 0 {
			parts = append(parts, cat.T("recovered_copy_damaged", "Count", n, "Path", r.DamagedBackups[0]))
		}
	case len(r.DamagedBackups) > 0:
		parts = append(parts, cat.T("recovered_fresh_badcopy", "Count", len(r.DamagedBackups), "Path", r.DamagedBackups[0]))
	default:
		parts = append(parts, cat.T("recovered_fresh_nocopy"))
	}
	if r.SalvagedEvents+r.SalvagedLearners > 0 {
		parts = append(parts, cat.T("recovered_salvaged"))
	}
	if inClass {
		parts = append(parts, cat.T("recovered_class"))
	}
	parts = append(parts, cat.T("recovered_kept", "Path", r.DamagedPath), cat.T("recovered_tell"))
	return strings.Join(parts, " ")
}

// backupCmd starts a copy of the data file (at sign-out); the store runs it
// in the background and closing waits for it.
func backupCmd(st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		st.BackupLater()
		return nil
	}
}
