package files

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"

	"aula/lessons"
	filesjudge "aula/lessons/kinds/files"
	"aula/tui/ui"
)

// clickOn clicks the zone id of the manager drawn at 80×18.
func clickOn(t *testing.T, c *ui.Common, e *FilesExercise, id string) {
	t.Helper()
	old := c.Zones
	c.Zones = zone.New()
	old.Close()
	c.Zones.Scan(e.ViewFull(80, 18))
	deadline := time.Now().Add(2 * time.Second)
	z := c.Zones.Get(id)
	for z.IsZero() {
		if time.Now().After(deadline) {
			t.Fatalf("zone %q is not on screen:\n%s", id, view(c, e, 18))
		}
		time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
		z = c.Zones.Get(id)
	}
	e.Update(tea.MouseMsg{X: z.StartX, Y: z.StartY, Action: tea.MouseActionRelease, Button: tea.MouseButtonLeft})
}

// The photo by keyboard: too big to attach (said in plain words, and by
// the lesson's rule), cropped, made a PDF under the limit, attached.
func TestPhotoCropPDFAttachByKeyboard(t *testing.T) {
	c, s, e := open(t, "es", "archivos-foto-pdf", "foto-pdf")
	tabTo(t, c, e, "Fotografiar un papel")
	press(e, "enter")
	if got := view(c, e, 18); !strings.Contains(got, "IMG_20261206_1032.jpg") || !strings.Contains(got, "4,8 MB") || strings.Contains(got, "Fotografiar un papel") {
		t.Fatalf("after the photo:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); v.Reason != lessons.ReasonPending {
		t.Errorf("after the photo: %+v", v)
	}
	tabTo(t, c, e, "Adjuntar")
	press(e, "enter")
	got := view(c, e, 18)
	for _, want := range []string{"No se puede adjuntar IMG_20261206_1032.jpg.", "Pesa 4,8 MB y el límite es 1 MB.", "Recorta la foto"} {
		if !strings.Contains(got, want) {
			t.Errorf("the size-limit error has no %q:\n%s", want, got)
		}
	}
	if v := s.Judge(e.TakeCheck()); v.Mistake != "tamano:foto-nomina" || !strings.Contains(v.Feedback, "pesa demasiado") {
		t.Errorf("attaching the photo: %+v", v)
	}
	if e.chosen != "" {
		t.Errorf("the photo was attached: %q", e.chosen)
	}
	press(e, "shift+tab", "shift+tab", "enter") // back to the list, open the photo
	if got := view(c, e, 18); !strings.Contains(got, "la mesa, una taza") || !strings.Contains(got, "▶ [ Recortar ]") {
		t.Fatalf("the photo open:\n%s", got)
	}
	press(e, "enter") // crop
	if got := view(c, e, 18); !strings.Contains(got, "solo se ve la nómina") || !strings.Contains(got, "2,9 MB") {
		t.Errorf("cropped:\n%s", got)
	}
	press(e, "enter") // make the PDF
	if it := e.M.Current(); it == nil || it.Name != "IMG_20261206_1032.pdf" || it.KB != 620 {
		t.Fatalf("the PDF is not highlighted: %+v", it)
	}
	e.TakeCheck()
	tabTo(t, c, e, "Adjuntar")
	press(e, "enter")
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("the cropped PDF attached: %+v", v)
	}
}

// A PDF of the whole photo is said at once, and is too big to attach.
func TestPDFOfTheWholePhotoByMouse(t *testing.T) {
	c, s, e := open(t, "en", "archivos-foto-pdf", "foto-pdf")
	clickOn(t, c, e, "files-btn-photo")
	clickOn(t, c, e, "files-btn-open")
	clickOn(t, c, e, "files-btn-pdf")
	if v := s.Judge(e.TakeCheck()); v.Mistake != "recortar" || !strings.Contains(v.Feedback, "whole photo") {
		t.Errorf("a PDF of the whole photo: %+v", v)
	}
	clickOn(t, c, e, "files-btn-choose")
	if got := view(c, e, 18); !strings.Contains(got, "IMG_20261206_1032.pdf cannot be attached. It is 1.9 MB and the limit is 1 MB.") {
		t.Errorf("the size-limit error:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); v.Mistake != "tamano:foto-nomina-pdf" {
		t.Errorf("attaching the whole PDF: %+v", v)
	}
}

// The USB stick appears when plugged in, takes a copy, and goes when
// safely removed; the copy stays on it.
func TestUSBStickCopyAndEject(t *testing.T) {
	c, s, e := open(t, "es", "archivos-usb", "copiar-usb")
	if strings.Contains(view(c, e, 18), "USB LUCIA") {
		t.Fatalf("the stick shows before it is plugged in:\n%s", view(c, e, 18))
	}
	clickOn(t, c, e, "files-btn-plug")
	if got := view(c, e, 18); !strings.Contains(got, "USB LUCIA (0)") || !strings.Contains(got, "Quitar la memoria USB con seguridad") {
		t.Fatalf("plugged in:\n%s", got)
	}
	clickOn(t, c, e, "files-folder-0")
	e.M.Select("justificante")
	tabTo(t, c, e, "Copiar")
	press(e, "enter")
	if !strings.Contains(view(c, e, 18), "¿A qué carpeta copias justificante_imv_2026.pdf?") {
		t.Fatalf("Copiar should ask where:\n%s", view(c, e, 18))
	}
	press(e, "down", "down", "enter")
	if got := view(c, e, 18); !strings.Contains(got, "USB LUCIA (1)") || !strings.Contains(got, "Descargas (2)") {
		t.Errorf("after the copy:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); v.Reason != lessons.ReasonPending {
		t.Errorf("after the copy: %+v", v)
	}
	clickOn(t, c, e, "files-btn-eject")
	if got := view(c, e, 18); strings.Contains(got, "USB LUCIA (") || !strings.Contains(got, "Conectar la memoria USB") {
		t.Errorf("after removing it:\n%s", got)
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("copied and removed: %+v", v)
	}
	a := e.Answer().(filesjudge.Answer)
	if len(a.Copies["justificante"]) != 1 || a.Ejected[0] != "usb" {
		t.Errorf("answer %+v", a)
	}
}

// Removing the stick before the copy is said at once.
func TestUSBStickRemovedTooSoon(t *testing.T) {
	c, s, e := open(t, "en", "archivos-usb", "copiar-usb")
	clickOn(t, c, e, "files-btn-plug")
	e.TakeCheck()
	clickOn(t, c, e, "files-btn-eject")
	if v := s.Judge(e.TakeCheck()); v.Mistake != "copiar" {
		t.Errorf("removed before the copy: %+v", v)
	}
}

// Files deleted are in the Bin, not gone, until the Bin is emptied.
func TestDeleteThenEmptyTheBin(t *testing.T) {
	c, s, e := open(t, "es", "archivos-borrar-descargas", "borrar-todo")
	press(e, "delete", "delete")
	if v := s.Judge(e.Answer()); v.Mistake != "borrar:left" {
		t.Errorf("one file left in Descargas: %+v", v)
	}
	press(e, "delete")
	if v := s.Judge(e.Answer()); v.Mistake != "borrar:in-bin" || !strings.Contains(v.Feedback, "Vaciar la Papelera") {
		t.Errorf("the files in the Bin: %+v", v)
	}
	if strings.Contains(view(c, e, 18), "Vaciar la Papelera") {
		t.Errorf("Empty shows outside the Bin:\n%s", view(c, e, 18))
	}
	press(e, "left", "down", "down")
	if got := view(c, e, 18); !strings.Contains(got, "Papelera: 3 archivos") {
		t.Fatalf("the Bin:\n%s", got)
	}
	clickOn(t, c, e, "files-btn-empty")
	if got := view(c, e, 18); !strings.Contains(got, "3 archivos se han borrado para siempre") || !strings.Contains(got, "Papelera: 0 archivos") {
		t.Errorf("emptied:\n%s", got)
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("deleted and emptied: %+v", v)
	}
}

// Emptying the Bin with a file still in Descargas is said at once.
func TestEmptyingTooSoon(t *testing.T) {
	_, s, e := open(t, "en", "archivos-borrar-descargas", "borrar-todo")
	press(e, "delete")
	e.M.EmptyBin()
	e.took(e.M.TakeEvent())
	if v := s.Judge(e.TakeCheck()); v.Mistake != "borrar:left" {
		t.Errorf("emptied with files left: %+v", v)
	}
}

func TestLinesPhotoUSBAndBin(t *testing.T) {
	c, s, e := open(t, "es", "archivos-foto-pdf", "foto-pdf")
	l := NewFilesLines(c, s, e)
	if desc := strings.Join(l.Describe(), "\n"); !strings.Contains(desc, "foto (hacer la foto), recortar, pdf") {
		t.Errorf("Describe:\n%s", desc)
	}
	if got, _ := say(t, l, "recortar"); !strings.Contains(got, "Primero haz la foto") {
		t.Errorf("crop before the photo: %s", got)
	}
	for _, step := range []struct{ line, want string }{
		{"foto", "Has hecho la foto. Está en la carpeta Imágenes"},
		{"elegir 1", "No se puede adjuntar IMG_20261206_1032.jpg. Pesa 4,8 MB y el límite es 1 MB."},
		{"recortar", "Has recortado la foto"},
		{"pdf", "Has hecho el PDF: IMG_20261206_1032.pdf, 620 KB."},
		{"elegir 2", "Has elegido IMG_20261206_1032.pdf."},
	} {
		if got, _ := say(t, l, step.line); !strings.Contains(got, step.want) {
			t.Errorf("%q said:\n%s\nwant %q", step.line, got, step.want)
		}
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("by lines: %+v", v)
	}

	c, s, e = open(t, "en", "archivos-usb", "copiar-usb")
	l = NewFilesLines(c, s, e)
	for _, step := range []struct{ line, want string }{
		{"plug", "3. USB LUCIA, with 0 files"},
		{"folder 1", "2. receipt_imv_2026.pdf"},
		{"copy 2", "3. USB LUCIA"},
		{"3", "You copied receipt_imv_2026.pdf to USB LUCIA."},
		{"eject", "You can take the USB stick out now"},
	} {
		if got, _ := say(t, l, step.line); !strings.Contains(got, step.want) {
			t.Errorf("%q said:\n%s\nwant %q", step.line, got, step.want)
		}
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("by lines: %+v", v)
	}

	c, s, e = open(t, "es", "archivos-borrar-descargas", "borrar-todo")
	l = NewFilesLines(c, s, e)
	for range 3 {
		say(t, l, "borrar 1")
	}
	if got, _ := say(t, l, "vaciar"); !strings.Contains(got, "3 archivos se han borrado para siempre") {
		t.Errorf("vaciar: %s", got)
	}
	if v := s.Judge(e.Answer()); !v.Correct {
		t.Errorf("by lines: %+v", v)
	}
}
