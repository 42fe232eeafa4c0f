package tui

import (
	"testing"

	"aula/tui/internal/tuitest"

	"github.com/charmbracelet/x/exp/teatest"
)

// passwordGoldens are the password step at 80×24 with a weak, a fair and a
// strong practice password (issue 4).
func passwordGoldens(t *testing.T) []goldenCase {
	l, _ := tuitest.Library(t).Catalog("es").Lesson(pwLesson)
	at := firstOfKind(t, pwLesson, "password")
	typed := func(s string) func(tm *teatest.TestModel, _ string) {
		return func(tm *teatest.TestModel, _ string) { tuitest.TypeKeys(tm, s) }
	}
	return []goldenCase{
		{name: "password-weak", lesson: pwLesson, setup: learnerAt(pwLesson, len(l.Steps()), at), drive: typed("Maria1975"),
			wait: map[string]string{"es": "débil", "en": "weak"}},
		{name: "password-fair", lesson: pwLesson, setup: learnerAt(pwLesson, len(l.Steps()), at), drive: typed("tren azul"),
			wait: map[string]string{"es": "regular", "en": "fair"}},
		{name: "password-strong", lesson: pwLesson, setup: learnerAt(pwLesson, len(l.Steps()), at), drive: typed("nube tren queso piano"),
			wait: map[string]string{"es": "llega al objetivo", "en": "goal reached"}},
	}
}
