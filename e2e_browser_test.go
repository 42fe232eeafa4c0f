package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/store"
)

// browserE2EKeys are the practice browser's letters in each language.
var browserE2EKeys = map[string]struct{ look, back, save string }{
	"es": {look: "v", back: "a", save: "g"},
	"en": {look: "l", back: "b", save: "s"},
}

// The whole "Finding the right website" path, in each language, by
// keyboard: every browser step played the way its judge's sample goes
// (look at each link, then follow it; save the page the step asks for),
// with one mistake on purpose whose outcome must be stored.
func TestE2EFindingTheRightWebsiteItinerary(t *testing.T) {
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
			name := "web-" + lang
			t.Cleanup(func() {
				if b, err := os.ReadFile(filepath.Join(logs, name+".stderr")); t.Failed() && err == nil && len(b) > 0 {
					t.Logf("stderr of the kiosk:\n%s", b)
				}
			})
			w, k := e2eWords[lang], browserE2EKeys[lang]
			cat := lib.Catalog(lang)
			itinerary := itineraryOf(t, cat, "buscar-en-internet")

			tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", itinerary.LessonIDs[0])
			tm.waitFor(name, "Aula")
			tm.signUp(name, "Pepa")

			tm.playItinerary(name, lang, cat, itinerary, func(l *lessons.Lesson, s *lessons.Step, _ string) {
				x, ok := s.Exercise.(*browserjudge.Browser)
				if !ok {
					t.Fatalf("step %s/%s: no way to answer a %T", l.ID, s.ID, s.Exercise)
				}
				if l.ID == "anuncios-imv" && s.ID == "llegar-imv" {
					// The paid look-alike that is no advert, opened unseen:
					// the lesson says so at once; back puts it right.
					tm.keys(name, "Tab", "Tab", "Enter")
					tm.waitFor(name, "tramitamos-tu-ayuda.com", "39")
					tm.keys(name, k.back)
				}
				playBrowser(t, tm, name, k.look, k.save, x)
			})

			tm.quitAs(name, logs, w.quit, w.leave)
			tm.run("kill-session", "-t", name)

			evs := storedAfter(t, data, itinerary.LessonIDs)
			if !slices.ContainsFunc(evs, func(e store.Event) bool { return e.Lesson == "anuncios-imv" && e.Mistake == "no-gestoria" }) {
				t.Error("the look-alike opened on purpose was not stored as anuncios-imv/no-gestoria")
			}
		})
	}
}

// playBrowser presses the keys of the judge's sample way through a
// browser step: on the start page, Tab to each link to look at and look;
// then, page by page, Tab to each link to follow, look, Enter; then save.
func playBrowser(t *testing.T, tm *tmuxServer, name, look, save string, x *browserjudge.Browser) {
	t.Helper()
	a := x.Sample()
	page, focus := x.Start, -1
	looked := map[string]bool{}
	tabTo := func(id string) {
		order := append([]string{}, barIDs(x)...)
		for _, b := range x.Page(page).Blocks {
			if b.Active() {
				order = append(order, b.ID)
			}
		}
		i := slices.Index(order, id)
		if i < 0 {
			t.Fatalf("link %s is not on page %s", id, page)
		}
		for ; focus != i; focus = (focus + 1) % len(order) {
			tm.keys(name, "Tab")
		}
		if !looked[id] {
			tm.keys(name, look)
			looked[id] = true
		}
	}
	for _, id := range a.Inspected {
		if !slices.Contains(a.Followed, id) {
			tabTo(id)
		}
	}
	for _, id := range a.Followed {
		tabTo(id)
		tm.keys(name, "Enter")
		b, _ := x.Block(id)
		page, focus = b.To, -1
	}
	if len(a.Saved) > 0 {
		tm.keys(name, save)
	}
}

func barIDs(x *browserjudge.Browser) []string {
	var ids []string
	for _, b := range x.Bookmarks {
		ids = append(ids, b.ID)
	}
	return ids
}

// The lesson with the bookmarks bar in accessible mode, in each language:
// the bar heard ("bookmarks"), a bookmark opened ("bookmark 1"), the page
// saved ("save"); the lesson ends done.
func TestE2EAccessibleBookmarks(t *testing.T) {
	bin := aulaBinary(t)
	lib, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			data := t.TempDir()
			s := startLines(t, bin, "--accessible", "--data", data, "--lang", lang, "--lesson", "sitio-conocido")
			w := wordsFor(lang)
			s.expect(w.name)
			s.send("Lucía")
			s.expect(w.pin)
			s.send("1")
			l, _ := lib.Catalog(lang).Lesson("sitio-conocido")
			doLesson(t, s, w, l)
			s.mu.Lock()
			out := s.out.String()
			s.mu.Unlock()
			for _, want := range []string{"1, «Sede Seguridad Social», de seg-social.gob.es", w.saved} {
				if lang == "en" {
					want = strings.NewReplacer("«Sede Seguridad Social», de", "\"Social Security office\", on").Replace(want)
				}
				if !strings.Contains(out, want) {
					t.Errorf("accessible mode never said %q", want)
				}
			}
			s.send(w.quit)
			s.expect(w.quitQuestion)
			s.send("1")
			if code := s.wait(); code != 0 {
				t.Fatalf("Aula ended with status %d", code)
			}
			storedAfter(t, data, []string{"sitio-conocido"})
		})
	}
}
