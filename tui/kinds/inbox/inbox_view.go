package inbox

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	inboxjudge "aula/lessons/kinds/inbox"
	"aula/lessons/validate"
	"aula/tui/ui"
)

// ViewFull draws the mail app in exactly height lines of at most width
// cells: a title line with the practice address, the folders, list and
// reading pane (or the form, the file picker, the link check), and the
// action bar.
func (e *InboxExercise) ViewFull(width, height int) string {
	w, h := max(width, 10), max(height, 5)
	bottom := e.bottom(w)
	mainH := max(h-1-len(bottom), 2)
	var main string
	switch {
	case e.dlg != nil:
		main = e.dlg.View(w, mainH)
	case e.mode == modeCompose && e.Form != nil:
		main = e.viewCompose(w, mainH)
	case e.mode == modePicker:
		main = e.viewPicker(w, mainH)
	case e.mode == modeLink && e.link != nil:
		main = e.viewLink(w, mainH)
	default:
		main = e.viewMail(w, mainH)
	}
	var out []string
	if h >= 12 {
		// The practice address, when there is room for it.
		out = append(out, e.titleBar(w))
	} else {
		mainH++
	}
	out = append(out, ui.Box(strings.Split(main, "\n"), w, mainH)...)
	out = append(out, bottom...)
	return strings.Join(ui.Box(strings.Split(strings.Join(out, "\n"), "\n"), w, h), "\n")
}

func (e *InboxExercise) titleBar(w int) string {
	st, cat := e.c.Styles, e.c.Cat
	who := e.Ex.Me
	if e.Ex.Name != "" {
		who = e.Ex.Name + " <" + e.Ex.Me + ">"
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(st.Title.Render(cat.T("inbox_title")) + st.Dim.Render(" · "+who))
}

// bottom is the note about the last action and, in the mailbox, the
// action bar: one button per action, each with its key.
func (e *InboxExercise) bottom(w int) []string {
	st := e.c.Styles
	var lines []string
	if e.note != "" {
		lines = append(lines, lipgloss.NewStyle().MaxWidth(w).Render(st.Hint.Render("→ ")+e.note))
	}
	if e.mode != modeMail || e.dlg != nil || e.Done {
		if len(lines) == 0 {
			lines = append(lines, "")
		}
		return lines
	}
	row := ""
	for _, a := range e.actions() {
		b := e.c.Zones.Mark("inbox-act-"+a.id, st.HelpKey.Render("["+a.label+"]")+" "+a.name)
		switch {
		case row == "":
			row = b
		case lipgloss.Width(row)+2+lipgloss.Width(b) > w:
			lines = append(lines, row)
			row = b
		default:
			row += "  " + b
		}
	}
	return append(lines, row)
}

func (e *InboxExercise) viewMail(w, h int) string {
	st, cat := e.c.Styles, e.c.Cat
	fw := ui.Clamp(w/5, 16, 22)
	rw := max(w-fw-2, 8)

	left := e.folderColumn(fw)

	// Message list.
	list := e.Shown()
	listH := ui.Clamp(len(list), 1, max(h/2-1, 2))
	if e.opened() != nil {
		// An email is open: the list gives it room, so that its text
		// shows and not only its header.
		listH = ui.Clamp(len(list), 1, max(h/4, 2))
	}
	e.Cursor = ui.Clamp(e.Cursor, 0, max(len(list)-1, 0))
	e.top.Keep(e.Cursor, e.Cursor, len(list), listH)
	top := e.top.Top
	var right []string
	if len(list) == 0 {
		right = append(right, st.Dim.Render(ui.Truncate(cat.T("inbox_folder_empty"), rw)))
	}
	for i := top; i < len(list) && i < top+listH; i++ {
		right = append(right, e.c.Zones.Mark(fmt.Sprintf("inbox-row-%d", i), e.row(list[i], i, rw)))
	}
	sep := ""
	if hidden := len(list) - listH; hidden > 0 {
		// Say there are more emails than rows, and which way they are.
		arrow := "↓"
		if top+listH >= len(list) {
			arrow = "↑"
		}
		sep = "─ " + arrow + " " + cat.T("inbox_more_mails", "Count", hidden) + " "
	}
	right = append(right, st.Dim.Render(ui.Truncate(sep+strings.Repeat("─", max(rw-lipgloss.Width(sep), 0)), rw)))
	right = append(right, e.viewReading(rw, h-len(right))...)

	var out []string
	for i := 0; i < h; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, l+strings.Repeat(" ", max(fw-lipgloss.Width(l), 0))+st.Dim.Render("│")+" "+r)
	}
	return strings.Join(out, "\n")
}

// folderColumn is the column of folders, fw cells wide.
func (e *InboxExercise) folderColumn(fw int) []string {
	st, cat := e.c.Styles, e.c.Cat
	var left []string
	unread := 0
	for _, m := range e.mails {
		if m.folder == inboxjudge.FolderInbox && m.unread {
			unread++
		}
	}
	for i, f := range inboxFolders {
		name := cat.T("inbox_folder_" + f)
		if f == inboxjudge.FolderInbox && unread > 0 {
			name += fmt.Sprintf(" (%d)", unread)
		}
		pointer := "  "
		if i == e.folder {
			pointer = "› "
			if e.focus == focusFolders {
				pointer = "▶ "
			}
		}
		row := ui.Truncate(pointer+name, fw-1)
		switch {
		case i == e.folder && e.focus == focusFolders && !e.Done:
			row = st.Cursor.Render(row)
		case i == e.folder:
			row = st.Title.Render(row)
		}
		left = append(left, e.c.Zones.Mark(fmt.Sprintf("inbox-folder-%d", i), row))
	}
	return left
}

// row is one message in the list: pointer, unread or suspicious mark,
// sender, subject, attachment mark and date.
func (e *InboxExercise) row(m *mailItem, i, w int) string {
	st := e.c.Styles
	pointer := "  "
	if i == e.Cursor {
		pointer = "› "
		if e.focus == focusList {
			pointer = "▶ "
		}
	}
	mark := "  "
	switch {
	case m.Suspicious:
		mark = "⚠ "
	case m.unread:
		mark = "● "
	}
	who := inboxjudge.DisplayName(m.from)
	if m.folder == inboxjudge.FolderSent || m.mine {
		who = e.c.Cat.T("inbox_to_short") + " " + strings.Join(validate.Recipients(m.to), ", ")
	}
	clip := "  "
	if len(m.attachments) > 0 {
		clip = "📎"
	}
	dateW := 7
	fromW := ui.Clamp(w/3, 8, 30)
	subjW := max(w-4-fromW-1-1-2-1-dateW, 4)
	line := pointer + mark + pad(ui.Truncate(who, fromW), fromW) + " " + pad(ui.Truncate(m.subject, subjW), subjW) + " " + clip + " " +
		fmt.Sprintf("%*s", dateW, ui.Truncate(m.date, dateW))
	switch {
	case i == e.Cursor && e.focus == focusList && !e.Done:
		return st.Cursor.Render(line)
	case m.unread:
		return st.Title.Render(line)
	}
	return line
}

// pad fills s with spaces up to w cells.
func pad(s string, w int) string { return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) }

// viewReading is the open message, scrolled, in h lines of w cells.
func (e *InboxExercise) viewReading(w, h int) []string {
	st, cat := e.c.Styles, e.c.Cat
	e.readLines = h
	m := e.opened()
	if m == nil {
		hint := cat.T("inbox_choose_message")
		if e.Done {
			hint = ""
		}
		return strings.Split(st.Dim.Render(ui.Wrap(hint, w)), "\n")
	}
	labels := []string{cat.T("inbox_from"), cat.T("inbox_to"), cat.T("inbox_cc"), cat.T("inbox_date"), cat.T("inbox_subject")}
	lw := 0
	for _, l := range labels {
		lw = max(lw, lipgloss.Width(l))
	}
	field := func(label, value string, style lipgloss.Style) string {
		v := style.Render(ui.Wrap(value, max(w-lw-1, 4)))
		return lipgloss.JoinHorizontal(lipgloss.Top, st.Dim.Render(pad(label, lw))+" ", v)
	}
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(field(labels[0], m.from, st.Text))
	if !validate.SameAddress(m.to, e.Ex.Me) || m.cc != "" {
		add(field(labels[1], m.to, st.Text))
	}
	if m.cc != "" {
		add(field(labels[2], m.cc, st.Text))
	}
	add(field(labels[3], m.date, st.Text))
	add(field(labels[4], m.subject, st.Title))
	if len(m.attachments) > 0 {
		add(ui.Wrap("📎 "+cat.T("inbox_attachments")+" "+strings.Join(m.attachments, ", "), w))
	}
	if m.Suspicious {
		add(st.Bad.Render("⚠ " + cat.T("inbox_marked_suspicious")))
	}
	lines = append(lines, "")
	lines = append(lines, e.bodyLines(m, w)...)
	if len(m.links) > 0 && !e.Done {
		lines = append(lines, "")
		add(st.Dim.Render(ui.Wrap(cat.T("inbox_links_tip"), w)))
	}

	return e.scroll.Fit(e.c, lines, max(h, 2), ui.Truncate(cat.T("inbox_more_below"), w), ui.Truncate(cat.T("inbox_more_above"), w))
}

// bodyLines wraps the body; a link shows its words underlined and its
// number, and the line it is on can be clicked.
func (e *InboxExercise) bodyLines(m *mailItem, w int) []string {
	linkStyle := e.c.Styles.Link
	var out []string
	for _, para := range strings.Split(m.body, "\n") {
		var here []int
		text := inboxjudge.LinkRef.Get().ReplaceAllStringFunc(para, func(ref string) string {
			id := ref[2 : len(ref)-2]
			for i, l := range m.links {
				if l.ID == id {
					here = append(here, i)
					return linkStyle.Render(l.Text) + fmt.Sprintf(" [%d]", i+1)
				}
			}
			return ref
		})
		lines := ui.WrapLines(text, w)
		zoned := map[int]bool{}
		for _, i := range here {
			tag := fmt.Sprintf("[%d]", i+1)
			for j, l := range lines {
				if !zoned[j] && strings.Contains(l, tag) {
					lines[j] = e.c.Zones.Mark(fmt.Sprintf("inbox-link-%d", i), l)
					zoned[j] = true
					break
				}
			}
		}
		out = append(out, lines...)
	}
	return out
}

// attachLine lists the files attached to the email being written (and, in
// a forward, those it carries already).
func (e *InboxExercise) attachLine() string {
	st, cat, f := e.c.Styles, e.c.Cat, e.Form
	var files []string
	for _, id := range f.docs {
		if d := e.Ex.Document(id); d != nil {
			files = append(files, "📎 "+d.Name)
		}
	}
	attach := cat.T("inbox_attachments") + " "
	if len(files) == 0 {
		attach += st.Dim.Render(cat.T("inbox_no_attachments"))
	} else {
		attach += strings.Join(files, ", ")
	}
	if f.kind == inboxjudge.SendForward && f.orig != nil && len(f.orig.attachments) > 0 {
		attach += st.Dim.Render(" " + cat.T("inbox_forward_carries", "Files", strings.Join(f.orig.attachments, ", ")))
	}
	return attach
}

// composeButtons is the row of Attach, Send and Discard, ▶ on the focused one.
func (e *InboxExercise) composeButtons() string {
	st, cat, f := e.c.Styles, e.c.Cat, e.Form
	var btns []string
	for _, b := range []struct {
		id    string
		stop  int
		label string
	}{{"inbox-btn-attach", btnAttach, cat.T("inbox_attach")}, {"inbox-btn-send", BtnSend, cat.T("inbox_send")}, {"inbox-btn-discard", btnDiscard, cat.T("inbox_discard_short")}} {
		s := "  [ " + b.label + " ]"
		if f.focus == b.stop && !e.Done {
			s = st.ButtonOn.Render("▶ [ " + b.label + " ]")
		}
		btns = append(btns, e.c.Zones.Mark(b.id, s))
	}
	return strings.Join(btns, " ")
}

func (e *InboxExercise) viewCompose(w, h int) string {
	st, cat := e.c.Styles, e.c.Cat
	f := e.Form
	title := cat.T("inbox_compose_new")
	if f.orig != nil {
		title = cat.T("inbox_compose_"+f.kind, "Subject", f.orig.subject)
	}
	labels := []string{cat.T("inbox_to"), cat.T("inbox_cc"), cat.T("inbox_subject")}
	lw := 0
	for _, l := range append(labels, cat.T("inbox_body")) {
		lw = max(lw, lipgloss.Width(l))
	}
	pointer := func(stop int) string {
		switch {
		case f.bad == stop && stop < fieldBody:
			return st.Bad.Render("! ")
		case f.focus == stop && !e.Done:
			return st.Cursor.Render("▶ ")
		}
		return "  "
	}
	lines := []string{st.Title.Render(ui.Truncate(title, w))}
	for i := FieldTo; i <= FieldSubject; i++ {
		in := &f.Inputs[i]
		in.Width = max(w-2-lw-2, 4)
		label := pad(labels[i], lw)
		if f.focus == i && !e.Done {
			label = st.Cursor.Render(label)
		}
		lines = append(lines, e.c.Zones.Mark(fmt.Sprintf("inbox-field-%d", i), pointer(i)+label+"  "+e.c.InputView(*in)))
	}
	bodyLabel := cat.T("inbox_body")
	if f.focus == fieldBody && !e.Done {
		bodyLabel = st.Cursor.Render(bodyLabel)
	}
	lines = append(lines, e.c.Zones.Mark(fmt.Sprintf("inbox-field-%d", fieldBody), pointer(fieldBody)+bodyLabel))

	tail := []string{"  " + e.attachLine()}
	if f.full {
		tail = append(tail, "  "+st.Bad.Render(cat.T("inbox_body_full", "Max", BodyLimit)))
	}
	tail = append(tail, e.composeButtons())

	bodyH := max(h-len(lines)-len(tail), 1)
	f.Body.SetWidth(max(w-2, 4))
	f.Body.SetHeight(bodyH)
	bodyView := f.Body.View()
	if e.c.Masked { // the trainer's copy: the mail's text as dots
		bodyView = e.c.Typed(f.Body.Value())
	}
	body := ui.Box(strings.Split(bodyView, "\n"), max(w-2, 4), bodyH)
	for i := range body {
		body[i] = "  " + body[i]
	}
	lines = append(lines, body...)
	return strings.Join(append(lines, tail...), "\n")
}

func (e *InboxExercise) viewPicker(w, h int) string {
	if e.picker == nil {
		return ""
	}
	return e.picker.View(w, h)
}

// viewLink shows where a link really goes, with its domain marked twice:
// in bold and with ^ underneath, so that it shows without colour too.
func (e *InboxExercise) viewLink(w, h int) string {
	st, cat := e.c.Styles, e.c.Cat
	l := e.link
	labels := []string{cat.T("inbox_link_shows"), cat.T("inbox_link_goes"), cat.T("inbox_link_owner")}
	lw := 0
	for _, s := range labels {
		lw = max(lw, lipgloss.Width(s))
	}
	vw := max(w-lw-1, 8)
	host := l.Host()
	domain := validate.Domain(host)
	url := strings.TrimSpace(l.URL)
	shownURL, carets := url, ""
	if at := strings.Index(strings.ToLower(url), host); at >= 0 && domain != "" {
		start := at + len(host) - len(domain)
		before, mid, after := url[:start], url[start:start+len(domain)], url[start+len(domain):]
		shownURL = before + st.Bad.Render(mid) + after
		carets = strings.Repeat(" ", lw+1+lipgloss.Width(before)) + st.Bad.Render(strings.Repeat("^", lipgloss.Width(mid)))
	}
	value := func(s string) string { return lipgloss.NewStyle().MaxWidth(vw).Render(s) }
	lines := []string{
		st.Title.Render(ui.Truncate(cat.T("inbox_link_title"), w)), "",
		pad(labels[0], lw) + " " + value(l.Text),
		pad(labels[1], lw) + " " + value(shownURL),
	}
	if carets != "" {
		lines = append(lines, carets)
	}
	lines = append(lines, pad(labels[2], lw)+" "+value(st.Title.Render(domain)), "")
	lines = append(lines, strings.Split(ui.Wrap(cat.T("inbox_link_explain"), w), "\n")...)
	lines = append(lines, "")
	var btns []string
	for i, b := range []struct{ id, label string }{{"inbox-link-back", cat.T("inbox_link_back")}, {"inbox-link-open", cat.T("inbox_link_open")}} {
		s := "  [ " + b.label + " ]"
		if i == e.linkOn {
			s = st.ButtonOn.Render("▶ [ " + b.label + " ]")
		}
		btns = append(btns, e.c.Zones.Mark(b.id, s))
	}
	if e.Done {
		btns = nil // the step is over: nothing left to choose
	}
	lines = append(lines, strings.Join(btns, " "))
	// Keep the buttons on screen when the room is short: drop the
	// explanation first.
	if len(lines) > h {
		keep := append([]string{}, lines[:len(lines)-1]...)
		keep = keep[:max(h-1, 0)]
		lines = append(keep, lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}
