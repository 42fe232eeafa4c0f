package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// chooseExercise is a single or multiple choice question.
type chooseExercise struct {
	c      *ui.Common
	step   *lessons.Step
	ex     *lessons.Choose
	opts   []*lessons.Option // in the order shown
	cursor int
	marked map[string]bool
	done   bool
}

func newChooseExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	ex := s.Exercise.(*lessons.Choose)
	return &chooseExercise{c: c, step: s, ex: ex, opts: ex.Shown(s.ID), marked: map[string]bool{}}
}

func (e *chooseExercise) zoneID(i int) string { return fmt.Sprintf("opt-%s-%d", e.step.ID, i) }

func (e *chooseExercise) Update(msg tea.Msg) tea.Cmd {
	if e.done {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		k := e.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			e.cursor = (e.cursor - 1 + len(e.opts)) % len(e.opts)
		case key.Matches(msg, k.Down):
			e.cursor = (e.cursor + 1) % len(e.opts)
		case key.Matches(msg, k.Mark):
			e.toggle(e.cursor)
		default:
			// A digit picks the option with that number.
			if s := msg.String(); len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
				if i := int(s[0] - '1'); i < len(e.opts) {
					e.cursor = i
					if e.ex.Multiple {
						e.toggle(i)
					}
				}
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionRelease || msg.Button != tea.MouseButtonLeft {
			return nil
		}
		for i := range e.opts {
			if e.c.Zones.Get(e.zoneID(i)).InBounds(msg) {
				e.cursor = i
				if e.ex.Multiple {
					e.toggle(i)
				}
			}
		}
	}
	return nil
}

func (e *chooseExercise) toggle(i int) {
	id := e.opts[i].ID
	e.marked[id] = !e.marked[id]
}

func (e *chooseExercise) Answer() lessons.Answer {
	if !e.ex.Multiple {
		return lessons.ChoiceAnswer{e.opts[e.cursor].ID}
	}
	var ids lessons.ChoiceAnswer
	for _, o := range e.opts {
		if e.marked[o.ID] {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func (e *chooseExercise) View(width int) string {
	st := e.c.Styles
	var b strings.Builder
	for i, o := range e.opts {
		pointer := "  "
		if i == e.cursor {
			pointer = "▶ "
		}
		var box string
		switch {
		case e.ex.Multiple && e.marked[o.ID]:
			box = "[x]"
		case e.ex.Multiple:
			box = "[ ]"
		case i == e.cursor:
			box = "(•)"
		default:
			box = "( )"
		}
		prefix := fmt.Sprintf("%s%d %s ", pointer, i+1, box)
		text := lipgloss.NewStyle().Width(max(width-lipgloss.Width(prefix), 1)).Render(o.Text)
		row := lipgloss.JoinHorizontal(lipgloss.Top, prefix, text)
		if i == e.cursor {
			row = st.Cursor.Render(row)
		}
		if i > 0 {
			b.WriteString(e.c.Gap())
		}
		b.WriteString(e.c.Zones.Mark(e.zoneID(i), row))
	}
	return b.String()
}

func (e *chooseExercise) Keys() []key.Binding {
	k := e.c.Keys
	if e.ex.Multiple {
		return []key.Binding{k.Move, k.Mark}
	}
	return []key.Binding{k.Move}
}

func (e *chooseExercise) Typing() bool      { return false }
func (e *chooseExercise) SetDone(done bool) { e.done = done }
