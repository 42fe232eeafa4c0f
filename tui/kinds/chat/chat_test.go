package chat

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	zone "github.com/lrstanley/bubblezone"

	"aula/lessons"
	"aula/lessons/judge"
	chatjudge "aula/lessons/kinds/chat"
	"aula/tui/ui"
)

var lib = func() *lessons.Library {
	l, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	return l
}()

// open makes the phone of the built-in step comprobar.
func open(t testing.TB, lang string) (*ui.Common, *lessons.Step, *ChatExercise) {
	t.Helper()
	c := ui.NewCommon(lang, lib, func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) })
	l, ok := lib.Catalog(lang).Lesson("dinero-hijo-numero-nuevo")
	if !ok {
		t.Fatal("no lesson dinero-hijo-numero-nuevo")
	}
	s := l.Steps()[l.StepIndex("comprobar")]
	return c, s, NewChatExercise(c, s).(*ChatExercise)
}

func press(e *ChatExercise, keys ...string) {
	for _, k := range keys {
		var m tea.KeyMsg
		switch k {
		case "tab":
			m = tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			m = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "down":
			m = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			m = tea.KeyMsg{Type: tea.KeyUp}
		case "enter":
			m = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			m = tea.KeyMsg{Type: tea.KeyEsc}
		case "pgup":
			m = tea.KeyMsg{Type: tea.KeyPgUp}
		default:
			m = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		e.Update(m)
	}
}

func view(c *ui.Common, e *ChatExercise, w, h int) string { return c.Zones.Scan(e.ViewFull(w, h)) }

// focusTo moves the focus to the control of kind (and id).
func focusTo(t *testing.T, e *ChatExercise, kind, id string) {
	t.Helper()
	for range len(e.Controls()) {
		if k := e.Controls()[e.Focus]; k.kind == kind && (id == "" || k.id == id) {
			return
		}
		press(e, "tab")
	}
	t.Fatalf("no control %s %s in %+v", kind, id, e.Controls())
}

func TestListThenConversation(t *testing.T) {
	c, _, e := open(t, "es")
	v := view(c, e, 80, 14)
	for _, want := range []string{"Mensajes", "▶ +34 600 000 101 · Número desconocido", "Dani (hijo) · Contacto", "¡Sí! Llevo el postre. · ayer"} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
	press(e, "down", "up", "enter")
	if e.Open != "desconocido" || !e.WantsEsc() {
		t.Fatalf("Enter should open the first conversation, open %q", e.Open)
	}
	v = view(c, e, 80, 30)
	for _, want := range []string{"+34 600 000 101 · Número desconocido", "[ Llamar a este número ]", "[ Bloquear y reportar ]",
		"[ Borrar chat ]", "▶[ ← Chats ]", "Hola mamá, se me ha roto el móvil.", "  Enlace: https://factura-pendiente.example/pago",
		"[ Vale, hijo. Ahora te lo mando. ]", "Escribe una respuesta corta"} {
		if !strings.Contains(v, want) {
			t.Errorf("the conversation lacks %q:\n%s", want, v)
		}
	}
	press(e, "esc")
	if e.Open != "" || e.WantsEsc() {
		t.Error("Esc should go back to the list")
	}
}

// Every control is reached with Tab, with its focus marked without colour.
func TestEveryButtonIsReachedAndMarked(t *testing.T) {
	c, _, e := open(t, "en")
	press(e, "enter")
	ctl := e.Controls()
	if e.Focus != len(ctl)-1 || ctl[e.Focus].kind != ctlBack {
		t.Fatalf("a conversation opens with the focus on back, not %+v", ctl[e.Focus])
	}
	press(e, "tab")
	for i := range ctl {
		v := view(c, e, 80, 14)
		if e.Focus != i {
			t.Fatalf("after %d Tabs the focus is %d", i, e.Focus)
		}
		if !strings.Contains(v, "▶") {
			t.Errorf("control %d (%s) is not marked on an 80×14 area:\n%s", i, ctl[i].kind, v)
		}
		press(e, "tab")
	}
	if e.Focus != 0 {
		t.Errorf("Tab should go round, focus %d", e.Focus)
	}
	press(e, "shift+tab")
	if e.Focus != len(ctl)-1 {
		t.Errorf("Shift+Tab from the first should reach the last, focus %d", e.Focus)
	}
}

// A wrong reply is judged at once, with the lesson's words about it.
func TestWrongReplyIsSaidAtOnce(t *testing.T) {
	c, s, e := open(t, "es")
	press(e, "enter")
	e.TakeCheck()
	focusTo(t, e, ctlReply, "cuanto")
	press(e, "enter")
	a := e.TakeCheck().(chatjudge.Answer)
	v := s.Judge(a)
	if v.Mistake != "no-pagar" || !strings.Contains(v.Feedback, "llama a Dani") {
		t.Errorf("offering money: %+v", v)
	}
	if out := view(c, e, 80, 30); !strings.Contains(out, "Vale, hijo. Ahora te lo mando. ┃") {
		t.Errorf("the reply sent is not shown on the right:\n%s", out)
	}
}

// A typed reply is shown, never kept in the answer: only that one was typed.
func TestTypedReplyIsNeverInTheAnswer(t *testing.T) {
	c, s, e := open(t, "es")
	press(e, "enter")
	focusTo(t, e, ctlType, "")
	if !e.Typing() {
		t.Fatal("the reply box should have the keyboard")
	}
	press(e, "¿qui", "én eres? ñá @", "c", "enter")
	if out := view(c, e, 80, 30); !strings.Contains(out, "¿quién eres? ñá @c") {
		t.Errorf("the typed reply is not shown:\n%s", out)
	}
	a := e.TakeCheck().(chatjudge.Answer)
	if dump := fmt.Sprintf("%+v %+v", a, e.Answer()); strings.Contains(dump, "quién") {
		t.Errorf("the typed words reached the answer: %s", dump)
	}
	if len(a.Replies) != 1 || a.Replies[0].Reply != chatjudge.Typed {
		t.Errorf("replies %+v", a.Replies)
	}
	if v := s.Judge(a); v.Correct || v.Counts() {
		t.Errorf("a harmless typed reply is no mistake and no end: %+v", v)
	}
	e.Wipe()
	if out := view(c, e, 80, 30); strings.Contains(out, "quién") {
		t.Errorf("Wipe should forget the typed words:\n%s", out)
	}
}

// The way the lesson asks: call Dani on his usual number, block the stranger.
func TestCallAndBlockFinishTheTask(t *testing.T) {
	c, s, e := open(t, "en")
	press(e, "down", "enter")
	focusTo(t, e, ctlCall, "")
	press(e, "enter")
	if v := s.Judge(e.TakeCheck()); v.Reason != lessons.ReasonPending {
		t.Errorf("after calling Dani the task is under way: %+v", v)
	}
	if out := view(c, e, 80, 30); !strings.Contains(out, "phone's fine") {
		t.Errorf("the call's words are not shown:\n%s", out)
	}
	if v := s.Judge(e.Answer()); v.Mistake != "bloquear" {
		t.Errorf("checked before blocking: %+v", v)
	}
	press(e, "esc", "up", "enter")
	focusTo(t, e, ctlBlock, "")
	press(e, "enter")
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("called and blocked: %+v", v)
	}
	if out := view(c, e, 80, 30); !strings.Contains(out, "Unknown number · Blocked") || strings.Contains(out, "[ OK, love") {
		t.Errorf("a blocked number takes no replies:\n%s", out)
	}
	e.SetDone(true)
	press(e, "esc", "tab", "enter")
	if e.TakeCheck() != nil {
		t.Error("a finished step takes no more actions")
	}
}

func bank(c *ui.Common) *ChatExercise {
	x := &chatjudge.Chat{
		Chats: []*chatjudge.Conversation{{ID: "app", Name: "Banco Ejemplo", App: chatjudge.AppBank,
			Request: &chatjudge.Request{Text: "Do you confirm this payment of 480 € at SHOP-EXAMPLE?", Confirm: "Confirm", Refuse: "Reject"}}},
		Rules: []*chatjudge.Rule{{Rule: judge.Rule{ID: "no-pay", Check: "not-confirmed", Values: []string{"app"}, Feedback: "You did not make that payment."}},
			{Rule: judge.Rule{ID: "refuse", Check: "refused", Values: []string{"app"}, Feedback: "Reject it."}}},
	}
	return NewChatExercise(c, &lessons.Step{Kind: "chat", Exercise: x}).(*ChatExercise)
}

func TestBankRequest(t *testing.T) {
	c := ui.NewCommon("en", lib, time.Now)
	e := bank(c)
	press(e, "enter", "tab")
	out := view(c, e, 80, 16)
	for _, want := range []string{"Banco Ejemplo · Bank app", "Do you confirm this payment of 480 €", "▶[ Confirm ]", "[ Reject ]"} {
		if !strings.Contains(out, want) {
			t.Errorf("the request lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Block and report") {
		t.Error("the bank's app cannot be blocked")
	}
	e.TakeCheck()
	press(e, "enter")
	if v := e.X.Judge(e.TakeCheck()); v.Mistake != "no-pay" {
		t.Errorf("confirming: %+v", v)
	}
	press(e, "tab", "enter")
	if v := e.X.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("rejecting: %+v", v)
	}
	if out := view(c, e, 80, 16); !strings.Contains(out, "You rejected the payment.") || strings.Contains(out, "[ Reject ]") {
		t.Errorf("after rejecting:\n%s", out)
	}
}

// At any size the phone fills its box exactly, and never panics.
func TestSizes(t *testing.T) {
	c, _, e := open(t, "es")
	for _, open := range []bool{false, true} {
		if open {
			press(e, "enter", "tab", "tab")
		}
		for w := 0; w <= 82; w += 7 {
			for h := 0; h <= 24; h += 3 {
				out := view(c, e, w, h)
				lines := strings.Split(out, "\n")
				if len(lines) != max(h, 3) {
					t.Fatalf("%d×%d: %d lines", w, h, len(lines))
				}
				for _, l := range lines {
					if lipgloss.Width(l) > max(w, 10) {
						t.Fatalf("%d×%d: line too wide %q", w, h, l)
					}
				}
			}
		}
	}
	// Page up shows the first message of a long conversation.
	press(e, "pgup", "pgup", "pgup")
	if out := view(c, e, 80, 10); !strings.Contains(out, "se me ha roto el móvil") {
		t.Errorf("page up should reach the first message:\n%s", out)
	}
}

func click(t *testing.T, c *ui.Common, e *ChatExercise, id string) {
	t.Helper()
	old := c.Zones
	c.Zones = zone.New()
	old.Close()
	c.Zones.Scan(e.ViewFull(80, 20))
	deadline := time.Now().Add(2 * time.Second)
	z := c.Zones.Get(id)
	for z.IsZero() {
		if time.Now().After(deadline) {
			t.Fatalf("zone %q is not on screen", id)
		}
		time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
		z = c.Zones.Get(id)
	}
	e.Update(tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
}

func TestMouseOpensAndPresses(t *testing.T) {
	c, _, e := open(t, "es")
	click(t, c, e, "chat-list-dani")
	if e.Open != "dani" {
		t.Fatalf("a click on Dani should open his conversation, open %q", e.Open)
	}
	click(t, c, e, controlZone(0))
	if a := e.TakeCheck().(chatjudge.Answer); a.Last.Kind != chatjudge.ActCall {
		t.Errorf("a click on the first button should call: %+v", a.Last)
	}
}

// BenchmarkChatKey is one key (Tab in an open conversation) with its
// Update and View in the 80×18 area a step has at 80×24.
func BenchmarkChatKey(b *testing.B) {
	_, _, e := open(b, "es")
	press(e, "enter")
	tab := tea.KeyMsg{Type: tea.KeyTab}
	for b.Loop() {
		e.Update(tab)
		_ = e.ViewFull(80, 18)
	}
}

// A conversation's row is two lines, its name and its last message; a
// click on either, where the learner sees it, opens the conversation.
func TestClickOnEitherLineOfARowOpensIt(t *testing.T) {
	c, _, e := open(t, "es")
	for _, conv := range e.X.Chats {
		text, at := e.Preview(conv)
		for _, shown := range []string{conv.Name, string([]rune(firstLine(text))[:12])} {
			old := c.Zones
			c.Zones = zone.New()
			old.Close()
			screen := ansi.Strip(c.Zones.Scan(e.ViewFull(80, 20)))
			last := e.X.Chats[len(e.X.Chats)-1].ID
			deadline := time.Now().Add(2 * time.Second)
			for c.Zones.Get("chat-list-" + last).IsZero() {
				if time.Now().After(deadline) {
					t.Fatal("the list's zones are not known")
				}
				time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
			}
			x, y := -1, -1
			for i, line := range strings.Split(screen, "\n") {
				if j := strings.Index(line, shown); j >= 0 {
					x, y = lipgloss.Width(line[:j])+1, i
					break
				}
			}
			if y < 0 {
				t.Fatalf("%q (%s) is not on the screen:\n%s", shown, at, screen)
			}
			e.Update(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
			if e.Open != conv.ID {
				t.Errorf("a click on %q opened %q, want %q", shown, e.Open, conv.ID)
			}
			e.Close()
		}
	}
}
