package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/tui/internal/tuitest"
	"aula/tui/kinds/form"
	"aula/tui/kinds/typein"
)

// Feedback belongs to the answer it judged (issue 19, item 4): once the
// answer changes, the old verdict no longer shows as if about the new one;
// put back, the answer gets its verdict back.

func TestStaleFeedbackUnderAPasswordMeter(t *testing.T) {
	d := atPasswordStep(t, t.TempDir(), "es")
	d.keys("Mari", "enter")
	d.say("✗ Todavía no.", "Tu contraseña es «muy débil»")
	d.mustNot("Sobre tu respuesta antes del cambio")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys("nube tren queso piano")
	d.must("muy fuerte")
	d.mustNot("✗ Todavía no.")
	d.say("Sobre tu respuesta antes del cambio: Tu contraseña es «muy débil»")
}

func TestStaleFeedbackOnATypedAnswer(t *testing.T) {
	d := atFirstOfKind(t, "en", "teclado", "type")
	if _, ok := d.player().Ex.(*typein.TypeExercise); !ok {
		t.Fatalf("no type step reached:\n%s", d.view())
	}
	d.keys("zz", "enter")
	d.must("✗ Not yet.")
	d.keys("backspace")
	d.mustNot("✗ Not yet.")
	d.say("About your answer before you changed it:")
	d.keys("z") // the same answer again: its verdict again
	d.must("✗ Not yet.")
	d.mustNot("About your answer before you changed it:")
}

// atFirstOfKind opens lesson at its first step of kind, for Lucía.
func atFirstOfKind(t *testing.T, lang, lesson, kind string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	l, _ := tuitest.Library(t).Catalog("es").Lesson(lesson)
	learnerAt(lesson, len(l.Steps()), firstOfKind(t, lesson, kind))(t, st)
	return newDriverOn(t, st, lang, lesson)
}

func TestStaleFeedbackOnTheFormReview(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(3)
	d.must("Página 3 de 6 · Tu hogar")
	d.tabTo(form.TNext) // nobody added: Mario is missing
	d.keys("enter")
	d.fillTo(7)
	d.tabTo(form.TSubmit)
	d.keys("enter")
	d.say("✗ Todavía no.", "su hijo Mario")
	// The form shows the household page: add Mario.
	d.must("Página 3 de 6 · Tu hogar")
	d.keys(imvPage(3)...)
	d.must("Revisa tus datos")
	d.mustNot("✗ Todavía no.")
	d.say("Sobre tu respuesta antes del cambio:")
}
