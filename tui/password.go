package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// passwordExercise lets the learner make up a practice password in a
// masked field, with a live strength meter and advice, and type it again.
//
// The password lives only in the two secretFields. When the step is solved,
// shown or left, both are overwritten (Wipe). Only the strength (a level
// and advice ids) outlives the step.
type passwordExercise struct {
	c       *ui.Common
	ex      *lessons.Password
	fields  [2]ui.SecretField // the password, and the same again
	focus   int
	shown   bool
	done    bool
	wiped   bool
	st      lessons.Strength // of fields[0], judged at every change
	showKey key.Binding
	tabKey  key.Binding
}

func newPasswordExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	e := &passwordExercise{c: c, ex: s.Exercise.(*lessons.Password)}
	for i := range e.fields {
		e.fields[i] = ui.NewSecretField(lessons.MaxPasswordLen)
	}
	e.st = lessons.PasswordStrength("", "")
	e.showKey = key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", c.Cat.T("key_show_password")))
	e.tabKey = key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), key.WithHelp("Tab", c.Cat.T("key_other_box")))
	return e
}

// Start reads the strength dictionaries in the background (once per run),
// so that the first key is judged as fast as the others.
func (e *passwordExercise) Start() tea.Cmd { return ui.WarmStrength }

// learnerName is the name of whoever is signed in: a password with it in
// is weak.
func learnerName(c *ui.Common) string {
	if c.Learner == nil {
		return ""
	}
	return c.Learner.Name
}

func (e *passwordExercise) boxes() int {
	if e.ex.Confirm {
		return 2
	}
	return 1
}

func (e *passwordExercise) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok || e.done {
		return nil
	}
	switch {
	case key.Matches(k, e.showKey):
		e.shown = !e.shown
		for i := range e.fields {
			e.fields[i].Shown = e.shown
		}
	case key.Matches(k, e.tabKey):
		if e.boxes() > 1 {
			e.focus = 1 - e.focus
		}
	default:
		if e.fields[e.focus].Update(k) && e.focus == 0 {
			e.judge()
		}
	}
	return nil
}

// judge measures the password for the meter. It takes well under a
// millisecond for a short password (BENCHMARKS.md).
func (e *passwordExercise) judge() {
	e.st = lessons.PasswordStrength(e.fields[0].Value(), learnerName(e.c))
}

// TakeEnter goes to the second box when the first holds a password that
// is strong enough; otherwise Enter checks, and the player says why not.
func (e *passwordExercise) TakeEnter() bool {
	if e.focus == 0 && e.boxes() > 1 && e.fields[0].Len() > 0 && e.st.Level >= e.ex.GoalLevel() && e.fields[1].Len() == 0 {
		e.focus = 1
		return true
	}
	return false
}

// Judged empties the second box when it did not match, and goes there.
func (e *passwordExercise) Judged(v lessons.Verdict) {
	switch v.Reason {
	case lessons.ReasonDifferent, lessons.ReasonNoConfirm:
		e.fields[1].Wipe()
		e.focus = 1
	case lessons.ReasonWeak, lessons.ReasonEmpty:
		e.focus = 0
	}
}

// Say words the verdicts that need the level and the advice.
func (e *passwordExercise) Say(v lessons.Verdict) string {
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

func (e *passwordExercise) View(width int) string {
	st, cat := e.c.Styles, e.c.Cat
	labels := []string{cat.T("pw_label"), cat.T("pw_confirm_label")}
	lw := 0
	for i := 0; i < e.boxes(); i++ {
		lw = max(lw, lipgloss.Width(labels[i]))
	}
	wrap := lipgloss.NewStyle().Width(width)
	var lines []string
	for i := 0; i < e.boxes(); i++ {
		focused := !e.done && i == e.focus
		pointer := "  "
		if focused {
			pointer = "▶ "
		}
		label := labels[i] + strings.Repeat(" ", lw-lipgloss.Width(labels[i]))
		fieldW := max(min(width-lw-7, 40), 4)
		row := pointer + label + " [" + e.fields[i].View(fieldW, focused, st.FieldCursor) + "]"
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
		case e.fields[0].Cut:
			lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_cut", "Count", lessons.MaxPasswordLen)))
		default:
			for _, a := range e.advice(2) {
				lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_advice_"+a)))
			}
		}
	}
	if e.fields[1].Cut {
		lines = append(lines, wrap.Render(st.Hint.Render("→ ")+cat.T("pw_cut", "Count", lessons.MaxPasswordLen)))
	}
	if !e.done {
		lines = append(lines, wrap.Render(st.Dim.Render(cat.T("pw_keys"))))
	}
	return strings.Join(lines, "\n")
}

// meter draws the strength of a password: blocks, a word and the goal.
func (e *passwordExercise) meter(width int) string {
	return ui.StrengthMeter(e.c, e.st.Level, e.ex.GoalLevel(), e.fields[0].Len() == 0 && !e.wiped, width)
}

// advice is up to n pieces of advice for the password so far.
func (e *passwordExercise) advice(n int) []string {
	if e.fields[0].Len() == 0 {
		return nil
	}
	var out []string
	for _, a := range e.st.Advice {
		if a == lessons.AdviceAddWord && e.st.Level >= e.ex.GoalLevel() {
			continue // strong enough: no need to push for more
		}
		out = append(out, a)
		if len(out) == n {
			break
		}
	}
	return out
}

func (e *passwordExercise) Answer() lessons.Answer {
	return lessons.PasswordAnswer{Password: e.fields[0].Value(), Confirm: e.fields[1].Value(), Name: learnerName(e.c)}
}

func (e *passwordExercise) Keys() []key.Binding {
	if e.boxes() > 1 {
		return []key.Binding{e.showKey, e.tabKey}
	}
	return []key.Binding{e.showKey}
}

func (e *passwordExercise) Typing() bool { return !e.done }

// SetDone freezes the step once it is solved or shown, and forgets the
// password: from now on only its strength is kept.
func (e *passwordExercise) SetDone(done bool) {
	e.done = done
	if done {
		e.Wipe()
	}
}

// Wipe overwrites both fields. Go cannot promise more: copies made to judge
// the password (strings) stay in freed memory until it is reused.
func (e *passwordExercise) Wipe() {
	had := e.fields[0].Len() > 0 || e.fields[1].Len() > 0
	for i := range e.fields {
		e.fields[i].Wipe()
	}
	e.shown = false
	e.wiped = e.wiped || had
}
