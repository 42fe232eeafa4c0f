package main

import (
	"regexp"
	"strings"
	"testing"

	"aula/i18n"
	"aula/lessons/kinds/files"
)

// filesByKeys does in the file manager, with the keys, what the lesson's
// rules ask, in their order and on the route of the judge's own Sample
// (the name it gives a file renamed, the folder it makes): each file gone
// to in the list with Tab and the arrows, each button with Tab, then
// Enter. Folders are opened with the arrows among the folders.
func filesByKeys(t *testing.T, tm *tmuxServer, name, lang string, x *files.Files) {
	t.Helper()
	w := &filesWalk{t: t, tm: tm, name: name, cat: i18n.New(lang), x: x, names: map[string]string{}}
	for _, f := range x.Folders {
		for _, fl := range f.Files {
			w.names[fl.ID] = fl.Name
		}
	}
	if x.Photo != nil {
		w.names[x.Photo.ID] = x.Photo.Name
	}
	sample := x.Sample()
	cat := w.cat
	for _, r := range x.Rules {
		if w.device(r) {
			continue
		}
		switch r.Check {
		case "sorted":
			w.sort(r.Values[0])
		case "opened":
			w.file(r.Values[0])
			tm.keys(name, "Enter")
		case "renamed":
			w.file(r.File)
			w.press(cat.T("files_btn_rename"))
			tm.waitFor(name, "┃ "+w.names[r.File])
			tm.keys(name, "C-u")
			tm.typeText(name, sample.Names[r.File])
			tm.waitFor(name, "┃ "+sample.Names[r.File])
			tm.keys(name, "Enter")
			w.names[r.File] = sample.Names[r.File]
		case "moved":
			if x.Folder(r.Folder) == nil {
				w.press(cat.T("files_btn_make"))
				tm.typeText(name, r.Folder)
				tm.waitFor(name, "┃ "+r.Folder)
				tm.keys(name, "Enter")
				tm.waitFor(name, r.Folder+" (0)")
			}
			w.file(r.File)
			w.press(cat.T("files_btn_move"))
			w.into(w.folderName(r.Folder))
		case "chosen":
			w.file(r.Values[0])
			w.press(w.choose())
		case "deleted", "erased":
			for _, id := range r.Values {
				w.file(id)
				w.press(cat.T("files_btn_delete"))
			}
			if r.Check == "erased" {
				w.folder(cat.T("files_trash"))
				w.press(cat.T("files_btn_empty"))
			}
		case "pdf", "under-limit", "not-opened": // done with cropped and chosen; nothing to do
		default:
			t.Fatalf("files: no keys for a %s rule", r.Check)
		}
	}
}

// filesWalk is filesByKeys' way round the file manager: the names the
// files have now (renamed ones too), and the moves it makes.
type filesWalk struct {
	t     *testing.T
	tm    *tmuxServer
	name  string
	cat   *i18n.Catalog
	x     *files.Files
	names map[string]string // file id → name shown now
}

// device does a rule of the camera or the USB stick: photograph, open the
// photo, crop, make the PDF, attach it (the PDF just made has the cursor);
// plug the stick in, copy the file to it from the start folder, remove
// it. False for a rule of another check.
func (w *filesWalk) device(r *files.Rule) bool {
	x, cat := w.x, w.cat
	switch {
	case r.Check == "chosen" && x.Photo != nil && r.Values[0] == x.Photo.PDFID():
		w.press(w.choose())
	case r.Check == "cropped":
		w.press(cat.T("files_btn_photo"))
		w.tm.waitFor(w.name, x.Photo.Name)
		w.file(x.Photo.ID)
		w.tm.keys(w.name, "Enter") // open it
		w.press(cat.T("files_btn_crop"))
		w.press(cat.T("files_btn_pdf"))
	case r.Check == "copied":
		w.press(cat.T("files_btn_plug"))
		w.folder(w.folderName(x.Start))
		w.file(r.File)
		w.press(cat.T("files_btn_copy"))
		w.into(w.folderName(r.Folder))
	case r.Check == "ejected":
		w.press(cat.T("files_btn_eject"))
	default:
		return false
	}
	return true
}

// sort presses the Sort button until the list says it is in order by.
func (w *filesWalk) sort(by string) {
	sorted := w.cat.T("files_order", "Order", w.cat.T("files_sort_"+by+"_long"))
	sort := w.cat.T("files_btn_sort_none")
	tabTo(w.t, w.tm, w.name, sort, buttonRe(sort))
	for range 3 {
		if flatHas(w.tm.screen(w.name), sorted) {
			break
		}
		before := w.tm.screen(w.name)
		w.tm.keys(w.name, "Enter")
		w.tm.waitUntil(w.name, "the files sorted again", func(now string) bool { return now != before })
	}
	w.tm.waitFor(w.name, sorted)
}

// press goes to the button labelled label with Tab and presses Enter.
func (w *filesWalk) press(label string) {
	tabTo(w.t, w.tm, w.name, label, buttonRe(label))
	w.tm.keys(w.name, "Enter")
}

// file puts the cursor on file id in the list shown.
func (w *filesWalk) file(id string) {
	tabTo(w.t, w.tm, w.name, "the list of files", regexp.MustCompile(`^▶ \S+\.\w+ `))
	listAt(w.t, w.tm, w.name, w.names[id], fileRow)
}

// folder opens the folder called label: among the folders, the arrows open them.
func (w *filesWalk) folder(label string) {
	tabTo(w.t, w.tm, w.name, "the folders", regexp.MustCompile(`^▶ .+ \(\d+\)\s*│`))
	listAt(w.t, w.tm, w.name, label, folderRow)
}

// into picks label in the list of folders to move or copy to.
func (w *filesWalk) into(label string) {
	arrowTo(w.t, w.tm, w.name, label, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(label)+`\s*$`))
	w.tm.keys(w.name, "Enter")
}

// folderName is what folder id is called; a folder the learner makes is
// called as the rule names it.
func (w *filesWalk) folderName(id string) string {
	if f := w.x.Folder(id); f != nil {
		return f.Name
	}
	return id
}

// choose is the label of the button that chooses: Attach when the step
// has a size limit.
func (w *filesWalk) choose() string {
	if w.x.LimitKB > 0 {
		return w.cat.T("files_btn_attach")
	}
	return w.cat.T("files_btn_choose")
}

// folderRow is a folder in the file manager's list, with the keyboard
// on it (▶), open (›) or neither: " ▶ USB LUCIA (0)  │"; fileRow is a
// file, right of the folders: "│ ▶ factura.zip  ZIP  950 KB …".
var (
	folderRow = regexp.MustCompile(`^ (▶|›| ) (.+?) \(\d+\)\s*│`)
	fileRow   = regexp.MustCompile(`│ (▶|›| ) (\S.*?\.\w+) +[A-Z]+ `)
)

// listAt moves the cursor of the list whose lines line matches (the mark
// ▶ for the cursor, then the label) to label, with ↑ or ↓, each press
// waited for; the list has the focus.
func listAt(t *testing.T, tm *tmuxServer, name, label string, line *regexp.Regexp) {
	t.Helper()
	scr := tm.screen(name)
	cursor, target, n := -1, -1, 0
	for _, l := range strings.Split(scr, "\n") {
		if m := line.FindStringSubmatch(l); m != nil {
			if m[1] == "▶" {
				cursor = n
			}
			if m[2] == label {
				target = n
			}
			n++
		}
	}
	if cursor < 0 || target < 0 {
		t.Fatalf("no %s in the list, or no cursor in it:\n%s", label, scr)
	}
	for ; cursor != target; scr = tm.waitUntil(name, "the cursor to move towards "+label, func(now string) bool { return now != scr }) {
		if cursor < target {
			tm.keys(name, "Down")
			cursor++
		} else {
			tm.keys(name, "Up")
			cursor--
		}
	}
}

func flatHas(scr, s string) bool {
	return regexp.MustCompile(regexp.QuoteMeta(flat(s))).MatchString(flat(scr))
}
