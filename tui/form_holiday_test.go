package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// The cita previa calendar refuses Christmas Day, and says why (issue 15:
// it let a learner book 25 December).
func TestFormCalendarRefusesChristmasDay(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "cita-previa")
	d.clock.now = time.Date(2026, 12, 22, 10, 0, 0, 0, time.UTC) // a Tuesday
	d.toForm()
	d.keys("enter", "down", "enter", "tab") // CAISS Villaejemplo; Tab to the next field
	d.keys("enter")                         // Ingreso Mínimo Vital, then on to Next
	d.keys("enter")
	d.must("Página 2 de 3 · Día y hora", "diciembre 2026")
	// The 23rd, 24th and 25th are full or closed, the weekend closed: the
	// cursor starts on Monday the 28th.
	d.mustSay("lunes, 28 de diciembre de 2026: hay citas libres")
	d.special(tea.KeyLeft, tea.KeyLeft, tea.KeyLeft)
	d.mustSay("viernes, 25 de diciembre de 2026: festivo")
	d.keys("enter")
	d.mustSay("Ese día es fiesta nacional y las oficinas están cerradas. Elige un día sin ×.")
}
