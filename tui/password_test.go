package tui

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/lessons/validate"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/password"
	"aula/tui/ui"
)

const pwLesson = "contrasenas-fuertes"

// atPasswordStep opens the password step of the strong-passwords lesson for
// Lucía, on a store in dir.
func atPasswordStep(t *testing.T, dir, lang string) *driver {
	t.Helper()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	l, _ := tuitest.Library(t).Catalog("es").Lesson(pwLesson)
	learnerAt(pwLesson, len(l.Steps()), firstOfKind(t, pwLesson, "password"))(t, st)
	d := newDriverOn(t, st, lang, pwLesson)
	if _, ok := d.player().Ex.(*password.PasswordExercise); !ok {
		t.Fatalf("not on the password step:\n%s", d.view())
	}
	return d
}

func (d *driver) pw() *password.PasswordExercise { return d.player().Ex.(*password.PasswordExercise) }

// say fails unless the screen says every one of want, wrapped or not.
func (d *driver) say(want ...string) {
	d.t.Helper()
	flat := strings.Join(strings.Fields(d.view()), " ")
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			d.t.Fatalf("screen does not say %q:\n%s", w, d.view())
		}
	}
}

func TestPasswordStepMeterAdviceAndConfirm(t *testing.T) {
	d := atPasswordStep(t, t.TempDir(), "es")
	d.must("Crea una contraseña de práctica", "Contraseña", "Repítela", "Fuerza: □□□□□ vacía · objetivo: fuerte")

	// Enter with nothing typed is a reminder, not a miss.
	d.keys("enter")
	d.must("Primero escribe una contraseña en el recuadro")
	if d.player().Misses != 0 {
		t.Fatal("an empty answer counted as a miss")
	}

	// The meter follows every key; the advice names the mistake.
	d.keys("Maria1975")
	d.must("•••••••••", "Fuerza: ■■□□□ débil", "Lleva una palabra fácil de adivinar", "Lleva un año o una fecha")
	d.mustNot("Maria1975")
	d.keys("backspace", "backspace", "backspace", "backspace", "backspace")
	d.must("••••", "muy débil", "Es muy corta")

	// Checking a weak password is a miss that says why.
	d.keys("enter")
	d.say("✗ Todavía no.", "Tu contraseña es «muy débil» y tiene que ser al menos «fuerte».")
	if d.player().Misses != 1 {
		t.Fatalf("misses = %d, want 1", d.player().Misses)
	}

	// The learner's own name.
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys("Lucía1980")
	d.must("Lleva tu nombre. Es lo primero que alguien probaría.")

	// A passphrase reaches the goal; Enter goes to the second box.
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys("nube tren queso piano")
	d.must("Fuerza: ■■■■■ muy fuerte · ✔ llega al objetivo")
	d.mustNot("Añade otra palabra")
	d.keys("enter")
	if d.pw().Focus != 1 || d.player().Misses != 1 {
		t.Fatalf("Enter should go to the second box without a miss: focus %d, misses %d", d.pw().Focus, d.player().Misses)
	}

	// Different in the second box: a friendly miss, and that box empties.
	d.keys("nube tren queso pian", "enter")
	d.say("Las 2 contraseñas no son iguales. No pasa nada")
	if d.pw().Fields[1].Len() != 0 || d.pw().Focus != 1 {
		t.Fatalf("the second box should be empty and focused after a mismatch")
	}

	// F3 shows and hides it.
	d.send(tea.KeyMsg{Type: tea.KeyF3})
	d.must("nube tren queso piano")
	d.send(tea.KeyMsg{Type: tea.KeyF3})
	d.mustNot("nube tren queso piano")

	d.keys("nube tren queso piano", "enter")
	d.say("✔ ¡Bien! En la vida real, inventa una distinta para cada cuenta.", "Hemos borrado tu contraseña de práctica", "Fuerza: ■■■■■ muy fuerte")
	if f := d.pw().Fields; f[0].Len() != 0 || f[1].Len() != 0 {
		t.Fatal("the fields still hold the password after the step")
	}
}

func TestPasswordStepEnglish(t *testing.T) {
	d := atPasswordStep(t, t.TempDir(), "en")
	d.must("Make up a practice password", "Password", "Type it again", "Strength: □□□□□ empty · goal: strong")
	d.keys("Barcelona2024")
	d.must("Strength: ■■□□□ weak", "It's one of the most used passwords.")
	d.keys("enter")
	d.say("Your password is \"weak\" and it needs to be at least \"strong\".")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys("cloud train cheese piano", "enter", "enter")
	d.say("Now type it again in \"Type it again\".")
	d.keys("cloud train cheese piano", "enter")
	d.say("✔ Well done! In real life", "We've deleted your practice password.")
}

// Bad input never breaks the step: a huge paste, emoji, accents, only
// spaces, tabs and line breaks.
func TestPasswordStepBadInput(t *testing.T) {
	d := atPasswordStep(t, t.TempDir(), "es")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("ñ", 10000)), Paste: true})
	d.must("muy débil")
	if n := d.pw().Fields[0].Len(); n != validate.MaxPasswordLen {
		t.Fatalf("after a 10,000 character paste the field holds %d, want %d", n, validate.MaxPasswordLen)
	}
	d.must("Solo caben 64 caracteres. Hemos dejado los 64 primeros.")
	d.keys("enter")
	d.must("✗ Todavía no.")

	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys("    ")
	d.must("Solo hay espacios. Escribe palabras.")

	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("😀🔑\ttren\nazul\r"), Paste: true})
	if got := d.pw().Fields[0].Value(); got != "😀🔑trenazul" {
		t.Fatalf("tabs and line breaks should be left out: %q", got)
	}
	d.send(tea.KeyMsg{Type: tea.KeyF3})
	d.must("😀🔑trenazul")
	// Editing in the middle, with wide characters.
	d.keys("left", "left", "left", "left", "backspace")
	if got := d.pw().Fields[0].Value(); got != "😀🔑treazul" {
		t.Fatalf("backspace in the middle: %q", got)
	}
	for _, w := range []int{ui.MinWidth, 80, 120} {
		d.send(tea.WindowSizeMsg{Width: w, Height: 24})
		for _, line := range strings.Split(d.view(), "\n") {
			if tuitest.LipglossWidth(line) > w {
				t.Fatalf("at width %d a line is %d wide: %q", w, tuitest.LipglossWidth(line), line)
			}
		}
	}
	d.send(tea.WindowSizeMsg{Width: 20, Height: 5})
	d.must("pequeña")
}

// The practice password is never written: not in the data file, not in
// the events. Only the strength and the advice ids are.
func TestPasswordNeverStored(t *testing.T) {
	dir := t.TempDir()
	d := atPasswordStep(t, dir, "es")
	weak := "Marisol1975"
	typed := "zorro cometa violín ñandú"
	d.keys(weak, "enter")
	d.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	d.keys(typed, "enter", typed+"x", "enter", typed, "enter")
	d.must("✔ ¡Bien!")
	d.keys("enter")
	if _, err := d.m.Recorder().Flush(); err != nil {
		t.Fatal(err)
	}

	evs, err := d.st.Events(d.m.c.Learner.ID)
	if err != nil {
		t.Fatal(err)
	}
	var answers []store.Event
	for _, e := range evs {
		if e.Kind == store.Answered && e.Step == "crear" {
			answers = append(answers, e)
		}
	}
	if len(answers) != 3 {
		t.Fatalf("want 3 answers to the password step, got %+v", answers)
	}
	want := []struct {
		correct bool
		mistake string
		score   int
		advice  string
	}{
		{false, "known_word", 1, "known_word"},
		{false, "different", 4, ""},
		{true, "", 4, ""},
	}
	for i, w := range want {
		e := answers[i]
		if e.Correct != w.correct || e.Mistake != w.mistake || e.Score == nil || *e.Score != w.score ||
			(w.advice != "" && !slices.Contains(e.Advice, w.advice)) {
			t.Errorf("answer %d = correct %v mistake %q score %v advice %v; want %+v", i+1, e.Correct, e.Mistake, e.Score, e.Advice, w)
		}
	}

	d.st.Close()
	raw, err := os.ReadFile(d.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(`"score":4`)) || !bytes.Contains(raw, []byte(`"advice":["known_word"`)) {
		t.Error("the score and advice should be in the data file")
	}
	// Random ids (of the events, of the learner) may hold any digits.
	for _, e := range evs {
		raw = bytes.ReplaceAll(raw, []byte(e.ID), nil)
	}
	raw = bytes.ReplaceAll(raw, []byte(fmt.Sprint(d.m.c.Learner.ID)), nil)
	raw = withoutTimes(raw)
	for _, secret := range []string{typed, typed + "x", weak, "zorro cometa", "violín", "ñandú", "Marisol", "1975"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the data file contains typed text %q", secret)
		}
	}
}

// Leaving the step, however, overwrites what was typed.
func TestPasswordWipedWhenLeft(t *testing.T) {
	for _, leave := range []struct {
		name string
		do   func(d *driver)
	}{
		{"esc", func(d *driver) { d.keys("esc") }},
		{"three misses", func(d *driver) { d.keys("enter", "enter", "enter") }},
		{"sign out", func(d *driver) { d.send(ui.SignOutMsg{}) }},
	} {
		t.Run(leave.name, func(t *testing.T) {
			d := atPasswordStep(t, t.TempDir(), "es")
			ex := d.pw()
			d.keys("secreto")
			backing := ex.Fields[0].Runes[:cap(ex.Fields[0].Runes)]
			if string(backing[:7]) != "secreto" {
				t.Fatalf("the field should hold what was typed, holds %q", string(backing[:7]))
			}
			leave.do(d)
			for _, r := range backing {
				if r != 0 {
					t.Fatalf("after %s the field still holds %q", leave.name, string(backing))
				}
			}
		})
	}
}

// Every advice and level has words in both languages.
func TestPasswordWords(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		d := newDriver(t, lang)
		cat := d.m.c.Cat
		for _, a := range validate.AdviceIDs() {
			if id := "pw_advice_" + a; cat.T(id) == id {
				t.Errorf("%s: no words for %s", lang, id)
			}
		}
		for l := validate.VeryWeak; l <= validate.VeryStrong; l++ {
			if got := ui.LevelName(cat, l); strings.HasPrefix(got, "pw_level_") {
				t.Errorf("%s: no words for level %d", lang, l)
			}
		}
		for _, r := range []lessons.Reason{lessons.ReasonDifferent, lessons.ReasonNoConfirm, lessons.ReasonWeak} {
			if id := "verdict_" + string(r); cat.T(id) == id {
				t.Errorf("%s: no words for %s", lang, id)
			}
		}
	}
}

// recordedTime is a time as the data file keeps it (RFC 3339, in JSON).
var recordedTime = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// withoutTimes is raw without the times the data file records: their
// digits would make a privacy scan for a typed number ("1975") fail by
// chance.
func withoutTimes(raw []byte) []byte { return recordedTime.ReplaceAll(raw, nil) }
