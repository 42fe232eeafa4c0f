// Package exercise is the contract between the lesson player and the
// step kinds: an exercise in full screen and said as lines.
package exercise

import (
	"reflect"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/ui"
)

// Exercise is the interactive part of a step, one implementation per step
// Kind. The player owns everything around it: title, instruction, checking,
// feedback, hints and saving.
type Exercise interface {
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
	// Starter starts what the exercise needs while it is on screen (a
	// once-a-second tick for a code that expires).
	Starter interface{ Start() tea.Cmd }
	// EnterTaker may use Enter before the player checks the answer (to go
	// from one box to the next); it reports whether it did.
	EnterTaker interface{ TakeEnter() bool }
	// JudgedTaker hears the verdict on its answer (to empty a box that was
	// wrong), and may say it in words of its own ("" for the usual ones).
	JudgedTaker interface {
		Judged(v lessons.Verdict)
		Say(v lessons.Verdict) string
	}
	// Wiper forgets what the learner typed: called when the step is left,
	// whether solved or not.
	Wiper interface{ Wipe() }
	// OutcomeTaker finds mistakes on its own before any answer is checked
	// (a form page that cannot go on until it is valid). After each update
	// the player records what TakeOutcomes returns, once: mistake ids from
	// the lesson file, never values, as outcomes that are not attempts (no
	// miss counts towards the hint or the worked example).
	OutcomeTaker interface{ TakeOutcomes() []string }
	// AnswerComparer says whether two of its answers are the same answer,
	// for an exercise whose answers hold more than the learner gave (the
	// time a form's answer was taken).
	AnswerComparer interface {
		SameAnswer(a, b lessons.Answer) bool
	}
	// Resumer is an exercise of many pages (the online form) whose
	// answers are never stored. Reached is the first page the learner has
	// not passed yet; the player stores that number, and after a crash
	// ResumeAt shows that page with the pages before it filled in with the
	// lesson's fictional practice data. Pages is how many pages there are.
	Resumer interface {
		Reached() int
		Pages() int
		ResumeAt(page int)
	}
)

// SameAnswer says whether a and b, two answers of ex, are the same answer:
// the player shows a verdict as about the answer before once they differ.
func SameAnswer(ex Exercise, a, b lessons.Answer) bool {
	if c, ok := ex.(AnswerComparer); ok {
		return c.SameAnswer(a, b)
	}
	return reflect.DeepEqual(a, b)
}

// Full is an optional interface (checked with a type assertion by
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
type Full interface {
	Exercise
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

// ReadExercise is the empty exercise of an information card.
type ReadExercise struct{}

// Update handles keys and clicks meant for the exercise.
func (ReadExercise) Update(tea.Msg) tea.Cmd { return nil }

// View draws the exercise.
func (ReadExercise) View(int) string { return "" }

// Answer is what the learner has given so far.
func (ReadExercise) Answer() lessons.Answer { return nil }

// Keys lists the bindings the exercise adds to the help.
func (ReadExercise) Keys() []key.Binding { return nil }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (ReadExercise) Typing() bool { return false }

// SetDone freezes the exercise once it is solved or shown.
func (ReadExercise) SetDone(bool) {}

// LineExercise is an exercise said as plain lines in accessible mode. It
// sits on the exercise the player made for the step (the same one the full
// screen uses) and turns typed lines into what keys would do there: the
// player still checks the answer, says the verdict, counts misses, gives
// the hint and the worked example, and saves. A new step kind needs one
// small adapter registered in lineKinds.
type LineExercise interface {
	// Describe is what the learner needs besides the step's title and
	// instruction, in reading order: the options numbered, the SMS, the
	// scene. It is printed once, when the step opens.
	Describe() []string
	// Prompt says what to type now.
	Prompt() string
	// Line takes one typed line. It changes the exercise as keys would,
	// says what happened (nothing, usually), and reports whether the player
	// should check the answer now.
	Line(text string) (say []string, check bool)
}

// Optional parts of a lineExercise, checked with a type assertion.
type (
	// LineSayer words a verdict for accessible mode when the exercise's
	// usual words speak of keys ("press F5"); "" keeps the usual ones.
	LineSayer interface {
		LineSay(v lessons.Verdict) string
	}
	// LineBrowser still takes lines once the step is over (looking around
	// the mailbox); "" lines and the word for "go on" still go on.
	LineBrowser interface{ Browse(text string) []string }
	// LineNewser says what changed on its own (a timer ran out, a
	// receipt came), each note once, like a verdict.
	LineNewser interface{ LineNews() []access.Note }
	// LineCmder hands the runner a command after a line (the form's
	// timer, which keys would ask for in Update).
	LineCmder interface{ LineCmd() tea.Cmd }
	// LineSecret says that what is typed now is a practice password: the
	// terminal does not show it, as the full screen masks it.
	LineSecret interface{ Secret() bool }
)

// AdaptLines makes the lines of ex with build when ex is an E (from a
// component of another type, which components never make, it makes a read
// step's lines rather than panic). A kind's line constructor is a function
// that calls it, so that the kind's package needs no work at start.
func AdaptLines[E Exercise](c *ui.Common, ex Exercise, build func(c *ui.Common, e E) LineExercise) LineExercise {
	if e, ok := ex.(E); ok {
		return build(c, e)
	}
	return ReadLines{C: c}
}

// ReadLines is an information card: Enter goes on.
type ReadLines struct{ C *ui.Common }

// Describe says nothing more: a reading step has no exercise.
func (ReadLines) Describe() []string { return nil }

// Prompt asks for Enter to go on.
func (r ReadLines) Prompt() string { return r.C.Cat.T("line_press_enter") }

// Line takes any line as done.
func (ReadLines) Line(string) ([]string, bool) { return nil, true }

// Kind is one step kind as the terminal interface knows it: registered once
// (in package aula/tui/kinds), from which the player makes the full-screen
// Exercise and accessible mode its adapter. Name is the name of the kind's
// judge in package lessons.
type Kind struct {
	// Name is the step kind, as lesson files write it ("choose").
	Name string
	// New makes the full-screen exercise of a step.
	New func(c *ui.Common, s *lessons.Step) Exercise
	// Lines makes the accessible-mode adapter of the exercise New made for
	// the same step.
	Lines func(c *ui.Common, s *lessons.Step, ex Exercise) LineExercise
}

// Read is the kind of an information card: nothing to answer.
var Read = Kind{
	Name:  "read",
	New:   func(*ui.Common, *lessons.Step) Exercise { return ReadExercise{} },
	Lines: func(c *ui.Common, _ *lessons.Step, _ Exercise) LineExercise { return ReadLines{C: c} },
}

// ToCheck holds the answer a practice application hands the player after
// an action (Full.TakeCheck): an exercise embeds it, calls Put after each
// action, and the player takes the answer once.
type ToCheck[A lessons.Answer] struct{ a *A }

// Put keeps a as the answer to check.
func (p *ToCheck[A]) Put(a A) { p.a = &a }

// TakeCheck returns, once, the answer kept, or nil.
func (p *ToCheck[A]) TakeCheck() lessons.Answer {
	if p.a == nil {
		return nil
	}
	a := *p.a
	p.a = nil
	return a
}
