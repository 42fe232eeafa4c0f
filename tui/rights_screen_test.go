package tui

import (
	"errors"
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/screens"
)

// fakePapers is main's dashPapers for the learners' data screen.
type fakePapers struct{ exported, erased []string }

func (p *fakePapers) Export(id uint64) ([]string, error) {
	p.exported = append(p.exported, "x")
	return []string{"/home/aula/Documentos/Aula/begona-record-2026-03-02.json", "/home/aula/Documentos/Aula/begona-record-2026-03-02.pdf"}, nil
}

func (p *fakePapers) Erased(name string) int {
	p.erased = append(p.erased, name)
	return 1
}

// rightsDriver is a kiosk with a trainer PIN and three learners, two of
// them one person ("Begona" and "Begoña"), on the learners' data screen.
func rightsDriver(t *testing.T, lang string) (*driver, *fakePapers, map[string]store.Learner) {
	t.Helper()
	return rightsDriverIn(t, lang, nil)
}

// rightsDriverIn is rightsDriver in a class (class not nil).
func rightsDriverIn(t *testing.T, lang string, class Class) (*driver, *fakePapers, map[string]store.Learner) {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	ls := map[string]store.Learner{}
	for _, name := range []string{"Begona", "Begoña", "Rosa"} {
		l, err := st.AddLearner(name, "")
		if err != nil {
			t.Fatal(err)
		}
		ls[name] = l
	}
	for _, name := range []string{"Begona", "Begoña"} {
		if _, err := st.Record(store.Event{Learner: ls[name].ID, Kind: store.LessonStarted, Lesson: "teclado", Steps: 4}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	p := &fakePapers{}
	d := newDriverWith(t, st, Config{Lang: lang, Kiosk: true, TrainerPIN: true, Papers: p, Class: class})
	return d, p, ls
}

// In a class, the learners' data screen is the trainer's: nobody is signed
// in, so F4 is not offered there and raises no hand.
func TestKioskRightsScreenHasNoHandToRaise(t *testing.T) {
	d, _, _ := rightsDriverIn(t, "en", &fakeClass{})
	d.must("F4")
	d.keys("q")
	d.moveTo("Learners' data (trainer)")
	d.keys("enter")
	d.must("Trainer PIN")
	d.keys("907513", "enter")
	d.must("Learners' data", "Choose a learner of this laptop")
	d.mustNot("F4")
	d.keys("f4")
	d.mustNot("Your trainer", "not in a class", "F4")
	d.must("Choose a learner of this laptop")
}

// The trainer opens the learners' data from the quit dialog with the PIN;
// joins Begona into Begoña (offered first, as a similar name; No first),
// saves a copy of Begoña's data, renames her, and erases Rosa (No first).
func TestKioskRightsScreen(t *testing.T) {
	d, p, ls := rightsDriver(t, "en")
	d.keys("q")
	d.moveTo("Learners' data (trainer)")
	d.keys("enter")
	d.must("Trainer PIN")
	d.keys("0000", "enter")
	d.mustNot("Choose a learner of this laptop")
	d.keys("907513", "enter")
	d.must("Learners' data", "Choose a learner of this laptop", "Begona", "Begoña", "Rosa", "Close (back to sign-in)")

	d.moveTo("Begona")
	d.keys("enter")
	d.must("What do you want to do?", "Rename", "Join with another profile", "Save a copy of their data", "Erase this learner")
	d.moveTo("Join with another")
	d.keys("enter")
	d.must("Join Begona with…", "▶ [ Begoña (a similar name) ]")
	d.keys("enter")
	d.must("Join the two profiles?", "Everything Begona did moves into Begoña", "▶ [ No, go back ]", "[ Yes, join into Begoña ]")
	d.keys("enter") // No
	if _, err := d.st.Learner(ls["Begona"].ID); err != nil {
		t.Fatalf("No joined them: %v", err)
	}
	d.moveTo("Join with another")
	d.keys("enter", "enter", "down", "enter")
	d.must("Begona is joined into Begoña: 1 activity moved.")
	if _, err := d.st.Learner(ls["Begona"].ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Begona after the join: %v", err)
	}
	if evs, _ := d.st.Events(ls["Begoña"].ID); len(evs) != 2 {
		t.Fatalf("Begoña's events after the join: %d", len(evs))
	}

	d.moveTo("Begoña")
	d.keys("enter")
	d.moveTo("Save a copy")
	d.keys("enter")
	d.must("Begoña's data is saved in:", "begona-record-2026-03-02.json", "begona-record-2026-03-02.pdf", "USB stick")
	if len(p.exported) != 1 {
		t.Fatalf("exports: %v", p.exported)
	}

	d.moveTo("Begoña")
	d.keys("enter")
	d.moveTo("Rename")
	d.keys("enter")
	d.must("New name for Begoña")
	d.keys(" Ruiz", "enter")
	d.must("Begoña is now called Begoña Ruiz.")
	if l, _ := d.st.Learner(ls["Begoña"].ID); l.Name != "Begoña Ruiz" {
		t.Fatalf("renamed: %q", l.Name)
	}

	// Erase Rosa, with the mouse: her name, then the action.
	d.click("rights-1")
	d.must("Rosa", "What do you want to do?")
	d.click("rights-3")
	d.must("Erase Rosa?", "Safety copies", "until 3 new copies replace them", "▶ [ No, go back ]")
	d.keys("enter")
	if _, err := d.st.Learner(ls["Rosa"].ID); err != nil {
		t.Fatalf("No erased Rosa: %v", err)
	}
	d.moveTo("Erase this learner")
	d.keys("enter", "down", "enter")
	d.must("Rosa is erased (0 activities).", "1 file saved for them was removed.")
	if _, err := d.st.Learner(ls["Rosa"].ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Rosa after the erasure: %v", err)
	}
	if !slices.Equal(p.erased, []string{"Rosa"}) {
		t.Fatalf("files removed for %v", p.erased)
	}
	d.mustNot("[ Rosa ]")
	d.keys("esc")
	d.mustNot("Choose a learner of this laptop")
}

// A learner signed in who opens the quit dialog without a trainer PIN set
// sees no way in to the learners' data.
func TestKioskRightsNeedATrainerPIN(t *testing.T) {
	d, _ := kioskDriver(t, "en", "")
	d.keys("q")
	d.must("Do you want to leave?")
	d.mustNot("Learners' data")
}

// In accessible mode, in Spanish: the learners' data is a choice of the quit
// dialog; after the PIN, every step is numbered; erasing asks, and
// "1" (No) keeps the learner.
func TestLinesKioskRightsScreen(t *testing.T) {
	st := withLearner(t, "Lucía")
	rosa, err := st.AddLearner("Rosa", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	s := startLineSession(t, st, Config{Lang: "es", Kiosk: true, TrainerPIN: true, Papers: &fakePapers{}})
	s.expect("Escribe el número")
	s.send("salir")
	s.expect("2. Datos de las personas (formación)\n3. Seguir aquí")
	s.send("2")
	s.expect("PIN de la persona formadora")
	s.send("907513")
	said := s.expect("3. Cerrar (volver a la entrada)")
	s.send(optionNumber(t, said, "Rosa"))
	said = s.expect("5. Volver")
	s.send(optionNumber(t, said, "Borrar a esta persona"))
	s.expect("¿Borrar a Rosa?")
	s.expect("1. No, volver\n2. Sí, borrar a Rosa")
	s.send("1")
	s.expect("¿Qué quieres hacer?")
	if _, err := st.Learner(rosa.ID); err != nil {
		t.Fatalf("No erased Rosa: %v", err)
	}
	s.send("4", "2")
	s.expect("Rosa se ha borrado (0 actividades).")
	if _, err := st.Learner(rosa.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Rosa after the erasure: %v", err)
	}
}

// The learners' data screen closes by itself after screens.RightsIdle
// without a key or a click, back to the sign-in screen, in the middle of
// a step too; a key resets its clock. Time moves through the idle
// clock's own message, delivered by the test.
func TestKioskRightsScreenClosesWhenIdle(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		d, _, _ := rightsDriver(t, lang)
		var look func(time.Time) tea.Msg
		var after time.Duration
		d.m.c.Tick = func(dur time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			look, after = f, dur
			return nil
		}
		title := map[string]string{"en": "Choose a learner of this laptop", "es": "Elige a una persona de este portátil"}[lang]
		d.keys("q")
		d.moveTo(map[string]string{"en": "Learners' data (trainer)", "es": "Datos de las personas (formación)"}[lang])
		d.keys("enter", "907513", "enter")
		d.must(title)
		if look == nil || after != screens.RightsIdle {
			t.Fatalf("%s: the idle clock asks to look after %v, want %v", lang, after, screens.RightsIdle)
		}
		// A key one minute in: two minutes after it, not after the start.
		d.clock.Advance(time.Minute)
		d.keys("down", "enter") // Begoña's actions
		d.clock.Advance(time.Minute)
		d.send(look(d.clock.now))
		d.must("Begoña")
		if after != time.Minute {
			t.Errorf("%s: after a key, looks again in %v, want 1m0s", lang, after)
		}
		d.clock.Advance(time.Minute)
		d.send(look(d.clock.now))
		d.mustNot(title)
		d.must(map[string]string{"en": "Who are you?", "es": "¿Quién eres?"}[lang])
	}
}
