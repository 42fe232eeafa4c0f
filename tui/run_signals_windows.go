//go:build !unix

package tui

// ignoreStopSignals does nothing on Windows (and systems without job
// control): a console program cannot be
// suspended from the keyboard, and Ctrl+C and Ctrl+Break are handled by
// guardSignals.
func ignoreStopSignals() {}
