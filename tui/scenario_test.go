package tui

import (
	"testing"

	"aula/tui/internal/tuitest"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/form"
	"aula/tui/kinds/phrase"
	"aula/tui/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// atStep opens step kind of lesson for Lucía.
func atStep(t *testing.T, lang, lesson, kind string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	l, _ := tuitest.Library(t).Catalog("es").Lesson(lesson)
	learnerAt(lesson, len(l.Steps()), firstOfKind(t, lesson, kind))(t, st)
	return newDriverOn(t, st, lang, lesson)
}

func TestScenarioStep(t *testing.T) {
	d := atStep(t, "es", "engano-o-verdad", "scenario")
	d.say("SMS de SEG-SOCIAL", "Para liberarla, paga 2,50 €", "Es un engaño. Nadie te cobra")
	ex := d.player().Ex.(*choose.ScenarioExercise)
	// Choose the wrong one that believes the sender: its own feedback.
	for i, o := range ex.Opts {
		if o.ID == "verdad" {
			ex.Cursor = i
		}
	}
	d.keys("enter")
	d.say("✗ Todavía no. El nombre de quien envía un SMS se puede falsificar.")
	for i, o := range ex.Opts {
		if o.Correct {
			d.keys(string(rune('1' + i)))
		}
	}
	d.keys("enter")
	d.say("✔ ¡Bien! Una ayuda de verdad nunca pide un pago") // one praise (issue 19)

	// The call and the web page are drawn too, in English as well.
	e := atStep(t, "en", "engano-o-verdad", "scenario")
	e.keys("enter") // a miss or a hit; either way, on to the call after the example
	for e.player().Step().ID == "sms-pago" {
		e.keys("enter")
	}
	e.say("Call from a hidden number", "— To cancel it, I need you to tell me your card's PIN.")
	w := atStep(t, "en", "ordenador-compartido", "scenario")
	w.say("Address: correo.example", "[ Save ]", "Never")
}

func TestPhraseStep(t *testing.T) {
	d := atStep(t, "es", "frase-contrasena", "phrase")
	d.say("Tu frase: (elige palabras con Espacio)", "0 palabras · hacen falta al menos 4", "Fuerza: □□□□□ vacía")
	ex := d.player().Ex.(*phrase.PhraseExercise)
	pick := func(text string) {
		t.Helper()
		for i, w := range ex.Order {
			if w.Text == text {
				ex.Cursor = i
				d.keys("space")
				return
			}
		}
		t.Fatalf("no word %q", text)
	}
	d.keys("enter")
	d.say("Primero elige palabras")
	pick("nube")
	pick("Betis")
	d.say("Tu frase: nube Betis", "2 palabras")
	d.keys("enter")
	d.say("✗ Todavía no. Betis es un equipo de fútbol.")
	d.keys("backspace")
	pick("nube")
	d.keys("enter")
	d.say("Has puesto «nube» 2 veces.")
	d.keys("backspace")
	pick("tortuga")
	d.player().Misses = 0 // stay on the step: no worked example yet
	d.keys("enter")
	d.say("Te faltan 2 palabras. Con 4 palabras es mucho más difícil de adivinar.")
	pick("piano")
	pick("otoño")
	d.say("Tu frase: nube tortuga piano otoño", "Fuerza: ■■■■■ muy fuerte · ✔ llega al objetivo")
	d.keys("enter")
	d.say("✔ ¡Bien! Tu frase es muy fuerte.") // one praise (issue 19)

	// Arrows move in the grid and wrap; a click adds a word.
	e := atStep(t, "en", "frase-contrasena", "phrase")
	ex = e.player().Ex.(*phrase.PhraseExercise)
	e.keys("right", "down", "left", "up")
	if ex.Cursor != 0 {
		t.Errorf("after → ↓ ← ↑ the cursor is on %d, want 0", ex.Cursor)
	}
	e.keys("up")
	if ex.Cursor != len(ex.Order)-phrase.PhraseColumns {
		t.Errorf("↑ from the first row should wrap to the last, cursor %d", ex.Cursor)
	}
	e.send(tea.WindowSizeMsg{Width: ui.MinWidth, Height: 24})
	for _, line := range form.SplitLines(e.view()) {
		if tuitest.LipglossWidth(line) > ui.MinWidth {
			t.Fatalf("a line is wider than %d: %q", ui.MinWidth, line)
		}
	}
}
