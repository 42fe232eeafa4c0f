//go:build !linux && !windows

package main

// terminalEcho: on other systems what is typed stays visible.
func terminalEcho(int) func(on bool) { return nil }
