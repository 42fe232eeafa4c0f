package inbox

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	inboxjudge "aula/lessons/kinds/inbox"
	"aula/tui/exercise"
	"aula/tui/kinds/files"
	"aula/tui/ui"
)

// InboxExercise is a practice mail app: folders, a message list, a reading
// pane, a compose form with a file picker, and a look at where links really
// go. It is a fullExercise: it takes the whole step area, Enter and (when it
// has something open) Esc, and asks the player to check the answer after
// every action that may finish the task.
//
// What the learner writes lives only here, in memory, for as long as the
// step is on screen. The judge turns it into the id of a rule.
type InboxExercise struct {
	c    *ui.Common
	step *lessons.Step
	Ex   *inboxjudge.Inbox
	keys inboxKeys

	mails  []*mailItem
	folder int        // index in inboxFolders
	focus  inboxFocus // folders or messages
	Cursor int        // selected row in the folder's list
	top    ui.Scroll  // the message list's window
	openID string     // the message in the reading pane
	scroll ui.Scroll  // the reading pane's window
	note   string     // a word about the last action, until the next key

	mode   inboxMode
	Form   *composeForm
	picker *files.Manager   // the file picker (the files kind's), while attaching
	link   *inboxjudge.Link // link being looked at
	linkOn int              // 0: go back (the safe default), 1: open the page
	dlg    *ui.Dialog       // asks before a draft is thrown away
	Done   bool

	Ans inboxjudge.Answer // what was done (Deleted and Reported come from the mails)

	exercise.ToCheck[inboxjudge.Answer] // an answer to check after an action, taken by the player

	sentN int

	readLines int // lines of the reading pane at the last View, for paging
}

type inboxFocus int

const (
	focusFolders inboxFocus = iota
	focusList
)

type inboxMode int

const (
	modeMail inboxMode = iota
	modeCompose
	modePicker
	modeLink
)

// inboxFolders are the folders, in the order shown.
var inboxFolders = []string{inboxjudge.FolderInbox, inboxjudge.FolderSent, inboxjudge.FolderTrash}

// mailItem is a message as the app shows it: one from the lesson, or one
// the learner sent.
type mailItem struct {
	Id          string
	folder      string
	home        string // the folder it came from, when it is in the trash
	from        string // "Name <address>"
	to, cc      string
	date        string
	subject     string
	body        string
	attachments []string // file names
	links       []*inboxjudge.Link
	unread      bool
	Suspicious  bool
	mine        bool // written by the learner in this step
}

// discardDraftMsg is the answer "throw the draft away" of the dialog.
type discardDraftMsg struct{}

// inboxKeys are the mail app's keys. The letters come from the language
// catalog (N for Nuevo and New, R for Responder and Reply…).
type inboxKeys struct {
	Open, Switch, Check, Page      key.Binding
	New, Reply, Forward            key.Binding
	Delete, Report, Links          key.Binding
	NextField, PrevField, Discard  key.Binding
	PickMove, Pick, PickBack       key.Binding
	LinkMove, LinkChoose, LinkBack key.Binding
	deleteName, restoreName        string
}

func newInboxKeys(c *ui.Common) inboxKeys {
	cat := c.Cat
	letter := func(id string) string { return strings.ToLower(cat.T(id)) }
	// Both cases work: Caps Lock left on must not leave a learner stuck.
	both := func(id string) key.BindingOpt {
		return key.WithKeys(letter(id), strings.ToUpper(letter(id)))
	}
	return inboxKeys{
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("inbox_key_open_help"))),
		Switch:      key.NewBinding(key.WithKeys("tab", "shift+tab", "left", "right"), key.WithHelp("Tab", cat.T("inbox_key_switch_help"))),
		Check:       key.NewBinding(both("inbox_key_check"), key.WithHelp(letter("inbox_key_check"), cat.T("key_check"))),
		Page:        key.NewBinding(key.WithKeys("pgdown", "pgup", " "), key.WithHelp(cat.T("inbox_keyname_page"), cat.T("inbox_key_page_help"))),
		New:         key.NewBinding(both("inbox_key_new"), key.WithHelp(strings.ToUpper(letter("inbox_key_new")), cat.T("inbox_new"))),
		Reply:       key.NewBinding(both("inbox_key_reply"), key.WithHelp(strings.ToUpper(letter("inbox_key_reply")), cat.T("inbox_reply"))),
		Forward:     key.NewBinding(both("inbox_key_forward"), key.WithHelp(strings.ToUpper(letter("inbox_key_forward")), cat.T("inbox_forward"))),
		Delete:      key.NewBinding(key.WithKeys("delete", letter("inbox_key_delete"), strings.ToUpper(letter("inbox_key_delete"))), key.WithHelp(cat.T("inbox_keyname_delete"), cat.T("inbox_delete"))),
		Report:      key.NewBinding(both("inbox_key_report"), key.WithHelp(strings.ToUpper(letter("inbox_key_report")), cat.T("inbox_report"))),
		Links:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", cat.T("inbox_key_links_help"))),
		NextField:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", cat.T("inbox_key_next_field"))),
		PrevField:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp(cat.T("inbox_keyname_shift_tab"), cat.T("inbox_key_prev_field"))),
		Discard:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("inbox_key_discard"))),
		PickMove:    c.Keys.Move,
		Pick:        key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("inbox_key_pick"))),
		PickBack:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("inbox_key_back_to_mail"))),
		LinkMove:    key.NewBinding(key.WithKeys("left", "right", "tab", "shift+tab", "up", "down"), key.WithHelp("←→", cat.T("key_move"))),
		LinkChoose:  key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("key_choose"))),
		LinkBack:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("inbox_key_back_to_mail"))),
		deleteName:  cat.T("inbox_delete"),
		restoreName: cat.T("inbox_restore"),
	}
}

// NewInboxExercise makes the mail app of an inbox step.
func NewInboxExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	x := s.Exercise.(*inboxjudge.Inbox)
	e := &InboxExercise{c: c, step: s, Ex: x, keys: newInboxKeys(c), focus: focusList}
	for _, m := range x.Messages {
		to := m.To
		if to == "" {
			to = x.Me
		}
		var files []string
		files = append(files, m.Attachments...)
		e.mails = append(e.mails, &mailItem{Id: m.ID, folder: m.Folder, from: m.From, to: to, cc: m.Cc, date: m.Date,
			subject: m.Subject, body: m.Body, attachments: files, links: m.Links, unread: m.Unread})
	}
	return e
}

// Shown are the messages of the current folder, in the order listed: the
// learner's own newest first, then the lesson's as written.
func (e *InboxExercise) Shown() []*mailItem {
	f := inboxFolders[e.folder]
	var mine, rest []*mailItem
	for _, m := range e.mails {
		if m.folder != f {
			continue
		}
		if m.mine {
			mine = append([]*mailItem{m}, mine...)
		} else {
			rest = append(rest, m)
		}
	}
	return append(mine, rest...)
}

// Mail is the message with id, or nil.
func (e *InboxExercise) Mail(id string) *mailItem {
	for _, m := range e.mails {
		if m.Id == id {
			return m
		}
	}
	return nil
}

// opened is the message in the reading pane, if it is still in this folder.
func (e *InboxExercise) opened() *mailItem {
	if m := e.Mail(e.openID); m != nil && m.folder == inboxFolders[e.folder] {
		return m
	}
	return nil
}

// target is the message an action applies to: the selected one in the
// list, or else the one open.
func (e *InboxExercise) target() *mailItem {
	list := e.Shown()
	if e.Cursor < len(list) {
		return list[e.Cursor]
	}
	return e.opened()
}

// Answer is what was done so far; Last is nil: the learner asks to check.
func (e *InboxExercise) Answer() lessons.Answer { return e.answer(nil) }

func (e *InboxExercise) answer(last *inboxjudge.MailAction) inboxjudge.Answer {
	a := e.Ans
	a.Opened = slices.Clone(a.Opened)
	a.Inspected = slices.Clone(a.Inspected)
	a.Sent = slices.Clone(a.Sent)
	a.Deleted, a.Reported = nil, nil
	for _, m := range e.mails {
		if m.mine {
			continue
		}
		if m.folder == inboxjudge.FolderTrash && m.home != "" {
			a.Deleted = append(a.Deleted, m.Id)
		}
		if m.Suspicious {
			a.Reported = append(a.Reported, m.Id)
		}
	}
	a.Last = last
	return a
}

// did records an action and asks the player to check.
func (e *InboxExercise) did(kind, msg, link string) {
	a := e.answer(&inboxjudge.MailAction{Kind: kind, Msg: msg, Link: link})
	e.Put(a)
}

// CheckKey is the letter that asks to check (C), shown on the Check button.
func (e *InboxExercise) CheckKey() key.Binding { return e.keys.Check }

// Typing says whether a text box has the keyboard, so letters are text, not commands.
func (e *InboxExercise) Typing() bool {
	return e.mode == modeCompose && e.dlg == nil && !e.Done && e.Form.focus <= fieldBody
}

// WantsEsc says whether Esc belongs to the mail app: to leave a link, the picker or a draft.
func (e *InboxExercise) WantsEsc() bool { return !e.Done && (e.dlg != nil || e.mode != modeMail) }

// SetDone freezes the mail app once the step is over; reading still works.
func (e *InboxExercise) SetDone(done bool) {
	e.Done = done
	if done {
		e.dlg = nil
		if e.Form != nil {
			e.Form.blur()
		}
		if e.mode == modePicker {
			e.mode = modeCompose
		}
	} else if e.Form != nil && e.mode == modeCompose {
		e.Form.FocusOn(e.Form.focus)
	}
}

// Update handles keys and clicks meant for the mail app.
func (e *InboxExercise) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(discardDraftMsg); ok {
		if !e.Done {
			e.closeCompose()
		}
		return nil
	}
	if e.dlg != nil {
		if e.Done {
			return nil
		}
		cmd, closed := e.dlg.Update(msg)
		if closed {
			e.dlg = nil
		}
		return cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		e.note = ""
		if e.Done {
			switch e.mode {
			case modeMail:
				e.Browse(k)
			case modeLink:
				// A link looked at as the last action: its two buttons
				// still work, as in accessible mode.
				e.linkKey(k)
			}
			return nil
		}
		switch e.mode {
		case modeCompose:
			return e.composeKey(k)
		case modePicker:
			e.pickerMsg(k)
		case modeLink:
			e.linkKey(k)
		default:
			e.mailKey(k)
		}
		return nil
	}
	if m, ok := msg.(tea.MouseMsg); ok {
		e.mouse(m)
		return nil
	}
	// Anything else (a paste from the clipboard) goes to the box being
	// written in.
	if f := e.Form; f != nil && e.mode == modeCompose && !e.Done {
		var cmd tea.Cmd
		switch {
		case f.focus <= FieldSubject:
			f.Inputs[f.focus], cmd = f.Inputs[f.focus].Update(msg)
		case f.focus == fieldBody:
			f.Body, cmd = f.Body.Update(msg)
			f.full = f.Body.Length() >= BodyLimit
		}
		return cmd
	}
	return nil
}

// Browse is what still works once the step is over: looking around the
// folders and reading (Enter belongs to the player again).
func (e *InboxExercise) Browse(k tea.KeyMsg) {
	ck := e.c.Keys
	n := len(e.Shown())
	switch {
	case key.Matches(k, ck.Up) && e.focus == focusFolders:
		e.setFolder((e.folder - 1 + len(inboxFolders)) % len(inboxFolders))
	case key.Matches(k, ck.Down) && e.focus == focusFolders:
		e.setFolder((e.folder + 1) % len(inboxFolders))
	case key.Matches(k, ck.Up):
		e.Cursor = ui.Clamp(e.Cursor-1, 0, max(n-1, 0))
	case key.Matches(k, ck.Down):
		e.Cursor = ui.Clamp(e.Cursor+1, 0, max(n-1, 0))
	case key.Matches(k, e.keys.Switch):
		e.focus = 1 - e.focus
	case key.Matches(k, e.keys.Page):
		e.page(key.Matches(k, e.c.Keys.PageUp))
	}
}

func (e *InboxExercise) mailKey(k tea.KeyMsg) {
	ck, ik := e.c.Keys, e.keys
	list := e.Shown()
	switch {
	case key.Matches(k, ck.Up):
		e.move(-1, len(list))
	case key.Matches(k, ck.Down):
		e.move(1, len(list))
	case key.Matches(k, ik.Switch):
		if e.focus == focusFolders {
			e.focus = focusList
		} else {
			e.focus = focusFolders
		}
	case key.Matches(k, ik.Open):
		if e.focus == focusFolders {
			e.focus = focusList
			return
		}
		if e.Cursor < len(list) {
			e.open(list[e.Cursor])
		} else {
			e.note = e.c.Cat.T("inbox_folder_empty")
		}
	case key.Matches(k, ik.Page):
		e.page(key.Matches(k, e.c.Keys.PageUp))
	case key.Matches(k, ik.Check):
		a := e.answer(nil)
		e.Put(a)
	case key.Matches(k, ik.New):
		e.StartCompose(inboxjudge.SendNew, nil)
	case key.Matches(k, ik.Reply):
		e.answerTarget(inboxjudge.SendReply)
	case key.Matches(k, ik.Forward):
		e.answerTarget(inboxjudge.SendForward)
	case key.Matches(k, ik.Delete):
		e.delete()
	case key.Matches(k, ik.Report):
		e.report()
	case key.Matches(k, ik.Links):
		e.openLink(int(k.String()[0] - '1'))
	}
}

// move is ↑ or ↓: the folder, or the message in the list (n of them).
func (e *InboxExercise) move(delta, n int) {
	switch {
	case e.focus == focusFolders:
		e.setFolder((e.folder + delta + len(inboxFolders)) % len(inboxFolders))
	case delta < 0 && e.Cursor > 0, delta > 0 && e.Cursor < n-1:
		e.Cursor += delta
	}
}

// answerTarget starts a reply or a forward of the message chosen.
func (e *InboxExercise) answerTarget(kind string) {
	m := e.target()
	if m == nil {
		e.note = e.c.Cat.T("inbox_pick_first")
		return
	}
	e.StartCompose(kind, m)
}

// openLink is a link's number (from 0) in the open message.
func (e *InboxExercise) openLink(i int) {
	m := e.opened()
	if m == nil || len(m.links) == 0 {
		e.note = e.c.Cat.T("inbox_no_such_link")
		return
	}
	if i >= len(m.links) {
		e.note = e.c.Cat.T("inbox_link_count", "Count", len(m.links))
		return
	}
	e.inspect(m, m.links[i])
}

func (e *InboxExercise) setFolder(i int) {
	if i != e.folder {
		e.folder, e.Cursor = i, 0
		e.top.Home()
		e.scroll.Home()
	}
}

// page scrolls the reading pane by most of its height.
func (e *InboxExercise) page(up bool) {
	step := max(e.readLines-2, 1)
	if up {
		e.scroll.By(-step)
	} else {
		e.scroll.By(step) // the view keeps it within the message
	}
}

func (e *InboxExercise) open(m *mailItem) {
	e.openID = m.Id
	e.scroll.Home()
	m.unread = false
	if m.mine {
		return
	}
	if !slices.Contains(e.Ans.Opened, m.Id) {
		e.Ans.Opened = append(e.Ans.Opened, m.Id)
	}
	e.did(inboxjudge.ActOpen, m.Id, "")
}

func (e *InboxExercise) delete() {
	m := e.target()
	if m == nil {
		e.note = e.c.Cat.T("inbox_pick_first")
		return
	}
	kind := inboxjudge.ActDelete
	if m.folder == inboxjudge.FolderTrash {
		kind = inboxjudge.ActRestore
		m.folder = m.home
		if m.folder == "" {
			m.folder = inboxjudge.FolderInbox
		}
		m.home = ""
		e.note = e.c.Cat.T("inbox_restored", "Folder", e.c.Cat.T("inbox_folder_"+m.folder))
	} else {
		m.home, m.folder = m.folder, inboxjudge.FolderTrash
		e.note = e.c.Cat.T("inbox_deleted")
	}
	e.Cursor = ui.Clamp(e.Cursor, 0, max(len(e.Shown())-1, 0))
	if !m.mine {
		e.did(kind, m.Id, "")
	}
}

func (e *InboxExercise) report() {
	m := e.target()
	if m == nil {
		e.note = e.c.Cat.T("inbox_pick_first")
		return
	}
	m.Suspicious = !m.Suspicious
	if m.Suspicious {
		e.note = e.c.Cat.T("inbox_reported")
	} else {
		e.note = e.c.Cat.T("inbox_unreported")
	}
	if !m.mine {
		e.did(inboxjudge.ActReport, m.Id, "")
	}
}

func (e *InboxExercise) inspect(m *mailItem, l *inboxjudge.Link) {
	e.mode, e.link, e.linkOn = modeLink, l, 0
	if m.mine {
		return
	}
	if !slices.Contains(e.Ans.Inspected, l.ID) {
		e.Ans.Inspected = append(e.Ans.Inspected, l.ID)
	}
	e.did(inboxjudge.ActInspect, m.Id, l.ID)
}
