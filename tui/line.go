package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"

	"aula/tui/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// Accessible mode: the kiosk said as plain lines of text, for a screen
// reader (NVDA, Orca). The same root model, screens, exercises, judges,
// recorder and words as the full screen run underneath; only the way in
// and out changes. Each new screen is printed once, in reading order
// (title, instruction, options numbered, what to type); after that only
// what is new is printed (the verdict, a hint, what an action did). Input
// is read one line at a time. There is no box drawing, no colour, no
// cursor movement and no repainting.
//
// The runner does what the Bubble Tea runtime does for the full screen:
// it hands messages to Update and runs the commands that come back. It
// reads the next line only once the commands of the last one have
// finished, so what is printed always belongs to the screen the learner is
// answering (and piped input behaves as typed input does).

// maxLineBytes is the most of one typed (or pasted) line that is kept; the
// rest of the line is dropped.
const maxLineBytes = 16 << 10

// Lines runs the kiosk in accessible mode.
type Lines struct {
	m        *Model
	in       io.Reader
	out      io.Writer
	msgs     chan envelope
	lines    chan string
	done     chan struct{}
	doneOnce sync.Once
	inflight int // commands started and not finished: wait before reading on
	quit     bool
	err      error

	shown      string          // the key of the screen printed last
	said       map[string]bool // news already said on it
	prompt     string          // the last "what to type" printed
	afterInput bool            // a line was just handled: say the screen's message again
	last       string          // the last line written

	echo   func(on bool) // shows or hides what is typed (nil: not a terminal)
	hidden bool          // what is typed is hidden now
}

// SetEcho gives the runner a way to stop the terminal showing what is typed
// while a PIN or a practice password is asked (and to show it again).
func (r *Lines) SetEcho(fn func(on bool)) { r.echo = fn }

// hide hides or shows what is typed, if it changes.
func (r *Lines) hide(h bool) {
	if r.echo != nil && h != r.hidden {
		r.echo(!h)
		r.hidden = h
	}
}

// envelope carries a message back to the runner's loop; done says that a
// command counted in inflight has finished.
type envelope struct {
	msg  tea.Msg
	done bool
}

// backgroundMsg carries a command that runs on its own for as long as it
// likes (speech): the accessible-mode runner does not wait for it before
// reading the next line. The full-screen runtime just runs it.
type backgroundMsg struct{ cmd tea.Cmd }

// background marks cmd as one that nobody waits for.
func background(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg { return backgroundMsg{cmd: cmd} }
}

// NewLines builds the kiosk for accessible mode, reading lines from in and
// writing plain text to out.
func NewLines(cfg Config, in io.Reader, out io.Writer) *Lines {
	r := &Lines{in: in, out: out, msgs: make(chan envelope, 256), lines: make(chan string), done: make(chan struct{}),
		said: map[string]bool{}}
	cfg.Lines = true
	if cfg.Tick == nil {
		cfg.Tick = r.tick
	}
	r.m = New(cfg)
	r.m.c.Lines = true
	return r
}

// Model is the root model underneath, so main can ask it where to go next.
func (r *Lines) Model() *Model { return r.m }

// Send hands the kiosk a message from outside (the class's sync), as
// tea.Program.Send does. It never blocks once the runner has ended.
func (r *Lines) Send(msg any) { r.post(envelope{msg: msg}) }

// Interrupt is Ctrl+C from the terminal: as on the full screen, Aula asks
// whether to leave (everything is saved either way).
func (r *Lines) Interrupt() { r.Send(tea.KeyMsg{Type: tea.KeyCtrlC}) }

func (r *Lines) post(e envelope) {
	select {
	case r.msgs <- e:
	case <-r.done:
	}
}

// tick is Config.Tick for accessible mode: a timer that posts its message.
func (r *Lines) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		time.AfterFunc(d, func() { r.post(envelope{msg: fn(time.Now())}) })
		return nil
	}
}

// Run shows the kiosk until the learner leaves, asks for the full screen,
// or the input ends. The end of the input is leaving: everything is saved.
func (r *Lines) Run() error {
	defer r.doneOnce.Do(func() { close(r.done) })
	defer r.hide(false) // the terminal shows what is typed again
	go r.read()
	r.deliver(envelope{msg: tea.WindowSizeMsg{Width: 80, Height: 24}})
	r.start(r.m.Init())
	input := r.lines
	for !r.quit {
		var next <-chan string
		if r.inflight == 0 {
			next = input
		}
		select {
		case e := <-r.msgs:
			r.deliver(e)
		case text, ok := <-next:
			if !ok {
				// The input has ended: leave as the quit dialog would.
				input = nil
				r.deliver(envelope{msg: ui.QuitMsg{}})
				continue
			}
			r.input(text)
		}
		if r.inflight == 0 && !r.quit {
			r.print()
		}
	}
	return r.err
}

// read sends the input's lines, one at a time, until it ends.
func (r *Lines) read() {
	defer close(r.lines)
	br := bufio.NewReaderSize(r.in, 4096)
	for {
		line, err := readLine(br)
		if err != nil && line == nil {
			return
		}
		select {
		case r.lines <- cleanLine(line):
		case <-r.done:
			return
		}
		if err != nil {
			return
		}
	}
}

// readLine reads one line, keeping at most maxLineBytes of it. A last line
// without a line break counts; nil and an error mean the input has ended.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	got := false
	for {
		frag, more, err := br.ReadLine()
		if err != nil {
			if got {
				return line, nil
			}
			return nil, err
		}
		got = true
		if room := maxLineBytes - len(line); room > 0 {
			line = append(line, frag[:min(len(frag), room)]...)
		}
		if !more {
			if line == nil {
				line = []byte{}
			}
			return line, nil
		}
	}
}

// cleanLine makes typed bytes safe to use: valid UTF-8, tabs as spaces, no
// control characters (an arrow key in a plain terminal sends Esc [ A).
func cleanLine(b []byte) string {
	s := strings.ToValidUTF8(string(b), "")
	s = strings.ReplaceAll(s, "\x1b[", "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// start runs cmd off the loop and counts it until its message is back.
func (r *Lines) start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	r.inflight++
	go func() { r.post(envelope{msg: cmd(), done: true}) }()
}

// deliver hands a message to the model and starts what follows from it.
func (r *Lines) deliver(e envelope) {
	if e.done {
		r.inflight--
	}
	switch msg := e.msg.(type) {
	case nil:
		return
	case tea.QuitMsg:
		r.quit = true
		return
	case backgroundMsg:
		go func() { r.post(envelope{msg: msg.cmd()}) }()
		return
	case tea.BatchMsg:
		for _, c := range msg {
			r.start(c)
		}
		return
	}
	_, cmd := r.m.Update(e.msg)
	r.start(cmd)
}

// input handles one line the learner typed.
func (r *Lines) input(text string) {
	res := r.m.lineTurn(text)
	r.afterInput = true
	if res.Repeat {
		r.shown = ""
	}
	r.write(res.Say...)
	if len(res.Say) > 0 {
		r.prompt = "" // say again what to type, after what was said
	}
	r.start(res.Cmd)
}

// print says what is new: the whole screen if it is another one, else the
// news not yet said, and what to type if that changed.
func (r *Lines) print() {
	f := r.m.lineFrame()
	sticky := r.afterInput
	r.afterInput = false
	news := false
	if f.Key != r.shown {
		r.shown, r.said, r.prompt = f.Key, map[string]bool{}, ""
		r.write("")
		// What explains the new screen comes before it (signed out while
		// away, a damaged data file restored).
		for _, n := range f.News {
			if n.First {
				r.said[n.ID] = true
				r.write(n.Text)
			}
		}
		r.write(f.Lines...)
	}
	for _, n := range f.News {
		if r.said[n.ID] && (!sticky || !n.Sticky) {
			continue
		}
		r.said[n.ID] = true
		r.write(n.Text)
		news = true
	}
	if f.Prompt != "" && (news || f.Prompt != r.prompt) && r.last != f.Prompt {
		r.write(f.Prompt)
	}
	r.prompt = f.Prompt
	r.hide(f.Secret)
}

// write prints lines of text; a line may hold line breaks of its own.
func (r *Lines) write(lines ...string) {
	if r.err != nil {
		return
	}
	for _, l := range lines {
		l = strings.TrimRight(l, " \n")
		r.last = l
		if _, err := fmt.Fprintln(r.out, l); err != nil {
			// Nobody is reading any more: leave, saving what there is.
			r.err = fmt.Errorf("accessible mode: writing: %w", err)
			if !errors.Is(err, io.ErrClosedPipe) {
				r.deliver(envelope{msg: ui.QuitMsg{}})
			}
			return
		}
	}
}
