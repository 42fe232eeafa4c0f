package tui

import (
	"regexp"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"aula/store"
	"aula/tui/ui"
)

var boxDrawing = regexp.MustCompile("[\u2500-\u257f]")

// A theme changes how things look, never what they say: with colours on,
// every screen shows the same words and symbols in every theme (only the
// lines of boxes may be thicker), so nothing rests on colour alone.
func TestThemesSayTheSame(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)

	screens := func(theme string) []string {
		st := openStore(t, t.TempDir())
		defer st.Close()
		l, _ := st.AddLearner("Lucía", "")
		if err := st.SetPrefs(l.ID, store.Prefs{Theme: theme}); err != nil {
			t.Fatal(err)
		}
		d := newDriverOn(t, st, "es", "")
		var out []string
		add := func() { out = append(out, boxDrawing.ReplaceAllString(ansi.Strip(d.view()), "#")) }
		add()                                  // home: progress bars with words
		d.keys("enter", "enter", "1", "enter") // a wrong answer
		add()
		d.keys("3", "enter") // and another: the hint
		add()
		d.keys("esc")
		d.m.Update(ui.OpenLessonMsg{ID: "contrasenas-fuertes"})
		d.run(ui.LoadLesson(d.m.c.Rec, l.ID, d.m.c.Lessons.Lessons["contrasenas-fuertes"]))
		for d.player().Step().Kind != "password" {
			d.answerRight()
			d.keys("enter")
		}
		d.keys("Maria1975") // a weak password: the meter
		add()
		d.keys("esc")
		d.m.Update(ui.OpenLessonMsg{ID: "correo-enganos"})
		d.run(ui.LoadLesson(d.m.c.Rec, l.ID, d.m.c.Lessons.Lessons["correo-enganos"]))
		for d.player().Step().Kind != "inbox" {
			d.answerRight()
			d.keys("enter")
		}
		add() // unread marks
		return out
	}
	want := screens(ui.ThemeDefault)
	for _, theme := range ui.Themes[1:] {
		got := screens(theme)
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("theme %q, screen %d says something else than the standard theme:\n%s\n---\n%s", theme, i, got[i], want[i])
			}
		}
	}
}
