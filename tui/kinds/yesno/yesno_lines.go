package yesno

import (
	"strings"

	"aula/tui/exercise"
	"aula/tui/ui"
)

// yesno steps: the line is yes or no, in the learner's words.
type yesNoLines struct {
	c *ui.Common
	e *YesNoExercise
}

func (l *yesNoLines) Describe() []string { return []string{l.e.ex.Statement} }

func (l *yesNoLines) Prompt() string { return l.c.Cat.T("line_yesno_prompt") }

func (l *yesNoLines) Line(text string) ([]string, bool) {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case strings.ToLower(l.c.Cat.T("yesno_yes")):
		l.e.choice = "yes"
	case strings.ToLower(l.c.Cat.T("yesno_no")):
		l.e.choice = "no"
	default:
		return []string{l.c.Cat.T("line_yesno_prompt")}, false
	}
	return nil, true
}

// NewYesNoLines makes the adapter of a yesno exercise.
var NewYesNoLines = exercise.LineAdapter(func(c *ui.Common, e *YesNoExercise) exercise.LineExercise {
	return &yesNoLines{c: c, e: e}
})
