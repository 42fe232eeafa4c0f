//go:build unix

package tui

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
)

// screenProgram makes the full-screen program of m, drawn at once after
// each Update (render.go) when stdin and stdout are a terminal; stop, once
// the program has ended, leaves the terminal as it was.
func screenProgram(ctx context.Context, m tea.Model) (p *tea.Program, stop func()) {
	in, out := os.Stdin, os.Stdout
	if !term.IsTerminal(in.Fd()) || !term.IsTerminal(out.Fd()) {
		return newProgram(ctx, m), func() {}
	}
	// Without its renderer Bubble Tea leaves the terminal alone: the raw
	// mode and the size are done here.
	state, err := term.MakeRaw(in.Fd())
	if err != nil {
		return newProgram(ctx, m), func() {}
	}
	d := newDrawNow(m, out)
	d.width, d.height, _ = term.GetSize(out.Fd())
	p = tea.NewProgram(d, tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithoutRenderer())
	resized := make(chan os.Signal, 1)
	signal.Notify(resized, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-resized:
				if w, h, err := term.GetSize(out.Fd()); err == nil {
					p.Send(tea.WindowSizeMsg{Width: w, Height: h})
				}
			case <-done:
				return
			}
		}
	}()
	return p, func() {
		signal.Stop(resized)
		close(done)
		d.close()
		_ = term.Restore(in.Fd(), state)
	}
}
