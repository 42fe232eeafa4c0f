package tui

import (
	"testing"

	"aula/tui/internal/tuitest"
)

// Issue 19, item 6: no silent wrong answers in accessible mode.

// mailLineSession opens step of correo-enganos in accessible mode.
func mailLineSession(t *testing.T, lang, step string) *lineSession {
	t.Helper()
	l := tuitest.Library(t).Catalog("es").Lessons["correo-enganos"]
	at := l.StepIndex(step)
	if at < 0 {
		t.Fatalf("correo-enganos has no step %s", step)
	}
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	learnerAt("correo-enganos", len(l.Steps()), at)(t, st)
	return startLineSession(t, st, Config{Lang: lang, StartLesson: "correo-enganos"})
}

// Looking at the link solves the step; the 2 choices it then lists can
// still be chosen.
func TestLinesLinkChoicesAfterTheStepIsSolved(t *testing.T) {
	s := mailLineSession(t, "es", "mirar-enlace")
	s.send("abrir 1")
	s.expect("escribe enlace 1.")
	s.send("enlace 1")
	s.expect("1. Volver sin abrir 2. Abrir la página")
	s.expect("¡Bien!")
	s.send("1")
	s.expect("Has vuelto al correo.")
}

// A link number that does not exist says how many links there are.
func TestLinesNoSuchLinkSaysHowMany(t *testing.T) {
	s := mailLineSession(t, "en", "mirar-enlace")
	s.send("open 1")
	s.expect("type link 1.")
	s.send("link 7")
	s.expect("There is no link “7”. This email has 1 link: type link 1.")
}

func TestInboxNoSuchLinkSaysHowMany(t *testing.T) {
	d := inboxDriver(t, "es", "correo-enganos", "mirar-enlace")
	d.keys("enter") // open the first email
	d.keys("5")
	d.say("Este correo tiene 1 enlace. Pulsa 1 para ver adónde lleva.")
}

// Accessible mode says a step's own words for it: what to type, not which
// key to press; and following them solves the step.
func TestLinesSayTheAccessibleWording(t *testing.T) {
	s := mailLineSession(t, "es", "mirar-enlace")
	s.expect("Para verlo, escribe enlace 1.")
	s.send("pista")
	s.expect("Escribe enlace 1.")
	s.send("abrir 1", "enlace 1")
	s.expect("¡Bien!")
}

func TestLinesFollowTheAccessibleExample(t *testing.T) {
	l := tuitest.Library(t).Catalog("en").Lessons["correo-leer"]
	at := l.StepIndex("ver-enviados")
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	learnerAt("correo-leer", len(l.Steps()), at)(t, st)
	s := startLineSession(t, st, Config{Lang: "en", StartLesson: "correo-leer"})
	s.expect("Go to the Sent folder")
	s.send("folder sent", "1")
	s.expect("Well done!")
}
