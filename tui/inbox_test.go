package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/inbox"
)

// inboxDriver opens lesson at step, with a learner who goes straight in, at 80×24.
func inboxDriver(t *testing.T, lang, lesson, step string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Lucía", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, lang, lesson)
	for d.player().Step().ID != step {
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	return d
}

func (d *driver) inbox() *inbox.InboxExercise {
	d.t.Helper()
	ex, ok := d.player().Ex.(*inbox.InboxExercise)
	if !ok {
		d.t.Fatalf("not an inbox step: %T\n%s", d.player().Ex, d.view())
	}
	return ex
}

// answers are the answer events stored for the current step.
func (d *driver) answers() []store.Event {
	d.t.Helper()
	evs, err := d.st.Events(d.m.c.Learner.ID)
	if err != nil {
		d.t.Fatal(err)
	}
	var out []store.Event
	for _, e := range evs {
		if e.Kind == store.Answered && e.Lesson == d.player().Lesson.ID && e.Step == d.player().Step().ID {
			out = append(out, e)
		}
	}
	return out
}

// lastMistake is the mistake of the last stored answer ("" when right).
func (d *driver) lastMistake() string {
	d.t.Helper()
	a := d.answers()
	if len(a) == 0 {
		d.t.Fatalf("no answer stored:\n%s", d.view())
	}
	return a[len(a)-1].Mistake
}

// flat is the screen with its lines joined, so that wrapped sentences match.
func (d *driver) flat() string { return strings.Join(strings.Fields(d.view()), " ") }

func (d *driver) mustSay(want ...string) {
	d.t.Helper()
	f := d.flat()
	for _, w := range want {
		if !strings.Contains(f, strings.Join(strings.Fields(w), " ")) {
			d.t.Fatalf("screen does not say %q:\n%s", w, d.view())
		}
	}
}

func TestInboxReadingNavigation(t *testing.T) {
	d := inboxDriver(t, "es", "correo-leer", "abrir-cita")
	d.must("Correo de práctica", "lucia.prueba@correo.example", "Recibidos (2)", "Enviados", "Papelera",
		"▶ ● Centro de Salud", "Recordatorio de tu cita", "2 mar", "[N] Nuevo", "[R] Responder", "[E] Reenviar",
		"[Supr] Borrar", "[S] Sospechoso", "[ Comprobar (C) ]", "Intro abrir", "Esc volver")
	ex := d.inbox()

	// ↓ ↑ move in the list; nothing is judged.
	d.keys("down", "down")
	d.must("▶   Biblioteca Municipal")
	d.keys("down") // the last one stays
	d.must("▶   Biblioteca Municipal")
	d.keys("up")
	d.must("▶ ● Marta Prueba")
	// Opening another email is no mistake, and says nothing.
	d.keys("enter")
	d.must("De:     Marta Prueba <marta.prueba@correo.example>", "¿Vienes a comer el domingo?", "Recibidos (1)")
	d.mustNot("Todavía no", "¡Bien!")
	if len(d.answers()) != 0 {
		t.Fatalf("opening the wrong email stored an answer: %+v", d.answers())
	}
	// Checking now says what is missing, and counts.
	d.keys("c")
	d.mustSay("✗ Todavía no.", "Todavía no has abierto el correo del Centro de Salud.")
	if m := d.lastMistake(); m != "abrir" {
		t.Fatalf("mistake = %q, want abrir", m)
	}
	// Opening the right one solves the step at once.
	d.keys("up", "enter")
	d.mustSay("✔ ¡Bien!", "Muy bien, ya está abierto.", "Hola, Lucía:", "[ Seguir ]")
	if m := d.lastMistake(); m != "" || !d.answers()[len(d.answers())-1].Correct {
		t.Fatalf("the right answer was not stored as right: %+v", d.answers())
	}
	if !ex.Done {
		t.Fatal("the exercise is not frozen once solved")
	}
	// The learner can still read on before going on.
	d.keys("pgdown")
	d.mustSay("Día: martes, 10 de marzo.")
	d.keys(" ")
	d.mustSay("Si no puedes venir, avísanos antes del 6 de marzo.")
	d.keys("pgup")
	d.mustSay("Día: martes, 10 de marzo.")
	d.keys("enter")
	d.must("Paso 4 de 6", "¿Qué día es tu cita?")
}

func TestInboxFoldersWithTabAndMouse(t *testing.T) {
	d := inboxDriver(t, "en", "correo-leer", "ver-enviados")
	d.must("Inbox", "Sent", "Bin", "Tab folders")
	d.keys("tab")
	d.must("▶ Inbox")
	d.keys("down")
	d.must("▶ Sent", "To marta.prueba@cor", "Re: Sunday lunch")
	d.keys("down")
	d.must("▶ Bin", "There are no emails in this folder.")
	d.keys("enter") // back to the list, which is empty
	d.keys("enter")
	d.must("There are no emails in this folder.")
	d.click("inbox-folder-1")
	d.must("▶ Sent")
	d.click("inbox-row-0")
	d.mustSay("✔ Well done!", "Yes, I'll be there.")
}

func TestInboxWriteNewEmail(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	d.keys("n")
	d.must("Correo nuevo", "▶ Para:", "CC:", "Asunto:", "Mensaje:", "Adjuntos: ninguno", "[ Adjuntar ]", "[ Enviar ]", "[ Descartar ]",
		"Tab casilla siguiente", "Esc dejar de escribir")
	if !d.m.scr.Typing() {
		t.Fatal("a text box has the keys, but Typing() is false")
	}
	// q and ? are letters here, not commands; so is c.
	d.keys("q?c")
	d.mustNot("¿Quieres salir?", "Teclas de esta pantalla")
	d.must("q?c")
	d.keys("backspace", "backspace", "backspace")

	// A typo in a well-known domain goes out, and gets its own words.
	d.keys("servicios.sociales@gmail.con", "tab", "tab", "Cita", "tab", "Hola: quiero una cita.", "tab", "tab", "enter")
	d.mustSay("✗ Todavía no.", "¿Querías escribir servicios.sociales@gmail.com?")
	if m := d.lastMistake(); m != "para:typo" {
		t.Fatalf("mistake = %q, want para:typo", m)
	}
	d.must("Enviado. Lo tienes en la carpeta Enviados.")

	// A letter away from the right address.
	d.keys("n", "servicios.sociales@villaejemplo.exampel", "tab", "tab", "Cita", "tab", "Hola: quiero una cita.", "tab", "tab", "enter")
	d.mustSay("servicios.sociales@villaejemplo.exampel se parece a la que te piden")
	if m := d.lastMistake(); m != "para:near" {
		t.Fatalf("mistake = %q, want para:near", m)
	}
}

func TestInboxWriteNewEmailMistakes(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	// Someone else entirely.
	d.keys("n", "marta.prueba@correo.example", "tab", "tab", "Cita", "tab", "Hola: quiero una cita.", "tab", "tab", "enter")
	d.mustSay("El correo no va a Servicios Sociales.")
	if m := d.lastMistake(); m != "para" {
		t.Fatalf("mistake = %q, want para", m)
	}
	// Empty subject, then no greeting: each its own words.
	to := "servicios.sociales@villaejemplo.example"
	d.keys("n", to, "tab", "tab", "tab", "Hola: quiero una cita.", "tab", "tab", "enter")
	d.mustSay("El asunto está vacío.")
	if m := d.lastMistake(); m != "asunto" {
		t.Fatalf("mistake = %q, want asunto", m)
	}
	d.keys("n", to, "tab", "tab", "Cita", "tab", "Quiero una cita.", "tab", "tab", "enter")
	d.mustSay("Empieza el mensaje con un saludo")
	d.mustSay("Mira cómo se hace:") // the third miss: the worked example
	if m := d.lastMistake(); m != "saludo" {
		t.Fatalf("mistake = %q, want saludo", m)
	}
	// A greeting but not what for; a reply instead of a new email.
	d = inboxDriver(t, "es", "correo-escribir", "escribir")
	d.keys("n", to, "tab", "tab", "Cita", "tab", "Hola: ¿qué tal?", "tab", "tab", "enter")
	d.mustSay("En el mensaje, di lo que quieres.")
	if m := d.lastMistake(); m != "pedir-cita" {
		t.Fatalf("mistake = %q, want pedir-cita", m)
	}
	d.keys("r", "Hola: quiero una cita.", "tab", "tab", "enter")
	d.mustSay("Has respondido a otro correo. Para escribir a alguien por primera vez, pulsa N")
	if m := d.lastMistake(); m != "nuevo" {
		t.Fatalf("mistake = %q, want nuevo", m)
	}
}

func TestInboxWriteRightFirstTime(t *testing.T) {
	d := inboxDriver(t, "en", "correo-escribir", "escribir")
	d.keys("n", "servicios.sociales@villaejemplo.example", "tab", "tab", "Appointment with the social worker", "tab")
	// A paste with tabs, line breaks and emoji goes into the message as it is.
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("Good morning,\r\nI would like an\tappointment 🙂.\nBest wishes,\nLucía")})
	d.must("┃ Good morning,", "┃ I would like an    appointment 🙂.", "┃ Lucía")
	d.keys("tab", "tab", "enter")
	d.mustSay("✔ Well done!", "Sent! Your email has everything it needs.")
	d.must("Sent. You will find it in the Sent folder.")
	// The sent email is in Sent, and can be read.
	d.keys("tab", "down", "tab")
	d.must("To servicios.social", "Appointment with the so")
}

func TestInboxRefusesBadAddressesAndKeepsTheDraft(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	d.keys("n", "tab", "tab", "Cita", "tab", "Hola: quiero una cita.")
	// Send with To empty: a reminder, not a miss, and nothing lost.
	d.keys("tab", "tab", "enter")
	d.mustSay("Falta a quién va el correo. Escribe la dirección en Para.", "No se ha enviado.")
	d.must("! Para:", "Asunto:   Cita", "┃ Hola: quiero una cita.")
	if len(d.answers()) != 0 {
		t.Fatalf("an empty To was counted: %+v", d.answers())
	}
	// The focus is back on To: type an address without @.
	d.keys("servicios.sociales.villaejemplo.example", "tab", "luis", "tab", "tab", "tab", "tab", "enter")
	d.mustSay("le falta la arroba (@)", "AltGr")
	if m := d.lastMistake(); m != "to:no-at" {
		t.Fatalf("mistake = %q, want to:no-at", m)
	}
	d.must("┃ Hola: quiero una cita.")
	// Mend To; now Cc is the problem.
	d.keys("home")
	for range len("servicios.sociales.villaejemplo.example") {
		d.keys("delete")
	}
	d.keys("servicios.sociales@villaejemplo.example", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
	d.must("▶ Asunto:")
	d.keys("tab", "tab", "tab", "enter")
	d.mustSay("A «luis» le falta la arroba")
	if m := d.lastMistake(); m != "cc:no-at" {
		t.Fatalf("mistake = %q, want cc:no-at", m)
	}
	// Without the Cc, it goes.
	ex := d.inbox()
	ex.Form.Inputs[inbox.FieldCc].SetValue("")
	ex.Form.FocusOn(inbox.BtnSend)
	d.keys("enter")
	d.mustSay("Lo tienes en la carpeta Enviados")
}

// Every address problem the form refuses has its own words and its own id.
func TestInboxEveryRefusedAddressSaysWhy(t *testing.T) {
	tests := []struct{ to, cc, say, mistake string }{
		{"servicios sociales@villaejemplo.example", "", "tiene un espacio", "to:space"},
		{"servicios.sociales@@villaejemplo.example", "", "tiene más de una arroba", "to:many-at"},
		{"@villaejemplo.example", "", "no tiene nada antes de la arroba", "to:no-user"},
		{"servicios.sociales@", "", "no tiene nada después de la arroba", "to:no-domain"},
		{"servicios..sociales@villaejemplo.example", "", "sobra un punto", "to:dots"},
		{"servicios.sociales@villaejemplo", "", "le falta el final con un punto", "to:no-dot"},
		{"<servicios.sociales@villaejemplo.example", "", "tiene signos que una dirección de correo no lleva", "to:invalid"},
		{"servicios.sociales@villaejemplo.example", "andres prueba@correo.example", "tiene un espacio", "cc:space"},
	}
	for _, tt := range tests {
		t.Run(tt.mistake, func(t *testing.T) {
			d := inboxDriver(t, "es", "correo-escribir", "escribir")
			d.keys("n")
			ex := d.inbox()
			ex.Form.Inputs[inbox.FieldTo].SetValue(tt.to)
			ex.Form.Inputs[inbox.FieldCc].SetValue(tt.cc)
			ex.Form.Body.SetValue("Hola: quiero una cita.")
			ex.Form.FocusOn(inbox.BtnSend)
			d.keys("enter")
			d.mustSay(tt.say, "No se ha enviado.")
			if m := d.lastMistake(); m != tt.mistake {
				t.Fatalf("mistake = %q, want %q", m, tt.mistake)
			}
			d.must("┃ Hola: quiero una cita.")
		})
	}
}

func TestInboxEscAsksBeforeThrowingADraftAway(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	// An empty form closes without asking.
	d.keys("n", "esc")
	d.must("[N] Nuevo")
	d.mustNot("Correo nuevo", "¿Borrar el borrador?")

	d.keys("n", "tab", "tab", "tab", "Un mensaje muy largo que no quiero perder")
	d.keys("esc")
	d.must("¿Borrar el borrador?", "Seguir escribiendo", "Borrar el borrador")
	if !d.player().WantsEsc() {
		t.Fatal("Esc would go home with a dialog open")
	}
	d.keys("esc") // Esc closes the question: keep writing
	d.mustNot("¿Borrar el borrador?")
	d.must("Un mensaje muy largo que no quiero perder")
	d.keys("esc", "enter") // "Seguir escribiendo" is the first, safe button
	d.must("Un mensaje muy largo que no quiero perder")
	// Discard with the button.
	d.keys("tab", "tab", "tab")
	d.must("▶ [ Descartar ]")
	d.keys("enter")
	d.must("¿Borrar el borrador?")
	d.keys("down", "enter")
	d.must("Has borrado el borrador.", "[N] Nuevo")
	d.mustNot("Un mensaje muy largo")
	// Now Esc leaves the lesson, as on every step.
	d.keys("esc")
	d.must("¿Qué practicamos hoy?")
}

func TestInboxReplyWithAnAttachment(t *testing.T) {
	d := inboxDriver(t, "es", "correo-responder", "responder-adjuntar")
	d.keys("r") // reply to the selected email
	d.must("Respuesta a «Ayuda del comedor escolar»", "Para:     padron@villaejemplo.example", "Asunto:   Re: Ayuda del comedor escolar", "▶ Mensaje:")
	d.keys("Hola: os mando el certificado.", "tab")
	d.must("▶ [ Adjuntar ]")
	d.keys("enter")
	d.must("Elige el archivo que quieres adjuntar", "▶ DNI_escaneado.pdf", "240 KB", "certificado_empadronamiento.pdf", "foto_vacaciones.jpg", "2,1 MB")
	d.keys("down", "down", "enter") // the holiday photo
	d.must("Adjuntado: foto_vacaciones.jpg", "Adjuntos: 📎 foto_vacaciones.jpg")
	d.keys("tab", "enter")
	d.mustSay("Has adjuntado una foto de tus vacaciones.")
	if m := d.lastMistake(); m != "adjunto:foto" {
		t.Fatalf("mistake = %q, want adjunto:foto", m)
	}
	// Reply again: the photo taken off, the certificate on.
	d.keys("r", "Hola: aquí va.", "tab", "enter", "down", "enter")
	d.must("Adjuntos: 📎 certificado_empadronamiento.pdf")
	d.keys("enter", "down", "enter") // from the certificate, attached: attach the photo…
	d.must("Adjuntos: 📎 certificado_empadronamiento.pdf, 📎 foto_vacaciones.jpg")
	d.keys("enter") // the picker opens on the first file attached
	d.must("▶ certificado_empadronamiento.pdf", "(adjunto)", "  foto_vacaciones.jpg")
	d.mustNot("[x]", "[ ]")
	d.keys("down")
	d.keys("enter") // …and take it off again
	d.must("Quitado: foto_vacaciones.jpg")
	d.keys("tab", "enter")
	d.mustSay("✔ ¡Bien!", "Has respondido al Ayuntamiento con el documento que te pedía.")
}

// Cancel in the attach picker is reachable by keyboard (Tab), with focus
// shown, as every button of the file picker is.
func TestInboxPickerCancelByKeyboard(t *testing.T) {
	d := inboxDriver(t, "es", "correo-responder", "responder-adjuntar")
	d.keys("r", "Hola.", "tab", "enter")
	d.must("Elige el archivo que quieres adjuntar", "  [ Cancelar ]")
	d.keys("tab", "tab", "tab")
	d.must("▶ [ Cancelar ]")
	d.keys("enter")
	d.mustNot("Elige el archivo", "Adjuntado:")
	d.must("▶ [ Adjuntar ]")
}

func TestInboxReplyMistakes(t *testing.T) {
	d := inboxDriver(t, "en", "correo-responder", "responder-adjuntar")
	// A new email instead of a reply.
	d.keys("n", "padron@villaejemplo.example", "tab", "tab", "Certificate", "tab", "Hello", "tab", "tab", "enter")
	d.mustSay("Use Reply (R) on the town hall's email.")
	// A reply to the wrong email.
	d.keys("down", "r", "Hello", "tab", "tab", "enter")
	d.mustSay("You did it with the email 'Holiday photos'.")
	if m := d.lastMistake(); m != "responder:other" {
		t.Fatalf("mistake = %q, want responder:other", m)
	}
}

func TestInboxForwardWithCc(t *testing.T) {
	d := inboxDriver(t, "en", "correo-reenviar", "reenviar-cita")
	d.must("📎", "Specialist appointment")
	d.keys("f")
	d.must("Forwarding 'Specialist appointment'", "Subject:  Fwd: Specialist appointment", "(also forwarded: cita_traumatologia.pdf)", "▶ To:")
	d.keys("marta.prueba@correo.example, andres.prueba@correo.example", "tab", "tab", "tab", "tab", "tab", "enter")
	d.mustSay("Put your brother Andrés in Cc")
	if m := d.lastMistake(); m != "copia" {
		t.Fatalf("mistake = %q, want copia", m)
	}
	d.keys("f", "marta.prueba@correo.example", "tab", "andres.prueba@hotmial.com", "tab", "tab", "tab", "tab", "enter")
	d.mustSay("Did you mean andres.prueba@hotmail.com?")
	d.keys("f", "Marta <marta.prueba@correo.example>", "tab", "andres.prueba@correo.example", "tab", "tab", "tab", "tab", "enter")
	d.mustSay("✔ Well done!", "Marta has the appointment email")
	// The forwarded email carries the original and its attachment.
	d.keys("tab", "down", "tab")
	d.click("inbox-row-0")
	d.mustSay("Cc: andres.prueba@correo.example", "cita_traumatologia.pdf")
	d.keys("pgdown")
	d.mustSay("Forwarded message")
}

func TestInboxLinksAndPhishing(t *testing.T) {
	d := inboxDriver(t, "es", "correo-enganos", "mirar-enlace")
	d.keys("1")
	d.must("Abre un correo con enlaces")
	d.keys("enter", "pgdown")
	d.must("www.seg-social.es/ayudas [1]")
	d.keys("1")
	d.must("¿Adónde lleva este enlace?", "El correo pone:    www.seg-social.es/ayudas",
		"Lleva de verdad a: https://seg-social-ayudas.com/acceso",
		"                           ^^^^^^^^^^^^^^^^^^^^^",
		"La página es de:   seg-social-ayudas.com")
	// Looking is the task: done.
	d.mustSay("✔ ¡Bien!", "El correo pone seg-social.es")

	// Opening the page of a false link is a mistake of its own.
	d = inboxDriver(t, "es", "correo-enganos", "ordenar")
	for i, m := range d.inbox().Shown() {
		if m.Id == "paquete-falso" {
			d.inbox().Cursor = i
		}
	}
	d.keys("enter", "1")
	d.must("El correo pone:    Pagar ahora", "https://paquetes-entrega24.example/pago", "La página es de:   paquetes-entrega24.example", "▶ [ Volver sin abrir ]")
	d.keys("right", "enter")
	d.mustSay("Has abierto la página de paquetes-entrega24.example.", "Has abierto un enlace de un correo falso.")
	if m := d.lastMistake(); m != "enlace-falso" {
		t.Fatalf("mistake = %q, want enlace-falso", m)
	}
	// Esc goes back from a link without opening it, and says nothing.
	d.keys("1", "esc")
	d.must("[N] Nuevo")
	if n := len(d.answers()); n != 1 {
		t.Fatalf("%d answers, want 1", n)
	}
	// The real link can be opened: no mistake.
	for i, m := range d.inbox().Shown() {
		if m.Id == "ss-real" {
			d.inbox().Cursor = i
		}
	}
	d.keys("enter", "1", "tab", "enter")
	d.must("Has abierto la página de seg-social.es.")
	if n := len(d.answers()); n != 1 {
		t.Fatalf("opening a real link was counted: %+v", d.answers())
	}
}

func TestInboxSortFakeEmails(t *testing.T) {
	d := inboxDriver(t, "en", "correo-enganos", "ordenar")
	ex := d.inbox()
	d.keys("s") // the bank: fake
	d.must("⚠ Banco Ejemplo", "Marked as suspicious.")
	d.mustNot("Not yet", "Well done")
	// Deleting the real health centre email: its own words, at once.
	d.keys("down", "delete")
	d.mustSay("✗ Not yet.", "That one is real. It comes from the health centre")
	if m := d.lastMistake(); m != "era-verdad:cita" {
		t.Fatalf("mistake = %q, want era-verdad:cita", m)
	}
	// Checking now says the same thing again.
	d.keys("c")
	d.mustSay("That one is real. It comes from the health centre")
	// Get it back from the Bin.
	d.keys("tab", "down", "down", "tab")
	d.must("› Bin", "Your appointment remind", "[Del] Restore")
	d.keys("delete")
	d.must("Restored. It is back in Inbox.")
	d.keys("tab", "up", "up", "tab")
	// Mark the two other fakes: the last one solves the step.
	for _, id := range []string{"paquete-falso", "ss-falso"} {
		for i, m := range ex.Shown() {
			if m.Id == id {
				ex.Cursor = i
			}
		}
		d.keys("s")
	}
	d.mustSay("✔ Well done!", "You found the 3 fake emails")
	if n := len(d.answers()); n != 3 {
		t.Fatalf("%d answers stored, want 3 (the deletion, the check, the last mark)", n)
	}
}

func TestInboxMouse(t *testing.T) {
	d := inboxDriver(t, "es", "correo-responder", "responder-adjuntar")
	d.click("inbox-row-0")
	d.must("De:     Ayuntamiento de Villaejemplo")
	d.click("inbox-act-reply")
	d.must("Respuesta a «Ayuda del comedor escolar»")
	d.click("inbox-field-3")
	d.keys("Hola")
	d.click("inbox-btn-attach")
	d.must("Elige el archivo")
	d.click("files-file-1") // one click in a picker attaches the file
	d.must("Adjuntos: 📎 certificado_empadronamiento.pdf")
	d.click("inbox-btn-send")
	d.mustSay("✔ ¡Bien!")

	d = inboxDriver(t, "es", "correo-escribir", "escribir")
	d.click("inbox-act-new")
	d.click("inbox-field-2")
	d.keys("Asunto")
	d.click("inbox-btn-discard")
	d.must("¿Borrar el borrador?")
	d.click("dlg-1")
	d.must("Has borrado el borrador.")

	d = inboxDriver(t, "es", "correo-enganos", "ordenar")
	d.click("inbox-row-4")
	d.keys("pgdown", "pgdown")
	d.click("inbox-link-0")
	d.must("¿Adónde lleva este enlace?")
	d.click("inbox-link-back")
	d.must("[N] Nuevo")
	d.click("inbox-act-report")
	d.must("Marcado como sospechoso.")
	d.click("btn-check")
	d.mustSay("Todavía queda algún correo falso sin marcar.")
}

// Huge pastes, emoji and tiny terminals: no panic, nothing drawn outside
// the screen, the body cut at its limit with a word about it.
func TestInboxBadInputAndEverySize(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	d.keys("n")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(strings.Repeat("a@b, ", 2000))})
	d.keys("tab", "tab")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(strings.Repeat("ñ👍\t", 3000))})
	d.keys("tab")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune(strings.Repeat("Hola 👋\tqué tal\r\n", 1000))})
	ex := d.inbox()
	if n := len([]rune(ex.Form.Body.Value())); n > inbox.BodyLimit {
		t.Fatalf("the body holds %d characters, over the limit of %d", n, inbox.BodyLimit)
	}
	if n := len([]rune(ex.Form.Inputs[inbox.FieldTo].Value())); n > inbox.AddressLimit {
		t.Fatalf("To holds %d characters", n)
	}
	d.mustSay("Has llegado al máximo de 5000 letras.")
	screens := map[string]func(){
		"compose": func() {},
		"dialog":  func() { d.keys("esc") },
		"picker":  func() { d.keys("esc", "tab", "enter") },
		"mail":    func() { d.keys("esc", "esc", "esc", "down", "enter") },
		"sent": func() {
			d.keys("n", "a@b.example", "tab", "tab", strings.Repeat("x", 300), "tab", "tab", "tab", "enter")
		},
	}
	for _, name := range []string{"compose", "dialog", "picker", "mail", "sent"} {
		screens[name]()
		for w := 0; w <= 130; w += 7 {
			for h := 0; h <= 44; h += 3 {
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				v := d.view()
				for i, line := range strings.Split(v, "\n") {
					if lw := tuitest.LipglossWidth(line); w > 0 && lw > w {
						t.Fatalf("%s %dx%d: line %d is %d wide: %q", name, w, h, i, lw, line)
					}
				}
				if n := strings.Count(v, "\n") + 1; h > 0 && n > h {
					t.Fatalf("%s %dx%d: %d lines", name, w, h, n)
				}
			}
		}
		d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	}
}

// What the learner writes in a practice email is never stored: only the
// ids of the rules.
func TestInboxPrivacyOnlyRuleIDsAreStored(t *testing.T) {
	d := inboxDriver(t, "es", "correo-escribir", "escribir")
	secret := "MiSecretoZanahoria"
	d.keys("n", "servicios.sociales@villaejemplo.example", "tab", "copia"+secret+"@correo.example", "tab", "Asunto"+secret, "tab", "Texto"+secret, "tab", "tab", "enter")
	d.mustSay("Empieza el mensaje con un saludo") // judged and stored as "saludo"
	d.keys("n", "dirección"+secret, "tab", "tab", "tab", "tab", "tab", "enter")
	d.mustSay("le falta la arroba")
	d.keys("esc", "down", "enter")
	d.keys("n", "servicios.sociales@villaejemplo.example", "tab", "tab", "Cita "+secret, "tab", "Hola: quiero una cita. "+secret, "tab", "tab", "enter")
	d.mustSay("✔ ¡Bien!")
	if err := d.st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{secret, "Zanahoria", "villaejemplo.example", "dirección"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the data file holds %q, which the learner typed", s)
		}
	}
	if !bytes.Contains(raw, []byte("saludo")) || !bytes.Contains(raw, []byte("to:no-at")) {
		t.Error("the rule outcomes (saludo, to:no-at) are not in the data file")
	}
}

// Caps Lock on, Ctrl+C and back: the letters still work, the draft stays.
func TestInboxCapitalKeysAndCtrlCKeepTheDraft(t *testing.T) {
	d := inboxDriver(t, "en", "correo-escribir", "escribir")
	d.keys("N")
	d.must("New email")
	d.keys("MARTA")
	d.keys("ctrl+c")
	d.must("Do you want to leave?")
	d.keys("esc")
	d.must("New email", "MARTA")
}
