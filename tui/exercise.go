package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/ui"
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

// Optional parts of an exercise, checked with a type assertion by the
// player. Most kinds need none of them.
type (
	// starter starts what the exercise needs while it is on screen (a
	// once-a-second tick for a code that expires).
	starter interface{ Start() tea.Cmd }
	// enterTaker may use Enter before the player checks the answer (to go
	// from one box to the next); it reports whether it did.
	enterTaker interface{ TakeEnter() bool }
	// judgedTaker hears the verdict on its answer (to empty a box that was
	// wrong), and may say it in words of its own ("" for the usual ones).
	judgedTaker interface {
		Judged(v lessons.Verdict)
		Say(v lessons.Verdict) string
	}
	// wiper forgets what the learner typed: called when the step is left,
	// whether solved or not.
	wiper interface{ Wipe() }
	// outcomeTaker finds mistakes on its own before any answer is checked
	// (a form page that cannot go on until it is valid). After each update
	// the player records what TakeOutcomes returns, once: mistake ids from
	// the lesson file, never values, as outcomes that are not attempts (no
	// miss counts towards the hint or the worked example).
	outcomeTaker interface{ TakeOutcomes() []string }
)

// components maps a step kind to the constructor of its exercise. A new kind
// needs one entry here and one in lessons.
var components = map[string]func(c *ui.Common, s *lessons.Step) exercise{
	"read":     func(*ui.Common, *lessons.Step) exercise { return readExercise{} },
	"choose":   newChooseExercise,
	"type":     newTypeExercise,
	"order":    newOrderExercise,
	"password": newPasswordExercise,
	"code":     newCodeExercise,
	"scenario": newScenarioExercise,
	"phrase":   newPhraseExercise,
	"inbox":    newInboxExercise,
	"form":     newFormExercise,
}

// fullExercise is an optional interface (checked with a type assertion by
// the player) for an exercise that is a whole application, such as the mail
// app of inbox steps or the online form of form steps. While the step is being answered:
//   - it is drawn in all the room the player has (ViewFull), across the
//     whole width;
//   - it takes Enter for itself: the learner checks with the exercise's own
//     key or the Check button;
//   - it takes Esc while WantsEsc says so (to close a form, or ask before a
//     draft is thrown away), instead of Esc going home;
//   - after an action that may finish the task it hands the player an
//     answer to check (TakeCheck), so a sent email is judged at once.
type fullExercise interface {
	exercise
	// ViewFull draws the exercise in exactly width×height cells.
	ViewFull(width, height int) string
	// WantsEsc says whether Esc means something inside the exercise now.
	WantsEsc() bool
	// TakeCheck returns, once, an answer to check after an action, or nil.
	TakeCheck() lessons.Answer
	// CheckKey is the exercise's own key for "check", shown on the Check
	// button. A disabled binding means the exercise has a submit button of
	// its own (a form): the player then draws no Check button.
	CheckKey() key.Binding
}

// readExercise is the empty exercise of an information card.
type readExercise struct{}

func (readExercise) Update(tea.Msg) tea.Cmd { return nil }
func (readExercise) View(int) string        { return "" }
func (readExercise) Answer() lessons.Answer { return nil }
func (readExercise) Keys() []key.Binding    { return nil }
func (readExercise) Typing() bool           { return false }
func (readExercise) SetDone(bool)           {}
