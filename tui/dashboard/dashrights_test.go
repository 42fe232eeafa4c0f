package dashboard

import (
	"errors"
	"strings"
	"testing"
	"time"

	"aula/classroom"
)

// fakePapers records what the dashboard asked for and answers with paths.
type fakePapers struct {
	asked []string
	err   error
}

func (p *fakePapers) Certificates(id uint64) ([]string, error) {
	p.asked = append(p.asked, "certificates "+string(rune('0'+id)))
	return []string{"/home/ana/Documentos/Aula/aula-basico-Lucía.pdf"}, p.err
}

func (p *fakePapers) SessionReport(at time.Time) (string, error) {
	p.asked = append(p.asked, "session "+at.Format(time.DateOnly))
	return "/home/ana/Documentos/Aula/aula-session-2026-11-24.pdf", p.err
}

func (p *fakePapers) Export(id uint64) ([]string, error) {
	p.asked = append(p.asked, "export "+string(rune('0'+id)))
	return []string{"/d/aula-record-Manuel.json", "/d/aula-record-Manuel.pdf"}, p.err
}

func (p *fakePapers) Erased(name string) int {
	p.asked = append(p.asked, "erased "+name)
	return 1
}

func dashWithPapers(t *testing.T, lang string, p Papers) *dashDriver {
	t.Helper()
	dd := newDash(t, lang, liveClass(flagRows()), 120, 40)
	dd.d.cfg.Papers = p
	return dd
}

func TestDashboardSavesPapersByKeyboard(t *testing.T) {
	p := &fakePapers{}
	dd := dashWithPapers(t, "es", p)
	dd.keys("C")
	dd.must("Guardado en /home/ana/Documentos/Aula: aula-basico-Lucía.pdf")
	dd.keys("down", "X")
	dd.must("Guardado en /d: aula-record-Manuel.json, aula-record-Manuel.pdf")
	dd.keys("S")
	dd.must("Guardado en /home/ana/Documentos/Aula: aula-session-2026-11-24.pdf")
	if got := strings.Join(p.asked, ", "); got != "certificates 1, export 2, session 2026-11-24" {
		t.Errorf("asked for %s", got)
	}
	// From the detail view too; and the class view has only the report.
	dd.keys("enter", "C")
	if p.asked[len(p.asked)-1] != "certificates 2" {
		t.Errorf("from the detail: %v", p.asked)
	}
	dd.keys("esc", "v", "C", "X")
	if len(p.asked) != 4 {
		t.Errorf("the class view made a learner's papers: %v", p.asked)
	}
	if len(dd.src.commands()) != 0 {
		t.Errorf("papers sent commands: %+v", dd.src.commands())
	}

	p.err = ErrNothingFinished
	dd.keys("esc", "C")
	dd.must("Manuel aún no ha terminado ningún itinerario")
	p.err = errors.New("disk full")
	dd.keys("X")
	dd.must("No se ha podido guardar el archivo: disk full")

	en := dashWithPapers(t, "en", nil) // a hub elsewhere: no files here
	en.keys("C")
	en.must("Files are made on the hub's laptop")
}

func TestDashboardErasesOnlyAfterChoosingTo(t *testing.T) {
	p := &fakePapers{}
	dd := dashWithPapers(t, "en", p)
	lucia := flagRows()[0]
	dd.keys("E")
	dd.must("Erase Lucía for good?", "It cannot be", "▶ [ Cancel ]", "[ Erase for good ]")
	dd.keys("enter") // Cancel has the focus
	if got := dd.src.commands(); len(got) != 0 {
		t.Fatalf("Enter alone erased: %+v", got)
	}
	dd.mustNot("Erase Lucía for good?")
	dd.keys("E", "left")
	dd.must("▶ [ Erase for good ]")
	got := sentOne(t, dd, "enter")
	if got != (classroom.Command{Kind: classroom.CmdErase, To: lucia.Target()}) {
		t.Fatalf("sent %+v", got)
	}
	dd.must("Lucía is erased from the class; their laptop follows")
	if got := strings.Join(p.asked, ", "); got != "erased Lucía" {
		t.Errorf("the files on this laptop: %s", got)
	}
}

func TestDashboardRenames(t *testing.T) {
	dd := dashWithPapers(t, "es", &fakePapers{})
	manuel := flagRows()[1]
	dd.keys("down", "N")
	dd.must("Cambiar el nombre de Manuel", "› Manuel")
	for range len("Manuel") {
		dd.keys("backspace")
	}
	got := sentOne(t, dd, "Manuel Ñíguez", "enter")
	if got != (classroom.Command{Kind: classroom.CmdRename, To: manuel.Target(), Text: "Manuel Ñíguez"}) {
		t.Fatalf("sent %+v", got)
	}
	dd.must("Manuel ahora se llama Manuel Ñíguez.")
	dd.keys("f1")
	dd.must("N J  cambiar nombre, unir dos perfiles de una persona", "E T  borrar persona, o las inactivas")
}

func TestDashboardJoinsTwoProfiles(t *testing.T) {
	dd := dashWithPapers(t, "es", &fakePapers{})
	dd.keys("J")
	dd.must("Lucía es la única persona de su portátil")
	rows := flagRows()
	rows[1].Device, rows[1].RemoteID = rows[0].Device, 2 // Manuel: Lucía's laptop
	dd.src.setRows(rows)
	dd.fire()
	dd.keys("J")
	dd.must("Unir a Lucía con…", "[ Manuel ]", "▶ [ Cancelar ]")
	dd.mustNot("[ Carmen ]") // another laptop
	dd.keys("enter")
	if got := dd.src.commands(); len(got) != 0 {
		t.Fatalf("Enter alone joined: %+v", got)
	}
	got := sentOne(t, dd, "J", "up", "enter")
	if got != (classroom.Command{Kind: classroom.CmdMerge, To: rows[0].Target(), Text: rows[1].Target()}) {
		t.Fatalf("sent %+v", got)
	}
	dd.must("Lucía ahora forma parte de Manuel.")
}
