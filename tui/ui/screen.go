// Package ui holds what every screen of the kiosk shares: the context
// (Common), the interfaces the root asks screens through, keys, themes,
// widgets and the recorder.
package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
)

// Screen is one full screen of the app.
type Screen interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	Keys() []key.Binding
	Title() string
	HelpText() string
	Typing() bool
}

// Overlay is drawn over the current screen and takes the keys while open.
type Overlay interface {
	Update(msg tea.Msg) (tea.Cmd, bool) // bool: close the overlay
	View(width, height int) string
}

// Spoken is an optional part of a screen or an exercise: the text F6
// reads aloud.
type Spoken interface{ Spoken() string }

// The root asks a screen through these small interfaces, each optional; it
// never looks at a screen's type or fields.
type (
	// Placed says where the learner is, for the class hub: ids and counts
	// only, never what was typed.
	Placed interface{ Where() Where }
	// GoesHomeOnEsc says that Esc (the word "back" in accessible mode)
	// leaves this screen for home.
	GoesHomeOnEsc interface{ EscGoesHome() bool }
	// AsksToQuitOnQ says that q, while nothing is being typed, asks to
	// close Aula here.
	AsksToQuitOnQ interface{ QAsksToQuit() bool }
	// ForTrainer marks a trainer's screen (behind the trainer PIN): no
	// learner is signed in there, so F4 raises no hand and is not offered.
	ForTrainer interface{ ForTrainer() }
	// TakesEsc says whether Esc means something inside the screen now (to
	// close a form, or ask before a draft is thrown away).
	TakesEsc interface{ WantsEsc() bool }
	// TakesBackWord says whether the word "back" of accessible mode means
	// something inside the screen now where Esc does not: the practice
	// browser's previous page (in full screen, its own key).
	TakesBackWord interface{ WantsBackWord() bool }
	// Glossed lists the words the glossary may explain on the screen now.
	Glossed interface{ GlossaryTerms() []*lessons.Term }
	// ReadsAloud says that the screen is read aloud on its own when the
	// learner turned speech on (a lesson step); Page changes when its
	// content does, which stops what was being said.
	ReadsAloud interface{ Page() int }
	// Closer forgets what was typed as practice when the screen is left.
	Closer interface{ Close() }
	// FullWidth says that the screen wants the whole width (a mail app)
	// rather than a centred reading column.
	FullWidth interface{ FullWidth() bool }
)

// Where is where the learner is: a screen's name and, in a lesson, the
// Lesson and step.
type Where struct {
	Screen    string // "signin", "home", "list", "join", "lesson", "summary"
	Lesson    string
	Steps     int
	Step      string
	StepIndex int
	Misses    int       // misses on this step
	Since     time.Time // when the step was entered
	// Learner and Name: who is coming in while nobody is signed in (the
	// name picked on the sign-in screen, typing a PIN), so that the class
	// sees them signing in rather than gone.
	Learner uint64
	Name    string
}
