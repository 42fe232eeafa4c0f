package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aula/certificate"
	"aula/classroom"
	"aula/i18n"
	"aula/store"
)

// While the hub runs it holds its data file, yet aula certificate verify
// on the same folder answers: it asks the running hub (hub-running.json,
// owner-only), in the language asked. The hub's route wants the trainer
// key; the dashboard of a hub elsewhere asks the same route and says the
// verdict in the trainer's words. When the hub stops the file goes.
func TestVerifyWhileTheHubRuns(t *testing.T) {
	hubData := t.TempDir()
	hst, err := store.Open(hubData, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer hst.Close()
	lib, _ := loadLessons("")
	h, hl, rc := startHub(hst, hubData, hubFlagsFor(t, "--listen", "127.0.0.1:0"), false, lib, i18n.New("en"), &strings.Builder{}, &strings.Builder{})
	if h == nil {
		t.Fatalf("start: %d", rc)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveHub(ctx, h, hl, nil) }()
	kst, class, token := laptop(t, hubAddresses(hl)[0], h.Code())
	class.Token = token
	certCode := kioskCertificate(t, kst, class, "Begoña Núñez")
	running := filepath.Join(hubData, runningHubFile)
	waitForFile(t, running)

	verifyWhileRunning(t, hubData, certCode)
	key, _ := hst.KeptTrainerKey()
	verifyThroughTheRoute(t, hubAddresses(hl)[0], hl.pin, key, certCode)

	stop()
	if err := <-served; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running); !os.IsNotExist(err) {
		t.Errorf("the stopped hub left %s: %v", runningHubFile, err)
	}
}

// waitForFile waits, at most 5 seconds, for the running hub's file, and
// checks it is owner-only.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		fi, err := os.Stat(path)
		if err == nil {
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("%s is %v, want owner-only", path, fi.Mode().Perm())
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the running hub wrote no %s", path)
		}
		time.Sleep(10 * time.Millisecond) // polling a file with a deadline, not a pause
	}
}

// verifyWhileRunning is aula certificate verify on the running hub's
// folder: genuine in both languages, a changed letter not.
func verifyWhileRunning(t *testing.T, hubData, certCode string) {
	t.Helper()
	for lang, want := range map[string][]string{
		"en": {"GENUINE: this certificate was made by a laptop of this class", "Learner:    Begoña Núñez", "Itinerary:  First steps (primeros-pasos)"},
		"es": {"AUTÉNTICO: este certificado lo hizo un ordenador de esta clase", "Persona:    Begoña Núñez", "Fecha:      2026-12-05"},
	} {
		code, stdout, stderr := runAula(t, "certificate", "verify", certCode, "--data", hubData, "--lang", lang)
		wantCode(t, code, exitOK, stdout, stderr)
		for _, w := range want {
			if !strings.Contains(stdout, w) {
				t.Errorf("%s: verify while the hub runs said:\n%s%s\nwant %q", lang, stdout, stderr, w)
			}
		}
	}
	tampered := strings.Replace(certCode, certCode[10:11], map[bool]string{true: "R", false: "Q"}[certCode[10] == 'Q'], 1)
	if code, stdout, _ := runAula(t, "certificate", "verify", tampered, "--data", hubData, "--lang", "en"); code != exitProblem || strings.HasPrefix(stdout, "GENUINE") {
		t.Errorf("a tampered code while the hub runs: exit %d,\n%s", code, stdout)
	}
}

// verifyThroughTheRoute asks the hub's route as the dashboard does: a
// wrong trainer key is refused; with the key, the verdict comes in the
// trainer's words.
func verifyThroughTheRoute(t *testing.T, url, pin, key, certCode string) {
	t.Helper()
	var v certificate.Verdict
	wrong := &classroom.Client{URL: url, Token: "0123", Pin: pin}
	var he *classroom.HubError
	if err := wrong.Verify(context.Background(), certCode, &v); !errors.As(err, &he) || he.Status != 401 {
		t.Errorf("verify with a wrong trainer key: %v, want 401", err)
	}
	cl := &classroom.Client{URL: url, Token: key, Pin: pin}
	verify := dashVerify(func(ctx context.Context, code string) (v certificate.Verdict, err error) {
		return v, cl.Verify(ctx, code, &v)
	}, i18n.New("es"))
	a, err := verify(context.Background(), certCode)
	if err != nil || !a.Genuine || !strings.Contains(strings.Join(a.Lines, "\n"), "Persona:    Begoña Núñez") {
		t.Errorf("the dashboard's verify through the hub: %+v, %v", a, err)
	}
	if a, err := verify(context.Background(), "ABCDE-FGHIJ"); err != nil || a.Genuine || !strings.HasPrefix(a.Lines[0], "NO SE PUEDE LEER") {
		t.Errorf("an unreadable code through the hub: %+v, %v", a, err)
	}
}
