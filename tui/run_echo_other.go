//go:build !linux && !windows

package tui

// terminalEcho: on other systems what is typed stays visible.
func terminalEcho(int) func(on bool) { return nil }
