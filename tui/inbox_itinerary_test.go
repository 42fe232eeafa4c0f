package tui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/lessons"
	"aula/store"
	"aula/tui/kinds/choose"
	"aula/tui/kinds/typein"
	"aula/tui/player"
)

// The whole email itinerary, done as a learner would: once with the
// keyboard alone and once with the mouse (typing the words on the
// keyboard), in both languages. Every answer must be right first time, and
// every lesson must end done.

// emailWords are what the learner types, per language.
var emailWords = map[string]map[string]string{
	"es": {"forward": "e", "subject": "Cita con la trabajadora social",
		"body": "Buenos días:\nQuiero pedir cita con la trabajadora social.\nUn saludo, Lucía", "reply": "Hola: os mando el certificado."},
	"en": {"forward": "f", "subject": "Appointment with the social worker",
		"body": "Good morning,\nI would like an appointment with the social worker.\nBest wishes, Lucía", "reply": "Hello, here is my certificate."},
}

// byKeyboard answers an inbox step with keys only.
func byKeyboard(d *driver, lang, step string) {
	w := emailWords[lang]
	switch step {
	case "abrir-cita":
		d.keys("enter")
	case "ver-enviados":
		d.keys("tab", "down", "tab", "enter")
	case "escribir":
		d.keys("n", "servicios.sociales@villaejemplo.example", "tab", "tab", w["subject"], "tab")
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(w["body"])})
		d.keys("tab", "tab", "enter")
	case "responder-adjuntar":
		d.keys("r", w["reply"], "tab", "enter", "down", "enter", "tab", "enter")
	case "reenviar-cita":
		d.keys(w["forward"], "marta.prueba@correo.example", "tab", "andres.prueba@correo.example", "tab", "tab", "tab", "tab", "enter")
	case "mirar-enlace":
		d.keys("enter", "1")
	case "ordenar":
		// The list: bank (fake), health centre, parcel (fake), Marta, Seguridad Social (fake), Seguridad Social (real).
		d.keys("s", "down", "down", "s", "down", "down", "s")
	default:
		d.t.Fatalf("no keys for inbox step %s", step)
	}
}

// wheelTo rolls the mouse wheel over the reading pane until zone id shows.
func (d *driver) wheelTo(id string) {
	d.t.Helper()
	for range 20 {
		_ = d.view()
		if z := d.m.c.Zones.Get(id); z != nil && !z.IsZero() {
			break
		}
		d.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	}
}

// byMouse answers an inbox step with clicks; words are still typed.
func byMouse(d *driver, lang, step string) {
	w := emailWords[lang]
	switch step {
	case "abrir-cita":
		d.click("inbox-row-0")
	case "ver-enviados":
		d.click("inbox-folder-1")
		d.click("inbox-row-0")
	case "escribir":
		d.click("inbox-act-new")
		d.keys("servicios.sociales@villaejemplo.example")
		d.click("inbox-field-2")
		d.keys(w["subject"])
		d.click("inbox-field-3")
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(w["body"])})
		d.click("inbox-btn-send")
	case "responder-adjuntar":
		d.click("inbox-row-0")
		d.click("inbox-act-reply")
		d.keys(w["reply"])
		d.click("inbox-btn-attach")
		d.click("files-file-1")
		d.click("inbox-btn-send")
	case "reenviar-cita":
		d.click("inbox-row-0")
		d.click("inbox-act-forward")
		d.keys("marta.prueba@correo.example")
		d.click("inbox-field-1")
		d.keys("andres.prueba@correo.example")
		d.click("inbox-btn-send")
	case "mirar-enlace":
		d.click("inbox-row-0")
		d.wheelTo("inbox-link-0")
		d.click("inbox-link-0")
	case "ordenar":
		for _, row := range []string{"inbox-row-0", "inbox-row-2", "inbox-row-4"} {
			d.click(row)
			d.click("inbox-act-report")
		}
	default:
		d.t.Fatalf("no clicks for inbox step %s", step)
	}
}

// answerStep gives the right answer to a step that is not an inbox step,
// with keys or clicks.
func answerStep(d *driver, mouse bool) {
	p := d.player()
	switch ex := p.Ex.(type) {
	case *choose.ChooseExercise:
		for i, o := range ex.Opts {
			if !o.Correct {
				continue
			}
			if mouse {
				d.click(ex.ZoneID(i))
			} else {
				d.keys(fmt.Sprint(i + 1))
			}
		}
	case *typein.TypeExercise:
		d.keys(rightText(p.Step()))
	}
	if mouse {
		d.click("btn-check")
	} else {
		d.keys("enter")
	}
}

func TestEmailItineraryKeyboardAndMouse(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		for _, mouse := range []bool{false, true} {
			how := map[bool]string{false: "keyboard", true: "mouse"}[mouse]
			t.Run(lang+"-"+how, func(t *testing.T) {
				emailItinerary(t, lang, mouse)
			})
		}
	}
}

// emailItinerary plays the email itinerary in lang, by mouse or by
// keyboard, from the first lesson to the home, and checks every lesson is
// stored as done with no mistakes.
func emailItinerary(t *testing.T, lang string, mouse bool) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, lang, "correo-leer")
	if mouse {
		d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	}
	var it *lessons.Itinerary
	for _, x := range d.m.c.Lessons.Itineraries {
		if x.ID == "correo-electronico" {
			it = x
		}
	}
	if it == nil || len(it.LessonIDs) < 5 {
		t.Fatalf("no email itinerary of 5 lessons: %+v", it)
	}
	for n, id := range it.LessonIDs {
		p := d.player()
		if p.Lesson.ID != id {
			t.Fatalf("lesson %d is %s, want %s", n+1, p.Lesson.ID, id)
		}
		solveLesson(t, d, p, lang, mouse)
		// The summary: on to the next lesson, or home after the last.
		if mouse && n+1 < len(it.LessonIDs) {
			d.click("btn-next-lesson")
		} else if mouse {
			d.click("btn-home")
		} else {
			d.keys("enter")
		}
	}
	d.must(map[string]string{"es": "✔ Terminado", "en": "✔ Finished"}[lang])
	prog, err := st.Progress(d.m.c.Learner.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range it.LessonIDs {
		if p := prog[id]; p.Status != store.Done || len(p.Mistakes) > 0 {
			t.Errorf("%s: status %s, mistakes %v; want done with no mistakes", id, p.Status, p.Mistakes)
		}
	}
}

// solveLesson answers every step of the lesson p is playing, by mouse or
// by keyboard, and goes on after each one.
func solveLesson(t *testing.T, d *driver, p *player.Player, lang string, mouse bool) {
	t.Helper()
	for !p.Finished {
		s := p.Step()
		switch {
		case !s.NeedsAnswer():
		case s.Kind == "inbox" && mouse:
			byMouse(d, lang, s.ID)
		case s.Kind == "inbox":
			byKeyboard(d, lang, s.ID)
		default:
			answerStep(d, mouse)
		}
		if p.State != player.Solved {
			t.Fatalf("%s/%s not solved:\n%s", p.Lesson.ID, s.ID, d.view())
		}
		if mouse {
			d.click("btn-check")
		} else {
			d.keys("enter")
		}
	}
}
