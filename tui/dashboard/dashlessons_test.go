package dashboard

import (
	"testing"
	"time"

	"aula/classroom"
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

	src.snap.Lessons = &classroom.Published{Folder: "my-lessons", Version: "abc", Lessons: 1}
	ok := newDash(t, "en", src, 100, 24)
	ok.mustNot("not published")
}
