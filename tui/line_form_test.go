package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aula/store"
)

// formAt opens lesson id at its form step in accessible mode, in lang.
func formAt(t *testing.T, id, lang string) (*lineSession, string) {
	t.Helper()
	at := firstOfKind(t, id, "form")
	l, _ := library(t).Catalog("es").Lesson(id)
	dir := t.TempDir()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	learnerAt(id, len(l.Steps), at)(t, st)
	return startLineSession(t, st, Config{Lang: lang, StartLesson: id}), dir
}

// The library card form of primer-formulario, as lines: the card, the page
// with its fields numbered, a blocked Next said as the form's own error
// summary, each field set by number, then sent and the receipt said.
func TestLinesFormFirstForm(t *testing.T) {
	s, dir := formAt(t, "primer-formulario", "es")
	s.expect("PRÁCTICA: biblioteca.villaejemplo.example, Carné de la biblioteca.\nFicha de Lucía.\nDatos inventados para practicar.\nNombre: Lucía\n")
	s.expect("Página 1 de 1: Pide tu carné.\n1. Nombre. Obligatorio. Vacío.\n2. Apellidos. Obligatorio. Vacío.\n")
	s.expect("3. Correo electrónico. Obligatorio. Vacío. Te mandaremos aquí el aviso para recoger el carné.\n")
	s.expect("5. Teléfono (opcional). Vacío.\n6. He leído las normas de la biblioteca y las acepto. Obligatorio. Sin marcar.\n")
	s.expect("Escribe el número de un dato para rellenarlo, o presentar para seguir.")

	s.send("presentar")
	s.expect("Hay 5 datos que corregir:\n1. Nombre: Este dato es obligatorio. Escríbelo aquí.\n")
	s.expect("4. Dónde lo recoges: Elige una opción: escribe el número de este dato y después el de la opción.\n")
	s.expect("6. He leído las normas de la biblioteca y las acepto: Para seguir, tienes que aceptarlo: escribe el número de este dato y después sí.\n")

	s.send("1")
	s.expect("Escribe Nombre y pulsa Intro.")
	s.send("Lucía")
	s.expect("Nombre. Ahora pone: Lucía.")
	s.send("2", "Prueba Ejemplo", "3", "lucia.prueba correo.example")
	s.expect("Correo electrónico. Ahora pone: lucia.prueba correo.example.\nError: Un correo no lleva espacios.")
	s.send("3")
	s.expect("ahora pone «lucia.prueba correo.example». Escribe otra cosa, o pulsa Intro para dejarlo así.")
	s.send("lucia.prueba@correo.example")
	s.expect("Correo electrónico. Ahora pone: lucia.prueba@correo.example.\n")
	s.send("4")
	s.expect("1. Biblioteca Central · Plaza Mayor, 1\n2. Biblioteca Norte · Calle Nueva, 8\n")
	s.send("7")
	s.expect("No hay ninguna opción «7». Escribe un número del 1 al 3.")
	s.send("2")
	s.expect("Dónde lo recoges. Ahora pone: Biblioteca Norte · Calle Nueva, 8.")
	s.send("9")
	s.expect("No hay ningún dato 9. Escribe un número del 1 al 6.")
	s.send("", strings.Repeat("ñ😀", 5000), "quitar 7", "cambiar 2", "archivo 1")
	s.send("ficha")
	s.expect("Fin de la ficha.")
	s.send("6")
	s.expect("¿Lo aceptas? Escribe sí o no.")
	s.send("sí")
	s.expect("He leído las normas de la biblioteca y las acepto. Marcada.")
	s.send("presentar")
	s.expect("¡Bien!")
	s.expect("Solicitud enviada.\nFecha y hora: ")
	s.expect("Cuando el carné esté listo, te llegará un correo.")
	s.send("")
	s.expect("Paso 7 de 8")
	plainText(t, s.out.String())

	raw, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"Prueba Ejemplo", "lucia.prueba", "correo.example"} {
		if bytes.Contains(raw, []byte(typed)) {
			t.Errorf("the data file holds %q, typed as practice", typed)
		}
	}
	if !bytes.Contains(raw, []byte("nombre.required")) {
		t.Error("the blocked Next's mistakes were not recorded")
	}
}
