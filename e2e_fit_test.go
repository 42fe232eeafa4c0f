package main

import (
	"fmt"
	"strings"
	"testing"

	"aula/lessons"
	"aula/lessons/kinds/browser"
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
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

// fitLessons is the lesson played whole in each path by the fit test: the
// first of the path, or one with the path's own kind of screen.
var fitLessons = map[string]string{
	"primeros-pasos":        "usar-aula",
	"contrasenas-seguridad": "contrasenas-fuertes",
	"correo-electronico":    "correo-escribir",
	"tramites-en-linea":     "primer-formulario",
	"buscar-en-internet":    "buscar-cita-previa",
	"dinero-estafas":        "dinero-hijo-numero-nuevo",
	"despues-de-solicitar":  "seguir-solicitud",
	"archivos-documentos":   "archivos-descargas",
}

// In the large layout with high contrast, at 80×24, in both languages:
// one lesson of each path is played whole with the keys (the first path's
// first lesson, then its summary and home); on every screen the keys line
// is whole (F1 and Esc shown, no "…") and a list's selection is on screen,
// home scrolls to "Join the class", and the buttons (the summary's "Back
// to home", the form's, the mail app's, the web page's links, the phone's
// and the file manager's, each of these two gone round whole with Tab) are
// reached with the keys. Every path is played: a new one needs its lesson
// in fitLessons.
func TestE2ELargeHighContrastAt80x24(t *testing.T) {
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
			// A session that lasts the whole walk: when a kiosk ends, its
			// session goes, and tmux's server ended with the last one as
			// the next kiosk started ("server exited unexpectedly").
			keep := "fit-keep-" + lang
			tm.run("new-session", "-d", "-s", keep, "sleep 600")
			defer tm.run("kill-session", "-t", keep)
			for i, it := range cat.Itineraries {
				id, ok := fitLessons[it.ID]
				if !ok {
					t.Fatalf("path %s has no lesson in fitLessons", it.ID)
				}
				l, _ := cat.Lesson(id)
				name := fmt.Sprintf("fit-%s-%d", lang, i)
				tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", id)
				playFit(t, tm, name, lang, l)
				scr := tm.waitFor(name, w.summary, l.Title)
				fits(t, scr, l.ID+" summary", true, true)
				if i == 0 {
					fitHome(t, tm, name, fw)
				}
				tm.quitAs(name, logs, w.quit, w.leave)
			}
		})
	}
}

// fitHome goes from the summary to home with the keys, and checks that
// home scrolls to its last row.
func fitHome(t *testing.T, tm *tmuxServer, name string, fw struct{ hello, join, home string }) {
	t.Helper()
	tm.keys(name, "Tab") // from the next lesson to home
	tm.waitFor(name, "▶ [   "+fw.home)
	tm.keys(name, "Enter")
	// Home scrolls: the last row, "Join the class", is one Up away.
	scr := tm.waitFor(name, fw.hello)
	fits(t, scr, "home", false, true)
	tm.keys(name, "Up")
	fits(t, tm.waitFor(name, "▶ "+fw.join), "home at the last row", false, true)
	tm.keys(name, "Down")
	tm.waitFor(name, fw.hello)
}

// playFit plays lesson l whole with the keys, checking each screen fits.
func playFit(t *testing.T, tm *tmuxServer, name, lang string, l *lessons.Lesson) {
	t.Helper()
	w := e2eWords[lang]
	for si, s := range l.Steps() {
		counter := fmt.Sprintf("%d de %d", si+1, len(l.Steps()))
		if lang == "en" {
			counter = fmt.Sprintf("%d of %d", si+1, len(l.Steps()))
		}
		scr := tm.waitFor(name, counter, s.Title)
		where := l.ID + "/" + s.ID
		switch ex := s.Exercise.(type) {
		case *lessons.Read:
			fits(t, scr, where, true, false)
			tm.keys(name, "Enter")
			continue
		case *lessons.Choose:
			fits(t, scr, where, true, true)
			pickChoices(t, tm, name, scr, ex)
		case *lessons.Scenario:
			fits(t, scr, where, true, true)
			pickChoices(t, tm, name, scr, &ex.Choose)
		default:
			fits(t, scr, where, true, false)
			answerFit(t, tm, name, lang, l, s)
		}
		fits(t, tm.waitFor(name, "✔ "+w.right), where+" answered", true, false)
		tm.keys(name, "Enter")
	}
}

// answerFit answers a step of a kind with a screen of its own, with the
// keys a learner would press.
func answerFit(t *testing.T, tm *tmuxServer, name, lang string, l *lessons.Lesson, s *lessons.Step) {
	t.Helper()
	switch ex := s.Exercise.(type) {
	case *lessons.Password:
		text := e2eWords[lang].passwords[0]
		tm.typeText(name, text)
		tm.waitFor(name, "✔ "+map[string]string{"es": "llega al objetivo", "en": "goal reached"}[lang])
		tm.keys(name, "Enter")
		if ex.Confirm {
			tm.typeText(name, text)
			tm.keys(name, "Enter")
		}
	case *lessons.Type:
		tm.typeText(name, ex.Answer.Values[0])
		tm.keys(name, "Enter")
	case *inbox.Inbox:
		if len(ex.Sample().Sent) == 0 {
			openFit(t, tm, name, ex)
			break
		}
		writeFit(t, tm, name, lang, ex)
	case *form.Form:
		fillForm(t, tm, name, lang, l.ID, ex)
		tm.waitFor(name, "▶ [ "+ex.Submit+" ]")
		tm.keys(name, "Enter")
		tm.waitFor(name, formE2EWords[lang].receipts[l.ID])
		fits(t, tm.screen(name), l.ID+" receipt", true, false)
	case *browser.Browser:
		look := map[string]string{"es": "v", "en": "l"}[lang]
		switch s.ID {
		case "mirar-anuncio": // look where the first advert goes
			tm.send(name, "Tab", look)
		case "llegar-oficial": // past the two adverts, look, then open
			tm.send(name, "Tab", "Tab", "Tab", look, "Enter")
		default:
			t.Fatalf("%s/%s: no keys for this web page", l.ID, s.ID)
		}
	default:
		if !appFit(t, tm, name, lang, ex) {
			t.Fatalf("%s/%s: no way to answer a %T here", l.ID, s.ID, ex)
		}
	}
}

// writeFit writes and sends a new email in the mail app with the keys: the
// email of the step's own right answer.
func writeFit(t *testing.T, tm *tmuxServer, name, lang string, ex *inbox.Inbox) {
	t.Helper()
	a := ex.Sample()
	if len(a.Sent) != 1 || a.Sent[0].Kind != inbox.SendNew {
		t.Fatalf("the fit test writes one new email; the step wants %+v", a.Sent)
	}
	m := a.Sent[0]
	tm.keys(name, "n")
	tm.waitFor(name, map[string]string{"es": "▶ Para:", "en": "▶ To:"}[lang])
	tm.typeText(name, m.To)
	tm.keys(name, "Tab")
	tm.typeText(name, m.Cc)
	tm.keys(name, "Tab")
	tm.typeText(name, m.Subject)
	tm.keys(name, "Tab")
	for i, line := range strings.Split(m.Body, "\n") {
		if i > 0 {
			tm.keys(name, "Enter")
		}
		tm.typeText(name, line)
	}
	tm.keys(name, "Tab", "Tab")
	fits(t, tm.screen(name), "the new email", true, false)
	tm.keys(name, "Enter")
}

// A name with an emoji's skin tone and a family of joined emoji (issue 19
// item 13): tmux draws 👍🏽 in 4 cells where Aula counted 2, and the
// header wrapped. The name is kept without the tone and the joiners, as
// it shows while typed; the sign-up box and home's header stay whole.
func TestE2EEmojiNameAt80x24(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	data, logs := t.TempDir(), t.TempDir()
	tm.startArgs("emoji", 80, 24, logs, bin, "--data", data, "--lang", "es")
	tm.waitFor("emoji", "¿Cómo te llamas?")
	tm.typeText("emoji", "Ana 👍🏽 👨‍👩‍👧")
	scr := tm.waitFor("emoji", "› Ana 👍 👨👩👧")
	if !strings.Contains(scr, "└") || !strings.Contains(scr, "┘") {
		t.Fatalf("the name's box is broken:\n%s", scr)
	}
	tm.keys("emoji", "Enter")
	tm.waitFor("emoji", "PIN")
	tm.keys("emoji", "Enter")                                             // no PIN
	scr = tm.waitFor("emoji", "Hola, Ana 👍 👨👩👧", "¿Qué practicamos hoy?") // home, not the PIN question, which greets too
	lines := strings.Split(scr, "\n")
	if !strings.HasSuffix(strings.TrimRight(lines[0], " "), "Ana 👍 👨👩👧") || strings.TrimSpace(lines[1]) != "" {
		t.Fatalf("home's header is not one line with the name at its end:\n%s", scr)
	}
	fits(t, scr, "home", false, true)
	tm.quitAs("emoji", logs, e2eWords["es"].quit, e2eWords["es"].leave)
}
