package password

import (
	"aula/lessons"
	"aula/lessons/validate"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// password steps: the line is the practice password (and the next one,
// the same again). It is never said back.
type passwordLines struct {
	c *ui.Common
	e *PasswordExercise
}

func (l *passwordLines) Describe() []string {
	cat := l.c.Cat
	out := []string{cat.T("line_pw_goal", "Goal", ui.LevelName(cat, l.e.ex.GoalLevel()))}
	if l.e.boxes() > 1 {
		out = append(out, cat.T("line_pw_twice"))
	}
	return out
}

// Secret: the practice password is not shown as it is typed, as the full
// screen masks it.
func (l *passwordLines) Secret() bool { return true }

func (l *passwordLines) Prompt() string {
	if l.e.Focus == 1 {
		return l.c.Cat.T("line_pw_again")
	}
	return l.c.Cat.T("line_pw_prompt")
}

func (l *passwordLines) Line(text string) ([]string, bool) {
	cat := l.c.Cat
	e := l.e
	f := &e.Fields[e.Focus]
	f.Wipe()
	f.Insert([]rune(text))
	var out []string
	if f.Cut {
		out = append(out, cat.T("pw_cut", "Count", validate.MaxPasswordLen))
	}
	if e.Focus == 1 {
		return out, true
	}
	e.Fields[1].Wipe()
	e.judge()
	if e.TakeEnter() {
		// Strong enough: say how strong, then ask for it again.
		return append(out, cat.T("line_pw_strength", "Level", ui.LevelName(cat, e.st.Level))+" "+cat.T("line_pw_goal_reached")), false
	}
	return out, true
}

func (l *passwordLines) LineSay(v lessons.Verdict) string {
	switch v.Reason {
	case lessons.ReasonNoConfirm, lessons.ReasonDifferent:
		return l.c.Cat.T("line_verdict_" + string(v.Reason))
	case lessons.ReasonEmpty:
		return l.c.Cat.T("line_verdict_empty")
	}
	return ""
}

// NewPasswordLines gives a password exercise its accessible (line by line) form.
func NewPasswordLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *PasswordExercise) exercise.LineExercise {
		return &passwordLines{c: c, e: e}
	})
}
