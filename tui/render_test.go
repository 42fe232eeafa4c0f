package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// viewModel shows its text; a key message replaces it.
type viewModel struct{ text string }

func (v viewModel) Init() tea.Cmd { return nil }
func (v viewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		v.text = string(k.Runes)
	}
	return v, nil
}
func (v viewModel) View() string { return v.text }

// The frame of a key is written by the Update of the key, and only the
// lines that changed; lines are cut to the width; a new size draws every
// line again; close leaves the terminal's modes.
func TestDrawNow(t *testing.T) {
	var out strings.Builder
	d := newDrawNow(viewModel{"one\ntwo\nthree"}, &out)
	d.width, d.height = 10, 5
	d.Init()
	first := out.String()
	if !strings.HasPrefix(first, screenModesOn) || !strings.Contains(first, "one") || !strings.Contains(first, "three") {
		t.Fatalf("first frame = %q", first)
	}
	out.Reset()
	d.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("one\nTWO\nthree")})
	if got, want := out.String(), ansi.CursorPosition(1, 2)+"TWO"+ansi.EraseLineRight; got != want {
		t.Errorf("a key wrote %q, want only the changed line %q", got, want)
	}
	out.Reset()
	d.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a very long line\nx")})
	if got := out.String(); !strings.Contains(got, "a very lon") || strings.Contains(got, "long") ||
		!strings.HasSuffix(got, ansi.CursorPosition(1, 3)+ansi.EraseScreenBelow) {
		t.Errorf("wrote %q: the line cut at 10 columns, the third line erased", got)
	}
	out.Reset()
	d.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a very long line\nx")})
	if out.Len() != 0 {
		t.Errorf("the same frame wrote %q", out.String())
	}
	d.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	if got := out.String(); !strings.HasPrefix(got, ansi.EraseEntireScreen) || !strings.Contains(got, "a very long line") || !strings.Contains(got, "x") {
		t.Errorf("after a resize wrote %q, want every line again", got)
	}
	out.Reset()
	d.close()
	if out.String() != screenModesOff {
		t.Errorf("close wrote %q", out.String())
	}
}
