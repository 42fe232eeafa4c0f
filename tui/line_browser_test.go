package tui

import (
	"testing"
)

// In accessible mode the word "back" in the practice browser goes to the
// page before, as the lesson tells the learner; on the first page it
// leaves the lesson, as everywhere. A page without links says what can be
// typed there instead of "a number from 1 to 0".
func TestLinesBrowserBackWordGoesBackAPage(t *testing.T) {
	st := openStore(t, t.TempDir())
	defer st.Close()
	learnerAt("leer-dominio", 5, 0)(t, st)
	s := startLineSession(t, st, Config{Lang: "es", StartLesson: "leer-dominio"})
	s.expect("Escribe un número del 1 al 3, o ver y un número.")
	s.send("ver 1", "1")
	s.expect("Página: Solicitud del Ingreso Mínimo Vital")
	s.expect("Esta página no tiene enlaces. Escribe volver para ir a la anterior, o comprobar.")
	s.send("2")
	s.expect("Esta página no tiene enlaces.")
	s.send("volver")
	s.expect("Página: ingreso mínimo vital sede electrónica - Buscador")
	s.expect("Escribe un número del 1 al 3, o ver y un número.")
	s.send("volver")
	s.expect("Inicio. Hola,")
}
