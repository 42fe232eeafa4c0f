package tui

import (
	"bytes"
	"os"
	"testing"
)

// What the learner types as a reply in the practice phone is never
// stored: only the ids of the rules (here, the mistake of calling the
// stranger back).
func TestChatPrivacyOnlyRuleIDsAreStored(t *testing.T) {
	d := inboxDriver(t, "es", "dinero-hijo-numero-nuevo", "comprobar")
	secret := "MiSecretoZanahoria"
	// The stranger's conversation opens with the focus on back; 4 Tabs
	// reach the reply box (link, 2 replies, box).
	d.keys("enter", "tab", "tab", "tab", "tab", "¿Quién eres? "+secret, "enter")
	d.must(secret)
	d.keys("tab", "enter") // call the stranger back: a mistake
	d.mustSay("hablas con el estafador")
	d.keys("esc", "down", "enter", "tab", "enter") // call Dani
	d.must("Yo no te he escrito")
	d.keys("esc", "up", "enter", "tab", "tab", "tab", "tab", "tab", "tab", "enter") // block the stranger
	d.mustSay("✔ ¡Bien!")
	if err := d.st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{secret, "Zanahoria", "Quién eres"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the data file holds %q, which the learner typed", s)
		}
	}
	if !bytes.Contains(raw, []byte("no-llamar-nuevo")) {
		t.Error("the rule outcome no-llamar-nuevo is not in the data file")
	}
}

// issue 16: approving and refusing requests on the phone stores the rule
// outcomes only, never the request's details.
func TestApprovalPrivacyOnlyRuleIDsAreStored(t *testing.T) {
	d := inboxDriver(t, "es", "dinero-confirmar-app", "comparar-pagos")
	// The list starts on the newest notification (480 €): refuse it.
	d.keys("enter", "tab", "tab", "enter")
	d.must("Has rechazado el pago.")
	// Refuse one's own purchase: a mistake, and it can still be confirmed.
	d.keys("esc", "up", "enter", "tab", "tab", "enter")
	d.mustSay("Ese pago sí es tuyo.")
	d.keys("shift+tab", "enter")
	d.mustSay("✔ ¡Bien!")
	if err := d.st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	// What the phone showed, as it showed it: a bare "4417" would be found
	// by chance among the file's digits (times, ids).
	for _, s := range []string{"TIENDA-HOGAR", "39,90 €", "termina en 4417"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the data file holds %q", s)
		}
	}
	if !bytes.Contains(raw, []byte("rechazar-estufa")) {
		t.Error("the rule outcome rechazar-estufa is not in the data file")
	}
}
