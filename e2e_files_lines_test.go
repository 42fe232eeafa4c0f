package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"aula/lessons/kinds/files"
	"aula/lessons/validate"
)

// doFiles walks a files step as lines, on the route of the judge's own
// Sample: sort, open, choose, rename, make a folder and move, delete, with
// the numbers of the list as accessible mode says them.
func doFiles(t *testing.T, s *lineSession, w lineWords, x *files.Files) {
	t.Helper()
	es := w.look == "ver"
	word := func(esw, enw string) string {
		if es {
			return esw
		}
		return enw
	}
	order := files.SortName
	at := map[string]string{} // file id → folder, as moved
	names := map[string]string{}
	number := func(id string) string {
		var shown []*files.File
		for _, f := range x.Folders {
			for _, fl := range f.Files {
				folder := f.ID
				if to, ok := at[fl.ID]; ok {
					folder = to
				}
				if folder == x.Start {
					shown = append(shown, fl)
				}
			}
		}
		name := func(fl *files.File) string {
			if n, ok := names[fl.ID]; ok {
				return n
			}
			return fl.Name
		}
		slices.SortStableFunc(shown, func(a, b *files.File) int {
			if order == files.SortDate {
				return strings.Compare(b.Date, a.Date)
			}
			return strings.Compare(validate.Fold(name(a)), validate.Fold(name(b)))
		})
		i := slices.IndexFunc(shown, func(f *files.File) bool { return f.ID == id })
		if i < 0 {
			t.Fatalf("file %s is not in the folder shown", id)
		}
		return strconv.Itoa(i + 1)
	}
	sample := x.Sample()
	for _, r := range x.Rules {
		if doDevice(t, s, word, x, r, number) {
			continue
		}
		switch r.Check {
		case "sorted":
			order = r.Values[0]
			s.send(word("ordenar ", "sort ") + map[string]string{files.SortDate: word("fecha", "date"), files.SortName: word("nombre", "name"), files.SortSize: word("tamaño", "size")}[order])
		case "opened":
			s.send(number(r.Values[0]))
		case "chosen":
			s.send(word("elegir ", "choose ") + number(r.Values[0]))
		case "renamed":
			s.send(word("nombre ", "rename ") + number(r.File))
			s.send(sample.Names[r.File])
			names[r.File] = sample.Names[r.File]
		case "moved":
			target := slices.IndexFunc(x.Folders, func(f *files.Folder) bool { return f.ID == r.Folder }) + 1
			if target == 0 {
				s.send(word("crear", "make"))
				s.send(r.Folder)
				target = len(x.Folders) + 1
			}
			s.send(word("mover ", "move ") + number(r.File))
			s.send(strconv.Itoa(target))
			at[r.File] = r.Folder
		case "deleted", "erased":
			for _, id := range r.Values {
				s.send(word("borrar ", "delete ") + number(id))
				at[id] = files.Trash
			}
			if r.Check == "erased" {
				s.send(word("vaciar", "empty"))
			}
		}
	}
}

// doDevice walks the rules of the camera and the USB stick: photograph,
// crop and make the PDF, attach it; plug the stick in, copy the file to it
// from the start folder, remove it. False for a rule of another check.
func doDevice(t *testing.T, s *lineSession, word func(string, string) string, x *files.Files, r *files.Rule, number func(string) string) bool {
	t.Helper()
	if r.Check == "chosen" && x.Photo != nil && r.Values[0] == x.Photo.PDFID() {
		// The PDF is the second file of the photo's folder, after the
		// photo (IMG_….jpg before IMG_….pdf), in the lessons.
		if f := x.Folder(x.Photo.Folder); f == nil || len(f.Files) > 0 {
			t.Fatalf("doFiles knows the PDF in an empty photo folder only")
		}
		s.send(word("elegir 2", "choose 2"))
		return true
	}
	var plain []*files.Folder // the folders shown before a stick is plugged in
	for _, f := range x.Folders {
		if !f.USB {
			plain = append(plain, f)
		}
	}
	switch r.Check {
	case "cropped":
		s.send(word("foto", "photo"))
		s.send(word("recortar", "crop"))
		s.send("pdf")
	case "copied":
		s.send(word("conectar", "plug"))
		start := slices.IndexFunc(plain, func(f *files.Folder) bool { return f.ID == x.Start }) + 1
		s.send(word("carpeta ", "folder ") + strconv.Itoa(start))
		s.send(word("copiar ", "copy ") + number(r.File))
		s.send(strconv.Itoa(len(plain) + 1)) // the stick comes after the plain folders
	case "ejected":
		s.send(word("expulsar", "eject"))
	case "pdf", "under-limit": // done with cropped, and by the chosen rule
	default:
		return false
	}
	return true
}
