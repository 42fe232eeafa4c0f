package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
)

// guardSignals is the full screen's signal handling, in place of Bubble
// Tea's (tea.WithoutSignalHandler), in every mode: an interrupt (a Ctrl+C
// that reaches Aula as a signal rather than a key, Ctrl+C or Ctrl+Break in
// a Windows console) asks to leave exactly as the Ctrl+C key does (in
// kiosk mode, that needs the trainer PIN). Bubble Tea's own handling would
// end the program at once.
// SIGTERM and SIGHUP (the system shutting down, the session ending, the
// window closing; on Windows, the console closing or logging off) end Aula
// at once, and main still saves what is queued. Stop signals (Ctrl+Z as a
// signal) are ignored where they exist. It returns a function that stops
// the handling.
func guardSignals(p *tea.Program) (stop func()) {
	ignoreStopSignals()
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case s := <-ch:
				if s == os.Interrupt {
					p.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
				} else {
					p.Quit()
				}
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
