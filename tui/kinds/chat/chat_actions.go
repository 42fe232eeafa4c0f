package chat

import (
	"fmt"
	"slices"
	"strings"

	chatjudge "aula/lessons/kinds/chat"
)

// Kinds of control in an open conversation.
const (
	ctlLink    = "link"
	ctlReply   = "reply"
	ctlType    = "type"
	ctlConfirm = "confirm"
	ctlRefuse  = "refuse"
	ctlCall    = "call"
	ctlBlock   = "block"
	ctlDelete  = "delete"
	ctlBack    = "back"
)

// control is one thing the learner can press in a conversation.
type control struct {
	kind string
	id   string // the link or reply
}

func controlZone(i int) string { return fmt.Sprintf("chat-ctl-%d", i) }

// Controls are the open conversation's controls, in the order Tab visits
// them: its links, the request's buttons, the replies offered and the
// reply box (in the conversation), then the bar on top: call, block and
// report, delete, and back to the list.
func (e *ChatExercise) Controls() []control {
	body, bar := e.controlParts()
	return append(body, bar...)
}

func (e *ChatExercise) controlParts() (body, bar []control) {
	c := e.Conversation()
	if c == nil {
		return nil, nil
	}
	for _, m := range c.Messages {
		if m.Link != nil {
			body = append(body, control{kind: ctlLink, id: m.Link.ID})
		}
	}
	if c.Request != nil && e.Answerable(c.ID) {
		body = append(body, control{kind: ctlConfirm}, control{kind: ctlRefuse})
	}
	if !e.blocked(c.ID) && !e.deleted(c.ID) {
		for _, r := range c.Replies {
			body = append(body, control{kind: ctlReply, id: r.ID})
		}
		if c.Typing {
			body = append(body, control{kind: ctlType})
		}
	}
	if c.Call != "" {
		bar = append(bar, control{kind: ctlCall})
	}
	if !isApp(c) {
		bar = append(bar, control{kind: ctlBlock})
	}
	return body, append(bar, control{kind: ctlDelete}, control{kind: ctlBack})
}

// Press presses the focused control.
func (e *ChatExercise) Press() {
	ctl := e.Controls()
	c := e.Conversation()
	if c == nil || e.Focus < 0 || e.Focus >= len(ctl) {
		return
	}
	cat := e.c.Cat
	switch k := ctl[e.Focus]; k.kind {
	case ctlLink:
		e.Ans.Links = append(e.Ans.Links, k.id)
		e.note(c.ID, cat.T("chat_link_opened", "URL", e.linkURL(k.id)))
		e.did(chatjudge.ActLink, c.ID, k.id)
	case ctlReply:
		e.Reply(k.id)
	case ctlType:
		e.SendTyped()
	case ctlConfirm:
		e.Ans.Confirmed = append(e.Ans.Confirmed, c.ID)
		e.note(c.ID, cat.T(pick(c.App == chatjudge.AppAuth, "chat_approved", "chat_confirmed")))
		e.did(chatjudge.ActConfirm, c.ID, "")
	case ctlRefuse:
		e.Ans.Refused = append(e.Ans.Refused, c.ID)
		e.note(c.ID, cat.T(pick(c.App == chatjudge.AppAuth, "chat_auth_refused", "chat_refused")))
		e.did(chatjudge.ActRefuse, c.ID, "")
	case ctlCall:
		e.Call()
	case ctlBlock:
		e.Block()
	case ctlDelete:
		e.Delete()
	case ctlBack:
		e.Close()
	}
	e.focused()
}

// Reply sends the offered reply id in the open conversation.
func (e *ChatExercise) Reply(id string) {
	c := e.Conversation()
	if c == nil || e.blocked(c.ID) {
		return
	}
	e.log[c.ID] = append(e.log[c.ID], entry{mine: true, text: e.replyText(c, id)})
	e.Ans.Replies = append(e.Ans.Replies, chatjudge.Sent{Chat: c.ID, Reply: id})
	e.scroll.End()
	e.did(chatjudge.ActReply, c.ID, id)
}

// SendTyped sends what is in the reply box, if anything: it is shown in
// the conversation, and the answer says only that a reply was typed.
func (e *ChatExercise) SendTyped() {
	c := e.Conversation()
	text := strings.TrimSpace(e.Input.Value())
	if c == nil || text == "" || e.blocked(c.ID) {
		return
	}
	e.log[c.ID] = append(e.log[c.ID], entry{mine: true, text: text})
	e.Input.SetValue("")
	e.Ans.Replies = append(e.Ans.Replies, chatjudge.Sent{Chat: c.ID, Reply: chatjudge.Typed})
	e.scroll.End()
	e.did(chatjudge.ActReply, c.ID, chatjudge.Typed)
}

// Call calls the number the learner always uses for this contact.
func (e *ChatExercise) Call() {
	c := e.Conversation()
	if c == nil || c.Call == "" {
		return
	}
	if !slices.Contains(e.Ans.Called, c.ID) {
		e.Ans.Called = append(e.Ans.Called, c.ID)
	}
	called := e.c.Cat.T("chat_called", "Name", c.Name)
	if !c.Known {
		called = e.c.Cat.T("chat_called_this", "Name", c.Name)
	}
	e.note(c.ID, called+" "+c.Call)
	e.did(chatjudge.ActCall, c.ID, "")
}

// Block blocks and reports the open conversation's number, or unblocks it.
func (e *ChatExercise) Block() {
	c := e.Conversation()
	if c == nil || isApp(c) {
		return
	}
	e.Ans.Blocked = toggle(e.Ans.Blocked, c.ID)
	e.Input.Blur()
	e.did(chatjudge.ActBlock, c.ID, "")
}

// Delete deletes the open conversation (it stays in the list, marked, and
// can be taken back), or takes it back.
func (e *ChatExercise) Delete() {
	c := e.Conversation()
	if c == nil {
		return
	}
	e.Ans.Deleted = toggle(e.Ans.Deleted, c.ID)
	id := c.ID
	if e.deleted(id) {
		e.Close()
	}
	e.did(chatjudge.ActDelete, id, "")
}

// note adds what the phone says after an action to a conversation.
func (e *ChatExercise) note(chat, text string) {
	e.log[chat] = append(e.log[chat], entry{text: text})
	e.scroll.End()
}

func (e *ChatExercise) linkURL(id string) string {
	for _, c := range e.X.Chats {
		for _, m := range c.Messages {
			if m.Link != nil && m.Link.ID == id {
				return m.Link.URL
			}
		}
	}
	return ""
}

// replyText is the words of an offered reply.
func (e *ChatExercise) replyText(c *chatjudge.Conversation, id string) string {
	for _, r := range c.Replies {
		if r.ID == id {
			return r.Text
		}
	}
	return id
}

// isApp says whether a conversation is an app's (the bank's, an approval
// app's), which cannot be blocked or answered.
func isApp(c *chatjudge.Conversation) bool {
	return c.App == chatjudge.AppBank || c.App == chatjudge.AppAuth
}

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

// Answerable says whether request id still takes an answer: not once it
// is refused (unless it is the learner's own, which the site asks for
// again), nor once the learner's own is approved.
func (e *ChatExercise) Answerable(id string) bool {
	wanted := e.X.Wanted(id)
	if wanted {
		return !slices.Contains(e.Ans.Confirmed, id)
	}
	return !slices.Contains(e.Ans.Refused, id)
}

// Pending are the notifications not looked at yet: conversations that
// arrive as notifications, not opened and not answered.
func (e *ChatExercise) Pending() []*chatjudge.Conversation {
	var out []*chatjudge.Conversation
	for _, c := range e.X.Chats {
		if c.Notify && !slices.Contains(e.Ans.Opened, c.ID) && !slices.Contains(e.Ans.Confirmed, c.ID) && !slices.Contains(e.Ans.Refused, c.ID) {
			out = append(out, c)
		}
	}
	return out
}
