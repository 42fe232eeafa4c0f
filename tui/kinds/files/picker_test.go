package files

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	zone "github.com/lrstanley/bubblezone"

	filesjudge "aula/lessons/kinds/files"
	"aula/tui/ui"
)

func pickerFixture(current string, marked []string) (*ui.Common, *Manager) {
	c := ui.NewCommon("es", lib, func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) })
	items := []*Item{
		{ID: "dni", Name: "DNI_escaneado.pdf", Folder: "doc", KB: ParseSize("240 KB")},
		{ID: "cert", Name: "certificado_empadronamiento.pdf", Folder: "doc", KB: ParseSize("85 KB")},
		{ID: "foto", Name: "foto_vacaciones.jpg", Folder: "doc", KB: ParseSize("2,1 MB")},
	}
	return c, NewPicker(c, "Elige el archivo", []*Place{{ID: "doc", Name: "Documentos"}}, items, current, marked)
}

func TestPickerStartsOnTheFileAttachedAndIsNoMultiSelect(t *testing.T) {
	c, m := pickerFixture("foto", []string{"foto"})
	v := c.Zones.Scan(m.View(80, 12))
	for _, want := range []string{"Elige el archivo", "Carpeta Documentos: 3 archivos", "▶ foto_vacaciones.jpg", "2,1 MB", "(adjunto)", "[ Adjuntar ]", "[ Cancelar ]"} {
		if !strings.Contains(v, want) {
			t.Errorf("the picker has no %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "[x]") || strings.Contains(v, "[ ]") || strings.Contains(v, "Cambiar nombre") || strings.Contains(v, "Carpetas") {
		t.Errorf("a picker with tick boxes, file actions or a side bar:\n%s", v)
	}
	// The lesson's order until the learner sorts.
	if first := m.Shown()[0].ID; first != "dni" {
		t.Errorf("first file %q", first)
	}
	press(m.updater(), "up", "enter")
	if ev := m.TakeEvent(); ev == nil || ev.Kind != filesjudge.ActChoose || ev.ID != "cert" {
		t.Errorf("Enter chooses the highlighted file: %+v", ev)
	}
	press(m.updater(), "esc")
	if ev := m.TakeEvent(); ev == nil || ev.Kind != EvCancel {
		t.Errorf("Esc cancels: %+v", ev)
	}
}

func TestPickerClickChooses(t *testing.T) {
	c, m := pickerFixture("", nil)
	old := c.Zones
	c.Zones = zone.New()
	old.Close()
	c.Zones.Scan(m.View(80, 12))
	deadline := time.Now().Add(2 * time.Second)
	z := c.Zones.Get("files-file-2")
	for z.IsZero() {
		if time.Now().After(deadline) {
			t.Fatal("no zone for the third file")
		}
		time.Sleep(time.Millisecond) // polling the zone worker, with a deadline
		z = c.Zones.Get("files-file-2")
	}
	m.Update(tea.MouseMsg{X: z.StartX, Y: z.StartY, Action: tea.MouseActionRelease, Button: tea.MouseButtonLeft})
	if ev := m.TakeEvent(); ev == nil || ev.Kind != filesjudge.ActChoose || ev.ID != "foto" {
		t.Errorf("one click chooses: %+v", ev)
	}
	if ParseSize("1,2 MB") != 1200 || ParseSize("85 KB") != 85 || ParseSize("a lot") != 0 {
		t.Error("ParseSize")
	}
}

// updater lets press drive a bare Manager.
func (m *Manager) updater() interface{ Update(tea.Msg) tea.Cmd } { return managerUpdater{m} }

type managerUpdater struct{ m *Manager }

func (u managerUpdater) Update(msg tea.Msg) tea.Cmd { u.m.Update(msg); return nil }
