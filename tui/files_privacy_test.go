package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// What the learner types in the practice file manager (a file's new
// name) is never stored, nor are the photo's or the PDF's names: only
// the ids of the rules (here, the photo too big to attach).
func TestFilesPrivacyOnlyRuleIDsAreStored(t *testing.T) {
	d := inboxDriver(t, "es", "archivos-foto-pdf", "foto-pdf")
	secret := "MiSecretoZanahoria"
	tab := func(n int) []string { return strings.Split(strings.Repeat("tab,", n-1)+"tab", ",") }
	d.keys(append(tab(6), "enter")...) // photograph a paper
	d.must("IMG_20261206_1032.jpg")
	d.keys(append(tab(2), "enter")...) // attach the photo: too big
	d.must("No se puede adjuntar")
	d.keys("shift+tab", "shift+tab", "enter", "enter", "enter") // open it, crop it, make the PDF
	d.must("Has hecho el PDF")
	d.keys(append(tab(3), "enter")...) // rename the PDF
	d.must("Nuevo nombre para IMG_20261206_1032.pdf")
	for range len("IMG_20261206_1032.pdf") {
		d.keys("backspace")
	}
	d.keys(secret+".pdf", "enter")
	d.must(secret + ".pdf")
	d.keys("tab", "tab", "enter") // attach it
	d.mustSay("✔ ¡Bien!")
	if err := d.st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{secret, "Zanahoria", "IMG_20261206_1032"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the data file holds %q", s)
		}
	}
	if !bytes.Contains(raw, []byte("tamano:foto-nomina")) {
		t.Error("the rule outcome tamano:foto-nomina is not in the data file")
	}
}
