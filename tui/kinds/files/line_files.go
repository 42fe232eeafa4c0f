package files

import (
	"fmt"
	"strings"

	"aula/lessons"
	filesjudge "aula/lessons/kinds/files"
	"aula/tui/access"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// filesLines says the file manager as lines: the folder shown and its
// files numbered with their type, size and date. The learner types a
// number (or "abrir 2") to open a file, "carpeta 3" to show another
// folder, "elegir 2", "nombre 2" then the new name, "mover 2" then the
// folder's number, "crear" then a folder's name, "borrar 2", "ordenar
// fecha", "comprobar".
type filesLines struct {
	c    *ui.Common
	e    *FilesExercise
	ask  string // the next line is: "rename", "move", "make" or ""
	file string // the file a rename or a move is about
}

// NewFilesLines makes the adapter of a files exercise.
func NewFilesLines(c *ui.Common, _ *lessons.Step, ex exercise.Exercise) exercise.LineExercise {
	return exercise.AdaptLines(c, ex, func(c *ui.Common, e *FilesExercise) exercise.LineExercise {
		return &filesLines{c: c, e: e}
	})
}

func (l *filesLines) w(id string) string { return access.Word(l.c, id) }

// Describe says the folders, the folder shown, and how to use the manager:
// only the commands this step has (choose and delete when it asks).
func (l *filesLines) Describe() []string {
	cat, opt := l.c.Cat, l.e.M.opt
	out := append(l.folders(), l.list()...)
	cmds := []string{cat.T("line_files_cmd_folder", "Folder", l.w("line_cmd_folder")), cat.T("line_files_cmd_sort", "Sort", l.w("line_cmd_sort"), "Date", l.w("line_word_sort_date"))}
	if opt.Choose {
		cmds = append(cmds, cat.T("line_files_cmd_n", "Cmd", l.w("line_cmd_choose")))
	}
	cmds = append(cmds, cat.T("line_files_cmd_n", "Cmd", l.w("line_cmd_rename")), cat.T("line_files_cmd_n", "Cmd", l.w("line_cmd_move")),
		cat.T("line_files_cmd_make", "Make", l.w("line_cmd_make")))
	if opt.Trash {
		cmds = append(cmds, cat.T("line_files_cmd_n", "Cmd", l.w("line_cmd_delete")))
	}
	cmds = append(cmds, l.deviceCommands()...)
	cmds = append(cmds, l.w("line_cmd_check"))
	return append(out, cat.T("line_files_start", "Commands", strings.Join(cmds, ", ")))
}

// folders says the folders, numbered.
func (l *filesLines) folders() []string {
	m := l.e.M
	out := []string{l.c.Cat.T("line_files_folders", "Count", len(m.Folders))}
	for i, f := range m.Folders {
		out = append(out, fmt.Sprintf("%d. %s", i+1, l.c.Cat.T("line_files_folder", "Name", f.Name, "Count", m.Count(f.ID))))
	}
	return out
}

// list says the folder shown and its files, numbered in the order chosen.
func (l *filesLines) list() []string {
	cat, m := l.c.Cat, l.e.M
	shown := m.Shown()
	head := cat.T("files_in_folder", "Folder", m.FolderName(m.At), "Count", len(shown)) + "."
	if m.Sort != "" {
		head += " " + cat.T("files_order", "Order", cat.T("files_sort_"+m.Sort+"_long")) + "."
	}
	out := []string{head}
	for i, it := range shown {
		out = append(out, fmt.Sprintf("%d. %s", i+1, l.row(it)))
	}
	return out
}

// row is one file in words: name, type, size, date.
func (l *filesLines) row(it *Item) string {
	s := l.c.Cat.T("line_files_file", "Name", it.Name, "Type", TypeText(it.Name), "Size", SizeText(l.c.Cat, it.KB))
	if d := DateText(it.Date); d != "" {
		s += ", " + l.c.Cat.T("line_files_date", "Date", d)
	}
	return s
}

// Prompt says what to type now.
func (l *filesLines) Prompt() string {
	switch l.ask {
	case "rename":
		return l.c.Cat.T("line_files_ask_name")
	case "move", "copy":
		return l.c.Cat.T("line_files_ask_folder")
	case "make":
		return l.c.Cat.T("files_make_ask")
	}
	return l.c.Cat.T("line_files_prompt", "Max", len(l.e.M.Shown()), "Open", l.w("line_cmd_open"))
}

// file is file n (from 1) of the folder shown.
func (l *filesLines) pick(arg string) (*Item, []string) {
	shown := l.e.M.Shown()
	i, ok := access.Number(arg, len(shown))
	if !ok {
		return nil, []string{l.c.Cat.T("line_files_no_such", "Text", access.Clip(arg, 20), "Max", len(shown))}
	}
	return shown[i-1], nil
}

// Line acts on the manager as keys would.
func (l *filesLines) Line(text string) ([]string, bool) {
	if l.ask != "" {
		return l.answer(text), false
	}
	cmd, arg := access.FirstWord(text)
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	switch {
	case strings.TrimSpace(text) == "":
		return []string{l.Prompt()}, false
	case is("line_cmd_check"):
		return nil, true
	case is("line_cmd_list"):
		return l.list(), false
	case is("line_cmd_folders"):
		return l.folders(), false
	case is("line_cmd_folder"):
		return l.openFolder(arg), false
	case is("line_cmd_sort"):
		return l.sort(arg), false
	case is("line_cmd_make"):
		if l.e.M.Done {
			return []string{l.c.Cat.T("line_files_done")}, false
		}
		l.ask = "make"
		return []string{l.Prompt()}, false
	}
	if out, ok := l.device(cmd); ok {
		return out, false
	}
	return l.fileCommand(text, cmd, arg), false
}

// fileCommand is a command about one file: open (or just its number),
// choose, rename, move, delete.
func (l *filesLines) fileCommand(text, cmd, arg string) []string {
	is := func(id string) bool { return access.IsWord(l.c, cmd, id) }
	m := l.e.M
	what := ""
	for _, id := range []string{"line_cmd_open", "line_cmd_choose", "line_cmd_rename", "line_cmd_move", "line_cmd_delete", "line_cmd_copy"} {
		if is(id) {
			what = id
		}
	}
	if what == "" {
		what, arg = "line_cmd_open", text
	}
	it, why := l.pick(arg)
	if it == nil {
		return why
	}
	if what != "line_cmd_open" && m.Done {
		return []string{l.c.Cat.T("line_files_done")}
	}
	switch what {
	case "line_cmd_choose":
		m.Choose(it.ID)
		l.e.took(m.TakeEvent())
		return []string{m.Note}
	case "line_cmd_rename":
		l.ask, l.file = "rename", it.ID
		return []string{l.c.Cat.T("files_rename_ask", "Name", it.Name), l.Prompt()}
	case "line_cmd_move", "line_cmd_copy":
		l.ask, l.file = "move", it.ID
		ask := "files_move_ask"
		if what == "line_cmd_copy" {
			l.ask, ask = "copy", "files_copy_ask"
		}
		out := []string{l.c.Cat.T(ask, "Name", it.Name)}
		for i, f := range m.moveTargets() {
			out = append(out, fmt.Sprintf("%d. %s", i+1, f.Name))
		}
		return append(out, l.Prompt())
	case "line_cmd_delete":
		if !m.opt.Trash {
			return []string{l.c.Cat.T("line_files_no_delete")}
		}
		m.Delete(it.ID)
		l.e.took(m.TakeEvent())
		return []string{m.Note}
	}
	m.Open(it.ID)
	l.e.took(m.TakeEvent())
	m.closeDialog()
	out := []string{l.c.Cat.T("line_files_opened", "File", l.row(it))}
	return append(out, strings.Split(strings.TrimRight(it.Preview, "\n "), "\n")...)
}

// answer takes the line after "nombre", "mover" or "crear": an empty line
// gives up.
func (l *filesLines) answer(text string) []string {
	m := l.e.M
	ask := l.ask
	l.ask = ""
	if strings.TrimSpace(text) == "" {
		return []string{l.c.Cat.T("line_files_cancelled")}
	}
	switch ask {
	case "rename":
		m.Select(l.file)
		if why := m.Rename(l.file, text); why != "" {
			return []string{why}
		}
	case "move", "copy":
		ts := m.moveTargets()
		i, ok := access.Number(text, len(ts))
		if !ok {
			return []string{access.NotNumber(l.c, text, len(ts))}
		}
		m.Select(l.file)
		if ask == "copy" {
			m.Copy(l.file, ts[i-1].ID)
		} else {
			m.Move(l.file, ts[i-1].ID)
		}
	case "make":
		if _, why := m.MakeFolder(text); why != "" {
			return []string{why}
		}
	}
	l.e.took(m.TakeEvent())
	if ask == "rename" {
		return append([]string{m.Note}, l.list()...) // the order may have changed
	}
	return []string{m.Note}
}

// openFolder shows folder n (from 1) and says its files.
func (l *filesLines) openFolder(arg string) []string {
	m := l.e.M
	i, ok := access.Number(arg, len(m.Folders))
	if !ok {
		return append([]string{access.NotNumber(l.c, arg, len(m.Folders))}, l.folders()...)
	}
	m.OpenFolder(m.Folders[i-1].ID)
	return l.list()
}

// sort sorts by the order named: name, date or size.
func (l *filesLines) sort(arg string) []string {
	m := l.e.M
	for _, s := range []string{filesjudge.SortName, filesjudge.SortDate, filesjudge.SortSize} {
		if access.IsWord(l.c, arg, "line_word_sort_"+s) {
			m.SortBy(s)
			l.e.took(m.TakeEvent())
			return l.list()
		}
	}
	return []string{l.c.Cat.T("line_files_sort_how", "Sort", l.w("line_cmd_sort"), "Name", l.w("line_word_sort_name"),
		"Date", l.w("line_word_sort_date"), "Size", l.w("line_word_sort_size"))}
}
