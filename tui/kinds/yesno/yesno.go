package yesno

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	yesnojudge "aula/lessons/kinds/yesno"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// YesNoExercise shows a statement and two buttons, Yes and No: the arrows
// (or a click) choose one.
type YesNoExercise struct {
	c      *ui.Common
	step   *lessons.Step
	ex     *yesnojudge.YesNo
	choice string // "", "yes" or "no"
	done   bool
}

// NewYesNoExercise makes the exercise of a yesno step.
func NewYesNoExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	return &YesNoExercise{c: c, step: s, ex: s.Exercise.(*yesnojudge.YesNo)}
}

func (e *YesNoExercise) zone(v string) string { return "yesno-" + e.step.ID + "-" + v }

// Update handles keys and clicks meant for the exercise.
func (e *YesNoExercise) Update(msg tea.Msg) tea.Cmd {
	if e.done {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, e.c.Keys.Left):
			e.choice = "yes"
		case key.Matches(msg, e.c.Keys.Right):
			e.choice = "no"
		}
	case tea.MouseMsg:
		for _, v := range []string{"yes", "no"} {
			if ui.IsClick(msg) && e.c.Zones.Get(e.zone(v)).InBounds(msg) {
				e.choice = v
			}
		}
	}
	return nil
}

// View draws the statement and the two buttons.
func (e *YesNoExercise) View(width int) string {
	var b strings.Builder
	b.WriteString(e.c.Styles.Title.Width(max(width, 1)).Render(e.ex.Statement) + "\n\n")
	b.WriteString(ui.Button(e.c, e.zone("yes"), e.c.Cat.T("yesno_yes"), e.choice == "yes") + "  ")
	b.WriteString(ui.Button(e.c, e.zone("no"), e.c.Cat.T("yesno_no"), e.choice == "no"))
	return b.String()
}

// Answer is what the learner has chosen so far.
func (e *YesNoExercise) Answer() lessons.Answer { return yesnojudge.Answer(e.choice) }

// Keys lists the bindings the exercise adds to the help.
func (e *YesNoExercise) Keys() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", e.c.Cat.T("yesno_help")))}
}

// Typing is false: there is no text field.
func (e *YesNoExercise) Typing() bool { return false }

// SetDone freezes the exercise once it is solved or shown.
func (e *YesNoExercise) SetDone(done bool) { e.done = done }
