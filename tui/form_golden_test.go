package tui

import (
	"fmt"
	"testing"
	"time"

	"aula/tui/internal/tuitest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// Golden screens of each kind of form page (fields with errors and the
// summary, in full and short, a repeating group, the file picker, the consent, the review, the
// receipt, the persona card folded to a key and beside the form, the
// calendar, the SMS code, the question before leaving), through a real
// Bubble Tea program, at 80×24 in both languages (and the persona beside
// the form at 120×40). Regenerate with `go test ./tui -run GoldenForm
// -update` and read every file.
func TestGoldenForm(t *testing.T) {
	keys := func(ks ...string) []tea.Msg {
		out := make([]tea.Msg, len(ks))
		for i, k := range ks {
			out[i] = tuitest.KeyMsg(k)
		}
		return out
	}
	pages := func(n int, more ...string) []tea.Msg {
		var ks []string
		for p := 1; p < n; p++ {
			ks = append(ks, imvPage(p)...)
		}
		return keys(append(ks, more...)...)
	}
	type formCase struct {
		name, lesson string
		keys         []tea.Msg
		wait         map[string]string // per language
		size         [2]int
	}
	small, big := [2]int{80, 24}, [2]int{120, 40}
	cases := []formCase{
		{"errors", "ingreso-minimo-vital",
			keys("Lucía2", "tab", "tab", "12345678", "tab", "31/02/1978", "tab", "60000", "tab", "tab", "enter"),
			map[string]string{"es": "Hay 5 datos que corregir", "en": "There are 5 things to fix"}, small},
		{"errors-short", "corregir-formulario", keys("tab", "tab", "tab", "tab", "tab", "tab", "enter"),
			map[string]string{"es": "corregir: DNI,", "en": "to fix: DNI,"}, small},
		{"persona-key", "ingreso-minimo-vital", []tea.Msg{tea.KeyMsg{Type: tea.KeyF5}},
			map[string]string{"es": "Pulsa F5 o Esc", "en": "Press F5 or Esc"}, small},
		{"persona-beside", "ingreso-minimo-vital", keys("Lucía"),
			map[string]string{"es": "[Lucía ", "en": "[Lucía "}, big},
		{"group", "ingreso-minimo-vital", pages(3, "enter", "Mario", "enter", "Prueba Ejemplo", "enter", "14/05/2014"),
			map[string]string{"es": "[14/05/2014", "en": "[14/05/2014"}, small},
		{"upload", "ingreso-minimo-vital", pages(5, "enter"),
			map[string]string{"es": "Carpeta Documentos", "en": "Documents folder"}, small},
		{"consent", "ingreso-minimo-vital", pages(6, "space", "tab"),
			map[string]string{"es": "[x] Declaro", "en": "[x] I declare"}, small},
		{"review", "ingreso-minimo-vital", pages(7),
			map[string]string{"es": "Revisa tus datos", "en": "Check your answers"}, small},
		{"receipt", "ingreso-minimo-vital", pages(7, "tab", "tab", "tab", "tab", "tab", "tab", "enter"),
			map[string]string{"es": "Número de registro", "en": "Reference number"}, small},
		{"leave", "ingreso-minimo-vital", keys("Lucía", "esc"),
			map[string]string{"es": "¿Quieres salir del formulario?", "en": "Do you want to leave the form?"}, small},
		{"calendar", "cita-previa", keys("enter", "down", "enter", "tab", "enter", "enter"),
			map[string]string{"es": "hay citas libres", "en": "appointments available"}, small},
		{"sms", "clave-pin", keys("12345678Z", "enter", "20/06/2033", "enter", "enter"),
			map[string]string{"es": "Caduca en 10:00", "en": "Expires in 10:00"}, small},
	}
	for _, lang := range []string{"es", "en"} {
		for _, fc := range cases {
			t.Run(fmt.Sprintf("%s-%dx%d-%s", fc.name, fc.size[0], fc.size[1], lang), func(t *testing.T) {
				st := openStore(t, t.TempDir())
				defer st.Close()
				l, _ := tuitest.Library(t).Catalog("es").Lesson(fc.lesson)
				learnerAt(fc.lesson, len(l.Steps()), firstOfKind(t, fc.lesson, "form"))(t, st)
				clk := &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
				m := New(Config{Store: st, Library: tuitest.Library(t), Lang: lang, StartLesson: fc.lesson, Now: clk.Now})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(fc.size[0], fc.size[1]))
				// The form on screen, and the start of the lesson saved (the
				// status line says so in every golden).
				d := &drawn{tm: tm}
				d.waitFor(t, map[string]string{"es": "[PRÁCTICA]", "en": "[PRACTICE]"}[lang], savedStatus[lang])
				for _, k := range fc.keys {
					tm.Send(k)
				}
				d.waitFor(t, fc.wait[lang], "")
				golden.RequireEqual(t, []byte(d.final(t).View()))
			})
		}
	}
}
