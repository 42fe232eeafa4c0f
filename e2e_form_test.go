package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aula/lessons"
	"aula/store"
)

// The minimum-income application lesson, as a learner does it at the
// keyboard in tmux at 80×24, in Spanish and in English: the questions
// around it, then the form page by page with the practice persona's
// details (a page blocked by a mistake on the way), the review, the
// receipt saved. At the end the data file holds outcomes only: none of the
// persona's details typed.

// formE2EWords are what the form test waits for in each language.
var formE2EWords = map[string]struct {
	page, review, receipt, saved, blocked string
}{
	"es": {"Página %d de 6", "Revisa tus datos", "Número de registro: IMV-", "Guardado en la carpeta Descargas", "Hay 1 dato que corregir"},
	"en": {"Page %d of 6", "Check your answers", "Reference number: IMV-", "Saved in the Downloads folder", "There is 1 thing to fix"},
}

// formPageKeys are tmux keys that fill page n of the application from its
// first field and press Next; text is typed as it is (send-keys -l).
func formPageKeys(n int) []string {
	switch n {
	case 1:
		return []string{"=Lucía", "Enter", "=Prueba Ejemplo", "Enter", "=12345678Z", "Enter", "=15/04/1978", "Enter", "=600 000 000", "Enter", "Enter", "Enter"}
	case 2:
		return []string{"=Calle del Ejemplo, 12, 3.º B", "Enter", "=28999", "Enter", "=Villaejemplo", "Enter", "=m", "Enter", "Enter"}
	case 3:
		return []string{"Enter", "=Mario", "Enter", "=Prueba Ejemplo", "Enter", "=14/05/2014", "Enter", "Enter", "Enter", "Enter", "Enter"}
	case 4:
		return []string{"=ES91 2100 0418 4502 0005 1332", "Enter", "Space", "Enter", "Enter"}
	case 5:
		return []string{"Enter", "Enter", "Enter", "Down", "Down", "Enter", "Enter", "Down", "Down", "Down", "Enter", "Enter"}
	case 6:
		return []string{"Space", "Tab", "Space", "Tab", "Enter"}
	}
	return nil
}

// send sends formPageKeys-style keys one by one: "=text" is typed.
func (s *tmuxServer) send(name string, ks ...string) {
	s.t.Helper()
	for _, k := range ks {
		if text, ok := strings.CutPrefix(k, "="); ok {
			s.typeText(name, text)
		} else {
			s.keys(name, k)
		}
	}
}

func TestE2EFormApplicationLesson(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, lang := range []string{"es", "en"} {
		t.Run(lang, func(t *testing.T) {
			tm.t = t
			data, logs := t.TempDir(), t.TempDir()
			name := "form-" + lang
			t.Cleanup(func() {
				if b, err := os.ReadFile(filepath.Join(logs, name+".stderr")); t.Failed() && err == nil && len(b) > 0 {
					t.Logf("stderr of the kiosk:\n%s", b)
				}
			})
			w, fw := e2eWords[lang], formE2EWords[lang]
			l, ok := lib.Catalog(lang).Lesson("ingreso-minimo-vital")
			if !ok {
				t.Fatal("no application lesson")
			}

			tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", l.ID)
			tm.waitFor(name, "Aula")
			tm.typeText(name, "Pepa")
			tm.waitFor(name, "› Pepa")
			tm.keys(name, "Enter")
			tm.waitFor(name, "PIN")
			tm.keys(name, "Enter") // no PIN

			for si, s := range l.Steps {
				counter := fmt.Sprintf("%d de %d", si+1, len(l.Steps))
				if lang == "en" {
					counter = fmt.Sprintf("%d of %d", si+1, len(l.Steps))
				}
				scr := tm.waitFor(name, counter, s.Title)
				switch ex := s.Exercise.(type) {
				case *lessons.Read:
					tm.keys(name, "Enter")
					continue
				case *lessons.Choose:
					pickChoices(t, tm, name, scr, ex)
				case *lessons.Form:
					fillApplication(t, tm, name, fw.page, fw.blocked)
					tm.waitFor(name, fw.review)
					for range len(ex.Pages) {
						tm.keys(name, "Tab") // past every "Change" to Submit
					}
					tm.waitFor(name, "▶ [ "+ex.Submit+" ]")
					tm.keys(name, "Enter")
					tm.waitFor(name, fw.receipt, "DNI_Lucia_Prueba.pdf")
					tm.keys(name, "Space") // download the receipt
					tm.waitFor(name, fw.saved)
				default:
					t.Fatalf("step %s: no way to answer a %T", s.ID, ex)
				}
				tm.waitFor(name, "✔ "+w.right)
				tm.keys(name, "Enter")
			}
			tm.waitFor(name, w.summary, l.Title)

			tm.keys(name, "C-c")
			tm.waitFor(name, w.quit, w.leave)
			tm.keys(name, "Enter")
			if code := tm.waitExit(name, logs); code != 0 {
				t.Fatalf("the kiosk ended with status %d", code)
			}
			tm.run("kill-session", "-t", name)

			// Outcomes only: the lesson done, the blocked page's mistake
			// stored by its id, and none of the persona's details.
			st, err := store.Open(data, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			learners, _ := st.Learners()
			prog, _ := st.Progress(learners[0].ID)
			evs, _ := st.Events(learners[0].ID)
			st.Close()
			if prog[l.ID].Status != store.Done {
				t.Errorf("the lesson is %s, want done", prog[l.ID].Status)
			}
			found := false
			for _, e := range evs {
				found = found || e.Mistake == "dni.dni_letter"
			}
			if !found {
				t.Error("the DNI typed with a wrong letter was not stored as dni.dni_letter")
			}
			raw, err := os.ReadFile(filepath.Join(data, store.FileName))
			if err != nil {
				t.Fatal(err)
			}
			for _, typed := range []string{"12345678Z", "12345678A", "Prueba Ejemplo", "ES91 2100", "ES9121000418", "Calle del Ejemplo", "Villaejemplo", "600 000 000", "15/04/1978", "Mario"} {
				if strings.Contains(string(raw), typed) {
					t.Errorf("the data file holds %q, typed in the form", typed)
				}
			}
		})
	}
}

// fillApplication fills the six pages of the application. On page 1 the
// DNI first goes in with a wrong letter: Next is blocked and says so, and
// the learner fixes it.
func fillApplication(t *testing.T, tm *tmuxServer, name, page, blocked string) {
	t.Helper()
	for n := 1; n <= 6; n++ {
		tm.waitFor(name, fmt.Sprintf(page, n))
		if n != 1 {
			tm.send(name, formPageKeys(n)...)
			continue
		}
		keys := formPageKeys(1)
		keys[4] = "=12345678A"
		tm.send(name, keys...)
		tm.waitFor(name, blocked, fmt.Sprintf(page, 1))
		// The focus is on the DNI: put the right letter and press Next.
		tm.send(name, "BSpace", "=Z")
		tm.waitFor(name, "[12345678Z")
		tm.send(name, "Tab", "Tab", "Tab", "Tab", "Enter")
	}
}
