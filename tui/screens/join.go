package screens

import (
	"aula/classroom/discovery"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/tui/ui"
)

// Discover finds class hubs on the local network; nil means no discovery.
type Discover func(ctx context.Context) []discovery.Found

// JoinScreen lets a learner join the trainer's class: pick a hub found on
// the network or type its address, then type the session code.
type JoinScreen struct {
	c       *ui.Common
	found   []discovery.Found
	Looking bool
	cursor  int // 0..len(found)-1: a found hub; len(found): the address field; +1: the code field
	addr    textinput.Model
	code    textinput.Model
	msg     string
	busy    bool
	wait    *classroom.Joining // waiting for the trainer (joinwait.go)
	rounds  int                // searches for hubs so far (joinwait.go)
}

// Results of the join screen's commands.
type (
	foundMsg struct {
		hubs []discovery.Found
		d    Discover // to search again
	}
	// JoinedMsg says the laptop joined the class at URL, with its token and the pinned certificate.
	JoinedMsg  struct{ URL, Token, Pin string }
	joinErrMsg struct{ err error }
)

// NewJoinScreen makes the screen that joins a class hub, with url filled in if known.
func NewJoinScreen(c *ui.Common, url string) *JoinScreen {
	mk := func(placeholder string, limit int) textinput.Model {
		in := textinput.New()
		in.Prompt = "› "
		// An example, marked as one ("e.g.") and dimmed, so that an empty
		// box never looks filled in.
		in.Placeholder = placeholder
		in.PlaceholderStyle = c.Styles.Dim
		in.CharLimit = limit
		in.Cursor.SetMode(cursor.CursorStatic)
		return in
	}
	j := &JoinScreen{c: c, addr: mk(c.Cat.T("join_address_example"), 200), code: mk(c.Cat.T("join_code_example"), classroom.CodeDigits+2)}
	j.addr.SetValue(strings.TrimPrefix(url, "https://"))
	j.focus(0)
	if url != "" {
		j.focus(1)
	}
	return j
}

// DiscoverHubs looks for class hubs on the network with d; nil when there is no way to look.
func DiscoverHubs(d Discover) tea.Cmd {
	if d == nil {
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), discoverRound)
		defer cancel()
		return foundMsg{hubs: d(ctx), d: d}
	}
}

// field is which text field the cursor is on: 0 address, 1 code, -1 none.
func (j *JoinScreen) field() int {
	switch j.cursor - len(j.found) {
	case 0:
		return 0
	case 1:
		return 1
	}
	return -1
}

func (j *JoinScreen) focus(field int) {
	j.cursor = len(j.found) + field
	j.addr.Blur()
	j.code.Blur()
	switch field {
	case 0:
		j.addr.Focus()
	case 1:
		j.code.Focus()
	}
}

// Title names the screen at its top.
func (j *JoinScreen) Title() string { return j.c.Cat.T("join_title") }

// HelpText explains the screen in the help overlay.
func (j *JoinScreen) HelpText() string { return j.c.Cat.T("help_join") }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (j *JoinScreen) Typing() bool { return j.field() >= 0 }

// Keys lists the bindings the screen adds to the help.
func (j *JoinScreen) Keys() []key.Binding {
	k := j.c.Keys
	return []key.Binding{k.Move, k.Enter, k.Back}
}

// Update handles keys and clicks meant for the screen.
func (j *JoinScreen) Update(msg tea.Msg) (cmd tea.Cmd) {
	switch msg := msg.(type) {
	case foundMsg:
		if !j.Looking && sameHubs(j.found, msg.hubs) {
			return j.again(msg.d)
		}
		field := j.field()
		j.Looking, j.found = false, msg.hubs
		defer func() { cmd = tea.Batch(cmd, j.again(msg.d)) }() // discovery goes on (joinwait.go)
		if field < 0 {
			field = 0
		}
		if len(j.found) > 0 && j.addr.Value() == "" {
			j.cursor = 0
			j.addr.Blur()
			return nil
		}
		j.focus(field)
		return nil
	case joinErrMsg:
		j.busy, j.wait = false, nil
		j.msg = j.errText(msg.err)
		return nil
	case joinWaitMsg:
		return j.waiting(msg)
	case tea.KeyMsg:
		if j.busy {
			return nil
		}
		return j.key(msg)
	case tea.MouseMsg:
		return j.mouse(msg)
	}
	return nil
}

// key moves between the hubs found and the fields, joins on Enter, and
// gives the rest to the field that has the keyboard.
func (j *JoinScreen) key(msg tea.KeyMsg) tea.Cmd {
	k := j.c.Keys
	switch {
	case key.Matches(msg, k.Up), msg.Type == tea.KeyShiftTab:
		j.move(-1)
		return nil
	case key.Matches(msg, k.Down), msg.Type == tea.KeyTab:
		j.move(1)
		return nil
	case key.Matches(msg, k.Enter):
		return j.enter()
	}
	j.msg = ""
	var cmd tea.Cmd
	switch j.field() {
	case 0:
		j.addr, cmd = j.addr.Update(msg)
	case 1:
		j.code, cmd = j.code.Update(msg)
	}
	return cmd
}

// mouse handles a click on a hub found, a field or the join button.
func (j *JoinScreen) mouse(msg tea.MouseMsg) tea.Cmd {
	if !ui.IsClick(msg) {
		return nil
	}
	for i := range j.found {
		if j.c.Zones.Get(fmt.Sprintf("hub-%d", i)).InBounds(msg) {
			j.cursor = i
			return j.enter()
		}
	}
	switch {
	case j.c.Zones.Get("join-addr").InBounds(msg):
		j.focus(0)
	case j.c.Zones.Get("join-code").InBounds(msg):
		j.focus(1)
	case j.c.Zones.Get("btn-join").InBounds(msg):
		return j.submit()
	}
	return nil
}

func (j *JoinScreen) move(d int) {
	n := len(j.found) + 2
	j.cursor = (j.cursor + d + n) % n
	j.addr.Blur()
	j.code.Blur()
	switch j.field() {
	case 0:
		j.addr.Focus()
	case 1:
		j.code.Focus()
	}
}

func (j *JoinScreen) enter() tea.Cmd {
	switch f := j.field(); {
	case f < 0: // a hub found on the network: take its address
		j.addr.SetValue(strings.TrimPrefix(j.found[j.cursor].URL, "https://"))
		j.focus(1)
		return nil
	case f == 0:
		j.focus(1)
		return nil
	}
	return j.submit()
}

func (j *JoinScreen) submit() tea.Cmd {
	cat := j.c.Cat
	url, err := classroom.NormalizeURL(j.addr.Value())
	if err != nil {
		j.msg = cat.T("join_bad_address")
		j.focus(0)
		return nil
	}
	code := classroom.NormalizeCode(j.code.Value())
	if len(code) != classroom.CodeDigits {
		j.msg = cat.T("join_bad_code")
		j.focus(1)
		return nil
	}
	j.busy, j.msg = true, ""
	return startJoin(j.c.Store, url, code)
}

func (j *JoinScreen) errText(err error) string {
	cat := j.c.Cat
	switch {
	case errors.Is(err, classroom.ErrWrongCode):
		return cat.T("join_wrong_code")
	case errors.Is(err, classroom.ErrTooMany):
		return cat.T("join_too_many")
	case errors.Is(err, classroom.ErrUnreachable):
		return cat.T("join_unreachable")
	}
	if t := joinErrText(cat, err); t != "" {
		return t
	}
	return cat.T("join_failed")
}

// joinCodeWidth fits the code box's example ("p. ej. 482 913") whole.
const joinCodeWidth = 20

// View draws the screen.
func (j *JoinScreen) View() string {
	st, cat := j.c.Styles, j.c.Cat
	w := j.c.TextWidth()
	wrap := ui.Wrapper(w)
	lines := []string{st.Title.Render(cat.T("join_heading")), wrap.Render(cat.T("join_privacy")), ""}
	switch {
	case j.Looking:
		lines = append(lines, st.Dim.Render(cat.T("join_looking")), "")
	case len(j.found) > 0:
		lines = append(lines, cat.T("join_found"))
		for i, h := range j.found {
			row := "  " + h.Name + st.Dim.Render("  "+strings.TrimPrefix(h.URL, "http://"))
			if i == j.cursor {
				row = st.Cursor.Render("▶ "+h.Name) + st.Dim.Render("  "+strings.TrimPrefix(h.URL, "http://"))
			}
			lines = append(lines, j.c.Zones.Mark(fmt.Sprintf("hub-%d", i), row))
		}
		lines = append(lines, "")
	}
	lines = append(lines,
		cat.T("join_address"),
		j.c.Zones.Mark("join-addr", st.Input.Width(min(w, 40)).Render(j.addr.View())),
		cat.T("join_code"),
		j.c.Zones.Mark("join-code", st.Input.Width(joinCodeWidth).Render(j.code.View())),
		ui.Button(j.c, "btn-join", cat.T("btn_join"), j.field() == 1),
	)
	if j.busy {
		lines = append(lines, "", st.Dim.Render(j.busyText()))
	}
	if j.msg != "" {
		lines = append(lines, "", wrap.Render(st.Bad.Render("! ")+j.msg))
	}
	return strings.Join(lines, "\n")
}
