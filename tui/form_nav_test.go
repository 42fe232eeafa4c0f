package tui

import (
	"strings"
	"testing"

	"aula/tui/kinds/form"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Issue 15's leftover: a full time slot is refused and not ticked; what
// was chosen before stays chosen.
func TestFormFullTimeIsNotTicked(t *testing.T) {
	d := formDriver(t, "es", "cita-previa")
	d.keys("enter", "down", "enter", "tab", "enter", "enter")
	d.must("Página 2 de 3 · Día y hora")
	d.keys("enter") // the first free day
	d.keys("space") // 09:00 is full
	d.mustSay("Esa opción está completa. Elige otra.")
	d.mustNot("(•) 09:00")
	if v := d.form().Fields["hora"].Val(); v != "" {
		t.Fatalf("the full time was chosen: %q", v)
	}
	d.keys("down", "space") // 09:30
	d.must("(•) 09:30")
	d.keys("up", "space") // 09:00 again: refused, 09:30 stays
	d.mustNot("(•) 09:00")
	if v := d.form().Fields["hora"].Val(); v != "h0930" {
		t.Fatalf("hora = %q, want h0930 kept", v)
	}
}

// Typing the same letter again in a drop-down goes to the next option with
// it, as in a web page's list.
func TestFormSelectLetterCycles(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(2)
	d.form().FocusOn("provincia")
	d.keys("b")
	d.must("▶ Badajoz")
	d.keys("b")
	d.must("▶ Barcelona")
	d.keys("b")
	d.must("▶ Bizkaia")
	d.keys("b")
	d.must("▶ Burgos")
	d.keys("enter")
	if v := d.form().Fields["provincia"].Val(); v != "burgos" {
		t.Fatalf("provincia = %q, want burgos", v)
	}
	d.form().FocusOn("provincia")
	d.keys("b") // closed list, Burgos chosen: the next b after it, round to the first
	d.must("▶ Badajoz")
	// Typed quickly, the same letter can come in one message: each b
	// still goes on once (the e2e's "m m m" under load).
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("bb")})
	d.must("▶ Bizkaia")
}

// The page keys move the view, not the focus.
func TestFormPageDownMovesTheViewOnly(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 18}) // the page is taller than the screen
	f := d.form()
	before := f.Focus
	top := d.view()
	d.send(tea.KeyMsg{Type: tea.KeyPgDown})
	if f.Focus != before {
		t.Fatalf("Page Down moved the focus from %d to %d", before, f.Focus)
	}
	if d.view() == top {
		t.Fatalf("Page Down did not move the view:\n%s", top)
	}
	d.send(tea.KeyMsg{Type: tea.KeyPgUp})
	if f.Focus != before || d.view() != top {
		t.Fatalf("Page Up did not come back to the top with the focus where it was:\n%s", d.view())
	}
	d.keys("x") // typing brings the focused field back into view
	d.must("x")
}

// At 80×24 an open email shows the start of its text, not only its
// header, says there is more, and scrolls with Page Down.
func TestInboxReadingPaneShowsTheBodyAt80x24(t *testing.T) {
	d := inboxDriver(t, "es", "correo-enganos", "ordenar")
	d.keys("down", "enter")
	d.must("Asunto: Recordatorio de tu cita", "Hola, Lucía:", "↓ Sigue abajo")
	d.send(tea.KeyMsg{Type: tea.KeyPgDown})
	d.mustSay("Si no puedes venir, llámanos")
}

// Choosing in a drop-down keeps the focus on it, as on a web page (issue
// 19 item 12: the focus jumped on and could land on Next, and the next Tab
// on Back). Tab then goes on to what is drawn after it.
func TestFormDropDownChoiceKeepsTheFocus(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(2)
	d.keys("Calle del Ejemplo, 12, 3.º B", "enter", "28999", "enter", "Villaejemplo", "enter")
	d.keys("m", "enter") // Madrid, chosen in the list
	f := d.form()
	if tg := f.Targets()[f.Focus]; tg.Kind != form.TField || tg.Key != "provincia" {
		t.Fatalf("after choosing in the list the focus is on %+v, want the list", tg)
	}
	d.must("▶ Provincia *", "[Madrid")
	d.mustNot("▶ [ Siguiente ]")
	d.keys("tab")
	d.must("▶ [ Siguiente ]")
	d.keys("shift+tab")
	d.must("▶ Provincia *")
	d.keys("tab", "enter")
	d.must("Página 3 de 6")
}

// Tab goes through a page in the order things are drawn: top to bottom,
// left to right on one line (Next, then Back), never back up.
func TestFormTabFollowsTheScreen(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.send(tea.WindowSizeMsg{Width: 120, Height: 90}) // every page whole, no scrolling
	for p := 1; p <= 7; p++ {
		f := d.form()
		lastRow, lastCol := -1, -1
		for i := range f.Targets() {
			row, col := pointerAt(d.view())
			if row < lastRow || (row == lastRow && col <= lastCol) {
				t.Fatalf("page %d: Tab %d went to line %d col %d, before line %d col %d:\n%s", p, i, row, col, lastRow, lastCol, d.view())
			}
			lastRow, lastCol = row, col
			d.keys("tab")
		}
		if p < 7 {
			f.Focus = 0
			d.keys("shift+tab") // back to the first field, to fill the page
			d.keys(imvPage(p)...)
		}
	}
}

// pointerAt is where the focus pointer ▶ is on screen.
func pointerAt(view string) (row, col int) {
	for r, ln := range strings.Split(view, "\n") {
		if c := strings.Index(ln, "▶"); c >= 0 {
			return r, lipgloss.Width(ln[:c])
		}
	}
	return -1, -1
}
