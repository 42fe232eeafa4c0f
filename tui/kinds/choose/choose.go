package choose

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// ChooseExercise is a single or multiple choice question.
type ChooseExercise struct {
	c      *ui.Common
	step   *lessons.Step
	Ex     *lessons.Choose
	Opts   []*lessons.Option // in the order shown
	Cursor int
	Marked map[string]bool
	done   bool
}

// NewChooseExercise makes the exercise of a choose step.
func NewChooseExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	ex := s.Exercise.(*lessons.Choose)
	return &ChooseExercise{c: c, step: s, Ex: ex, Opts: ex.Shown(s.ID), Marked: map[string]bool{}}
}

// ZoneID names the mouse zone of item i.
func (e *ChooseExercise) ZoneID(i int) string { return fmt.Sprintf("opt-%s-%d", e.step.ID, i) }

// Update handles keys and clicks meant for the exercise.
func (e *ChooseExercise) Update(msg tea.Msg) tea.Cmd {
	if e.done {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		k := e.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			e.Cursor = (e.Cursor - 1 + len(e.Opts)) % len(e.Opts)
		case key.Matches(msg, k.Down):
			e.Cursor = (e.Cursor + 1) % len(e.Opts)
		case key.Matches(msg, k.Mark):
			e.toggle(e.Cursor)
		default:
			// A digit picks the option with that number.
			if s := msg.String(); len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
				if i := int(s[0] - '1'); i < len(e.Opts) {
					e.Cursor = i
					if e.Ex.Multiple {
						e.toggle(i)
					}
				}
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionRelease || msg.Button != tea.MouseButtonLeft {
			return nil
		}
		for i := range e.Opts {
			if e.c.Zones.Get(e.ZoneID(i)).InBounds(msg) {
				e.Cursor = i
				if e.Ex.Multiple {
					e.toggle(i)
				}
			}
		}
	}
	return nil
}

func (e *ChooseExercise) toggle(i int) {
	id := e.Opts[i].ID
	e.Marked[id] = !e.Marked[id]
}

// Answer is what the learner has given so far.
func (e *ChooseExercise) Answer() lessons.Answer {
	if !e.Ex.Multiple {
		return lessons.ChoiceAnswer{e.Opts[e.Cursor].ID}
	}
	var ids lessons.ChoiceAnswer
	for _, o := range e.Opts {
		if e.Marked[o.ID] {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// View draws the exercise.
func (e *ChooseExercise) View(width int) string {
	var b strings.Builder
	for i, o := range e.Opts {
		pointer := "  "
		if i == e.Cursor {
			pointer = "▶ "
		}
		var box string
		switch {
		case e.Ex.Multiple && e.Marked[o.ID]:
			box = "[x]"
		case e.Ex.Multiple:
			box = "[ ]"
		case i == e.Cursor:
			box = "(•)"
		default:
			box = "( )"
		}
		prefix := fmt.Sprintf("%s%d %s ", pointer, i+1, box)
		ui.WriteOptionRow(&b, e.c, e.ZoneID(i), prefix, o.Text, width, i == 0, i == e.Cursor)
	}
	return b.String()
}

// Keys lists the bindings the exercise adds to the help.
func (e *ChooseExercise) Keys() []key.Binding {
	k := e.c.Keys
	if e.Ex.Multiple {
		return []key.Binding{k.Move, k.Mark}
	}
	return []key.Binding{k.Move}
}

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *ChooseExercise) Typing() bool { return false }

// SetDone freezes the exercise once it is solved or shown.
func (e *ChooseExercise) SetDone(done bool) { e.done = done }
