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
	cat := i18n.New(lang)
	sample := x.Sample()
	names := map[string]string{} // file id → name shown now
	for _, f := range x.Folders {
		for _, fl := range f.Files {
			names[fl.ID] = fl.Name
		}
	}
	if x.Photo != nil {
		names[x.Photo.ID] = x.Photo.Name
	}
	press := func(label string) {
		tabTo(t, tm, name, label, buttonRe(label))
		tm.keys(name, "Enter")
	}
	file := func(id string) {
		tabTo(t, tm, name, "the list of files", regexp.MustCompile(`^▶ \S+\.\w+ `))
		listAt(t, tm, name, names[id], fileRow)
	}
	folder := func(label string) { // among the folders: the arrows open them
		tabTo(t, tm, name, "the folders", regexp.MustCompile(`^▶ .+ \(\d+\)\s*│`))
		listAt(t, tm, name, label, folderRow)
	}
	into := func(label string) { // the list of folders to move or copy to
		arrowTo(t, tm, name, label, regexp.MustCompile(`^▶ `+regexp.QuoteMeta(label)+`\s*$`))
		tm.keys(name, "Enter")
	}
	folderName := func(id string) string {
		if f := x.Folder(id); f != nil {
			return f.Name
		}
		return id // one the learner makes: the rule names it
	}
	choose := cat.T("files_btn_choose")
	if x.LimitKB > 0 {
		choose = cat.T("files_btn_attach")
	}
	for _, r := range x.Rules {
		switch r.Check {
		case "sorted":
			sorted := cat.T("files_order", "Order", cat.T("files_sort_"+r.Values[0]+"_long"))
			sort := cat.T("files_btn_sort_none")
			tabTo(t, tm, name, sort, buttonRe(sort))
			for range 3 {
				if flatHas(tm.screen(name), sorted) {
					break
				}
				before := tm.screen(name)
				tm.keys(name, "Enter")
				tm.waitUntil(name, "the files sorted again", func(now string) bool { return now != before })
			}
			tm.waitFor(name, sorted)
		case "opened":
			file(r.Values[0])
			tm.keys(name, "Enter")
		case "renamed":
			file(r.File)
			press(cat.T("files_btn_rename"))
			tm.waitFor(name, "┃ "+names[r.File])
			tm.keys(name, "C-u")
			tm.typeText(name, sample.Names[r.File])
			tm.waitFor(name, "┃ "+sample.Names[r.File])
			tm.keys(name, "Enter")
			names[r.File] = sample.Names[r.File]
		case "moved":
			if x.Folder(r.Folder) == nil {
				press(cat.T("files_btn_make"))
				tm.typeText(name, r.Folder)
				tm.waitFor(name, "┃ "+r.Folder)
				tm.keys(name, "Enter")
				tm.waitFor(name, r.Folder+" (0)")
			}
			file(r.File)
			press(cat.T("files_btn_move"))
			into(folderName(r.Folder))
		case "chosen":
			if x.Photo != nil && r.Values[0] == x.Photo.PDFID() {
				// The photo's PDF, just made, has the cursor: Attach.
				press(choose)
				continue
			}
			file(r.Values[0])
			press(choose)
		case "cropped":
			press(cat.T("files_btn_photo"))
			tm.waitFor(name, x.Photo.Name)
			file(x.Photo.ID)
			tm.keys(name, "Enter") // open it
			press(cat.T("files_btn_crop"))
			press(cat.T("files_btn_pdf"))
			names[x.Photo.PDFID()] = ""
		case "copied":
			press(cat.T("files_btn_plug"))
			folder(folderName(x.Start))
			file(r.File)
			press(cat.T("files_btn_copy"))
			into(folderName(r.Folder))
		case "ejected":
			press(cat.T("files_btn_eject"))
		case "deleted", "erased":
			for _, id := range r.Values {
				file(id)
				press(cat.T("files_btn_delete"))
			}
			if r.Check == "erased" {
				folder(cat.T("files_trash"))
				press(cat.T("files_btn_empty"))
			}
		case "pdf", "under-limit", "not-opened": // done with cropped and chosen; nothing to do
		default:
			t.Fatalf("files: no keys for a %s rule", r.Check)
		}
	}
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
