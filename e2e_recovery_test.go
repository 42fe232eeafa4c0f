package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"aula/store"
)

// A damaged data file on a laptop with one learner and no PIN (sign-in is
// skipped): the real binary tells it over the first screen, in the
// learner's language, with the copy's time; the copy is the one made when
// the kiosk last closed, so the learner made then is there.
func TestE2EDamagedFileIsToldWhenSignInIsSkipped(t *testing.T) {
	bin := aulaBinary(t)
	s := newTmux(t)
	dir, data := t.TempDir(), t.TempDir()

	// First run: a new learner, then leave (a copy is made on the way out).
	s.start("one", 80, 24, bin, data, dir)
	s.waitFor("one", "¿Cómo te llamas?")
	s.signUp("one", "Rosa")
	s.waitFor("one", "Hola, Rosa")
	s.quit("one", dir)
	bak := filepath.Join(data, store.FileName+".bak")
	fi, err := os.Stat(bak)
	if err != nil {
		t.Fatalf("no copy after closing: %v", err)
	}

	if err := os.WriteFile(filepath.Join(data, store.FileName), []byte(strings.Repeat("roto", 8192)), 0o600); err != nil {
		t.Fatal(err)
	}
	s.start("two", 80, 24, bin, data, dir)
	// The learners load after the first frame: the notice may stand over
	// the sign-in screen for a moment before home comes up under it.
	scr := s.waitFor("two", "Hemos recuperado tus datos", "puede faltar", "Entendido", "Rosa")
	if !strings.Contains(flat(scr), fi.ModTime().Local().Format("15:04")) {
		t.Errorf("the notice does not say the copy's time %s:\n%s", fi.ModTime().Local().Format("15:04"), scr)
	}
	s.keys("two", "Enter")
	s.waitUntil("two", "the notice closes", func(scr string) bool {
		return !strings.Contains(scr, "Hemos recuperado") && strings.Contains(scr, "Hola, Rosa")
	})
	s.quit("two", dir)
	damaged, _ := filepath.Glob(filepath.Join(data, store.FileName+".damaged-*"))
	if len(damaged) != 1 {
		t.Errorf("damaged files kept: %v", damaged)
	}
}

// kill -9 on page 5 of the 6-page IMV application: the real binary, started
// again, says why the form is empty and takes the learner back to page 5
// with the practice card's details; the data file holds the page reached,
// never what was typed (issue 19, item 2).
func TestE2EFormAfterKillNine(t *testing.T) {
	bin := aulaBinary(t)
	s := newTmux(t)
	dir, data := t.TempDir(), t.TempDir()
	const lesson = "ingreso-minimo-vital"
	// Pepa has done the steps before the application.
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pepa, err := st.AddLearner("Pepa", "")
	if err != nil {
		t.Fatal(err)
	}
	cat := lessonsCatalog(t, "es")
	l, ok := cat.Lesson(lesson)
	if !ok {
		t.Fatal("no IMV lesson")
	}
	form := -1
	for i, step := range l.Steps() {
		if step.Kind == "form" {
			form = i
			break
		}
		if _, err := st.Record(store.Event{Learner: pepa.ID, Kind: store.StepDone, Lesson: lesson, Step: step.ID, StepIndex: i, Steps: len(l.Steps()), How: "read"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil || form < 0 {
		t.Fatal(err, form)
	}

	s.startArgs("one", 80, 24, dir, bin, "--data", data, "--lang", "es", "--lesson", lesson)
	s.waitFor("one", "Página 1 de 6")
	for n := 1; n <= 4; n++ {
		s.send("one", formPageKeys(n)...)
		s.waitFor("one", fmt.Sprintf("Página %d de 6", n+1))
	}
	// The page reached is on disk before the kill (its event, as JSON).
	path := filepath.Join(data, store.FileName)
	s.waitUntil("one", "the page reached to be saved", func(string) bool {
		raw, _ := os.ReadFile(path)
		return strings.Contains(string(raw), `"page":4`)
	})
	if out, err := exec.Command("kill", "-9", s.kioskPID("one")).CombinedOutput(); err != nil {
		t.Fatalf("kill -9: %v %s", err, out)
	}
	if code := s.waitExit("one", dir); code != 137 {
		t.Fatalf("the killed kiosk ended with status %d", code)
	}

	s.startArgs("two", 80, 24, dir, bin, "--data", data, "--lang", "es", "--lesson", lesson)
	s.waitFor("two", "Aula se cerró antes de terminar la solicitud", "no guardamos lo que escribes",
		"Ir a la página 5 con los datos de la ficha")
	s.keys("two", "Enter")
	s.waitFor("two", "Página 5 de 6 · Documentos")
	s.send("two", "Escape")
	s.waitFor("two", "¿Quieres salir del formulario?")
	s.keys("two", "Enter") // stay
	s.quit("two", dir)

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"12345678Z", "Prueba Ejemplo", "ES91", "Villaejemplo"} {
		if strings.Contains(string(raw), typed) {
			t.Errorf("the data file holds %q, typed in the practice form", typed)
		}
	}
}
