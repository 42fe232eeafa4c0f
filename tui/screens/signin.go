package screens

import (
	"aula/store/plainname"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/ui"
)

// signInMode is the part of the sign-in the learner is in.
type signInMode int

const (
	loading   signInMode = iota // the list of learners is on its way
	pickName                    // choose your name from the list
	addName                     // write your name
	askPIN                      // do you want a PIN?
	newPIN                      // write a PIN
	repeatPIN                   // write it again
	enterPIN                    // write your PIN to come in
	pinLocked                   // three wrong PINs: ask the trainer
	sameName                    // the new name is nearly one on the list: is it you?
)

// SignIn lets a learner pick their name or add themselves; no email, no
// password. A PIN is optional.
type SignIn struct {
	c        *ui.Common
	mode     signInMode
	learners []store.Learner
	cursor   int
	scroll   ui.Scroll // the list of learners' window when it doesn't fit
	input    textinput.Model
	name     string // the name being added
	pin      string // the PIN being set, until it is confirmed
	choice   int    // in askPIN: 0 no, 1 yes
	msg      string // what went wrong last
	busy     bool   // a PIN is being hashed or checked
	auto     bool   // at start-up, the only learner of a laptop goes straight in
	// lockedUntil is when the name on screen can try a PIN again (the
	// store keeps the lock: store.TryPIN).
	lockedUntil time.Time
	near        int    // in sameName: the learner whose name is nearly the new one
	note        string // a gentle word about the PIN being chosen (easy to guess)
	warned      string // the easy PIN that note was about
}

// Results of sign-in commands.
type (
	learnerAddedMsg struct {
		learner store.Learner
		err     error
	}
	pinCheckedMsg struct {
		learner store.Learner
		res     store.PINTry
		err     error
	}
)

// NewSignIn makes the sign-in screen; auto says it came up on its own (not asked for).
func NewSignIn(c *ui.Common, auto bool) *SignIn {
	in := textinput.New()
	in.Prompt = "› "
	in.Cursor.SetMode(cursor.CursorStatic) // no blinking: no timers, fewer repaints
	return &SignIn{c: c, input: in, auto: auto}
}

// Title names the screen at its top.
func (s *SignIn) Title() string { return s.c.Cat.T("signin_title") }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (s *SignIn) Typing() bool {
	switch s.mode {
	case addName, newPIN, repeatPIN, enterPIN:
		return true
	}
	return false
}

// HelpText explains the screen in the help overlay.
func (s *SignIn) HelpText() string { return s.c.Cat.T("help_signin") }

// Keys lists the bindings the screen adds to the help.
func (s *SignIn) Keys() []key.Binding {
	k := s.c.Keys
	switch s.mode {
	case pickName:
		return []key.Binding{k.Move, k.Enter, k.Quit}
	case askPIN, sameName:
		return []key.Binding{k.Move, k.Enter, k.Back}
	case pinLocked:
		return []key.Binding{k.Enter}
	}
	if len(s.learners) == 0 {
		return []key.Binding{k.Enter}
	}
	return []key.Binding{k.Enter, k.Back}
}

// rows of the list: every learner, then "add my name".
func (s *SignIn) rows() int { return len(s.learners) + 1 }

func (s *SignIn) startInput(placeholder string, secret bool) {
	s.input.Reset()
	s.input.Placeholder = placeholder
	if secret {
		s.input.EchoMode = textinput.EchoPassword
		s.input.EchoCharacter = '•'
		s.input.CharLimit = 4
	} else {
		s.input.EchoMode = textinput.EchoNormal
		s.input.CharLimit = store.MaxNameLen
	}
	s.input.Focus()
}

// Update handles keys and clicks meant for the screen.
func (s *SignIn) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ui.LearnersMsg:
		return s.learnersLoaded(msg)
	case learnerAddedMsg:
		s.busy = false
		if msg.err != nil {
			s.mode, s.msg = addName, s.nameError(msg.err)
			s.startInput(s.c.Cat.T("name_placeholder"), false)
			return nil
		}
		return ui.Send(ui.SignedInMsg{Learner: msg.learner, Shared: len(s.learners) > 0 || msg.learner.HasPIN()})
	case pinCheckedMsg:
		return s.pinChecked(msg)
	case tea.KeyMsg:
		if s.busy || s.mode == loading { // loading: nothing to type into yet, letters are not a PIN
			return nil
		}
		return s.key(msg)
	case tea.MouseMsg:
		return s.mouse(msg)
	}
	return nil
}

// learnersLoaded shows the learners of this laptop, or signs the only one
// in straight away.
func (s *SignIn) learnersLoaded(msg ui.LearnersMsg) tea.Cmd {
	if msg.Err != nil {
		s.msg = s.c.Cat.T("load_failed")
		return nil
	}
	s.learners = msg.Learners
	s.cursor = 0
	switch len(s.learners) {
	case 0:
		s.mode = addName
		s.startInput(s.c.Cat.T("name_placeholder"), false)
	case 1:
		if s.auto && !s.learners[0].HasPIN() {
			// One learner on this laptop: straight in.
			return ui.Send(ui.SignedInMsg{Learner: s.learners[0]})
		}
		s.mode = pickName
	default:
		s.mode = pickName
	}
	return nil
}

// pinChecked signs in on the right PIN, counts a wrong one and locks the
// learner out after too many.
func (s *SignIn) pinChecked(msg pinCheckedMsg) tea.Cmd {
	s.busy = false
	if msg.err != nil {
		s.msg = s.c.Cat.T("load_failed")
		return nil
	}
	if msg.res.OK {
		return ui.Send(ui.SignedInMsg{Learner: msg.learner, Shared: true})
	}
	if !msg.res.Until.IsZero() {
		for i := range s.learners {
			if s.learners[i].ID == msg.learner.ID {
				s.learners[i].PINLock = store.PINLock{Until: msg.res.Until}
			}
		}
		s.mode, s.msg, s.lockedUntil = pinLocked, "", msg.res.Until
		return nil
	}
	s.msg = s.c.Cat.T("pin_wrong", "Count", msg.res.Left)
	s.startInput("", true)
	return nil
}

// mouse handles a click on a learner or on an answer to "a PIN?".
func (s *SignIn) mouse(msg tea.MouseMsg) tea.Cmd {
	if s.mode == pickName && ui.IsClick(msg) {
		for i := 0; i < s.rows(); i++ {
			if s.c.Zones.Get(fmt.Sprintf("who-%d", i)).InBounds(msg) {
				s.cursor = i
				return s.pick()
			}
		}
	}
	if s.mode == sameName && ui.IsClick(msg) {
		for i := 0; i < 2; i++ {
			if s.c.Zones.Get(fmt.Sprintf("same-%d", i)).InBounds(msg) {
				s.choice = i
				return s.answerSameName()
			}
		}
	}
	if s.mode == askPIN && ui.IsClick(msg) {
		for i := 0; i < 2; i++ {
			if s.c.Zones.Get(fmt.Sprintf("pinq-%d", i)).InBounds(msg) {
				s.choice = i
				return s.answerPINQuestion()
			}
		}
	}
	return nil
}

func (s *SignIn) key(msg tea.KeyMsg) tea.Cmd {
	k := s.c.Keys
	cat := s.c.Cat
	switch s.mode {
	case pickName:
		switch {
		case key.Matches(msg, k.Up):
			s.cursor = (s.cursor - 1 + s.rows()) % s.rows()
		case key.Matches(msg, k.Down):
			s.cursor = (s.cursor + 1) % s.rows()
		case key.Matches(msg, k.Enter):
			return s.pick()
		}
		return nil
	case sameName, askPIN:
		return s.questionKey(msg)
	case pinLocked:
		if key.Matches(msg, k.Enter) || key.Matches(msg, k.Back) {
			s.mode, s.msg = pickName, ""
		}
		return nil
	}

	// Text modes.
	switch {
	case key.Matches(msg, k.Back):
		s.msg = ""
		if len(s.learners) > 0 {
			s.mode = pickName
		} else {
			s.mode = addName
			s.startInput(cat.T("name_placeholder"), false)
		}
		return nil
	case key.Matches(msg, k.Enter):
		return s.submit()
	}
	if s.mode != addName && msg.Type == tea.KeyRunes {
		// A PIN is digits only.
		msg.Runes = []rune(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, string(msg.Runes)))
		if len(msg.Runes) == 0 {
			s.msg = cat.T("pin_digits_only")
			return nil
		}
	}
	if s.mode == addName && msg.Type == tea.KeyRunes {
		// What is typed is what is kept: an emoji's skin tone or joiner,
		// which the store leaves out, does not show either.
		msg.Runes = []rune(plainname.Of(string(msg.Runes)))
		if len(msg.Runes) == 0 {
			return nil
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// pick acts on the row under the cursor.
func (s *SignIn) pick() tea.Cmd {
	s.msg = ""
	if s.cursor == len(s.learners) {
		s.mode = addName
		s.startInput(s.c.Cat.T("name_placeholder"), false)
		return nil
	}
	l := s.learners[s.cursor]
	if !l.HasPIN() {
		return ui.Send(ui.SignedInMsg{Learner: l, Shared: len(s.learners) > 1})
	}
	if l.Locked(s.c.Now()) {
		s.mode, s.lockedUntil = pinLocked, l.PINLock.Until
		return nil
	}
	s.mode = enterPIN
	s.startInput("", true)
	return nil
}

// questionKey handles a key on a question about the name being added
// ("Are you …?", "Would you like a PIN?"): two answers; Esc goes back to
// the name.
func (s *SignIn) questionKey(msg tea.KeyMsg) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.Up), key.Matches(msg, k.Down), key.Matches(msg, k.Tab):
		s.choice = 1 - s.choice
	case key.Matches(msg, k.Enter):
		if s.mode == sameName {
			return s.answerSameName()
		}
		return s.answerPINQuestion()
	case key.Matches(msg, k.Back):
		s.mode = addName
		s.startInput(s.c.Cat.T("name_placeholder"), false)
		s.input.SetValue(s.name)
	}
	return nil
}

// answerSameName: 0 "yes, that is me" signs in as the learner on the
// list; 1 adds the new name all the same.
func (s *SignIn) answerSameName() tea.Cmd {
	if s.choice == 0 {
		s.cursor = s.near
		return s.pick()
	}
	s.mode, s.choice = askPIN, 0
	return nil
}

// sameNameOptions are the two answers to "Are you …?".
func (s *SignIn) sameNameOptions() []string {
	cat := s.c.Cat
	return []string{cat.T("same_name_yes", "Name", s.learners[s.near].Name), cat.T("same_name_no", "New", s.name)}
}

func (s *SignIn) answerPINQuestion() tea.Cmd {
	if s.choice == 1 {
		s.mode = newPIN
		s.startInput("", true)
		return nil
	}
	return s.create("")
}

// submit handles Enter in a text field.
func (s *SignIn) submit() tea.Cmd {
	cat := s.c.Cat
	v := s.input.Value()
	switch s.mode {
	case addName:
		name := strings.TrimSpace(v)
		if err := store.CheckName(name); err != nil {
			s.msg = s.nameError(err)
			return nil
		}
		for _, l := range s.learners {
			if strings.EqualFold(l.Name, name) {
				s.msg = s.nameError(store.ErrNameTaken)
				return nil
			}
		}
		s.name, s.msg, s.choice = name, "", 0
		if i := nearName(s.learners, name); i >= 0 {
			s.mode, s.near = sameName, i
			return nil
		}
		s.mode = askPIN
		return nil
	case newPIN:
		if !fourDigits(v) {
			s.msg = cat.T("pin_need_four")
			return nil
		}
		if ui.EasyPIN(v) && s.warned != v {
			// Said once, gently: the same PIN again is their choice.
			s.warned, s.msg, s.note = v, "", cat.T("pin_easy")
			s.startInput("", true)
			return nil
		}
		s.pin, s.msg, s.note = v, "", ""
		s.mode = repeatPIN
		s.startInput("", true)
		return nil
	case repeatPIN:
		if v != s.pin {
			s.pin, s.msg = "", cat.T("pin_mismatch")
			s.mode = newPIN
			s.startInput("", true)
			return nil
		}
		pin := s.pin
		s.pin = ""
		return s.create(pin)
	case enterPIN:
		if !fourDigits(v) {
			s.msg = cat.T("pin_need_four")
			return nil
		}
		l := s.learners[s.cursor]
		s.busy = true
		s.input.Reset()
		st, now := s.c.Store, s.c.Now()
		return func() tea.Msg {
			res, err := st.TryPIN(l.ID, v, now)
			return pinCheckedMsg{learner: l, res: res, err: err}
		}
	}
	return nil
}

// create adds the learner in a command: hashing a PIN is slow on purpose.
func (s *SignIn) create(pin string) tea.Cmd {
	s.busy = true
	name, st := s.name, s.c.Store
	return func() tea.Msg {
		l, err := st.AddLearner(name, pin)
		return learnerAddedMsg{learner: l, err: err}
	}
}

func (s *SignIn) nameError(err error) string {
	switch {
	case errors.Is(err, store.ErrNameTaken):
		return s.c.Cat.T("name_taken")
	case errors.Is(err, store.ErrBadName):
		return s.c.Cat.T("name_bad", "Max", store.MaxNameLen)
	}
	return s.c.Cat.T("load_failed")
}

func fourDigits(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// viewWho is the list of learners to pick from, with "add me" last.
func (s *SignIn) viewWho(wrap ui.Wrapper) []string {
	st, cat := s.c.Styles, s.c.Cat
	var pg ui.Page
	pg.Fixed(st.Title.Render(cat.T("who_are_you")), wrap.Render(cat.T("who_are_you_text")), "")
	for i := 0; i < s.rows(); i++ {
		label := "+ " + cat.T("add_me")
		if i < len(s.learners) {
			label = s.learners[i].Name
			if s.learners[i].HasPIN() {
				label += st.Dim.Render("  (" + cat.T("has_pin") + ")")
			}
		}
		row := "  " + label
		if i == s.cursor {
			row = st.Cursor.Render("▶ " + label)
		}
		from := pg.Len()
		if s.c.Large && i > 0 {
			pg.Add("")
		}
		pg.Add(s.c.Zones.Mark(fmt.Sprintf("who-%d", i), row))
		if i == s.cursor {
			pg.Select(from)
		}
	}
	// Two lines stay free for a message under the list.
	return []string{pg.Show(&s.scroll, max(s.c.Height-2, 1))}
}

// addChoices adds rows of one choice among a few, the one chosen marked,
// each a click zone named zone-i.
func (s *SignIn) addChoices(parts *[]string, zone string, labels []string) {
	st := s.c.Styles
	for i, label := range labels {
		row := "  ( ) " + label
		if i == s.choice {
			row = st.Cursor.Render("▶ (•) " + label)
		}
		if s.c.Large && i > 0 {
			*parts = append(*parts, "")
		}
		*parts = append(*parts, s.c.Zones.Mark(fmt.Sprintf("%s-%d", zone, i), row))
	}
}

// View draws the screen.
func (s *SignIn) View() string {
	st, cat := s.c.Styles, s.c.Cat
	w := s.c.TextWidth()
	wrap := ui.Wrapper(w)
	var parts []string
	add := func(lines ...string) { parts = append(parts, lines...) }
	switch s.mode {
	case loading:
		add(cat.T("loading"))
	case pickName:
		parts = s.viewWho(wrap)
	case addName:
		if len(s.learners) == 0 {
			add(st.Title.Render(cat.T("welcome")), wrap.Render(cat.T("welcome_text")), "")
		}
		add(st.Title.Render(cat.T("your_name")), wrap.Render(cat.T("your_name_text")), "",
			st.Input.Width(min(w, 40)).Render(s.input.View()))
	case sameName:
		near := s.learners[s.near].Name
		add(st.Title.Render(cat.T("same_name_title", "Name", near)), wrap.Render(cat.T("same_name_text", "Name", near, "New", s.name)), "")
		s.addChoices(&parts, "same", s.sameNameOptions())
	case askPIN:
		add(st.Title.Render(cat.T("want_pin", "Name", s.name)), wrap.Render(cat.T("want_pin_text")), "")
		s.addChoices(&parts, "pinq", []string{cat.T("pin_no"), cat.T("pin_yes")})
	case newPIN, repeatPIN, enterPIN:
		title, text := cat.T("new_pin"), cat.T("new_pin_text")
		if s.mode == repeatPIN {
			title, text = cat.T("repeat_pin"), cat.T("repeat_pin_text")
		}
		if s.mode == enterPIN {
			title, text = cat.T("enter_pin", "Name", s.learners[s.cursor].Name), cat.T("enter_pin_text")
		}
		add(st.Title.Render(title), wrap.Render(text), "", st.Input.Width(12).Render(s.input.View()))
		if s.busy {
			add("", st.Dim.Render(cat.T("checking")))
		}
	case pinLocked:
		add(st.Title.Render(cat.T("pin_locked_title")), "", wrap.Render(s.lockedText()), "",
			ui.Button(s.c, "btn-ok", cat.T("btn_ok"), true))
	}
	if s.note != "" && s.mode == newPIN {
		add("", wrap.Render(st.Hint.Render("→ ")+s.note))
	}
	if s.msg != "" {
		add("", wrap.Render(st.Bad.Render("! ")+s.msg))
	}
	return strings.Join(parts, "\n")
}

// lockedText says why the name is locked, until when, and that the
// trainer can lift it sooner.
func (s *SignIn) lockedText() string {
	now := s.c.Now()
	mins := max(int(math.Ceil(s.lockedUntil.Sub(now).Minutes())), 1)
	return s.c.Cat.T("pin_locked_text", "Time", s.lockedUntil.In(now.Location()).Format("15:04"), "Count", mins)
}
