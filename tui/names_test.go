package tui

import (
	"testing"

	"aula/classroom"
	"aula/store"
	"aula/tui/ui"
)

// lastConsent is the learner's last names_consent event, if any.
func lastConsent(t *testing.T, d *driver) (store.Event, bool) {
	t.Helper()
	evs, err := d.st.Events(d.m.c.Learner.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == store.NamesConsent {
			return evs[i], true
		}
	}
	return store.Event{}, false
}

// A centre that sends names asks each learner once, on a screen of its
// own, with "no" as what Enter answers; the answer is an event and the
// settings screen changes it. A centre that does not, never asks.
func TestNamesAskedOnceWithNoAsTheSafeAnswer(t *testing.T) {
	d, _ := newClassDriver(t, "es", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Rosa")
	d.send(classroom.NamesMsg{On: false})
	d.mustNot("¿Enviamos tu nombre?")
	if _, ok := lastConsent(t, d); ok {
		t.Fatal("a centre that does not send names recorded an answer")
	}

	d.send(classroom.NamesMsg{On: true})
	d.must("¿Enviamos tu nombre?", "Los envía sin tu", "▶ [ No, sin mi nombre ]", "Sí, con mi nombre")
	d.keys("enter")
	d.mustNot("¿Enviamos tu nombre?")
	e, ok := lastConsent(t, d)
	if !ok || e.Consent {
		t.Fatalf("Enter on the question recorded %+v, %v: want a no", e, ok)
	}

	// Asked once: another word from the hub does not ask again.
	d.send(classroom.NamesMsg{On: true})
	d.mustNot("¿Enviamos tu nombre?")

	// Settings shows the answer and changes it.
	d.send(ui.OpenSettingsMsg{})
	d.must("Enviar mi nombre con mis resultados:", "No")
	d.keys("down", "down", "down", "down") // theme, large, accessible, read aloud, then this
	d.must("▶ Enviar mi nombre")
	d.keys("enter")
	e, _ = lastConsent(t, d)
	if !e.Consent {
		t.Fatalf("the settings' change recorded %+v: want a yes", e)
	}
	d.must("Enviar mi nombre con mis resultados: Sí")
}

// A learner who answered is not asked at the next sign-in; a centre that
// stops sending names hides the setting.
func TestNamesNotAskedAgainAfterSignIn(t *testing.T) {
	d, _ := newClassDriver(t, "es", Config{Joined: "http://10.0.0.1:7420"})
	d.signUp("Rosa")
	d.send(classroom.NamesMsg{On: true})
	d.must("¿Enviamos tu nombre?")
	d.keys("up", "enter") // Sí
	if e, ok := lastConsent(t, d); !ok || !e.Consent {
		t.Fatalf("the yes recorded %+v, %v", e, ok)
	}
	d.send(ui.SignOutMsg{})
	d.keys("enter") // Rosa, the only learner
	d.must("Hola, Rosa")
	d.mustNot("¿Enviamos tu nombre?")
	d.send(classroom.NamesMsg{On: false})
	d.send(ui.OpenSettingsMsg{})
	d.must("Ajustes")
	d.mustNot("Enviar mi nombre")
}
