package browser

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	zone "github.com/lrstanley/bubblezone"

	"aula/lessons"
	browserjudge "aula/lessons/kinds/browser"
	"aula/lessons/validate"
	"aula/tui/ui"
)

var lib = func() *lessons.Library {
	l, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	return l
}()

// open makes the browser of a built-in step.
func open(t testing.TB, lang, step string) (*ui.Common, *lessons.Step, *BrowserExercise) {
	t.Helper()
	c := ui.NewCommon(lang, lib, func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) })
	l, ok := lib.Catalog(lang).Lesson("buscar-cita-previa")
	if !ok {
		t.Fatal("no lesson buscar-cita-previa")
	}
	s := l.Steps()[l.StepIndex(step)]
	return c, s, NewBrowserExercise(c, s).(*BrowserExercise)
}

func press(e *BrowserExercise, keys ...string) {
	for _, k := range keys {
		var m tea.KeyMsg
		switch k {
		case "tab":
			m = tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			m = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "enter":
			m = tea.KeyMsg{Type: tea.KeyEnter}
		case "backspace":
			m = tea.KeyMsg{Type: tea.KeyBackspace}
		default:
			m = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		e.Update(m)
	}
}

func TestInspectThenFollowAndGoBack(t *testing.T) {
	c, s, e := open(t, "es", "llegar-oficial")
	e.ViewFull(80, 18)
	press(e, "tab", "v")
	if e.Shown != "anuncio-parecido" {
		t.Fatalf("after Tab and V the first advert should be looked at, shown %q", e.Shown)
	}
	view := c.Zones.Scan(e.ViewFull(80, 18))
	if !strings.Contains(view, "Este enlace lleva a: https://www.citas-seguridad-social-ayuda.com/cita") ||
		!strings.Contains(view, "La página es de: citas-seguridad-social-ayuda.com") {
		t.Errorf("the status bar does not say where the link goes:\n%s", view)
	}
	a := e.TakeCheck().(browserjudge.Answer)
	if a.Last.Kind != browserjudge.ActInspect || s.Judge(a).Reason != lessons.ReasonPending {
		t.Errorf("a look is no mistake: %+v → %+v", a.Last, s.Judge(a))
	}
	// Following the advert is the mistake of rule no-anuncio, said at once.
	press(e, "enter")
	if p := e.Page(); p.ID != "parecida" {
		t.Fatalf("Enter should open the look-alike, shows %q", p.ID)
	}
	v := s.Judge(e.TakeCheck())
	if v.Mistake != "no-anuncio" || !strings.Contains(v.Feedback, "anuncio") {
		t.Errorf("following an advert: %+v", v)
	}
	if view := c.Zones.Scan(e.ViewFull(80, 18)); !strings.Contains(view, "29,90 euros") {
		t.Errorf("the look-alike page is not shown:\n%s", view)
	}
	press(e, "a")
	if e.Page().ID != "buscar" || !e.CanGo(1) {
		t.Fatalf("A should go back to the results, shows %q", e.Page().ID)
	}
	press(e, "d")
	if e.Page().ID != "parecida" {
		t.Errorf("D should go forward again, shows %q", e.Page().ID)
	}
	press(e, "backspace", "shift+tab", "v", "enter")
	if e.Page().ID != "sede" {
		t.Fatalf("the official result should open the sede, shows %q", e.Page().ID)
	}
	// The advert was a miss when it was opened; going back put it right.
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("the sede after a look, once back from the advert: %+v", v)
	}
}

func TestTheRightWayIsJudgedRight(t *testing.T) {
	_, s, e := open(t, "en", "llegar-oficial")
	e.ViewFull(80, 18)
	press(e, "tab", "tab", "tab", "l", "enter")
	if e.Page().ID != "sede" {
		t.Fatalf("shows %q", e.Page().ID)
	}
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("reaching the sede without an advert: %+v", v)
	}
	e.SetDone(true)
	press(e, "a", "tab", "enter")
	if e.Page().ID != "sede" || e.TakeCheck() != nil {
		t.Error("a finished step takes no more actions")
	}
}

func TestDownloadBar(t *testing.T) {
	c := ui.NewCommon("en", lib, time.Now)
	x := &browserjudge.Browser{Start: "p", Pages: []*browserjudge.Page{{ID: "p", URL: "https://sede.seg-social.gob.es/", Title: "Sede",
		Blocks: []*browserjudge.Block{{Download: "receipt.pdf", ID: "receipt", Size: "85 KB"}}}}}
	e := NewBrowserExercise(c, &lessons.Step{Kind: "browser", Exercise: x}).(*BrowserExercise)
	press(e, "tab", "enter")
	view := c.Zones.Scan(e.ViewFull(80, 12))
	if !strings.Contains(view, "Downloaded: receipt.pdf (85 KB), in the Downloads folder.") {
		t.Errorf("no download bar:\n%s", view)
	}
	if a := e.TakeCheck().(browserjudge.Answer); a.Last.Kind != browserjudge.ActDownload || a.Downloaded[0] != "receipt" {
		t.Errorf("download not recorded: %+v", a)
	}
}

// The domain is marked in the address bar: drawn apart from the rest.
func TestAddressBarMarksTheDomain(t *testing.T) {
	_, _, e := open(t, "en", "llegar-oficial")
	got := e.markedAddress("https://www.seg-social.es.ayuda.com/x")
	if !strings.Contains(got, "ayuda.com") || !strings.HasSuffix(strings.TrimRight(got, "\x1b[0m"), "/x") {
		t.Errorf("marked address %q", got)
	}
	if validate.Domain(validate.Host("https://www.seg-social.es.ayuda.com/x")) != "ayuda.com" {
		t.Error("the domain of a look-alike is its end")
	}
}

func TestTinyTerminalNeverPanics(t *testing.T) {
	c, _, e := open(t, "es", "llegar-oficial")
	for w := 0; w <= 14; w++ {
		for h := 0; h <= 8; h++ {
			press(e, "tab", "v")
			out := c.Zones.Scan(e.ViewFull(w, h))
			if n := strings.Count(out, "\n") + 1; n != max(h, 3) {
				t.Errorf("%d×%d: %d lines", w, h, n)
			}
		}
	}
	e2 := NewBrowserExercise(c, &lessons.Step{Kind: "browser"}).(*BrowserExercise)
	press(e2, "tab", "enter", "v", "a")
	_ = e2.ViewFull(80, 24)
}

func TestLines(t *testing.T) {
	c, s, e := open(t, "es", "llegar-oficial")
	l := NewBrowserLines(c, s, e)
	desc := strings.Join(l.Describe(), "\n")
	for _, want := range []string{"Dominio: buscador.example", "1. Patrocinado: enlace «Cita Previa Seguridad Social", "(citas-seguridad-social-ayuda.com)", "3. enlace «Cita previa - Sede"} {
		if !strings.Contains(desc, want) {
			t.Errorf("Describe lacks %q:\n%s", want, desc)
		}
	}
	say, _ := l.Line("ver 3")
	if got := strings.Join(say, " "); !strings.Contains(got, "https://sede.seg-social.gob.es/cita-previa") {
		t.Errorf("ver 3 says %q", got)
	}
	say, _ = l.Line("3")
	if got := strings.Join(say, "\n"); !strings.Contains(got, "Dominio: seg-social.gob.es") || e.Page().ID != "sede" {
		t.Errorf("3 should open the sede: %q", got)
	}
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("the sede after a look: %+v", v)
	}
	say, _ = l.Line("atrás")
	if e.Page().ID != "buscar" {
		t.Errorf("atrás: %v", say)
	}
	if say, _ = l.Line("9"); !strings.Contains(strings.Join(say, ""), "del 1 al 3") {
		t.Errorf("9: %v", say)
	}
	if _, check := l.Line("comprobar"); !check {
		t.Error("comprobar should check")
	}
}

// The search results with adverts at 80×24, in each language.
func TestGoldenSearchResults(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			c, _, e := open(t, lang, "llegar-oficial")
			e.ViewFull(80, 24)
			press(e, "tab", strings.ToLower(c.Cat.T("browser_key_inspect")))
			golden.RequireEqual(t, []byte(c.Zones.Scan(e.ViewFull(80, 24))))
		})
	}
}

// A key on a page of 200 lines: Update and View.
func BenchmarkKeyOnLongPage(b *testing.B) {
	c := ui.NewCommon("es", lib, time.Now)
	var blocks []*browserjudge.Block
	for i := 0; i < 100; i++ {
		blocks = append(blocks, &browserjudge.Block{Text: fmt.Sprintf("Párrafo %d de una página larga de práctica.", i)},
			&browserjudge.Block{Link: fmt.Sprintf("Enlace %d", i), ID: fmt.Sprintf("l%d", i), To: "p"})
	}
	x := &browserjudge.Browser{Start: "p", Pages: []*browserjudge.Page{{ID: "p", URL: "https://sede.seg-social.gob.es/larga", Title: "Larga", Blocks: blocks}}}
	e := NewBrowserExercise(c, &lessons.Step{Kind: "browser", Exercise: x}).(*BrowserExercise)
	tab := tea.KeyMsg{Type: tea.KeyTab}
	e.ViewFull(80, 18)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Update(tab)
		_ = e.ViewFull(80, 18)
	}
}

// click draws the browser on a fresh zone manager and clicks the first
// cell of zone id, polling the zone worker with a deadline (as
// tui/mouse_test.go does).
func click(t *testing.T, c *ui.Common, e *BrowserExercise, id string) {
	t.Helper()
	old := c.Zones
	c.Zones = zone.New()
	old.Close()
	c.Zones.Scan(e.ViewFull(80, 18))
	deadline := time.Now().Add(2 * time.Second)
	z := c.Zones.Get(id)
	for z.IsZero() {
		if time.Now().After(deadline) {
			t.Fatalf("zone %q is not on screen", id)
		}
		time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
		z = c.Zones.Get(id)
	}
	m := tea.MouseMsg{X: z.StartX, Y: z.StartY, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease}
	e.Update(m)
}

func TestMouseLooksThenFollows(t *testing.T) {
	c, _, e := open(t, "en", "llegar-oficial")
	e.ViewFull(80, 18)
	row := -1
	for i, b := range e.visible {
		if b >= 0 && e.Page().Blocks[b].ID == "oficial" {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("the official result is not on screen")
	}
	click(t, c, e, rowZone(row))
	if e.Shown != "oficial" || e.Page().ID != "buscar" {
		t.Fatalf("a first click looks where the link goes: shown %q, page %q", e.Shown, e.Page().ID)
	}
	click(t, c, e, rowZone(row))
	if e.Page().ID != "sede" {
		t.Fatalf("a second click follows the link, page %q", e.Page().ID)
	}
	click(t, c, e, "browser-back")
	if e.Page().ID != "buscar" {
		t.Errorf("the back button goes back, page %q", e.Page().ID)
	}
}

// What the padlock means is the lesson's point: at 80 columns in the
// large layout (74 cells) it was cut to "… Lee el domin…". It wraps,
// whole, and the page still fills the height exactly.
func TestPadlockExplanationIsWhole(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		c, _, e := open(t, lang, "mirar-anuncio")
		v := c.Zones.Scan(e.ViewFull(74, 18))
		if want := c.Cat.T("browser_padlock_explain"); !strings.Contains(strings.Join(strings.Fields(v), " "), want) || strings.Contains(v, "…") {
			t.Errorf("%s: the padlock's meaning is not whole:\n%s", lang, v)
		}
		if n := len(strings.Split(v, "\n")); n != 18 {
			t.Errorf("%s: %d lines, want 18", lang, n)
		}
	}
}
