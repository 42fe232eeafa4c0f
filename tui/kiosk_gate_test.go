package tui

import (
	"bytes"
	"os"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/ui"
)

// kioskDriver starts a kiosk in kiosk mode on a fresh data folder with one
// learner, Ana, and, if pin is not "", that trainer PIN.
func kioskDriver(t *testing.T, lang, pin string) (*driver, string) {
	t.Helper()
	dir := t.TempDir()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Ana", ""); err != nil {
		t.Fatal(err)
	}
	if pin != "" {
		if err := st.SetTrainerPIN(pin); err != nil {
			t.Fatal(err)
		}
	}
	return newDriverWith(t, st, Config{Lang: lang, Kiosk: true, TrainerPIN: pin != ""}), dir
}

func TestKioskClosingNeedsTheTrainerPIN(t *testing.T) {
	d, dir := kioskDriver(t, "en", "907513")
	d.must("Hello, Ana")

	// q on home: the quit dialog says only the trainer can close Aula.
	d.keys("q")
	d.must("Do you want to leave?", "only the trainer can close Aula", "Close Aula", "Change person")
	d.keys("down", "enter") // from "Stay here", ↓ wraps round to "Close Aula"
	d.must("Trainer PIN", "the trainer types their PIN", "If you are a learner, press Esc")
	if d.quit {
		t.Fatal("closed without the trainer PIN")
	}

	d.keys("12", "enter")
	d.must("The trainer PIN has 4 to 8 numbers.")
	d.keys("abcd", "enter")
	d.must("The trainer PIN has 4 to 8 numbers.")
	d.keys("0000", "enter")
	d.must("That is not the trainer PIN. Please try again.")
	d.keys("0000", "enter")
	d.must("That is not the trainer PIN.")

	// Esc goes back to Aula, where the learner was.
	d.keys("esc")
	d.must("Hello, Ana")
	d.mustNot("Trainer PIN")

	// Ctrl+C in a lesson goes the same way.
	d.send(ui.OpenLessonMsg{ID: "usar-aula"})
	d.player()
	d.keys("ctrl+c")
	d.must("Do you want to leave?")
	d.keys("down", "enter")
	d.must("Trainer PIN")

	// The third wrong PIN in a row (counted across dialogs) makes the gate
	// wait; even the right PIN is not looked at while it waits.
	d.keys("1111", "enter")
	d.must("Please wait 30 seconds")
	d.keys("907513", "enter")
	d.must("Please wait 30 seconds")
	if d.quit {
		t.Fatal("the right PIN worked during the wait")
	}
	d.clock.Advance(10 * time.Second)
	d.send(gateTickMsg{})
	d.must("Please wait 20 seconds")
	d.clock.Advance(21 * time.Second)
	d.send(gateTickMsg{})
	d.must("You can try again now.")

	// A fourth wrong one waits twice as long.
	d.keys("2222", "enter")
	d.must("Please wait 60 seconds")
	d.clock.Advance(time.Minute)

	d.keys("907513", "enter")
	if !d.quit {
		t.Fatalf("the right trainer PIN did not close Aula:\n%s", d.view())
	}

	// The trainer PIN typed is nowhere in the data file.
	d.st.Close()
	raw, err := os.ReadFile(dir + "/" + store.FileName)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("907513")) {
		t.Error("the data file holds the trainer PIN in clear")
	}
}

func TestKioskGateInSpanish(t *testing.T) {
	d, _ := kioskDriver(t, "es", "2468")
	d.keys("ctrl+c")
	d.must("¿Quieres salir?", "solo la persona formadora")
	d.keys("down", "enter")
	d.must("PIN de la persona formadora", "Si estás aprendiendo, pulsa Esc")
	d.keys("1357", "enter")
	d.must("Ese no es el PIN de la persona formadora.")
	d.keys("2468", "enter")
	if !d.quit {
		t.Fatalf("the right trainer PIN did not close Aula:\n%s", d.view())
	}
}

func TestKioskChangePersonNeedsNoPIN(t *testing.T) {
	d, _ := kioskDriver(t, "en", "907513")
	d.keys("q", "up", "up", "enter") // Change person (above the learners' data)
	d.must("Who are you?")
	if d.quit {
		t.Fatal("changing person closed Aula")
	}
	// From the sign-in screen too, leaving asks for the PIN.
	d.keys("q")
	d.must("Shall we close Aula?", "only the trainer")
	d.keys("down", "enter")
	d.must("Trainer PIN")
}

func TestKioskWithoutTrainerPINSaysHowToSetOne(t *testing.T) {
	d, _ := kioskDriver(t, "en", "")
	d.keys("q")
	d.must("there is no trainer PIN yet", "aula setup")
	d.keys("down", "enter")
	if !d.quit {
		t.Fatalf("kiosk mode without a trainer PIN locked the laptop:\n%s", d.view())
	}
}

func TestNotKioskClosesWithoutPIN(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if err := st.SetTrainerPIN("907513"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Ana", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "en", TrainerPIN: true})
	d.keys("q")
	d.mustNot("only the trainer")
	d.keys("down", "enter")
	if !d.quit {
		t.Fatal("without --kiosk, Close Aula should close")
	}
}

func TestGateWait(t *testing.T) {
	for fails, want := range map[int]time.Duration{
		0: 0, 1: 0, 2: 0, 3: 30 * time.Second, 4: time.Minute, 5: 2 * time.Minute,
		6: 4 * time.Minute, 7: 5 * time.Minute, 50: 5 * time.Minute,
	} {
		if got := gateWait(fails); got != want {
			t.Errorf("gateWait(%d) = %v, want %v", fails, got, want)
		}
	}
}

// messages runs cmd and everything it batches, and returns the messages
// they bring, without delivering them.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, messages(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// Ctrl+Z would stop Aula and show the shell that started it. Bubble Tea v1
// only suspends when the model answers tea.Suspend; the kiosk never does.
func TestCtrlZNeverSuspends(t *testing.T) {
	d, _ := kioskDriver(t, "en", "907513")
	ctrlZ := tea.KeyMsg{Type: tea.KeyCtrlZ}
	check := func(where string) {
		t.Helper()
		before := d.view()
		_, cmd := d.m.Update(ctrlZ)
		for _, msg := range messages(cmd) {
			switch msg.(type) {
			case tea.SuspendMsg, tea.QuitMsg, tea.InterruptMsg:
				t.Fatalf("%s: Ctrl+Z answered %T", where, msg)
			}
		}
		if after := d.view(); after != before {
			t.Errorf("%s: Ctrl+Z changed the screen:\n%s", where, after)
		}
	}
	check("home")
	d.send(ui.OpenLessonMsg{ID: "usar-aula"})
	check("lesson")
	d.keys("ctrl+c")
	check("quit dialog")
	d.keys("enter")
	check("PIN gate")
}
