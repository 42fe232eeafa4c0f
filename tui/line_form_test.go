package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aula/lessons"
	formjudge "aula/lessons/kinds/form"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/form"
	"aula/tui/ui"
)

// formAt opens lesson id at its form step in accessible mode, in lang.
func formAt(t *testing.T, id, lang string) (*lineSession, string) {
	t.Helper()
	at := firstOfKind(t, id, "form")
	l, _ := tuitest.Library(t).Catalog("es").Lesson(id)
	dir := t.TempDir()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	learnerAt(id, len(l.Steps()), at)(t, st)
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
	s.expect("Escribe el número de un dato para rellenarlo, o presentar para enviar el formulario.")

	s.send("presentar")
	s.expect("Hay 5 datos que corregir:\n1. Nombre: Este dato es obligatorio. Escríbelo aquí.\n")
	s.expect("4. Dónde lo recoges: Elige una opción: escribe el número de este dato y después el de la opción.\n")
	s.expect("6. He leído las normas de la biblioteca y las acepto: Para seguir, tienes que aceptarlo: escribe el número de este dato y después sí.\n")

	s.send("1")
	s.expect("Nombre: escríbelo y pulsa Intro.")
	s.send("Lucía")
	s.expect("Nombre. Ahora pone: Lucía.")
	s.send("2", "Prueba Ejemplo", "3", "lucia.prueba correo.example")
	s.expect("Correo electrónico. Ahora pone: lucia.prueba correo.example.\nError: Un correo no lleva espacios.")
	s.send("3")
	s.expect("ahora pone «lucia.prueba correo.example». Escribe otra cosa, o borrar para dejarlo vacío, o pulsa Intro para dejarlo así.")
	s.send("borrar")
	s.expect("Ahora está vacío.")
	s.send("3")
	s.expect("Correo electrónico: escríbelo y pulsa Intro.") // asked as an empty field

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

// lineClock is a fake clock the test moves while the runner reads it.
type lineClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *lineClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *lineClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func formAtWith(t *testing.T, id string, cfg Config) (*lineSession, string) {
	t.Helper()
	at := firstOfKind(t, id, "form")
	l, _ := tuitest.Library(t).Catalog("es").Lesson(id)
	dir := t.TempDir()
	st := openStore(t, dir)
	t.Cleanup(func() { st.Close() })
	learnerAt(id, len(l.Steps()), at)(t, st)
	cfg.StartLesson = id
	return startLineSession(t, st, cfg), dir
}

var smsCode = regexp.MustCompile(`es ([A-Z0-9]+)\. Caduca a las`)

// The Cl@ve PIN: the SMS is said; once it expires (on the form's own
// timer) that is said too, Next says the form's error, and a new code
// works.
func TestLinesFormCodeExpires(t *testing.T) {
	clk := &lineClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	s, _ := formAtWith(t, "clave-pin", Config{Lang: "es", Now: clk.Now})
	s.expect("Página 1 de 2: Identifícate.\n1. DNI o NIE. Obligatorio. Vacío.\n")
	s.send("1", "12345678Z", "2", "20/06/2033", "siguiente")
	s.expect("Página 2 de 2: Escribe el PIN.\nTe hemos enviado un PIN al móvil. Escríbelo aquí.\n1. PIN. Obligatorio. Vacío.")
	said := s.expect("Caduca a las 10:10.")
	old := smsCode.FindStringSubmatch(said)
	if old == nil {
		t.Fatalf("no code in %q", said)
	}
	clk.Advance(11 * time.Minute)
	s.expect("Este código ha caducado. Para pedir otro código, escribe nuevo.")
	s.send("1", old[1], "siguiente")
	s.expect("Hay 1 dato que corregir:\n1. PIN: El código ha caducado: solo vale unos minutos. Escribe nuevo para pedir otro.")
	s.send("nuevo")
	said = s.expect("Caduca a las 10:21.")
	code := smsCode.FindStringSubmatch(said)
	if code == nil || code[1] == old[1] {
		t.Fatalf("no new code in %q", said)
	}
	s.send("1", strings.ToLower(code[1]), "presentar")
	s.expect("¡Bien!")
	s.expect("Te has identificado.")
}

// The session ends after 5 minutes without a line: it is said, the page's
// answers are gone, and Enter signs in again.
func TestLinesFormSessionTimeout(t *testing.T) {
	clk := &lineClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	s, dir := formAtWith(t, "ingreso-minimo-vital", Config{Lang: "es", Now: clk.Now})
	s.expect("Página 1 de 6: Datos personales.")
	s.send("1", "Lucía")
	s.expect("Nombre. Ahora pone: Lucía.")
	clk.Advance(6 * time.Minute)
	s.send("2")
	s.expect("Tu sesión ha caducado.\nPor seguridad, la web cierra la sesión si pasan 5 minutos sin tocar nada.\nSe ha borrado lo que escribiste en la página «Datos personales».")
	s.expect("Pulsa Intro para volver a entrar.")
	s.send("")
	s.expect("Página 1 de 6: Datos personales.\n1. Nombre. Obligatorio. Vacío.")
	raw, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("session.timeout")) {
		t.Error("the timeout was not recorded as an outcome")
	}
}

// fillPage fills page i of fm with its sample answer a, by lines.
func fillPage(t *testing.T, s *lineSession, fm *formjudge.Form, a formjudge.Answer, i int, now time.Time) {
	t.Helper()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	n := 0
	fill := func(f *formjudge.Field, path string) {
		n++
		v := a.Values[path]
		if v == "" && f.Kind != "check" {
			return
		}
		s.send(strconv.Itoa(n))
		switch f.Kind {
		case "text", "date":
			s.send(v)
		case "select", "radio":
			s.send(strconv.Itoa(slices.IndexFunc(f.Options, func(o *formjudge.FieldOption) bool { return o.ID == v }) + 1))
		case "file":
			s.send(strconv.Itoa(slices.IndexFunc(fm.Files, func(p *formjudge.PracticeFile) bool { return p.ID == v }) + 1))
		case "check":
			s.send(map[bool]string{true: "sí", false: "no"}[v == "yes"])
		case "day":
			d, _ := time.Parse("2006-01-02", v)
			s.send(strconv.Itoa(int(d.Sub(today).Hours()/24 + 0.5)))
		default:
			t.Fatalf("no way to fill %s", f.Kind)
		}
	}
	for _, f := range fm.Pages[i].Fields {
		if f.Kind != "group" {
			fill(f, f.ID)
			continue
		}
		for k := 0; k < a.Items[f.ID]; k++ {
			for _, sub := range f.Fields {
				fill(sub, formjudge.ItemPath(f.ID, k, sub.ID))
			}
		}
	}
}

// The Ingreso Mínimo Vital: a person added to the household and removed,
// a document that is not accepted, the review with "change", and the
// receipt with its number, date and documents.
func TestLinesFormReviewGroupFiles(t *testing.T) {
	s, dir := formAt(t, "ingreso-minimo-vital", "es")
	l, _ := tuitest.Library(t).Catalog("es").Lesson("ingreso-minimo-vital")
	fm := l.Steps()[firstOfKind(t, "ingreso-minimo-vital", "form")].Exercise.(*formjudge.Form)
	now := time.Now()
	a := fm.SampleAnswer(now)
	s.expect("Página 1 de 6")
	fillPage(t, s, fm, a, 0, now)
	s.send("siguiente")
	s.expect("Página 2 de 6")
	fillPage(t, s, fm, a, 1, now)
	s.send("siguiente")
	s.expect("Página 3 de 6: Tu hogar.")
	s.send("quitar 1")
	s.expect("Todavía no has añadido a nadie.")
	s.send("añadir", "añadir")
	s.expect("Añadido: Persona 2.")
	s.send("quitar 2")
	s.expect("Quitado: Persona 2. Así queda la página:")
	s.send("quitar 5")
	s.expect("Escribe quitar 1.")
	fillPage(t, s, fm, a, 2, now)
	s.send("siguiente")
	s.expect("Página 4 de 6")
	fillPage(t, s, fm, a, 3, now)
	s.send("siguiente")
	s.expect("Página 5 de 6: Documentos.")
	s.send("archivo 1")
	s.expect("Primero escribe el número del documento que quieres adjuntar.")
	s.send("1")
	s.expect("Carpeta: Documentos\n1. ")
	s.expect("Escribe el número del archivo.")
	s.send("archivo 99")
	s.expect("No hay ninguna opción «99». Escribe un número del 1 al")
	// A file over the field's limit is refused in the picker's words, as
	// the file manager refuses it; the field stays empty.
	s.send("archivo 2")
	s.expect("No se puede adjuntar DNI_escaneado_alta_calidad.pdf. Pesa 12,5 MB y el límite es 5 MB. Busca un archivo más pequeño.")
	s.send("presentar")
	s.expect("Todavía no puedes enviar")
	fillPage(t, s, fm, a, 4, now)
	s.send("siguiente")
	s.expect("Página 6 de 6")
	fillPage(t, s, fm, a, 5, now)
	s.send("siguiente")
	s.expect("Revisa tus datos.\n")
	s.expect("1. Datos personales.\nNombre: Lucía\n")
	s.expect("Persona 1: Mario, ")
	s.send("cambiar 1")
	s.expect("Página 1 de 6: Datos personales.")
	s.expect("o siguiente para guardar y volver al resumen.")
	s.send("siguiente")
	s.expect("Revisa tus datos.")
	s.send("presentar")
	s.expect("¡Bien!")
	s.expect("Solicitud presentada.\nNúmero de registro: IMV-")
	s.expect("Documentos: DNI_Lucia_Prueba.pdf, ")
	plainText(t, s.out.String())
	if os.Getenv("AULA_SHOW") != "" {
		t.Log(s.out.String())
	}
	raw, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	raw = withoutTimes(raw)
	for _, typed := range []string{"ES91", "12345678Z", "Prueba Ejemplo", "28999"} {
		if bytes.Contains(raw, []byte(typed)) {
			t.Errorf("the data file holds %q, typed as practice", typed)
		}
	}
}

// The cita previa: the calendar's days numbered with whether they have
// appointments, a full day and a full time refused by the form, then a
// free day and time.
func TestLinesFormCalendar(t *testing.T) {
	clk := &lineClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)} // a Monday
	s, _ := formAtWith(t, "cita-previa", Config{Lang: "es", Now: clk.Now})
	s.expect("Página 1 de 3: Oficina y trámite.")
	s.send("1", "2", "2", "1", "siguiente")
	s.expect("Página 2 de 3: Día y hora.\n1. Día. Obligatorio. Vacío.\n2. Hora. Obligatorio. Vacío.\n")
	s.send("1")
	s.expect("1. martes, 3 de marzo de 2026: no quedan citas\n")
	s.expect("5. sábado, 7 de marzo de 2026: no hay atención\n")
	s.expect("Escribe el número del día.")
	s.send("1")
	s.expect("Error: Ese día ya no quedan citas. Elige un día con citas libres.")
	s.send("1", "😀", "1", "22", "4")
	s.expect("Día. Ahora pone: viernes, 6 de marzo de 2026.")
	s.send("2")
	s.expect("1. 09:00 (completo)\n2. 09:30\n")
	s.send("1")
	s.expect("Error: Esa opción está completa. Elige otra.")
	s.send("siguiente") // the full time was not chosen: the time is still empty
	s.expect("Hay 1 dato que corregir:\n2. Hora: Elige una opción")
	s.send("2", "2", "siguiente")
	s.expect("Página 3 de 3: Tus datos.")
	l, _ := tuitest.Library(t).Catalog("es").Lesson("cita-previa")
	fm := l.Steps()[firstOfKind(t, "cita-previa", "form")].Exercise.(*formjudge.Form)
	s.send("1", strings.Repeat("9", 10000))
	s.expect("DNI o NIE. Ahora pone: 9999")
	s.send("siguiente")
	s.expect("datos que corregir:\n1. DNI o NIE: ")
	fillPage(t, s, fm, fm.SampleAnswer(clk.Now()), 2, clk.Now())
	s.send("siguiente")
	s.expect("Revisa tus datos.")
	s.expect("Día: viernes, 6 de marzo de 2026\nHora: 09:30\n")
	s.send("cambiar 9")
	s.expect("No hay ninguna opción «9». Escribe un número del 1 al 3.")
	s.send("presentar")
	s.expect("¡Bien!")
	plainText(t, s.out.String())
}

// The warning before the session ends is said once, in words for typing.
func TestLinesFormTimeoutWarning(t *testing.T) {
	clk := &lineClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	l, _ := tuitest.Library(t).Catalog("es").Lesson("ingreso-minimo-vital")
	c := ui.NewCommon("es", nil, clk.Now)
	s := l.Steps()[firstOfKind(t, "ingreso-minimo-vital", "form")]
	a := form.NewFormLines(c, s, form.NewFormExercise(c, s)).(*form.FormLines)
	if news := a.LineNews(); len(news) != 0 {
		t.Fatalf("news at the start: %+v", news)
	}
	clk.Advance(4*time.Minute + 30*time.Second)
	news := a.LineNews()
	if len(news) != 1 || news[0].Text != "Tu sesión se cierra en 0:30. Escribe cualquier cosa y pulsa Intro para seguir." {
		t.Fatalf("news: %+v", news)
	}
	clk.Advance(time.Second)
	if again := a.LineNews(); len(again) != 1 || again[0].ID != news[0].ID {
		t.Fatalf("the warning is said again as new: %+v", again)
	}
	a.Line("1") // any line keeps the session
	if news := a.LineNews(); len(news) != 0 {
		t.Fatalf("news after a line: %+v", news)
	}
}

// In English; leaving a form with answers typed asks first, as Esc does.
func TestLinesFormEnglishAndLeaving(t *testing.T) {
	s, _ := formAt(t, "primer-formulario", "en")
	s.expect("PRACTICE: ")
	s.expect("1. ")
	s.expect("Required. Empty.")
	s.send("help")
	s.expect("A number: choose that item.")
	s.send("send")
	s.expect("things to fix:\n1. ")
	s.send("1", "Lucía")
	s.expect("It says: Lucía.")
	s.send("back")
	s.expect("1. ")
	s.expect("2. ")
	s.expect("Type the number and press Enter.")
	s.send("1")
	s.expect("Type the number of an item to fill it in, or submit to send the form.")
	s.send("back", "2")
	s.expect("Hello, Lucía")
	if os.Getenv("AULA_SHOW") != "" {
		t.Log(s.out.String())
	}
}

// No line, in any state of any built-in form, makes the adapter panic.
func FuzzFormLines(f *testing.F) {
	for _, seed := range []string{"", "1\nLucía", "siguiente", "4\n2\n6\nsí\npresentar", "añadir\nquitar 1\nquitar 0",
		"archivo 1\n1\n99", "cambiar 1", "atrás\n2", "😀\n\t\n-1\n0\n1e9", strings.Repeat("ñ", 10000), "nuevo\n1\nAAA\nsiguiente"} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(3))
	}
	lib := tuitest.Library(f)
	var forms []*lessons.Step
	for _, l := range lib.Catalog("es").AllLessons() {
		for _, s := range l.Steps() {
			if s.Kind == "form" {
				forms = append(forms, s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, input string, which uint8) {
		clk := &lineClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
		c := ui.NewCommon("es", lib, clk.Now)
		s := forms[int(which)%len(forms)]
		a := form.NewFormLines(c, s, form.NewFormExercise(c, s)).(*form.FormLines)
		for _, line := range strings.Split(input, "\n") {
			a.Line(line)
			a.Describe()
			a.Prompt()
			a.LineNews()
			a.LineCommands()
			if a.E.TakeCheck() != nil {
				a.E.SetDone(true)
			}
			a.E.TakeOutcomes()
			clk.Advance(time.Minute)
		}
	})
}

// A file over the upload's limit, as lines: the picker refuses it with
// the sizes and the lesson's own words for it (requerimiento names the
// file to choose instead); the field stays empty, so Next says what is
// missing; the right file then goes in.
func TestLinesFormFileTooBigInTheLessonsWords(t *testing.T) {
	s, _ := formAt(t, "requerimiento", "es")
	l, _ := tuitest.Library(t).Catalog("es").Lesson("requerimiento")
	fm := l.Steps()[firstOfKind(t, "requerimiento", "form")].Exercise.(*formjudge.Form)
	now := time.Now()
	a := fm.SampleAnswer(now)
	s.expect("Página 1 de 2")
	fillPage(t, s, fm, a, 0, now)
	s.send("siguiente")
	s.expect("Página 2 de 2: Documentos.")
	big := slices.IndexFunc(fm.Files, func(p *formjudge.PracticeFile) bool { return p.ID == "padron-grande" }) + 1
	s.send("2", strconv.Itoa(big))
	s.expect("No se puede adjuntar Empadronamiento_foto_movil.pdf. Pesa 14,8 MB y el límite es 5 MB. " +
		"Ese archivo pesa más de 5 MB. Elige Certificado_empadronamiento.pdf, que pesa 180 KB.")
	s.send("siguiente")
	s.expect("2. Archivo: Falta este documento.")
	fillPage(t, s, fm, a, 1, now)
	s.expect("Archivo. Ahora pone: Certificado_empadronamiento.pdf")
	s.send("siguiente")
	s.expect("Revisa tus datos.")
	s.send("presentar")
	s.expect("¡Bien!")
}
