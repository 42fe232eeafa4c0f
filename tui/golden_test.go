package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/store"
)

// Golden screens at 80×24 in both languages, through a real Bubble Tea
// program (teatest). Regenerate with `go test ./tui -run Golden -update`,
// then read every changed file before committing it.

type goldenCase struct {
	name   string
	lesson string                                   // --lesson
	setup  func(t *testing.T, st *store.Store)      // data before start
	drive  func(tm *teatest.TestModel, lang string) // keys after start
	wait   map[string]string                        // text that shows the screen is ready, per language
	size   [2]int
}

func learnerAt(lesson string, steps, done int) func(*testing.T, *store.Store) {
	return func(t *testing.T, st *store.Store) {
		l, err := st.AddLearner("Lucía", "")
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		for i := 0; i < done; i++ {
			if _, err := st.Record(store.Event{Learner: l.ID, Kind: store.StepDone, Lesson: lesson, Step: stepID(t, lesson, i),
				StepIndex: i, Steps: steps, How: "read", At: at}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func stepID(t *testing.T, lesson string, i int) string {
	l, ok := library(t).Catalog("es").Lesson(lesson)
	if !ok {
		t.Fatalf("no lesson %s", lesson)
	}
	return l.Steps[i].ID
}

func firstOfKind(t *testing.T, lesson, kind string) int {
	l, _ := library(t).Catalog("es").Lesson(lesson)
	for i, s := range l.Steps {
		if s.Kind == kind {
			return i
		}
	}
	t.Fatalf("no %s step in %s", kind, lesson)
	return 0
}

func typeKeys(tm *teatest.TestModel, s string) {
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

func TestGoldenScreens(t *testing.T) {
	teclado := library(t).Catalog("es").Lessons["teclado"]
	typeAt := firstOfKind(t, "teclado", "type")
	orderLesson := library(t).Catalog("es").Lessons["seguridad-basica"]
	orderAt := firstOfKind(t, "seguridad-basica", "order")

	cases := []goldenCase{
		{name: "welcome", wait: map[string]string{"es": "¿Cómo te llamas?", "en": "What's your name?"}},
		{name: "home", setup: learnerAt("usar-aula", 8, 2),
			wait: map[string]string{"es": "paso 3 de 8", "en": "step 3 of 8"}},
		{name: "itinerary", setup: learnerAt("usar-aula", 8, 2),
			drive: func(tm *teatest.TestModel, _ string) {
				tm.Send(tea.KeyMsg{Type: tea.KeyDown})
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Nueva", "en": "New"}},
		{name: "help", setup: learnerAt("usar-aula", 8, 0),
			drive: func(tm *teatest.TestModel, _ string) { tm.Send(tea.KeyMsg{Type: tea.KeyF1}) },
			wait:  map[string]string{"es": "Pulsa Esc o F1", "en": "Press Esc or F1"}},
		{name: "quit", setup: learnerAt("usar-aula", 8, 0),
			drive: func(tm *teatest.TestModel, _ string) { typeKeys(tm, "q") },
			wait:  map[string]string{"es": "Seguir aquí", "en": "Stay here"}},
		{name: "choose-wrong", lesson: "usar-aula", setup: learnerAt("usar-aula", 8, 1),
			drive: func(tm *teatest.TestModel, _ string) {
				typeKeys(tm, "3")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Todavía no.", "en": "Not yet."}},
		{name: "type-wrong-twice", lesson: "teclado", setup: learnerAt("teclado", len(teclado.Steps), typeAt),
			drive: func(tm *teatest.TestModel, _ string) {
				typeKeys(tm, "lucia")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Pista:", "en": "Hint:"}},
		{name: "order", lesson: "seguridad-basica", setup: learnerAt("seguridad-basica", len(orderLesson.Steps), orderAt),
			drive: func(tm *teatest.TestModel, _ string) { tm.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}) },
			wait:  map[string]string{"es": "moviendo", "en": "moving"}},
		{name: "summary", lesson: "usar-aula", setup: learnerAt("usar-aula", 8, 7),
			drive: func(tm *teatest.TestModel, _ string) { tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) },
			wait:  map[string]string{"es": "Hoy has aprendido", "en": "Today you learned"}},
		{name: "too-small", size: [2]int{30, 8},
			wait: map[string]string{"es": "pequeña", "en": "too small"}},
	}
	cases = append(cases, passwordGoldens(t)...)
	cases = append(cases, accessGoldens(t)...)
	for _, lang := range []string{"es", "en"} {
		for _, gc := range cases {
			t.Run(gc.name+"-"+lang, func(t *testing.T) {
				st := openStore(t, t.TempDir())
				defer st.Close()
				if gc.setup != nil {
					gc.setup(t, st)
				}
				clk := &clock{now: time.Date(2026, 3, 2, 10, 5, 0, 0, time.UTC)}
				m := New(Config{Store: st, Library: library(t), Lang: lang, StartLesson: gc.lesson, Now: clk.Now})
				size := gc.size
				if size[0] == 0 {
					size = [2]int{80, 24}
				}
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				if gc.drive != nil {
					// Wait for the first screen before typing.
					teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Aula")) },
						teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
					gc.drive(tm, lang)
				}
				want := gc.wait[lang]
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
					teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
				golden.RequireEqual(t, []byte(final.View()))
			})
		}
	}
}
