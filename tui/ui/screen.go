// Package tui is the learner kiosk: a root model that routes between screens
// (sign-in, home, lesson lists, the lesson player) and one component per
// exercise kind. Update and View do no I/O: disk work runs in commands.
package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// screen is one full screen of the app.
type Screen interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	Keys() []key.Binding
	Title() string
	HelpText() string
	Typing() bool
}

// overlay is drawn over the current screen and takes the keys while open.
type Overlay interface {
	Update(msg tea.Msg) (tea.Cmd, bool) // bool: close the overlay
	View(width, height int) string
}

// Spoken is an optional part of a screen or an exercise: the text F6
// reads aloud.
type Spoken interface{ Spoken() string }
