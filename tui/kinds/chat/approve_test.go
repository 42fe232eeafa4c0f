package chat

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/lessons/judge"
	chatjudge "aula/lessons/kinds/chat"
	"aula/tui/ui"
)

// approval is a phone with a chat, then two approval requests arriving as
// notifications: the learner's own sign-in (code 4821) and another one.
func approval(c *ui.Common) *ChatExercise {
	req := func(code string) *chatjudge.Request {
		return &chatjudge.Request{Text: "Do you want to sign in to the Social Security office?", Confirm: "Approve", Refuse: "Refuse",
			Details: []*chatjudge.Detail{{Label: "Code", Value: code}, {Label: "Site", Value: "Social Security electronic office"}}}
	}
	x := &chatjudge.Chat{
		Chats: []*chatjudge.Conversation{
			{ID: "ana", Name: "Ana", Known: true, Messages: []*chatjudge.Message{{Text: "See you!"}}},
			{ID: "mine", Name: "Cl@ve Móvil", App: chatjudge.AppAuth, Notify: true, Request: req("4821")},
			{ID: "other", Name: "Cl@ve Móvil", App: chatjudge.AppAuth, Notify: true, Request: req("7730")},
		},
		Rules: []*chatjudge.Rule{
			{Rule: judge.Rule{ID: "refused-mine", Check: "not-refused", Values: []string{"mine"}, Feedback: "That one was yours."}},
			{Rule: judge.Rule{ID: "approved-other", Check: "not-confirmed", Values: []string{"other"}, Feedback: "The code is not yours."}},
			{Rule: judge.Rule{ID: "approve", Check: "confirmed", Values: []string{"mine"}, Feedback: "Approve yours."}},
			{Rule: judge.Rule{ID: "refuse", Check: "refused", Values: []string{"other"}, Feedback: "Refuse the other."}},
		},
	}
	return NewChatExercise(c, &lessons.Step{Kind: "chat", Exercise: x}).(*ChatExercise)
}

func TestApprovalByKeyboard(t *testing.T) {
	c := ui.NewCommon("en", lib, time.Now)
	e := approval(c)
	if e.Cursor != 2 {
		t.Errorf("the list should start on the newest notification, cursor %d", e.Cursor)
	}
	out := view(c, e, 80, 16)
	for _, want := range []string{"[!] Notification (2) · Cl@ve Móvil: 7730 · Social Security electronic office", "▶ Cl@ve Móvil · Approval app · New notification"} {
		if !strings.Contains(out, want) {
			t.Errorf("the list lacks %q:\n%s", want, out)
		}
	}
	press(e, "up", "enter") // the learner's own request
	if e.Open != "mine" {
		t.Fatalf("open %q", e.Open)
	}
	e.TakeCheck()
	out = view(c, e, 80, 24)
	for _, want := range []string{"[!] Notification (1) · Cl@ve Móvil", "Compare with what you did", "│ Code: 4821", "4821", "Social Security electronic office", "[ Approve ]", "[ Refuse ]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the request lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Block and report") || strings.Contains(out, "New notification") {
		t.Errorf("an app cannot be blocked, and an open request is no longer new:\n%s", out)
	}
	// Refusing one's own request is a mistake, and it can still be approved.
	focusTo(t, e, ctlRefuse, "")
	press(e, "enter")
	if v := e.X.Judge(e.TakeCheck()); v.Mistake != "refused-mine" {
		t.Errorf("refusing one's own: %+v", v)
	}
	if out = view(c, e, 80, 24); !strings.Contains(out, "You refused the request.") || !strings.Contains(out, "[ Approve ]") {
		t.Errorf("after refusing one's own, the request asks again:\n%s", out)
	}
	focusTo(t, e, ctlConfirm, "")
	press(e, "enter")
	if v := e.X.Judge(e.TakeCheck()); v.Reason != lessons.ReasonPending {
		t.Errorf("approving one's own with more to do: %+v", v)
	}
	if out = view(c, e, 80, 24); !strings.Contains(out, "You approved the request.") || strings.Contains(out, "[ Approve ]") {
		t.Errorf("after approving, the request is done:\n%s", out)
	}
	press(e, "esc", "down", "enter")
	if e.Open != "other" {
		t.Fatalf("open %q", e.Open)
	}
	focusTo(t, e, ctlConfirm, "")
	press(e, "enter")
	if v := e.X.Judge(e.TakeCheck()); v.Mistake != "approved-other" || v.Feedback != "The code is not yours." {
		t.Errorf("approving another code: %+v", v)
	}
	focusTo(t, e, ctlRefuse, "")
	press(e, "enter")
	if v := e.X.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("all done: %+v", v)
	}
	if out = view(c, e, 80, 24); strings.Contains(out, "[ Refuse ]") {
		t.Errorf("a refused request takes no more answers:\n%s", out)
	}
}

func TestApprovalByMouse(t *testing.T) {
	c := ui.NewCommon("es", lib, time.Now)
	e := approval(c)
	view(c, e, 80, 16)
	click(t, c, e, "chat-notif")
	if e.Open != "other" {
		t.Fatalf("a click on the banner opens the newest notification, open %q", e.Open)
	}
	out := view(c, e, 80, 24)
	if !strings.Contains(out, "[!] Notificación (1) · Cl@ve Móvil") || !strings.Contains(out, "Compara con lo que has hecho tú") {
		t.Errorf("the other request is still waiting on the banner:\n%s", out)
	}
	click(t, c, e, "chat-notif")
	if e.Open != "mine" {
		t.Fatalf("the banner opens the other waiting request, open %q", e.Open)
	}
	e.TakeCheck()
	view(c, e, 80, 24)
	for i, k := range e.Controls() {
		if k.kind == ctlConfirm {
			click(t, c, e, controlZone(i))
			break
		}
	}
	if a, _ := e.TakeCheck().(chatjudge.Answer); a.Last == nil || a.Last.Kind != chatjudge.ActConfirm || a.Last.Chat != "mine" {
		t.Errorf("a click on Aprobar should approve: %+v", a)
	}
	if out := view(c, e, 80, 24); strings.Contains(out, "[!]") {
		t.Errorf("no notification waits now:\n%s", out)
	}
}

// The card keeps to its width at every size and never panics.
func TestApprovalCardSizes(t *testing.T) {
	c := ui.NewCommon("es", lib, time.Now)
	e := approval(c)
	e.OpenChat("mine")
	for w := 0; w <= 50; w++ {
		for _, l := range strings.Split(view(c, e, w, 20), "\n") {
			if lw := lipgloss.Width(l); lw > max(w, 10) {
				t.Fatalf("width %d: a line of %d cells: %q", w, lw, l)
			}
		}
	}
}

// BenchmarkApprovalKey is one key (Tab in an open approval request, with
// its card and another notification on the banner) with its Update and
// View in the 80×18 area a step has at 80×24.
func BenchmarkApprovalKey(b *testing.B) {
	c := ui.NewCommon("es", lib, time.Now)
	e := approval(c)
	e.OpenChat("mine")
	tab := tea.KeyMsg{Type: tea.KeyTab}
	for b.Loop() {
		e.Update(tab)
		_ = e.ViewFull(80, 18)
	}
}
