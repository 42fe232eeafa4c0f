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

var lib = func() *lessons.Library {
	l, _ := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	return l
}()

// open makes the file manager of a built-in step.
func open(t testing.TB, lang, lesson, step string) (*ui.Common, *lessons.Step, *FilesExercise) {
	t.Helper()
	c := ui.NewCommon(lang, lib, func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) })
	l, ok := lib.Catalog(lang).Lesson(lesson)
	if !ok {
		t.Fatalf("no lesson %s", lesson)
	}
	s := l.Steps()[l.StepIndex(step)]
	return c, s, NewFilesExercise(c, s).(*FilesExercise)
}

func press(e interface{ Update(tea.Msg) tea.Cmd }, keys ...string) {
	for _, k := range keys {
		var m tea.KeyMsg
		switch k {
		case "tab":
			m = tea.KeyMsg{Type: tea.KeyTab}
		case "shift+tab":
			m = tea.KeyMsg{Type: tea.KeyShiftTab}
		case "enter":
			m = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			m = tea.KeyMsg{Type: tea.KeyEsc}
		case "up":
			m = tea.KeyMsg{Type: tea.KeyUp}
		case "down":
			m = tea.KeyMsg{Type: tea.KeyDown}
		case "left":
			m = tea.KeyMsg{Type: tea.KeyLeft}
		case "right":
			m = tea.KeyMsg{Type: tea.KeyRight}
		case "delete":
			m = tea.KeyMsg{Type: tea.KeyDelete}
		case "backspace":
			m = tea.KeyMsg{Type: tea.KeyBackspace}
		default:
			m = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		e.Update(m)
	}
}

// view is the manager drawn at 80 columns, zones taken out.
func view(c *ui.Common, e *FilesExercise, h int) string { return c.Zones.Scan(e.ViewFull(80, h)) }

// tabTo presses Tab until the button with label is focused.
func tabTo(t *testing.T, c *ui.Common, e *FilesExercise, label string) {
	t.Helper()
	for range 12 {
		if strings.Contains(view(c, e, 14), "▶ [ "+label) {
			return
		}
		press(e, "tab")
	}
	t.Fatalf("Tab never reaches %q:\n%s", label, view(c, e, 14))
}

func TestListShowsFoldersAndFilesWithTypeSizeAndDate(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	v := view(c, e, 14)
	for _, want := range []string{"Carpeta Descargas: 5 archivos", "Ordenados por nombre", "Carpetas", "Descargas (5)", "Documentos (0)",
		"Nombre", "Tipo", "Tamaño", "Fecha", "folleto_ayudas.pdf", "PDF", "1,5 MB", "20/11/2026", "formulario_padron.docx", "DOCX", "36 KB",
		"[ Abrir ]", "[ Cambiar nombre ]", "[ Ordenar: nombre ]"} {
		if !strings.Contains(v, want) {
			t.Errorf("the list has no %q:\n%s", want, v)
		}
	}
	for i, line := range strings.Split(v, "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
	if n := strings.Count(v, "\n") + 1; n != 14 {
		t.Errorf("the view is %d lines, want 14", n)
	}
}

func TestSortByDateThenOpenTodaysReceipt(t *testing.T) {
	c, s, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	tabTo(t, c, e, "Ordenar: nombre")
	press(e, "enter")
	v := s.Judge(e.TakeCheck())
	if v.Reason != lessons.ReasonPending {
		t.Errorf("sorting by size is no mistake yet: %+v", v)
	}
	if !strings.Contains(view(c, e, 14), "Ordenados por fecha, lo más nuevo arriba") {
		t.Fatalf("after one press the list should go by date:\n%s", view(c, e, 14))
	}
	if e.M.Shown()[0].ID != "justificante-nuevo" {
		t.Errorf("newest first: %s", e.M.Shown()[0].Name)
	}
	// Back to the list: the files are the next stop after the buttons' last
	// and the folders.
	for e.M.area != areaFiles {
		press(e, "tab")
	}
	press(e, "enter")
	got := view(c, e, 14)
	if !strings.Contains(got, "justificante_registro(1).pdf · PDF · 85 KB · 05/12/2026") || !strings.Contains(got, "2026-PRUEBA-00417") {
		t.Errorf("the viewer does not show the receipt:\n%s", got)
	}
	if v := s.Judge(e.TakeCheck()); !v.Correct {
		t.Errorf("sorted and opened: %+v", v)
	}
	press(e, "esc")
	if e.M.mode != modeList {
		t.Error("Esc should close the viewer")
	}
}

func TestOpeningLastYearsReceiptIsSaidAtOnce(t *testing.T) {
	c, s, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	// By name, last year's receipt is the last: "(" sorts before ".".
	press(e, "down", "down", "down", "down")
	if cur := e.M.Current(); cur == nil || cur.ID != "justificante-viejo" {
		t.Fatalf("fifth by name should be last year's receipt, is %v", cur)
	}
	press(e, "enter")
	v := s.Judge(e.TakeCheck())
	if v.Mistake != "abrir:justificante-viejo" || !strings.Contains(v.Feedback, "año pasado") {
		t.Errorf("opening last year's receipt: %+v", v)
	}
	if !strings.Contains(view(c, e, 14), "3 de noviembre de 2025") {
		t.Errorf("the viewer shows the old receipt:\n%s", view(c, e, 14))
	}
}

func TestRenameMoveMakeFolderAndDelete(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	m := e.M
	m.opt.Trash = true
	m.Folders = append(m.Folders, &Place{ID: filesjudge.Trash, Name: "Papelera"})
	// Rename the first file (by name: folleto_ayudas.pdf).
	tabTo(t, c, e, "Cambiar nombre")
	press(e, "enter")
	if !e.Typing() || !strings.Contains(view(c, e, 14), "Nuevo nombre para folleto_ayudas.pdf") {
		t.Fatalf("Cambiar nombre should ask for the name:\n%s", view(c, e, 14))
	}
	for range len("folleto_ayudas.pdf") {
		press(e, "backspace")
	}
	press(e, "ayudas-ñ.pdf", "enter")
	if it := m.Item("folleto"); it.Name != "ayudas-ñ.pdf" {
		t.Errorf("renamed to %q", it.Name)
	}
	if a := e.TakeCheck().(filesjudge.Answer); a.Names["folleto"] != "ayudas-ñ.pdf" || a.Last.Kind != filesjudge.ActRename {
		t.Errorf("the answer after a rename: %+v", a)
	}
	// A new folder, then move the file there.
	tabTo(t, c, e, "Nueva carpeta")
	press(e, "enter", "Trámites", "enter")
	if !strings.Contains(view(c, e, 14), "Trámites (0)") {
		t.Errorf("the new folder is not listed:\n%s", view(c, e, 14))
	}
	tabTo(t, c, e, "Mover")
	press(e, "enter")
	if !strings.Contains(view(c, e, 14), "¿A qué carpeta mueves") {
		t.Fatalf("Mover should ask where:\n%s", view(c, e, 14))
	}
	for range 4 {
		press(e, "down")
	}
	press(e, "enter")
	if it := m.Item("folleto"); it.Folder != "made-1" {
		t.Errorf("moved to %q", it.Folder)
	}
	a := e.TakeCheck().(filesjudge.Answer)
	if a.Where["folleto"] != "made-1" || a.Made["made-1"] != "Trámites" {
		t.Errorf("the answer after a move: %+v", a)
	}
	// Delete sends the highlighted file to the bin.
	press(e, "tab", "tab", "delete")
	if n := m.Count(filesjudge.Trash); n != 1 {
		t.Errorf("%d files in the bin", n)
	}
}

func TestNamesThatCannotBe(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	m := e.M
	if why := m.Rename("folleto", "  "); why != "Escribe un nombre." {
		t.Errorf("empty name: %q", why)
	}
	if why := m.Rename("folleto", "IMG_20261128.JPG"); !strings.Contains(why, "Ya hay un archivo") {
		t.Errorf("a name taken: %q", why)
	}
	if _, why := m.MakeFolder("descargas"); !strings.Contains(why, "Ya hay una carpeta que se llama Descargas") {
		t.Errorf("a folder taken: %q", why)
	}
	m.OpenFolder("documentos")
	tabTo(t, c, e, "Cambiar nombre")
	press(e, "enter")
	if !strings.Contains(view(c, e, 14), "Primero marca un archivo") || e.Typing() {
		t.Errorf("Cambiar nombre in an empty folder:\n%s", view(c, e, 14))
	}
}

func TestClicks(t *testing.T) {
	c, s, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	click := func(id string) {
		t.Helper()
		old := c.Zones
		c.Zones = zone.New()
		old.Close()
		c.Zones.Scan(e.ViewFull(80, 14))
		deadline := time.Now().Add(2 * time.Second)
		z := c.Zones.Get(id)
		for z.IsZero() {
			if time.Now().After(deadline) {
				t.Fatalf("zone %q is not on screen", id)
			}
			time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
			z = c.Zones.Get(id)
		}
		e.Update(tea.MouseMsg{X: z.StartX, Y: z.StartY, Action: tea.MouseActionRelease, Button: tea.MouseButtonLeft})
	}
	click("files-folder-1")
	if e.M.At != "documentos" {
		t.Errorf("a click on Documentos shows %q", e.M.At)
	}
	click("files-folder-0")
	click("files-btn-sort")
	if e.M.Sort != filesjudge.SortDate {
		t.Errorf("a click on Ordenar sorts by %q", e.M.Sort)
	}
	click("files-file-0")
	click("files-file-0")
	if e.M.mode != modePreview || e.M.viewing.ID != "justificante-nuevo" {
		t.Errorf("two clicks on the first file should open it")
	}
	_ = s
}

func TestEnglishWords(t *testing.T) {
	c, _, e := open(t, "en", "archivos-descargas", "buscar-nuevo")
	v := view(c, e, 14)
	for _, want := range []string{"Downloads folder: 5 files", "Sorted by name, A to Z", "Folders", "Pictures (0)", "benefits_leaflet.pdf", "1.5 MB", "[ Rename ]", "[ New folder ]"} {
		if !strings.Contains(v, want) {
			t.Errorf("the English list has no %q:\n%s", want, v)
		}
	}
}

func TestSmallSizes(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	for _, size := range [][2]int{{20, 4}, {40, 6}, {80, 9}, {120, 40}} {
		v := c.Zones.Scan(e.ViewFull(size[0], size[1]))
		if n := strings.Count(v, "\n") + 1; n != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], n)
		}
	}
	// The highlighted file stays on screen in a short list.
	press(e, "down", "down", "down", "down")
	if v := c.Zones.Scan(e.ViewFull(80, 7)); !strings.Contains(v, "▶ justificante_registro.pdf") {
		t.Errorf("the highlighted file scrolled away:\n%s", v)
	}
}

// One file is said in the singular (the catalogues' plural forms).
func TestOneFile(t *testing.T) {
	c, _, e := open(t, "en", "archivos-guardar", "cambiar-nombre")
	if v := view(c, e, 10); !strings.Contains(v, "Downloads folder: 1 file ") || !strings.Contains(v, "Documents (0)") {
		t.Errorf("one file:\n%s", v)
	}
	c, s, e := open(t, "es", "archivos-guardar", "cambiar-nombre")
	l := NewFilesLines(c, s, e)
	if got := strings.Join(l.Describe(), "\n"); !strings.Contains(got, "Carpeta Descargas: 1 archivo.") || !strings.Contains(got, "2. Documentos, con 0 archivos") {
		t.Errorf("one file in lines:\n%s", got)
	}
	if p := l.Prompt(); !strings.Contains(p, "del 1 al 1") {
		t.Errorf("prompt %q", p)
	}
}

// focusMarks counts the focus marks (▶) a view shows.
func focusMarks(v string) int { return strings.Count(v, "▶") }

// One focus at a time (issue 19, item 7): the rename box opened from
// the Rename button has the focus, and its Save button shows none until
// Tab goes there; the box then shows none.
func TestRenameShowsOneFocus(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	tabTo(t, c, e, "Cambiar nombre")
	press(e, "enter")
	v := view(c, e, 14)
	if !strings.Contains(v, "▶ ┃ folleto_ayudas.pdf") || focusMarks(v) != 1 {
		t.Fatalf("the rename box should have the only focus:\n%s", v)
	}
	press(e, "tab")
	if v = view(c, e, 14); !strings.Contains(v, "▶ [ Guardar ]") || focusMarks(v) != 1 {
		t.Fatalf("after Tab, Save should have the only focus:\n%s", v)
	}
}

// Once the step is over, Enter belongs to the player's Go on button: the
// manager shows no focused button of its own (it showed "▶ [ Volver a la
// carpeta ]" lit up above "[ Seguir ]", and Enter went on), in the viewer
// and in the list.
func TestDoneShowsNoFocus(t *testing.T) {
	c, _, e := open(t, "es", "archivos-descargas", "buscar-nuevo")
	press(e, "enter") // open the first file
	e.SetDone(true)
	if v := view(c, e, 14); focusMarks(v) != 0 || !strings.Contains(v, "[ Volver a la carpeta ]") {
		t.Fatalf("the viewer of a step that is over shows a focus:\n%s", v)
	}
	press(e, "esc")
	press(e, "tab", "down")
	if v := view(c, e, 14); focusMarks(v) != 0 || !strings.Contains(v, "› ") {
		t.Fatalf("the list of a step that is over shows a focus, or no cursor to look around with:\n%s", v)
	}
}
