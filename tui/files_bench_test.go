package tui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/kinds/files"
)

// BenchmarkKeyOnFilesList is one arrow key in a folder of 200 files of the
// practice file manager (the Descargas of a shared computer, with the Bin),
// at 80×24: Update and View.
func BenchmarkKeyOnFilesList(b *testing.B) {
	st, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		b.Fatal(err)
	}
	d := newDriverOn(b, st, "es", "archivos-borrar-descargas")
	for d.player().Step().ID != "borrar-todo" {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	ex, ok := d.player().Ex.(*files.FilesExercise)
	if !ok {
		b.Fatalf("not a files step: %T", d.player().Ex)
	}
	for i := range 197 {
		ex.M.Items = append(ex.M.Items, &files.Item{ID: fmt.Sprintf("f%d", i), Name: fmt.Sprintf("documento_%03d.pdf", i),
			Folder: "descargas", KB: 50 + i*37%4000, Date: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28), Preview: "Un documento."})
	}
	if n := ex.M.Count("descargas"); n != 200 {
		b.Fatalf("%d files in Descargas", n)
	}
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%400 < 200 {
			d.m.Update(down)
		} else {
			d.m.Update(up)
		}
		_ = d.m.View()
	}
}
