package dashboard

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/classroom"
	"aula/lessons"
)

// The trainer's lessons folder: refused, the first line says so and the
// help lists every problem (escapes cleaned), with what the class has.
func TestDashboardTellsARefusedFolder(t *testing.T) {
	src := liveClass(flagRows())
	src.snap.Lessons = &classroom.Published{Folder: "mis-lecciones", Version: "abc", Lessons: 2, At: time.Date(2026, 12, 6, 10, 5, 0, 0, time.Local),
		Problems: []string{"mis-lecciones/es/ayuda.yaml:12: step \"x\" has no hint: every step needs one\x1b[2J"}}
	dd := newDash(t, "es", src, 100, 24)
	dd.must("! mis-lecciones no se ha publicado: 1 problema (F1)")
	dd.keys("f1")
	dd.must("Lecciones publicadas para la clase: mis-lecciones, 2 lecciones, a las 10:05.",
		"La última vez que guardaste mis-lecciones tenía 1 problema", "mis-lecciones/es/ayuda.yaml:12: step")
	dd.mustNot("\x1b[2J")

	// At 80×24 the help is taller than the screen: it scrolls (to the
	// problems, to the last keys) instead of cutting them off.
	small := newDash(t, "es", src, 80, 24)
	small.keys("f1")
	small.must("mis-lecciones/es/ayuda.yaml:12: step", "Hay más abajo", "Pulsa Esc o F1 para cerrar la ayuda.")
	small.mustNot("Ctrl+C  salir")
	small.send(tea.KeyMsg{Type: tea.KeyPgDown})
	small.send(tea.KeyMsg{Type: tea.KeyPgDown})
	small.must("Ctrl+C  salir", "Hay más arriba", "Pulsa Esc o F1 para cerrar la ayuda.")

	src.snap.Lessons = &classroom.Published{Folder: "my-lessons", Version: "abc", Lessons: 1}
	ok := newDash(t, "en", src, 100, 24)
	ok.mustNot("not published")
}

// publishedLibrary is the built-in lessons with a trainer's folder of one
// lesson, ayuda-alquiler, titled in each language.
func publishedLibrary(t *testing.T) *lessons.Library {
	t.Helper()
	lesson := func(title, step string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(fmt.Sprintf("id: ayuda-alquiler\ntitle: %s\nsteps:\n"+
			"  - id: uno\n    kind: read\n    title: %s\n    text: Texto.\n    hint: Pista.\n", title, step))}
	}
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()}, lessons.Source{Name: "mis-lecciones", FS: fstest.MapFS{
		"es/ayuda-alquiler.yaml": lesson("Ayuda para el alquiler", "Empieza"),
		"en/ayuda-alquiler.yaml": lesson("Help with the rent", "Start"),
	}})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return lib
}

// A published folder's lessons are named by their titles in the trainer's
// language: in the help's list, in a learner's row and in the lesson
// picker; never by their ids.
func TestDashboardNamesPublishedLessonsByTitle(t *testing.T) {
	lib := publishedLibrary(t)
	for lang, title := range map[string]string{"es": "Ayuda para el alquiler", "en": "Help with the rent"} {
		rows := flagRows()
		rows[0] = learnerRow(1, "Lucía", "ayuda-alquiler", 1, 1)
		src := liveClass(rows)
		src.snap.Lessons = &classroom.Published{Folder: "mis-lecciones", Version: "abc", Lessons: 1, IDs: []string{"ayuda-alquiler"},
			At: time.Date(2026, 12, 6, 10, 5, 0, 0, time.Local)}
		var pub *lessons.Library
		dd := newDashWith(t, lang, src, 100, 24, func(c *Config) { c.Published = func() *lessons.Library { return pub } })
		dd.mustNot(title)
		pub = lib // published while the dashboard runs: the next reading of the class takes it
		dd.fire()
		dd.must(title)
		dd.mustNot("ayuda-alquiler", "ayuda alquiler")
		dd.keys("f1")
		dd.must("• " + title)
		dd.mustNot("ayuda-alquiler")
		dd.keys("esc", "L", "up", "up") // the picker wraps to its last lesson: the folder's
		dd.must("▶ " + title)
		dd.keys("enter")
		if sent := src.commands(); len(sent) != 1 || sent[0].Lesson != "ayuda-alquiler" {
			t.Errorf("%s: sent %+v, want everyone to ayuda-alquiler", lang, sent)
		}
		dd.must(title)
	}
}
