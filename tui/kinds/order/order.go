package order

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// OrderExercise lets the learner put items in order: Space picks an item
// up, the arrows move it, Space puts it down. With the mouse: click an item,
// then click the place where it goes.
type OrderExercise struct {
	c       *ui.Common
	step    *lessons.Step
	ex      *lessons.Order
	Ids     []string
	cursor  int
	holding bool
	done    bool
}

// NewOrderExercise makes the exercise of an order step, its items shuffled.
func NewOrderExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	ex := s.Exercise.(*lessons.Order)
	return &OrderExercise{c: c, step: s, ex: ex, Ids: ex.Shuffled(s.ID)}
}

// ZoneID names the mouse zone of item i.
func (e *OrderExercise) ZoneID(i int) string { return fmt.Sprintf("item-%s-%d", e.step.ID, i) }

func (e *OrderExercise) move(to int) {
	to = ui.Clamp(to, 0, len(e.Ids)-1)
	if e.holding && to != e.cursor {
		id := e.Ids[e.cursor]
		e.Ids = append(e.Ids[:e.cursor], e.Ids[e.cursor+1:]...)
		e.Ids = append(e.Ids[:to], append([]string{id}, e.Ids[to:]...)...)
	}
	e.cursor = to
}

// Update handles keys and clicks meant for the exercise.
func (e *OrderExercise) Update(msg tea.Msg) tea.Cmd {
	if e.done {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		k := e.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			e.move(e.cursor - 1)
		case key.Matches(msg, k.Down):
			e.move(e.cursor + 1)
		case key.Matches(msg, k.Grab):
			e.holding = !e.holding
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionRelease || msg.Button != tea.MouseButtonLeft {
			return nil
		}
		for i := range e.Ids {
			if e.c.Zones.Get(e.ZoneID(i)).InBounds(msg) {
				if e.holding {
					e.move(i)
					e.holding = false
				} else {
					e.cursor = i
					e.holding = true
				}
				return nil
			}
		}
	}
	return nil
}

// Answer is what the learner has given so far.
func (e *OrderExercise) Answer() lessons.Answer {
	return lessons.OrderAnswer(append([]string(nil), e.Ids...))
}

// View draws the exercise.
func (e *OrderExercise) View(width int) string {
	var b strings.Builder
	for i, id := range e.Ids {
		it := e.ex.ItemByID(id)
		pointer := "  "
		mark := ""
		if i == e.cursor {
			pointer = "▶ "
			if e.holding {
				pointer = "⇅ "
				mark = "  (" + e.c.Cat.T("order_moving") + ")"
			}
		}
		prefix := fmt.Sprintf("%s%d. ", pointer, i+1)
		ui.WriteOptionRow(&b, e.c, e.ZoneID(i), prefix, it.Text+mark, width, i == 0, i == e.cursor)
	}
	return b.String()
}

// Keys lists the bindings the exercise adds to the help.
func (e *OrderExercise) Keys() []key.Binding {
	k := e.c.Keys
	return []key.Binding{k.Move, k.Grab}
}

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *OrderExercise) Typing() bool { return false }

// SetDone freezes the exercise once it is solved or shown.
func (e *OrderExercise) SetDone(done bool) {
	e.done = done
	e.holding = false
}
