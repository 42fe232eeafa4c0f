package tui

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	tea "github.com/charmbracelet/bubbletea"
)

// RunOptions is what Run needs besides the kiosk's Config.
type RunOptions struct {
	Config
	// Accessible starts in accessible mode: plain lines of text for a
	// screen reader, read from In and written to Out.
	Accessible bool
	// In and Out are the terminal (os.Stdin and os.Stdout when nil).
	In  *os.File
	Out io.Writer
	// Errors hears what could not be saved when the kiosk closes.
	Errors io.Writer
	// DebugFile, when set, is a file that logs every message the root
	// receives: its type and key fields, never what the learner typed.
	DebugFile string
	// Bind is told where messages from outside (the class hub) go: the
	// running mode's Send, or nil between modes. It may be nil.
	Bind func(send func(msg any))
}

// Run runs the kiosk until the learner closes it: the full screen (Bubble
// Tea) or accessible mode, switching between them when the learner asks,
// signed in. Whatever happens, what is still queued is written before it
// returns. ctx ending closes the kiosk.
func Run(ctx context.Context, o RunOptions) error {
	if o.In == nil {
		o.In = os.Stdin
	}
	if o.Out == nil {
		o.Out = os.Stdout
	}
	if o.Errors == nil {
		o.Errors = io.Discard
	}
	bind := o.Bind
	if bind == nil {
		bind = func(func(any)) {}
	}
	if o.DebugFile != "" {
		f, err := os.OpenFile(o.DebugFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return fmt.Errorf("cannot write the debug log: %w", err)
		}
		defer f.Close()
		o.Debug = f
	}
	cfg := o.Config
	for lines := o.Accessible; ; {
		var (
			m      *Model
			runErr error
		)
		if lines {
			m, runErr = runLines(ctx, cfg, o, bind)
		} else {
			m, runErr = runFullScreen(ctx, cfg, bind)
		}
		bind(nil)
		if _, err := m.Recorder().Flush(); err != nil {
			fmt.Fprintln(o.Errors, m.c.Cat.T("save_failed"), err)
		}
		acc, learner, again := m.Switch()
		if runErr != nil || !again {
			return runErr
		}
		// The learner asked for the other mode: go on there, signed in.
		lines = acc
		cfg.SignedIn, cfg.StartLesson, cfg.Notice, cfg.HubURL = learner, "", "", ""
	}
}

// runLines runs accessible mode once. Ctrl+C asks before leaving, as on
// the full screen; PINs and practice passwords are not shown as typed.
func runLines(ctx context.Context, cfg Config, o RunOptions, bind func(func(any))) (*Model, error) {
	r := NewLines(cfg, o.In, o.Out)
	r.SetEcho(terminalEcho(int(o.In.Fd())))
	bind(r.Send)
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt)
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-interrupt:
				r.Interrupt()
			case <-ctx.Done():
				r.Send(tea.QuitMsg{})
				return
			case <-stop:
				return
			}
		}
	}()
	err := r.Run()
	signal.Stop(interrupt)
	close(stop)
	return r.Model(), err
}

// runFullScreen runs the full screen once.
func runFullScreen(ctx context.Context, cfg Config, bind func(func(any))) (*Model, error) {
	m := New(cfg)
	p, stop := screenProgram(ctx, m)
	bind(func(msg any) { p.Send(msg) })
	err := runProgram(ctx, p)
	stop()
	return m, err
}

// RunScreen runs a full-screen model other than the kiosk (the trainer's
// dashboard) until it quits, with the kiosk's signal handling.
func RunScreen(ctx context.Context, m tea.Model) error {
	p, stop := screenProgram(ctx, m)
	err := runProgram(ctx, p)
	stop()
	return err
}

// newProgram makes a full-screen program drawn by Bubble Tea's renderer:
// the alternate screen, the mouse, the frame rate of this system, and
// signals handled by guardSignals in every mode (a Ctrl+C that arrives as a
// signal asks, as the key does, instead of ending the program at once).
// screenProgram (render_unix.go, render_other.go) is what the screens use:
// on Unix terminals it draws each frame at once instead.
func newProgram(ctx context.Context, m tea.Model) *tea.Program {
	return tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithFPS(frameRate), tea.WithContext(ctx), tea.WithoutSignalHandler())
}

// runProgram runs p under guardSignals.
func runProgram(ctx context.Context, p *tea.Program) error {
	stopGuard := guardSignals(p)
	_, err := p.Run()
	stopGuard()
	if err == tea.ErrProgramKilled && ctx.Err() != nil {
		err = nil // closed from outside, on purpose
	}
	return err
}
