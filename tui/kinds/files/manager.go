// Package files is the full screen and the accessible form of files
// steps: a practice file manager with folders, files that have a type, a
// size and a date, a viewer that shows what a file holds, sorting, and
// renaming, moving, making folders and deleting. Its Manager is also the
// one file picker of Aula: the mail app and the online form attach files
// through it (NewPicker).
package files

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	filesjudge "aula/lessons/kinds/files"
	"aula/lessons/validate"
	"aula/tui/ui"
)

// Item is one file the manager shows.
type Item struct {
	ID      string
	Name    string // with its ending: justificante.pdf
	Folder  string // the id of the folder it is in
	KB      int    // its size; 0: not known
	Date    string // 2006-01-02; "": not known
	Preview string // what opening it shows, in words
	About   string // a line said beside it in a picker (what the document is)
	Of      string // a copy: the id of the file it was copied from
}

// Place is one folder.
type Place struct {
	ID, Name string
	USB      bool // a USB stick: its folder shows only while it is plugged in
}

// Options say what kind of manager it is.
type Options struct {
	// Pick makes a file picker: Enter on a file chooses it, and the
	// manager neither renames, moves, makes folders nor deletes.
	Pick bool
	// Choose gives a whole manager a Choose button (a files step that asks
	// for a file to attach).
	Choose bool
	// Trash adds the bin, where deleted files go.
	Trash bool
	// Title is said above the files (a picker: "Choose the file to attach").
	Title string
	// Marked are files to mark in words ("attached") in the list.
	Marked []string
	// Help is a line said under the title (a picker: how to choose).
	Help string
	// Photo is the photo "photograph a paper" makes, nil for no camera.
	Photo *filesjudge.Photo
	// LimitKB refuses to choose (attach) a bigger file, saying why.
	LimitKB int
	// TooBigDo is what to do about a file over LimitKB, said after its
	// size and the limit; "" for the app's own words.
	TooBigDo string
	// Copy gives the manager a Copy button.
	Copy bool
}

type mode int

const (
	modeList mode = iota
	modePreview
	modeRename
	modeMove
	modeMake
	modeCopy
)

// Where the keyboard is in the list: the folders, the files, or a button.
const (
	areaFolders = iota
	areaFiles
	areaButtons
)

// EvCancel is the event of a picker closed without a choice.
const EvCancel = "cancel"

// Event is what a key or a click did, for the host: an action of the
// judge's (filesjudge.ActOpen…) or EvCancel, and the file it concerns.
type Event struct {
	Kind string
	ID   string
}

// Manager is a practice file manager. It does no I/O: the folders and
// files are the lesson's, and what the learner does lives in memory only.
type Manager struct {
	c   *ui.Common
	opt Options

	Folders []*Place
	Items   []*Item
	At      string // the folder shown
	Sort    string // filesjudge.SortName, SortDate or SortSize; "": as the lesson lists them (a picker)
	Done    bool   // the step is over: look, but change nothing

	area    int
	fileAt  int // the highlighted file, in Shown()
	btnAt   int // the focused button, in buttons()
	mode    mode
	viewing *Item // the file open in the viewer
	input   textinput.Model
	moveAt  int // the highlighted folder of the Move dialog (the last: Cancel)
	scroll  ui.Scroll
	preview ui.Scroll
	made    int
	Note    string // what the last action did, said under the list
	event   *Event
	// rows of the last View, for clicks: the folder or file of each
	// zone is found by its index.
	listH int

	cropped bool
	sticks  []*Place // the USB sticks, plugged in or not
	ejected []string // the sticks safely removed
}

// NewManager makes a manager showing folder at (the first when "").
func NewManager(c *ui.Common, folders []*Place, items []*Item, at string, opt Options) *Manager {
	in := textinput.New()
	in.Prompt = "┃ "
	in.CharLimit = 80
	in.Cursor.SetMode(cursor.CursorStatic)
	m := &Manager{c: c, opt: opt, Items: items, Sort: filesjudge.SortName, input: in, area: areaFiles}
	for _, f := range folders {
		if f.USB {
			m.sticks = append(m.sticks, f)
		} else {
			m.Folders = append(m.Folders, f)
		}
	}
	if opt.Trash {
		m.Folders = append(m.Folders, &Place{ID: filesjudge.Trash, Name: c.Cat.T("files_trash")})
	}
	m.At = at
	if m.folder(at) == nil && len(m.Folders) > 0 {
		m.At = m.Folders[0].ID
	}
	return m
}

// Item returns the file with id, or nil.
func (m *Manager) Item(id string) *Item {
	for _, it := range m.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func (m *Manager) folder(id string) *Place {
	for _, f := range m.Folders {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// FolderName is the name of folder id.
func (m *Manager) FolderName(id string) string {
	if f := m.folder(id); f != nil {
		return f.Name
	}
	return ""
}

// Shown are the files of the folder shown, in the order chosen.
func (m *Manager) Shown() []*Item {
	type keyed struct {
		it   *Item
		name string // folded once, not at every comparison
	}
	var in []keyed
	for _, it := range m.Items {
		if it.Folder == m.At {
			k := keyed{it: it}
			if m.Sort == filesjudge.SortName {
				k.name = validate.Fold(it.Name)
			}
			in = append(in, k)
		}
	}
	slices.SortStableFunc(in, func(a, b keyed) int {
		switch m.Sort {
		case "":
			return 0 // as the lesson lists them
		case filesjudge.SortDate:
			return strings.Compare(b.it.Date, a.it.Date)
		case filesjudge.SortSize:
			return b.it.KB - a.it.KB
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]*Item, len(in))
	for i, k := range in {
		out[i] = k.it
	}
	return out
}

// Count is how many files folder id holds.
func (m *Manager) Count(id string) int {
	n := 0
	for _, it := range m.Items {
		if it.Folder == id {
			n++
		}
	}
	return n
}

// Current is the highlighted file, or nil.
func (m *Manager) Current() *Item {
	shown := m.Shown()
	if m.fileAt < 0 || m.fileAt >= len(shown) {
		return nil
	}
	return shown[m.fileAt]
}

// Select highlights file id in its folder, showing that folder.
func (m *Manager) Select(id string) {
	it := m.Item(id)
	if it == nil {
		return
	}
	m.At = it.Folder
	m.fileAt = slices.Index(m.Shown(), it)
	m.area = areaFiles
}

// TakeEvent returns, once, what the last key or click did.
func (m *Manager) TakeEvent() *Event {
	ev := m.event
	m.event = nil
	return ev
}

func (m *Manager) did(kind, id string) { m.event = &Event{Kind: kind, ID: id} }

// Typing says whether a name is being typed.
func (m *Manager) Typing() bool { return m.mode == modeRename || m.mode == modeMake }

// WantsEsc says whether Esc means something here: closing the viewer or a
// dialog, or closing a picker.
func (m *Manager) WantsEsc() bool { return m.mode != modeList || m.opt.Pick }

// OpenFolder shows folder id.
func (m *Manager) OpenFolder(id string) {
	if m.folder(id) == nil {
		return
	}
	m.At, m.fileAt = id, 0
	m.scroll.Home()
}

// Open shows file id in the viewer.
func (m *Manager) Open(id string) {
	it := m.Item(id)
	if it == nil {
		return
	}
	m.viewing, m.mode = it, modePreview
	m.Note = ""
	m.preview.Home()
	m.btnAt = 0
	m.did(filesjudge.ActOpen, id)
}

// Choose chooses file id (to attach).
func (m *Manager) Choose(id string) {
	it := m.Item(id)
	if it == nil {
		return
	}
	if why := m.TooBig(it); why != "" {
		m.Note = why
		m.did(filesjudge.ActTooBig, id)
		return
	}
	m.mode = modeList
	m.Note = m.c.Cat.T("files_chosen", "Name", m.Item(id).Name)
	m.did(filesjudge.ActChoose, id)
}

// SortBy sorts the list: by name, by date (newest first) or by size. The
// highlight goes to the top, where the newest (or biggest) file now is.
func (m *Manager) SortBy(s string) {
	m.Sort = s
	m.fileAt = 0
	m.scroll.Home()
	m.Note = m.c.Cat.T("files_sorted_" + s)
	m.did(filesjudge.ActSort, s)
}

// nextSort is the order after the one in use.
func (m *Manager) nextSort() string {
	switch m.Sort {
	case filesjudge.SortName:
		return filesjudge.SortDate
	case filesjudge.SortDate:
		return filesjudge.SortSize
	}
	return filesjudge.SortName
}

// Rename gives file id a new name; it says why not when it cannot.
func (m *Manager) Rename(id, name string) string {
	it := m.Item(id)
	name = strings.TrimSpace(name)
	switch {
	case it == nil:
		return ""
	case name == "":
		return m.c.Cat.T("files_name_empty")
	case name == it.Name:
		return m.c.Cat.T("files_name_same")
	}
	for _, o := range m.Items {
		if o != it && o.Folder == it.Folder && strings.EqualFold(o.Name, name) {
			return m.c.Cat.T("files_name_taken", "Name", name)
		}
	}
	m.Note = m.c.Cat.T("files_renamed", "Old", it.Name, "Name", name)
	it.Name = name
	m.mode = modeList
	m.Select(id)
	m.did(filesjudge.ActRename, id)
	return ""
}

// Move moves file id to folder to.
func (m *Manager) Move(id, to string) {
	it, f := m.Item(id), m.folder(to)
	if it == nil || f == nil {
		return
	}
	m.mode = modeList
	if it.Folder == to {
		m.Note = m.c.Cat.T("files_moved_same", "Folder", f.Name)
		return
	}
	it.Folder = to
	m.fileAt = min(m.fileAt, max(len(m.Shown())-1, 0))
	m.Note = m.c.Cat.T("files_moved", "Name", it.Name, "Folder", f.Name)
	m.did(filesjudge.ActMove, id)
}

// Delete moves file id to the bin.
func (m *Manager) Delete(id string) {
	if it := m.Item(id); it != nil && m.opt.Trash && it.Folder != filesjudge.Trash {
		m.Move(id, filesjudge.Trash)
		m.Note = m.c.Cat.T("files_deleted", "Name", it.Name)
		m.did(filesjudge.ActDelete, id)
	}
}

// MakeFolder makes a folder called name; it returns its id, or why not.
func (m *Manager) MakeFolder(name string) (id, why string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", m.c.Cat.T("files_name_empty")
	}
	for _, f := range m.Folders {
		if validate.Fold(f.Name) == validate.Fold(name) {
			return "", m.c.Cat.T("files_folder_taken", "Name", f.Name)
		}
	}
	m.made++
	id = fmt.Sprintf("made-%d", m.made)
	at := len(m.Folders)
	if m.opt.Trash {
		at-- // the bin stays last
	}
	m.Folders = slices.Insert(m.Folders, at, &Place{ID: id, Name: name})
	m.mode = modeList
	m.Note = m.c.Cat.T("files_made", "Name", name)
	m.did(filesjudge.ActMake, id)
	return id, ""
}

// MadeFolders are the folders the learner made: id → name.
func (m *Manager) MadeFolders() map[string]string {
	out := map[string]string{}
	for _, f := range m.Folders {
		if strings.HasPrefix(f.ID, "made-") {
			out[f.ID] = f.Name
		}
	}
	return out
}

// Update handles keys and clicks.
func (m *Manager) Update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.key(msg)
	case tea.MouseMsg:
		m.mouse(msg)
	}
}

func (m *Manager) key(k tea.KeyMsg) {
	switch m.mode {
	case modePreview:
		m.previewKey(k)
	case modeRename, modeMake:
		m.inputKey(k)
	case modeMove, modeCopy:
		m.moveKey(k)
	default:
		m.listKey(k)
	}
}

func (m *Manager) listKey(k tea.KeyMsg) {
	ck := m.c.Keys
	n := len(m.buttons())
	switch {
	case k.Type == tea.KeyEsc:
		if m.opt.Pick {
			m.did(EvCancel, "")
		}
	case k.Type == tea.KeyTab:
		m.tab(1, n)
	case k.Type == tea.KeyShiftTab:
		m.tab(-1, n)
	case k.Type == tea.KeyUp || k.Type == tea.KeyDown:
		d := 1
		if k.Type == tea.KeyUp {
			d = -1
		}
		m.arrow(d)
	case k.Type == tea.KeyLeft:
		m.side(-1, n)
	case k.Type == tea.KeyRight:
		m.side(1, n)
	case key.Matches(k, ck.PageDown):
		m.arrow(max(m.listH-1, 1))
	case key.Matches(k, ck.PageUp):
		m.arrow(-max(m.listH-1, 1))
	case k.Type == tea.KeyDelete && !m.opt.Pick && !m.Done:
		if cur := m.Current(); cur != nil {
			m.Delete(cur.ID)
		}
	case k.Type == tea.KeyEnter || k.Type == tea.KeySpace:
		m.enter()
	}
}

// tab moves the keyboard: folders, files, then each button, round.
func (m *Manager) tab(d, n int) {
	stops := 2 + n
	at := m.area
	if m.area == areaButtons {
		at = areaButtons + m.btnAt
	}
	at = (at + d + stops) % stops
	if at >= areaButtons {
		m.area, m.btnAt = areaButtons, at-areaButtons
		return
	}
	m.area = at
}

// side: ← and → go from the files to the folders and back, and along the
// buttons.
func (m *Manager) side(d, n int) {
	switch m.area {
	case areaButtons:
		m.btnAt = ui.Clamp(m.btnAt+d, 0, n-1)
	case areaFolders:
		if d > 0 {
			m.area = areaFiles
		}
	default:
		if d < 0 {
			m.area = areaFolders
		}
	}
}

// arrow moves the highlight d lines in the folders (showing each folder
// at once, as a file manager's side bar does) or the files.
func (m *Manager) arrow(d int) {
	switch m.area {
	case areaFolders:
		i := slices.IndexFunc(m.Folders, func(f *Place) bool { return f.ID == m.At })
		i = ui.Clamp(i+d, 0, len(m.Folders)-1)
		m.OpenFolder(m.Folders[i].ID)
	case areaFiles:
		n := len(m.Shown())
		if m.opt.Pick && n > 0 && (d == 1 || d == -1) {
			m.fileAt = (m.fileAt + d + n) % n // a picker's list goes round, as the form's always did
			return
		}
		m.fileAt = ui.Clamp(m.fileAt+d, 0, max(n-1, 0))
	case areaButtons:
		if d < 0 {
			m.area = areaFiles // ↑ from the buttons goes back to the list
		}
	}
}

// enter: a folder goes to its files; a file opens (or, in a picker, is
// chosen); a button is pressed.
func (m *Manager) enter() {
	switch m.area {
	case areaFolders:
		m.area = areaFiles
	case areaFiles:
		cur := m.Current()
		switch {
		case cur == nil:
		case m.opt.Pick:
			m.Choose(cur.ID)
		default:
			m.Open(cur.ID)
		}
	default:
		bs := m.buttons()
		if m.btnAt < len(bs) {
			m.press(bs[m.btnAt].id)
		}
	}
}
