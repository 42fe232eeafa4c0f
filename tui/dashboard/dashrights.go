package dashboard

import (
	"errors"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/tui/ui"
)

// The trainer's papers and a learner's data rights on the dashboard: save a
// learner's certificates, the session report and the learner's record (as
// files on the hub's laptop, through Config.Papers), rename and erase a
// learner (as commands, through the Source, so they reach the learner's
// laptop). It hooks into the dashboard at a few points (rightsKey,
// rightsKeys, sentRights) and draws nothing of its own.

// Papers makes the trainer's files from the data the dashboard reads. Each
// method writes files and returns their paths; it runs in a command. The
// dashboard of a hub elsewhere has none (Config.Papers nil): the files are
// made on the hub's laptop.
type Papers interface {
	// Certificates saves a certificate of every itinerary the learner
	// finished (ErrNothingFinished when none).
	Certificates(learner uint64) ([]string, error)
	// SessionReport saves the report of the day of at, as a PDF.
	SessionReport(at time.Time) (string, error)
	// Export saves what Aula keeps about the learner, as JSON and as PDF.
	Export(learner uint64) ([]string, error)
	// Erased removes the files saved for a learner just erased (their
	// certificates and exports) and counts them.
	Erased(name string) int
}

// ErrNothingFinished says a learner has no itinerary finished yet.
var ErrNothingFinished = errors.New("no itinerary finished")

// rightsKeys are this part's keys.
type rightsKeys struct {
	Certificate, Report, Export, Rename, Merge, Erase key.Binding
}

func (d *Dashboard) rk() rightsKeys {
	cat := d.C.Cat
	return rightsKeys{
		Certificate: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", cat.T("dkey_certificate"))),
		Report:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", cat.T("dkey_session_report"))),
		Export:      key.NewBinding(key.WithKeys("X"), key.WithHelp("X", cat.T("dkey_export"))),
		Rename:      key.NewBinding(key.WithKeys("N"), key.WithHelp("N", cat.T("dkey_rename"))),
		Merge:       key.NewBinding(key.WithKeys("J"), key.WithHelp("J", cat.T("dkey_merge"))),
		Erase:       key.NewBinding(key.WithKeys("E"), key.WithHelp("E", cat.T("dkey_erase"))),
	}
}

// dashPapersMsg brings what a Papers method did.
type dashPapersMsg struct {
	who   string
	paths []string
	err   error
}

// rightsKey handles this part's keys; ok says the key was one of them.
func (d *Dashboard) rightsKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	rk := d.rk()
	if key.Matches(msg, rk.Report) {
		return d.papers("", func(p Papers) ([]string, error) {
			path, err := p.SessionReport(d.cfg.Now())
			return []string{path}, err
		}), true
	}
	if d.view == viewTrouble {
		return nil, false
	}
	var r classroom.Row
	switch {
	case key.Matches(msg, rk.Certificate), key.Matches(msg, rk.Export), key.Matches(msg, rk.Rename), key.Matches(msg, rk.Merge), key.Matches(msg, rk.Erase):
		var ok bool
		if r, ok = d.subject(); !ok {
			return nil, true
		}
	default:
		return nil, false
	}
	cat := d.C.Cat
	switch {
	case key.Matches(msg, rk.Certificate):
		return d.papers(r.Name, func(p Papers) ([]string, error) { return p.Certificates(r.ID) }), true
	case key.Matches(msg, rk.Export):
		return d.papers(r.Name, func(p Papers) ([]string, error) { return p.Export(r.ID) }), true
	case key.Matches(msg, rk.Merge):
		d.askMerge(r)
	case key.Matches(msg, rk.Rename):
		to := r.Target()
		d.Overlay = newInputDialog(d.C, cat.T("drename_title", "Name", r.Name), cat.T("drename_text"), r.Name, cat.T("dbtn_rename"), func(s string) tea.Msg {
			return dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdRename, To: to, Text: strings.TrimSpace(s)}, who: r.Name, what: strings.TrimSpace(s)}
		})
	default:
		cmd := classroom.Command{Kind: classroom.CmdErase, To: r.Target()}
		// Cancel has the focus: Enter alone never erases anybody.
		d.Overlay = ui.NewDialog(d.C, cat.T("derase_title", "Name", r.Name), cat.T("derase_text", "Name", r.Name), []ui.DialogButton{
			{Label: cat.T("dbtn_erase"), Msg: dashSendMsg{cmd: cmd, who: r.Name}},
			{Label: cat.T("dbtn_cancel")},
		}).StartOn(1)
	}
	return nil, true
}

// askMerge offers the other learners of r's laptop to join r into (two
// profiles of one person); Cancel has the focus.
func (d *Dashboard) askMerge(r classroom.Row) {
	cat := d.C.Cat
	var buttons []ui.DialogButton
	for _, o := range d.snap.Rows {
		if o.Device == r.Device && o.ID != r.ID {
			cmd := classroom.Command{Kind: classroom.CmdMerge, To: r.Target(), Text: o.Target()}
			buttons = append(buttons, ui.DialogButton{Label: clean(o.Name), Msg: dashSendMsg{cmd: cmd, who: r.Name, what: o.Name}})
		}
	}
	if len(buttons) == 0 {
		d.status, d.statusBad = cat.T("dmerge_none", "Name", r.Name), true
		return
	}
	buttons = append(buttons, ui.DialogButton{Label: cat.T("dbtn_cancel")})
	d.Overlay = ui.NewDialog(d.C, cat.T("dmerge_title", "Name", r.Name), cat.T("dmerge_text", "Name", r.Name), buttons).StartOn(len(buttons) - 1)
}

// papers runs a Papers method in a command and tells the trainer first
// that it is under way.
func (d *Dashboard) papers(who string, do func(Papers) ([]string, error)) tea.Cmd {
	p := d.cfg.Papers
	if p == nil {
		d.status, d.statusBad = d.C.Cat.T("dpapers_not_here"), true
		return nil
	}
	d.status, d.statusBad = d.C.Cat.T("dpapers_saving"), false
	return func() tea.Msg {
		paths, err := do(p)
		return dashPapersMsg{who: who, paths: paths, err: err}
	}
}

// gotPapers says where the files are, or why there are none.
func (d *Dashboard) gotPapers(m dashPapersMsg) {
	cat := d.C.Cat
	switch {
	case errors.Is(m.err, ErrNothingFinished):
		d.status, d.statusBad = cat.T("dpapers_nothing_finished", "Name", m.who), true
	case m.err != nil:
		d.status, d.statusBad = cat.T("dpapers_failed", "Err", clean(m.err.Error())), true
	default:
		files := make([]string, len(m.paths))
		for i, p := range m.paths {
			files[i] = filepath.Base(p)
		}
		folder := ""
		if len(m.paths) > 0 {
			folder = filepath.Dir(m.paths[0])
		}
		d.status, d.statusBad = cat.T("dpapers_saved", "Folder", folder, "Files", strings.Join(files, ", ")), false
	}
}

// rightsKeys are this part's keys for the footer and the help.
func (d *Dashboard) rightsKeys() []key.Binding {
	rk := d.rk()
	if d.view == viewTrouble || len(d.snap.Rows) == 0 {
		return append([]key.Binding{rk.Report}, d.officeKeys()...) // dashoffice.go
	}
	// One line for the three files and verifying a code, so that the
	// whole help fits at 80×24.
	cat := d.C.Cat
	papers := key.NewBinding(key.WithKeys("C", "S", "X", "V"), key.WithHelp("C S X V", cat.T("dkey_papers")))
	// Rename and merge share a line too, and erasing one learner or the
	// old ones (the retention, dashoffice.go).
	names := key.NewBinding(key.WithKeys("N", "J"), key.WithHelp("N J", cat.T("dkey_names")))
	erase := key.NewBinding(key.WithKeys("E", "T"), key.WithHelp("E T", cat.T("dkey_erase_retention")))
	return []key.Binding{papers, names, erase}
}

// afterErase removes, once an erasure went through, the files saved on
// this laptop for the learner.
func (d *Dashboard) afterErase(m dashSentMsg) tea.Cmd {
	p := d.cfg.Papers
	if m.err != nil || m.cmd.Kind != classroom.CmdErase || p == nil || m.who == "" {
		return nil
	}
	return func() tea.Msg {
		p.Erased(m.who)
		return nil
	}
}

// sentRights says how a rename or an erasure went.
func (d *Dashboard) sentRights(m dashSentMsg) {
	if m.err != nil {
		return
	}
	cat := d.C.Cat
	switch m.cmd.Kind {
	case classroom.CmdRename:
		d.status = cat.T("dsent_rename", "Name", m.who, "New", m.what)
	case classroom.CmdErase:
		d.status = cat.T("dsent_erase", "Name", m.who)
	case classroom.CmdMerge:
		d.status = cat.T("dsent_merge", "Name", m.who, "Into", m.what)
	}
}
