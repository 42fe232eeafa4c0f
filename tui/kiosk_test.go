package tui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/order"
	"aula/tui/ui"
)

func TestFirstRunAsksForANameThenGoesHome(t *testing.T) {
	d := newDriver(t, "es")
	d.must("Te damos la bienvenida a Aula", "¿Cómo te llamas?")

	d.keys("enter")
	d.must("Escribe un nombre de 1 a 30 letras.")

	d.keys("Lucía", "enter")
	d.must("Hola, Lucía. ¿Quieres un PIN?", "No, gracias")
	d.keys("enter")
	d.must("Hola, Lucía. ¿Qué practicamos hoy?", "Empieza por aquí", "Primeros pasos", "0 de 3 lecciones hechas",
		fmt.Sprintf("Ver todas las lecciones (%d)", len(tuitest.Library(t).Catalog("es").Lessons)))

	learners, err := d.st.Learners()
	if err != nil || len(learners) != 1 || learners[0].Name != "Lucía" || learners[0].HasPIN() {
		t.Fatalf("stored learners = %+v, %v; want Lucía without PIN", learners, err)
	}
}

func TestSingleLearnerGoesStraightIn(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	defer st.Close()
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "en", "")
	d.must("Hello, Pepe. What shall we practise today?")
}

func TestPINSignInAndThreeWrongTries(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Ana", "1234"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "")
	d.must("¿Quién eres?", "Ana  (con PIN)", "Pepe", "añadir mi nombre")

	d.keys("enter") // Ana
	d.must("Hola, Ana", "Escribe tu PIN")
	d.keys("12", "enter")
	d.must("El PIN tiene 4 números")
	d.keys("ab")
	d.must("El PIN solo lleva números")

	for _, want := range []string{"Te quedan 2 intentos.", "Te queda 1 intento."} {
		d.keys("0000", "enter")
		d.must(want)
	}
	d.keys("0000", "enter")
	// The message says until when, and that the trainer can lift it sooner.
	d.must("Vamos a pedir ayuda")
	d.mustSay("Podrás probar otra vez dentro de 15 minutos, a las 10:15.", "pide ayuda a la persona formadora: puede quitar tu PIN.")
	d.keys("enter")
	d.must("¿Quién eres?")
	// Still paused: choosing Ana again shows the same calm message.
	d.keys("enter")
	d.must("Vamos a pedir ayuda")

	// Aula restarts (or is killed): the pause is in the data file (issue
	// 19, item 17); before, a restart lifted it.
	d.clock.Advance(10 * time.Minute)
	d2 := newDriverOn(t, st, "es", "")
	d2.clock.now = d.clock.now
	d2.keys("enter") // Ana
	d2.must("Vamos a pedir ayuda")
	d2.mustSay("dentro de 5 minutos, a las 10:15.")

	d2.clock.Advance(store.PINLockFor - 10*time.Minute)
	d2.keys("enter", "enter")
	d2.keys("1234", "enter")
	d2.must("Hola, Ana. ¿Qué practicamos hoy?")
}

func TestNewLearnerWithPIN(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "en", "")
	d.must("Hello, Pepe") // the only learner goes straight in
	d.keys("q")
	d.must("Do you want to leave?", "Change person")
	d.keys("up", "enter") // Change person
	d.must("Who are you?")

	d.keys("down", "enter") // "add my name"
	d.keys("pepe", "enter")
	d.must("That name is already on the list")
	for range 4 {
		d.keys("backspace")
	}
	d.keys("Rosa", "enter", "down", "enter")
	d.must("Choose your PIN")
	// An easy PIN gets a gentle note once; the same again is kept.
	d.keys("4321", "enter")
	d.mustSay("That PIN is easy to guess")
	d.must("Choose your PIN")
	d.keys("4321", "enter", "4322", "enter")
	d.must("The two PINs are not the same")
	d.mustNot("easy to guess")
	d.keys("4321", "enter", "4321", "enter")
	d.must("Hello, Rosa. What shall we practise today?")

	all, _ := st.Learners()
	var rosa store.Learner
	for _, l := range all {
		if l.Name == "Rosa" {
			rosa = l
		}
	}
	if !rosa.HasPIN() || bytes.Contains(rosa.PINHash, []byte("4321")) {
		t.Fatalf("Rosa's PIN should be stored hashed, got %q", rosa.PINHash)
	}
	if ok, _ := st.CheckPIN(rosa.ID, "4321"); !ok {
		t.Fatal("the PIN Rosa chose does not check")
	}
}

func TestLessonFlowFeedbackHintExampleAndSummary(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.late = true
	d.keys("enter") // "Empieza por aquí": the first lesson
	d.must("Paso 1 de 8", "Cómo usar Aula", "[ Seguir ]")
	d.keys("enter")
	d.must("Paso 2 de 8")

	p := d.player()
	ex := p.Ex.(*choose.ChooseExercise)
	wrong := -1
	for i, o := range ex.Opts {
		if !o.Correct {
			wrong = i
		}
	}
	// First miss: the feedback of that very option.
	ex.Cursor = wrong
	d.keys("enter")
	d.must("✗ Todavía no.", firstWords(ex.Opts[wrong].Feedback))
	d.mustNot("Pista:")
	// Second miss: the hint too.
	d.keys("enter")
	d.must("Pista: " + firstWords(p.Step().Hint))
	// Third miss: the worked example and the way on.
	d.keys("enter")
	d.must("Mira cómo se hace:", "Pulsa Intro para seguir", "[ Seguir ]")
	d.keys("enter")
	d.must("Paso 3 de 8")

	prog, err := d.st.LessonProgress(d.m.c.Learner.ID, "usar-aula")
	if err != nil {
		t.Fatal(err)
	}
	if prog.Attempts != 3 || prog.Hints != 1 || prog.Step != 2 || prog.StepsDone() != 2 {
		t.Fatalf("progress after 3 misses = %+v; want 3 attempts, 1 hint, at step index 2, 2 steps done", prog)
	}
	if n := prog.Mistakes["flechas/"+ex.Opts[wrong].ID]; n != 3 {
		t.Fatalf("mistakes = %v; want 3 × flechas/%s", prog.Mistakes, ex.Opts[wrong].ID)
	}

	for d.player().Idx < len(d.player().Lesson.Steps())-1 {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
			d.must("✔ ¡Bien!")
		}
		d.keys("enter")
	}
	d.keys("enter") // the last read step
	d.must("¡Lección terminada!", "Hoy has aprendido:", "La siguiente lección es «El teclado para internet».", "[ Siguiente lección ]")

	prog, _ = d.st.LessonProgress(d.m.c.Learner.ID, "usar-aula")
	if prog.Status != store.Done {
		t.Fatalf("status = %s, want done", prog.Status)
	}
	d.keys("esc")
	d.must("1 de 3 lecciones hechas")
	d.keys("down", "enter")
	d.must("✔ Hecha", "Nueva")
}

// Home shows the progress written before it, even when the write of the
// lesson's end lands after home asked for progress (late mode delivers the
// newest command first). On the code before flush-then-read it showed
// "0 de 3 lecciones hechas" next to "✔ Guardado".
func TestHomeShowsProgressWrittenBeforeIt(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("enter") // the first lesson
	d.must("Paso 1 de 8")
	for d.player().Idx < len(d.player().Lesson.Steps())-1 {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
			d.must("✔ ¡Bien!")
		}
		d.keys("enter")
	}
	d.late = true
	d.keys("enter") // the last read step: the lesson ends, its writes are queued
	d.keys("esc")   // home asks for progress before the writes land
	d.must("1 de 3 lecciones hechas")
	d.mustNot("0 de 3 lecciones hechas")
}

func TestResumeAtTheSameStepAfterReopening(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	d := newDriverOn(t, st, "en", "")
	d.signUp("Lucía")
	d.keys("enter", "enter")
	d.answerRight()
	d.keys("enter")
	d.must("Step 3 of 8")
	d.keys("ctrl+c")
	d.must("Do you want to leave?")
	d.keys("down", "enter") // Close Aula
	if !d.quit {
		t.Fatal("Close Aula did not quit")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = openStore(t, dir)
	defer st.Close()
	d = newDriverOn(t, st, "en", "")
	d.must("Carry on where you left off", "How to use Aula · step 3 of 8")
	d.keys("enter")
	d.must("Step 3 of 8")
}

func TestStartLessonFlagOpensItAfterSignIn(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "seguridad-basica")
	d.must("Protégete en internet", "Paso 1 de 8")
}

func TestTypeStepTakesAccentsAndGivesSpecificFeedback(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "teclado")
	for !d.player().Step().NeedsAnswer() || d.player().Step().Kind != "type" {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	d.keys("enter")
	d.must("Primero escribe tu respuesta en el recuadro.")
	// q and ? are text while typing, not commands.
	d.keys("q?")
	d.mustNot("¿Quieres salir?", "Teclas de esta pantalla")
	d.keys("backspace", "backspace", "Lucia", "enter")
	d.must("✗ Todavía no.")
	d.keys("backspace", "backspace", "ía", "enter")
	d.must("✔ ¡Bien!")

	// What was typed is nowhere in the data file.
	raw, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("Lucia")) {
		t.Fatal("the data file holds text the learner typed")
	}
}

func TestOrderStepWithKeys(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "en", "seguridad-basica")
	for d.player().Step().Kind != "order" {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	ex := d.player().Ex.(*order.OrderExercise)
	before := strings.Join(ex.Ids, ",")
	d.keys("space")
	d.must("moving: use ↑ ↓")
	d.keys("down", "space")
	if after := strings.Join(ex.Ids, ","); after == before {
		t.Fatalf("Space, ↓, Space did not move the item: %s", after)
	}
	d.answerRight()
	d.must("✔ Well done!")
}

func TestHelpAndEscape(t *testing.T) {
	d := newDriver(t, "en")
	d.signUp("Lucía")
	d.keys("f1")
	d.must("Help", "This is your home page", "Keys on this screen", "Press Esc or F1 to close help.")
	d.keys("esc")
	d.must("Hello, Lucía")
	d.keys("?")
	d.must("Keys on this screen")
	d.keys("?")
	d.keys("enter")
	d.must("Step 1 of 8")
	d.keys("f1")
	d.must("This screen is for reading.")
	d.keys("esc", "esc")
	d.must("Hello, Lucía")
}

func TestQuitAsksAndCanBeCancelled(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("q")
	d.must("¿Quieres salir?", "Tu progreso ya está guardado.", "Salir de Aula", "Cambiar de persona", "Seguir aquí")
	d.keys("esc")
	d.mustNot("¿Quieres salir?")
	d.keys("ctrl+c", "enter") // Enter out of habit: the focus starts on "Seguir aquí"
	if d.quit {
		t.Fatal("q then Enter closed Aula: the quit dialog must default to staying")
	}
	d.must("Hola, Lucía")
	d.keys("ctrl+c", "down", "enter") // ↓ wraps round to "Salir de Aula"
	if !d.quit {
		t.Fatal("Salir de Aula did not quit")
	}
}

func TestIdleSignOutOnASharedLaptop(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	for _, n := range []string{"Ana", "Pepe"} {
		if _, err := st.AddLearner(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriverOn(t, st, "es", "")
	d.keys("enter")
	d.must("Hola, Ana")
	if d.ticks == 0 {
		t.Fatal("no idle timer on a shared laptop")
	}
	d.clock.Advance(9 * time.Minute)
	d.send(idleCheckMsg{})
	d.mustNot("¿Sigues ahí?")

	d.clock.Advance(time.Minute)
	d.send(idleCheckMsg{})
	d.must("¿Sigues ahí?", "60 segundos")
	d.keys("x") // any key: still here
	d.mustNot("¿Sigues ahí?")
	d.must("Hola, Ana")

	d.clock.Advance(10 * time.Minute)
	d.send(idleCheckMsg{})
	d.must("¿Sigues ahí?")
	d.clock.Advance(61 * time.Second)
	d.send(idleCheckMsg{})
	d.must("¿Quién eres?", "Cerramos la sesión porque no había nadie.")
}

func TestNoIdleSignOutAtHome(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.clock.Advance(time.Hour)
	d.send(idleCheckMsg{})
	d.must("Hola, Lucía")
}

func TestEverySizeDrawsWithoutPanic(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("enter", "enter")
	for w := 0; w <= 90; w += 3 {
		for h := 0; h <= 30; h += 2 {
			d.send(tea.WindowSizeMsg{Width: w, Height: h})
			v := d.view()
			if w >= ui.MinWidth && h >= ui.MinHeight {
				if !strings.Contains(v, "Paso 2 de 8") {
					t.Fatalf("%dx%d: the step is not on screen:\n%s", w, h, v)
				}
			} else if w >= 10 && h >= 5 && !strings.Contains(v, "entana") {
				t.Fatalf("%dx%d: no 'make it bigger' message:\n%s", w, h, v)
			}
			for i, line := range strings.Split(v, "\n") {
				if lw := tuitest.LipglossWidth(line); w > 0 && lw > w {
					t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, line)
				}
			}
			if n := strings.Count(v, "\n") + 1; h > 0 && n > h {
				t.Fatalf("%dx%d: %d lines", w, h, n)
			}
		}
	}
	d.send(tea.WindowSizeMsg{Width: 1, Height: 1})
	_ = d.view()
}

// While the window is too small the screen is hidden, so keys must not reach
// it: typing went into the form behind the message. Only leaving and help
// are taken. The message says the size needed and how to get it.
func TestHiddenScreenTakesNoKeys(t *testing.T) {
	d := newDriver(t, "es")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.must("al menos 50×14", "(ahora 40×10)", "Maximiza la ventana", "Ctrl y −")
	d.keys("P", "r", "u", "e", "b", "a", "tab", "enter")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.mustNot("Prueba", "PIN")
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	d.keys("ctrl+c")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.must("¿Quieres salir?")
}

// At the smallest size that draws anything readable, the message still
// fits whole.
func TestTooSmallFitsAtTenByFive(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		d := newDriver(t, lang)
		d.send(tea.WindowSizeMsg{Width: 10, Height: 5})
		v := d.view()
		want := map[string]string{"es": "Agranda la ventana", "en": "Make the window bigger"}[lang]
		if got := strings.Join(strings.Fields(v), " "); got != want {
			t.Errorf("%s at 10×5: %q, want %q whole", lang, got, want)
		}
	}
}

func TestTallStepScrollsAtMinimumSize(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("enter", "enter")
	d.send(tea.WindowSizeMsg{Width: ui.MinWidth, Height: ui.MinHeight})
	ex := d.player().Ex.(*choose.ChooseExercise)
	for i, o := range ex.Opts {
		if !o.Correct {
			ex.Cursor = i
		}
	}
	d.keys("enter", "enter", "enter") // three misses: feedback, hint, example
	d.must("Hay más arriba", "Mira cómo se hace:")
	d.must("[ Seguir ]")
}

// firstWords is the start of s, short enough not to be wrapped on screen.
func firstWords(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(len(w), 4)], " ")
}

func TestSaveStatusIsShown(t *testing.T) {
	d := newDriver(t, "en")
	d.signUp("Lucía")
	d.keys("enter")
	d.must("✔ Saved")
	evs, err := d.st.Events(d.m.c.Learner.ID)
	if err != nil || len(evs) != 1 || evs[0].Kind != store.LessonStarted {
		t.Fatalf("events = %v, %v; want one lesson_started", evs, err)
	}
	if got := fmt.Sprint(evs[0].Lesson); got != "usar-aula" {
		t.Fatalf("lesson = %s", got)
	}
}

func TestRecorderKeepsOrderAndSkipsRefusedEvents(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	l, err := st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	rec := ui.NewRecorder(st)
	good := store.Event{Learner: l.ID, Kind: store.LessonStarted, Lesson: "usar-aula", Steps: 8}
	bad := store.Event{Learner: l.ID + 99, Kind: store.LessonStarted, Lesson: "usar-aula", Steps: 8}
	// Commands may run in any order: the last one to run still writes all.
	c1, c2 := rec.Record(good), rec.Record(bad)
	rec.Record(store.Event{Learner: l.ID, Kind: store.HintShown, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8})
	msg := c2().(ui.SavedMsg)
	if msg.Err == nil || len(msg.Events) != 2 {
		t.Fatalf("flush = %d events, err %v; want 2 saved and the refused one reported", len(msg.Events), msg.Err)
	}
	if again := c1().(ui.SavedMsg); again.Err != nil || len(again.Events) != 0 {
		t.Fatalf("second flush = %+v; want nothing left to do", again)
	}
	evs, _ := st.Events(l.ID)
	if len(evs) != 2 || evs[0].Kind != store.LessonStarted || evs[1].Kind != store.HintShown {
		t.Fatalf("events = %+v; want lesson_started then hint", evs)
	}
	if rec.Pending() != 0 {
		t.Fatalf("%d events still pending", rec.Pending())
	}
}

// A dialog sits in the middle of a wide terminal, not pushed right by the
// centred reading column.
func TestDialogIsCentredOnAWideTerminal(t *testing.T) {
	d := newDriver(t, "en")
	d.signUp("Ana")
	d.send(tea.WindowSizeMsg{Width: 160, Height: 50})
	d.keys("q")
	view := d.m.View()
	for _, line := range strings.Split(view, "\n") {
		if i := strings.Index(line, "╔"); i >= 0 {
			right := lipgloss.Width(line) - lipgloss.Width(line[:strings.Index(line, "╗")+len("╗")])
			left := lipgloss.Width(line[:i])
			if diff := left - right; diff < -2 || diff > 2 {
				t.Fatalf("dialog not centred: %d columns on the left, %d on the right\n%s", left, right, view)
			}
			return
		}
	}
	t.Fatalf("no dialog on screen:\n%s", view)
}

// "Volver al inicio" on the lesson summary could be reached only with the
// mouse: Tab and the arrows now move between the two buttons, with ▶ on
// the one Enter presses.
func TestSummaryButtonsByKeyboard(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Lucía")
	d.keys("enter") // the first lesson
	for !d.player().Finished {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	d.must("▶ [ Siguiente lección ]", "  [ Volver al inicio ]")
	d.keys("tab")
	d.must("▶ [ Volver al inicio ]", "  [ Siguiente lección ]")
	d.keys("left", "right")
	d.must("▶ [ Volver al inicio ]")
	d.keys("enter")
	d.must("Hola, Lucía", "1 de 3 lecciones hechas")
}

// The summary of a path's last lesson has one button, "Volver al inicio":
// it shows its focus with ▶ as the two buttons do (the large/high-contrast
// e2e found it without one), and it stays on screen when the summary is
// taller than the screen (it was hidden under "more below").
func TestSummaryOnlyButtonShowsItsFocus(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	d := newDriverOn(t, st, "es", "")
	d.signUp("Lucía")
	id := d.m.c.Learner.ID
	// The last lesson of a path, the others done: it closes the path, so
	// the summary has a certificate and no next lesson.
	for _, l := range []string{"usar-aula", "teclado"} {
		n := len(d.m.c.Lessons.Lessons[l].Steps())
		if _, err := st.Record(store.Event{Learner: id, Kind: store.LessonDone, Lesson: l, Step: "final", StepIndex: n - 1, Steps: n, At: d.clock.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	d.send(ui.OpenLessonMsg{ID: "seguridad-basica"})
	for i := 0; !d.player().Finished && i < 40; i++ {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	d.must("¡Lección terminada!", "▶ [ Volver al inicio ]")
	d.mustNot("Siguiente lección")
	// On a smaller screen the certificate's lines push the rest below it:
	// the button stays in view under them.
	d.send(tea.WindowSizeMsg{Width: 80, Height: 18})
	d.must("¡Lección terminada!", "Hay más abajo", "▶ [ Volver al inicio ]")
	d.keys("enter")
	d.must("Hola, Lucía")
}
