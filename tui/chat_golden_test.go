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

// Golden screens of the practice phone (chat steps) at 80×24 and 120×40,
// in both languages: the list, a conversation with a link and replies, and
// the bank app's payment request, and approval requests (bank, Cl@ve). Regenerate with
// `go test ./tui -run GoldenChat -update` and read every file.
func TestGoldenChat(t *testing.T) {
	key := func(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }
	type chatCase struct {
		name, lesson, step string
		keys               []tea.Msg
		wait               map[string]string
	}
	cases := []chatCase{
		{name: "list", lesson: "dinero-hijo-numero-nuevo", step: "comprobar",
			keys: []tea.Msg{key(tea.KeyDown)},
			wait: map[string]string{"es": "Dani (hijo) · Contacto", "en": "Dani (son) · Contact"}},
		{name: "conversation", lesson: "dinero-hijo-numero-nuevo", step: "comprobar",
			keys: []tea.Msg{key(tea.KeyEnter), key(tea.KeyTab)},
			wait: map[string]string{"es": "Respuestas:", "en": "Replies:"}},
		{name: "request", lesson: "dinero-pago-no-hecho", step: "rechazar-pago",
			keys: []tea.Msg{key(tea.KeyEnter), key(tea.KeyTab)},
			wait: map[string]string{"es": "¿Confirmas este pago de 480,00 €", "en": "Do you confirm this payment of 480.00 €"}},
		// issue 16: an approval request on the phone, with its card to
		// compare and the other notification waiting on the banner.
		{name: "approval", lesson: "dinero-confirmar-app", step: "comparar-pagos",
			keys: []tea.Msg{key(tea.KeyEnter), key(tea.KeyTab)},
			wait: map[string]string{"es": "Compara con lo que has hecho tú", "en": "Compare with what you did"}},
		{name: "clave", lesson: "clave-movil-aprobar", step: "aprobar-acceso",
			keys: []tea.Msg{key(tea.KeyUp), key(tea.KeyEnter), key(tea.KeyTab)},
			wait: map[string]string{"es": "Seguridad Social", "en": "Social Security"}},
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
					d.waitFor(t, map[string]string{"es": "Mensajes", "en": "Messages"}[lang], "")
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
