package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/store"
	"aula/tui/internal/tuitest"
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
	l, ok := tuitest.Library(t).Catalog("es").Lesson(lesson)
	if !ok {
		t.Fatalf("no lesson %s", lesson)
	}
	return l.Steps()[i].ID
}

func firstOfKind(t *testing.T, lesson, kind string) int {
	l, _ := tuitest.Library(t).Catalog("es").Lesson(lesson)
	for i, s := range l.Steps() {
		if s.Kind == kind {
			return i
		}
	}
	t.Fatalf("no %s step in %s", kind, lesson)
	return 0
}

// savedStatus is the status line a screen in a lesson settles on once the
// opening of the step is saved (it stays until the learner signs out).
var savedStatus = map[string]string{"es": "✔ Guardado", "en": "✔ Saved"}

// drawn is what a test program has drawn so far.
type drawn struct {
	tm  *teatest.TestModel
	all []byte
}

// waitFor waits until the program has drawn want since the last wait and,
// if settled is not empty, drawn settled at any time: the renderer does not
// draw a line again when it has not changed, so a status line drawn before
// an earlier wait is not drawn again.
func (d *drawn) waitFor(t *testing.T, want, settled string) {
	t.Helper()
	teatest.WaitFor(t, d.tm.Output(), func(b []byte) bool {
		if !bytes.Contains(b, []byte(want)) {
			return false
		}
		if settled != "" && !bytes.Contains(append(d.all[:len(d.all):len(d.all)], b...), []byte(settled)) {
			return false
		}
		d.all = append(d.all, b...)
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// final quits the program and returns its model at the end.
func (d *drawn) final(t *testing.T) *Model {
	t.Helper()
	if err := d.tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return d.tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
}

func TestGoldenScreens(t *testing.T) {
	teclado := tuitest.Library(t).Catalog("es").Lessons["teclado"]
	typeAt := firstOfKind(t, "teclado", "type")
	orderLesson := tuitest.Library(t).Catalog("es").Lessons["seguridad-basica"]
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
			drive: func(tm *teatest.TestModel, _ string) { tuitest.TypeKeys(tm, "q") },
			wait:  map[string]string{"es": "Seguir aquí", "en": "Stay here"}},
		{name: "choose-wrong", lesson: "usar-aula", setup: learnerAt("usar-aula", 8, 1),
			drive: func(tm *teatest.TestModel, _ string) {
				tuitest.TypeKeys(tm, "3")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Todavía no.", "en": "Not yet."}},
		{name: "type-wrong-twice", lesson: "teclado", setup: learnerAt("teclado", len(teclado.Steps()), typeAt),
			drive: func(tm *teatest.TestModel, _ string) {
				tuitest.TypeKeys(tm, "lucia")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			},
			wait: map[string]string{"es": "Pista:", "en": "Hint:"}},
		{name: "order", lesson: "seguridad-basica", setup: learnerAt("seguridad-basica", len(orderLesson.Steps()), orderAt),
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
				m := New(Config{Store: st, Library: tuitest.Library(t), Lang: lang, StartLesson: gc.lesson, Now: clk.Now})
				size := gc.size
				if size[0] == 0 {
					size = [2]int{80, 24}
				}
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				d := &drawn{tm: tm}
				if gc.drive != nil {
					// Wait for the first screen before typing.
					d.waitFor(t, "Aula", "")
					gc.drive(tm, lang)
				}
				settled := ""
				if gc.lesson != "" {
					settled = savedStatus[lang]
				}
				d.waitFor(t, gc.wait[lang], settled)
				golden.RequireEqual(t, []byte(d.final(t).View()))
			})
		}
	}
}
