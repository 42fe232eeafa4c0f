package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// typeExercise is a text field judged by the lesson's rules. What is typed
// lives only here, in memory, until the step ends.
type typeExercise struct {
	c     *ui.Common
	ex    *lessons.Type
	input textinput.Model
}

// typeCharLimit keeps a huge paste from filling the screen or memory.
const typeCharLimit = 200

func newTypeExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	in := textinput.New()
	in.Prompt = "› "
	in.Cursor.SetMode(cursor.CursorStatic) // no blinking: no timers, fewer repaints
	in.CharLimit = typeCharLimit
	in.Placeholder = c.Cat.T("type_placeholder")
	in.Focus()
	return &typeExercise{c: c, ex: s.Exercise.(*lessons.Type), input: in}
}

func (e *typeExercise) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes {
		// Pasted tabs and newlines become spaces: the field is one line.
		k.Runes = []rune(strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, string(k.Runes)))
		msg = k
	}
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(msg)
	return cmd
}

func (e *typeExercise) View(width int) string {
	st := e.c.Styles
	e.input.Width = max(width-6, 1)
	var b strings.Builder
	if e.ex.Label != "" {
		b.WriteString(st.Title.Render(e.ex.Label) + "\n")
	}
	b.WriteString(st.Input.Width(max(width-2, 1)).Render(e.input.View()))
	return b.String()
}

func (e *typeExercise) Answer() lessons.Answer { return lessons.TextAnswer(e.input.Value()) }

func (e *typeExercise) Keys() []key.Binding { return nil }

func (e *typeExercise) Typing() bool { return e.input.Focused() }

func (e *typeExercise) SetDone(done bool) {
	if done {
		e.input.Blur()
	} else {
		e.input.Focus()
	}
}
