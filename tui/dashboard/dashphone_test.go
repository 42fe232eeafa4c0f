package dashboard

import (
	"strings"
	"testing"
	"time"

	"aula/classroom"
	"aula/store"
)

// issue 16: the practice phone's and the file manager's outcomes say what
// the learner did, with the request, conversation or file they name, in
// both languages.
func TestDashboardPhoneAndFilesMistakeNames(t *testing.T) {
	cases := map[string][]struct{ lesson, step, id, want string }{
		"en": {
			{"dinero-confirmar-app", "comparar-pagos", "confirmar-extrano", "approved what they had not started: Banco Ejemplo · 480.00 € · TIENDA-ONLINE"},
			{"dinero-confirmar-app", "comparar-pagos", "rechazar-estufa", "refused what was theirs: Banco Ejemplo · 39.90 € · TIENDA-HOGAR"},
			{"clave-movil-aprobar", "aprobar-acceso", "aprobar-mio", "did not approve their own: Cl@ve Móvil · Social Security · 4821"},
			{"dinero-despues-estafa", "actuar", "borrar-pruebas", "deleted the evidence: ENVIOS, +34 600 000 161"},
			{"dinero-despues-estafa", "actuar", "llamar-falso", "rang +34 600 000 161, a number a message gave"},
			{"dinero-despues-estafa", "actuar", "llamar-017", "did not ring 017 Your Help in Cybersecurity"},
			{"dinero-paquete-devolucion", "borrar-sms", "abrir-paquete", "opened the link https://envios-aduana-pago.example/pagar"},
			{"dinero-pago-no-hecho", "rechazar-pago", "no-confirmar", "approved what they had not started: Banco Ejemplo · Do you confirm"},
			{"archivos-adjuntar", "elegir-certificado", "elegir:viejo", "chose another file, "},
			{"archivos-adjuntar", "elegir-certificado", "elegir", "did not choose "},
			{"archivos-guardar", "cambiar-nombre", "nombre:spaces", ": put spaces in the name"},
			{"archivos-guardar", "cambiar-nombre", "nombre", "did not rename "},
			{"dinero-confirmar-app", "comparar-pagos", "no-such-rule", "no such rule"},
		},
		"es": {
			{"dinero-confirmar-app", "comparar-pagos", "confirmar-extrano", "aprobó lo que no había empezado: Banco Ejemplo · 480,00 € · TIENDA-ONLINE"},
			{"clave-movil-aprobar", "aprobar-acceso", "rechazar-mio", "rechazó lo que sí era suyo: Cl@ve Móvil · Seguridad Social · 4821"},
			{"dinero-paquete-devolucion", "borrar-sms", "borrar", "no borró ENVIOS, HACIENDA"},
			{"archivos-guardar", "cambiar-nombre", "nombre:extension", ": cambió o quitó la extensión"},
		},
	}
	for lang, list := range cases {
		d := newDash(t, lang, liveClass(nil), 80, 24).d
		for _, c := range list {
			if got := d.MistakeName(c.lesson, c.step, c.id); !strings.Contains(got, c.want) {
				t.Errorf("%s: MistakeName(%s, %s, %s) = %q, want %q", lang, c.lesson, c.step, c.id, got, c.want)
			}
		}
	}
}

// On the learner's page the trainer reads the phone's and the file
// manager's mistakes in words, not rule ids.
func TestDashboardDetailShowsPhoneAndFilesOutcomes(t *testing.T) {
	for _, c := range []struct{ lang, phone, files string }{
		{"en", "Mistakes: approved what they had not started: Banco Ejemplo · 480.00 € · TIENDA-ONLINE", "put spaces in the name ×1"},
		{"es", "Errores: aprobó lo que no había empezado: Banco Ejemplo · 480,00 € · TIENDA-ONLINE", "puso espacios en el nombre ×1"},
	} {
		src := liveClass(flagRows())
		det := luciaDetail()
		det.Lessons = []classroom.LessonDetail{{
			Lesson: "dinero-confirmar-app", Status: store.InProgress, Total: 3 * time.Minute,
			Steps: []classroom.StepDetail{{Step: "comparar-pagos", Index: 0, Attempts: 3, Misses: 2, Time: 2 * time.Minute,
				Mistakes: map[string]int{"confirmar-extrano": 2}}},
		}, {
			Lesson: "archivos-guardar", Status: store.InProgress, Total: time.Minute,
			Steps: []classroom.StepDetail{{Step: "cambiar-nombre", Index: 1, Attempts: 2, Misses: 1, Time: time.Minute,
				Mistakes: map[string]int{"nombre:spaces": 1}}},
		}}
		src.details[1] = det
		dd := newDash(t, c.lang, src, 160, 40)
		dd.keys("enter")
		dd.must(c.phone, c.files)
		dd.mustNot("confirmar-extrano", "nombre:spaces")
	}
}
