package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/code"
	"aula/tui/kinds/form"
	"aula/tui/ui"
)

const codeLesson = "verificacion-dos-pasos"

func atCodeStep(t *testing.T, lang string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	l, _ := tuitest.Library(t).Catalog("es").Lesson(codeLesson)
	learnerAt(codeLesson, len(l.Steps()), firstOfKind(t, codeLesson, "code"))(t, st)
	d := newDriverOn(t, st, lang, codeLesson)
	if _, ok := d.player().Ex.(*code.CodeExercise); !ok {
		t.Fatalf("not on a code step:\n%s", d.view())
	}
	return d
}

func (d *driver) code() *code.CodeExercise { return d.player().Ex.(*code.CodeExercise) }

func TestCodeStepExpiresAndSendsAnother(t *testing.T) {
	d := atCodeStep(t, "es")
	first := d.code().Code
	if len(first) != 6 {
		t.Fatalf("code %q, want 6 digits", first)
	}
	d.say("Código de verificación", "SMS de Cl@ve", first, "Caduca en 2:00")
	ticks := d.ticks
	if ticks == 0 {
		t.Fatal("the countdown asked for no tick")
	}

	// A tick a second redraws the countdown from the clock.
	d.clock.Advance(45 * time.Second)
	d.send(code.CodeTickMsg{Step: "escribir-codigo", Sent: 1})
	d.say("Caduca en 1:15")
	if d.ticks != ticks+1 {
		t.Fatalf("a tick should ask for the next one: %d ticks, want %d", d.ticks, ticks+1)
	}

	// Mistakes, each with its own words.
	wrong := []byte(first)
	wrong[0], wrong[1] = wrong[1], wrong[0]
	if wrong[0] == wrong[1] {
		wrong[0] = '0' + (wrong[0]-'0'+1)%10
	}
	for _, tt := range []struct{ typed, says string }{
		{string(wrong), "Ese no es el código. Compáralo con el SMS"},
		{first[:4], "El código tiene 6 números y has escrito 4."},
		{first[:5] + "O", "la O no es un 0"},
		{"hola", "El código solo lleva números."},
	} {
		d.player().Misses = 0 // stay on the step: no worked example yet
		d.keys(tt.typed, "enter")
		d.say("✗ Todavía no.", tt.says)
		d.code().Input.SetValue("")
	}

	// It expires: the screen says so and the ticks stop.
	d.clock.Advance(76 * time.Second)
	d.send(code.CodeTickMsg{Step: "escribir-codigo", Sent: 1})
	d.say("✗ Código caducado", "Pulsa F5 para pedir otro código.", "(Código caducado)")
	stopped := d.ticks
	d.send(code.CodeTickMsg{Step: "escribir-codigo", Sent: 1})
	if d.ticks != stopped {
		t.Fatal("an expired code should not keep ticking")
	}

	// The right code, too late.
	d.player().Misses = 0
	d.keys(first, "enter")
	d.say("Ese código ya ha caducado y no sirve. Pulsa F5 para pedir otro")
	if d.code().Input.Value() != "" {
		t.Fatal("the box should be empty after an expired code")
	}

	// F5: a new code, a new countdown.
	d.send(tea.KeyMsg{Type: tea.KeyF5})
	second := d.code().Code
	d.say("Caduca en 2:00", second)
	if d.ticks == stopped {
		t.Fatal("a new code should start the countdown again")
	}
	// A tick of the old code changes nothing.
	d.send(code.CodeTickMsg{Step: "escribir-codigo", Sent: 1})

	d.keys(second[:3]+" "+second[3:], "enter")
	d.say("✔ ¡Bien! Has entrado con tu contraseña y con el código.")

	evs, _ := d.st.Events(d.m.c.Learner.ID)
	var mistakes []string
	for _, e := range evs {
		if e.Kind == store.Answered && e.Step == "escribir-codigo" {
			mistakes = append(mistakes, e.Mistake)
		}
	}
	want := []string{"wrong_code", "wrong_length", "not_digits", "not_digits", "expired", ""}
	if len(mistakes) != len(want) {
		t.Fatalf("stored mistakes %q, want %q", mistakes, want)
	}
	for i := range want {
		if mistakes[i] != want[i] {
			t.Fatalf("stored mistakes %q, want %q", mistakes, want)
		}
	}
}

func TestCodeStepEnglishAndNarrow(t *testing.T) {
	d := atCodeStep(t, "en")
	d.say("Verification code", "Text from Cl@ve", d.code().Code, "Expires in 2:00")
	// Narrow: the phone goes above the form, nothing wider than the screen.
	d.send(tea.WindowSizeMsg{Width: ui.MinWidth, Height: 30})
	for _, w := range []int{ui.MinWidth, 80, 120} {
		d.send(tea.WindowSizeMsg{Width: w, Height: 30})
		d.say("Text from Cl@ve", "Verification code")
		for _, line := range form.SplitLines(d.view()) {
			if tuitest.LipglossWidth(line) > w {
				t.Fatalf("at width %d a line is %d wide: %q", w, tuitest.LipglossWidth(line), line)
			}
		}
	}
	// Leaving the step: its ticks no longer reach anything.
	d.keys("esc")
	d.send(code.CodeTickMsg{Step: "escribir-codigo", Sent: 1})
	d.must("Hello, Lucía")
}
