package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
)

// Wrapping never breaks inside an address, a domain or an email, never
// leaves the required "*" alone on a line, hangs list items under their
// first word, and keeps every line within the width.
func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text  string
		w     int
		whole []string // each on one line
		lines []string // exactly these lines, when given
	}{
		{text: "Mira bien la dirección: avisos@seg-social-ayudas.com no es de la Seguridad Social.", w: 40,
			whole: []string{"avisos@seg-social-ayudas.com"}},
		{text: "El enlace lleva a https://seg-social-ayudas.com/acceso y no a la web oficial.", w: 40,
			whole: []string{"https://seg-social-ayudas.com/acceso"}},
		{text: "Primer apellido del solicitante *", w: 31,
			lines: []string{"Primer apellido del", "solicitante *"}},
		{text: "  • Varias palabras al azar son mejores que una palabra con signos raros.", w: 30,
			lines: []string{"  • Varias palabras al azar", "    son mejores que una", "    palabra con signos raros."}},
		{text: "1. Abre el correo y mira quién lo envía de verdad.", w: 24,
			lines: []string{"1. Abre el correo y mira", "   quién lo envía de", "   verdad."}},
		{text: "unapalabramuylargaquenocabeenlalinea fin", w: 10},
	} {
		got := Wrap(tc.text, tc.w)
		lines := strings.Split(got, "\n")
		for _, l := range lines {
			if lipgloss.Width(l) > tc.w {
				t.Errorf("%q at %d: line %q is wider", tc.text, tc.w, l)
			}
			if strings.TrimSpace(l) == "*" {
				t.Errorf("%q at %d: the * is alone on a line:\n%s", tc.text, tc.w, got)
			}
		}
		for _, wh := range tc.whole {
			if !strings.Contains(got, wh) {
				t.Errorf("%q at %d: %q is broken:\n%s", tc.text, tc.w, wh, got)
			}
		}
		if tc.lines != nil && strings.Join(tc.lines, "\n") != got {
			t.Errorf("%q at %d:\n%s\nwant:\n%s", tc.text, tc.w, got, strings.Join(tc.lines, "\n"))
		}
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(tc.text), "") {
			t.Errorf("%q at %d: words lost or changed:\n%s", tc.text, tc.w, got)
		}
	}
}

// A dialog's text is wrapped by Wrap too (issue 19 item 14: the catalogue
// texts in dialogs, notices, the glossary, the mail app and the dashboard
// were still wrapped by lipgloss, which breaks a domain at its hyphen).
func TestDialogNeverBreaksADomain(t *testing.T) {
	c := NewCommon("es", nil, time.Now)
	for width := 30; width <= 72; width++ {
		d := NewDialog(c, "Cuidado", "Mira bien la dirección de la página: seg-social-ayudas.com no es la Seguridad Social.",
			[]DialogButton{{Label: "Vale"}})
		if v := d.View(width, 24); !strings.Contains(v, "seg-social-ayudas.com") {
			t.Fatalf("at %d columns the domain is broken:\n%s", width, v)
		}
	}
}
