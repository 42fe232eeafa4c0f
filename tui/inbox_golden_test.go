package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/store"
	"aula/tui/internal/tuitest"
)

// Golden screens of the mail app (inbox steps) at 80×24 and 120×40, in
// both languages. Regenerate with `go test ./tui -run GoldenInbox -update`
// and read every file.
func TestGoldenInbox(t *testing.T) {
	at := func(lesson, step string) (string, func(*testing.T, *store.Store)) {
		l, _ := tuitest.Library(t).Catalog("es").Lesson(lesson)
		return lesson, learnerAt(lesson, len(l.Steps()), l.StepIndex(step))
	}
	key := func(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }
	text := func(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	type inboxCase struct {
		name, lesson, step string
		keys               map[string][]tea.Msg // per language
		wait               map[string]string
		sizes              [][2]int
	}
	both := [][2]int{{80, 24}, {120, 40}}
	cases := []inboxCase{
		{name: "list", lesson: "correo-responder", step: "responder-adjuntar", sizes: both,
			keys: map[string][]tea.Msg{"es": {key(tea.KeyEnter)}, "en": {key(tea.KeyEnter)}},
			wait: map[string]string{"es": "padron@villaejemplo.example", "en": "padron@villaejemplo.example"}},
		{name: "compose", lesson: "correo-responder", step: "responder-adjuntar", sizes: both,
			keys: map[string][]tea.Msg{
				"es": {text("r"), text("Hola:"), key(tea.KeyEnter), text("Os mando el certificado. 🙂"), key(tea.KeyTab), key(tea.KeyEnter), key(tea.KeyDown), key(tea.KeyEnter)},
				"en": {text("r"), text("Hello,"), key(tea.KeyEnter), text("Here is my certificate. 🙂"), key(tea.KeyTab), key(tea.KeyEnter), key(tea.KeyDown), key(tea.KeyEnter)}},
			wait: map[string]string{"es": "Adjuntado:", "en": "Attached:"}},
		{name: "picker", lesson: "correo-responder", step: "responder-adjuntar", sizes: [][2]int{{80, 24}},
			keys: map[string][]tea.Msg{"es": {text("r"), key(tea.KeyTab), key(tea.KeyEnter)}, "en": {text("r"), key(tea.KeyTab), key(tea.KeyEnter)}},
			wait: map[string]string{"es": "Carpeta Documentos", "en": "Documents folder"}},
		{name: "wrong-address", lesson: "correo-escribir", step: "escribir", sizes: [][2]int{{80, 24}},
			keys: map[string][]tea.Msg{
				"es": {text("n"), text("servicios.sociales@gmail.con"), key(tea.KeyTab), key(tea.KeyTab), text("Cita"), key(tea.KeyTab), text("Hola: quiero una cita."), key(tea.KeyTab), key(tea.KeyTab), key(tea.KeyEnter)},
				"en": {text("n"), text("servicios.sociales@gmail.con"), key(tea.KeyTab), key(tea.KeyTab), text("Appointment"), key(tea.KeyTab), text("Hello, I would like an appointment."), key(tea.KeyTab), key(tea.KeyTab), key(tea.KeyEnter)}},
			wait: map[string]string{"es": "gmail.com?", "en": "gmail.com?"}},
		{name: "discard", lesson: "correo-escribir", step: "escribir", sizes: [][2]int{{80, 24}},
			keys: map[string][]tea.Msg{"es": {text("n"), text("marta"), key(tea.KeyEsc)}, "en": {text("n"), text("marta"), key(tea.KeyEsc)}},
			wait: map[string]string{"es": "¿Borrar el borrador?", "en": "Throw the draft away?"}},
		{name: "link", lesson: "correo-enganos", step: "mirar-enlace", sizes: both,
			keys: map[string][]tea.Msg{"es": {key(tea.KeyEnter), text("1")}, "en": {key(tea.KeyEnter), text("1")}},
			wait: map[string]string{"es": "No es la Seguridad Social", "en": "That is not Social Security"}},
		{name: "sorted-wrong", lesson: "correo-enganos", step: "ordenar", sizes: both,
			keys: map[string][]tea.Msg{"es": {text("s"), key(tea.KeyDown), text("s")}, "en": {text("s"), key(tea.KeyDown), text("s")}},
			wait: map[string]string{"es": "Todavía no.", "en": "Not yet."}},
	}
	for _, lang := range []string{"es", "en"} {
		for _, gc := range cases {
			for _, size := range gc.sizes {
				t.Run(fmt.Sprintf("%s-%dx%d-%s", gc.name, size[0], size[1], lang), func(t *testing.T) {
					st := openStore(t, t.TempDir())
					defer st.Close()
					lesson, setup := at(gc.lesson, gc.step)
					setup(t, st)
					clk := &clock{now: time.Date(2026, 3, 2, 10, 5, 0, 0, time.UTC)}
					m := New(Config{Store: st, Library: tuitest.Library(t), Lang: lang, StartLesson: lesson, Now: clk.Now})
					tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
					d := &drawn{tm: tm}
					d.waitFor(t, map[string]string{"es": "Correo de práctica", "en": "Practice email"}[lang], "")
					for _, k := range gc.keys[lang] {
						tm.Send(k)
					}
					d.waitFor(t, gc.wait[lang], savedStatus[lang])
					golden.RequireEqual(t, []byte(d.final(t).View()))
				})
			}
		}
	}
}
