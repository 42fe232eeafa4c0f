package tui

import (
	"bytes"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/exp/teatest"
)

// formRun runs a huh form in a real Bubble Tea program (teatest) at 80×24
// and lets the test type into it.
type formRun struct {
	t  *testing.T
	tm *teatest.TestModel
	f  *huh.Form
}

func runFormTest(t *testing.T, f *huh.Form) *formRun {
	t.Helper()
	// As huh's own Run does: the program ends with the form.
	f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
	return &formRun{t: t, f: f, tm: teatest.NewTestModel(t, f, teatest.WithInitialTermSize(80, 24))}
}

// waitFor waits until the output shows every one of wants. The output is
// read as it comes: what was seen once is not seen again.
func (r *formRun) waitFor(wants ...string) {
	r.t.Helper()
	teatest.WaitFor(r.t, r.tm.Output(), func(b []byte) bool {
		for _, w := range wants {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func (r *formRun) typeText(s string) { r.tm.Type(s) }
func (r *formRun) key(k tea.KeyType) { r.tm.Send(tea.KeyMsg{Type: k}) }
func (r *formRun) enter()            { r.key(tea.KeyEnter) }

// finish waits for the form to end and returns its state.
func (r *formRun) finish() huh.FormState {
	r.t.Helper()
	r.tm.WaitFinished(r.t, teatest.WithFinalTimeout(20*time.Second))
	_, _ = io.ReadAll(r.tm.FinalOutput(r.t))
	return r.f.State
}

func TestSetupLanguageFormNamesEachLanguageInItself(t *testing.T) {
	lang := "es"
	r := runFormTest(t, SetupLanguageForm(&lang))
	r.waitFor("Idioma · Language", "Español", "English")
	r.key(tea.KeyDown)
	r.enter()
	if st := r.finish(); st != huh.StateCompleted || lang != "en" {
		t.Fatalf("state %v, lang %q; want completed, en", st, lang)
	}
}

func TestSetupFormFirstTime(t *testing.T) {
	a := SetupAnswers{Lang: "en"}
	r := runFormTest(t, SetupForm(&a, false, "linux"))
	r.waitFor("Setting up this laptop", "Kiosk mode?")
	r.typeText("y") // Yes, and on to the next question

	r.waitFor("Trainer PIN", "4 to 8 numbers")
	r.typeText("12")
	r.enter()
	r.waitFor("The trainer PIN has 4 to 8 numbers.")
	r.typeText("3456")
	r.enter()
	r.waitFor("┃ Type the trainer PIN again")
	r.typeText("123457")
	r.enter()
	r.waitFor("The two PINs are not the same.")
	r.key(tea.KeyBackspace)
	r.typeText("6")
	r.enter()

	r.waitFor("Class address")
	r.typeText("http://")
	r.enter()
	r.waitFor("That address is not valid.")
	for range len("http://") {
		r.key(tea.KeyBackspace)
	}
	r.typeText("192.168.1.23")
	r.enter()

	r.waitFor("Name of the centre", "printed on certificates")
	r.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Centro Cívico La Almozara")})
	r.enter()
	r.waitFor("Name of the trainer")
	r.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Íñigo Pérez")}) // typeText sends bytes
	r.enter()

	r.waitFor("Font size", "Preferences")
	r.enter()
	if st := r.finish(); st != huh.StateCompleted {
		t.Fatalf("state %v, want completed", st)
	}
	want := SetupAnswers{Lang: "en", Kiosk: true, PIN: "123456", PINAgain: "123456", Hub: "192.168.1.23",
		Centre: "Centro Cívico La Almozara", Trainer: "Íñigo Pérez"}
	if a != want {
		t.Errorf("answers %+v, want %+v", a, want)
	}
}

func TestSetupFormKeepsTheTrainerPINUnlessAsked(t *testing.T) {
	a := SetupAnswers{Lang: "es", Kiosk: true, Hub: "http://10.0.0.2:7420"}
	r := runFormTest(t, SetupForm(&a, true, "windows"))
	r.waitFor("Preparar este ordenador", "¿Modo quiosco?")
	r.typeText("n") // No, and on
	r.waitFor("¿Cambiar el PIN de la persona formadora?")
	r.enter() // No, the default
	r.waitFor("Dirección de la clase")
	r.enter() // keep it
	r.waitFor("Nombre del centro")
	r.enter()
	r.enter()
	r.waitFor("Tamaño de letra", "Windows")
	r.enter()
	if st := r.finish(); st != huh.StateCompleted {
		t.Fatalf("state %v, want completed", st)
	}
	want := SetupAnswers{Lang: "es", Kiosk: false, Hub: "http://10.0.0.2:7420"}
	if a != want {
		t.Errorf("answers %+v, want %+v", a, want)
	}
}

func TestSetupFormEscSavesNothing(t *testing.T) {
	a := SetupAnswers{Lang: "en"}
	r := runFormTest(t, SetupForm(&a, false, "linux"))
	r.waitFor("Kiosk mode?")
	r.key(tea.KeyEsc)
	if st := r.finish(); st != huh.StateAborted {
		t.Fatalf("state %v, want aborted", st)
	}
}

func TestTrainerPINForm(t *testing.T) {
	var pin string
	r := runFormTest(t, TrainerPINForm("en", &pin))
	r.waitFor("Trainer PIN")
	r.typeText("2468")
	r.enter()
	r.waitFor("┃ Type the trainer PIN again")
	r.typeText("2468")
	r.enter()
	if st := r.finish(); st != huh.StateCompleted || pin != "2468" {
		t.Fatalf("state %v, pin %q", st, pin)
	}
}

// A trainer PIN anybody would try first gets a gentle note, and is kept
// if the trainer goes on (issue 19, item 15).
func TestTrainerPINFormNotesAnEasyPIN(t *testing.T) {
	var pin string
	r := runFormTest(t, TrainerPINForm("en", &pin))
	r.waitFor("Trainer PIN")
	r.typeText("123456")
	r.enter()
	r.waitFor("┃ Type the trainer PIN again", "That PIN is easy to guess")
	r.typeText("123456")
	r.enter()
	if st := r.finish(); st != huh.StateCompleted || pin != "123456" {
		t.Fatalf("state %v, pin %q", st, pin)
	}
}

// The kiosk question's arrows choose the answer they point at: → stays
// on No (it used to swap to Yes), ← is Yes, → again No.
func TestSetupKioskArrowsPointAtTheirAnswer(t *testing.T) {
	for _, c := range []struct {
		keys []tea.KeyType
		want bool
	}{
		{[]tea.KeyType{tea.KeyRight}, false},
		{[]tea.KeyType{tea.KeyLeft}, true},
		{[]tea.KeyType{tea.KeyLeft, tea.KeyLeft}, true},
		{[]tea.KeyType{tea.KeyLeft, tea.KeyRight}, false},
	} {
		a := SetupAnswers{Lang: "en"}
		r := runFormTest(t, SetupForm(&a, false, "linux"))
		r.waitFor("Kiosk mode?")
		for _, k := range c.keys {
			r.key(k)
		}
		r.enter()
		r.waitFor("Trainer PIN")
		r.key(tea.KeyEsc)
		r.finish()
		if a.Kiosk != c.want {
			t.Errorf("after %v: kiosk %v, want %v", c.keys, a.Kiosk, c.want)
		}
	}
}
