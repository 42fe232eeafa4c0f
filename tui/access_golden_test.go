package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/ui"
)

// Golden screens of issue 7: the settings screen, a step in high contrast
// and a step in the large layout (80×24, both languages; see golden_test.go).
func accessGoldens(t *testing.T) []goldenCase {
	scenario := tuitest.Library(t).Catalog("es").Lessons["engano-o-verdad"]
	sceneAt := firstOfKind(t, "engano-o-verdad", "scenario")
	return []goldenCase{
		{name: "settings", setup: learnerWith(store.Prefs{}, "usar-aula", 8, 0),
			drive: func(tm *teatest.TestModel, lang string) {
				tm.Send(tea.KeyMsg{Type: tea.KeyUp}) // the last row: settings
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
				open := map[string]string{"es": "Diseño grande", "en": "Large layout"}[lang]
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(open)) },
					teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) // high contrast
			},
			wait: map[string]string{"es": "Guardado", "en": "Saved"}},
		{name: "high-contrast-scenario", lesson: "engano-o-verdad",
			setup: learnerWith(store.Prefs{Theme: ui.ThemeHighContrast}, "engano-o-verdad", len(scenario.Steps()), sceneAt),
			drive: func(tm *teatest.TestModel, _ string) {
				tuitest.TypeKeys(tm, "1")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Todavía no.", "en": "Not yet."}},
		{name: "large-choose", lesson: "usar-aula", setup: learnerWith(store.Prefs{Large: true}, "usar-aula", 8, 1),
			wait: map[string]string{"es": "La tecla Intro", "en": "The Enter key"}},
	}
}

// learnerWith is learnerAt with the learner's preferences set.
func learnerWith(p store.Prefs, lesson string, steps, done int) func(*testing.T, *store.Store) {
	return func(t *testing.T, st *store.Store) {
		learnerAt(lesson, steps, done)(t, st)
		ls, err := st.Learners()
		if err != nil || len(ls) != 1 {
			t.Fatalf("learners: %v %v", ls, err)
		}
		if err := st.SetPrefs(ls[0].ID, p); err != nil {
			t.Fatal(err)
		}
	}
}
