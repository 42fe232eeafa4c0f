package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Issue 19, item 11: the mail app's help at 80×24 shows how to close it,
// and scrolls to show the rest.
func TestHelpOverlayScrollsAndAlwaysSaysHowToClose(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		d := inboxDriver(t, lang, "correo-enganos", "mirar-enlace")
		d.keys("f1")
		closeText := map[string]string{"en": "Press Esc or F1 to close help.", "es": "Pulsa Esc o F1 para cerrar la ayuda."}[lang]
		last := map[string]string{"en": "You can also click options", "es": "También puedes hacer clic"}[lang]
		d.must(closeText)
		if strings.Contains(d.view(), last) {
			t.Fatalf("%s: the help fits at 80×24; this test needs one that does not:\n%s", lang, d.view())
		}
		for range 10 {
			d.send(tea.KeyMsg{Type: tea.KeyPgDown})
		}
		d.must(closeText, last)
		d.keys("esc")
		d.mustNot(closeText)
	}
}
