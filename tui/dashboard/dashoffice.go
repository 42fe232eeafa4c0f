package dashboard

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/tui/ui"
)

// The trainer's office work on the dashboard, about no learner in
// particular: verify a certificate's code (V) and the centre's retention
// (T: who it would erase, then erase them when the trainer says so). Both
// go through Config (Verify, Retention), which main wires to the hub's
// data file or to a hub elsewhere; each runs in a command.

// VerifyAnswer is what checking a code found, in the trainer's words.
type VerifyAnswer struct {
	Genuine bool
	Lines   []string // the verdict first, then what the code says
}

// Retention is the centre's retention over the hub's data file.
type Retention interface {
	// Due is who the retention would erase now (a dry run): the months
	// (0: retention off), the day before which they were last active,
	// and their names.
	Due() (months int, since string, names []string, err error)
	// Apply erases them, as the hub does once a day, and names who went.
	Apply() ([]string, error)
}

// dashMaxCode is the longest code the trainer can type or paste, in
// characters (certificate.MaxCode bytes).
const dashMaxCode = 400

// dashRetentionShown is how many names the retention dialog lists.
const dashRetentionShown = 8

type (
	// dashVerifyMsg asks to check code; dashVerifiedMsg brings the answer.
	dashVerifyMsg   struct{ code string }
	dashVerifiedMsg struct {
		a   VerifyAnswer
		err error
	}
	// dashRetentionMsg brings a dry run; dashRetainApplyMsg asks to apply
	// it; dashRetainedMsg says who went.
	dashRetentionMsg struct {
		months int
		since  string
		names  []string
		err    error
	}
	dashRetainApplyMsg struct{ since string }
	dashRetainedMsg    struct {
		since string
		names []string
		err   error
	}
)

func (d *Dashboard) officeBindings() (verify, retention key.Binding) {
	cat := d.C.Cat
	return key.NewBinding(key.WithKeys("V"), key.WithHelp("V", cat.T("dkey_verify"))),
		key.NewBinding(key.WithKeys("T"), key.WithHelp("T", cat.T("dkey_retention")))
}

// officeKeys are this part's keys for the footer and the help, on one
// line so that the whole help fits at 80×24.
func (d *Dashboard) officeKeys() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("V", "T"), key.WithHelp("V T", d.C.Cat.T("dkey_office")))}
}

// officeKey handles V and T; ok says the key was one of them.
func (d *Dashboard) officeKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	verify, retention := d.officeBindings()
	cat := d.C.Cat
	switch {
	case key.Matches(msg, verify):
		if d.cfg.Verify == nil {
			d.status, d.statusBad = cat.T("dverify_not_here"), true
			return nil, true
		}
		dlg := newInputDialog(d.C, cat.T("dverify_title"), cat.T("dverify_text"), "", cat.T("dbtn_verify"), func(s string) tea.Msg {
			return dashVerifyMsg{code: s}
		})
		dlg.input.CharLimit = dashMaxCode
		d.Overlay = dlg
		return nil, true
	case key.Matches(msg, retention):
		r := d.cfg.Retention
		if r == nil {
			d.status, d.statusBad = cat.T("dretain_not_here"), true
			return nil, true
		}
		d.status, d.statusBad = cat.T("dretain_reading"), false
		return func() tea.Msg {
			months, since, names, err := r.Due()
			return dashRetentionMsg{months: months, since: since, names: names, err: err}
		}, true
	}
	return nil, false
}

// officeUpdate handles this part's messages; ok says msg was one of them.
func (d *Dashboard) officeUpdate(msg tea.Msg) (tea.Cmd, bool) {
	cat := d.C.Cat
	switch msg := msg.(type) {
	case dashVerifyMsg:
		verify := d.cfg.Verify
		d.status, d.statusBad = cat.T("dverify_checking"), false
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
			defer cancel()
			a, err := verify(ctx, msg.code)
			return dashVerifiedMsg{a: a, err: err}
		}, true
	case dashVerifiedMsg:
		d.gotVerdict(msg)
	case dashRetentionMsg:
		d.gotRetention(msg)
	case dashRetainApplyMsg:
		r := d.cfg.Retention
		d.status, d.statusBad = cat.T("dretain_erasing"), false
		return func() tea.Msg {
			names, err := r.Apply()
			return dashRetainedMsg{since: msg.since, names: names, err: err}
		}, true
	case dashRetainedMsg:
		if msg.err != nil {
			d.status, d.statusBad = cat.T("dpapers_failed", "Err", clean(msg.err.Error())), true
			return nil, true
		}
		d.status, d.statusBad = cat.T("dretain_gone", "Count", len(msg.names), "Date", msg.since), false
		return d.refresh(), true
	default:
		return nil, false
	}
	return nil, true
}

// gotVerdict shows what checking a code found, in a dialog.
func (d *Dashboard) gotVerdict(m dashVerifiedMsg) {
	cat := d.C.Cat
	if m.err != nil {
		d.status, d.statusBad = cat.T("dverify_failed", "Err", clean(m.err.Error())), true
		return
	}
	d.status = ""
	title := cat.T("dverify_no")
	if m.a.Genuine {
		title = cat.T("dverify_yes")
	}
	lines := make([]string, len(m.a.Lines))
	for i, l := range m.a.Lines {
		lines[i] = clean(l)
	}
	d.Overlay = ui.NewDialog(d.C, title, strings.Join(lines, "\n"), []ui.DialogButton{{Label: cat.T("dbtn_back")}})
}

// gotRetention shows the dry run: nobody, or who would go with a button
// to erase them (Cancel has the focus).
func (d *Dashboard) gotRetention(m dashRetentionMsg) {
	cat := d.C.Cat
	switch {
	case m.err != nil:
		d.status, d.statusBad = cat.T("dpapers_failed", "Err", clean(m.err.Error())), true
	case m.months == 0, len(m.names) == 0:
		// Said in a dialog: the status line is one line, and these are two.
		d.status = ""
		title, text := cat.T("dretain_off_title"), cat.T("dretain_off")
		if m.months > 0 {
			title, text = cat.T("dretain_title", "Count", m.months), cat.T("dretain_nobody", "Count", m.months, "Date", m.since)
		}
		d.Overlay = ui.NewDialog(d.C, title, text, []ui.DialogButton{{Label: cat.T("dbtn_back")}})
	default:
		d.status = ""
		var b strings.Builder
		b.WriteString(cat.T("dretain_would", "Count", len(m.names), "Months", m.months, "Date", m.since))
		for i, n := range m.names {
			if i == dashRetentionShown {
				b.WriteString("\n  " + cat.T("dretain_more", "Count", len(m.names)-i))
				break
			}
			b.WriteString("\n  " + clean(n))
		}
		b.WriteString("\n\n" + cat.T("dretain_backups"))
		d.Overlay = ui.NewDialog(d.C, cat.T("dretain_title", "Count", m.months), b.String(), []ui.DialogButton{
			{Label: cat.T("dretain_erase", "Count", len(m.names)), Msg: dashRetainApplyMsg{since: m.since}},
			{Label: cat.T("dbtn_cancel")},
		}).StartOn(1)
	}
}
