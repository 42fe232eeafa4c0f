package files

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"aula/i18n"
	filesjudge "aula/lessons/kinds/files"
	"aula/tui/ui"
)

func zoneID(prefix string, i int) string { return fmt.Sprintf("%s-%d", prefix, i) }

// SizeText says a file's size: 240 KB, 12,5 MB.
func SizeText(cat *i18n.Catalog, kb int) string {
	if kb < 1000 {
		return cat.T("files_kb", "KB", kb)
	}
	tenths := (kb + 50) / 100
	mb := strconv.Itoa(tenths / 10)
	if tenths%10 != 0 {
		mb += cat.T("files_decimal") + strconv.Itoa(tenths%10)
	}
	return cat.T("files_mb", "MB", mb)
}

// DateText says a file's date as 05/12/2026, "" when it has none.
func DateText(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return ""
	}
	return t.Format("02/01/2006")
}

// TypeText is a file's type: its ending in capitals (PDF, JPG).
func TypeText(name string) string { return filesjudge.Ext(name) }

// cutName shortens a file name to n cells keeping its ending in sight:
// justificante_solic….pdf.
func cutName(name string, n int) string {
	if lipgloss.Width(name) <= n {
		return name
	}
	ext := path.Ext(name)
	if len(ext) > 6 || n < len(ext)+4 {
		return ui.Truncate(name, n)
	}
	return ui.Truncate(strings.TrimSuffix(name, ext), n-len(ext)) + ext
}

// View draws the manager in exactly h lines of at most w cells.
func (m *Manager) View(width, height int) string {
	w, h := max(width, 20), max(height, 4)
	var top []string
	if m.opt.Title != "" {
		top = append(top, m.c.Styles.Title.Render(ui.Truncate(m.opt.Title, w)))
	}
	if m.opt.Help != "" && m.mode == modeList && h >= 10 {
		top = append(top, ui.WrapLines(m.c.Styles.Dim.Render(m.opt.Help), w)...)
	}
	bottom := m.buttonRows(w)
	if m.Note != "" && h-len(top)-len(bottom) > 4 {
		note := ui.WrapLines(m.Note, w)
		note = note[:min(len(note), max(h-len(top)-len(bottom)-4, 1), 3)]
		for _, l := range note {
			bottom = append(bottom, m.c.Styles.Hint.Render(l))
		}
	}
	bodyH := max(h-len(top)-len(bottom), 2)
	var body []string
	switch m.mode {
	case modePreview:
		body = m.viewPreview(w, bodyH)
	case modeRename, modeMake:
		body = m.viewInput(w)
	case modeMove, modeCopy:
		body = m.viewMove(w, bodyH)
	default:
		body = m.viewList(w, bodyH)
	}
	out := append(top, ui.Box(body, w, bodyH)...)
	out = append(out, bottom...)
	return strings.Join(ui.Box(out, w, h), "\n")
}

// buttonRows are the mode's buttons, ▶ on the focused one, in as many
// rows as the width needs.
func (m *Manager) buttonRows(w int) []string {
	st := m.c.Styles
	focused := m.buttonsFocused()
	var rows []string
	row := ""
	for i, b := range m.buttons() {
		s := "  [ " + b.label + " ]"
		if focused && i == m.btnAt {
			s = st.ButtonOn.Render("▶ [ " + b.label + " ]")
		}
		s = m.c.Zones.Mark("files-btn-"+b.id, s)
		if row != "" && lipgloss.Width(row)+lipgloss.Width(s) > w {
			rows = append(rows, row)
			row = ""
		}
		row += s
	}
	return append(rows, row)
}

// buttonsFocused says whether the focus is on the mode's buttons: in the
// list, when Tab took it there; in the viewer, always; in a name box's
// dialog, when it left the box. Never once the step is over: Enter then
// goes on, and a lit button would say otherwise.
func (m *Manager) buttonsFocused() bool {
	switch {
	case m.Done:
		return false
	case m.Typing():
		return !m.input.Focused()
	}
	return m.mode == modePreview || m.area == areaButtons
}

// pointer marks the folder or file the cursor is on: ▶ while its list
// has the focus, › otherwise or once the step is over.
func (m *Manager) pointer(area int) string {
	if m.area == area && !m.Done {
		return "▶ "
	}
	return "› "
}

// viewList is the folders on the left and the files of the folder shown
// on the right, with their type, size and date.
func (m *Manager) viewList(w, h int) []string {
	st := m.c.Styles
	leftW := lipgloss.Width(m.c.Cat.T("files_folders"))
	for _, f := range m.Folders {
		leftW = max(leftW, lipgloss.Width(f.Name)+2+len(fmt.Sprintf(" (%d)", m.Count(f.ID))))
	}
	leftW = ui.Clamp(leftW, 10, max(w/4, 10))
	rightW := w - leftW - 3
	oneFolder := len(m.Folders) == 1 // a picker's one folder: no side bar, the room goes to the files
	if oneFolder {
		leftW, rightW = 0, w
	}
	lines := []string{m.listHead(w)}
	left := m.folderColumn(leftW)
	m.listH = max(h-2, 1)
	right := m.fileColumn(rightW)
	for i := 0; i < max(len(left), len(right)) && len(lines) < h; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if oneFolder {
			lines = append(lines, r)
			continue
		}
		lines = append(lines, ui.PadRight(l, leftW)+st.Dim.Render(" │ ")+r)
	}
	return lines
}

// listHead says the folder shown, how many files it has and their order.
func (m *Manager) listHead(w int) string {
	st, cat := m.c.Styles, m.c.Cat
	head := st.Title.Render(ui.Truncate(cat.T("files_in_folder", "Folder", m.FolderName(m.At), "Count", len(m.Shown())), w-1))
	if m.Sort == "" {
		return head
	}
	order := st.Dim.Render(cat.T("files_order", "Order", cat.T("files_sort_"+m.Sort+"_long")))
	if lipgloss.Width(head)+lipgloss.Width(order)+2 <= w {
		head += "  " + order
	}
	return head
}

// folderColumn is the side bar: the folders, the one shown marked.
func (m *Manager) folderColumn(leftW int) []string {
	st := m.c.Styles
	left := []string{st.Dim.Render(ui.PadRight(m.c.Cat.T("files_folders"), leftW))}
	for i, f := range m.Folders {
		label := ui.Truncate(f.Name, leftW-6) + st.Dim.Render(fmt.Sprintf(" (%d)", m.Count(f.ID)))
		pointer := "  "
		if f.ID == m.At {
			pointer = m.pointer(areaFolders)
		}
		row := ui.PadRight(pointer+label, leftW)
		if f.ID == m.At && m.area == areaFolders && !m.Done {
			row = st.Cursor.Render(row)
		}
		left = append(left, m.c.Zones.Mark(zoneID("files-folder", i), row))
	}
	return left
}

// columns are the widths of the list's columns in rightW cells.
type columns struct {
	name, typ, size, date int // date 0: not shown
}

func (m *Manager) columns(rightW int) columns {
	cat := m.c.Cat
	c := columns{typ: 5, size: 7, date: 10}
	c.name = rightW - 2 - c.typ - c.size - c.date - 3
	if c.name < 8 || !m.dated() {
		c.date = 0
		c.name = rightW - 2 - c.typ - c.size - 2
	}
	// Room for the mark of attached files, and no wider than the longest
	// name: the type, size and date stay next to the names.
	longest := lipgloss.Width(cat.T("files_col_name"))
	for _, it := range m.Items {
		longest = max(longest, lipgloss.Width(it.Name))
	}
	if len(m.opt.Marked) > 0 {
		c.name -= lipgloss.Width(cat.T("files_marked")) + 1
	}
	c.name = max(min(c.name, longest), 6)
	return c
}

// fileColumn is the column heads and the files of the folder shown, the
// highlighted one kept in view.
func (m *Manager) fileColumn(rightW int) []string {
	st, cat := m.c.Styles, m.c.Cat
	shown := m.Shown()
	m.fileAt = ui.Clamp(m.fileAt, 0, max(len(shown)-1, 0))
	c := m.columns(rightW)
	colHead := "  " + ui.PadRight(cat.T("files_col_name"), c.name) + " " + ui.PadRight(cat.T("files_col_type"), c.typ) + " " +
		padLeft(cat.T("files_col_size"), c.size)
	if c.date > 0 {
		colHead += " " + ui.PadRight(cat.T("files_col_date"), c.date)
	}
	rows := []string{st.Dim.Render(colHead)}
	if len(shown) == 0 {
		return append(rows, st.Dim.Render("  "+cat.T("files_empty")))
	}
	// Only the rows in the window are drawn: a folder may hold 200 files.
	lo, hi := 0, len(shown)
	if m.listH >= 1 && len(shown) > m.listH {
		m.scroll.Keep(m.fileAt, m.fileAt, len(shown), m.listH)
		lo, hi = m.scroll.Top, m.scroll.Top+m.listH
	} else {
		m.scroll.Top = 0
	}
	for i := lo; i < hi; i++ {
		rows = append(rows, m.zoneRow(i, m.fileRow(i, shown[i], c), rightW))
	}
	return rows
}

// zoneRow marks row i of the list for clicks, cut to w cells.
func (m *Manager) zoneRow(i int, row string, w int) string {
	return m.c.Zones.Mark(zoneID("files-file", i), ui.Truncate(row, w))
}

// fileRow is file it (number i of the list) in its columns.
func (m *Manager) fileRow(i int, it *Item, c columns) string {
	st, cat := m.c.Styles, m.c.Cat
	pointer := "  "
	if i == m.fileAt {
		pointer = m.pointer(areaFiles)
	}
	row := pointer + ui.PadRight(cutName(it.Name, c.name), c.name) + " " + ui.PadRight(TypeText(it.Name), c.typ) + " " +
		padLeft(SizeText(cat, it.KB), c.size)
	if c.date > 0 {
		row += " " + DateText(it.Date)
	}
	if m.marked(it.ID) {
		row += " " + cat.T("files_marked")
	}
	if it.About != "" {
		row += "  " + st.Dim.Render(it.About)
	}
	if i == m.fileAt && m.area == areaFiles && !m.Done {
		row = st.Cursor.Render(row)
	}
	return row
}

// dated says whether any file has a date (a picker's documents may not).
func (m *Manager) dated() bool {
	for _, it := range m.Items {
		if it.Date != "" {
			return true
		}
	}
	return false
}

func (m *Manager) marked(id string) bool {
	for _, s := range m.opt.Marked {
		if s == id {
			return true
		}
	}
	return false
}

func padLeft(s string, n int) string {
	return strings.Repeat(" ", max(n-lipgloss.Width(s), 0)) + s
}

// viewPreview is the viewer: the file's name, type, size and date, then
// what it holds.
func (m *Manager) viewPreview(w, h int) []string {
	st, cat := m.c.Styles, m.c.Cat
	it := m.viewing
	if it == nil {
		return nil
	}
	info := cat.T("files_viewing", "Name", it.Name, "Type", TypeText(it.Name), "Size", SizeText(cat, it.KB))
	if d := DateText(it.Date); d != "" {
		info += " · " + d
	}
	head := ui.WrapLines(st.Title.Render(info), w)
	text := ui.WrapLines(strings.TrimRight(it.Preview, "\n "), max(w-4, 8))
	for i := range text {
		text[i] = st.Dim.Render("│ ") + text[i]
	}
	m.listH = max(h-len(head), 1)
	return append(head, m.preview.Window(text, m.listH)...)
}

// viewInput is the box where a new name is typed.
func (m *Manager) viewInput(w int) []string {
	st, cat := m.c.Styles, m.c.Cat
	var ask string
	if m.mode == modeRename {
		if cur := m.Current(); cur != nil {
			ask = cat.T("files_rename_ask", "Name", cur.Name)
		}
	} else {
		ask = cat.T("files_make_ask")
	}
	m.input.Width = max(w-6, 8)
	box := m.input.View()
	if m.input.Focused() {
		box = "▶ " + box
	} else {
		box = "  " + box
	}
	lines := ui.WrapLines(st.Title.Render(ask), w)
	lines = append(lines, "", box, "")
	return append(lines, ui.WrapLines(st.Dim.Render(cat.T("files_input_help")), w)...)
}

// viewMove is the list of folders a file can go to.
func (m *Manager) viewMove(w, h int) []string {
	st, cat := m.c.Styles, m.c.Cat
	cur := m.Current()
	if cur == nil {
		return nil
	}
	ask := "files_move_ask"
	if m.mode == modeCopy {
		ask = "files_copy_ask"
	}
	lines := ui.WrapLines(st.Title.Render(cat.T(ask, "Name", cur.Name)), w)
	var rows []string
	for i, f := range m.moveTargets() {
		row := "  " + f.Name
		if f.ID == cur.Folder {
			row += st.Dim.Render(" " + cat.T("files_move_here"))
		}
		if i == m.moveAt {
			row = st.Cursor.Render("▶ " + f.Name)
		}
		rows = append(rows, m.c.Zones.Mark(zoneID("files-move", i), row))
	}
	cancel := "  [ " + cat.T("files_btn_cancel") + " ]"
	if m.moveAt >= len(m.moveTargets()) {
		cancel = st.ButtonOn.Render("▶ [ " + cat.T("files_btn_cancel") + " ]")
	}
	rows = append(rows, cancel)
	page := max(h-len(lines), 1)
	return append(lines, m.scroll.KeepWindow(rows, m.moveAt, m.moveAt, page)...)
}
