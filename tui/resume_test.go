package tui

import (
	"strings"
	"testing"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/form"
)

// missWrong gives a wrong answer to the choose step on screen.
func (d *driver) missWrong() {
	d.t.Helper()
	ex := d.player().Ex.(*choose.ChooseExercise)
	for i, o := range ex.Opts {
		if !o.Correct {
			ex.Cursor = i
		}
	}
	d.keys("enter")
}

// Two misses, then the learner leaves (Esc) or Aula is killed: coming back,
// the hint is still there and the third miss brings the worked example
// (issue 19, item 1). The count is kept with the progress, not in memory.
func TestMissesSurviveLeavingAndARestart(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	d := newDriverOn(t, st, "es", "")
	d.signUp("Lucía")
	d.keys("enter") // the first lesson
	d.keys("enter") // past its first step
	d.must("Paso 2 de 8")
	d.missWrong()
	d.missWrong()
	d.must("Pista:")
	d.keys("esc")
	d.must("Hola, Lucía")
	d.keys("enter") // carry on with the lesson
	d.must("Paso 2 de 8", "Pista:")
	if p := d.player(); p.Misses != 2 {
		t.Fatalf("back in the lesson, misses = %d, want 2", p.Misses)
	}

	// Aula ends without a word (kill -9): a new one on the same file.
	d2 := newDriverOn(t, st, "es", "usar-aula")
	d2.must("Paso 2 de 8", "Pista:")
	d2.missWrong()
	d2.must("Mira cómo se hace:", "Pulsa Intro para seguir")
	d2.keys("enter")
	d2.must("Paso 3 de 8")
}

// kill -9 on page 5 of the application: Aula says why it is empty and
// offers to go back to page 5 with the practice card's details (issue 19,
// item 2). Only the page number is stored, never the details.
func TestFormAfterACrashOffersThePageReached(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(5)
	d.must("Página 5 de 6")

	d2 := newDriverOn(t, d.st, "es", "ingreso-minimo-vital")
	d2.dialogSays("Aula se cerró", "no guardamos lo que escribes en los formularios de práctica.",
		"Habías llegado a la página 5 de 6", "Ir a la página 5 con los datos de la ficha", "Empezar desde la página 1")
	d2.keys("enter")
	d2.must("Página 5 de 6 · Documentos")
	f := d2.form()
	for k, want := range map[string]string{"nombre": "Lucía", "dni": "12345678Z", "provincia": "madrid", "iban": "ES91 2100 0418 4502 0005 1332", "titular": "yes"} {
		if got := f.Fields[k].Val(); got != want {
			t.Errorf("field %s = %q, want %q", k, got, want)
		}
	}
	d2.keys(imvPage(5)...)
	d2.keys(imvPage(6)...)
	d2.must("Revisa tus datos")
	if g := d2.form().Groups["convivientes"]; len(g.Serials) != 1 {
		t.Errorf("the household has %d people, want Mario only", len(g.Serials))
	}
	d2.tabTo(form.TSubmit)
	d2.keys("enter")
	d2.must("Número de registro: IMV-", "✔ ¡Bien!")
	d2.keys("enter") // on to the next step
	d2.keys("esc")
	d2.must("Hola, Pepe")
	d3 := newDriverOn(t, d.st, "es", "ingreso-minimo-vital")
	d3.mustNot("Aula se cerró")
}

// Leaving the form on purpose (its answers thrown away when asked) leaves
// nothing to offer.
func TestFormLeftOnPurposeOffersNothing(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(3)

	d.keys("esc", "down", "enter")
	d.must("Hola, Pepe")
	d3 := newDriverOn(t, d.st, "es", "ingreso-minimo-vital")
	d3.must("Página 1 de 6")
	d3.mustNot("Aula se cerró")
}

// Starting again from page 1 (or Esc on the offer) shows the empty form.
func TestFormAfterACrashCanStartAgain(t *testing.T) {
	d := formDriver(t, "en", "ingreso-minimo-vital")
	d.fillTo(3)
	d2 := newDriverOn(t, d.st, "en", "ingreso-minimo-vital")
	d2.dialogSays("Aula closed", "we never save what you type in practice forms.", "You had reached page 3 of 6")
	d2.keys("down", "enter")
	d2.must("Page 1 of 6")
	if v := d2.form().Fields["nombre"].Val(); v != "" {
		t.Fatalf("starting again filled the name: %q", v)
	}
	d3 := newDriverOn(t, d.st, "en", "ingreso-minimo-vital")
	d3.mustNot("Aula closed")
}

// dialogSays fails unless the dialog on screen says every one of want,
// read as one text without its frame.
func (d *driver) dialogSays(want ...string) {
	d.t.Helper()
	text := strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "║", " ")), " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			d.t.Fatalf("the dialog does not say %q:\n%s", w, d.view())
		}
	}
}

// A learner who picked their name on the sign-in screen and is typing
// their PIN is in the class's presence, signing in, rather than absent
// (the dashboard showed them "Offline"; issue 19, item 3).
func TestSigningInIsPresentInTheClass(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	ana, err := st.AddLearner("Ana", "4821")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	f := &fakeClass{}
	d := newDriverWith(t, st, Config{Lang: "es", Class: f, Joined: "http://10.0.0.1:7420"})
	d.must("¿Quién eres?")
	d.keys("enter") // Ana
	d.must("Escribe tu PIN")
	if p := f.last(); p.Screen != "signin" || p.Learner != ana.ID || p.Name != "Ana" {
		t.Fatalf("presence while Ana types her PIN: %+v", p)
	}
	d.keys("esc")
	if p := f.last(); p.Learner != 0 {
		t.Fatalf("back at the list of names, presence still names someone: %+v", p)
	}
}

// In accessible mode the offer is said with its two answers by number.
func TestLinesFormAfterACrashOffersThePageReached(t *testing.T) {
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	pepe, err := st.AddLearner("Pepe", "")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := tuitest.Library(t).Catalog("es").Lesson("ingreso-minimo-vital")
	for i, s := range l.Steps() {
		e := store.Event{Learner: pepe.ID, Kind: store.StepDone, Lesson: l.ID, Step: s.ID, StepIndex: i, Steps: len(l.Steps()), How: "read"}
		if s.Kind == "form" {
			e.Kind, e.How, e.Page = store.PageReached, "", 4
		}
		if _, err := st.Record(e); err != nil {
			t.Fatal(err)
		}
		if s.Kind == "form" {
			break
		}
	}
	out := linesAll(t, st, Config{Lang: "es", StartLesson: l.ID}, "1\n")
	for _, want := range []string{"Aula se cerró antes de terminar la solicitud.", "no guardamos lo que escribes en los formularios de práctica",
		"1. Ir a la página 5 con los datos de la ficha\n2. Empezar desde la página 1\n", "Página 5 de 6"} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
}
