package chat

import (
	"fmt"
	"slices"
	"strings"

	"aula/lessons"
	chatjudge "aula/lessons/kinds/chat"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// chatLines says the practice phone as lines. On the list the learner
// types a number to open a conversation; in one, a number sends that
// reply, "escribir" and words send a typed reply, "enlace 1" opens a link,
// "llamada" calls the number they always use, "bloquear", "borrar",
// "confirmar", "rechazar", "volver" (to the list) and "comprobar".
type chatLines struct {
	c *ui.Common
	e *ChatExercise
}

// NewChatLines makes the accessible-mode adapter of a chat exercise.
func NewChatLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *ChatExercise) exercise.LineExercise {
		return &chatLines{c: c, e: e}
	})
}

func (l *chatLines) w(id string) string { return access.Word(l.c, id) }

// Describe says the list of conversations.
func (l *chatLines) Describe() []string { return l.list() }

// list says the conversations, numbered.
func (l *chatLines) list() []string {
	cat := l.c.Cat
	out := []string{cat.T("line_chat_list", "Count", len(l.e.X.Chats))}
	for _, c := range l.e.Pending() {
		text, _ := l.e.Preview(c)
		out = append(out, cat.T("line_chat_notification", "N", slices.Index(l.e.X.Chats, c)+1, "Name", c.Name, "Text", access.Sentence(firstLine(text))))
	}
	for i, c := range l.e.X.Chats {
		text, at := l.e.Preview(c)
		s := fmt.Sprintf("%d. %s (%s): %s", i+1, c.Name, l.e.Tag(c), access.Sentence(firstLine(text)))
		if at != "" {
			s += " " + access.Sentence(at)
		}
		out = append(out, s)
	}
	return out
}

// conversation says the open conversation: who, its messages and links,
// what happened, the request, the replies offered and what can be done.
func (l *chatLines) conversation() []string {
	cat, e := l.c.Cat, l.e
	c := e.Conversation()
	if c == nil {
		return l.list()
	}
	who := c.Name
	if c.Number != "" {
		who += ", " + c.Number
	}
	out := []string{cat.T("line_chat_open", "Name", who, "Tag", e.Tag(c))}
	links := 0
	for _, m := range c.Messages {
		text := m.Text
		if m.Voice != "" {
			text = cat.T("chat_voice", "Length", m.Voice)
		}
		from := cat.T("line_chat_received")
		if m.Me {
			from = cat.T("line_chat_sent")
		}
		if m.Time != "" {
			from += ", " + m.Time
		}
		out = append(out, from+": "+access.Sentence(text))
		if m.Link != nil {
			links++
			out = append(out, cat.T("line_chat_link", "N", links, "URL", m.Link.URL))
		}
	}
	for _, en := range e.log[c.ID] {
		if en.mine {
			out = append(out, cat.T("line_chat_sent")+": "+access.Sentence(en.text))
		} else {
			out = append(out, en.text)
		}
	}
	return append(out, l.options(c)...)
}

// options says what can be done in conversation c now.
func (l *chatLines) options(c *chatjudge.Conversation) []string {
	cat, e := l.c.Cat, l.e
	var out []string
	if q := c.Request; q != nil {
		out = append(out, q.Text)
		if len(q.Details) > 0 {
			out = append(out, strings.TrimSpace(cat.T("chat_card_title"))+":")
			for _, d := range q.Details {
				out = append(out, d.Label+": "+access.Sentence(d.Value))
			}
		}
	}
	body, bar := e.controlParts()
	var replies []string
	var words []string
	for _, k := range append(body, bar...) {
		switch k.kind {
		case ctlReply:
			replies = append(replies, e.replyText(c, k.id))
		case ctlType:
			words = append(words, cat.T("line_chat_can_type", "Word", l.w("line_cmd_write")))
		case ctlLink:
		case ctlConfirm:
			words = append(words, l.w("line_cmd_confirm")+": "+c.Request.Confirm)
		case ctlRefuse:
			words = append(words, l.w("line_cmd_refuse")+": "+c.Request.Refuse)
		case ctlCall:
			words = append(words, l.w("line_cmd_phone")+": "+e.label(c, k))
		case ctlBlock:
			words = append(words, l.w("line_cmd_block")+": "+e.label(c, k))
		case ctlDelete:
			words = append(words, l.w("line_cmd_delete")+": "+e.label(c, k))
		case ctlBack:
			words = append(words, l.w("line_cmd_back")+": "+cat.T("chat_key_back_help"))
		}
	}
	switch {
	case e.blocked(c.ID):
		out = append(out, cat.T("chat_blocked_note"))
	case e.deleted(c.ID):
		out = append(out, cat.T("chat_deleted_note"))
	}
	if len(replies) > 0 {
		out = append(out, cat.T("line_chat_replies"))
		out = append(out, access.Numbered(replies)...)
	}
	out = append(out, cat.T("line_chat_words"))
	return append(out, words...)
}

// Prompt says what to type now.
func (l *chatLines) Prompt() string {
	if l.e.Open == "" {
		return l.c.Cat.T("line_chat_prompt_list", "Count", len(l.e.X.Chats))
	}
	return l.c.Cat.T("line_chat_prompt_open", "Check", l.w("line_cmd_check"))
}

// LineCommands are the words the phone understands now.
func (l *chatLines) LineCommands() []string {
	if l.e.Open == "" {
		return []string{l.c.Cat.T("line_chat_prompt_list", "Count", len(l.e.X.Chats))}
	}
	return l.options(l.e.Conversation())
}

// press focuses the control of kind (and id) and presses it, as Tab and
// Enter would; false when the conversation has no such control now.
func (l *chatLines) press(kind, id string) bool {
	for i, k := range l.e.Controls() {
		if k.kind == kind && (id == "" || k.id == id) {
			l.e.Focus = i
			l.e.Press()
			return true
		}
	}
	return false
}

// Line acts on the phone as keys would.
func (l *chatLines) Line(text string) ([]string, bool) {
	cat, e := l.c.Cat, l.e
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case strings.TrimSpace(text) == "":
		return []string{l.Prompt()}, false
	case is("line_cmd_check"):
		return nil, true
	case access.IsWord(l.c, text, "line_cmd_list"):
		e.Close()
		return l.list(), false
	case e.Open == "":
		n := len(e.X.Chats)
		i, ok := access.Number(text, n)
		if !ok {
			return []string{access.NotNumber(l.c, text, n)}, false
		}
		e.OpenChat(e.X.Chats[i-1].ID)
		return l.conversation(), false
	case access.IsWord(l.c, text, "line_cmd_back"):
		e.Close()
		return l.list(), false
	case is("line_cmd_write"):
		return l.write(arg), false
	case is("line_cmd_link"):
		return l.link(arg), false
	}
	for _, a := range []struct{ word, kind string }{{"line_cmd_phone", ctlCall}, {"line_cmd_block", ctlBlock},
		{"line_cmd_delete", ctlDelete}, {"line_cmd_confirm", ctlConfirm}, {"line_cmd_refuse", ctlRefuse}} {
		if access.IsWord(l.c, text, a.word) {
			if !l.press(a.kind, "") {
				return []string{cat.T("line_chat_cannot")}, false
			}
			if e.Open == "" {
				return append([]string{cat.T("chat_deleted_note")}, l.list()...), false
			}
			return l.conversation(), false
		}
	}
	return l.reply(text), false
}

// reply sends offered reply number text.
func (l *chatLines) reply(text string) []string {
	c := l.e.Conversation()
	var ids []string
	for _, k := range l.e.Controls() {
		if k.kind == ctlReply {
			ids = append(ids, k.id)
		}
	}
	i, ok := access.Number(text, len(ids))
	if !ok {
		return []string{l.c.Cat.T("line_chat_unknown", "Text", access.Clip(text, 30), "Count", len(ids), "Help", l.w("line_cmd_help"))}
	}
	l.press(ctlReply, ids[i-1])
	return []string{l.c.Cat.T("line_chat_sent") + ": " + access.Sentence(l.e.replyText(c, ids[i-1]))}
}

// write sends a typed reply; the words are shown, never kept.
func (l *chatLines) write(words string) []string {
	cat := l.c.Cat
	if strings.TrimSpace(words) == "" {
		return []string{cat.T("line_chat_write_what", "Word", l.w("line_cmd_write"))}
	}
	l.e.Input.SetValue(access.ClipRunes(words, typedLimit))
	if !l.press(ctlType, "") {
		l.e.Input.SetValue("")
		return []string{cat.T("line_chat_cannot")}
	}
	return []string{cat.T("line_chat_sent") + ": " + access.Sentence(words)}
}

// link opens link number arg of the conversation.
func (l *chatLines) link(arg string) []string {
	var ids []string
	for _, k := range l.e.Controls() {
		if k.kind == ctlLink {
			ids = append(ids, k.id)
		}
	}
	i, ok := access.Number(arg, len(ids))
	if !ok {
		return []string{l.c.Cat.T("line_chat_no_link", "Count", len(ids), "Word", l.w("line_cmd_link"))}
	}
	l.press(ctlLink, ids[i-1])
	return []string{l.c.Cat.T("chat_link_opened", "URL", l.e.linkURL(ids[i-1]))}
}

// LineSay words a verdict that the usual words say about the mail app.
func (l *chatLines) LineSay(v lessons.Verdict) string {
	if v.Reason == lessons.ReasonNothing {
		return l.c.Cat.T("line_chat_verdict_nothing", "Check", l.w("line_cmd_check"))
	}
	return ""
}
