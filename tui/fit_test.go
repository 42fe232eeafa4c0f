package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/x/ansi"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/form"
	"aula/tui/player"
	"aula/tui/ui"
)

// looks are the ways a learner can set Aula up that change the layout:
// the default, and the large layout with high contrast.
var looks = map[string]store.Prefs{
	"default":        {},
	"large-contrast": {Large: true, Theme: ui.ThemeHighContrast},
}

// driverLooking starts a kiosk at w×h in lang for one learner with prefs p,
// signed in at home.
func driverLooking(t *testing.T, lang string, p store.Prefs, w, h int) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	learnerWith(p, "", 0, 0)(t, st)
	d := newDriverOn(t, st, lang, "")
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.settle()
	return d
}

// footerKeys checks the keys line (the last line) of the screen: never a
// silent "…", F1 always, and Esc, F7 and the keys that move (↑↓) whenever
// the screen has them.
func footerKeys(t *testing.T, d *driver, where string) {
	t.Helper()
	v := d.view()
	lines := strings.Split(v, "\n")
	last := lines[len(lines)-1]
	if strings.Contains(last, "…") {
		t.Fatalf("%s: the keys line is cut: %q\n%s", where, last, v)
	}
	if !strings.Contains(last, "F1 ") {
		t.Fatalf("%s: no F1 on the keys line: %q", where, last)
	}
	var keys []key.Binding
	if d.m.overlay == nil {
		keys = d.m.scr.Keys()
	}
	for _, k := range keys {
		if k.Help().Key == "Esc" && !strings.Contains(last, "Esc ") {
			t.Fatalf("%s: the screen has Esc but the keys line does not show it: %q\n%s", where, last, v)
		}
		if strings.Contains(k.Help().Key, "↑↓") && !strings.Contains(last, k.Help().Key+" ") {
			t.Fatalf("%s: the keys line does not say how to move (%s): %q\n%s", where, k.Help().Key, last, v)
		}
	}
	if g, ok := d.m.scr.(ui.Glossed); ok && d.m.overlay == nil && len(g.GlossaryTerms()) > 0 && !strings.Contains(last, "F7 ") {
		t.Fatalf("%s: the screen has glossary words but the keys line has no F7: %q\n%s", where, last, v)
	}
}

// At 80 columns, in every look and both languages, the footer of every
// step of the first lesson of each path shows the essential keys and is
// never cut with "…" (it hid Esc and F7).
func TestFooterShowsTheEssentialKeysAt80Columns(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"es", "en"} {
		for look, p := range looks {
			for _, it := range tuitest.Library(t).Catalog(lang).Itineraries {
				d := driverLooking(t, lang, p, 80, 24)
				where := lang + "/" + look + "/" + it.LessonIDs[0]
				footerKeys(t, d, where+" home")
				d.send(ui.OpenLessonMsg{ID: it.LessonIDs[0]})
				for i := 0; i < 30 && inLesson(d); i++ {
					footerKeys(t, d, where+" step "+d.player().Step().ID)
					if _, ok := d.player().Ex.(*form.FormExercise); ok {
						break // the form is answered page by page in its own tests
					}
					d.answerRight()
					footerKeys(t, d, where+" answered "+d.player().Step().ID)
					d.keys("enter")
				}
			}
		}
	}
}

// inLesson says whether the lesson player is on screen, not yet finished.
func inLesson(d *driver) bool {
	d.settle()
	p, ok := d.m.scr.(*player.Player)
	return ok && !p.Finished
}

// walkList presses down n times, then up n times, and fails when the
// selection ("▶") leaves the screen.
func walkList(t *testing.T, d *driver, n int, where string) {
	t.Helper()
	for i, k := range append(repeat("down", n), repeat("up", n)...) {
		d.keys(k)
		if v := d.view(); !strings.Contains(v, "▶") {
			t.Fatalf("%s: after %d keys the selection is off the screen:\n%s", where, i+1, v)
		}
	}
}

func repeat(k string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// Every list (home, a lesson list, all lessons, settings, who are you)
// scrolls and keeps the selection in view, in every look, at 80×24 and at
// the smallest size: in the large layout at 80×24 "Join the class" was off
// the screen and the cursor disappeared on it.
func TestEveryListKeepsTheSelectionVisible(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"es", "en"} {
		for look, p := range looks {
			for _, size := range [][2]int{{80, 24}, {ui.MinWidth, ui.MinHeight}} {
				where := fmt.Sprintf("%s/%s/%dx%d", lang, look, size[0], size[1])
				st := openStore(t, t.TempDir())
				t.Cleanup(func() { st.Close() })
				for _, name := range []string{"Ana", "Begoña", "Carmen", "Dolores", "Encarna", "Felisa", "Gloria", "Herminia"} {
					l, err := st.AddLearner(name, "")
					if err != nil {
						t.Fatal(err)
					}
					if err := st.SetPrefs(l.ID, p); err != nil {
						t.Fatal(err)
					}
				}
				d := newDriverWith(t, st, Config{Lang: lang, Class: &fakeClass{}})
				d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				walkList(t, d, 10, where+" who are you")
				d.keys("enter") // Ana: her look from now on
				join := map[string]string{"es": "Unirme a la clase", "en": "Join the class"}[lang]
				d.keys("up") // the last row: join the class
				d.must("▶ " + join)
				d.keys("down")
				walkList(t, d, 9, where+" home")
				d.send(ui.OpenListMsg{})
				walkList(t, d, 21, where+" all lessons")
				d.send(ui.OpenSettingsMsg{})
				walkList(t, d, 6, where+" settings")
			}
		}
	}
}

// widestWidth is the most cells a terminal may give line: every code
// point on its own (tmux draws 👍🏽 as 👍 and 🏽, 4 cells; others in 2).
func widestWidth(line string) int {
	w := 0
	for _, r := range ansi.Strip(line) {
		w += tuitest.LipglossWidth(string(r))
	}
	return w
}

// A shown password with a skin tone or joiners (👍🏽, 👨‍👩‍👧) fits the line
// on every terminal: in tmux the line was wider than the window, the
// header scrolled off and lines repeated.
func TestShownEmojiPasswordFitsEveryTerminal(t *testing.T) {
	t.Parallel()
	for _, w := range []int{80, ui.MinWidth} {
		d := atPasswordStep(t, t.TempDir(), "es")
		d.send(tea.WindowSizeMsg{Width: w, Height: 24})
		d.keys("f3", "hola👍🏽👨‍👩‍👧mundo👍🏽👍🏽👨‍👩‍👧🇪🇸")
		v := d.view()
		for i, line := range strings.Split(v, "\n") {
			if lw := widestWidth(line); lw > w {
				t.Fatalf("%d columns: line %d may take %d cells:\n%s", w, i, lw, v)
			}
		}
		if w == 80 {
			d.must("hola👍")
		}
	}
}

// The bullets of "Today you learnt" hang: a line that goes on from a
// bullet starts under its text, not under the bullet.
func TestSummaryBulletsHang(t *testing.T) {
	t.Parallel()
	const lesson = "contrasenas-fuertes"
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	l, _ := tuitest.Library(t).Catalog("es").Lesson(lesson)
	learnerAt(lesson, len(l.Steps()), len(l.Steps())-1)(t, st)
	d := newDriverOn(t, st, "es", lesson)
	d.send(tea.WindowSizeMsg{Width: ui.MinWidth, Height: 40})
	d.keys("enter")
	d.must("Hoy has aprendido")
	v := d.view()
	lines := strings.Split(v, "\n")
	in := false
	for _, line := range lines {
		text := strings.TrimRight(line, " ")
		switch {
		case strings.Contains(text, "Hoy has aprendido"):
			in = true
		case !in:
		case strings.TrimSpace(text) == "":
			in = false
		case strings.HasPrefix(strings.TrimSpace(text), "•"):
		case !strings.HasPrefix(text, "     "): // the frame's margin (1), then under the bullet's text (4)
			t.Fatalf("a bullet goes on without hanging: %q\n%s", text, v)
		}
	}
}

// Every button of the learner's screens is reached with the keys and shows
// where the focus is ("▶ [ … ]"): the settings' way home, both buttons of
// the quit dialog and of the lesson summary. (The join screen's button is
// the one Enter presses from the code box; the dashboard's are tested in
// its package.)
func TestEveryButtonIsReachedWithTheKeys(t *testing.T) {
	t.Parallel()
	for look, p := range looks {
		d := driverLooking(t, "en", p, 80, 24)
		d.send(ui.OpenSettingsMsg{})
		d.keys("up") // from the first setting, up wraps to the last button
		d.must("▶ [")
		d.keys("enter")
		d.must("Hello, Lucía")
		d.keys("q")
		for _, k := range []string{"tab", "tab", "left", "right"} {
			d.keys(k)
			if !strings.Contains(d.view(), "▶ [") {
				t.Fatalf("%s: after %s the quit dialog shows no focus:\n%s", look, k, d.view())
			}
		}
		d.keys("esc")
	}
}

// The form's first line names the simulated site and the service. At 80
// columns "sede.seg-social.gob.es · Minimum Living Income · Check the
// status" was cut silently to "Check the stat" in the large layout, on
// the page and on the receipt; it wraps instead, whole.
func TestFormSiteLineIsWholeAt80Columns(t *testing.T) {
	for lang, service := range map[string]string{"es": "Ingreso Mínimo Vital · Consultar estado", "en": "Minimum Living Income · Check the status"} {
		st := openStore(t, t.TempDir())
		t.Cleanup(func() { st.Close() })
		learnerWith(store.Prefs{Large: true, Theme: "high-contrast"}, "", 0, 0)(t, st)
		d := newDriverOn(t, st, lang, "seguir-solicitud")
		d.toForm()
		if !strings.Contains(d.flat(), "sede.seg-social.gob.es · "+service) {
			t.Errorf("%s: the page does not show the whole site and service:\n%s", lang, d.view())
		}
		d.keys("12345678Z", "enter", "PRU4K7Q2", "enter", "enter")
		if !strings.Contains(d.flat(), "sede.seg-social.gob.es · "+service) || !strings.Contains(d.view(), "✔ ") {
			t.Errorf("%s: the receipt does not show the whole site and service:\n%s", lang, d.view())
		}
	}
}

// A list taller than the screen says so on its last line: at 80×24 in the
// large layout home showed 7 paths and nothing below them, and a learner
// could not know that a path, the settings and "Join the class" were one
// arrow away. At the end of the list the line says there is more above.
func TestListsSayThereIsMoreBelow(t *testing.T) {
	words := map[string][2]string{"es": {"↓ Hay más abajo", "↑ Hay más arriba"}, "en": {"↓ There is more below", "↑ There is more above"}}
	for _, lang := range []string{"es", "en"} {
		d := driverLooking(t, lang, store.Prefs{Large: true, Theme: "high-contrast"}, 80, 24)
		below, above := words[lang][0], words[lang][1]
		if v := d.view(); !strings.Contains(v, below) || strings.Contains(v, above) {
			t.Errorf("%s: home at its top does not say there is more below:\n%s", lang, v)
		}
		d.keys("up") // round to the last row
		if v := d.view(); !strings.Contains(v, above) || strings.Contains(v, below) {
			t.Errorf("%s: home at its last row does not say there is more above:\n%s", lang, v)
		}
		d.send(ui.OpenListMsg{})
		if v := d.view(); !strings.Contains(v, below) {
			t.Errorf("%s: all lessons does not say there is more below:\n%s", lang, v)
		}
	}
}

// The file manager's keys line says how to move at 80 columns in both
// languages: in English "Tab ↑↓ move around" did not fit beside Esc and
// F7 in a lesson with glossary words, and went.
func TestFilesFooterSaysHowToMove(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		for look, p := range looks {
			st := openStore(t, t.TempDir())
			t.Cleanup(func() { st.Close() })
			learnerWith(p, "", 0, 0)(t, st)
			d := newDriverWith(t, st, Config{Lang: lang, Class: &fakeClass{}, StartLesson: "archivos-peligrosos"}) // F4 on the keys line, as in a kiosk
			for i := 0; i < 5 && d.player().Step().Kind != "files"; i++ {
				d.answerRight()
				d.keys("enter")
			}
			footerKeys(t, d, lang+"/"+look+"/archivos-peligrosos "+d.player().Step().ID)
		}
	}
}
