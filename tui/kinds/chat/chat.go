// Package chat is the full screen and the accessible form of chat steps:
// a practice phone messaging app (chats and SMS together, and the bank
// app's payment requests). A list of conversations, each opened to read
// its messages and act: send an offered reply or type a short one, call
// the number one always uses, block and report, delete, open a link, or
// confirm or refuse a payment.
package chat

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	chatjudge "aula/lessons/kinds/chat"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// ChatExercise is a practice phone messenger. It is a full exercise: it
// takes the whole step area and Enter (and Esc while a conversation is
// open), and after every action it hands the player an answer to check.
// What the learner types lives here only, in memory, until the step ends;
// the answer says only that a reply was typed.
type ChatExercise struct {
	c    *ui.Common
	X    *chatjudge.Chat
	keys chatKeys

	Open   string // the conversation shown, "" for the list
	Cursor int    // the selected conversation in the list
	Focus  int    // the focused control of the open conversation
	list   ui.Scroll
	scroll ui.Scroll
	Input  textinput.Model
	done   bool

	// log is what happened in each conversation while on screen: replies
	// sent (a typed one with its words, shown and never kept) and what the
	// phone said after an action (a call, a link).
	log map[string][]entry

	Ans chatjudge.Answer

	exercise.ToCheck[chatjudge.Answer] // an answer to check after an action, taken by the player

	follow   bool      // scroll to the focus at the next View (it moved)
	bodyH    int       // rows of the conversation at the last View, for paging
	controls []control // the controls of the open conversation at the last View
}

// typedLimit keeps a typed reply short, as the practice asks.
const typedLimit = 120

type chatKeys struct {
	Move, Press, Back, Check, Page key.Binding
}

func newChatKeys(c *ui.Common) chatKeys {
	cat := c.Cat
	letter := strings.ToLower(cat.T("chat_key_check"))
	return chatKeys{
		Move:  key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), key.WithHelp("↑↓ Tab", cat.T("chat_key_move_help"))),
		Press: key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("chat_key_press_help"))),
		Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", cat.T("chat_key_back_help"))),
		Check: key.NewBinding(key.WithKeys(letter, strings.ToUpper(letter)), key.WithHelp(strings.ToUpper(letter), cat.T("key_check"))),
		Page:  key.NewBinding(key.WithKeys("pgdown", "pgup"), key.WithHelp(cat.T("inbox_keyname_page"), cat.T("chat_key_page_help"))),
	}
}

// NewChatExercise opens the phone on its list of conversations.
func NewChatExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	x, _ := s.Exercise.(*chatjudge.Chat)
	if x == nil {
		x = &chatjudge.Chat{}
	}
	in := textinput.New()
	in.Prompt = "› "
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = typedLimit
	in.Placeholder = c.Cat.T("chat_type_placeholder")
	e := &ChatExercise{c: c, X: x, keys: newChatKeys(c), Input: in,
		log: map[string][]entry{}}
	// The list starts on the newest notification, as the phone shows it.
	if p := e.Pending(); len(p) > 0 {
		e.Cursor = slices.Index(x.Chats, p[len(p)-1])
	}
	return e
}

// Conversation is the conversation open, or nil on the list.
func (e *ChatExercise) Conversation() *chatjudge.Conversation {
	if e.Open == "" {
		return nil
	}
	return e.X.Conversation(e.Open)
}

// Answer is what was done so far; Last is nil: the learner asks to check.
func (e *ChatExercise) Answer() lessons.Answer { return e.answer(nil) }

func (e *ChatExercise) answer(last *chatjudge.Action) chatjudge.Answer {
	a := e.Ans
	a.Opened = slices.Clone(a.Opened)
	a.Replies = slices.Clone(a.Replies)
	a.Called = slices.Clone(a.Called)
	a.Blocked = slices.Clone(a.Blocked)
	a.Deleted = slices.Clone(a.Deleted)
	a.Links = slices.Clone(a.Links)
	a.Confirmed = slices.Clone(a.Confirmed)
	a.Refused = slices.Clone(a.Refused)
	a.Last = last
	return a
}

// did records an action and asks the player to check.
func (e *ChatExercise) did(kind, chat, id string) {
	a := e.answer(&chatjudge.Action{Kind: kind, Chat: chat, ID: id})
	e.Put(a)
}

// CheckKey is the letter that asks to check, shown on the Check button.
func (e *ChatExercise) CheckKey() key.Binding { return e.keys.Check }

// Typing says whether the reply box has the keyboard.
func (e *ChatExercise) Typing() bool { return !e.done && e.Input.Focused() }

// WantsEsc says whether Esc belongs to the phone: to go back to the list.
func (e *ChatExercise) WantsEsc() bool { return !e.done && e.Open != "" }

// SetDone freezes the phone once the step is over; reading still works.
func (e *ChatExercise) SetDone(done bool) {
	e.done = done
	if done {
		e.Input.Blur()
	}
}

// Wipe forgets what the learner typed.
func (e *ChatExercise) Wipe() {
	e.Input.SetValue("")
	e.log = map[string][]entry{}
}

// entry is a reply sent (mine) or a word from the phone.
type entry struct {
	mine bool
	text string
}

// Keys are the phone's keys for the help line.
func (e *ChatExercise) Keys() []key.Binding {
	k := e.keys
	if e.done {
		return []key.Binding{k.Page}
	}
	if e.Open != "" {
		return []key.Binding{k.Move, k.Press, k.Back, k.Page}
	}
	return []key.Binding{k.Move, k.Press}
}

// Update handles keys and clicks.
func (e *ChatExercise) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case tea.KeyMsg:
		return e.key(m)
	case tea.MouseMsg:
		e.mouse(m)
	}
	return nil
}

func (e *ChatExercise) key(k tea.KeyMsg) tea.Cmd {
	ks := e.keys
	switch {
	case key.Matches(k, ks.Page):
		d := max(e.bodyH-1, 1)
		if k.String() == "pgup" {
			d = -d
		}
		if e.Open == "" {
			e.list.By(d)
		} else {
			e.scroll.By(d)
		}
	case e.done:
	case e.Open == "":
		e.listKey(k)
	case key.Matches(k, ks.Back):
		e.Close()
	case k.String() == "tab" || k.String() == "down":
		e.move(1)
	case k.String() == "shift+tab" || k.String() == "up":
		e.move(-1)
	case key.Matches(k, ks.Press):
		e.Press()
	case e.Input.Focused():
		if k.Type == tea.KeyRunes {
			k.Runes = []rune(strings.Map(func(r rune) rune {
				if r < ' ' {
					return ' '
				}
				return r
			}, string(k.Runes)))
		}
		var cmd tea.Cmd
		e.Input, cmd = e.Input.Update(k)
		return cmd
	}
	return nil
}

func (e *ChatExercise) listKey(k tea.KeyMsg) {
	n := len(e.X.Chats)
	if n == 0 {
		return
	}
	switch {
	case k.String() == "tab" || k.String() == "down":
		e.Cursor = (e.Cursor + 1) % n
	case k.String() == "shift+tab" || k.String() == "up":
		e.Cursor = (e.Cursor - 1 + n) % n
	case key.Matches(k, e.keys.Press):
		e.OpenChat(e.X.Chats[e.Cursor].ID)
	}
}

// OpenChat opens a conversation.
func (e *ChatExercise) OpenChat(id string) {
	c := e.X.Conversation(id)
	if c == nil {
		return
	}
	// The focus starts on "back to the chats": a second Enter by mistake
	// must not confirm a payment, open a link or send a reply.
	e.Open = id
	e.Focus = len(e.Controls()) - 1
	e.Cursor = slices.Index(e.X.Chats, c)
	e.scroll.End()
	e.follow = true
	if !slices.Contains(e.Ans.Opened, id) {
		e.Ans.Opened = append(e.Ans.Opened, id)
	}
	e.focused()
	e.did(chatjudge.ActOpen, id, "")
}

// OpenNotification opens the newest notification not looked at yet, as a
// tap on the banner does.
func (e *ChatExercise) OpenNotification() bool {
	var last *chatjudge.Conversation
	for _, c := range e.Pending() {
		if c.ID != e.Open {
			last = c
		}
	}
	if last == nil {
		return false
	}
	e.Close()
	e.OpenChat(last.ID)
	return true
}

// Close goes back to the list of conversations.
func (e *ChatExercise) Close() {
	e.Open = ""
	e.Input.Blur()
	e.Input.SetValue("")
}

// move focuses the next (1) or previous (-1) control, round the list.
func (e *ChatExercise) move(delta int) {
	n := len(e.Controls())
	if n == 0 {
		return
	}
	e.Focus = (e.Focus + delta + n) % n
	e.follow = true
	e.focused()
}

// focused gives the reply box the keyboard when it has the focus.
func (e *ChatExercise) focused() {
	ctl := e.Controls()
	if e.Focus >= len(ctl) {
		e.Focus = 0
	}
	if len(ctl) > 0 && ctl[e.Focus].kind == ctlType && !e.done {
		e.Input.Focus()
		return
	}
	e.Input.Blur()
}

func (e *ChatExercise) mouse(m tea.MouseMsg) {
	switch m.Button {
	case tea.MouseButtonWheelUp:
		e.scroll.By(-1)
		return
	case tea.MouseButtonWheelDown:
		e.scroll.By(1)
		return
	}
	if !ui.IsClick(m) || e.done {
		return
	}
	in := func(id string) bool { return e.c.Zones.Get(id).InBounds(m) }
	if in("chat-notif") {
		e.OpenNotification()
		return
	}
	if e.Open == "" {
		for i, c := range e.X.Chats {
			if in(listZone(c.ID, 0)) || in(listZone(c.ID, 1)) {
				e.Cursor = i
				e.OpenChat(c.ID)
				return
			}
		}
		return
	}
	for i := range e.Controls() {
		if in(controlZone(i)) {
			e.Focus = i
			e.follow = true
			e.focused()
			e.Press()
			return
		}
	}
}

func (e *ChatExercise) blocked(id string) bool { return slices.Contains(e.Ans.Blocked, id) }
func (e *ChatExercise) deleted(id string) bool { return slices.Contains(e.Ans.Deleted, id) }

// toggle adds id to list, or takes it out when it is there.
func toggle(list []string, id string) []string {
	if i := slices.Index(list, id); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return append(list, id)
}

// Judged hears the verdict; nothing to do.
func (e *ChatExercise) Judged(lessons.Verdict) {}

// Say words a verdict that the usual words say about the mail app.
func (e *ChatExercise) Say(v lessons.Verdict) string {
	if v.Reason == lessons.ReasonNothing {
		return e.c.Cat.T("chat_verdict_nothing")
	}
	return ""
}
