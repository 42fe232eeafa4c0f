package ui

import "aula/lessons"

// LessonsMsg brings the kiosk a library read again from outside: the
// lessons folder a trainer is writing (aula lessons preview), or the one
// the class's hub published. The root puts it in place of the one it has.
type LessonsMsg struct {
	Library  *lessons.Library
	Problems []lessons.Problem // the folder's problems: shown in place of the step (Reopen)
	// Seq numbers the reads, from 1: a read that ends after a newer one
	// (two saves in quick succession) is older news, and is dropped.
	Seq uint64
	// Reopen is the preview's: the lesson on screen is opened again from
	// the new library at the same step, and problems are shown in its
	// place until they are fixed. Without it (a class's lessons), a lesson
	// on screen stays as it is and the new library serves the next one.
	Reopen bool
}
