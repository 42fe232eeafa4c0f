package browser

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/tui/ui"
)

// openStep makes the browser of a step of a built-in lesson.
func openStep(t testing.TB, lang, lesson, step string) (*ui.Common, *lessons.Step, *BrowserExercise) {
	t.Helper()
	c := ui.NewCommon(lang, lib, func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) })
	l, ok := lib.Catalog(lang).Lesson(lesson)
	if !ok {
		t.Fatalf("no lesson %s", lesson)
	}
	i := l.StepIndex(step)
	if i < 0 {
		t.Fatalf("no step %s in %s", step, lesson)
	}
	s := l.Steps()[i]
	return c, s, NewBrowserExercise(c, s).(*BrowserExercise)
}

// Saving the official page: the bar shows it, and the step is right;
// saving the search page instead is that rule's mistake, in its words.
func TestSaveToBookmarks(t *testing.T) {
	c, s, e := openStep(t, "es", "sitio-conocido", "guardar-favorito")
	view := c.Zones.Scan(e.ViewFull(80, 20))
	if !strings.Contains(view, "★ Favoritos:") || !strings.Contains(view, "[☆ G guardar]") {
		t.Fatalf("a step that asks to save shows the bar and its key:\n%s", view)
	}
	press(e, "g")
	v := s.Judge(e.TakeCheck())
	if v.Mistake != "guardada:buscar" || !strings.Contains(v.Feedback, "página del buscador") {
		t.Errorf("saving the search page: %+v", v)
	}
	// The search page is in the bar now: Tab goes through it first.
	press(e, "tab", "tab", "tab", "enter")
	if e.Page().ID != "sede" {
		t.Fatalf("Tab ×3 and Enter open the sede; page %q", e.Page().ID)
	}
	_ = e.TakeCheck()
	press(e, "g")
	if !slices.Equal(e.Ans.Saved, []string{"buscar", "sede"}) {
		t.Errorf("saved %v", e.Ans.Saved)
	}
	a := e.TakeCheck().(browserjudge.Answer)
	if a.Last.Kind != browserjudge.ActBookmark || !s.Judge(a).Correct {
		t.Errorf("saving the sede: %+v → %+v", a.Last, s.Judge(a))
	}
	view = c.Zones.Scan(e.ViewFull(80, 20))
	for _, want := range []string{"[Sede electrónica de", "[☆ G guardar]", "Guardada en favoritos: Sede electrónica"} {
		if !strings.Contains(view, want) {
			t.Errorf("after saving, the screen lacks %q:\n%s", want, view)
		}
	}
	if got := e.Keys(); len(got) != 3 || !hasKey(got[2], "g") {
		t.Errorf("the keys line offers saving: %v", got)
	}
}

// Tab goes through the bookmarks first; opening one without a look is the
// lesson's mistake; looking shows whose site it is, then it opens.
func TestOpenFromBookmarks(t *testing.T) {
	c, s, e := openStep(t, "en", "sitio-conocido", "abrir-favorito")
	e.ViewFull(80, 20)
	press(e, "tab")
	if e.Mark != 0 || e.Focused().ID != "favorito-sede" {
		t.Fatalf("the first Tab goes to the first bookmark: mark %d", e.Mark)
	}
	press(e, "enter")
	if v := s.Judge(e.TakeCheck()); e.Page().ID != "sede" || v.Mistake != "mirar-favorito" {
		t.Errorf("a bookmark opened without a look: page %q, %+v", e.Page().ID, v)
	}
	press(e, "b", "tab", "l")
	view := c.Zones.Scan(e.ViewFull(80, 20))
	if !strings.Contains(view, "▶[Social Security office]") || !strings.Contains(view, "https://sede.seg-social.gob.es/") {
		t.Errorf("looking at a bookmark shows where it goes:\n%s", view)
	}
	_ = e.TakeCheck()
	press(e, "enter")
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("the sede from a bookmark after a look: %+v", v)
	}
	// Round the bar and the page: back from the first bookmark is the
	// page's last link.
	press(e, "b", "shift+tab")
	if e.Mark != -1 || e.Focused().ID != "anuncio" {
		t.Errorf("Shift+Tab from nothing goes to the page's last link, got mark %d focus %v", e.Mark, e.Focused())
	}
	press(e, "tab")
	if e.Mark != 0 {
		t.Errorf("Tab from the page's last link goes round to the bar, mark %d", e.Mark)
	}
}

func TestMouseOnBookmarks(t *testing.T) {
	c, _, e := openStep(t, "es", "sitio-conocido", "abrir-favorito")
	e.ViewFull(80, 18)
	click(t, c, e, markZone(1))
	if e.Mark != 1 || e.Shown != "favorito-pag" {
		t.Fatalf("a first click on a bookmark looks where it goes: mark %d shown %q", e.Mark, e.Shown)
	}
	click(t, c, e, markZone(1))
	if e.Page().ID != "pag" {
		t.Fatalf("a second click opens it, page %q", e.Page().ID)
	}
	click(t, c, e, "browser-save")
	if !slices.Equal(e.Ans.Saved, []string{"pag"}) {
		t.Errorf("the save button saves the page: %v", e.Ans.Saved)
	}
}

func TestLinesBookmarks(t *testing.T) {
	c, s, e := openStep(t, "es", "sitio-conocido", "abrir-favorito")
	l := NewBrowserLines(c, s, e)
	desc := strings.Join(l.Describe(), "\n")
	for _, want := range []string{"Favoritos: 1, «Sede Seguridad Social»; 2, «Punto de Acceso General».", "Escribe favorito para saber adónde lleva cada favorito"} {
		if !strings.Contains(desc, want) {
			t.Errorf("Describe lacks %q:\n%s", want, desc)
		}
	}
	if strings.Contains(desc, "seg-social.gob.es") {
		t.Errorf("the page says the bar without where it goes; that is the look:\n%s", desc)
	}
	say, _ := l.Line("favoritos")
	if got := strings.Join(say, " "); !strings.Contains(got, "1, «Sede Seguridad Social», de seg-social.gob.es") {
		t.Errorf("favoritos says %q", got)
	}
	_ = e.TakeCheck()
	if say, _ = l.Line("favorito 7"); !strings.Contains(strings.Join(say, ""), "del 1 al 2") {
		t.Errorf("favorito 7: %v", say)
	}
	say, _ = l.Line("favorito 1")
	if got := strings.Join(say, "\n"); e.Page().ID != "sede" || !strings.Contains(got, "Dominio: seg-social.gob.es") {
		t.Errorf("favorito 1 opens the sede: %q", got)
	}
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("the sede from a bookmark after hearing the bar: %+v", v)
	}
	say, _ = l.Line("guardar")
	if got := strings.Join(say, ""); !strings.Contains(got, "Guardada en favoritos: Sede electrónica") || len(e.Bar()) != 3 {
		t.Errorf("guardar: %q, bar %d", got, len(e.Bar()))
	}
}

// A step without bookmarks shows no bar and offers no saving.
func TestNoBarWithoutBookmarks(t *testing.T) {
	c, _, e := open(t, "es", "llegar-oficial")
	if view := c.Zones.Scan(e.ViewFull(80, 24)); strings.Contains(view, "Favoritos") || e.HasBar() || len(e.Keys()) != 2 {
		t.Errorf("no bar expected:\n%s", view)
	}
}

// The bookmarks bar, and the search results, at 80×24 and 120×40.
func TestGoldenBookmarks(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(lang+"-"+sizeName(size), func(t *testing.T) {
				c, _, e := openStep(t, lang, "sitio-conocido", "abrir-favorito")
				e.ViewFull(size[0], size[1])
				press(e, "tab", strings.ToLower(c.Cat.T("browser_key_inspect")))
				golden.RequireEqual(t, []byte(c.Zones.Scan(e.ViewFull(size[0], size[1]))))
			})
		}
	}
}

func TestGoldenSearchResultsLarge(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			c, _, e := openStep(t, lang, "leer-dominio", "tres-direcciones")
			e.ViewFull(120, 40)
			press(e, "tab", strings.ToLower(c.Cat.T("browser_key_inspect")))
			golden.RequireEqual(t, []byte(c.Zones.Scan(e.ViewFull(120, 40))))
		})
	}
}

func sizeName(s [2]int) string {
	return map[int]string{80: "80x24", 120: "120x40"}[s[0]]
}

func hasKey(b interface{ Keys() []string }, k string) bool { return slices.Contains(b.Keys(), k) }

// A key on a page of 200 lines with 5 bookmarks and 3 pages saved:
// Update and View.
func BenchmarkKeyWithBookmarks(b *testing.B) {
	c := ui.NewCommon("es", lib, time.Now)
	var blocks []*browserjudge.Block
	for i := 0; i < 100; i++ {
		blocks = append(blocks, &browserjudge.Block{Text: fmt.Sprintf("Párrafo %d de una página larga de práctica.", i)},
			&browserjudge.Block{Link: fmt.Sprintf("Enlace %d", i), ID: fmt.Sprintf("l%d", i), To: "p"})
	}
	var marks []*browserjudge.Block
	for i := 0; i < 5; i++ {
		marks = append(marks, &browserjudge.Block{Link: fmt.Sprintf("Favorito %d", i), ID: fmt.Sprintf("m%d", i), To: "p"})
	}
	x := &browserjudge.Browser{Start: "p", Pages: []*browserjudge.Page{{ID: "p", URL: "https://sede.seg-social.gob.es/larga", Title: "Larga", Blocks: blocks}},
		Bookmarks: marks}
	e := NewBrowserExercise(c, &lessons.Step{Kind: "browser", Exercise: x}).(*BrowserExercise)
	e.Ans.Saved = []string{"p", "p", "p"}
	tab := tea.KeyMsg{Type: tea.KeyTab}
	e.ViewFull(80, 18)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Update(tab)
		_ = e.ViewFull(80, 18)
	}
}
