package code

import (
	"strings"
	"time"

	"aula/lessons"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// code steps: the SMS is said; the line is the code, or the word for a
// new one.
type codeLines struct {
	c *ui.Common
	e *CodeExercise
}

func (l *codeLines) sms() []string {
	cat := l.c.Cat
	secs := int((l.e.left() + time.Second - 1) / time.Second)
	expires := cat.T("line_code_expires_sec", "Count", secs)
	if secs%60 == 0 {
		expires = cat.T("line_code_expires_min", "Count", secs/60)
	}
	return []string{cat.T("line_code_sms", "Sender", l.e.ex.Sender), l.e.ex.SMS(l.e.Code), expires}
}

func (l *codeLines) Describe() []string { return l.sms() }

func (l *codeLines) Prompt() string {
	if l.e.expired() {
		return l.c.Cat.T("line_code_expired", "Word", access.Word(l.c, "line_cmd_new_code"))
	}
	return l.c.Cat.T("line_code_prompt", "Word", access.Word(l.c, "line_cmd_new_code"))
}

func (l *codeLines) Line(text string) ([]string, bool) {
	if access.IsWord(l.c, text, "line_cmd_new_code") {
		l.e.send()
		return l.sms(), false
	}
	l.e.Input.SetValue(access.ClipRunes(strings.TrimSpace(text), l.e.Input.CharLimit))
	return nil, true
}

func (l *codeLines) LineCommands() []string {
	return []string{l.c.Cat.T("line_words_code", "Word", access.Word(l.c, "line_cmd_new_code"))}
}

func (l *codeLines) LineSay(v lessons.Verdict) string {
	if v.Reason == lessons.ReasonExpired {
		return l.c.Cat.T("line_verdict_code_expired", "Word", access.Word(l.c, "line_cmd_new_code"))
	}
	return ""
}

// Spoken adds the SMS to what F6 reads.
func (l *codeLines) Spoken() string { return strings.Join(l.sms(), "\n") }

// NewCodeLines gives a code exercise its accessible (line by line) form.
func NewCodeLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *CodeExercise) exercise.LineExercise {
		return &codeLines{c: c, e: e}
	})
}
