package tui

import (
	"os"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
	"aula/tui/kinds/form"
)

// form20Driver is a kiosk at 80×24 on the one-page, 20-field form of
// lessons/testdata/form20.yaml.
func form20Driver(b *testing.B) *driver {
	raw, err := os.ReadFile("../lessons/testdata/form20.yaml")
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{"es/form20.yaml": {Data: raw}, "en/form20.yaml": {Data: raw}}
	lib, problems := lessons.Load(lessons.Source{Name: "bench", FS: fsys})
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		b.Fatal(err)
	}
	d := &driver{t: b, st: st, clock: &clock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}}
	d.m = New(Config{Store: st, Library: lib, Lang: "es", StartLesson: "formulario-20", Now: d.clock.Now,
		Tick: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.run(d.m.Init())
	if n := len(d.form().PageFieldsInOrder()); n != 20 {
		b.Fatalf("%d fields on the page, want 20", n)
	}
	return d
}

// medianKeys sends keys[i%len(keys)] to the kiosk and draws it, b.N times,
// and reports the median time of one Update+View besides the mean.
func medianKeys(b *testing.B, d *driver, keys []tea.Msg) {
	times := make([]time.Duration, 0, 1024)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		d.m.Update(keys[i%len(keys)])
		_ = d.m.View()
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds())/1e6, "ms-median")
}

// BenchmarkKeyOnFormPage is one key on a page of 20 fields at 80×24:
// Update + View (target: median ≤ 1 ms). "type" is a letter typed and
// taken back in the first field of a fresh page; "type-errors" the same
// right after a blocked Next, with 19 errors next to their fields and in
// the summary (each key checks the whole page again to clear fixed
// errors); "tab" moves the focus down and up the page, which scrolls.
func BenchmarkKeyOnFormPage(b *testing.B) {
	letter, erase := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ñ")}, tea.KeyMsg{Type: tea.KeyBackspace}
	b.Run("type", func(b *testing.B) {
		d := form20Driver(b)
		medianKeys(b, d, []tea.Msg{letter, erase})
	})
	b.Run("type-errors", func(b *testing.B) {
		d := form20Driver(b)
		f := d.form()
		for _, k := range []struct{ id, text string }{{"nombre", "Lucía2"}, {"apellidos", "Prueba 👍"}, {"dni", "12345678A"},
			{"nie", "X1234567A"}, {"nacimiento", "31/02/1978"}, {"caducidad", "20/06/2020"}, {"movil", "60000000"},
			{"fijo", "+44 20 7946 0000"}, {"correo", "lucía@correo"}, {"cp", "82999"}, {"iban", "ES91 2100 0418 4502 0005 1323"},
			{"hijo", "M4rio"}, {"otro-dni", "Z0000000"}} {
			f.Fields[k.id].Input.SetValue(k.text)
		}
		f.FocusOn("nombre")
		d.tabTo(form.TSubmit)
		d.keys("enter")
		if n := len(f.CheckPage(0)); n != 19 {
			b.Fatalf("%d errors on the page, want 19", n)
		}
		f.FocusOn("nombre")
		medianKeys(b, d, []tea.Msg{letter, erase})
	})
	b.Run("tab", func(b *testing.B) {
		d := form20Driver(b)
		var keys []tea.Msg
		for range 22 {
			keys = append(keys, tea.KeyMsg{Type: tea.KeyTab})
		}
		for range 22 {
			keys = append(keys, tea.KeyMsg{Type: tea.KeyShiftTab})
		}
		medianKeys(b, d, keys)
	})
}
