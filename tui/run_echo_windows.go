//go:build windows

package tui

import "golang.org/x/sys/windows"

// terminalEcho returns a switch for whether the console on fd shows what is
// typed, or nil when fd is not a console (a pipe, a file).
func terminalEcho(fd int) func(on bool) {
	h := windows.Handle(fd)
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return nil
	}
	return func(on bool) {
		var mode uint32
		if err := windows.GetConsoleMode(h, &mode); err != nil {
			return
		}
		if on {
			mode |= windows.ENABLE_ECHO_INPUT
		} else {
			mode &^= windows.ENABLE_ECHO_INPUT
		}
		_ = windows.SetConsoleMode(h, mode) // at worst, what is typed stays visible
	}
}
