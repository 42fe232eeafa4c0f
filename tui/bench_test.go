package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
	"aula/tui/kinds/typein"
	"aula/tui/player"
	"aula/tui/ui"
)

// BenchmarkStartToFirstFrame measures what the kiosk does before its first
// frame, in process: open the data file, read the built-in lessons of its
// language as the kiosk does (BuiltInLibrary), build the model, load the
// learners and draw the first screen. tools/outside measures the whole
// process from outside.
func BenchmarkStartToFirstFrame(b *testing.B) {
	dir := b.TempDir()
	st, err := store.Open(dir, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		b.Fatal(err)
	}
	st.Close()
	b.ResetTimer()
	for b.Loop() {
		st, err := store.Open(dir, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		lib := lessons.BuiltInLibrary()
		lib.Catalog("es")
		m := New(Config{Store: st, Library: lib, Lang: "es"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.Update(m.Init()())
		if m.View() == "" {
			b.Fatal("empty first frame")
		}
		st.Close()
	}
}

// lessonDriver is a kiosk on step 2 (a choose step) of the first lesson.
func lessonDriver(b *testing.B, lesson string, kind string) *driver {
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		b.Fatal(err)
	}
	d := newDriverOn(b, st, "es", lesson)
	for d.player().Step().Kind != kind {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	return d
}

// BenchmarkKeyOnChooseStep is one arrow key through Update and View.
func BenchmarkKeyOnChooseStep(b *testing.B) {
	d := lessonDriver(b, "usar-aula", "choose")
	down := tea.KeyMsg{Type: tea.KeyDown}
	b.ResetTimer()
	for b.Loop() {
		d.m.Update(down)
		_ = d.m.View()
	}
}

// BenchmarkKeyOnTypeStep is one typed letter through Update and View.
func BenchmarkKeyOnTypeStep(b *testing.B) {
	d := lessonDriver(b, "teclado", "type")
	ex := d.player().Ex.(*typein.TypeExercise)
	letter := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ñ")}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%50 == 0 {
			ex.Input.SetValue("")
		}
		d.m.Update(letter)
		_ = d.m.View()
	}
}

// BenchmarkAnswerUpdate is the Enter that checks an answer: judging and
// queueing the event, without the disk write (that runs in a command).
func BenchmarkAnswerUpdate(b *testing.B) {
	d := lessonDriver(b, "usar-aula", "choose")
	p := d.player()
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	b.ResetTimer()
	for b.Loop() {
		p.State, p.Misses, p.Hint = player.Asking, 0, false
		p.Ex.SetDone(false)
		d.m.Update(enter)
		_ = d.m.View()
	}
	b.StopTimer()
	d.m.c.Rec.Flush()
}

// BenchmarkDurableAnswer is one answer committed to disk through the
// recorder, as the command does after Enter.
func BenchmarkDurableAnswer(b *testing.B) {
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	l, err := st.AddLearner("Lucía", "")
	if err != nil {
		b.Fatal(err)
	}
	rec := ui.NewRecorder(st)
	e := store.Event{Learner: l.ID, Kind: store.Answered, Lesson: "usar-aula", Step: "flechas", StepIndex: 1, Steps: 8,
		Attempt: 1, Mistake: "arriba", Elapsed: time.Second}
	b.ResetTimer()
	for b.Loop() {
		rec.Record(e)
		if _, err := rec.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}
