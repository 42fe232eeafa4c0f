package main

import (
	"fmt"
	"strings"
	"testing"

	"aula/lessons"
	"aula/store"
)

// fitWords are the words the fit test waits for, per language.
var fitWords = map[string]struct{ hello, join, home string }{
	"es": {"Hola, Lucía", "Unirme a la clase", "Volver al inicio"},
	"en": {"Hello, Lucía", "Join the class", "Back to home"},
}

// fits checks a screen of the kiosk at 80×24: the keys line (the last
// line) is never cut with "…" and shows F1 and Esc when wanted, and a
// list's selection ("▶") is on screen.
func fits(t *testing.T, scr, where string, esc, selection bool) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(scr, "\n"), "\n")
	last := lines[len(lines)-1]
	if strings.Contains(last, "…") || !strings.Contains(last, "F1 ") {
		t.Fatalf("%s: the keys line is cut or has no F1: %q\n%s", where, last, scr)
	}
	if esc && !strings.Contains(last, "Esc ") {
		t.Fatalf("%s: the keys line has no Esc: %q\n%s", where, last, scr)
	}
	if selection && !strings.Contains(scr, "▶") {
		t.Fatalf("%s: the selection is off the screen:\n%s", where, scr)
	}
}

// In the large layout with high contrast, at 80×24, in both languages:
// the first lesson of the first path is played whole, and the first
// lesson of each of the other three paths is opened from home; on every
// screen the keys line is whole (F1 and Esc shown, no "…"), the selection
// is on screen (home scrolls to "Join the class") and the summary's
// "Back to home" is reached with the keys.
func TestE2ELargeHighContrastAt80x24(t *testing.T) { //nolint:funlen // one walk through the screens, in order
	tm := newTmux(t)
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			tm.t = t
			data, logs := t.TempDir(), t.TempDir()
			st, err := store.Open(data, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			l, err := st.AddLearner("Lucía", "")
			if err == nil {
				err = st.SetPrefs(l.ID, store.Prefs{Large: true, Theme: "high-contrast"})
			}
			st.Close()
			if err != nil {
				t.Fatal(err)
			}
			w, fw := e2eWords[lang], fitWords[lang]
			cat := lib.Catalog(lang)
			paths := cat.Itineraries
			first, _ := cat.Lesson(paths[0].LessonIDs[0])
			name := "fit-" + lang
			tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", first.ID)

			// The first lesson of the first path, played whole.
			for si, s := range first.Steps {
				counter := fmt.Sprintf("%d de %d", si+1, len(first.Steps))
				if lang == "en" {
					counter = fmt.Sprintf("%d of %d", si+1, len(first.Steps))
				}
				scr := tm.waitFor(name, counter, s.Title)
				where := first.ID + "/" + s.ID
				switch ex := s.Exercise.(type) {
				case *lessons.Read:
					fits(t, scr, where, true, false)
					tm.keys(name, "Enter")
					continue
				case *lessons.Choose:
					fits(t, scr, where, true, true)
					pickChoices(t, tm, name, scr, ex)
				default:
					t.Fatalf("%s: no way to answer a %T here", where, ex)
				}
				fits(t, tm.waitFor(name, "✔ "+w.right), where+" answered", true, false)
				tm.keys(name, "Enter")
			}
			scr := tm.waitFor(name, w.summary, first.Title)
			fits(t, scr, "summary", true, true)
			tm.keys(name, "Tab") // from the next lesson to home
			tm.waitFor(name, "▶ [   "+fw.home)
			tm.keys(name, "Enter")

			// Home scrolls: the last row, "Join the class", is one Up away.
			scr = tm.waitFor(name, fw.hello)
			fits(t, scr, "home", false, true)
			tm.keys(name, "Up")
			fits(t, tm.waitFor(name, "▶ "+fw.join), "home at the last row", false, true)
			tm.keys(name, "Down")
			tm.waitFor(name, fw.hello)

			// The first lesson of each other path, opened from its list.
			for i, it := range paths[1:] {
				l, _ := cat.Lesson(it.LessonIDs[0])
				for k := 0; k <= i+1; k++ { // the lesson to go on with, then the paths
					tm.keys(name, "Down")
				}
				tm.waitFor(name, "▶ "+it.Title)
				tm.keys(name, "Enter")
				scr := tm.waitFor(name, it.Title, "▶ 1. "+l.Title)
				fits(t, scr, it.ID+" list", true, true)
				tm.keys(name, "Enter")
				counter := fmt.Sprintf("1 de %d", len(l.Steps))
				if lang == "en" {
					counter = fmt.Sprintf("1 of %d", len(l.Steps))
				}
				scr = tm.waitFor(name, counter, l.Steps[0].Title)
				fits(t, scr, l.ID+"/"+l.Steps[0].ID, true, false)
				tm.keys(name, "Escape")
				tm.waitFor(name, fw.hello)
			}
			tm.quitAs(name, logs, w.quit, w.leave)
			tm.run("kill-session", "-t", name)
		})
	}
}
