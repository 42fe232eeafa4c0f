package files

import (
	"strings"
	"testing"

	"aula/lessons"
)

// say runs lines through the adapter and returns all it said.
func say(t *testing.T, lines interface {
	Line(string) ([]string, bool)
}, text string) (string, bool) {
	t.Helper()
	out, check := lines.Line(text)
	return strings.Join(out, "\n"), check
}

func TestLinesSortOpenAndCheck(t *testing.T) {
	c, s, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	l := NewFilesLines(c, s, e)
	desc := strings.Join(l.Describe(), "\n")
	for _, want := range []string{"Hay 4 carpetas:", "1. Descargas, con 5 archivos", "Carpeta Descargas: 5 archivos. Ordenados por nombre",
		"4. justificante_registro(1).pdf, PDF, 85 KB, del 05/12/2026", "ordenar fecha", "nombre y un número", "crear (carpeta nueva)"} {
		if !strings.Contains(desc, want) {
			t.Errorf("Describe has no %q:\n%s", want, desc)
		}
	}
	if strings.Contains(desc, "borrar y un número") || strings.Contains(desc, "elegir y un número") {
		t.Errorf("Describe offers commands the step has not:\n%s", desc)
	}
	got, _ := say(t, l, "ordenar fecha")
	if !strings.Contains(got, "1. justificante_registro(1).pdf") || !strings.Contains(got, "lo más nuevo arriba") {
		t.Errorf("ordenar fecha:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); v.Reason != lessons.ReasonPending {
		t.Errorf("after sorting: %+v", v)
	}
	got, _ = say(t, l, "5")
	if !strings.Contains(got, "Abierto: justificante_registro.pdf") || !strings.Contains(got, "3 de noviembre de 2025") {
		t.Errorf("opening file 5:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); v.Mistake != "abrir:justificante-viejo" {
		t.Errorf("opening last year's receipt: %+v", v)
	}
	say(t, l, "abrir 1")
	if _, check := say(t, l, "comprobar"); !check {
		t.Error("comprobar should ask the player to check")
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("sorted and opened: %+v", v)
	}
	if got, _ := say(t, l, "9"); !strings.Contains(got, "Escribe un número del 1 al 5") {
		t.Errorf("a number too big: %q", got)
	}
}

func TestLinesRenameMakeAndMove(t *testing.T) {
	c, s, e := open(t, "en", "archivos-descargas", "buscar-nuevo")
	l := NewFilesLines(c, s, e)
	got, _ := say(t, l, "rename 1")
	if !strings.Contains(got, "New name for application_receipt(1).pdf") || !strings.Contains(l.Prompt(), "An empty line cancels") {
		t.Fatalf("rename 1: %q, prompt %q", got, l.Prompt())
	}
	if got, _ := say(t, l, "receipt-imv.pdf"); !strings.Contains(got, "is now called receipt-imv.pdf") || !strings.Contains(got, "4. receipt-imv.pdf") {
		t.Errorf("the new name: %q", got)
	}
	say(t, l, "make")
	if got, _ := say(t, l, "Forms"); !strings.Contains(got, "You made the folder Forms") {
		t.Errorf("a new folder: %q", got)
	}
	got, _ = say(t, l, "move 4")
	if !strings.Contains(got, "5. Forms") {
		t.Fatalf("move 1 should list the folders:\n%s", got)
	}
	if got, _ := say(t, l, "5"); !strings.Contains(got, "You moved receipt-imv.pdf to the Forms folder") {
		t.Errorf("the move: %q", got)
	}
	if it := e.M.Item("justificante-nuevo"); it.Folder != "made-1" || it.Name != "receipt-imv.pdf" {
		t.Errorf("the receipt is %+v", it)
	}
	say(t, l, "rename 1")
	if got, _ := say(t, l, ""); !strings.Contains(got, "Nothing has changed") {
		t.Errorf("an empty line cancels: %q", got)
	}
}
