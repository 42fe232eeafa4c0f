package main

import (
	"os"
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
	scr := s.waitFor("two", "Hemos recuperado tus datos", "puede faltar", "Entendido")
	if !strings.Contains(flat(scr), fi.ModTime().Local().Format("15:04")) {
		t.Errorf("the notice does not say the copy's time %s:\n%s", fi.ModTime().Local().Format("15:04"), scr)
	}
	if !strings.Contains(scr, "Rosa") {
		t.Errorf("sign-in was not skipped under the notice:\n%s", scr)
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
