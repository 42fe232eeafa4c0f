package tui

import (
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Bubble Tea v1 draws a frame only on its ticker (at most 120 a second):
// a key waits up to 8.3 ms for its redraw, 4 ms on average, whatever
// Update and View cost. On Unix terminals the kiosk draws the frame
// itself, as soon as Update has run (tea.WithoutRenderer and a model that
// wraps the screen's): the redraw of a key leaves when View is done.
// Only the lines that changed are written, as Bubble Tea's renderer does.
// Windows consoles keep Bubble Tea's renderer at a modest frame rate
// (STYLE.md): they are slow to paint.

// Terminal modes the full screen uses, and how to leave them.
const (
	screenModesOn = ansi.SetModeAltScreenSaveCursor + ansi.EraseEntireScreen + ansi.CursorHomePosition +
		ansi.ResetModeTextCursorEnable + ansi.SetModeBracketedPaste + ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr
	screenModesOff = ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr +
		ansi.ResetModeBracketedPaste + ansi.SetModeTextCursorEnable + ansi.ResetModeAltScreenSaveCursor
)

// drawNow is a model that draws its inner model's view after each Update.
type drawNow struct {
	inner tea.Model
	out   io.Writer

	width, height int
	started       bool
	last          []string // the lines on the screen
	buf           strings.Builder
}

func newDrawNow(m tea.Model, out io.Writer) *drawNow { return &drawNow{inner: m, out: out} }

// Init starts the inner model and tells it the terminal's size (Bubble
// Tea without its renderer does not), then draws the first frame.
func (d *drawNow) Init() tea.Cmd {
	cmd := d.inner.Init()
	if d.width > 0 && d.height > 0 {
		var sized tea.Cmd
		d.inner, sized = d.inner.Update(tea.WindowSizeMsg{Width: d.width, Height: d.height})
		cmd = tea.Batch(cmd, sized)
	}
	d.draw()
	return cmd
}

func (d *drawNow) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		d.width, d.height = ws.Width, ws.Height
		d.last = nil // every line again, cut to the new width
		d.buf.WriteString(ansi.EraseEntireScreen)
	}
	var cmd tea.Cmd
	d.inner, cmd = d.inner.Update(msg)
	d.draw()
	return d, cmd
}

// View is empty: Bubble Tea draws nothing (tea.WithoutRenderer).
func (d *drawNow) View() string { return "" }

// draw writes the lines of the view that differ from those on the screen.
func (d *drawNow) draw() {
	if !d.started {
		d.started = true
		d.buf.WriteString(screenModesOn)
	}
	view := d.inner.View()
	if view == "" {
		view = " "
	}
	lines := strings.Split(view, "\n")
	if d.height > 0 && len(lines) > d.height {
		lines = lines[len(lines)-d.height:]
	}
	for i, line := range lines {
		if i < len(d.last) && d.last[i] == line {
			continue
		}
		if d.width > 0 {
			line = ansi.Truncate(line, d.width, "")
		}
		d.buf.WriteString(ansi.CursorPosition(1, i+1))
		d.buf.WriteString(line)
		if d.width == 0 || ansi.StringWidth(line) < d.width {
			d.buf.WriteString(ansi.EraseLineRight)
		}
	}
	if len(d.last) > len(lines) {
		d.buf.WriteString(ansi.CursorPosition(1, len(lines)+1) + ansi.EraseScreenBelow)
	}
	d.last = lines
	if d.buf.Len() > 0 {
		_, _ = io.WriteString(d.out, d.buf.String())
		d.buf.Reset()
	}
}

// close leaves the terminal as it was: no alternate screen, no mouse, a
// cursor.
func (d *drawNow) close() {
	if d.started {
		_, _ = io.WriteString(d.out, screenModesOff)
	}
}
