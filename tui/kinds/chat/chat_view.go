package chat

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	chatjudge "aula/lessons/kinds/chat"
	"aula/tui/ui"
)

// ViewFull draws the phone in exactly height lines of at most width
// cells: the list of conversations, or the open one with its bar of
// buttons on top.
func (e *ChatExercise) ViewFull(width, height int) string {
	w, h := max(width, 10), max(height, 3)
	var out []string
	if c := e.Conversation(); c != nil {
		out = e.conversationView(c, w, h)
	} else {
		out = e.listView(w, h)
	}
	return strings.Join(ui.Box(out, w, h), "\n")
}

// View is the phone in a plain column, for a player that does not know
// full exercises.
func (e *ChatExercise) View(width int) string { return e.ViewFull(width, 16) }

// Tag says what a conversation is: a contact, an unknown number, an SMS
// thread or the bank's app, and whether it is blocked or deleted.
func (e *ChatExercise) Tag(c *chatjudge.Conversation) string {
	cat := e.c.Cat
	var tags []string
	switch c.App {
	case chatjudge.AppBank:
		tags = append(tags, cat.T("chat_tag_bank"))
	case chatjudge.AppSMS:
		tags = append(tags, cat.T("chat_tag_sms"))
	case chatjudge.AppAuth:
		tags = append(tags, cat.T("chat_tag_auth"))
	}
	switch {
	case isApp(c):
	case c.App == chatjudge.AppSMS && !c.Known && !strings.ContainsAny(c.Name[:min(len(c.Name), 1)], "+0123456789"):
		// An SMS thread under a sender's name: neither a contact nor a number.
	default:
		if c.Known {
			tags = append(tags, cat.T("chat_tag_contact"))
		} else {
			tags = append(tags, cat.T("chat_tag_unknown"))
		}
	}
	if e.isPending(c) {
		tags = append(tags, cat.T("chat_tag_new"))
	}
	if e.blocked(c.ID) {
		tags = append(tags, cat.T("chat_tag_blocked"))
	}
	if e.deleted(c.ID) {
		tags = append(tags, cat.T("chat_tag_deleted"))
	}
	return strings.Join(tags, " · ")
}

// Preview is the last thing said in a conversation, for the list.
func (e *ChatExercise) Preview(c *chatjudge.Conversation) (text, at string) {
	for i := len(e.log[c.ID]) - 1; i >= 0; i-- {
		if en := e.log[c.ID][i]; en.mine {
			return en.text, ""
		}
	}
	if q := c.Request; q != nil {
		if len(q.Details) == 0 {
			return q.Text, ""
		}
		vals := make([]string, len(q.Details))
		for i, d := range q.Details {
			vals[i] = d.Value
		}
		return strings.Join(vals, " · "), ""
	}
	if n := len(c.Messages); n > 0 {
		m := c.Messages[n-1]
		if m.Voice != "" {
			return e.c.Cat.T("chat_voice", "Length", m.Voice), m.Time
		}
		return m.Text, m.Time
	}
	return "", ""
}

func (e *ChatExercise) listView(w, h int) []string {
	st, cat := e.c.Styles, e.c.Cat
	head := []string{st.Title.Render(ui.Truncate(cat.T("chat_title"), w)), st.Dim.Render(ui.Truncate(cat.T("chat_list_tip"), w))}
	head = append(head, e.banner(w)...)
	var rows []string
	first, last := 0, 0
	for i, c := range e.X.Chats {
		on := i == e.Cursor && !e.done
		prefix := "  "
		name := st.Title.Render(c.Name)
		if on {
			prefix = st.Cursor.Render("▶ ")
			first = len(rows)
		}
		if e.deleted(c.ID) {
			name = st.Dim.Render(c.Name)
		}
		line1 := prefix + name + st.Dim.Render(" · "+e.Tag(c))
		text, at := e.Preview(c)
		if at != "" {
			at = " · " + at
		}
		line2 := "    " + st.Text.Render(ui.Truncate(firstLine(text), max(w-6-lipgloss.Width(at), 4))) + st.Dim.Render(at)
		rows = append(rows, e.c.Zones.Mark(listZone(c.ID, 0), ui.Truncate(line1, w)), e.c.Zones.Mark(listZone(c.ID, 1), ui.Truncate(line2, w)))
		if on {
			last = len(rows) - 1
		}
	}
	page := max(h-len(head), 1)
	e.bodyH = page
	return append(head, e.list.KeepWindow(rows, first, last, page)...)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

// conversationView is the conversation's name and bar on top, then its
// messages, links, request and replies, scrolled to keep the focus shown.
func (e *ChatExercise) conversationView(c *chatjudge.Conversation, w, h int) []string {
	st := e.c.Styles
	name := st.Title.Render(c.Name)
	if c.Number != "" {
		name += st.Text.Render(" · " + c.Number)
	}
	head := append(e.banner(w), ui.Truncate(name+st.Dim.Render(" · "+e.Tag(c)), w))
	body, bar := e.controlParts()
	e.controls = append(body, bar...)
	barRows := e.flow(bar, len(body), w)
	head = append(head, barRows...)
	head = append(head, st.Dim.Render(strings.Repeat("─", w)))
	rows, focusRow := e.bodyRows(c, body, w)
	page := max(h-len(head), 1)
	e.bodyH = page
	if focusRow >= 0 && e.follow {
		e.scroll.Keep(focusRow, focusRow, len(rows), page)
	}
	e.follow = false
	return append(head, e.scroll.Window(rows, page)...)
}

// label is the words on a control's button.
func (e *ChatExercise) label(c *chatjudge.Conversation, k control) string {
	cat := e.c.Cat
	switch k.kind {
	case ctlConfirm:
		return c.Request.Confirm
	case ctlRefuse:
		return c.Request.Refuse
	case ctlCall:
		if !c.Known {
			return cat.T("chat_call_this")
		}
		return cat.T("chat_call")
	case ctlBlock:
		if e.blocked(c.ID) {
			return cat.T("chat_unblock")
		}
		return cat.T("chat_block")
	case ctlDelete:
		if e.deleted(c.ID) {
			return cat.T("chat_restore")
		}
		return cat.T("chat_delete")
	case ctlBack:
		return cat.T("chat_back")
	case ctlReply:
		return e.replyText(c, k.id)
	}
	return k.id
}

// button draws control i as a button; the focused one stands out without
// colour too (▶ before it).
func (e *ChatExercise) button(i int, label string) string {
	st := e.c.Styles
	if i == e.Focus && !e.done {
		return e.c.Zones.Mark(controlZone(i), st.Cursor.Render("▶")+st.ButtonOn.Render("[ "+label+" ]"))
	}
	return e.c.Zones.Mark(controlZone(i), " "+st.Button.Render("[ "+label+" ]"))
}

// flow lays buttons (controls from index from) in rows of width w.
func (e *ChatExercise) flow(ctls []control, from, w int) []string {
	c := e.Conversation()
	var rows []string
	line, lw := "", 0
	for j, k := range ctls {
		b := e.button(from+j, e.label(c, k))
		bw := lipgloss.Width(b)
		if lw > 0 && lw+1+bw > w {
			rows = append(rows, line)
			line, lw = "", 0
		}
		if lw > 0 {
			line += " "
			lw++
		}
		line += b
		lw += bw
	}
	if line != "" {
		rows = append(rows, line)
	}
	return rows
}

// bubble is a message's lines: received ones on the left, the learner's
// on the right, each marked with a bar so that the side shows without
// colour.
func (e *ChatExercise) bubble(text, at string, mine bool, w int) []string {
	st := e.c.Styles
	bw := max(w*3/4, 8)
	lines := ui.WrapLines(text, bw-2)
	if at != "" {
		lines[len(lines)-1] += st.Dim.Render("  " + at)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if mine {
			l = l + st.Dim.Render(" ┃")
			out[i] = strings.Repeat(" ", max(w-lipgloss.Width(l), 0)) + l
			continue
		}
		out[i] = st.Dim.Render("┃ ") + st.Text.Render(l)
	}
	return out
}

// bodyRows are the conversation's rows and the row of the focused control
// (-1 when the focus is on the bar).
func (e *ChatExercise) bodyRows(c *chatjudge.Conversation, body []control, w int) ([]string, int) {
	st, cat := e.c.Styles, e.c.Cat
	var rows []string
	focusRow := -1
	ctl := 0
	mark := func(line string) {
		if ctl == e.Focus {
			focusRow = len(rows)
		}
		rows = append(rows, line)
		ctl++
	}
	for _, m := range c.Messages {
		text := m.Text
		if m.Voice != "" {
			text = cat.T("chat_voice", "Length", m.Voice)
		}
		rows = append(rows, e.bubble(text, m.Time, m.Me, w)...)
		if m.Link != nil {
			prefix := "  "
			link := st.Link.Render(ui.Truncate(m.Link.URL, max(w-4-lipgloss.Width(cat.T("chat_link")), 4)))
			if ctl == e.Focus && !e.done {
				prefix = st.Cursor.Render("▶ ")
				link = st.Cursor.Render(ui.Truncate(m.Link.URL, max(w-4-lipgloss.Width(cat.T("chat_link")), 4)))
			}
			mark(e.c.Zones.Mark(controlZone(ctl), prefix+st.Dim.Render(cat.T("chat_link")+" ")+link))
		}
		rows = append(rows, "")
	}
	if q := c.Request; q != nil {
		for _, l := range ui.WrapLines(q.Text, max(w-4, 4)) {
			rows = append(rows, "  "+st.Title.Render(l))
		}
		rows = append(rows, e.card(q, w)...)
	}
	for _, en := range e.log[c.ID] {
		if en.mine {
			rows = append(rows, e.bubble(en.text, "", true, w)...)
		} else {
			for _, l := range ui.WrapLines(en.text, max(w-4, 4)) {
				rows = append(rows, "  "+st.Hint.Render(l))
			}
		}
		rows = append(rows, "")
	}
	switch {
	case e.blocked(c.ID):
		rows = append(rows, st.Warn.Render(ui.Truncate(cat.T("chat_blocked_note"), w)))
	case e.deleted(c.ID):
		rows = append(rows, st.Dim.Render(ui.Truncate(cat.T("chat_deleted_note"), w)))
	case len(c.Replies) > 0 || c.Typing:
		rows = append(rows, st.Dim.Render(ui.Truncate(cat.T("chat_replies"), w)))
	}
	return e.controlRows(c, body, ctl, rows, focusRow, w)
}

// controlRows adds the rows of the conversation's controls from ctl on
// (the request's buttons, the replies, the reply box) to rows.
func (e *ChatExercise) controlRows(c *chatjudge.Conversation, body []control, ctl int, rows []string, focusRow, w int) ([]string, int) {
	st := e.c.Styles
	mark := func(line string) {
		if ctl == e.Focus {
			focusRow = len(rows)
		}
		rows = append(rows, line)
		ctl++
	}
	for ctl < len(body) {
		k := body[ctl]
		switch k.kind {
		case ctlConfirm:
			if ctl+1 < len(body) && body[ctl+1].kind == ctlRefuse {
				line := e.button(ctl, c.Request.Confirm) + " " + e.button(ctl+1, c.Request.Refuse)
				if e.Focus == ctl || e.Focus == ctl+1 {
					focusRow = len(rows)
				}
				rows = append(rows, line)
				ctl += 2
				continue
			}
			mark(e.button(ctl, c.Request.Confirm))
		case ctlType:
			prefix := "  "
			if ctl == e.Focus && !e.done {
				prefix = st.Cursor.Render("▶ ")
			}
			e.Input.Width = max(w-8, 4)
			mark(e.c.Zones.Mark(controlZone(ctl), prefix+e.Input.View()))
		default:
			mark(e.button(ctl, e.label(c, k)))
		}
	}
	return rows, focusRow
}

// listZone names line n (0 or 1) of a conversation's row in the list: a
// zone is one place on screen, so each line has its own, and a click on
// either opens the conversation.
func listZone(chat string, n int) string {
	if n == 0 {
		return "chat-list-" + chat
	}
	return fmt.Sprintf("chat-list-%s-%d", chat, n)
}

func (e *ChatExercise) isPending(c *chatjudge.Conversation) bool {
	for _, p := range e.Pending() {
		if p == c {
			return true
		}
	}
	return false
}

// banner is the phone's notification on top of the screen: the newest
// notification not looked at yet (its app and first words), and how many
// wait. A click opens it. Nothing when none waits, or on its own screen.
func (e *ChatExercise) banner(w int) []string {
	var waiting []*chatjudge.Conversation
	for _, c := range e.Pending() {
		if c.ID != e.Open {
			waiting = append(waiting, c)
		}
	}
	if len(waiting) == 0 || e.done {
		return nil
	}
	st, cat := e.c.Styles, e.c.Cat
	c := waiting[len(waiting)-1]
	text, _ := e.Preview(c)
	head := "[!] " + cat.T("chat_notification", "Count", len(waiting)) + " "
	line := st.Warn.Render(head) + st.Title.Render(c.Name+": ") + st.Text.Render(firstLine(text))
	return []string{e.c.Zones.Mark("chat-notif", ui.Truncate(line, w))}
}

// card is a request's details in a box, to compare with what the learner
// started: Code: 4821.
func (e *ChatExercise) card(q *chatjudge.Request, w int) []string {
	if len(q.Details) == 0 {
		return nil
	}
	st, cat := e.c.Styles, e.c.Cat
	inner := max(w-6, 4)
	lw := 0 // the widest label, to line the values up
	for _, d := range q.Details {
		lw = max(lw, lipgloss.Width(d.Label))
	}
	lw = min(lw, inner/2)
	edge := func(l, r string, title string) string {
		t := ui.Truncate(title, inner)
		return "  " + st.Dim.Render(l+t+strings.Repeat("─", max(inner-lipgloss.Width(t), 0))+r)
	}
	out := []string{edge("┌", "┐", cat.T("chat_card_title"))}
	for _, d := range q.Details {
		label := ui.Truncate(d.Label+":", lw+1)
		vw := max(inner-lw-3, 2)
		for i, v := range ui.WrapLines(d.Value, vw) {
			l := strings.Repeat(" ", lw+3)
			if i == 0 {
				l = " " + label + strings.Repeat(" ", lw+2-lipgloss.Width(label))
			}
			cell := ui.Truncate(st.Dim.Render(l)+st.Title.Render(v), inner)
			out = append(out, "  "+st.Dim.Render("│")+cell+strings.Repeat(" ", max(inner-lipgloss.Width(cell), 0))+st.Dim.Render("│"))
		}
	}
	return append(out, edge("└", "┘", ""), "")
}
