package main

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"aula/store"
)

// kioskPID is the pid of the kiosk running in session name (the child of
// the pane's shell).
func (s *tmuxServer) kioskPID(name string) string {
	s.t.Helper()
	shell := strings.TrimSpace(s.run("display-message", "-p", "-t", name, "#{pane_pid}"))
	out, err := exec.Command("ps", "-o", "pid=", "--ppid", shell).Output()
	if err != nil || len(strings.Fields(string(out))) != 1 {
		s.t.Fatalf("cannot find the kiosk's pid under shell %s: %v %q", shell, err, out)
	}
	return strings.Fields(string(out))[0]
}

// prepareKiosk makes a data folder with one learner and, if pin is not "",
// a trainer PIN, as aula setup would leave it.
func prepareKiosk(t *testing.T, pin string) string {
	t.Helper()
	data := t.TempDir()
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AddLearner("Ana", ""); err != nil {
		t.Fatal(err)
	}
	if pin != "" {
		if err := st.SetTrainerPIN(pin); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// A learner cannot leave a kiosk by accident: Ctrl+Z does not suspend it,
// Ctrl+C (as a key or as a signal) asks, and only the trainer PIN closes it.
func TestE2EKioskMode(t *testing.T) {
	s := newTmux(t)
	bin := aulaBinary(t)
	data, dir := prepareKiosk(t, "907513"), t.TempDir()
	s.startArgs("w7a", 80, 24, dir, bin, "--data", data, "--lang", "en", "--kiosk")
	s.waitFor("w7a", "Hello, Ana")

	// Ctrl+Z: still running and answering keys.
	s.keys("w7a", "C-z")
	s.keys("w7a", "F1")
	s.waitFor("w7a", "Keys")
	s.keys("w7a", "Escape")
	s.waitFor("w7a", "Hello, Ana")

	// An interrupt sent as a signal asks, like the Ctrl+C key.
	if out, err := exec.Command("kill", "-INT", s.kioskPID("w7a")).CombinedOutput(); err != nil {
		t.Fatalf("kill -INT: %v %s", err, out)
	}
	s.waitFor("w7a", "Do you want to leave?", "only the trainer can close Aula")
	s.keys("w7a", "Down") // from "Stay here" to "Close Aula"
	s.keys("w7a", "Enter")
	s.waitFor("w7a", "Trainer PIN")
	s.typeText("w7a", "1111")
	s.keys("w7a", "Enter")
	s.waitFor("w7a", "That is not the trainer PIN.")
	s.typeText("w7a", "907513")
	s.keys("w7a", "Enter")
	if code := s.waitExit("w7a", dir); code != 0 {
		t.Fatalf("the kiosk ended with status %d, want 0", code)
	}

	// The system shutting down (SIGTERM) ends it at once, cleanly.
	s.startArgs("w7a-term", 80, 24, dir, bin, "--data", data, "--lang", "en", "--kiosk")
	s.waitFor("w7a-term", "Hello, Ana")
	if out, err := exec.Command("kill", "-TERM", s.kioskPID("w7a-term")).CombinedOutput(); err != nil {
		t.Fatalf("kill -TERM: %v %s", err, out)
	}
	if code := s.waitExit("w7a-term", dir); code != 0 {
		t.Fatalf("after SIGTERM the kiosk ended with status %d, want 0", code)
	}
	// And it let go of the data file.
	st, err := store.Open(data, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("the data file is still held: %v", err)
	}
	st.Close()
}

// Kiosk mode chosen in aula setup, without a trainer PIN: Aula says how to
// set one and does not lock anyone in.
func TestE2EKioskWithoutPIN(t *testing.T) {
	s := newTmux(t)
	bin := aulaBinary(t)
	data, dir := prepareKiosk(t, ""), t.TempDir()
	st, err := store.Open(data, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(store.Settings{Lang: "en", Kiosk: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s.startArgs("w7a-nopin", 80, 24, dir, bin, "--data", data)
	s.waitFor("w7a-nopin", "Hello, Ana")
	s.keys("w7a-nopin", "q")
	s.waitFor("w7a-nopin", "no trainer PIN yet", "aula setup")
	s.keys("w7a-nopin", "Down") // from "Stay here" to "Close Aula"
	s.keys("w7a-nopin", "Enter")
	if code := s.waitExit("w7a-nopin", dir); code != 0 {
		t.Fatalf("the kiosk ended with status %d, want 0", code)
	}
}
