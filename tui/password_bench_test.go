package tui

import (
	"testing"

	"aula/tui/kinds/code"
	"aula/tui/kinds/password"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkKeyOnPasswordStep is one typed letter on the password step:
// Update (which judges the whole password again for the meter) and View.
// The password grows from 0 to 24 characters of words and starts again.
func BenchmarkKeyOnPasswordStep(b *testing.B) {
	d := lessonDriver(b, pwLesson, "password")
	ex := d.player().Ex.(*password.PasswordExercise)
	text := []rune("nube tren queso piano sal")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%len(text) == 0 {
			ex.Fields[0].Wipe()
		}
		d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: text[i%len(text) : i%len(text)+1]})
		_ = d.m.View()
	}
}

// BenchmarkTickOnCodeStep is the once-a-second tick of the code countdown:
// Update and View.
func BenchmarkTickOnCodeStep(b *testing.B) {
	d := lessonDriver(b, codeLesson, "code")
	tick := code.CodeTickMsg{Step: d.player().Step().ID, Sent: 1}
	b.ResetTimer()
	for b.Loop() {
		d.m.Update(tick)
		_ = d.m.View()
	}
}
