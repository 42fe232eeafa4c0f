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
	if k == "space" {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if t, ok := keyTypes[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// keyTypes are the named keys KeyMsg knows (space is apart: it has a rune).
var keyTypes = map[string]tea.KeyType{
	"enter":     tea.KeyEnter,
	"up":        tea.KeyUp,
	"down":      tea.KeyDown,
	"left":      tea.KeyLeft,
	"right":     tea.KeyRight,
	"esc":       tea.KeyEsc,
	"tab":       tea.KeyTab,
	"backspace": tea.KeyBackspace,
	"f1":        tea.KeyF1,
	"f2":        tea.KeyF2,
	"f4":        tea.KeyF4,
	"f5":        tea.KeyF5,
	"ctrl+c":    tea.KeyCtrlC,
	"shift+tab": tea.KeyShiftTab,
	"delete":    tea.KeyDelete,
	"end":       tea.KeyEnd,
	"home":      tea.KeyHome,
	"pgup":      tea.KeyPgUp,
	"pgdown":    tea.KeyPgDown,
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
