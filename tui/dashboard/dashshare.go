package dashboard

import (
	"aula/classroom/safetext"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/classroom"
	"aula/classroom/share"
	"aula/tui/ui"
)

// Help at a distance on the dashboard (issue 17): "w" on a learner asks to
// see their screen; once they allow it, the view shows a live copy (text
// only, typed boxes in dots, drawn by their kiosk). The trainer moves a
// cursor over the copy, points with Enter, writes a short message with m,
// and stops with Esc. It hooks into the dashboard at a few points
// (shareUpdate, shareKey, shareKeys, shareLines) and draws nothing else.

// dashShare is the screen the dashboard watches, if any.
type dashShare struct {
	id       string // the share; "" when none
	name     string // whose screen
	state    share.State
	copy     share.Screen
	busy     bool         // a watch is under way
	fails    int          // watches failed in a row: two say the hub is lost
	row, col int          // the trainer's cursor over the copy
	top      int          // the first row of the copy on screen
	since    time.Time    // when the learner allowed it
	point    *share.Point // where the trainer last pointed
}

type (
	// dashShareAskedMsg brings the share the hub opened.
	dashShareAskedMsg struct {
		id, name string
		err      error
	}
	// dashShareMsg brings news of the share watched.
	dashShareMsg struct {
		id  string
		u   share.Update
		err error
	}
	// dashShareAgainMsg asks to watch again after a failure.
	dashShareAgainMsg struct{ id string }
)

// shareKeyMap are the keys of watching a screen.
type shareKeyMap struct {
	Watch, Point, Say, Stop, Move key.Binding
}

func (d *Dashboard) shareKeyMap() shareKeyMap {
	cat := d.C.Cat
	return shareKeyMap{
		Watch: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", cat.T("dkey_watch"))),
		Point: key.NewBinding(key.WithKeys("enter", "p"), key.WithHelp(cat.T("keyname_enter"), cat.T("dkey_point"))),
		Say:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", cat.T("dkey_share_say"))),
		Stop:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("dkey_share_stop"))),
		Move:  key.NewBinding(key.WithKeys("up", "down", "left", "right"), key.WithHelp("↑↓←→", cat.T("dkey_share_move"))),
	}
}

// shareSource is the source when it can watch screens.
func (d *Dashboard) shareSource() classroom.ShareSource {
	s, _ := d.cfg.Source.(classroom.ShareSource)
	return s
}

// shareUpdate handles the share's messages; ok says it was one of them.
func (d *Dashboard) shareUpdate(msg tea.Msg) (tea.Cmd, bool) {
	sh, cat := &d.share, d.C.Cat
	switch msg := msg.(type) {
	case dashShareAskedMsg:
		if msg.err != nil {
			d.status, d.statusBad = cat.T("dshare_ask_failed", "Name", msg.name), true
			if d.view == viewShare && sh.id == "" {
				d.view = viewList
			}
			return nil, true
		}
		*sh = dashShare{id: msg.id, name: msg.name, state: share.Asked}
		d.view = viewShare
		return d.watch(), true
	case dashShareMsg:
		if msg.id != sh.id {
			return nil, true // a share already over
		}
		sh.busy = false
		if msg.err != nil {
			sh.fails++
			return d.cfg.Tick(time.Second, func(time.Time) tea.Msg { return dashShareAgainMsg{id: msg.id} }), true
		}
		sh.fails = 0
		d.sharedNews(msg.u)
		return d.watch(), true
	case dashShareAgainMsg:
		if msg.id == sh.id {
			return d.watch(), true
		}
		return nil, true
	}
	return nil, false
}

// sharedNews takes an update: the newest frame, and how the share stands.
func (d *Dashboard) sharedNews(u share.Update) {
	sh, cat := &d.share, d.C.Cat
	if u.State == share.Sharing && sh.state != share.Sharing {
		sh.since = d.cfg.Now()
	}
	sh.copy.Apply(u) // keeps the newest: a late answer changes nothing
	switch u.State {
	case share.Declined:
		d.status, d.statusBad = cat.T("dshare_declined", "Name", sh.name), true
		d.endShare()
	case share.Ended:
		d.status, d.statusBad = cat.T("dshare_ended", "Name", sh.name), false
		d.endShare()
	default:
		sh.state = u.State
	}
}

// endShare forgets the share and goes back to the list.
func (d *Dashboard) endShare() {
	d.share = dashShare{}
	if d.view == viewShare {
		d.view = viewList
	}
}

// watch asks for news of the share, one request at a time.
func (d *Dashboard) watch() tea.Cmd {
	sh, src := &d.share, d.shareSource()
	if sh.id == "" || sh.busy || src == nil {
		return nil
	}
	sh.busy = true
	id, after := sh.id, sh.copy.Seq
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		u, err := src.WatchShare(ctx, id, after)
		return dashShareMsg{id: id, u: u, err: err}
	}
}

// say sends a point, a message or a stop in a command.
func (d *Dashboard) say(s share.Say, done string) tea.Cmd {
	src := d.shareSource()
	if src == nil {
		return nil
	}
	s.Share = d.share.id
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
		defer cancel()
		if err := src.SayShare(ctx, s); err != nil {
			return dashStatusMsg{text: "", err: err}
		}
		return dashStatusMsg{text: done}
	}
}

// dashStatusMsg puts a line on the status bar (text), or says a request
// failed.
type dashStatusMsg struct {
	text string
	err  error
}

// shareKey handles "w" on a learner and every key while watching; ok says
// the key was taken.
func (d *Dashboard) shareKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	sk := d.shareKeyMap()
	if d.view != viewShare {
		if !key.Matches(msg, sk.Watch) || (d.view != viewList && d.view != viewDetail) {
			return nil, false
		}
		r, ok := d.subject()
		src := d.shareSource()
		switch {
		case !ok:
			return nil, true
		case !d.live || src == nil || r.Device == "":
			d.status, d.statusBad = d.C.Cat.T("dshare_cant"), true
			return nil, true
		}
		if d.share.id != "" { // one screen at a time: the last one stops
			cmd := d.say(share.Say{Kind: share.SayStop}, "")
			d.share = dashShare{}
			return tea.Batch(cmd, d.ask(src, r)), true
		}
		return d.ask(src, r), true
	}
	sh, cat := &d.share, d.C.Cat
	k := d.C.Keys
	switch {
	case key.Matches(msg, k.Help, k.HelpQ, k.ForceQuit, d.k.Quit):
		return nil, false // help and leaving work here too
	case key.Matches(msg, sk.Stop):
		cmd := d.say(share.Say{Kind: share.SayStop}, cat.T("dshare_stopped", "Name", sh.name))
		d.endShare()
		return cmd, true
	case sh.state != share.Sharing:
		return nil, true
	case key.Matches(msg, k.Up):
		sh.row = max(sh.row-1, 0)
	case key.Matches(msg, k.Down):
		sh.row = min(sh.row+1, max(sh.copy.Height-1, 0))
	case key.Matches(msg, k.Left):
		sh.col = max(sh.col-1, 0)
	case key.Matches(msg, k.Right):
		sh.col = min(sh.col+1, max(sh.copy.Width-1, 0))
	case key.Matches(msg, sk.Point):
		sh.point = &share.Point{Row: sh.row, Col: sh.col}
		return d.say(share.Say{Kind: share.SayPoint, Point: sh.point}, cat.T("dshare_pointed", "Name", sh.name)), true
	case key.Matches(msg, sk.Say):
		name := sh.name
		d.Overlay = newInputDialog(d.C, cat.T("dmsg_one_title", "Name", name), cat.T("dshare_say_text"), "", cat.T("dbtn_send"), func(s string) tea.Msg {
			return dashSayMsg{text: s}
		})
		return nil, true
	}
	return nil, true
}

// dashSayMsg is the message the trainer wrote in the box.
type dashSayMsg struct{ text string }

// ask opens a share of r's screen.
func (d *Dashboard) ask(src classroom.ShareSource, r classroom.Row) tea.Cmd {
	d.view = viewShare
	d.share = dashShare{name: r.Name, state: share.Asked}
	to, name, trainer := r.Target(), r.Name, d.cfg.Trainer
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), dashTimeout)
		defer cancel()
		id, err := src.AskShare(ctx, to, trainer)
		return dashShareAskedMsg{id: id, name: name, err: err}
	}
}

// shareSaid handles what the say box and the say commands answer.
func (d *Dashboard) shareSaid(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case dashSayMsg:
		if d.share.id == "" {
			return nil, true
		}
		text := safetext.Text(msg.text, share.MaxSay) // within what the hub takes
		if text == "" {
			return nil, true
		}
		return d.say(share.Say{Kind: share.SayMessage, Text: text}, d.C.Cat.T("dsent_message_one", "Name", d.share.name)), true
	case dashStatusMsg:
		if msg.err != nil {
			d.status, d.statusBad = d.C.Cat.T("dash_send_failed_one", "Name", d.share.name), true
		} else if msg.text != "" {
			d.status, d.statusBad = msg.text, false
		}
		return nil, true
	}
	return nil, false
}

// shareKeys are the keys of the watch view for the footer, and "w" on a
// learner elsewhere.
func (d *Dashboard) shareKeys() []key.Binding {
	sk := d.shareKeyMap()
	switch {
	case d.view == viewShare && d.share.state == share.Sharing:
		return []key.Binding{sk.Move, sk.Point, sk.Say, sk.Stop}
	case d.view == viewShare:
		return []key.Binding{sk.Stop}
	case d.live && d.shareSource() != nil && len(d.snap.Rows) > 0:
		return []key.Binding{sk.Watch}
	}
	return nil
}

// shareLines draws the watch view: whose screen and how it stands, then
// the copy with the trainer's cursor, scrolled to keep the cursor in view.
func (d *Dashboard) shareLines(w, room int) []string {
	sh, st, cat := &d.share, d.C.Styles, d.C.Cat
	title := st.Title.Render(cat.T("dshare_title", "Name", sh.name))
	var state string
	switch {
	case sh.fails >= 2: // one failed long-poll is not news yet
		state = st.Bad.Render(cat.T("dshare_lost"))
	case sh.state == share.Asked:
		state = st.Warn.Render(cat.T("dshare_asked", "Name", sh.name))
	default:
		state = st.Good.Render(cat.T("dshare_sharing", "Time", sh.since.Local().Format("15:04")))
	}
	lines := []string{title + "  " + state}
	if sh.state != share.Sharing || sh.copy.Seq == 0 {
		return append(lines, "", st.Dim.Render(cat.T("dshare_asked_note")))
	}
	rows := max(room-2, 1)
	sh.top = ui.Clamp(sh.top, max(sh.row-rows+1, 0), sh.row)
	cw := min(sh.copy.Width, w-2)
	cursor := lipgloss.NewStyle().Reverse(true)
	for i := sh.top; i < min(sh.top+rows, len(sh.copy.Rows)); i++ {
		row := []rune(safetext.Line(sh.copy.Rows[i], share.MaxLine))
		text := ui.Truncate(string(row), cw)
		if i == sh.row {
			text = cursorAt(text, sh.col, cursor)
		}
		lines = append(lines, st.Dim.Render("│")+text)
	}
	lines = append(lines, st.Dim.Render(fmt.Sprintf("└%s %d,%d", strings.Repeat("─", max(min(cw, w-12), 0)), sh.row+1, sh.col+1)))
	return lines
}

// cursorAt draws col of a plain text row reversed (a space past its end).
func cursorAt(text string, col int, style lipgloss.Style) string {
	var b strings.Builder
	x := 0
	found := false
	for _, r := range text {
		rw := lipgloss.Width(string(r))
		if !found && x+rw > col {
			b.WriteString(style.Render(string(r)))
			found = true
		} else {
			b.WriteRune(r)
		}
		x += rw
	}
	if !found {
		b.WriteString(strings.Repeat(" ", max(col-x, 0)) + style.Render(" "))
	}
	return b.String()
}
