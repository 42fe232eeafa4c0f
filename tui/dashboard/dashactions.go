package dashboard

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
	"aula/tui/ui"
)

// askMessage opens the box to write a message to r, or to everyone.
func (d *Dashboard) askMessage(r *classroom.Row) tea.Cmd {
	if !d.live {
		return d.notLive()
	}
	cat := d.C.Cat
	title, text := cat.T("dmsg_all_title"), cat.T("dmsg_all_text")
	to, who := "", ""
	if r != nil {
		title, text = cat.T("dmsg_one_title", "Name", r.Name), cat.T("dmsg_one_text")
		to, who = r.Target(), r.Name
	}
	d.Overlay = newInputDialog(d.C, title, text, "", cat.T("dbtn_send"), func(s string) tea.Msg {
		return dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdMessage, To: to, Text: s}, who: who}
	})
	return nil
}

// askLesson opens the lesson picker for r, or for everyone.
func (d *Dashboard) askLesson(r *classroom.Row) tea.Cmd {
	if !d.live {
		return d.notLive()
	}
	cat := d.C.Cat
	title, to, who := cat.T("dlesson_all_title"), "", ""
	if r != nil {
		title, to, who = cat.T("dlesson_one_title", "Name", r.Name), r.Target(), r.Name
	}
	d.Overlay = newLessonPicker(d.C, title, func(l *lessons.Lesson) tea.Msg {
		return dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdGoLesson, To: to, Lesson: l.ID}, who: who, what: l.Title}
	})
	return nil
}

// askResetPIN asks before removing r's PIN.
func (d *Dashboard) askResetPIN(r classroom.Row) tea.Cmd {
	cat := d.C.Cat
	cmd := classroom.Command{Kind: classroom.CmdResetPIN, To: r.Target()}
	d.Overlay = ui.NewDialog(d.C, cat.T("dpin_title", "Name", r.Name), cat.T("dpin_text", "Name", r.Name), []ui.DialogButton{
		{Label: cat.T("dbtn_reset_pin"), Msg: dashSendMsg{cmd: cmd, who: r.Name}},
		{Label: cat.T("dbtn_cancel")},
	})
	return nil
}

// ackHelp tells r's kiosk that the trainer has seen the raised hand.
func (d *Dashboard) ackHelp(r classroom.Row) tea.Cmd {
	if !d.live {
		return d.notLive()
	}
	if !r.Has(classroom.FlagHelp) {
		d.status, d.statusBad = d.C.Cat.T("dash_no_help", "Name", r.Name), false
		return nil
	}
	return d.sendCommand(dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdAckHelp, To: r.Target()}, who: r.Name})
}

// pauseOrResume covers every screen with a message, or uncovers them.
func (d *Dashboard) pauseOrResume() tea.Cmd {
	if !d.live {
		return d.notLive()
	}
	if d.snap.Paused {
		return d.sendCommand(dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdResume}})
	}
	cat := d.C.Cat
	d.Overlay = newInputDialog(d.C, cat.T("dpause_title"), cat.T("dpause_text"), cat.T("dpause_default"), cat.T("dbtn_pause"),
		func(s string) tea.Msg { return dashSendMsg{cmd: classroom.Command{Kind: classroom.CmdPause, Text: s}} })
	return nil
}

// sent says how a command went.
func (d *Dashboard) sent(m dashSentMsg) {
	cat := d.C.Cat
	if m.err != nil {
		d.statusBad = true
		switch {
		case errors.Is(m.err, classroom.ErrNotLive):
			d.status = cat.T("dash_not_live")
		case m.who != "":
			d.status = cat.T("dash_send_failed_one", "Name", m.who)
		default:
			d.status = cat.T("dash_send_failed")
		}
		return
	}
	d.statusBad = false
	all := m.cmd.To == ""
	switch m.cmd.Kind {
	case classroom.CmdMessage:
		d.status = cat.T("dsent_message_one", "Name", m.who)
		if all {
			d.status = cat.T("dsent_message_all")
		}
	case classroom.CmdGoLesson:
		d.status = cat.T("dsent_lesson_one", "Name", m.who, "Title", m.what)
		if all {
			d.status = cat.T("dsent_lesson_all", "Title", m.what)
		}
	case classroom.CmdPause:
		d.snap.Paused = true
		d.status = cat.T("dsent_pause")
	case classroom.CmdResume:
		d.snap.Paused = false
		d.status = cat.T("dsent_resume")
	case classroom.CmdResetPIN:
		d.status = cat.T("dsent_reset_pin", "Name", m.who)
	case classroom.CmdAckHelp:
		d.status = cat.T("dsent_ack", "Name", m.who)
	}
	d.sentTrust(m)  // dashtrust.go
	d.sentRights(m) // dashrights.go
}

// quitDialog asks before closing the dashboard.
func (d *Dashboard) quitDialog() ui.Overlay {
	cat := d.C.Cat
	text := cat.T("dquit_text")
	if !d.live {
		text = cat.T("dquit_text_local")
	}
	return ui.NewDialog(d.C, cat.T("dquit_title"), text, []ui.DialogButton{
		{Label: cat.T("dbtn_close"), Msg: ui.QuitMsg{}},
		{Label: cat.T("btn_stay")},
	})
}

func (d *Dashboard) mouse(msg tea.MouseMsg) tea.Cmd {
	switch msg.Button {
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		if msg.Action != tea.MouseActionPress {
			return nil
		}
		step := 1
		if msg.Button == tea.MouseButtonWheelUp {
			step = -1
		}
		switch d.view {
		case viewList:
			d.select_(d.Cursor + step)
		case viewDetail:
			d.detailScroll.By(step)
		}
		return nil
	}
	if !ui.IsClick(msg) {
		return nil
	}
	z := d.C.Zones
	for id, act := range d.buttons() {
		if z.Get(id).InBounds(msg) {
			return act()
		}
	}
	if d.view == viewList {
		end := min(d.scroll.Top+d.ListRoom(), len(d.snap.Rows))
		for i := d.scroll.Top; i < end; i++ {
			if z.Get(fmt.Sprintf("drow-%d", i)).InBounds(msg) {
				d.select_(i)
				return d.openDetail()
			}
		}
	}
	return nil
}

// buttons are the clickable buttons on screen now and what they do.
func (d *Dashboard) buttons() map[string]func() tea.Cmd {
	b := map[string]func() tea.Cmd{}
	if d.live {
		b["dbtn-msg-all"] = func() tea.Cmd { return d.askMessage(nil) }
		b["dbtn-pause"] = d.pauseOrResume
		b["dbtn-lesson-all"] = func() tea.Cmd { return d.askLesson(nil) }
	}
	b["dbtn-class"] = func() tea.Cmd {
		if d.view == viewTrouble {
			d.view = viewList
		} else {
			d.view = viewTrouble
		}
		return nil
	}
	if d.view == viewDetail || d.view == viewTrouble {
		b["dbtn-back"] = func() tea.Cmd { d.view = viewList; return nil }
	}
	if d.view == viewTrouble {
		b["dprev"] = func() tea.Cmd { d.otherLesson(false); return nil }
		b["dnext"] = func() tea.Cmd { d.otherLesson(true); return nil }
	}
	if d.view == viewDetail {
		with := func(f func(classroom.Row) tea.Cmd) func() tea.Cmd {
			return func() tea.Cmd {
				if r, ok := d.subject(); ok {
					return f(r)
				}
				return nil
			}
		}
		b["dbtn-pin"] = with(d.askResetPIN)
		if d.live {
			b["dbtn-msg"] = with(func(r classroom.Row) tea.Cmd { return d.askMessage(&r) })
			b["dbtn-lesson"] = with(func(r classroom.Row) tea.Cmd { return d.askLesson(&r) })
			b["dbtn-ack"] = with(d.ackHelp)
		}
	}
	return b
}

// keys are the keys of the current view, for the footer and the help.
func (d *Dashboard) keys() []key.Binding {
	k, dk := d.C.Keys, d.k
	var out []key.Binding
	switch d.view {
	case viewList:
		if len(d.snap.Rows) == 0 {
			out = []key.Binding{dk.ClassView, dk.Quit}
			break
		}
		out = append([]key.Binding{k.Move, dk.Open}, d.shareKeys()...) // dashshare.go: w
		if d.live {
			out = append(out, dk.Message, dk.Ack)
		}
		out = append(out, dk.ClassView, dk.Quit)
		if d.live {
			out = append(out, dk.Lesson)
		}
		out = append(out, dk.ResetPIN, dk.Pages)
	case viewDetail:
		out = append([]key.Binding{k.Back}, d.shareKeys()...) // dashshare.go: w
		if d.live {
			out = append(out, dk.Message, dk.Ack, dk.Lesson)
		}
		out = append(out, dk.ResetPIN, k.Move, dk.Quit)
	case viewTrouble:
		out = []key.Binding{k.Back, dk.OtherLesson, dk.Quit}
	case viewShare:
		return append(d.shareKeys(), dk.Quit) // dashshare.go
	}
	if d.live {
		out = append(out, dk.MessageAll, dk.Pause, dk.LessonAll)
	}
	if d.code() != "" {
		out = append(out, dk.Code)
	}
	if len(d.focusOrder()) > 0 {
		out = append(out, dk.Buttons)
	}
	out = append(out, d.trustKeys()...)   // dashtrust.go
	return append(out, d.rightsKeys()...) // dashrights.go, dashoffice.go
}

func (d *Dashboard) helpText() string {
	cat := d.C.Cat
	var text string
	switch d.view {
	case viewDetail:
		text = cat.T("help_dash_detail")
	case viewTrouble:
		text = cat.T("help_dash_class")
	case viewShare:
		text = cat.T("help_dash_share") // dashshare.go
	default:
		text = cat.T("help_dash_list")
	}
	if !d.live {
		text += "\n\n" + cat.T("dash_local_note")
	}
	return text + d.trustHelp() + d.lessonsHelp() // dashtrust.go, dashlessons.go
}

// Code is the session code to show: the configured one, else the hub's.
func (d *Dashboard) code() string {
	if d.cfg.Code != "" {
		return d.cfg.Code
	}
	return d.snap.Code
}
