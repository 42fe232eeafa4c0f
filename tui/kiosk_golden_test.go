package tui

import (
	"bytes"
	"testing"
	"time"

	"aula/tui/internal/tuitest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// Golden screens of kiosk mode at 80×24: the quit dialog that says only the
// trainer can close Aula, the PIN gate after a wrong PIN, the gate waiting
// after 3 wrong PINs, the learners' data behind the PIN and its question
// before erasing, and the dialog of a kiosk without a trainer PIN.
// Regenerate with `go test ./tui -run GoldenKiosk -update`.
func TestGoldenKiosk(t *testing.T) {
	waitOut := func(t *testing.T, tm *teatest.TestModel, want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	// wrong opens the gate and types n wrong PINs, each after the answer to
	// the one before (keys typed while a PIN is checked are not taken).
	wrong := func(n int) func(*testing.T, *teatest.TestModel, string) {
		return func(t *testing.T, tm *teatest.TestModel, lang string) {
			tuitest.TypeKeys(tm, "q")
			waitOut(t, tm, map[string]string{"es": "Seguir aquí", "en": "Stay here"}[lang])
			tm.Send(tea.KeyMsg{Type: tea.KeyDown}) // from "Stay here" to "Close Aula"
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			waitOut(t, tm, map[string]string{"es": "Si estás aprendiendo", "en": "If you are a learner"}[lang])
			for i := range n {
				tuitest.TypeKeys(tm, "1111")
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
				if i < n-1 {
					waitOut(t, tm, map[string]string{"es": "Prueba otra vez.", "en": "Please try again."}[lang])
				}
			}
		}
	}
	quit := func(_ *testing.T, tm *teatest.TestModel, _ string) { tuitest.TypeKeys(tm, "q") }
	cases := []struct {
		name  string
		pin   bool
		drive func(*testing.T, *teatest.TestModel, string)
		wait  map[string]string
	}{
		{name: "kiosk-quit", pin: true, drive: quit,
			wait: map[string]string{"es": "Seguir aquí", "en": "Stay here"}},
		{name: "kiosk-gate-wrong", pin: true, drive: wrong(1),
			wait: map[string]string{"es": "Prueba otra vez.", "en": "Please try again."}},
		{name: "kiosk-gate-wait", pin: true, drive: wrong(3),
			wait: map[string]string{"es": "Espera 30", "en": "wait 30"}},
		{name: "kiosk-rights", pin: true, drive: rightsDrive(),
			wait: map[string]string{"es": "Cerrar (volver a la entrada)", "en": "Close (back to sign-in)"}},
		{name: "kiosk-rights-erase", pin: true, drive: rightsDrive(tea.KeyEnter, tea.KeyDown, tea.KeyDown, tea.KeyDown, tea.KeyEnter),
			wait: map[string]string{"es": "[ No, volver ]", "en": "[ No, go back ]"}},
		{name: "kiosk-no-pin", drive: quit,
			wait: map[string]string{"es": "aula setup", "en": "aula setup"}},
	}
	for _, lang := range []string{"es", "en"} {
		for _, gc := range cases {
			t.Run(gc.name+"-"+lang, func(t *testing.T) {
				st := openStore(t, t.TempDir())
				defer st.Close()
				learnerAt("usar-aula", 8, 0)(t, st)
				if gc.pin {
					if err := st.SetTrainerPIN("907513"); err != nil {
						t.Fatal(err)
					}
				}
				clk := &clock{now: time.Date(2026, 3, 2, 10, 5, 0, 0, time.UTC)}
				m := New(Config{Store: st, Library: tuitest.Library(t), Lang: lang, Now: clk.Now, Kiosk: true, TrainerPIN: gc.pin,
					Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
				// Home, not the sign-in screen it follows: q means another
				// thing there, and the learner is signed in asynchronously.
				waitOut(t, tm, map[string]string{"es": "Aula · Inicio", "en": "Aula · Home"}[lang])
				gc.drive(t, tm, lang)
				waitOut(t, tm, gc.wait[lang])
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
				golden.RequireEqual(t, []byte(final.View()))
			})
		}
	}
}

// rightsDrive opens the learners' data with the trainer PIN from the quit
// dialog, then presses keys (golden screens of kiosk mode).
func rightsDrive(keys ...tea.KeyType) func(*testing.T, *teatest.TestModel, string) {
	waitOut := func(t *testing.T, tm *teatest.TestModel, want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	return func(t *testing.T, tm *teatest.TestModel, lang string) {
		tuitest.TypeKeys(tm, "q")
		waitOut(t, tm, map[string]string{"es": "Seguir aquí", "en": "Stay here"}[lang])
		tm.Send(tea.KeyMsg{Type: tea.KeyUp}) // from "Stay here" to the learners' data
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		waitOut(t, tm, map[string]string{"es": "Si estás aprendiendo", "en": "If you are a learner"}[lang])
		tuitest.TypeKeys(tm, "907513")
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		if len(keys) == 0 {
			return // the case waits for the list
		}
		waitOut(t, tm, map[string]string{"es": "Cerrar (volver a la entrada)", "en": "Close (back to sign-in)"}[lang])
		for _, k := range keys {
			tm.Send(tea.KeyMsg{Type: k})
		}
	}
}
