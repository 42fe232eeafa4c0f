package tui

import (
	"bytes"
	"strings"
	"testing"
)

// aula --debug FILE logs every message the root receives, with the fields
// that help to follow a session, never what the learner typed.
func TestDebugLogsMessagesButNotTypedText(t *testing.T) {
	t.Parallel()
	var log bytes.Buffer
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	d := newDriverWith(t, st, Config{Lang: "es", Debug: &log})
	d.signUp("Lucía")
	d.keys("enter") // the first lesson
	d.must("Paso 1 de 8")
	got := log.String()
	for _, want := range []string{"tea.WindowSizeMsg 80x24", "tea.KeyMsg runes(5)", "tea.KeyMsg enter", "ui.OpenLessonMsg usar-aula", "ui.LessonReadyMsg usar-aula"} {
		if !strings.Contains(got, want) {
			t.Errorf("the debug log does not say %q:\n%s", want, got)
		}
	}
	for _, typed := range []string{"Lucía", "Luc", "ía"} {
		if strings.Contains(got, typed) {
			t.Errorf("the debug log holds what was typed (%q):\n%s", typed, got)
		}
	}
}
