package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"aula/classroom"
	"aula/classroom/share"
	"aula/tui/access"
	"aula/tui/ui"
)

// This file is the kiosk's side of help at a distance (issue 17): the
// trainer asks to see the screen; the learner answers (no by default);
// while it is shared a banner says so with the key that stops it, the
// trainer's pointer is drawn, and a copy of the screen, drawn with every
// typed box in dots (ui.Common.Masked), goes to the class link at most
// every share.SendEvery. Nothing the trainer sends reaches the screen's
// keys.

// Sharing is the part of the class link that sends the screen (a
// *classroom.Syncer).
type Sharing interface {
	AnswerShare(id string, allow bool)
	ShareFrame(id, screen string, width int)
}

// shareState is the share the learner allowed, if any.
type shareState struct {
	id      string // "" when the screen is not shared
	trainer string // who watches, as the hub said
	point   *share.Point
	last    time.Time // the last copy drawn
	sent    string    // the last copy handed over
	tick    bool      // a copy is scheduled
}

type (
	// shareAnswerMsg is the learner's answer to the trainer's ask.
	shareAnswerMsg struct {
		id, trainer string
		allow       bool
	}
	// shareCopyMsg asks for a copy of the screen, once the wait between
	// copies is over.
	shareCopyMsg struct{}
)

// stopShareKey is the one key that stops sharing, on every screen.
func (m *Model) stopShareKey() key.Binding {
	return key.NewBinding(key.WithKeys("f8"), key.WithHelp("F8", m.c.Cat.T("key_share_stop")))
}

// sharing is the class link's screen sender, nil when there is none.
func (m *Model) sharing() Sharing {
	s, _ := m.cfg.Class.(Sharing)
	return s
}

// trainerName is how the kiosk names who asked: their name, or words.
func (m *Model) trainerName(name string) string {
	if name == "" {
		return m.c.Cat.T("share_someone")
	}
	return name
}

// shareCommand carries out a share command for this learner; false for
// other commands.
func (m *Model) shareCommand(c classroom.Command) bool {
	cat := m.c.Cat
	mine := c.Share != "" && c.Share == m.share.id
	switch c.Kind {
	case classroom.CmdShareAsk:
		if m.sharing() == nil || m.c.Learner == nil || c.Share == "" {
			return true // nobody to ask: the hub declines it in time
		}
		text := cat.T("share_ask_text_noname")
		if c.Text != "" {
			text = cat.T("share_ask_text", "Name", c.Text)
		}
		d := ui.NewDialog(m.c, cat.T("share_ask_title"), text, []ui.DialogButton{
			{Label: cat.T("share_allow"), Msg: shareAnswerMsg{id: c.Share, trainer: c.Text, allow: true}},
			{Label: cat.T("share_deny"), Msg: shareAnswerMsg{id: c.Share}},
		}).StartOn(1)
		m.overlay = &shareAsk{Dialog: d, id: c.Share, trainer: c.Text}
	case classroom.CmdSharePoint:
		if mine && c.Point != nil {
			m.share.point = c.Point
		}
	case classroom.CmdShareSay:
		if mine && c.Text != "" {
			title := cat.T("trainer_message_title")
			if m.share.trainer != "" {
				title = cat.T("share_message_title", "Name", m.share.trainer)
			}
			m.overlay = ui.NewDialog(m.c, title, c.Text, []ui.DialogButton{{Label: cat.T("btn_ok")}})
		}
	case classroom.CmdShareStop:
		if mine {
			m.status = cat.T("share_stopped_trainer", "Name", m.trainerName(m.share.trainer))
			m.share = shareState{}
		}
	default:
		return false
	}
	return true
}

// shareAsk is the question; closing it without an answer is a no.
type shareAsk struct {
	*ui.Dialog
	id, trainer string
}

// Update closes the dialog with a no when it closes without an answer.
func (a *shareAsk) Update(msg tea.Msg) (tea.Cmd, bool) {
	cmd, closed := a.Dialog.Update(msg)
	if closed && cmd == nil {
		cmd = ui.Send(shareAnswerMsg{id: a.id})
	}
	return cmd, closed
}

// shareUpdate handles the share's messages and the stop key.
func (m *Model) shareUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case shareAnswerMsg:
		if s := m.sharing(); s != nil {
			s.AnswerShare(msg.id, msg.allow)
		}
		if msg.allow {
			m.share = shareState{id: msg.id, trainer: msg.trainer}
		}
		return nil, true
	case shareCopyMsg:
		m.share.tick = false
		m.copyScreen()
		return nil, true
	case classroom.ShareEndedMsg:
		if msg.Share == m.share.id {
			words := "share_ended"
			if msg.Unreachable {
				words = "share_unreachable"
			}
			m.status, m.share = m.c.Cat.T(words), shareState{}
		}
		return nil, true
	case tea.KeyMsg:
		if m.share.id == "" {
			return nil, false
		}
		if key.Matches(msg, m.stopShareKey()) {
			m.stopSharing()
			return nil, true
		}
		m.share.point = nil // the learner has seen where the trainer pointed
	case tea.MouseMsg:
		if ui.IsClick(msg) {
			m.share.point = nil
		}
	}
	return nil, false
}

// stopSharing ends the share from the learner's side (the stop key,
// signing out, leaving).
func (m *Model) stopSharing() {
	if m.share.id == "" {
		return
	}
	if s := m.sharing(); s != nil {
		s.AnswerShare(m.share.id, false)
	}
	m.status, m.share = m.c.Cat.T("share_stopped"), shareState{}
}

// shareAfter hands the class link a copy of the screen after a message
// changed it: at once when the last copy is old enough, else once it is.
func (m *Model) shareAfter(msg tea.Msg) tea.Cmd {
	if _, copied := msg.(shareCopyMsg); copied || m.share.id == "" || m.share.tick {
		return nil
	}
	if m.c.Learner == nil {
		m.stopSharing() // signed out: the screen is no longer theirs
		return nil
	}
	wait := share.SendEvery - m.c.Now().Sub(m.share.last)
	if wait <= 0 {
		m.copyScreen()
		return nil
	}
	m.share.tick = true
	return m.cfg.Tick(wait, func(time.Time) tea.Msg { return shareCopyMsg{} })
}

// copyScreen draws the screen with typed text in dots and hands it over
// if it changed.
func (m *Model) copyScreen() {
	s := m.sharing()
	if s == nil || m.share.id == "" {
		return
	}
	m.share.last = m.c.Now()
	m.c.Masked = true
	frame := m.frame()
	m.c.Masked = false
	if frame != m.share.sent {
		m.share.sent = frame
		s.ShareFrame(m.share.id, frame, m.width)
	}
}

// shareBanner is the top line while the screen is shared: who sees it and
// the key that stops it; "" when it is not shared.
func (m *Model) shareBanner() string {
	if m.share.id == "" {
		return ""
	}
	cat := m.c.Cat
	k := m.stopShareKey().Help()
	text := "◉ " + cat.T("share_banner", "Name", m.trainerName(m.share.trainer)) + " · " + k.Key + ": " + k.Desc
	w := m.c.Width
	return m.c.Styles.ButtonOn.Padding(0).Margin(0).Width(w).MaxWidth(w).Render(ui.Truncate(text, w))
}

// pointed draws the trainer's pointer over the frame: the cell reversed,
// with » and « either side, which show without colours too.
func (m *Model) pointed(frame string) string {
	p := m.share.point
	if p == nil || m.share.id == "" || m.overlay != nil || m.class.paused != nil {
		return frame // a dialog on top: the place pointed at is under it
	}
	rows := strings.Split(frame, "\n")
	if p.Row >= len(rows) || p.Col >= ansi.StringWidth(rows[p.Row]) {
		return frame
	}
	row := rows[p.Row]
	cell := ansi.Strip(ansi.Cut(row, p.Col, p.Col+1))
	if strings.TrimSpace(cell) == "" {
		cell = "◉"
	}
	left := ansi.Truncate(row, max(p.Col-1, 0), "")
	if p.Col > 0 {
		left += m.c.Styles.Bad.Render("»")
	}
	right := ansi.TruncateLeft(row, p.Col+2, "")
	rows[p.Row] = left + lipgloss.NewStyle().Reverse(true).Bold(true).Render(cell) + m.c.Styles.Bad.Render("«") + right
	return strings.Join(rows, "\n")
}

// shareLine takes the typed answer to the trainer's ask in accessible
// mode: yes in the learner's words allows; anything else, an empty line
// too, is no.
func (m *Model) shareLine(a *shareAsk, text string) access.Result {
	m.overlay = nil
	msg := shareAnswerMsg{id: a.id}
	if access.IsWord(m.c, text, "line_cmd_yes") {
		for _, b := range a.Buttons {
			if ans, ok := b.Msg.(shareAnswerMsg); ok && ans.allow {
				msg = ans
			}
		}
	}
	if !msg.allow {
		return access.Result{Say: []string{m.c.Cat.T("line_share_no")}, Cmd: ui.Send(msg)}
	}
	return access.Result{Cmd: ui.Send(msg)}
}
