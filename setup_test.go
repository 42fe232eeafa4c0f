package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/exp/teatest"

	"aula/i18n"
	"aula/store"
	"aula/tui"
)

// formStep answers one form of aula setup, through a real Bubble Tea
// program (teatest).
type formStep func(t *testing.T, tm *teatest.TestModel)

// fakeTerminal makes aula setup and aula trainer run their forms in
// teatest, answering them with steps, one per form, in order.
func fakeTerminal(t *testing.T, steps ...formStep) {
	t.Helper()
	oldRun, oldTerm := runForm, isTerminal
	t.Cleanup(func() { runForm, isTerminal = oldRun, oldTerm })
	isTerminal = func() bool { return true }
	runForm = func(f *huh.Form) error {
		if len(steps) == 0 {
			t.Fatal("a form more than the test expected")
		}
		step := steps[0]
		steps = steps[1:]
		f.SubmitCmd, f.CancelCmd = tea.Quit, tea.Quit
		tm := teatest.NewTestModel(t, f, teatest.WithInitialTermSize(80, 24))
		step(t, tm)
		tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second)) // a deadline, not a pause: a loaded machine is slow
		if f.State == huh.StateAborted {
			return huh.ErrUserAborted
		}
		return nil
	}
	t.Cleanup(func() {
		if len(steps) > 0 {
			t.Errorf("%d forms were never shown", len(steps))
		}
	})
}

func waitOut(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range wants {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// pinAgainFocused is the second PIN box once the focus is in it: its title
// is on screen from the start, and keys typed before Enter's move lands
// would go into the first box.
const pinAgainFocused = "┃ Type the trainer PIN again"

func keyType(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }

// chooseEnglish answers the language form.
func chooseEnglish(t *testing.T, tm *teatest.TestModel) {
	waitOut(t, tm, "Español", "English")
	tm.Send(keyType(tea.KeyDown))
	tm.Send(keyType(tea.KeyEnter))
}

func TestSetupSavesWhatTheKioskStartsWith(t *testing.T) {
	data := t.TempDir()
	fakeTerminal(t, chooseEnglish, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "Kiosk mode?")
		tm.Type("y")
		waitOut(t, tm, "Trainer PIN")
		tm.Type("2468")
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, pinAgainFocused)
		tm.Type("2468")
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Class address")
		tm.Type(" 192.168.1.23 ")
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Name of the centre")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Centro Cívico La Almozara ")}) // Type sends bytes
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Name of the trainer")
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Íñigo Pérez")})
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Font size")
		tm.Send(keyType(tea.KeyEnter))
	})
	code, out, errOut := runAula(t, "setup", "--data", data, "--lang", "es")
	wantCode(t, code, exitOK, out, errOut)
	for _, want := range []string{"Done. The settings are saved in", "Language: English", "Kiosk mode: on",
		"Trainer PIN: saved.", "Class: https://192.168.1.23:7420", "To start Aula, run: aula --data ",
		"Certificates: issued by Centro Cívico La Almozara; trainer: Íñigo Pérez."} {
		if !strings.Contains(out, want) {
			t.Errorf("setup says:\n%s\nwant %q", out, want)
		}
	}
	if strings.Contains(out+errOut, "2468") {
		t.Error("setup printed the trainer PIN")
	}

	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	set, _ := st.Settings()
	if want := (store.Settings{Lang: "en", Kiosk: true, Hub: "https://192.168.1.23:7420"}); set != want {
		t.Errorf("settings %+v, want %+v", set, want)
	}
	if ok, err := st.CheckTrainerPIN("2468"); !ok || err != nil {
		t.Errorf("CheckTrainerPIN(2468) = %v, %v", ok, err)
	}
	if c, err := st.Centre(); err != nil || c != (store.Centre{Name: "Centro Cívico La Almozara", Trainer: "Íñigo Pérez"}) {
		t.Errorf("centre = %+v, %v", c, err)
	}

	// The kiosk starts as set up; flags given win.
	for _, tt := range []struct {
		name  string
		given map[string]bool
		lang  string
		kiosk bool
		hub   string
		want  startOpts
	}{
		{"no flags", nil, "", false, "", startOpts{lang: "en", kiosk: true, hub: "https://192.168.1.23:7420", trainerPIN: true}},
		{"--lang es", map[string]bool{"lang": true}, "es", false, "", startOpts{lang: "es", kiosk: true, hub: "https://192.168.1.23:7420", trainerPIN: true}},
		{"--kiosk=false", map[string]bool{"kiosk": true}, "", false, "", startOpts{lang: "en", hub: "https://192.168.1.23:7420", trainerPIN: true}},
		{"--hub", map[string]bool{"hub": true}, "", false, "http://10.0.0.9:7420", startOpts{lang: "en", kiosk: true, hub: "http://10.0.0.9:7420", trainerPIN: true}},
	} {
		got, err := startOptions(st, tt.given, tt.lang, tt.kiosk, tt.hub)
		if err != nil || got != tt.want {
			t.Errorf("%s: startOptions = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestStartOptionsWithoutSetup(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := startOptions(st, nil, "", false, "")
	if want := (startOpts{lang: "en"}); err != nil || got != want {
		t.Errorf("startOptions = %+v, %v; want %+v (language from LANG, no kiosk)", got, err, want)
	}
	got, _ = startOptions(st, map[string]bool{"kiosk": true}, "", true, "")
	if !got.kiosk || got.trainerPIN {
		t.Errorf("--kiosk without setup: %+v; want kiosk on, no trainer PIN", got)
	}
}

func TestSetupKeepsTheTrainerPINAndEscSavesNothing(t *testing.T) {
	data := t.TempDir()
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{Lang: "es", Kiosk: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Esc on the second form: nothing changes.
	fakeTerminal(t, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "Idioma · Language")
		tm.Send(keyType(tea.KeyEnter))
	}, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "¿Modo quiosco?")
		tm.Send(keyType(tea.KeyEsc))
	})
	code, out, errOut := runAula(t, "setup", "--data", data)
	wantCode(t, code, exitProblem, out, errOut)
	if !strings.Contains(out, "No se ha guardado nada.") {
		t.Errorf("setup says:\n%s%s\nwant that nothing was saved", out, errOut)
	}

	// Kiosk off, PIN kept (not asked), no class.
	fakeTerminal(t, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "Idioma · Language")
		tm.Send(keyType(tea.KeyEnter))
	}, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "¿Modo quiosco?")
		tm.Type("n")
		waitOut(t, tm, "¿Cambiar el PIN")
		tm.Send(keyType(tea.KeyEnter)) // No
		waitOut(t, tm, "Dirección de la clase")
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Nombre del centro")
		tm.Send(keyType(tea.KeyEnter))
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, "Tamaño de letra")
		tm.Send(keyType(tea.KeyEnter))
	})
	code, out, errOut = runAula(t, "setup", "--data", data)
	wantCode(t, code, exitOK, out, errOut)
	for _, want := range []string{"Idioma: Español", "Modo quiosco: no.", "Clase: ninguna."} {
		if !strings.Contains(out, want) {
			t.Errorf("setup says:\n%s\nwant %q", out, want)
		}
	}
	st, err = store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if set, _ := st.Settings(); set != (store.Settings{Lang: "es"}) {
		t.Errorf("settings %+v, want Spanish, no kiosk", set)
	}
	if ok, _ := st.CheckTrainerPIN("907513"); !ok {
		t.Error("the trainer PIN was lost")
	}
}

func TestSetupNeedsATerminal(t *testing.T) {
	old := isTerminal
	t.Cleanup(func() { isTerminal = old })
	isTerminal = func() bool { return false }
	code, out, errOut := runAula(t, "setup", "--data", t.TempDir(), "--lang", "en")
	wantCode(t, code, exitUsage, out, errOut)
	if !strings.Contains(errOut, "aula setup asks its questions in a terminal window") {
		t.Errorf("stderr %q", errOut)
	}
	code, out, errOut = runAula(t, "setup", "--lang", "fr")
	wantCode(t, code, exitUsage, out, errOut)
}

func TestApplySetupChecksAgain(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, a := range []tui.SetupAnswers{
		{Lang: "fr"},
		{Lang: "es", Hub: "http://"},
		{Lang: "es", PIN: "1234", PINAgain: "1243"},
		{Lang: "es", PIN: "12", PINAgain: "12"},
	} {
		if _, err := applySetup(st, a); err == nil {
			t.Errorf("applySetup(%+v) saved it", a)
		}
	}
	if has, _ := st.HasTrainerPIN(); has {
		t.Error("a refused answer set a trainer PIN")
	}
}

func TestTrainerAsksForAPINTheFirstTime(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fakeTerminal(t, func(t *testing.T, tm *teatest.TestModel) {
		waitOut(t, tm, "Trainer PIN")
		tm.Type("135790")
		tm.Send(keyType(tea.KeyEnter))
		waitOut(t, tm, pinAgainFocused)
		tm.Type("135790")
		tm.Send(keyType(tea.KeyEnter))
	})
	var out, errOut bytes.Buffer
	askTrainerPIN(st, i18nEN(), &out, &errOut)
	if !strings.Contains(out.String(), "choose your trainer PIN") || !strings.Contains(out.String(), "Trainer PIN saved.") {
		t.Errorf("aula trainer says:\n%s%s", out.String(), errOut.String())
	}
	if ok, _ := st.CheckTrainerPIN("135790"); !ok {
		t.Error("the trainer PIN was not saved")
	}
	// Once set, it is never asked again.
	fakeTerminal(t)
	askTrainerPIN(st, i18nEN(), &out, &errOut)
}

func i18nEN() *i18n.Catalog { return i18n.New("en") }
