//go:build windows

package main

// ignoreStopSignals does nothing on Windows: a console program cannot be
// suspended from the keyboard, and Ctrl+C and Ctrl+Break are handled by
// guardSignals.
func ignoreStopSignals() {}
