package typein

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

// TypeExercise is a text field judged by the lesson's rules. What is typed
// lives only here, in memory, until the step ends.
type TypeExercise struct {
	c     *ui.Common
	ex    *lessons.Type
	Input textinput.Model
}

// typeCharLimit keeps a huge paste from filling the screen or memory.
const typeCharLimit = 200

// NewTypeExercise makes the exercise of a type-in step.
func NewTypeExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	in := textinput.New()
	in.Prompt = "› "
	in.Cursor.SetMode(cursor.CursorStatic) // no blinking: no timers, fewer repaints
	in.CharLimit = typeCharLimit
	in.Placeholder = c.Cat.T("type_placeholder")
	in.Focus()
	return &TypeExercise{c: c, ex: s.Exercise.(*lessons.Type), Input: in}
}

// Update handles keys and clicks meant for the exercise.
func (e *TypeExercise) Update(msg tea.Msg) tea.Cmd {
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
	e.Input, cmd = e.Input.Update(msg)
	return cmd
}

// View draws the exercise.
func (e *TypeExercise) View(width int) string {
	st := e.c.Styles
	e.Input.Width = max(width-6, 1)
	var b strings.Builder
	if e.ex.Label != "" {
		b.WriteString(st.Title.Render(e.ex.Label) + "\n")
	}
	b.WriteString(st.Input.Width(max(width-2, 1)).Render(e.c.InputView(e.Input)))
	return b.String()
}

// Answer is what the learner has given so far.
func (e *TypeExercise) Answer() lessons.Answer { return lessons.TextAnswer(e.Input.Value()) }

// Keys lists the bindings the exercise adds to the help.
func (e *TypeExercise) Keys() []key.Binding { return nil }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *TypeExercise) Typing() bool { return e.Input.Focused() }

// SetDone freezes the exercise once it is solved or shown.
func (e *TypeExercise) SetDone(done bool) {
	if done {
		e.Input.Blur()
	} else {
		e.Input.Focus()
	}
}
