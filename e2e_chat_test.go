package main

import (
	"slices"
	"strconv"
	"testing"

	"aula/lessons/kinds/chat"
)

// doChat does a chat step as lines, goal by goal in the order of the
// judge's own Solution: open the conversation by its number in the list,
// then send the reply's number or the word for the action. What the last
// action prints is left to doLesson, which waits for the verdict.
func doChat(t *testing.T, s *lineSession, w lineWords, ex *chat.Chat) {
	t.Helper()
	words := map[string]string{"call": "llamada", "block": "bloquear", "delete": "borrar", "refuse": "rechazar", "confirm": "confirmar", "back": "volver", "open": "Conversación con"}
	if w.check == "check" {
		words = map[string]string{"call": "phone", "block": "block", "delete": "delete", "refuse": "reject", "confirm": "confirm", "back": "back", "open": "Conversation with"}
	}
	sol := ex.Solution().(chat.Answer)
	type act struct{ chat, cmd string }
	var acts []act
	for _, id := range sol.Opened {
		acts = append(acts, act{id, ""})
	}
	for _, r := range sol.Replies {
		c := ex.Conversation(r.Chat)
		n := slices.IndexFunc(c.Replies, func(rp *chat.Reply) bool { return rp.ID == r.Reply })
		acts = append(acts, act{r.Chat, strconv.Itoa(n + 1)})
	}
	for _, id := range sol.Called {
		acts = append(acts, act{id, words["call"]})
	}
	for _, id := range sol.Blocked {
		acts = append(acts, act{id, words["block"]})
	}
	for _, id := range sol.Deleted {
		acts = append(acts, act{id, words["delete"]})
	}
	for _, id := range sol.Confirmed {
		acts = append(acts, act{id, words["confirm"]})
	}
	for _, id := range sol.Refused {
		acts = append(acts, act{id, words["refuse"]})
	}
	if len(acts) == 0 {
		t.Fatal("chat: the solution does nothing")
	}
	for i, a := range acts {
		n := slices.IndexFunc(ex.Chats, func(c *chat.Conversation) bool { return c.ID == a.chat })
		s.send(strconv.Itoa(n + 1))
		s.expect(words["open"])
		if a.cmd != "" {
			s.send(a.cmd)
		}
		if i < len(acts)-1 && a.cmd != words["delete"] {
			s.send(words["back"])
		}
	}
}
