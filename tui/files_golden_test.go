package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/tui/internal/tuitest"
)

// Golden screens of the practice file manager (files steps) at 80×24 and
// 120×40, in both languages: the size-limit error when the photo is
// attached, a PDF open in the viewer, the USB stick plugged in, and the
// Bin with its Empty button. Regenerate with
// `go test ./tui -run GoldenFiles -update` and read every file.
func TestGoldenFiles(t *testing.T) {
	key := func(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }
	tabs := func(n int) []tea.Msg {
		var out []tea.Msg
		for range n {
			out = append(out, key(tea.KeyTab))
		}
		return out
	}
	enter := key(tea.KeyEnter)
	type filesCase struct {
		name, lesson, step string
		keys               []tea.Msg
		start, wait        map[string]string
	}
	photo := append(tabs(6), enter) // Tab to «Photograph a paper», press it
	cases := []filesCase{
		{name: "too-big", lesson: "archivos-foto-pdf", step: "foto-pdf",
			keys:  append(append(photo[:len(photo):len(photo)], tabs(2)...), enter), // then Tab to «Attach»
			start: map[string]string{"es": "Fotografiar un papel", "en": "Photograph a paper"},
			wait:  map[string]string{"es": "No se puede adjuntar", "en": "cannot be attached"}},
		{name: "pdf-open", lesson: "archivos-foto-pdf", step: "foto-pdf",
			keys:  append(photo[:len(photo):len(photo)], enter, enter, enter, enter), // open, crop, make the PDF, open it
			start: map[string]string{"es": "Fotografiar un papel", "en": "Photograph a paper"},
			wait:  map[string]string{"es": "PDF hecho con la foto", "en": "PDF made from the photo"}},
		{name: "usb", lesson: "archivos-usb", step: "copiar-usb",
			keys:  append(tabs(6), enter),
			start: map[string]string{"es": "Conectar la memoria USB", "en": "Plug in the USB stick"},
			wait:  map[string]string{"es": "Ha aparecido la carpeta", "en": "folder has appeared"}},
		{name: "bin", lesson: "archivos-borrar-descargas", step: "borrar-todo",
			keys:  []tea.Msg{key(tea.KeyDelete), key(tea.KeyDelete), key(tea.KeyDelete), key(tea.KeyLeft), key(tea.KeyDown), key(tea.KeyDown)},
			start: map[string]string{"es": "justificante_imv_2026.pdf", "en": "receipt_imv_2026.pdf"},
			wait:  map[string]string{"es": "Vaciar la Papelera", "en": "Empty the Bin"}},
	}
	for _, lang := range []string{"es", "en"} {
		for _, gc := range cases {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				t.Run(fmt.Sprintf("%s-%dx%d-%s", gc.name, size[0], size[1], lang), func(t *testing.T) {
					st := openStore(t, t.TempDir())
					defer st.Close()
					l, _ := tuitest.Library(t).Catalog("es").Lesson(gc.lesson)
					learnerAt(gc.lesson, len(l.Steps()), l.StepIndex(gc.step))(t, st)
					clk := &clock{now: time.Date(2026, 12, 6, 10, 5, 0, 0, time.UTC)}
					m := New(Config{Store: st, Library: tuitest.Library(t), Lang: lang, StartLesson: gc.lesson, Now: clk.Now})
					tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
					d := &drawn{tm: tm}
					d.waitFor(t, gc.start[lang], "")
					for _, k := range gc.keys {
						tm.Send(k)
					}
					d.waitFor(t, gc.wait[lang], savedStatus[lang])
					golden.RequireEqual(t, []byte(d.final(t).View()))
				})
			}
		}
	}
}
