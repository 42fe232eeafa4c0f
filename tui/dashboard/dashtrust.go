package dashboard

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/i18n"
	"aula/tui/ui"
)

// The class's door on the dashboard: laptops waiting to be let in, a class
// being guessed at, plain HTTP, a hub that cannot be found on the network,
// forgetting a laptop, and the trainer key in the help. It hooks into the
// dashboard at a few points (notice, trustKey, trustKeys, trustHelp,
// sentTrust) and draws nothing else of its own.

// trustKeys are the door's keys.
type trustKeys struct {
	Admit, Refuse, Forget key.Binding
}

func (d *Dashboard) tk() trustKeys {
	cat := d.C.Cat
	return trustKeys{
		Admit:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", cat.T("dkey_admit"))),
		Refuse: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", cat.T("dkey_refuse"))),
		Forget: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", cat.T("dkey_forget"))),
	}
}

// notice is the line under the title: what the trainer must know about
// the door first (one line, the most urgent), else the class summary.
func (d *Dashboard) notice(summary string) string {
	st, cat := d.C.Styles, d.C.Cat
	s := d.snap
	var parts []string
	if r := s.Restored; r != nil {
		line := cat.T("dash_restored_fresh")
		if r.FromBackup {
			at := r.BackupTime.Local()
			line = cat.T("dash_restored", "Date", at.Format("02/01"), "Time", at.Format("15:04"))
		}
		parts = append(parts, st.Bad.Render("! "+line))
	}
	if s.Plain {
		parts = append(parts, st.Bad.Render("! "+cat.T("dash_plain_http")))
	}
	if n := len(s.Waiting); n > 0 {
		w := s.Waiting[0]
		name := clean(w.Name)
		if name == "" {
			name = cat.T("dash_waiting_noname")
		}
		line := cat.T("dash_waiting", "Count", n, "Laptop", w.Laptop, "Name", name)
		if w.Replaces {
			line += " " + cat.T("dash_waiting_replaces")
		}
		parts = append(parts, st.Warn.Render(line))
	}
	if s.Guessed {
		parts = append(parts, st.Bad.Render(cat.T("dash_guessed", "Count", s.WrongCodes)))
	}
	if line := d.lrsLine(); line != "" { // dashlrs.go
		parts = append(parts, line)
	}
	if line := d.lessonsLine(); line != "" { // dashlessons.go
		parts = append(parts, line)
	}
	if len(parts) == 0 {
		if s.Announce != "" { // after the summary: it matters less
			return summary + st.Dim.Render("  ·  "+cat.T("dash_not_announced"))
		}
		return summary
	}
	return strings.Join(parts, "  ")
}

// trustKey handles the door's keys; ok says the key was one of them.
func (d *Dashboard) trustKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if !d.live {
		return nil, false
	}
	tk, cat := d.tk(), d.C.Cat
	switch {
	case key.Matches(msg, tk.Admit), key.Matches(msg, tk.Refuse):
		if len(d.snap.Waiting) == 0 {
			d.status, d.statusBad = cat.T("dash_nobody_waiting"), false
			return nil, true
		}
		w := d.snap.Waiting[0]
		kind := classroom.CmdAdmit
		if key.Matches(msg, tk.Refuse) {
			kind = classroom.CmdRefuse
		}
		d.snap.Waiting = d.snap.Waiting[1:] // the next one shows until the hub answers
		return d.sendCommand(dashSendMsg{cmd: classroom.Command{Kind: kind, To: w.ID}, who: w.Laptop}), true
	case key.Matches(msg, tk.Forget):
		r, ok := d.subject()
		if !ok || r.Device == "" {
			return nil, true
		}
		cmd := classroom.Command{Kind: classroom.CmdForget, To: r.Device}
		d.Overlay = ui.NewDialog(d.C, cat.T("dforget_title"), cat.T("dforget_text", "Name", r.Name), []ui.DialogButton{
			{Label: cat.T("dbtn_forget"), Msg: dashSendMsg{cmd: cmd, who: r.Name}},
			{Label: cat.T("dbtn_cancel")},
		})
		return nil, true
	}
	return nil, false
}

// trustKeys are the door's keys for the footer and the help.
func (d *Dashboard) trustKeys() []key.Binding {
	if !d.live {
		return nil
	}
	tk := d.tk()
	var out []key.Binding
	if len(d.snap.Waiting) > 0 {
		out = append(out, tk.Admit, tk.Refuse)
	}
	if d.view != viewTrouble && len(d.snap.Rows) > 0 {
		out = append(out, tk.Forget)
	}
	return out
}

// trustHelp is the help's part about the door: the certificate, plain
// HTTP, announcing, and the trainer key.
func (d *Dashboard) trustHelp() string {
	if !d.live {
		return ""
	}
	cat := d.C.Cat
	var b strings.Builder
	if r := d.snap.Restored; r != nil {
		b.WriteString("\n\n" + RestoredText(cat, r))
	}
	if d.snap.Plain {
		b.WriteString("\n\n" + cat.T("dash_plain_http_help"))
	}
	if fp := d.snap.Fingerprint; fp != "" {
		b.WriteString("\n\n" + cat.T("dash_fingerprint", "Fingerprint", fp))
	}
	if a := d.snap.Announce; a != "" {
		b.WriteString("\n\n" + cat.T("dash_not_announced_help", "Reason", clean(a)))
	}
	if d.cfg.Key != "" {
		b.WriteString("\n\n" + cat.T("dash_key", "Key", d.cfg.Key))
	}
	return b.String()
}

// sentTrust says how a door command went.
func (d *Dashboard) sentTrust(m dashSentMsg) {
	if m.err != nil {
		return
	}
	cat := d.C.Cat
	switch m.cmd.Kind {
	case classroom.CmdAdmit:
		d.status = cat.T("dsent_admit", "Laptop", m.who)
	case classroom.CmdRefuse:
		d.status = cat.T("dsent_refuse", "Laptop", m.who)
	case classroom.CmdForget:
		d.status = cat.T("dsent_forget", "Name", m.who)
	}
}

// RestoredText tells the trainer the truth about the hub's damaged data
// file: from when the copy put back is, what may be missing and where it
// still is, and where the damaged file is kept. aula hub and aula trainer
// print it at start; the dashboard's help says it again.
func RestoredText(cat *i18n.Catalog, r *classroom.Restored) string {
	var parts []string
	if r.FromBackup {
		at := r.BackupTime.Local()
		parts = append(parts, cat.T("hub_restored_backup", "Date", at.Format("02/01/2006"), "Time", at.Format("15:04")))
	} else {
		parts = append(parts, cat.T("hub_restored_fresh"))
	}
	if r.BadCopies > 0 {
		parts = append(parts, cat.T("hub_restored_badcopies", "Count", r.BadCopies))
	}
	if r.Salvaged > 0 {
		parts = append(parts, cat.T("hub_restored_salvaged", "Count", r.Salvaged))
	}
	if r.KeptAt != "" {
		parts = append(parts, cat.T("hub_restored_kept", "Path", clean(r.KeptAt)))
	}
	return strings.Join(parts, " ")
}
