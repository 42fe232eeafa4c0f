package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/ui"
)

// The stops of the compose form, in Tab order.
const (
	fieldTo = iota
	fieldCc
	fieldSubject
	fieldBody
	btnAttach
	btnSend
	btnDiscard
	composeStops
)

// Limits that keep a huge paste from filling memory or the screen. Beyond
// them the text is cut and the form says so.
const (
	addressLimit = 500
	subjectLimit = 200
	bodyLimit    = 5000
	bodyMaxLines = 300
)

// composeForm is an email being written: a new one, a reply or a forward.
type composeForm struct {
	kind    string    // lessons.SendNew, SendReply or SendForward
	orig    *mailItem // the message answered or forwarded
	inputs  [3]textinput.Model
	body    textarea.Model
	docs    []string // ids of the documents attached
	focus   int
	initial [3]string
	bad     int  // the field of an address the app refused, or -1
	full    bool // the body has reached bodyLimit (worked out after each change, not at every frame)
}

func newComposeForm(c *ui.Common, kind string, orig *mailItem) *composeForm {
	f := &composeForm{kind: kind, orig: orig, bad: -1}
	limits := [3]int{addressLimit, addressLimit, subjectLimit}
	for i := range f.inputs {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = limits[i]
		in.Cursor.SetMode(cursor.CursorStatic)
		f.inputs[i] = in
	}
	f.inputs[fieldTo].Placeholder = c.Cat.T("inbox_to_placeholder")
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = bodyLimit
	ta.MaxHeight = bodyMaxLines
	ta.Placeholder = c.Cat.T("inbox_body_placeholder")
	ta.Cursor.SetMode(cursor.CursorStatic)
	plain := lipgloss.NewStyle()
	ta.FocusedStyle = textarea.Style{Base: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: c.Styles.Dim, Prompt: c.Styles.Cursor, Text: plain}
	ta.BlurredStyle = textarea.Style{Base: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: c.Styles.Dim, Prompt: c.Styles.Dim, Text: plain}
	f.body = ta

	focus := fieldTo
	if orig != nil {
		subject := strings.TrimSpace(orig.subject)
		switch kind {
		case lessons.SendReply:
			to := lessons.Address(orig.from)
			if orig.mine {
				to = orig.to
			}
			f.inputs[fieldTo].SetValue(to)
			if !hasPrefixFold(subject, "re:") {
				subject = "Re: " + subject
			}
			focus = fieldBody
		case lessons.SendForward:
			if p := c.Cat.T("inbox_forward_prefix"); !hasPrefixFold(subject, p) {
				subject = p + " " + subject
			}
		}
		f.inputs[fieldSubject].SetValue(subject)
	}
	for i := range f.inputs {
		f.initial[i] = f.inputs[i].Value()
	}
	f.focusOn(focus)
	return f
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (f *composeForm) blur() {
	for i := range f.inputs {
		f.inputs[i].Blur()
	}
	f.body.Blur()
}

func (f *composeForm) focusOn(i int) {
	f.blur()
	f.focus = ui.Clamp(i, 0, composeStops-1)
	switch {
	case f.focus <= fieldSubject:
		f.inputs[f.focus].Focus()
	case f.focus == fieldBody:
		f.body.Focus()
	}
}

// dirty says whether the learner has written or attached anything that
// would be lost.
func (f *composeForm) dirty() bool {
	for i := range f.inputs {
		if strings.TrimSpace(f.inputs[i].Value()) != strings.TrimSpace(f.initial[i]) {
			return true
		}
	}
	return strings.TrimSpace(f.body.Value()) != "" || len(f.docs) > 0
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

func (e *inboxExercise) startCompose(kind string, orig *mailItem) {
	e.form = newComposeForm(e.c, kind, orig)
	e.mode = modeCompose
}

func (e *inboxExercise) composeKey(k tea.KeyMsg) tea.Cmd {
	f := e.form
	switch k.Type {
	case tea.KeyEsc:
		e.askDiscard()
		return nil
	case tea.KeyTab:
		f.focusOn((f.focus + 1) % composeStops)
		return nil
	case tea.KeyShiftTab:
		f.focusOn((f.focus - 1 + composeStops) % composeStops)
		return nil
	case tea.KeyEnter:
		switch f.focus {
		case fieldTo, fieldCc, fieldSubject:
			f.focusOn(f.focus + 1)
			return nil
		case fieldBody:
		default:
			e.Press(f.focus)
			return nil
		}
	case tea.KeyUp, tea.KeyDown:
		up := k.Type == tea.KeyUp
		switch {
		case f.focus < fieldBody && up:
			f.focusOn(max(f.focus-1, 0))
			return nil
		case f.focus < fieldBody:
			f.focusOn(f.focus + 1)
			return nil
		case f.focus == fieldBody && up && f.body.Line() == 0:
			f.focusOn(fieldSubject)
			return nil
		case f.focus == fieldBody && !up && f.body.Line() >= f.body.LineCount()-1:
			f.focusOn(btnAttach)
			return nil
		case f.focus > fieldBody:
			if up {
				f.focusOn(fieldBody)
			}
			return nil
		}
	case tea.KeyLeft, tea.KeyRight:
		if f.focus > fieldBody {
			next := f.focus + 1
			if k.Type == tea.KeyLeft {
				next = f.focus - 1
			}
			f.focusOn(ui.Clamp(next, btnAttach, btnDiscard))
			return nil
		}
	case tea.KeySpace:
		if f.focus > fieldBody {
			e.Press(f.focus)
			return nil
		}
	}
	var cmd tea.Cmd
	switch {
	case f.focus <= fieldSubject:
		if k.Type == tea.KeyRunes {
			k = oneLine(k)
		}
		f.inputs[f.focus], cmd = f.inputs[f.focus].Update(k)
		if f.bad == f.focus {
			f.bad = -1 // being mended
		}
	case f.focus == fieldBody:
		if k.Type == tea.KeyRunes {
			k.Runes = []rune(strings.ReplaceAll(strings.ReplaceAll(string(k.Runes), "\r\n", "\n"), "\r", "\n"))
		}
		f.body, cmd = f.body.Update(k)
		f.full = f.body.Length() >= bodyLimit
	}
	return cmd
}

// press acts on a button of the compose form.
func (e *inboxExercise) Press(b int) {
	switch b {
	case btnAttach:
		e.mode, e.picker = modePicker, 0
	case btnSend:
		e.send()
	case btnDiscard:
		e.askDiscard()
	}
}

func (e *inboxExercise) composeClick(in func(string) bool) {
	f := e.form
	for i := fieldTo; i <= fieldBody; i++ {
		if in(fmt.Sprintf("inbox-field-%d", i)) {
			f.focusOn(i)
			return
		}
	}
	for _, b := range []struct {
		id   string
		stop int
	}{{"inbox-btn-attach", btnAttach}, {"inbox-btn-send", btnSend}, {"inbox-btn-discard", btnDiscard}} {
		if in(b.id) {
			f.focusOn(b.stop)
			e.Press(b.stop)
			return
		}
	}
}

// askDiscard closes an empty form, and asks before throwing a draft away.
func (e *inboxExercise) askDiscard() {
	if !e.form.dirty() {
		e.closeCompose()
		return
	}
	cat := e.c.Cat
	e.dlg = ui.NewDialog(e.c, cat.T("inbox_discard_title"), cat.T("inbox_discard_text"), []ui.DialogButton{
		{Label: cat.T("inbox_keep_writing")},
		{Label: cat.T("inbox_discard"), Msg: discardDraftMsg{}},
	})
}

func (e *inboxExercise) closeCompose() {
	if e.form != nil && e.form.dirty() {
		e.note = e.c.Cat.T("inbox_draft_discarded")
	}
	e.form, e.mode, e.dlg = nil, modeMail, nil
}

// send sends the email, or refuses it when To is empty or an address
// cannot be used; either way the player checks the answer. A refused draft
// stays open, with nothing lost.
func (e *inboxExercise) send() {
	f := e.form
	sm := lessons.SentMail{Kind: f.kind, To: f.inputs[fieldTo].Value(), Cc: f.inputs[fieldCc].Value(),
		Subject: f.inputs[fieldSubject].Value(), Body: f.body.Value(), Attachments: slices.Clone(f.docs)}
	if f.orig != nil && !f.orig.mine {
		sm.Of = f.orig.id
	}
	field, _, p := lessons.FirstBadRecipient(sm.To, sm.Cc)
	if p != lessons.AddressOK {
		sm.Refused = true
		// Keep one refused try: pressing Send again and again adds nothing.
		if n := len(e.ans.Sent); n > 0 && e.ans.Sent[n-1].Refused {
			e.ans.Sent = e.ans.Sent[:n-1]
		}
		e.ans.Sent = append(e.ans.Sent, sm)
		f.bad = fieldTo
		if field == "cc" {
			f.bad = fieldCc
		}
		f.focusOn(f.bad)
		e.note = e.c.Cat.T("inbox_not_sent")
		e.did(lessons.ActSend, sm.Of, "")
		return
	}
	if n := len(e.ans.Sent); n > 0 && e.ans.Sent[n-1].Refused {
		e.ans.Sent = e.ans.Sent[:n-1]
	}
	e.ans.Sent = append(e.ans.Sent, sm)
	e.sentN++
	from := e.ex.Me
	if e.ex.Name != "" {
		from = e.ex.Name + " <" + e.ex.Me + ">"
	}
	var files []string
	for _, id := range f.docs {
		if d := e.ex.Document(id); d != nil {
			files = append(files, d.Name)
		}
	}
	if f.kind == lessons.SendForward && f.orig != nil {
		files = append(files, f.orig.attachments...)
	}
	body := sm.Body
	if f.kind == lessons.SendForward && f.orig != nil {
		body = strings.TrimRight(body, "\n") + "\n\n" + e.c.Cat.T("inbox_forwarded_header") + "\n" +
			e.c.Cat.T("inbox_from") + " " + f.orig.from + "\n" + e.c.Cat.T("inbox_subject") + " " + f.orig.subject + "\n\n" + f.orig.body
	}
	e.mails = append(e.mails, &mailItem{id: fmt.Sprintf("sent-%d", e.sentN), folder: lessons.FolderSent, from: from,
		to: sm.To, cc: sm.Cc, date: e.c.Cat.T("inbox_now"), subject: sm.Subject, body: body, attachments: files, mine: true})
	e.form, e.mode = nil, modeMail
	e.note = e.c.Cat.T("inbox_sent_note")
	e.did(lessons.ActSend, sm.Of, "")
}

func (e *inboxExercise) pickerKey(k tea.KeyMsg) {
	ck := e.c.Keys
	n := len(e.ex.Documents)
	switch {
	case k.Type == tea.KeyEsc:
		e.mode = modeCompose
	case key.Matches(k, ck.Up):
		e.picker = ui.Clamp(e.picker-1, 0, max(n-1, 0))
	case key.Matches(k, ck.Down):
		e.picker = ui.Clamp(e.picker+1, 0, max(n-1, 0))
	case k.Type == tea.KeyEnter, k.Type == tea.KeySpace:
		e.pick()
	}
}

// pick attaches the document under the cursor, or takes it off if it was
// attached, and goes back to the email.
func (e *inboxExercise) pick() {
	e.mode = modeCompose
	if e.picker >= len(e.ex.Documents) {
		return
	}
	d := e.ex.Documents[e.picker]
	f := e.form
	if i := slices.Index(f.docs, d.ID); i >= 0 {
		f.docs = slices.Delete(f.docs, i, i+1)
		e.note = e.c.Cat.T("inbox_detached", "File", d.Name)
	} else {
		f.docs = append(f.docs, d.ID)
		e.note = e.c.Cat.T("inbox_attached", "File", d.Name)
	}
}
