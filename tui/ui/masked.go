package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
)

// Masking is for help at a distance (issue 17): while Common.Masked is
// set, the screen is drawn for the trainer's copy, and every box a learner
// types into draws dots, the same number of cells as the text. The copy
// is drawn on the kiosk, so what the learner typed never leaves it.

// maskDot is what a typed character looks like in the trainer's copy.
const maskDot = '•'

// InputView draws a text box: as it is, or in dots while Masked.
func (c *Common) InputView(in textinput.Model) string {
	if c.Masked {
		in.EchoMode, in.EchoCharacter = textinput.EchoPassword, maskDot
	}
	return in.View()
}

// Typed is text the learner typed, as a screen shows it outside its box
// (a form's review, a mail they wrote): as it is, or in dots while Masked.
// Line breaks are kept.
func (c *Common) Typed(s string) string {
	if !c.Masked || s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Repeat(string(maskDot), lipgloss.Width(l))
	}
	return strings.Join(lines, "\n")
}
