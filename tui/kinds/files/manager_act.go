package files

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	filesjudge "aula/lessons/kinds/files"
	"aula/tui/ui"
)

// Buttons of the manager, by id.
const (
	btnOpen   = "open"
	btnChoose = "choose"
	btnRename = "rename"
	btnMove   = "move"
	btnMake   = "make"
	btnDelete = "delete"
	btnSort   = "sort"
	btnCancel = "cancel"
	btnBack   = "back"
	btnSave   = "save"
)

type button struct{ id, label string }

// needsFile are the buttons about the highlighted file.
var needsFile = []string{btnOpen, btnChoose, btnRename, btnMove, btnDelete}

// buttons are the buttons of the mode shown, in order.
func (m *Manager) buttons() []button {
	cat := m.c.Cat
	b := func(id string) button { return button{id, cat.T("files_btn_" + id)} }
	sortBtn := button{btnSort, cat.T("files_btn_sort_none")}
	if m.Sort != "" {
		sortBtn.label = cat.T("files_btn_sort", "Order", cat.T("files_sort_"+m.Sort))
	}
	switch m.mode {
	case modePreview:
		if m.Done {
			return []button{b(btnBack)}
		}
		if m.opt.Pick {
			return []button{button{btnChoose, cat.T("files_btn_attach")}, b(btnBack)}
		}
		out := m.photoButtons(b)
		if m.opt.Choose {
			out = append(out, m.chooseButton(b))
		}
		return append(out, b(btnBack))
	case modeRename, modeMake:
		return []button{b(btnSave), b(btnCancel)}
	case modeMove, modeCopy:
		return nil // Cancel is the last line of the list of folders
	}
	switch {
	case m.opt.Pick && m.previews():
		return []button{button{btnChoose, cat.T("files_btn_attach")}, b(btnOpen), sortBtn, b(btnCancel)}
	case m.opt.Pick:
		return []button{button{btnChoose, cat.T("files_btn_attach")}, sortBtn, b(btnCancel)}
	case m.Done:
		return []button{b(btnOpen), sortBtn}
	}
	out := []button{b(btnOpen)}
	if m.opt.Choose {
		out = append(out, m.chooseButton(b))
	}
	out = append(out, b(btnRename), b(btnMove), b(btnMake))
	if m.opt.Trash {
		out = append(out, b(btnDelete))
	}
	out = append(out, m.deviceButtons(b)...)
	return append(out, sortBtn)
}

// chooseButton is Choose, or Attach when the step has a size limit (it is
// an attachment).
func (m *Manager) chooseButton(b func(string) button) button {
	if m.opt.LimitKB > 0 {
		return button{btnChoose, m.c.Cat.T("files_btn_attach")}
	}
	return b(btnChoose)
}

// previews says whether any file has words to show when opened.
func (m *Manager) previews() bool {
	for _, it := range m.Items {
		if strings.TrimSpace(it.Preview) != "" {
			return true
		}
	}
	return false
}

// press does what button id says.
func (m *Manager) press(id string) {
	cur := m.Current()
	if m.mode == modePreview {
		cur = m.viewing
	}
	if slices.Contains(needsFile, id) && cur == nil {
		m.Note = m.c.Cat.T("files_no_file")
		return
	}
	if m.pressDevice(id) {
		return
	}
	switch id {
	case btnOpen:
		m.Open(cur.ID)
	case btnChoose:
		m.Choose(cur.ID)
	case btnRename:
		m.mode, m.btnAt = modeRename, 0
		m.input.SetValue(cur.Name)
		m.input.CursorEnd()
		m.input.Focus()
	case btnMove:
		m.mode, m.moveAt = modeMove, 0
	case btnMake:
		m.mode, m.btnAt = modeMake, 0
		m.input.SetValue("")
		m.input.Focus()
	case btnDelete:
		m.Delete(cur.ID)
	case btnSort:
		m.SortBy(m.nextSort())
	case btnCancel:
		if m.mode == modeList && m.opt.Pick {
			m.did(EvCancel, "")
		}
		m.closeDialog()
	case btnBack:
		m.closeDialog()
	case btnSave:
		m.save()
	}
}

// closeDialog goes back to the list.
func (m *Manager) closeDialog() {
	if m.viewing != nil && m.mode == modePreview {
		m.Select(m.viewing.ID)
	}
	m.mode, m.viewing = modeList, nil
	m.input.Blur()
	if m.area == areaButtons {
		m.btnAt = 0
	}
}

// save renames the file or makes the folder typed in the dialog.
func (m *Manager) save() {
	text := m.input.Value()
	var why string
	if m.mode == modeRename {
		if cur := m.Current(); cur != nil {
			why = m.Rename(cur.ID, text)
		}
	} else {
		_, why = m.MakeFolder(text)
	}
	if why != "" {
		m.Note = why
		return
	}
	m.input.Blur()
}

func (m *Manager) previewKey(k tea.KeyMsg) {
	ck := m.c.Keys
	n := len(m.buttons())
	switch {
	case k.Type == tea.KeyEsc:
		m.closeDialog()
	case k.Type == tea.KeyUp:
		m.preview.By(-1)
	case k.Type == tea.KeyDown:
		m.preview.By(1)
	case key.Matches(k, ck.PageDown):
		m.preview.By(max(m.listH-1, 1))
	case key.Matches(k, ck.PageUp):
		m.preview.By(-max(m.listH-1, 1))
	case k.Type == tea.KeyTab, k.Type == tea.KeyRight:
		m.btnAt = (m.btnAt + 1) % n
	case k.Type == tea.KeyShiftTab, k.Type == tea.KeyLeft:
		m.btnAt = (m.btnAt - 1 + n) % n
	case k.Type == tea.KeyEnter, k.Type == tea.KeySpace:
		m.press(m.buttons()[m.btnAt].id)
	}
}

// inputKey: the name box has the keyboard until Tab goes to the buttons.
func (m *Manager) inputKey(k tea.KeyMsg) {
	switch k.Type {
	case tea.KeyEsc:
		m.closeDialog()
	case tea.KeyEnter:
		if m.input.Focused() {
			m.save()
		} else {
			m.press(m.buttons()[m.btnAt].id)
		}
	case tea.KeyTab, tea.KeyShiftTab:
		m.cycleInput(k.Type == tea.KeyTab)
	case tea.KeyLeft, tea.KeyRight:
		if m.input.Focused() {
			m.input, _ = m.input.Update(k)
		} else {
			m.btnAt = 1 - m.btnAt
		}
	default:
		if m.input.Focused() {
			m.input, _ = m.input.Update(k)
		}
	}
}

// cycleInput goes round the name box, Save and Cancel.
func (m *Manager) cycleInput(forward bool) {
	at := 0 // the box
	if !m.input.Focused() {
		at = 1 + m.btnAt
	}
	if forward {
		at = (at + 1) % 3
	} else {
		at = (at + 2) % 3
	}
	if at == 0 {
		m.input.Focus()
		return
	}
	m.input.Blur()
	m.btnAt = at - 1
}

// moveTargets are the folders a file can go to: every folder but the bin.
func (m *Manager) moveTargets() []*Place {
	var out []*Place
	for _, f := range m.Folders {
		if f.ID != filesjudge.Trash {
			out = append(out, f)
		}
	}
	return out
}

func (m *Manager) moveKey(k tea.KeyMsg) {
	n := len(m.moveTargets()) // the last line (n) is Cancel
	switch k.Type {
	case tea.KeyEsc:
		m.closeDialog()
	case tea.KeyUp, tea.KeyShiftTab:
		m.moveAt = ui.Clamp(m.moveAt-1, 0, n)
	case tea.KeyDown, tea.KeyTab:
		m.moveAt = ui.Clamp(m.moveAt+1, 0, n)
	case tea.KeyEnter, tea.KeySpace:
		m.moveTo(m.moveAt)
	}
}

// moveTo moves the highlighted file to target i of the Move dialog (past
// the last: Cancel).
func (m *Manager) moveTo(i int) {
	ts := m.moveTargets()
	cur := m.Current()
	if i >= len(ts) || cur == nil {
		m.closeDialog()
		return
	}
	if m.mode == modeCopy {
		m.Copy(cur.ID, ts[i].ID)
		return
	}
	m.Move(cur.ID, ts[i].ID)
}

// mouse: a click on a folder shows it; on a file highlights it, and on the
// highlighted file opens it (in a picker, one click chooses it); on a
// button presses it. The wheel scrolls.
func (m *Manager) mouse(msg tea.MouseMsg) {
	switch msg.Button {
	case tea.MouseButtonWheelUp, tea.MouseButtonWheelDown:
		d := 1
		if msg.Button == tea.MouseButtonWheelUp {
			d = -1
		}
		if m.mode == modePreview {
			m.preview.By(d)
		} else {
			m.scroll.By(d)
		}
		return
	}
	if !ui.IsClick(msg) {
		return
	}
	in := func(id string) bool { return m.c.Zones.Get(id).InBounds(msg) }
	for _, b := range m.buttons() {
		if in("files-btn-" + b.id) {
			m.press(b.id)
			return
		}
	}
	switch m.mode {
	case modeMove, modeCopy:
		for i := range m.moveTargets() {
			if in(zoneID("files-move", i)) {
				m.moveTo(i)
				return
			}
		}
		return
	case modeList:
	default:
		return
	}
	for i, f := range m.Folders {
		if in(zoneID("files-folder", i)) {
			m.OpenFolder(f.ID)
			m.area = areaFolders
			return
		}
	}
	for i := range m.Shown() {
		if !in(zoneID("files-file", i)) {
			continue
		}
		// A picker chooses the file clicked at once, as the mail app's
		// picker always did; the manager opens it on a second click.
		if m.opt.Pick || m.area == areaFiles && m.fileAt == i {
			m.area, m.fileAt = areaFiles, i
			m.enter()
			return
		}
		m.area, m.fileAt = areaFiles, i
		return
	}
}
