package tui

import (
	"testing"

	"aula/tui/internal/tuitest"
)

// The practice phone in accessible mode: the list, a conversation read
// out, a wrong reply said at once, a typed reply, a call and a block.
func TestLinesChat(t *testing.T) {
	l := tuitest.Library(t).Catalog("es").Lessons["dinero-hijo-numero-nuevo"]
	at := l.StepIndex("comprobar")
	if at < 0 || l.Steps()[at].Kind != "chat" {
		t.Fatal("dinero-hijo-numero-nuevo has no chat step comprobar")
	}
	st := openStore(t, t.TempDir())
	defer st.Close()
	learnerAt("dinero-hijo-numero-nuevo", len(l.Steps()), at)(t, st)
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "dinero-hijo-numero-nuevo"})
	s.expect("Tienes 2 conversaciones en el teléfono:\n1. +34 600 000 101 (Número desconocido): Es urgente. Mira, la factura está aquí. 10:04.\n2. Dani (hijo) (Contacto)")
	s.send("comprobar")
	s.expect("Primero haz en el teléfono lo que pide este paso. Luego escribe comprobar.")
	s.send("1")
	s.expect("Conversación con +34 600 000 101 (Número desconocido).\nRecibido, 10:02: Hola mamá, se me ha roto el móvil.")
	s.expect("Enlace 1: https://factura-pendiente.example/pago")
	s.expect("Respuestas que puedes enviar, por su número:\n1. Vale, hijo. Ahora te lo mando.\n2. ¿Quién eres? Dani no me escribe así.")
	s.expect("escribir y tu respuesta")
	s.expect("bloquear: Bloquear y reportar")
	s.send("1")
	s.expect("Ibas a mandar dinero a un número que no conoces.")
	s.send("escribir ¿Cómo se llama tu perro?")
	s.expect("Enviado: ¿Cómo se llama tu perro?")
	s.send("volver")
	s.expect("Tienes 2 conversaciones en el teléfono:")
	s.send("2")
	s.expect("Conversación con Dani (hijo), 600 000 102 (Contacto).")
	s.send("llamada")
	s.expect("Dani contesta: «Mamá, mi móvil va bien. Yo no te he escrito». Era un engaño.")
	s.send("volver")
	s.send("1")
	s.send("bloquear")
	s.expect("¡Bien!")
}

// issue 16: a Cl@ve Móvil approval in accessible mode: the notifications
// said first, a request's details read out, refusing one's own said at
// once, and "aprobar" as a word for confirming.
func TestLinesApproval(t *testing.T) {
	l := tuitest.Library(t).Catalog("es").Lessons["clave-movil-aprobar"]
	at := l.StepIndex("aprobar-acceso")
	st := openStore(t, t.TempDir())
	defer st.Close()
	learnerAt("clave-movil-aprobar", len(l.Steps()), at)(t, st)
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "clave-movil-aprobar"})
	s.expect("Tienes 3 conversaciones en el teléfono:\nNotificación nueva en la conversación 1. Cl@ve Móvil: Seguridad Social · 4821.\nNotificación nueva en la conversación 2. Cl@ve Móvil: Agencia Tributaria · 7730.")
	s.send("1")
	s.expect("Conversación con Cl@ve Móvil (App de confirmación).")
	s.expect("¿Quieres acceder a este servicio con tu Cl@ve?\nCompara con lo que has hecho tú:\nOrganismo: Seguridad Social.\nCódigo: 4821.")
	s.expect("confirmar: Aprobar\nrechazar: Rechazar")
	s.send("rechazar")
	s.expect("Ese aviso sí es tuyo.")
	s.send("aprobar")
	s.expect("Has aprobado la solicitud.")
	s.send("volver")
	s.send("2")
	s.send("rechazar")
	s.expect("¡Bien!")
}
