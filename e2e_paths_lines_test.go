package main

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"aula/i18n"
	"aula/lessons"
	"aula/store"
)

// newPaths are the four paths of issue 16: files, the web, after you
// apply, money and scams.
var newPaths = []string{"archivos-documentos", "buscar-en-internet", "despues-de-solicitar", "dinero-estafas"}

// Every lesson of each of the four new paths, in accessible mode, in
// Spanish and in English: a new learner opens the path from home, then
// each of its lessons from the path's list, and answers every step the
// way the lesson's own data says is right (doLesson: the judges' Sample
// and Solution, the right options). At the end home says the path is
// done ("8 of 8 lessons done"), and the data file holds each lesson done
// with every step done once.
func TestE2EAccessibleNewPaths(t *testing.T) {
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		for _, id := range newPaths {
			t.Run(lang+"/"+id, func(t *testing.T) {
				cat := lib.Catalog(lang)
				it := itineraryOf(t, cat, id)
				data := t.TempDir()
				s := startLines(t, bin, "--accessible", "--data", data, "--lang", lang)
				w := wordsFor(lang)
				s.expect(w.name)
				s.send("Lucía")
				s.expect(w.pin)
				s.send("1")
				s.expect(w.hello)
				words := i18n.New(lang)
				for i, lid := range it.LessonIDs {
					s.send(homeNumber(t, s, words, it, i))
					s.expect(it.Title)
					s.send(strconv.Itoa(i + 1))
					l, _ := cat.Lesson(lid)
					doLesson(t, s, w, l) // ends at home, after hello
				}
				n := len(it.LessonIDs)
				homeNumber(t, s, words, it, n)
				s.send(w.quit)
				s.expect(w.quitQuestion)
				s.send("1")
				if code := s.wait(); code != 0 {
					t.Fatalf("Aula ended with status %d", code)
				}
				checkPathStored(t, data, cat, it)
			})
		}
	}
}

// homeNumber waits for home's line of path it, which must say done of its
// lessons are done, and returns the number to type for it.
func homeNumber(t *testing.T, s *lineSession, words *i18n.Catalog, it *lessons.Itinerary, done int) string {
	t.Helper()
	line := words.T("line_itinerary", "Title", it.Title, "Words", words.T("lessons_done", "Done", done, "Count", len(it.LessonIDs)))
	said := s.expect(line)
	m := regexp.MustCompile(`(\d+)\. ` + regexp.QuoteMeta(line) + `$`).FindStringSubmatch(said)
	if m == nil {
		t.Fatalf("home does not number the line %q:\n%s", line, said)
	}
	return m[1]
}

// checkPathStored opens the data folder of a kiosk that has ended: its
// only learner has every lesson of it done, each step of each done.
func checkPathStored(t *testing.T, data string, cat *lessons.Catalog, it *lessons.Itinerary) {
	t.Helper()
	st, err := store.Open(data, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ls, err := st.Learners()
	if err != nil || len(ls) != 1 {
		t.Fatalf("learners: %+v, %v", ls, err)
	}
	prog, err := st.Progress(ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range it.LessonIDs {
		l, _ := cat.Lesson(id)
		p := prog[id]
		if p.Status != store.Done || p.Completed.IsZero() {
			t.Errorf("lesson %s: %s (completed %v), want done", id, p.Status, p.Completed)
			continue
		}
		if len(p.DoneSteps) != len(l.Steps()) {
			t.Errorf("lesson %s: steps done %v, want all %d", id, p.DoneSteps, len(l.Steps()))
		}
	}
}
