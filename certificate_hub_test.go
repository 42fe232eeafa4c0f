package main

import (
	"context"
	"crypto/ed25519"
	"strings"
	"testing"
	"time"

	"aula/certificate"
	"aula/classroom"
	"aula/i18n"
	"aula/store"
)

// kioskCertificate issues, on the kiosk's data file kst, the certificate
// of primeros-pasos to a learner who finished it, records it as the
// kiosk's summary does (certificate_issued with its reference and key),
// and pushes the kiosk's results to the class's hub.
func kioskCertificate(t *testing.T, kst *store.Store, class store.Class, name string) string {
	t.Helper()
	if err := kst.SaveCentre(store.Centre{Name: "Centro Cívico La Almozara"}); err != nil {
		t.Fatal(err)
	}
	l, err := kst.AddLearner(name, "")
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := loadLessons("")
	at := time.Date(2026, 12, 5, 11, 0, 0, 0, time.Local)
	for i, id := range []string{"usar-aula", "teclado", "seguridad-basica"} {
		n := len(lib.Catalog("es").Lessons[id].Steps())
		if _, err := kst.Record(store.Event{Learner: l.ID, Kind: store.LessonDone, Lesson: id, Step: "final", StepIndex: n - 1, Steps: n,
			At: at.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := certificate.Issue(kst, lib.Catalog("es"), l, "primeros-pasos")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kst.Record(store.Event{Learner: l.ID, Kind: store.CertificateIssued, Itinerary: "primeros-pasos",
		Certificate: certificate.Ref(c.Code), CentreKey: c.Key}); err != nil {
		t.Fatal(err)
	}
	evs, err := kst.Outbox(0)
	if err != nil {
		t.Fatal(err)
	}
	cl := &classroom.Client{URL: class.URL, Token: class.Token, Device: kst.DeviceID(), Pin: class.Pin}
	res, err := cl.Push(context.Background(), classroom.PushRequest{Learners: []store.RemoteLearner{{ID: l.ID, Name: name}}, Events: evs})
	if err != nil || len(res.Confirmed) != len(evs) {
		t.Fatalf("push: %+v, %v", res, err)
	}
	return c.Code
}

// The hub checks the certificates its kiosks made, with each kiosk's own
// key, which came with the certificate_issued event under the kiosk's
// token: genuine, in both languages, with whom it was recorded for; a
// changed letter, or the same certificate with another name signed by a
// key the class does not know, is not genuine; a laptop outside the
// class knows nothing of it.
func TestHubVerifiesItsKiosksCertificates(t *testing.T) {
	hubData := t.TempDir()
	hst, err := store.Open(hubData, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
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
	stop()
	if err := <-served; err != nil {
		t.Fatal(err)
	}
	hst.Close() // verify reads the hub's data file, as the trainer does after class

	for lang, want := range map[string][]string{
		"en": {"GENUINE: this certificate was made by a laptop of this class, which recorded it for Begoña Núñez on ",
			"Learner:    Begoña Núñez", "Itinerary:  First steps (primeros-pasos)", "Date:       2026-12-05", "that laptop's key"},
		"es": {"AUTÉNTICO: este certificado lo hizo un ordenador de esta clase, que lo anotó para Begoña Núñez el ",
			"Persona:    Begoña Núñez", "Fecha:      2026-12-05", "con la clave de ese ordenador"},
	} {
		code, stdout, stderr := runAula(t, "certificate", "verify", certCode, "--data", hubData, "--lang", lang)
		wantCode(t, code, exitOK, stdout, stderr)
		for _, w := range want {
			if !strings.Contains(stdout, w) {
				t.Errorf("%s: verify on the hub said:\n%s\nwant %q", lang, stdout, w)
			}
		}
	}

	// A changed name (or date) is another code: re-signed by anyone but
	// the kiosk, the class knows no such certificate.
	content, ok := certificate.Read(certCode)
	if !ok {
		t.Fatal("the kiosk's code does not read")
	}
	_, forger, _ := ed25519.GenerateKey(nil)
	for _, change := range []func(*certificate.Content){
		func(c *certificate.Content) { c.Learner = "Begoña Núñez López" },
		func(c *certificate.Content) { c.Day = c.Day.AddDate(0, 0, -30) },
	} {
		c := content
		change(&c)
		forged, err := certificate.Sign(forger, c)
		if err != nil {
			t.Fatal(err)
		}
		code, stdout, _ := runAula(t, "certificate", "verify", forged, "--data", hubData, "--lang", "en")
		if code != exitProblem || !strings.HasPrefix(stdout, "NOT GENUINE") {
			t.Errorf("a changed certificate: exit %d,\n%s", code, stdout)
		}
	}
	// One letter of the kiosk's code changed.
	tampered := []byte(certCode)
	if tampered[10] == 'Q' {
		tampered[10] = 'R'
	} else {
		tampered[10] = 'Q'
	}
	if code, stdout, _ := runAula(t, "certificate", "verify", string(tampered), "--data", hubData, "--lang", "en"); code != exitProblem || strings.HasPrefix(stdout, "GENUINE") {
		t.Errorf("a tampered code: exit %d,\n%s", code, stdout)
	}
}
