package inbox

import (
	"fmt"
	"slices"
	"strings"

	"aula/lessons"
	inboxjudge "aula/lessons/kinds/inbox"
	"aula/lessons/validate"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// inboxLines says the practice mailbox as lines. The learner types
// commands ("abrir 2", "responder", "adjuntar 1", "enviar", "sospechoso 3",
// "borrar 1", "enlace 1", "comprobar"); each one acts on the same mail app
// the full screen shows, and what it did is said in words. Writing an email
// goes through its boxes one at a time: To, Cc, Subject, then the message,
// ended by an empty line.
type inboxLines struct {
	c     *ui.Common
	e     *InboxExercise
	stage composeStage // in the compose form: which box is being written
	body  []string     // lines of the message so far
	sure  bool         // asking whether to throw the draft away
	back  bool         // after this box, back to the summary of the email
}

// composeStage is the box of the compose form a line goes into.
type composeStage int

const (
	stageTo composeStage = iota
	stageCc
	stageSubject
	stageBody
	stageReady // all written: send, attach, change a box, or discard
)

// NewInboxLines makes the accessible-mode adapter of an inbox step.
func NewInboxLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *InboxExercise) exercise.LineExercise {
		return &inboxLines{c: c, e: e}
	})
}

func (l *inboxLines) w(id string) string { return access.Word(l.c, id) }

// Describe is said once when the step opens: the folder and its emails.
func (l *inboxLines) Describe() []string {
	cat := l.c.Cat
	who := l.e.Ex.Me
	if l.e.Ex.Name != "" {
		who = l.e.Ex.Name + " <" + l.e.Ex.Me + ">"
	}
	out := []string{cat.T("inbox_title") + ": " + who}
	out = append(out, l.list()...)
	return append(out, cat.T("line_inbox_start", "Open", l.w("line_cmd_open"), "Reply", l.w("line_cmd_reply"),
		"Forward", l.w("line_cmd_forward"), "New", l.w("line_cmd_new"), "Check", l.w("line_cmd_check"), "Help", l.w("line_cmd_help")))
}

// list says the folder and its messages, numbered.
func (l *inboxLines) list() []string {
	cat := l.c.Cat
	e := l.e
	folder := cat.T("inbox_folder_" + inboxFolders[e.folder])
	shown := e.Shown()
	if len(shown) == 0 {
		return []string{cat.T("line_inbox_folder", "Folder", folder, "Count", 0), cat.T("inbox_folder_empty")}
	}
	out := []string{cat.T("line_inbox_folder", "Folder", folder, "Count", len(shown))}
	for i, m := range shown {
		out = append(out, fmt.Sprintf("%d. %s", i+1, l.row(m)))
	}
	return out
}

// row is one message of the list in words: unread, suspicious, who, the
// subject, the date, attachments.
func (l *inboxLines) row(m *mailItem) string {
	cat := l.c.Cat
	var parts []string
	if m.Suspicious {
		parts = append(parts, cat.T("inbox_marked_suspicious"))
	}
	if m.unread {
		parts = append(parts, cat.T("line_inbox_unread"))
	}
	if m.folder == inboxjudge.FolderSent || m.mine {
		parts = append(parts, access.Sentence(cat.T("inbox_to")+" "+strings.Join(validate.Recipients(m.to), ", ")))
	} else {
		parts = append(parts, access.Sentence(cat.T("inbox_from")+" "+inboxjudge.DisplayName(m.from)))
	}
	parts = append(parts, access.Sentence(cat.T("inbox_subject")+" "+m.subject), access.Sentence(m.date))
	if len(m.attachments) > 0 {
		parts = append(parts, cat.T("line_inbox_has_files", "Count", len(m.attachments)))
	}
	return strings.Join(parts, " ")
}

// read says a message: its header, its body with the links numbered, and
// how to look at a link.
func (l *inboxLines) read(m *mailItem) []string {
	cat := l.c.Cat
	out := []string{cat.T("inbox_from") + " " + m.from}
	if !validate.SameAddress(m.to, l.e.Ex.Me) || m.cc != "" {
		out = append(out, cat.T("inbox_to")+" "+m.to)
	}
	if m.cc != "" {
		out = append(out, cat.T("inbox_cc")+" "+m.cc)
	}
	out = append(out, cat.T("inbox_date")+" "+m.date, cat.T("inbox_subject")+" "+m.subject)
	if len(m.attachments) > 0 {
		out = append(out, cat.T("inbox_attachments")+" "+strings.Join(m.attachments, ", "))
	}
	if m.Suspicious {
		out = append(out, cat.T("inbox_marked_suspicious"))
	}
	for _, para := range strings.Split(m.body, "\n") {
		out = append(out, inboxjudge.LinkRef.Get().ReplaceAllStringFunc(para, func(ref string) string {
			id := ref[2 : len(ref)-2]
			for i, lk := range m.links {
				if lk.ID == id {
					return lk.Text + " " + cat.T("line_inbox_link_mark", "N", i+1)
				}
			}
			return ref
		}))
	}
	out = append(out, cat.T("line_inbox_end"))
	if len(m.links) > 0 && !l.e.Done {
		out = append(out, cat.T("line_inbox_links_tip", "Count", len(m.links), "Word", l.w("line_cmd_link")))
	}
	return out
}

// Prompt says what to type now.
func (l *inboxLines) Prompt() string {
	cat := l.c.Cat
	e := l.e
	switch e.mode {
	case modeLink:
		return cat.T("line_inbox_link_choose")
	case modeCompose, modePicker:
		if l.sure {
			return cat.T("line_type_number")
		}
		f := e.Form
		switch l.stage {
		case stageTo:
			if v := f.Inputs[FieldTo].Value(); v != "" {
				return cat.T("line_inbox_keep", "Label", cat.T("inbox_to"), "Value", v)
			}
			return cat.T("line_inbox_ask_to")
		case stageCc:
			if v := f.Inputs[FieldCc].Value(); v != "" {
				return cat.T("line_inbox_keep", "Label", cat.T("inbox_cc"), "Value", v)
			}
			return cat.T("line_inbox_ask_cc")
		case stageSubject:
			if v := f.Inputs[FieldSubject].Value(); v != "" {
				return cat.T("line_inbox_keep", "Label", cat.T("inbox_subject"), "Value", v)
			}
			return cat.T("line_inbox_ask_subject")
		case stageBody:
			return cat.T("line_inbox_ask_body")
		}
		return cat.T("line_inbox_ready", "Send", l.w("line_cmd_send"), "Attach", l.w("line_cmd_attach"), "Discard", l.w("line_cmd_discard"))
	}
	return cat.T("line_inbox_prompt", "Help", l.w("line_cmd_help"))
}

// LineRaw: the message of an email takes every line as typed.
func (l *inboxLines) LineRaw() bool {
	return l.e.mode == modeCompose && l.stage == stageBody && !l.sure
}

// LineCommands are the words the mail app understands now.
func (l *inboxLines) LineCommands() []string {
	cat := l.c.Cat
	switch l.e.mode {
	case modeCompose, modePicker:
		return []string{cat.T("line_inbox_words_compose", "Send", l.w("line_cmd_send"), "Attach", l.w("line_cmd_attach"),
			"To", l.w("line_cmd_to"), "Cc", l.w("line_cmd_cc"), "Subject", l.w("line_cmd_subject"), "Body", l.w("line_cmd_body"),
			"Discard", l.w("line_cmd_discard"))}
	case modeLink:
		return nil
	}
	return []string{cat.T("line_inbox_words_mail", "List", l.w("line_cmd_list"), "Folder", l.w("line_cmd_folder"),
		"Open", l.w("line_cmd_open"), "Reply", l.w("line_cmd_reply"), "Forward", l.w("line_cmd_forward"), "New", l.w("line_cmd_new"),
		"Suspicious", l.w("line_cmd_suspicious"), "Delete", l.w("line_cmd_delete"), "Links", l.w("line_cmd_links"),
		"Link", l.w("line_cmd_link"), "Check", l.w("line_cmd_check"))}
}

// Line acts on the mailbox as the keys would; the player checks after any
// action that may finish the task (TakeCheck).
func (l *inboxLines) Line(text string) ([]string, bool) {
	e := l.e
	e.note = ""
	var out []string
	switch e.mode {
	case modeLink:
		out = l.linkLine(text)
	case modeCompose, modePicker:
		e.mode = modeCompose
		out = l.composeLine(text)
	default:
		var check bool
		out, check = l.mailLine(text)
		if check {
			return out, true
		}
	}
	if e.note != "" {
		out = append(out, e.note)
	}
	return out, false
}

// target is message n of the list (1-based), the open one when n is 0.
func (l *inboxLines) target(arg string) (*mailItem, []string) {
	cat := l.c.Cat
	list := l.e.Shown()
	if arg == "" {
		if m := l.e.opened(); m != nil {
			return m, nil
		}
		return nil, []string{cat.T("line_inbox_which", "Count", len(list))}
	}
	i, ok := access.Number(arg, len(list))
	if !ok {
		return nil, []string{cat.T("line_inbox_no_such_mail", "Text", access.Clip(arg, 20), "Count", len(list))}
	}
	l.e.Cursor = i - 1
	return list[i-1], nil
}

func (l *inboxLines) mailLine(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.e
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case strings.TrimSpace(text) == "":
		return []string{l.Prompt()}, false
	case is("line_cmd_check"):
		return nil, true
	case is("line_cmd_list"):
		return l.list(), false
	case is("line_cmd_folder"):
		return l.folder(arg), false
	case is("line_cmd_open"):
		m, why := l.target(arg)
		if m == nil {
			return why, false
		}
		e.open(m)
		return l.read(m), false
	case is("line_cmd_new"):
		e.StartCompose(inboxjudge.SendNew, nil)
		return l.startForm(), false
	case is("line_cmd_reply"):
		return l.answerMail(inboxjudge.SendReply, arg), false
	case is("line_cmd_forward"):
		return l.answerMail(inboxjudge.SendForward, arg), false
	case is("line_cmd_suspicious"):
		if _, why := l.target(arg); why != nil {
			return why, false
		}
		e.report()
		return nil, false
	case is("line_cmd_delete"):
		if _, why := l.target(arg); why != nil {
			return why, false
		}
		e.delete()
		// The numbers of the list have changed: say it again.
		out := append([]string{e.note}, l.list()...)
		e.note = ""
		return out, false
	case is("line_cmd_links"):
		return l.links(), false
	case is("line_cmd_link"):
		return l.link(arg), false
	}
	if i, ok := access.Number(text, len(e.Shown())); ok {
		m := e.Shown()[i-1]
		e.Cursor = i - 1
		e.open(m)
		return l.read(m), false
	}
	return []string{cat.T("line_not_understood", "Text", access.Clip(text, 40), "Help", l.w("line_cmd_help"))}, false
}

// folder goes to folder arg (its number or name) and lists it; without
// one it lists the folders.
func (l *inboxLines) folder(arg string) []string {
	cat := l.c.Cat
	for i, f := range inboxFolders {
		if n, ok := access.Number(arg, len(inboxFolders)); (ok && n == i+1) || access.Fold(arg) == access.Fold(cat.T("inbox_folder_"+f)) {
			l.e.setFolder(i)
			return l.list()
		}
	}
	var names []string
	for _, f := range inboxFolders {
		names = append(names, cat.T("inbox_folder_"+f))
	}
	return []string{cat.T("line_inbox_folders", "Folders", strings.Join(access.Numbered(names), ", "), "Word", l.w("line_cmd_folder"))}
}

// answerMail starts a reply or a forward of message arg (the open one
// when arg is empty).
func (l *inboxLines) answerMail(kind, arg string) []string {
	m, why := l.target(arg)
	if m == nil {
		return why
	}
	l.e.StartCompose(kind, m)
	return l.startForm()
}

// link looks at where link arg of the open message goes.
func (l *inboxLines) link(arg string) []string {
	cat := l.c.Cat
	m := l.e.opened()
	if m == nil || len(m.links) == 0 {
		return []string{cat.T("line_inbox_no_links")}
	}
	i, ok := access.Number(arg, len(m.links))
	if !ok {
		return []string{cat.T("line_inbox_no_such_link", "Text", access.Clip(arg, 20), "Count", len(m.links), "Word", l.w("line_cmd_link"))}
	}
	l.e.inspect(m, m.links[i-1])
	return l.linkInfo()
}

// links lists the links of the open message.
func (l *inboxLines) links() []string {
	cat := l.c.Cat
	m := l.e.opened()
	if m == nil || len(m.links) == 0 {
		return []string{cat.T("line_inbox_no_links")}
	}
	var texts []string
	for _, lk := range m.links {
		texts = append(texts, lk.Text)
	}
	return append([]string{cat.T("line_inbox_links", "Word", l.w("line_cmd_link"))}, access.Numbered(texts)...)
}

// linkInfo says where the link being looked at really goes.
func (l *inboxLines) linkInfo() []string {
	cat := l.c.Cat
	lk := l.e.link
	return []string{cat.T("inbox_link_shows") + " " + lk.Text, cat.T("inbox_link_goes") + " " + strings.TrimSpace(lk.URL),
		cat.T("inbox_link_owner") + " " + validate.Domain(lk.Host()), cat.T("inbox_link_explain"),
		strings.Join(access.Numbered([]string{cat.T("inbox_link_back"), cat.T("inbox_link_open")}), " ")}
}

func (l *inboxLines) linkLine(text string) []string {
	if access.IsWord(l.c, text, "line_cmd_back") {
		l.e.linkButton(0)
		return []string{l.c.Cat.T("line_inbox_back_to_mail")}
	}
	i, ok := access.Number(text, 2)
	if !ok {
		return []string{access.NotNumber(l.c, text, 2)}
	}
	l.e.linkButton(i - 1)
	if i == 1 {
		return []string{l.c.Cat.T("line_inbox_back_to_mail")}
	}
	return nil
}

// summary says the email as it stands.
func (l *inboxLines) summary() []string {
	cat := l.c.Cat
	f := l.e.Form
	files := cat.T("inbox_no_attachments")
	var names []string
	for _, id := range f.docs {
		if d := l.e.Ex.Document(id); d != nil {
			names = append(names, d.Name)
		}
	}
	if f.kind == inboxjudge.SendForward && f.orig != nil {
		names = append(names, f.orig.attachments...)
	}
	if len(names) > 0 {
		files = strings.Join(names, ", ")
	}
	body := strings.TrimSpace(f.Body.Value())
	if body == "" {
		body = cat.T("line_inbox_no_body")
	}
	out := []string{cat.T("line_inbox_draft"),
		cat.T("inbox_to") + " " + f.Inputs[FieldTo].Value(),
	}
	if cc := f.Inputs[FieldCc].Value(); cc != "" {
		out = append(out, cat.T("inbox_cc")+" "+cc)
	}
	return append(out, cat.T("inbox_subject")+" "+f.Inputs[FieldSubject].Value(), cat.T("inbox_body")+" "+body,
		cat.T("inbox_attachments")+" "+files)
}

// documents lists the files that can be attached, saying which are.
func (l *inboxLines) documents() []string {
	cat := l.c.Cat
	docs := l.e.Ex.Documents
	if len(docs) == 0 {
		return []string{cat.T("inbox_picker_empty")}
	}
	var names []string
	for _, d := range docs {
		name := d.Name
		if d.Size != "" {
			name += " (" + d.Size + ")"
		}
		if slices.Contains(l.e.Form.docs, d.ID) {
			name += ". " + cat.T("line_inbox_attached")
		}
		names = append(names, name)
	}
	return append([]string{cat.T("line_inbox_documents", "Word", l.w("line_cmd_attach"))}, access.Numbered(names)...)
}

// Browse: once the step is over, the mailbox can still be read.
func (l *inboxLines) Browse(text string) []string {
	if l.e.mode == modeLink {
		// The step ended on looking at a link: its 2 choices still work.
		return l.linkLine(text)
	}
	cmd, arg := access.FirstWord(text)
	switch {
	case access.IsWord(l.c, cmd, "line_cmd_list"):
		return l.list()
	case access.IsWord(l.c, cmd, "line_cmd_open"):
		if m, why := l.target(arg); m != nil {
			l.e.openID = m.Id
			return l.read(m)
		} else {
			return why
		}
	}
	return nil
}

// LineSay words the verdicts that speak of keys.
func (l *inboxLines) LineSay(v lessons.Verdict) string {
	switch v.Reason {
	case lessons.ReasonNothing:
		return l.c.Cat.T("line_verdict_nothing", "Check", l.w("line_cmd_check"))
	case lessons.ReasonNotSent:
		return l.c.Cat.T("line_verdict_mail_not_sent", "Send", l.w("line_cmd_send"))
	}
	return ""
}
