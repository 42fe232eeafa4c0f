package inbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	filesjudge "aula/lessons/kinds/files"
	inboxjudge "aula/lessons/kinds/inbox"
	"aula/lessons/validate"
	"aula/tui/kinds/files"
	"aula/tui/ui"
)

// The stops of the compose form, in Tab order.
const (
	FieldTo = iota
	FieldCc
	FieldSubject
	fieldBody
	btnAttach
	BtnSend
	btnDiscard
	composeStops
)

// Limits that keep a huge paste from filling memory or the screen. Beyond
// them the text is cut and the form says so.
const (
	AddressLimit = 500
	subjectLimit = 200
	BodyLimit    = 5000
	bodyMaxLines = 300
)

// composeForm is an email being written: a new one, a reply or a forward.
type composeForm struct {
	kind    string    // inboxjudge.SendNew, SendReply or SendForward
	orig    *mailItem // the message answered or forwarded
	Inputs  [3]textinput.Model
	Body    textarea.Model
	docs    []string // ids of the documents attached
	focus   int
	initial [3]string
	bad     int  // the field of an address the app refused, or -1
	full    bool // the body has reached bodyLimit (worked out after each change, not at every frame)
}

func newComposeForm(c *ui.Common, kind string, orig *mailItem) *composeForm {
	f := &composeForm{kind: kind, orig: orig, bad: -1}
	limits := [3]int{AddressLimit, AddressLimit, subjectLimit}
	for i := range f.Inputs {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = limits[i]
		in.Cursor.SetMode(cursor.CursorStatic)
		f.Inputs[i] = in
	}
	f.Inputs[FieldTo].Placeholder = c.Cat.T("inbox_to_placeholder")
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = BodyLimit
	ta.MaxHeight = bodyMaxLines
	ta.Placeholder = c.Cat.T("inbox_body_placeholder")
	ta.Cursor.SetMode(cursor.CursorStatic)
	plain := lipgloss.NewStyle()
	ta.FocusedStyle = textarea.Style{Base: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: c.Styles.Dim, Prompt: c.Styles.Cursor, Text: plain}
	ta.BlurredStyle = textarea.Style{Base: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: c.Styles.Dim, Prompt: c.Styles.Dim, Text: plain}
	f.Body = ta

	focus := FieldTo
	if orig != nil {
		subject := strings.TrimSpace(orig.subject)
		switch kind {
		case inboxjudge.SendReply:
			to := inboxjudge.Address(orig.from)
			if orig.mine {
				to = orig.to
			}
			f.Inputs[FieldTo].SetValue(to)
			if !hasPrefixFold(subject, "re:") {
				subject = "Re: " + subject
			}
			focus = fieldBody
		case inboxjudge.SendForward:
			if p := c.Cat.T("inbox_forward_prefix"); !hasPrefixFold(subject, p) {
				subject = p + " " + subject
			}
		}
		f.Inputs[FieldSubject].SetValue(subject)
	}
	for i := range f.Inputs {
		f.initial[i] = f.Inputs[i].Value()
	}
	f.FocusOn(focus)
	return f
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (f *composeForm) blur() {
	for i := range f.Inputs {
		f.Inputs[i].Blur()
	}
	f.Body.Blur()
}

// FocusOn moves the focus to stop i of the compose form.
func (f *composeForm) FocusOn(i int) {
	f.blur()
	f.focus = ui.Clamp(i, 0, composeStops-1)
	switch {
	case f.focus <= FieldSubject:
		f.Inputs[f.focus].Focus()
	case f.focus == fieldBody:
		f.Body.Focus()
	}
}

// dirty says whether the learner has written or attached anything that
// would be lost.
func (f *composeForm) dirty() bool {
	for i := range f.Inputs {
		if strings.TrimSpace(f.Inputs[i].Value()) != strings.TrimSpace(f.initial[i]) {
			return true
		}
	}
	return strings.TrimSpace(f.Body.Value()) != "" || len(f.docs) > 0
}

// oneLine makes typed or pasted text fit a one-line box: tabs and line
// breaks become spaces.
func oneLine(k tea.KeyMsg) tea.KeyMsg {
	k.Runes = []rune(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, string(k.Runes)))
	return k
}

// StartCompose opens the compose form: a new email, or a reply or forward of orig.
func (e *InboxExercise) StartCompose(kind string, orig *mailItem) {
	e.Form = newComposeForm(e.c, kind, orig)
	e.mode = modeCompose
}

// composeKey handles a key in the compose form: moving between its boxes
// and buttons, or typing.
func (e *InboxExercise) composeKey(k tea.KeyMsg) tea.Cmd {
	if e.composeMove(k) {
		return nil
	}
	return e.Form.typeKey(k)
}

// composeMove handles the keys that move or press in the compose form, and
// says whether k was one of them.
func (e *InboxExercise) composeMove(k tea.KeyMsg) bool {
	f := e.Form
	switch k.Type {
	case tea.KeyEsc:
		e.askDiscard()
	case tea.KeyTab:
		f.FocusOn((f.focus + 1) % composeStops)
	case tea.KeyShiftTab:
		f.FocusOn((f.focus - 1 + composeStops) % composeStops)
	case tea.KeyEnter:
		switch {
		case f.focus == fieldBody:
			return false
		case f.focus < fieldBody:
			f.FocusOn(f.focus + 1)
		default:
			e.Press(f.focus)
		}
	case tea.KeyUp, tea.KeyDown:
		return f.upDown(k.Type == tea.KeyUp)
	case tea.KeyLeft, tea.KeyRight:
		if f.focus <= fieldBody {
			return false
		}
		next := f.focus + 1
		if k.Type == tea.KeyLeft {
			next = f.focus - 1
		}
		f.FocusOn(ui.Clamp(next, btnAttach, btnDiscard))
	case tea.KeySpace:
		if f.focus <= fieldBody {
			return false
		}
		e.Press(f.focus)
	default:
		return false
	}
	return true
}

// upDown moves between the boxes with ↑ and ↓; in the message they move
// the cursor, leaving it only from its first or last line. It says whether
// the key was used.
func (f *composeForm) upDown(up bool) bool {
	switch {
	case f.focus < fieldBody && up:
		f.FocusOn(max(f.focus-1, 0))
	case f.focus < fieldBody:
		f.FocusOn(f.focus + 1)
	case f.focus == fieldBody && up && f.Body.Line() == 0:
		f.FocusOn(FieldSubject)
	case f.focus == fieldBody && !up && f.Body.Line() >= f.Body.LineCount()-1:
		f.FocusOn(btnAttach)
	case f.focus > fieldBody:
		if up {
			f.FocusOn(fieldBody)
		}
	default:
		return false
	}
	return true
}

// typeKey types k into the box with the focus.
func (f *composeForm) typeKey(k tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch {
	case f.focus <= FieldSubject:
		if k.Type == tea.KeyRunes {
			k = oneLine(k)
		}
		f.Inputs[f.focus], cmd = f.Inputs[f.focus].Update(k)
		if f.bad == f.focus {
			f.bad = -1 // being mended
		}
	case f.focus == fieldBody:
		if k.Type == tea.KeyRunes {
			k.Runes = []rune(strings.ReplaceAll(strings.ReplaceAll(string(k.Runes), "\r\n", "\n"), "\r", "\n"))
		}
		f.Body, cmd = f.Body.Update(k)
		f.full = f.Body.Length() >= BodyLimit
	}
	return cmd
}

// Press acts on a button of the compose form.
func (e *InboxExercise) Press(b int) {
	switch b {
	case btnAttach:
		e.openPicker()
	case BtnSend:
		e.send()
	case btnDiscard:
		e.askDiscard()
	}
}

func (e *InboxExercise) composeClick(in func(string) bool) {
	f := e.Form
	for i := FieldTo; i <= fieldBody; i++ {
		if in(fmt.Sprintf("inbox-field-%d", i)) {
			f.FocusOn(i)
			return
		}
	}
	for _, b := range []struct {
		id   string
		stop int
	}{{"inbox-btn-attach", btnAttach}, {"inbox-btn-send", BtnSend}, {"inbox-btn-discard", btnDiscard}} {
		if in(b.id) {
			f.FocusOn(b.stop)
			e.Press(b.stop)
			return
		}
	}
}

// askDiscard closes an empty form, and asks before throwing a draft away.
func (e *InboxExercise) askDiscard() {
	if !e.Form.dirty() {
		e.closeCompose()
		return
	}
	cat := e.c.Cat
	e.dlg = ui.NewDialog(e.c, cat.T("inbox_discard_title"), cat.T("inbox_discard_text"), []ui.DialogButton{
		{Label: cat.T("inbox_keep_writing")},
		{Label: cat.T("inbox_discard"), Msg: discardDraftMsg{}},
	})
}

func (e *InboxExercise) closeCompose() {
	if e.Form != nil && e.Form.dirty() {
		e.note = e.c.Cat.T("inbox_draft_discarded")
	}
	e.Form, e.mode, e.dlg = nil, modeMail, nil
}

// send sends the email, or refuses it when To is empty or an address
// cannot be used; either way the player checks the answer. A refused draft
// stays open, with nothing lost.
func (e *InboxExercise) send() {
	f := e.Form
	sm := inboxjudge.SentMail{Kind: f.kind, To: f.Inputs[FieldTo].Value(), Cc: f.Inputs[FieldCc].Value(),
		Subject: f.Inputs[FieldSubject].Value(), Body: f.Body.Value(), Attachments: slices.Clone(f.docs)}
	if f.orig != nil && !f.orig.mine {
		sm.Of = f.orig.Id
	}
	field, _, p := inboxjudge.FirstBadRecipient(sm.To, sm.Cc)
	if p != validate.AddressOK {
		sm.Refused = true
		// Keep one refused try: pressing Send again and again adds nothing.
		if n := len(e.Ans.Sent); n > 0 && e.Ans.Sent[n-1].Refused {
			e.Ans.Sent = e.Ans.Sent[:n-1]
		}
		e.Ans.Sent = append(e.Ans.Sent, sm)
		f.bad = FieldTo
		if field == "cc" {
			f.bad = FieldCc
		}
		f.FocusOn(f.bad)
		e.note = e.c.Cat.T("inbox_not_sent")
		e.did(inboxjudge.ActSend, sm.Of, "")
		return
	}
	if n := len(e.Ans.Sent); n > 0 && e.Ans.Sent[n-1].Refused {
		e.Ans.Sent = e.Ans.Sent[:n-1]
	}
	e.Ans.Sent = append(e.Ans.Sent, sm)
	e.sentN++
	from := e.Ex.Me
	if e.Ex.Name != "" {
		from = e.Ex.Name + " <" + e.Ex.Me + ">"
	}
	var files []string
	for _, id := range f.docs {
		if d := e.Ex.Document(id); d != nil {
			files = append(files, d.Name)
		}
	}
	if f.kind == inboxjudge.SendForward && f.orig != nil {
		files = append(files, f.orig.attachments...)
	}
	body := sm.Body
	if f.kind == inboxjudge.SendForward && f.orig != nil {
		body = strings.TrimRight(body, "\n") + "\n\n" + e.c.Cat.T("inbox_forwarded_header") + "\n" +
			e.c.Cat.T("inbox_from") + " " + f.orig.from + "\n" + e.c.Cat.T("inbox_subject") + " " + f.orig.subject + "\n\n" + f.orig.body
	}
	e.mails = append(e.mails, &mailItem{Id: fmt.Sprintf("sent-%d", e.sentN), folder: inboxjudge.FolderSent, from: from,
		to: sm.To, cc: sm.Cc, date: e.c.Cat.T("inbox_now"), subject: sm.Subject, body: body, attachments: files, mine: true})
	e.Form, e.mode = nil, modeMail
	e.note = e.c.Cat.T("inbox_sent_note")
	e.did(inboxjudge.ActSend, sm.Of, "")
}

// openPicker opens the file picker (the files kind's, the one picker of
// Aula) on the first document already attached, else on the first one.
func (e *InboxExercise) openPicker() {
	cat := e.c.Cat
	folder := "documentos"
	items := make([]*files.Item, len(e.Ex.Documents))
	for i, d := range e.Ex.Documents {
		items[i] = &files.Item{ID: d.ID, Name: d.Name, Folder: folder, KB: files.ParseSize(d.Size)}
	}
	current := ""
	var marked []string
	if e.Form != nil {
		marked = slices.Clone(e.Form.docs)
		if len(marked) > 0 {
			current = marked[0]
		}
	}
	e.picker = files.NewPicker(e.c, cat.T("inbox_picker_title"), []*files.Place{{ID: folder, Name: cat.T("files_picker_folder")}},
		items, current, marked)
	e.picker.SetHelp(cat.T("inbox_picker_folder"))
	e.mode = modePicker
}

// pickerMsg hands a key or a click to the picker, and attaches what it
// chose or goes back to the email when it closes.
func (e *InboxExercise) pickerMsg(msg tea.Msg) {
	if e.picker == nil {
		e.mode = modeCompose
		return
	}
	e.picker.Update(msg)
	ev := e.picker.TakeEvent()
	switch {
	case ev == nil:
	case ev.Kind == files.EvCancel:
		e.mode = modeCompose
	case ev.Kind == filesjudge.ActChoose:
		e.pick(ev.ID)
	}
}

// pick attaches document id, or takes it off if it was attached, and goes
// back to the email.
func (e *InboxExercise) pick(id string) {
	e.mode = modeCompose
	d := e.Ex.Document(id)
	f := e.Form
	if d == nil || f == nil {
		return
	}
	if i := slices.Index(f.docs, d.ID); i >= 0 {
		f.docs = slices.Delete(f.docs, i, i+1)
		e.note = e.c.Cat.T("inbox_detached", "File", d.Name)
	} else {
		f.docs = append(f.docs, d.ID)
		e.note = e.c.Cat.T("inbox_attached", "File", d.Name)
	}
}
