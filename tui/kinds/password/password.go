package password

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/lessons/validate"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// PasswordExercise lets the learner make up a practice password in a
// masked field, with a live strength meter and advice, and type it again.
//
// The password lives only in the two secretFields. When the step is solved,
// shown or left, both are overwritten (Wipe). Only the strength (a level
// and advice ids) outlives the step.
type PasswordExercise struct {
	c       *ui.Common
	ex      *lessons.Password
	Fields  [2]ui.SecretField // the password, and the same again
	Focus   int
	shown   bool
	done    bool
	wiped   bool
	st      validate.Strength // of fields[0], judged at every change
	showKey key.Binding
	tabKey  key.Binding
}

// NewPasswordExercise makes the exercise of a password step.
func NewPasswordExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	e := &PasswordExercise{c: c, ex: s.Exercise.(*lessons.Password)}
	for i := range e.Fields {
		e.Fields[i] = ui.NewSecretField(validate.MaxPasswordLen)
	}
	e.st = validate.PasswordStrength("", "")
	e.showKey = key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", c.Cat.T("key_show_password")))
	e.tabKey = key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), key.WithHelp("Tab", c.Cat.T("key_other_box")))
	return e
}

// Start reads the strength dictionaries in the background (once per run),
// so that the first key is judged as fast as the others.
func (e *PasswordExercise) Start() tea.Cmd { return ui.WarmStrength }

// learnerName is the name of whoever is signed in: a password with it in
// is weak.
func learnerName(c *ui.Common) string {
	if c.Learner == nil {
		return ""
	}
	return c.Learner.Name
}

func (e *PasswordExercise) boxes() int {
	if e.ex.Confirm {
		return 2
	}
	return 1
}

// Update handles keys and clicks meant for the exercise.
func (e *PasswordExercise) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok || e.done {
		return nil
	}
	switch {
	case key.Matches(k, e.showKey):
		e.shown = !e.shown
		for i := range e.Fields {
			e.Fields[i].Shown = e.shown
		}
	case key.Matches(k, e.tabKey):
		if e.boxes() > 1 {
			e.Focus = 1 - e.Focus
		}
	default:
		if e.Fields[e.Focus].Update(k) && e.Focus == 0 {
			e.judge()
		}
	}
	return nil
}

// judge measures the password for the meter. It takes well under a
// millisecond for a short password (BENCHMARKS.md).
func (e *PasswordExercise) judge() {
	e.st = validate.PasswordStrength(e.Fields[0].Value(), learnerName(e.c))
}

// TakeEnter goes to the second box when the first holds a password that
// is strong enough; otherwise Enter checks, and the player says why not.
func (e *PasswordExercise) TakeEnter() bool {
	if e.Focus == 0 && e.boxes() > 1 && e.Fields[0].Len() > 0 && e.st.Level >= e.ex.GoalLevel() && e.Fields[1].Len() == 0 {
		e.Focus = 1
		return true
	}
	return false
}

// Judged empties the second box when it did not match, and goes there.
func (e *PasswordExercise) Judged(v lessons.Verdict) {
	switch v.Reason {
	case lessons.ReasonDifferent, lessons.ReasonNoConfirm:
		e.Fields[1].Wipe()
		e.Focus = 1
	case lessons.ReasonWeak, lessons.ReasonEmpty:
		e.Focus = 0
	}
}

// Say words the verdicts that need the level and the advice.
func (e *PasswordExercise) Say(v lessons.Verdict) string {
	cat := e.c.Cat
	switch v.Reason {
	case lessons.ReasonWeak:
		text := cat.T("verdict_weak", "Level", ui.LevelName(cat, ui.LevelOf(v)), "Goal", ui.LevelName(cat, e.ex.GoalLevel()))
		if v.Strength != nil && len(v.Strength.Advice) > 0 {
			text += " " + cat.T("pw_advice_"+v.Strength.Advice[0])
		}
		return text
	case lessons.ReasonDifferent, lessons.ReasonNoConfirm:
		return cat.T("verdict_" + string(v.Reason))
	case lessons.ReasonEmpty:
		return cat.T("verdict_password_empty")
	}
	if v.Correct && v.Strength != nil {
		return cat.T("pw_right", "Level", ui.LevelName(cat, v.Strength.Level))
	}
	return ""
}

// View draws the exercise.
func (e *PasswordExercise) View(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	labels := []string{cat.T("pw_label"), cat.T("pw_confirm_label")}
	lw := 0
	for i := 0; i < e.boxes(); i++ {
		lw = max(lw, lipgloss.Width(labels[i]))
	}
	wrap := ui.Wrapper(width)
	var lines []string
	for i := 0; i < e.boxes(); i++ {
		focused := !e.done && i == e.Focus
		pointer := "  "
		if focused {
			pointer = "▶ "
		}
		label := labels[i] + strings.Repeat(" ", lw-lipgloss.Width(labels[i]))
		fieldW := max(min(width-lw-7, 40), 4)
		field := e.Fields[i]
		field.Shown = field.Shown && !e.c.Masked // the trainer's copy: always dots
		row := pointer + label + " [" + field.View(fieldW, focused, st.FieldCursor) + "]"
		if focused {
			row = st.Cursor.Render(row)
		}
		lines = append(lines, row)
		if i > 0 {
			continue
		}
		// Under the password: how strong it is and what to change.
		lines = append(lines, e.meter(width))
		switch {
		case e.wiped:
			lines = append(lines, wrap.Render(st.Dim.Render(cat.T("pw_wiped"))))
		case e.Fields[0].Cut:
			lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_cut", "Count", validate.MaxPasswordLen)))
		default:
			for _, a := range e.advice(2) {
				lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_advice_"+a)))
			}
		}
	}
	if e.Fields[1].Cut {
		lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_cut", "Count", validate.MaxPasswordLen)))
	}
	if !e.done {
		lines = append(lines, wrap.Render(st.Dim.Render(cat.T("pw_keys"))))
	}
	return strings.Join(lines, "\n")
}

// meter draws the strength of a password: blocks, a word and the goal.
func (e *PasswordExercise) meter(width int) string {
	return ui.StrengthMeter(e.c, e.st.Level, e.ex.GoalLevel(), e.Fields[0].Len() == 0 && !e.wiped, width)
}

// advice is up to n pieces of advice for the password so far.
func (e *PasswordExercise) advice(n int) []string {
	if e.Fields[0].Len() == 0 {
		return nil
	}
	var out []string
	for _, a := range e.st.Advice {
		if a == validate.AdviceAddWord && e.st.Level >= e.ex.GoalLevel() {
			continue // strong enough: no need to push for more
		}
		out = append(out, a)
		if len(out) == n {
			break
		}
	}
	return out
}

// Answer is what the learner has given so far.
func (e *PasswordExercise) Answer() lessons.Answer {
	return lessons.PasswordAnswer{Password: e.Fields[0].Value(), Confirm: e.Fields[1].Value(), Name: learnerName(e.c)}
}

// Keys lists the bindings the exercise adds to the help.
func (e *PasswordExercise) Keys() []key.Binding {
	if e.boxes() > 1 {
		return []key.Binding{e.showKey, e.tabKey}
	}
	return []key.Binding{e.showKey}
}

// Typing says whether a text field has the keyboard, so letters are text, not commands.
func (e *PasswordExercise) Typing() bool { return !e.done }

// SetDone freezes the step once it is solved or shown, and forgets the
// password: from now on only its strength is kept.
func (e *PasswordExercise) SetDone(done bool) {
	e.done = done
	if done {
		e.Wipe()
	}
}

// Wipe overwrites both fields. Go cannot promise more: copies made to judge
// the password (strings) stay in freed memory until it is reused.
func (e *PasswordExercise) Wipe() {
	had := e.Fields[0].Len() > 0 || e.Fields[1].Len() > 0
	for i := range e.Fields {
		e.Fields[i].Wipe()
	}
	e.shown = false
	e.wiped = e.wiped || had
}
