package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"aula/lessons"
	"aula/lessons/kinds/form"
	"aula/store"
)

// The whole "Online procedures" itinerary, as a learner does it at the
// keyboard in tmux at 80×24, in Spanish and in English: every lesson one
// after another, every form filled in with the practice persona's details
// (the first one sent empty on purpose, a page of the application blocked
// by a wrong DNI letter, the PIN copied from the simulated SMS, the
// mistakes of a pre-filled form fixed, a free day picked on the calendar),
// each receipt on screen. At the end the data file holds outcomes only:
// none of the details typed.

// formE2EWords are what the form test waits for in each language.
var formE2EWords = map[string]struct {
	page, review, saved, blocked, empty, pin string
	receipts                                 map[string]string // per lesson
}{
	"es": {"Página %d de %d", "Revisa tus datos", "Guardado en la carpeta Descargas", "Hay 1 dato que corregir",
		"Hay 5 datos que corregir", `tu PIN es ([A-Z0-9]{3})\.`,
		map[string]string{"primer-formulario": "Solicitud enviada", "clave-pin": "Te has identificado",
			"ingreso-minimo-vital": "Número de registro: IMV-", "corregir-formulario": "Número de registro: IMV-",
			"cita-previa": "Localizador: CITA-", "seguir-solicitud": "Estado de tu solicitud: en trámite"}},
	"en": {"Page %d of %d", "Check your answers", "Saved in the Downloads folder", "There is 1 thing to fix",
		"There are 5 things to fix", `your PIN is ([A-Z0-9]{3})\.`,
		map[string]string{"primer-formulario": "Request sent", "clave-pin": "You are signed in",
			"ingreso-minimo-vital": "Reference number: IMV-", "corregir-formulario": "Reference number: IMV-",
			"cita-previa": "Booking code: CITA-", "seguir-solicitud": "Your application: in progress"}},
}

// formPageKeys are tmux keys that fill page n of the application from its
// first field and press Next; text is typed as it is (send-keys -l).
func formPageKeys(n int) []string {
	switch n {
	case 1:
		return []string{"=Lucía", "Enter", "=Prueba Ejemplo", "Enter", "=12345678Z", "Enter", "=15/04/1978", "Enter", "=600 000 000", "Enter", "Enter", "Enter"}
	case 2:
		return []string{"=Calle del Ejemplo, 12, 3.º B", "Enter", "=28999", "Enter", "=Villaejemplo", "Enter", "=m", "Enter", "Tab", "Enter"}
	case 3:
		return []string{"Enter", "=Mario", "Enter", "=Prueba Ejemplo", "Enter", "=14/05/2014", "Enter", "Enter", "Enter", "Tab", "Enter", "Enter"}
	case 4:
		return []string{"=ES91 2100 0418 4502 0005 1332", "Enter", "Space", "Enter", "Enter"}
	case 5:
		return []string{"Enter", "Enter", "Tab", "Enter", "Down", "Down", "Enter", "Tab", "Enter", "Down", "Down", "Down", "Enter", "Tab", "Enter"}
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

func TestE2EOnlineProceduresItinerary(t *testing.T) {
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
			cat := lib.Catalog(lang)
			itinerary := itineraryOf(t, cat, "tramites-en-linea")

			tm.startArgs(name, 80, 24, logs, bin, "--data", data, "--lang", lang, "--lesson", itinerary.LessonIDs[0])
			tm.waitFor(name, "Aula")
			tm.signUp(name, "Pepa")

			tm.playItinerary(name, lang, cat, itinerary, func(l *lessons.Lesson, s *lessons.Step, _ string) {
				id := l.ID
				switch ex := s.Exercise.(type) {
				case *form.Form:
					fillForm(t, tm, name, lang, l.ID, ex)
					if ex.HasReview() {
						tm.waitFor(name, fw.review)
						for range len(ex.Pages) {
							tm.keys(name, "Tab") // past every "Change" to Submit
						}
					}
					tm.waitFor(name, "▶ [ "+ex.Submit+" ]")
					tm.keys(name, "Enter")
					tm.waitFor(name, fw.receipts[id])
					if ex.Receipt.Reference != "" {
						tm.keys(name, "Space") // download the receipt
						tm.waitFor(name, fw.saved)
					}
				default:
					t.Fatalf("step %s/%s: no way to answer a %T", id, s.ID, ex)
				}
			})

			tm.quitAs(name, logs, w.quit, w.leave)
			tm.run("kill-session", "-t", name)

			// Outcomes only: every lesson done, the blocked page's mistakes
			// stored by their ids, and none of the details typed.
			evs := storedAfter(t, data, itinerary.LessonIDs)
			stored := map[string]bool{}
			for _, e := range evs {
				stored[e.Lesson+"/"+e.Mistake] = true
			}
			for _, want := range []string{"primer-formulario/nombre.required", "primer-formulario/normas.required_check",
				"ingreso-minimo-vital/dni.dni_letter"} {
				if !stored[want] {
					t.Errorf("the outcome %s was not stored", want)
				}
			}
			raw, err := os.ReadFile(filepath.Join(data, store.FileName))
			if err != nil {
				t.Fatal(err)
			}
			for _, typed := range []string{"12345678Z", "12345678A", "Prueba Ejemplo", "ES91 2100", "ES9121000418",
				"Calle del Ejemplo", "Villaejemplo", "600 000 000", "600000000", "15/04/1978", "20/06/2033", "Mario",
				"lucia.prueba@correo.example"} {
				if strings.Contains(string(raw), typed) {
					t.Errorf("the data file holds %q, typed in a form", typed)
				}
			}
		})
	}
}

// fillForm fills in the form of lesson id page by page, waiting for each
// page to show before typing in it, and leaves the focus on its Submit.
func fillForm(t *testing.T, tm *tmuxServer, name, lang, id string, fm *form.Form) {
	t.Helper()
	fw := formE2EWords[lang]
	page := func(n int) string { return fmt.Sprintf(fw.page, n, len(fm.Pages)) }
	switch id {
	case "primer-formulario":
		// As the lesson asks: Tab to Send first, with nothing typed.
		tm.waitFor(name, page(1))
		tm.send(name, "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Enter")
		tm.waitFor(name, fw.empty)
		tm.send(name, "=Lucía", "Enter", "=Prueba Ejemplo", "Enter", "=lucia.prueba@correo.example", "Enter",
			"Enter", "Down", "Enter", "Tab", "Enter", "Space", "Enter") // the list: open, the 2nd library, choose (the focus stays on it), Tab on; tick the box
	case "clave-pin":
		tm.waitFor(name, page(1))
		tm.send(name, "=12345678Z", "Enter", "=20/06/2033", "Enter", "Enter")
		scr := tm.waitFor(name, page(2))
		code := regexp.MustCompile(fw.pin).FindStringSubmatch(flat(scr))
		if code == nil {
			t.Fatalf("no PIN in the message:\n%s", scr)
		}
		tm.send(name, "="+strings.ToLower(code[1]), "Enter") // capitals or not, the same
	case "ingreso-minimo-vital":
		for n := 1; n <= 6; n++ {
			tm.waitFor(name, page(n))
			if n != 1 {
				tm.send(name, formPageKeys(n)...)
				continue
			}
			// The DNI first goes in with a wrong letter: Next is blocked
			// and says so; the focus is on the DNI, fixed and Next again.
			keys := formPageKeys(1)
			keys[4] = "=12345678A"
			tm.send(name, keys...)
			tm.waitFor(name, fw.blocked, page(1))
			tm.send(name, "BSpace", "=Z")
			tm.waitFor(name, "[12345678Z")
			tm.send(name, "Tab", "Tab", "Tab", "Tab", "Enter")
		}
	case "corregir-formulario":
		tm.waitFor(name, page(1), "[12345678A")
		tm.send(name, "Tab", "Tab", "BSpace", "=Z", "Tab", "BSpace", "BSpace", "=1978", "Tab", "=0", "Tab")
		tm.send(name, "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "=.example", "Tab", "Enter")
		tm.waitFor(name, page(2))
		tm.send(name, "Tab", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "=28999", "Tab", "Tab", "Enter", "=m", "=m", "=m", "Enter", "Tab", "Enter") // m goes round the M provinces from the one chosen (Málaga): Melilla, Murcia, then Madrid; the focus stays on the list
		tm.waitFor(name, page(3))
		for range 11 {
			tm.keys(name, "Tab") // to "Remove person 2"
		}
		tm.send(name, "Enter", "Tab", "Enter")
		tm.waitFor(name, page(4))
		tm.send(name, "BSpace", "BSpace", "=32", "Tab", "Tab", "Enter")
		tm.waitFor(name, page(5))
		tm.send(name, "Enter", "Down", "Enter", "Tab", "Tab", "Enter", "Up", "Enter", "Tab", "Enter")
		tm.waitFor(name, page(6))
		tm.send(name, formPageKeys(6)...)
	case "cita-previa":
		tm.waitFor(name, page(1))
		tm.send(name, "Enter", "Down", "Enter", "Tab", "Enter", "Enter")
		tm.waitFor(name, page(2))
		tm.send(name, "Enter", "Down", "Enter", "Enter")
		tm.waitFor(name, page(3))
		tm.send(name, "=12345678Z", "Enter", "=Lucía Prueba Ejemplo", "Enter", "=600 000 000", "Enter", "Enter")
	case "seguir-solicitud":
		tm.waitFor(name, page(1))
		tm.send(name, "=12345678Z", "Enter", "=PRU4K7Q2", "Enter")
	default:
		t.Fatalf("no keys to fill in the form of %s", id)
	}
}
