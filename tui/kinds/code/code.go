package code

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// CodeExercise is two-step verification: a phone beside the form shows an
// SMS with a code; the learner types it before it expires, and asks for
// another one (F5) when it has.
//
// Time comes from Common.Now. While the step is on screen and the code is
// alive, one tick a second redraws the countdown; nothing runs otherwise.
type CodeExercise struct {
	c       *ui.Common
	step    *lessons.Step
	ex      *lessons.Code
	Input   textinput.Model
	Code    string
	sentAt  time.Time
	sent    int       // codes sent so far in this step
	ticking bool      // a tick is on its way
	tickAt  time.Time // when it was asked for
	done    bool
	newKey  key.Binding
}

// CodeTickMsg redraws the countdown of code number sent of a step.
type CodeTickMsg struct {
	Step string
	Sent int
}

// NewCodeExercise makes the exercise of a code step.
func NewCodeExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	in := textinput.New()
	in.Prompt = "› "
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = 16
	in.Focus()
	e := &CodeExercise{c: c, step: s, ex: s.Exercise.(*lessons.Code), Input: in}
	e.newKey = key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", c.Cat.T("key_new_code")))
	e.send()
	return e
}

// send makes a new code and "sends" it: the phone shows it from now on.
func (e *CodeExercise) send() {
	e.sent++
	e.sentAt = e.c.Now()
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d/%d", e.step.ID, e.sent, e.sentAt.UnixNano())
	r := rand.New(rand.NewPCG(h.Sum64(), uint64(e.sent)))
	var b strings.Builder
	for i := 0; i < e.ex.CodeDigits(); i++ {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	e.Code = b.String()
	e.Input.SetValue("")
}

// left is how long the code has before it expires (0 once it has).
func (e *CodeExercise) left() time.Duration {
	d := e.sentAt.Add(time.Duration(e.ex.Expires) * time.Second).Sub(e.c.Now())
	return max(d, 0)
}

func (e *CodeExercise) expired() bool { return e.left() == 0 }

// Start ticks once a second while the code is alive.
func (e *CodeExercise) Start() tea.Cmd { return e.tick() }

func (e *CodeExercise) tick() tea.Cmd {
	// A tick is lost if a dialog took it: after 2 seconds, ask again.
	if e.ticking && e.c.Now().Sub(e.tickAt) < 2*time.Second || e.done || e.expired() {
		return nil
	}
	e.ticking, e.tickAt = true, e.c.Now()
	msg := CodeTickMsg{Step: e.step.ID, Sent: e.sent}
	return e.c.Tick(time.Second, func(time.Time) tea.Msg { return msg })
}

// Update handles keys and clicks meant for the exercise.
func (e *CodeExercise) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case CodeTickMsg:
		if msg.Step != e.step.ID || msg.Sent != e.sent {
			return nil // from a step or a code that is gone
		}
		e.ticking = false
		return e.tick()
	case tea.KeyMsg:
		if e.done {
			return nil
		}
		if key.Matches(msg, e.newKey) {
			e.send()
			e.ticking = false // the old code's tick is ignored when it comes
			return e.tick()
		}
		if msg.Type == tea.KeyRunes {
			msg.Runes = []rune(strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, string(msg.Runes)))
		}
		var cmd tea.Cmd
		e.Input, cmd = e.Input.Update(msg)
		// A tick lost while a dialog was open starts again with a key.
		return tea.Batch(cmd, e.tick())
	}
	return nil
}

// Answer is what the learner has given so far.
func (e *CodeExercise) Answer() lessons.Answer {
	return lessons.CodeAnswer{Typed: e.Input.Value(), Code: e.Code, Expired: e.expired()}
}

// View draws the exercise.
func (e *CodeExercise) View(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	phoneW := min(32, width)
	formW := width - phoneW - 2
	stacked := formW < 30
	if stacked {
		formW = width
	}

	label := e.ex.Label
	if label == "" {
		label = cat.T("code_label")
	}
	e.Input.Width = max(min(formW-6, 20), 1)
	var form []string
	form = append(form, st.Title.Render(label))
	form = append(form, st.Input.Width(max(min(formW-2, 24), 1)).Render(e.c.InputView(e.Input)))
	secs := int((e.left() + time.Second - 1) / time.Second)
	if e.expired() {
		form = append(form, st.Bad.Render("✗ "+cat.T("code_expired")))
		if !e.done {
			form = append(form, ui.Wrap(cat.T("code_ask_again"), formW))
		}
	} else {
		form = append(form, st.Hint.Render(cat.T("code_expires_in", "Time", fmt.Sprintf("%d:%02d", secs/60, secs%60))))
		if !e.done {
			form = append(form, st.Dim.Render(ui.Wrap(cat.T("code_new_hint"), formW)))
		}
	}
	phone := e.phone(phoneW)
	if stacked {
		return phone + "\n" + strings.Join(form, "\n")
	}
	left := lipgloss.NewStyle().Width(formW).Render(strings.Join(form, "\n"))
	return lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", phone)
}

// phone draws the phone with the SMS, in width columns.
func (e *CodeExercise) phone(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	inner := max(width-4, 8)
	wrap := ui.Wrapper(inner)
	at := e.sentAt.Format("15:04")
	lines := []string{
		st.Dim.Render(cat.T("code_phone") + " · " + at),
		st.Title.Render(wrap.Render(cat.T("code_sms_from", "Sender", e.ex.Sender))),
		wrap.Render(e.ex.SMS(e.Code)),
	}
	if e.expired() {
		lines = append(lines, st.Bad.Render(wrap.Render("("+cat.T("code_expired")+")")))
	}
	return st.Box.Width(width - 2).Render(strings.Join(lines, "\n"))
}

// Keys lists the bindings the exercise adds to the help.
func (e *CodeExercise) Keys() []key.Binding { return []key.Binding{e.newKey} }

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *CodeExercise) Typing() bool { return e.Input.Focused() }

// SetDone freezes the exercise once it is solved or shown.
func (e *CodeExercise) SetDone(done bool) {
	e.done = done
	if done {
		e.Input.Blur()
	} else {
		e.Input.Focus()
	}
}

// Judged empties the box after an expired code, so the next one goes in
// clean.
func (e *CodeExercise) Judged(v lessons.Verdict) {
	if v.Reason == lessons.ReasonExpired {
		e.Input.SetValue("")
	}
}

// Say words the verdicts of a code step.
func (e *CodeExercise) Say(v lessons.Verdict) string {
	cat := e.c.Cat
	switch v.Reason {
	case lessons.ReasonExpired, lessons.ReasonWrongCode:
		return cat.T("verdict_" + string(v.Reason))
	case lessons.ReasonNotDigits:
		if v.Param != "" {
			return cat.T("verdict_code_letters_for_digits")
		}
		return cat.T("verdict_code_letters")
	case lessons.ReasonLength:
		return cat.T("verdict_code_length", "Count", e.ex.CodeDigits(), "Typed", v.Param)
	}
	return ""
}
