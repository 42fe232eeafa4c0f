//go:build unix

package tui

import (
	"os/signal"
	"syscall"
)

// ignoreStopSignals keeps a kiosk from being stopped and leaving its
// terminal at a shell prompt: SIGTSTP (Ctrl+Z, were the terminal to send it)
// and SIGQUIT (Ctrl+\, which would also dump the goroutines on screen).
// In raw mode those keys reach Aula as keys; this covers the moments
// before and after, and a signal sent by something else.
func ignoreStopSignals() { signal.Ignore(syscall.SIGTSTP, syscall.SIGQUIT) }

// frameRate is how often Bubble Tea may draw when its renderer is used
// (stdin or stdout not a terminal: see screenProgram). Bubble Tea v1 draws
// only on its ticker, so a key waits up to one frame for its redraw: 120
// frames a second keeps that under 9 ms.
const frameRate = 120
