// Package tuitest holds what the tests of every tui package share: the
// built-in lessons, keys by name, and a terminal without colours so that
// screens do not depend on the terminal that runs the tests.
package tuitest

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"aula/lessons"
)

// Library loads the built-in lessons, failing the test if they have problems.
func Library(t testing.TB) *lessons.Library {
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("built-in lessons have problems: %v", problems)
	}
	return lib
}

// KeyMsg turns a key name ("enter", "ctrl+c", "a"...) into the message Bubble Tea sends for it.
func KeyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	case "f2":
		return tea.KeyMsg{Type: tea.KeyF2}
	case "f4":
		return tea.KeyMsg{Type: tea.KeyF4}
	case "f5":
		return tea.KeyMsg{Type: tea.KeyF5}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "delete":
		return tea.KeyMsg{Type: tea.KeyDelete}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// LipglossWidth is the width of s on screen, in cells.
func LipglossWidth(s string) int { return lipgloss.Width(s) }

// TypeKeys sends s to the program as typed letters.
func TypeKeys(tm *teatest.TestModel, s string) {
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func init() {
	// Screens must not depend on the terminal that runs the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
}
