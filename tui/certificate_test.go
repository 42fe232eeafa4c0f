package tui

import (
	"crypto/ed25519"
	"encoding/base32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aula/store"
	"aula/tui/ui"
)

// finishing the last lesson of an itinerary saves the learner's
// certificate, and the summary says where, with the USB stick hint.
func TestCertificateReadyOnTheSummary(t *testing.T) {
	for _, tc := range []struct{ lang, ready, where, usb string }{
		{"es", "Tu certificado está listo", "Está guardado en:", "memoria USB"},
		{"en", "Your certificate is ready", "It is saved in:", "USB stick"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			data := t.TempDir()
			st := openStore(t, data)
			t.Cleanup(func() { st.Close() })
			if err := st.SaveCentre(store.Centre{Name: "Centro Cívico La Almozara"}); err != nil {
				t.Fatal(err)
			}
			d := newDriverOn(t, st, tc.lang, "")
			d.signUp("Begoña")
			id := d.m.c.Learner.ID
			// The first two lessons of primeros-pasos are done already.
			for _, l := range []string{"usar-aula", "teclado"} {
				n := len(d.m.c.Lessons.Lessons[l].Steps())
				if _, err := st.Record(store.Event{Learner: id, Kind: store.LessonDone, Lesson: l, Step: "final", StepIndex: n - 1, Steps: n, At: d.clock.Now()}); err != nil {
					t.Fatal(err)
				}
			}
			play := func() {
				d.send(ui.OpenLessonMsg{ID: "seguridad-basica"})
				for d.player().Idx < len(d.player().Lesson.Steps())-1 {
					if d.player().Step().NeedsAnswer() {
						d.answerRight()
					}
					d.keys("enter")
				}
				if d.player().Step().NeedsAnswer() {
					d.answerRight()
				}
				d.keys("enter")
			}
			play()
			d.must(tc.ready, tc.where, tc.usb)
			// The outcome is recorded for the class and the region: the
			// itinerary and the certificate's reference.
			issued := func() []store.Event {
				evs, err := st.Events(id)
				if err != nil {
					t.Fatal(err)
				}
				return slices.DeleteFunc(evs, func(e store.Event) bool { return e.Kind != store.CertificateIssued })
			}
			// (certificate.Ref makes the reference; certificate_test checks it.)
			if got := issued(); len(got) != 1 || got[0].Itinerary != "primeros-pasos" || len(got[0].Certificate) != store.CertificateRefLen {
				t.Errorf("certificate_issued events %+v, want one for primeros-pasos with a reference", got)
			}
			wantCentreKey(t, st, issued()[0]) // for the class's hub to check it
			if out, _ := st.Outbox(0); !slices.ContainsFunc(out, func(e store.Event) bool { return e.Kind == store.CertificateIssued }) {
				t.Error("the certificate_issued event is not in the outbox")
			}
			// With a data folder of its own (--data), beside it.
			want := filepath.Join(data, "certificates", "aula-primeros-pasos-Begoña.pdf")
			flat := strings.Join(strings.Fields(d.view()), "")
			if !strings.Contains(flat, strings.ReplaceAll(want, " ", "")) {
				t.Errorf("the summary does not say %s:\n%s", want, d.view())
			}
			if fi, err := os.Stat(want); err != nil || fi.Size() < 1000 {
				t.Fatalf("the certificate was not saved: %v", err)
			}
			os.Remove(want)

			// Accessible mode says it too.
			if f := d.player().LineView(); len(f.News) == 0 || !strings.Contains(f.News[0].Text, tc.ready) {
				t.Errorf("accessible mode does not say the certificate: %+v", f.News)
			}

			// The last lesson done again issues the same certificate:
			// recorded once.
			d.keys("esc")
			play()
			d.must(tc.ready)
			if got := issued(); len(got) != 1 {
				t.Errorf("after the lesson again, %d certificate_issued events, want 1", len(got))
			}
		})
	}
}

// A lesson that does not finish an itinerary says nothing about one.
func TestNoCertificateBeforeTheItineraryIsFinished(t *testing.T) {
	d := newDriver(t, "en")
	d.signUp("Ana")
	d.send(ui.OpenLessonMsg{ID: "usar-aula"})
	for d.player().Idx < len(d.player().Lesson.Steps())-1 {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	d.keys("enter")
	d.must("Lesson finished!")
	d.mustNot("certificate")
}

// wantCentreKey checks that a certificate_issued event carries the key
// that signed the certificate: this laptop's centre key.
func wantCentreKey(t *testing.T, st *store.Store, e store.Event) {
	t.Helper()
	key, err := st.CentreKey()
	want := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(key.Public().(ed25519.PublicKey)) // as certificate.PublicKeyText writes it
	if err != nil || e.CentreKey != want {
		t.Errorf("the certificate_issued event carries key %q, want this laptop's centre key (%v)", e.CentreKey, err)
	}
}
