package main

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"aula/lessons"
	"aula/store"
)

// The file manager's camera, USB stick and Bin, played whole in accessible
// mode with the real binary, in both languages: photograph a payslip, crop
// it, make the PDF and attach it; copy the receipt to a USB stick and
// remove it; delete what was downloaded and empty the Bin. Each lesson
// ends done in the data file.
func TestE2EAccessibleFilesDevices(t *testing.T) {
	bin := aulaBinary(t)
	ids := []string{"archivos-foto-pdf", "archivos-usb", "archivos-borrar-descargas"}
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		data := t.TempDir()
		t.Run(lang, func(t *testing.T) {
			s := startLines(t, bin, "--accessible", "--data", data, "--lang", lang)
			cat := lib.Catalog(lang)
			w := wordsFor(lang)
			s.expect(w.name)
			s.send("Lucía")
			s.expect(w.pin)
			s.send("1")
			s.expect(w.hello)
			all := cat.AllLessons()
			for _, id := range ids {
				n := slices.IndexFunc(all, func(l *lessons.Lesson) bool { return l.ID == id }) + 1
				s.send(w.home)
				s.expect(w.hello)
				s.send(strconv.Itoa(len(cat.Itineraries) + 2)) // all lessons
				s.expect(w.allLessons)
				s.send(strconv.Itoa(n))
				l, _ := cat.Lesson(id)
				doLesson(t, s, w, l)
			}
			s.send(w.quit)
			s.expect(w.quitQuestion)
			s.send("1")
			if code := s.wait(); code != 0 {
				t.Fatalf("Aula ended with status %d", code)
			}
		})
		st, err := store.Open(data, store.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		ls, _ := st.Learners()
		if len(ls) != 1 {
			st.Close()
			t.Fatalf("learners: %+v", ls)
		}
		prog, _ := st.Progress(ls[0].ID)
		for _, id := range ids {
			if prog[id].Status != store.Done {
				t.Errorf("%s: lesson %s: %+v, want done", lang, id, prog[id])
			}
		}
		st.Close()
	}
}
