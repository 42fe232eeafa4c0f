package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
)

// exercise is the interactive part of a step, one implementation per step
// kind. The player owns everything around it: title, instruction, checking,
// feedback, hints and saving.
type exercise interface {
	// Update handles keys and clicks meant for the exercise.
	Update(msg tea.Msg) tea.Cmd
	// View draws the exercise in width columns.
	View(width int) string
	// Answer is what the learner has given so far.
	Answer() lessons.Answer
	// Keys are the bindings the exercise adds to the screen's help.
	Keys() []key.Binding
	// Typing says whether a text field has the keyboard, so that letters
	// such as q and ? are text, not commands.
	Typing() bool
	// SetDone freezes the exercise once it is solved or shown.
	SetDone(done bool)
}

// components maps a step kind to the constructor of its exercise. A new kind
// needs one entry here and one in lessons.
var components = map[string]func(c *Common, s *lessons.Step) exercise{
	"read":   func(*Common, *lessons.Step) exercise { return readExercise{} },
	"choose": newChooseExercise,
	"type":   newTypeExercise,
	"order":  newOrderExercise,
	"form":   newFormExercise,
}

// fullScreen is an optional interface for an exercise that needs the whole
// content area (a form). While the step is asked the player draws only a
// heading and the instruction above it, gives it every size, and lets it
// handle Enter, paging and the mouse wheel itself; it asks for judging with
// checkAnswerMsg and records its own findings with fieldOutcomesMsg.
type fullScreen interface {
	ViewSized(width, height int) string
	// Wide says whether it uses more than the reading column (the persona
	// card beside a form), so the root does not centre it.
	Wide() bool
}

// leaveGuard is an optional interface for an exercise that Esc must not
// simply leave: it may close a panel of its own first, or ask before the
// learner loses what they typed.
type leaveGuard interface {
	// Esc uses Esc inside the exercise; it reports whether it did.
	Esc() bool
	// Unsaved says whether leaving the lesson now loses answers.
	Unsaved() bool
}

// readExercise is the empty exercise of an information card.
type readExercise struct{}

func (readExercise) Update(tea.Msg) tea.Cmd { return nil }
func (readExercise) View(int) string        { return "" }
func (readExercise) Answer() lessons.Answer { return nil }
func (readExercise) Keys() []key.Binding    { return nil }
func (readExercise) Typing() bool           { return false }
func (readExercise) SetDone(bool)           {}
