package tui

import (
	"strings"
	"testing"

	"aula/store"
	"aula/tui/ui"
)

// openSettings goes from home to the settings screen, as a learner would.
func (d *driver) openSettings() {
	d.t.Helper()
	d.moveTo("Ajustes")
	d.keys("enter")
	d.must("Colores:", "Diseño grande:")
}

// moveTo presses Down until the cursor's line shows text.
func (d *driver) moveTo(text string) {
	d.t.Helper()
	for i := 0; i < 30; i++ {
		for _, line := range strings.Split(d.view(), "\n") {
			if strings.Contains(line, "▶") && strings.Contains(line, text) {
				return
			}
		}
		d.keys("down")
	}
	d.t.Fatalf("the cursor never reached %q:\n%s", text, d.view())
}

func TestSettingsAreShownAtOnceAndKept(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	ana, err := st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "")
	d.keys("enter") // Ana
	d.openSettings()
	d.must("Colores:                      Normales")
	width := d.m.c.Width

	d.keys("enter") // the theme goes on to high contrast
	d.must("Colores:                      Alto contraste", "✔ Guardado")
	if d.m.c.Styles.Dim.GetForeground() != (ui.ThemeStyles(ui.ThemeHighContrast).Dim.GetForeground()) || !d.m.c.Styles.Cursor.GetReverse() {
		t.Error("the high contrast theme is not on screen")
	}
	d.keys("right", "right") // calm, then back to the standard theme
	d.must("Normales")
	d.keys("left") // and back one: calm
	d.must("Tranquilos")

	d.moveTo("Diseño grande")
	d.keys("enter")
	d.must("Diseño grande:                Sí")
	if !d.m.c.Large || d.m.c.Width != width-2*(ui.LargePadX-1) {
		t.Errorf("large layout: Large=%v, width %d (was %d)", d.m.c.Large, d.m.c.Width, width)
	}
	d.moveTo("Leer cada paso")
	d.keys("enter")

	got, err := st.Learner(ana.ID)
	want := store.Prefs{Theme: ui.ThemeCalm, Large: true, Speak: true}
	if err != nil || got.Prefs != want {
		t.Fatalf("stored prefs %+v, %v; want %+v", got.Prefs, err, want)
	}

	// Esc goes home; another learner signs in on the same laptop: the
	// standard look.
	d.keys("esc")
	d.must("Hola, Ana")
	d.keys("ctrl+c")
	d.must("Cambiar de persona")
	d.moveTo("Cambiar de persona")
	d.keys("enter")
	d.must("¿Quién eres?")
	if d.m.c.Large || d.m.c.Styles.Cursor.GetReverse() {
		t.Error("signing out keeps Ana's look")
	}
	d.keys("down", "enter") // Pepe
	d.must("Hola, Pepe")
	if d.m.c.Large || d.m.c.Width != width {
		t.Errorf("Pepe gets Ana's layout: width %d", d.m.c.Width)
	}
	// Ana again: her settings come back.
	d.keys("ctrl+c")
	d.moveTo("Cambiar de persona")
	d.keys("enter", "enter")
	d.must("Hola, Ana")
	if !d.m.c.Large {
		t.Error("Ana's large layout is not back after signing in again")
	}
	// The large layout leaves a blank line between the rows of home, and
	// the rows still fit.
	lines := strings.Split(d.view(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "0 de 3 lecciones hechas") && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) != "") {
			t.Fatalf("no blank line after a row in the large layout:\n%s", d.view())
		}
	}
}

func TestSettingsSwitchToAccessibleModeAsksFirst(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	ana, err := st.AddLearner("Ana", "")
	if err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "en", "")
	d.moveTo("Settings")
	d.keys("enter")
	d.moveTo("Screen reader mode")
	d.keys("enter")
	d.must("Switch to screen reader mode?", "Yes, switch now", "No, leave it as it is")
	d.keys("esc")
	if _, _, ok := d.m.Switch(); ok || d.quit {
		t.Fatal("Esc switched modes")
	}
	d.keys("enter")
	d.keys("enter") // Yes, switch now
	if !d.quit {
		t.Fatal("the full screen did not end")
	}
	acc, l, ok := d.m.Switch()
	if !ok || !acc || l == nil || l.ID != ana.ID {
		t.Fatalf("Switch() = %v, %+v, %v; want accessible for Ana", acc, l, ok)
	}
	got, _ := st.Learner(ana.ID)
	if !got.Prefs.Accessible {
		t.Error("the choice was not kept")
	}

	// Next time Ana signs in on the full screen, it hands over at once.
	d2 := newDriverOn(t, st, "en", "")
	if acc, l, ok := d2.m.Switch(); !d2.quit || !ok || !acc || l.ID != ana.ID {
		t.Fatalf("sign-in with accessible prefs: quit=%v switch=%v,%v,%v", d2.quit, acc, l, ok)
	}
}

func TestSignedInAtStart(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	ana, _ := st.AddLearner("Ana", "1234")
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPrefs(ana.ID, store.Prefs{Theme: ui.ThemeCalm}); err != nil {
		t.Fatal(err)
	}
	d := newDriverWith(t, st, Config{Lang: "es", SignedIn: &ana})
	d.must("Hola, Ana")
	if !d.m.shared {
		t.Error("a laptop with two learners is shared: idle sign-out must stay on")
	}
	if d.m.c.Learner.Prefs.Theme != ui.ThemeCalm {
		t.Error("the learner's prefs were not read afresh")
	}
}
