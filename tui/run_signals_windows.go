//go:build !unix

package tui

// ignoreStopSignals does nothing on Windows (and systems without job
// control): a console program cannot be
// suspended from the keyboard, and Ctrl+C and Ctrl+Break are handled by
// guardSignals.
func ignoreStopSignals() {}

// frameRate is how often Bubble Tea may draw: modest on Windows consoles,
// which are slow to paint (STYLE.md).
const frameRate = 30
