//go:build linux

package tui

import "golang.org/x/sys/unix"

// terminalEcho returns a switch for whether the terminal on fd shows what
// is typed, or nil when fd is not a terminal (a pipe, a file).
func terminalEcho(fd int) func(on bool) {
	if _, err := unix.IoctlGetTermios(fd, unix.TCGETS); err != nil {
		return nil
	}
	return func(on bool) {
		t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
		if err != nil {
			return
		}
		if on {
			t.Lflag |= unix.ECHO
		} else {
			t.Lflag &^= unix.ECHO
		}
		_ = unix.IoctlSetTermios(fd, unix.TCSETS, t) // at worst, what is typed stays visible
	}
}
