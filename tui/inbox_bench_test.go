package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/kinds/inbox"
	"aula/tui/player"
)

// inboxBench is a kiosk on the inbox step id of lesson, at 80×24.
func inboxBench(b *testing.B, lesson, id string) *driver {
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		b.Fatal(err)
	}
	d := newDriverOn(b, st, "es", lesson)
	for d.player().Step().ID != id {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	return d
}

// BenchmarkKeyOnInboxList is one arrow key in the message list of the
// biggest practice mailbox (6 emails, one open): Update and View.
func BenchmarkKeyOnInboxList(b *testing.B) {
	d := inboxBench(b, "correo-enganos", "ordenar")
	d.keys("enter")
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			d.m.Update(down)
		} else {
			d.m.Update(up)
		}
		_ = d.m.View()
	}
}

// BenchmarkTypeInEmailBody is one letter typed in a message body: a
// typical one (300 characters over 6 lines) and a long one (2,000 over 40):
// Update and View.
func BenchmarkTypeInEmailBody(b *testing.B) {
	for _, size := range []struct {
		name        string
		width, rows int
	}{{"typical", 49, 6}, {"long", 49, 40}} {
		b.Run(size.name, func(b *testing.B) {
			d := inboxBench(b, "correo-escribir", "escribir")
			d.keys("n", "tab", "tab", "tab")
			ex := d.inbox()
			text := strings.Repeat(strings.Repeat("ñ", size.width)+"\n", size.rows)
			letter := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("á")}
			ex.Form.Body.SetValue(text)
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if i%200 == 0 {
					ex.Form.Body.SetValue(text)
				}
				d.m.Update(letter)
				_ = d.m.View()
			}
		})
	}
}

// BenchmarkSendEmail is pressing Send on a full email: the form closes, the
// email is judged and the answer queued (the disk write runs in a command).
func BenchmarkSendEmail(b *testing.B) {
	d := inboxBench(b, "correo-escribir", "escribir")
	p := d.player()
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		p.State, p.Misses, p.Hint, p.Verdict = player.Asking, 0, false, nil
		p.Ex.SetDone(false)
		ex := d.inbox()
		ex.StartCompose("new", nil)
		ex.Form.Inputs[inbox.FieldTo].SetValue("servicios.sociales@villaejemplo.example")
		ex.Form.Inputs[inbox.FieldSubject].SetValue("Cita con la trabajadora social")
		ex.Form.Body.SetValue("Buenos días:\nQuiero pedir cita con la trabajadora social.\nUn saludo, Lucía")
		ex.Form.FocusOn(inbox.BtnSend)
		b.StartTimer()
		d.m.Update(enter)
		_ = d.m.View()
	}
	b.StopTimer()
	d.m.c.Rec.Flush()
}
