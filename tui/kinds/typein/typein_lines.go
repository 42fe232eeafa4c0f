package typein

import (
	"strings"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// type steps: the line is the answer.
type typeLines struct {
	c *ui.Common
	e *TypeExercise
}

func (l *typeLines) Describe() []string {
	if l.e.ex.Label != "" {
		return []string{l.c.Cat.T("line_field", "Label", l.e.ex.Label)}
	}
	return nil
}

func (l *typeLines) Prompt() string { return l.c.Cat.T("line_type_answer") }

func (l *typeLines) Line(text string) ([]string, bool) {
	l.e.Input.SetValue(access.ClipRunes(strings.TrimSpace(text), typeCharLimit))
	return nil, true
}

// NewTypeLines gives a type-in exercise its accessible (line by line) form.
func NewTypeLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *TypeExercise) exercise.LineExercise {
		return &typeLines{c: c, e: e}
	})
}
