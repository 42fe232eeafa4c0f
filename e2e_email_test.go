package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
)

// The end-to-end tests of the email itinerary drive the built binary in
// tmux through a whole email lesson: one with the keyboard alone (Spanish,
// 80×24), one with the mouse (English, 120×40; the keyboard only types the
// words). They reuse the helpers of e2e_test.go and synchronise only by
// polling the screen.

// click waits for text on the screen and clicks its second cell with the
// left button, as a terminal reports it (SGR mouse: press, then release).
func (s *tmuxServer) click(name, text string) {
	s.t.Helper()
	scr := s.waitUntil(name, fmt.Sprintf("%q to click", text), func(scr string) bool { return strings.Contains(scr, text) })
	for y, line := range strings.Split(scr, "\n") {
		if i := strings.Index(line, text); i >= 0 {
			x := lipgloss.Width(line[:i]) + 2 // 1-based, one cell in
			s.run("send-keys", "-t", name, "-l", fmt.Sprintf("\x1b[<0;%d;%dM", x, y+1))
			s.run("send-keys", "-t", name, "-l", fmt.Sprintf("\x1b[<0;%d;%dm", x, y+1))
			return
		}
	}
}

// signUpAndOpen signs a new learner up with no PIN and opens the email
// itinerary's lesson number n (1-based) from the home screen.
func (s *tmuxServer) signUpAndOpen(name, hello, itinerary, lesson string, n int) {
	s.t.Helper()
	s.signUp(name, "Lucía")
	s.waitFor(name, hello, itinerary)
	s.moveTo(name, "▶ "+itinerary)
	s.keys(name, "Enter")
	s.waitFor(name, lesson)
	for i := 1; i < n; i++ {
		s.keys(name, "Down")
	}
	s.waitUntil(name, "the cursor on "+lesson, func(scr string) bool {
		return strings.Contains(scr, fmt.Sprintf("▶ %d. %s", n, lesson))
	})
	s.keys(name, "Enter")
}

// report is the CSV report of data as rows keyed by lesson id.
func reportRows(t *testing.T, bin, data string) map[string][]string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "report", "--data", data, "--format", "csv", "--lang", "es").Output()
	if err != nil {
		t.Fatalf("report: %v\n%s", err, out)
	}
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("report is not CSV: %v\n%s", err, out)
	}
	rows := map[string][]string{}
	for _, r := range recs[1:] {
		if len(r) > 3 {
			rows[r[1]] = r
		}
	}
	return rows
}

func TestE2EEmailLessonWithTheKeyboard(t *testing.T) { //nolint:funlen // one lesson played key by key, in the order a learner presses them
	tm := newTmux(t)
	bin := aulaBinary(t)
	data, logs := t.TempDir(), t.TempDir()
	t.Cleanup(func() {
		if b, err := os.ReadFile(filepath.Join(logs, "kb.stderr")); t.Failed() && err == nil && len(b) > 0 {
			t.Logf("stderr of the kiosk:\n%s", b)
		}
	})
	tm.startArgs("kb", 80, 24, logs, bin, "--data", data, "--lang", "es")
	tm.waitFor("kb", "¿Cómo te llamas?")
	tm.signUpAndOpen("kb", "¿Qué practicamos hoy?", "El correo electrónico", "Escribe un correo nuevo", 2)

	tm.waitFor("kb", "Paso 1 de 5", "Las partes de un correo")
	tm.keys("kb", "Enter")
	scr := tm.waitFor("kb", "Paso 2 de 5", "Un buen asunto")
	// Go to the right option with the arrows (the order is mixed).
	opts := options(scr)
	cur, target := -1, -1
	for i, o := range opts {
		if o.cursor {
			cur = i
		}
		if strings.Contains(o.text, "Cita con la trabajadora social") {
			target = i
		}
	}
	if cur < 0 || target < 0 {
		t.Fatalf("no cursor or no right option among %+v:\n%s", opts, scr)
	}
	for i := cur; i < target; i++ {
		tm.keys("kb", "Down")
	}
	for i := cur; i > target; i-- {
		tm.keys("kb", "Up")
	}
	tm.waitUntil("kb", "the cursor on the right option", func(scr string) bool {
		for _, o := range options(scr) {
			if o.cursor {
				return strings.Contains(o.text, "Cita con la trabajadora social")
			}
		}
		return false
	})
	tm.keys("kb", "Enter")
	tm.waitFor("kb", "¡Bien!")
	tm.keys("kb", "Enter")

	tm.waitFor("kb", "Paso 3 de 5", "Dirección de correo")
	tm.typeText("kb", "servicios.sociales@villaejemplo.example")
	tm.waitFor("kb", "› servicios.sociales@villaejemplo.example")
	tm.keys("kb", "Enter")
	tm.waitFor("kb", "¡Bien!")
	tm.keys("kb", "Enter")

	// The mail app: write, wander off with Esc and stay, then send.
	tm.waitFor("kb", "Paso 4 de 5", "Correo de práctica", "[N] Nuevo")
	tm.keys("kb", "n")
	tm.waitFor("kb", "Correo nuevo", "▶ Para:")
	tm.typeText("kb", "servicios.sociales@villaejemplo.example")
	tm.keys("kb", "Tab", "Tab")
	tm.waitFor("kb", "▶ Asunto:")
	tm.typeText("kb", "Cita con la trabajadora social")
	tm.keys("kb", "Tab")
	tm.waitFor("kb", "▶ Mensaje:")
	tm.typeText("kb", "Buenos días:")
	tm.keys("kb", "Enter")
	tm.typeText("kb", "Quiero pedir cita con la trabajadora social. ¿Qué día puedo ir?")
	tm.keys("kb", "Enter")
	tm.typeText("kb", "Un saludo, Lucía")
	tm.waitFor("kb", "┃ Un saludo, Lucía")
	tm.keys("kb", "Escape")
	tm.waitFor("kb", "¿Borrar el borrador?", "▶ [ Seguir escribiendo ]")
	tm.keys("kb", "Enter")
	tm.waitFor("kb", "┃ Buenos días:", "┃ Un saludo, Lucía")
	tm.keys("kb", "Tab", "Tab")
	tm.waitFor("kb", "▶ [ Enviar ]")
	tm.keys("kb", "Enter")
	tm.waitFor("kb", "✔ ¡Bien!", "Tu correo tiene todo lo que hace falta", "[ Seguir ]")
	tm.keys("kb", "Enter")

	tm.waitFor("kb", "Paso 5 de 5", "¡Enhorabuena!")
	tm.keys("kb", "Enter")
	tm.waitFor("kb", "¡Lección terminada!", "Hoy has aprendido:", "Responde y adjunta un documento")
	tm.quit("kb", logs)

	if r := reportRows(t, bin, data)["correo-escribir"]; len(r) < 6 || r[3] != "done" || r[4] != "5" {
		t.Errorf("report row for correo-escribir = %q, want done with 5 steps", r)
	}
}

func TestE2EEmailLessonWithTheMouse(t *testing.T) {
	tm := newTmux(t)
	bin := aulaBinary(t)
	data, logs := t.TempDir(), t.TempDir()
	t.Cleanup(func() {
		if b, err := os.ReadFile(filepath.Join(logs, "ms.stderr")); t.Failed() && err == nil && len(b) > 0 {
			t.Logf("stderr of the kiosk:\n%s", b)
		}
	})
	tm.startArgs("ms", 120, 40, logs, bin, "--data", data, "--lang", "en")
	tm.waitFor("ms", "What's your name?")
	tm.signUpAndOpen("ms", "What shall we practise today?", "Email", "Reply and attach a document", 3)

	tm.waitFor("ms", "Step 1 of 5", "Replying to an email")
	tm.click("ms", "[ Go on ]")
	tm.waitFor("ms", "Step 2 of 5", "Attaching a document")
	tm.click("ms", "[ Go on ]")
	tm.waitFor("ms", "Step 3 of 5", "Who gets your reply?")
	tm.click("ms", "The town hall, because they wrote to me.")
	tm.waitUntil("ms", "the right option chosen", func(scr string) bool {
		for _, o := range options(scr) {
			if o.cursor {
				return strings.Contains(o.text, "The town hall")
			}
		}
		return false
	})
	tm.click("ms", "[ Check ]")
	tm.waitFor("ms", "Well done!")
	tm.click("ms", "[ Go on ]")

	// The mail app, by mouse: open, reply, write, attach, send.
	tm.waitFor("ms", "Step 4 of 5", "Practice email")
	tm.click("ms", "School meals grant")
	tm.waitFor("ms", "From:", "padron@villaejemplo.example", "Please reply to this email")
	tm.click("ms", "[R] Reply")
	tm.waitFor("ms", "Reply to 'School meals grant'", "Re: School meals grant")
	tm.click("ms", "Message:")
	tm.typeText("ms", "Hello, here is my certificate. Best wishes, Lucía")
	tm.waitFor("ms", "┃ Hello, here is my certificate.")
	tm.click("ms", "[ Attach ]")
	tm.waitFor("ms", "Choose the file you want to attach")
	tm.click("ms", "certificado_empadronamiento.pdf")
	tm.waitFor("ms", "Attachments: 📎 certificado_empadronamiento.pdf")
	tm.click("ms", "[ Send ]")
	tm.waitFor("ms", "Well done!", "You replied to the town hall with the document they asked for.")
	// Once the step is over the sent email can still be looked at.
	tm.click("ms", "Sent")
	tm.waitFor("ms", "To padron@villaejemplo", "Re: School meals grant")
	tm.click("ms", "[ Go on ]")

	tm.waitFor("ms", "Step 5 of 5", "Well done!")
	tm.click("ms", "[ Go on ]")
	tm.waitFor("ms", "Lesson finished!", "Forward an email to your family")
	tm.click("ms", "[ Back to home ]")
	tm.waitFor("ms", "What shall we practise today?", "1 of 5 lessons done")
	tm.quitAs("ms", logs, "Do you want to leave?", "Close Aula")

	if r := reportRows(t, bin, data)["correo-responder"]; len(r) < 6 || r[3] != "done" {
		t.Errorf("report row for correo-responder = %q, want done", r)
	}
}
