package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"aula/lessons"
	"aula/tui/ui"
)

// trainerLesson is a trainer's lesson of three read steps; title names the
// version of the file, and broken adds a step the loader refuses.
func trainerLesson(t *testing.T, title string, broken bool) ui.LessonsMsg {
	t.Helper()
	return trainerLessonOf(t, title, broken, "uno", "dos", "tres")
}

// trainerLessonOf is trainerLesson with the read steps ids.
func trainerLessonOf(t *testing.T, title string, broken bool, ids ...string) ui.LessonsMsg {
	t.Helper()
	text := fmt.Sprintf("id: mia\ntitle: %s\nsteps:\n", title)
	for _, id := range ids {
		text += fmt.Sprintf("  - id: %s\n    kind: read\n    title: Paso %s de %s\n    text: Texto.\n    hint: Pista.\n", id, id, title)
	}
	if broken {
		text += "  - id: cuatro\n    kind: bailar\n    title: Mal\n    text: Mal.\n    hint: Mal.\n"
	}
	lib, problems := lessons.Load(lessons.Source{Name: "mis", FS: fstest.MapFS{"es/mia.yaml": {Data: []byte(text)}}})
	if broken != (len(problems) > 0) {
		t.Fatalf("broken=%v but problems: %v", broken, problems)
	}
	return ui.LessonsMsg{Library: lib, Problems: problems, Reopen: true}
}

// previewDriver is a kiosk on the trainer's lesson, signed in, on it.
func previewDriver(t *testing.T) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	l, err := st.AddLearner("Vista previa", "")
	if err != nil {
		t.Fatal(err)
	}
	first := trainerLesson(t, "Versión 1", false)
	d := newDriverWith(t, st, Config{Lang: "es", StartLesson: "mia", SignedIn: &l})
	d.m.c.Lessons = first.Library.Catalog("es") // newDriverWith gives the built-in library
	d.m.cfg.Library = first.Library
	d.send(ui.OpenLessonMsg{ID: "mia"})
	d.must("Paso uno de Versión 1")
	return d
}

func (d *driver) reload(msg ui.LessonsMsg, seq uint64) {
	d.t.Helper()
	msg.Seq = seq
	d.send(msg)
}

// A save while a step is open shows the new words on the same step; a
// file with problems shows them, file:line, in place of the step until a
// save fixes it, and then the step is back.
func TestPreviewReloadKeepsTheStep(t *testing.T) {
	d := previewDriver(t)
	d.keys("enter") // to step 2
	d.must("Paso dos de Versión 1")
	d.reload(trainerLesson(t, "Versión 2", false), 2)
	d.must("Paso dos de Versión 2", "Paso 2 de 3")
	if d.player().Lesson.Title != "Versión 2" {
		t.Errorf("the player should hold the new lesson")
	}

	d.reload(trainerLesson(t, "Versión 3", true), 3)
	d.must("Tu carpeta tiene", "mis/es/mia.yaml:", `kind "bailar"`)
	if f := d.m.lineFrame(); !strings.Contains(strings.Join(f.Lines, "\n"), `mis/es/mia.yaml:20: step "cuatro": kind "bailar"`) {
		t.Errorf("accessible mode should say the problems: %q", f.Lines)
	}
	d.mustNot("Paso dos")
	d.keys("enter", "enter") // the step under the problems is not the file's: keys do nothing
	d.reload(trainerLesson(t, "Versión 4", false), 4)
	d.mustNot("Tu carpeta tiene")
	d.must("Paso dos de Versión 4")
}

// Two saves in quick succession: their reads may end in either order; the
// newer one stays on screen whatever order they arrive in.
func TestPreviewReloadOutOfOrder(t *testing.T) {
	d := previewDriver(t)
	d.keys("enter", "enter") // step 3
	d.must("Paso tres de Versión 1")
	d.reload(trainerLesson(t, "Versión 3", false), 3)
	d.reload(trainerLesson(t, "Versión 2", true), 2) // read before the save that fixed it, ended after
	d.must("Paso tres de Versión 3")
	d.mustNot("Tu carpeta tiene", "Versión 2")
	// And the other way round: the newer read broken, the older one late.
	d.reload(trainerLesson(t, "Versión 5", true), 5)
	d.reload(trainerLesson(t, "Versión 4", false), 4)
	d.must("Tu carpeta tiene")
	d.mustNot("Versión 4")
}

// A step removed from the file: the preview stays at the same place in
// the lesson, or the last step when the lesson is shorter now.
func TestPreviewReloadStepGone(t *testing.T) {
	d := previewDriver(t)
	d.keys("enter", "enter") // step 3, "tres"
	short := trainerLessonOf(t, "Corta", false, "uno", "dos")
	d.reload(short, 2)
	d.must("Paso dos de Corta", "Paso 2 de 2")
}

// A class's lessons (no Reopen) change the library, never the lesson a
// learner is in.
func TestClassLessonsLeaveTheStepAlone(t *testing.T) {
	d := previewDriver(t)
	d.keys("enter")
	msg := trainerLesson(t, "Versión 2", false)
	msg.Reopen = false
	d.reload(msg, 2)
	d.must("Paso dos de Versión 1")
	if l, _ := d.m.c.Lessons.Lesson("mia"); l.Title != "Versión 2" {
		t.Errorf("the next lesson opened should come from the new library")
	}
	broken := trainerLesson(t, "Versión 3", true)
	broken.Reopen = false
	d.reload(broken, 3)
	if v := d.view(); strings.Contains(v, "Tu carpeta tiene") {
		t.Errorf("problems are the preview's, never a learner's:\n%s", v)
	}
}

// On the home screen, a class's new lessons show at once: the itineraries
// of the folder beside the built-in ones.
func TestClassLessonsShowOnTheHome(t *testing.T) {
	d := newDriver(t, "es")
	d.signUp("Ana")
	d.must("Itinerarios", "Primeros pasos")
	d.mustNot("Mi itinerario")
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()}, lessons.Source{Name: "clase", FS: fstest.MapFS{
		"es/itineraries.yaml": {Data: []byte("itineraries:\n  - id: mio\n    title: Mi itinerario\n    lessons: [teclado]\n")},
		"en/itineraries.yaml": {Data: []byte("itineraries:\n  - id: mio\n    title: My itinerary\n    lessons: [teclado]\n")},
	}})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	d.reload(ui.LessonsMsg{Library: lib}, 1)
	d.must("Primeros pasos", "Mi itinerario")
}
