package files

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	filesjudge "aula/lessons/kinds/files"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// Kind is the files step kind: its full-screen exercise and its accessible adapter.
var Kind = exercise.Kind{Name: "files", New: NewFilesExercise, Lines: NewFilesLines}

// FilesExercise is a files step: the practice file manager, judged after
// every action that may finish or spoil the task. It is a full exercise:
// it takes the whole step area and Enter.
type FilesExercise struct {
	c    *ui.Common
	X    *filesjudge.Files
	M    *Manager
	keys filesKeys

	opened []string
	sorted []string
	chosen string

	exercise.ToCheck[filesjudge.Answer] // an answer to check after an action, taken by the player
}

type filesKeys struct {
	Move, Press, Check, Page key.Binding
}

func newFilesKeys(c *ui.Common) filesKeys {
	cat := c.Cat
	letter := strings.ToLower(cat.T("files_key_check"))
	return filesKeys{
		Move:  key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down", "left", "right"), key.WithHelp("Tab ↑↓", cat.T("files_key_move_help"))),
		Press: key.NewBinding(key.WithKeys("enter"), key.WithHelp(cat.T("keyname_enter"), cat.T("files_key_press_help"))),
		Check: key.NewBinding(key.WithKeys(letter, strings.ToUpper(letter)), key.WithHelp(letter, cat.T("key_check"))),
		Page:  key.NewBinding(key.WithKeys("pgdown", "pgup"), key.WithHelp(cat.T("inbox_keyname_page"), cat.T("files_key_page_help"))),
	}
}

// NewFilesExercise opens the file manager of a files step on its start
// folder.
func NewFilesExercise(c *ui.Common, s *lessons.Step) exercise.Exercise {
	x, _ := s.Exercise.(*filesjudge.Files)
	if x == nil {
		x = &filesjudge.Files{}
	}
	var places []*Place
	var items []*Item
	opt := Options{Photo: x.Photo, LimitKB: x.LimitKB}
	for _, r := range x.Rules {
		opt.Choose = opt.Choose || r.Check == "chosen" || r.Check == "under-limit"
		opt.Trash = opt.Trash || r.Check == "deleted" || r.Check == "erased"
		opt.Copy = opt.Copy || r.Check == "copied"
	}
	for _, f := range x.Folders {
		places = append(places, &Place{ID: f.ID, Name: f.Name, USB: f.USB})
		for _, fl := range f.Files {
			items = append(items, &Item{ID: fl.ID, Name: fl.Name, Folder: f.ID, KB: fl.KB, Date: fl.Date, Preview: fl.Preview})
		}
	}
	m := NewManager(c, places, items, x.Start, opt)
	return &FilesExercise{c: c, X: x, M: m, keys: newFilesKeys(c)}
}

// Answer is what was done so far; Last is nil: the learner asks to check.
func (e *FilesExercise) Answer() lessons.Answer { return e.answer(nil) }

func (e *FilesExercise) answer(last *filesjudge.Action) filesjudge.Answer {
	a := filesjudge.Answer{Where: map[string]string{}, Names: map[string]string{}, Made: e.M.MadeFolders(),
		Opened: slices.Clone(e.opened), Sorted: slices.Clone(e.sorted), Chosen: e.chosen, Last: last,
		Copies: e.M.Copies(), Ejected: e.M.Ejected(), Cropped: e.M.Cropped(), KB: map[string]int{}}
	for _, it := range e.M.Items {
		orig, in := e.X.File(it.ID)
		if orig == nil {
			if ph := e.X.Photo; ph != nil && (it.ID == ph.ID || it.ID == ph.PDFID()) {
				a.KB[it.ID] = it.KB
				if it.Folder != ph.Folder {
					a.Where[it.ID] = it.Folder
				}
			}
			continue
		}
		if it.Folder != in.ID {
			a.Where[it.ID] = it.Folder
		}
		if it.Name != orig.Name {
			a.Names[it.ID] = it.Name
		}
	}
	return a
}

// CheckKey is the letter that asks to check, shown on the Check button.
func (e *FilesExercise) CheckKey() key.Binding { return e.keys.Check }

// Typing says whether a name is being typed.
func (e *FilesExercise) Typing() bool { return e.M.Typing() }

// WantsEsc says whether Esc closes the viewer or a dialog.
func (e *FilesExercise) WantsEsc() bool { return e.M.WantsEsc() }

// SetDone freezes the manager once the step is solved or shown: folders
// and files can still be looked at.
func (e *FilesExercise) SetDone(done bool) { e.M.Done = done }

// Keys are the manager's keys for the help line.
func (e *FilesExercise) Keys() []key.Binding {
	if e.M.mode == modePreview {
		return []key.Binding{e.keys.Page}
	}
	return []key.Binding{e.keys.Move, e.keys.Press}
}

// Update handles keys and clicks, and hands each action to the judge.
func (e *FilesExercise) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && !e.M.Typing() && key.Matches(k, e.keys.Check) {
		return nil // the player checks
	}
	e.M.Update(msg)
	e.took(e.M.TakeEvent())
	return nil
}

// took records what the manager did and asks the player to check.
func (e *FilesExercise) took(ev *Event) {
	if ev == nil || e.M.Done {
		return
	}
	switch ev.Kind {
	case filesjudge.ActOpen:
		e.opened = append(e.opened, ev.ID)
	case filesjudge.ActSort:
		if !slices.Contains(e.sorted, ev.ID) {
			e.sorted = append(e.sorted, ev.ID)
		}
	case filesjudge.ActChoose:
		e.chosen = ev.ID
	case EvCancel:
		return
	}
	a := e.answer(&filesjudge.Action{Kind: ev.Kind, ID: ev.ID})
	e.Put(a)
}

// ViewFull draws the manager in exactly width×height cells.
func (e *FilesExercise) ViewFull(width, height int) string { return e.M.View(width, height) }

// View is the manager in a plain column, for a player that does not know
// full exercises.
func (e *FilesExercise) View(width int) string { return e.M.View(width, 14) }
