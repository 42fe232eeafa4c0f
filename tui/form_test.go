package tui

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"aula/i18n"
	"aula/lessons/validate"
	"aula/store"
	"aula/tui/internal/tuitest"
	"aula/tui/kinds/form"
	"aula/tui/player"
	"aula/tui/ui"
)

// formDriver opens lesson for a learner and goes on to its first form step.
func formDriver(t *testing.T, lang, lesson string) *driver {
	t.Helper()
	st := openStore(t, t.TempDir())
	t.Cleanup(func() { st.Close() })
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, lang, lesson)
	d.toForm()
	return d
}

// toForm answers the steps before the lesson's first form step. It fails,
// never loops for ever, when a step does not go on.
func (d *driver) toForm() {
	d.t.Helper()
	for range 50 {
		if d.player().Step().Kind == "form" {
			return
		}
		if d.player().Step().NeedsAnswer() {
			d.answerRight()
		}
		d.keys("enter")
	}
	d.t.Fatalf("no form step reached:\n%s", d.view())
}

func (d *driver) form() *form.FormExercise {
	d.t.Helper()
	f, ok := d.player().Ex.(*form.FormExercise)
	if !ok {
		d.t.Fatalf("not on a form step:\n%s", d.view())
	}
	return f
}

// special sends keys the driver has no name for.
func (d *driver) special(types ...tea.KeyType) {
	d.t.Helper()
	for _, k := range types {
		d.send(tea.KeyMsg{Type: k})
	}
}

// imvPage are the keys that fill page n (1 to 6) of the application with
// Lucía's details and press Next, starting with the focus on its first field.
func imvPage(n int) []string {
	switch n {
	case 1:
		return []string{"Lucía", "enter", "Prueba Ejemplo", "enter", "12345678Z", "enter", "15/04/1978", "enter", "600 000 000", "enter", "enter", "enter"}
	case 2:
		return []string{"Calle del Ejemplo, 12, 3.º B", "enter", "28999", "enter", "Villaejemplo", "enter", "m", "enter", "tab", "enter"}
	case 3:
		return []string{"enter", "Mario", "enter", "Prueba Ejemplo", "enter", "14/05/2014", "enter", "enter", "enter", "tab", "enter", "enter"}
	case 4:
		return []string{"ES91 2100 0418 4502 0005 1332", "enter", "space", "enter", "enter"}
	case 5:
		return []string{"enter", "enter", "tab", "enter", "down", "down", "enter", "tab", "enter", "down", "down", "down", "enter", "tab", "enter"}
	case 6:
		return []string{"space", "tab", "space", "tab", "enter"}
	}
	return nil
}

// fillTo fills the pages from the one on screen to the one before page n
// (7 is the review).
func (d *driver) fillTo(n int) {
	d.t.Helper()
	for p := d.form().Page + 1; p < n; p++ {
		d.keys(imvPage(p)...)
		if got := d.form().Page; got != p {
			d.t.Fatalf("after filling page %d the form is on page index %d:\n%s", p, got, d.view())
		}
	}
}

func TestFormFillsTheWholeApplicationWithKeys(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.must("Página 1 de 6 · Datos personales", "Los datos con * son obligatorios.", "Nombre *", "Correo electrónico", "[PRÁCTICA]")
	d.mustNot("Correo electrónico *")
	d.fillTo(3)
	d.must("Página 3 de 6 · Tu hogar", "Todavía no has añadido a nadie.")
	d.keys(imvPage(3)...)
	d.must("Página 4 de 6 · Cuenta del banco")
	d.fillTo(7)
	d.must("Revisa tus datos", "Datos personales", "[ Cambiar ]", "DNI: 12345678Z")
	// Tab goes from one "Cambiar" to the next: the review scrolls with it.
	var seen []string
	for f, i := d.form(), 0; f.Targets()[f.Focus].Kind != form.TSubmit && i < 50; i++ {
		seen = append(seen, d.flat())
		d.keys("tab")
	}
	seen = append(seen, d.flat())
	d.tabTo(form.TSubmit)
	for _, want := range []string{"Persona 1: Mario · Prueba Ejemplo · 14/05/2014 · Hijo o hija",
		"IBAN: ES91 2100 0418 4502 0005 1332", "Libro de familia: Libro_de_familia.jpg",
		"[x] Declaro que todos los datos de esta solicitud son ciertos."} {
		if !strings.Contains(strings.Join(seen, "\n"), want) {
			t.Errorf("the review never shows %q", want)
		}
	}
	d.keys("enter") // Presentar la solicitud
	d.must("✔ Solicitud presentada", "Número de registro: IMV-2026-", "Fecha y hora: 02/03/2026 10:00", "✔ ¡Bien!")
	d.mustSay("Documentos: DNI_Lucia_Prueba.pdf, Certificado_empadronamiento.pdf, Libro_de_familia.jpg")
	if !regexp.MustCompile(`IMV-2026-\d{6}`).MatchString(d.view()) {
		t.Fatalf("no reference number on the receipt:\n%s", d.view())
	}
	d.keys("space")
	d.mustSay("Guardado en la carpeta Descargas: justificante-IMV-2026-")

	prog, err := d.st.LessonProgress(d.m.c.Learner.ID, "ingreso-minimo-vital")
	if err != nil {
		t.Fatal(err)
	}
	if !contains(prog.DoneSteps, "solicitud") || prog.Mistakes != nil {
		t.Fatalf("progress = %+v; want the form step done without mistakes", prog)
	}
	d.keys("enter")
	d.must("Paso 5 de 8", "El justificante")
}

// tabTo moves the focus with Tab (then Shift+Tab) to the first target of
// kind k. It fails, never loops for ever, when there is none.
func (d *driver) tabTo(k form.TargetKind) {
	d.t.Helper()
	d.tabWhere(func(t form.Target) bool { return t.Kind == k })
}

// tabWhere moves the focus with Tab (then Shift+Tab) to the first target
// that is. It fails, never loops for ever, when there is none.
func (d *driver) tabWhere(is func(form.Target) bool) {
	d.t.Helper()
	f := d.form()
	for _, dir := range []string{"tab", "shift+tab"} {
		for range 200 {
			ts := f.Targets()
			if f.Focus < len(ts) && is(ts[f.Focus]) {
				return
			}
			before := f.Focus
			d.keys(dir)
			if f.Focus == before {
				break
			}
		}
	}
	d.t.Fatalf("Tab never reaches the target:\n%s", d.view())
}

// retype empties field id of the page on screen and types text in it.
func (d *driver) retype(id, text string) {
	d.t.Helper()
	f := d.form()
	f.FocusOn(id)
	for range len([]rune(f.Fields[id].Val())) {
		d.keys("backspace")
	}
	d.keys(text)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestFormBlocksNextUntilThePageIsValid(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	for range 6 {
		d.keys("tab")
	}
	d.keys("enter") // Next on an empty page
	d.must("✗ Hay 5 datos que corregir:", "• Nombre: Este dato es obligatorio. Escríbelo aquí.", "Página 1 de 6")
	if f := d.form(); f.Page != 0 || f.Focus != 0 {
		t.Fatalf("a blocked Next moved on: page %d, focus %d", f.Page, f.Focus)
	}
	// The focus is on the first field with an error: typing fixes it, and
	// its error goes at once.
	d.keys("Lucía")
	d.must("✗ Hay 4 datos que corregir:")
	d.mustNot("• Nombre:")
	// A wrong value changes the message to the rule it breaks.
	d.keys("tab", "Prueba Ejemplo", "tab", "12345678")
	d.mustSay("• DNI: Falta la letra del final. El DNI tiene 8 números y una letra, como 12345678Z.")

	// What the blocked Next stored: one outcome per field, none of them an
	// attempt, none of them right.
	formEvents := func() []store.Event {
		evs, err := d.st.Events(d.m.c.Learner.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []store.Event
		for _, e := range evs {
			if e.Step == "solicitud" {
				out = append(out, e)
			}
		}
		return out
	}
	var mistakes []string
	for _, e := range formEvents() {
		if e.Kind != store.Answered {
			t.Errorf("the form stored %+v", e)
			continue
		}
		mistakes = append(mistakes, e.Mistake)
		if e.Correct || e.Attempt != 0 {
			t.Errorf("a blocked page was stored as %+v", e)
		}
	}
	want := "nombre.required apellidos.required dni.required nacimiento.required telefono.required"
	if strings.Join(mistakes, " ") != want {
		t.Fatalf("stored mistakes = %v, want %s", mistakes, want)
	}
	// The same mistakes again are not stored again; a new one is.
	d.tabTo(form.TNext)
	d.keys("enter")
	evs := formEvents()
	if last := evs[len(evs)-1]; last.Mistake != "dni.dni_no_letter" || len(evs) != len(mistakes)+1 {
		t.Fatalf("after a second Next, events end with %+v (%d events)", last, len(evs))
	}
	// The misses of the form's own checks do not bring the worked example.
	if p := d.player(); p.Misses != 0 || p.State != player.Asking {
		t.Fatalf("blocked pages counted as misses: %d, state %d", p.Misses, p.State)
	}
}

// Every kind of bad input gets its own message, next to the field and in
// the summary.
func TestFormEveryBadInputGetsItsOwnMessage(t *testing.T) {
	tests := []struct {
		page  int    // 1 or 2 of the application
		field string // its id
		input string
		rule  string
	}{
		{1, "nombre", "", validate.RuleRequired},
		{1, "nombre", "   ", validate.RuleRequired},
		{1, "nombre", "Lucía2", validate.RuleNameDigits},
		{1, "nombre", "Lucía 👍", validate.RuleNameChars},
		{1, "nombre", strings.Repeat("Lucía", 9), validate.RuleTooLong},
		{1, "nombre", strings.Repeat("ñ", 10000), validate.RuleTooLong}, // a huge paste
		{1, "apellidos", "Prueba\tEjemplo\n", ""},                       // a pasted tab and newline are spaces
		{1, "dni", "1234567Z", validate.RuleDNIFormat},
		{1, "dni", "12345678", validate.RuleDNINoLetter},
		{1, "dni", "12345678A", validate.RuleDNILetter},
		{1, "dni", "X1234567L", validate.RuleDNIIsNIE},
		{1, "dni", "12345678Ñ", validate.RuleDNIFormat},
		{1, "nacimiento", "15/04/78", validate.RuleDateYear},
		{1, "nacimiento", "31/02/1978", validate.RuleDateDay},
		{1, "nacimiento", "04/15/1978", validate.RuleDateMonth},
		{1, "nacimiento", "15 de abril", validate.RuleDateFormat},
		{1, "nacimiento", "15/04/2090", validate.RuleDateFuture},
		{1, "nacimiento", "15/04/1850", validate.RuleDateOld},
		{1, "telefono", "60000000", validate.RulePhoneLength},
		{1, "telefono", "500000000", validate.RulePhoneStart},
		{1, "telefono", "+44 7700 900123", validate.RulePhoneCountry},
		{1, "telefono", "seis", validate.RulePhoneChars},
		{1, "correo", "lucia.prueba correo", validate.RuleEmailSpace},
		{1, "correo", "lucia.prueba\"correo.example", validate.RuleEmailAt},
		{1, "correo", "lucía.prueba@correo.example", validate.RuleEmailAccent},
		{1, "correo", "lucia.prueba@correo,example", validate.RuleEmailDomain},
		{1, "correo", "lucia..prueba@correo.example", validate.RuleEmailDots},
		{1, "correo", "@correo.example", validate.RuleEmailNoUser},
		{1, "correo", "lucia<prueba>@correo.example", validate.RuleEmailInvalid},
		{1, "correo", "lucia.prueba@gmail.con", validate.RuleEmailTypo},
		{2, "direccion", "Calle del Ejemplo 🏠", validate.RuleTextSymbols},
		{2, "codigo-postal", "2899", validate.RulePostcodeFormat},
		{2, "codigo-postal", "82999", validate.RulePostcodeProv},
	}
	seen := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.field+"="+tt.input[:min(len(tt.input), 20)], func(t *testing.T) {
			d := formDriver(t, "es", "ingreso-minimo-vital")
			d.fillTo(tt.page)
			// Lucía's details, all but the Next at the end, then the field
			// under test emptied and typed again.
			right := imvPage(tt.page)
			d.keys(right[:len(right)-map[int]int{1: 2, 2: 1}[tt.page]]...)
			f := d.form()
			f.FocusOn(tt.field)
			fs := f.Fields[tt.field]
			for range len([]rune(fs.Val())) {
				d.keys("backspace")
			}
			d.keys(tt.input)
			d.tabTo(form.TNext)
			d.keys("enter")
			if fs.Err != tt.rule {
				t.Fatalf("%s = %q: error %q, want %q\n%s", tt.field, tt.input, fs.Err, tt.rule, d.view())
			}
			if tt.rule == "" {
				if got := fs.Val(); got != "Prueba Ejemplo " {
					t.Fatalf("pasted text became %q", got)
				}
				return
			}
			// The only error of the page: in the summary at the top, on
			// screen at once with the focus on the field...
			msg := f.ErrorText(fs.F, tt.rule)
			d.mustSay("✗ Hay 1 dato que corregir:", "• "+fs.F.Label+": "+msg)
			if ts := f.Targets(); ts[f.Focus].Key != tt.field {
				t.Fatalf("the focus is on %+v, not on the field with the error", ts[f.Focus])
			}
			// ...and next to the field, on screen once the learner moves
			// (at 80×24 a field low on the page is below the summary).
			if f.Focus > 0 {
				d.keys("shift+tab", "tab")
			}
			d.mustSay("✗ " + msg)
			if other, dup := seen[msg]; dup && other != tt.rule {
				t.Fatalf("rules %s and %s say the same words: %q", other, tt.rule, msg)
			}
			seen[msg] = tt.rule
		})
	}
}

// Every rule has its own words, in both languages.
func TestFormRuleMessagesAreDistinct(t *testing.T) {
	for _, lang := range i18n.Langs() {
		cat := i18n.New(lang)
		seen := map[string]string{}
		for _, r := range validate.FormRules() {
			msg := cat.T("form_err_"+r, "Max", 10, "Length", 3, "Types", "PDF")
			if msg == "form_err_"+r || strings.TrimSpace(msg) == "" {
				t.Errorf("%s: no words for rule %s", lang, r)
			}
			if other, dup := seen[msg]; dup {
				t.Errorf("%s: rules %s and %s say the same: %q", lang, other, r, msg)
			}
			seen[msg] = r
		}
	}
}

func TestFormReviewChangeLinksAndBack(t *testing.T) {
	d := formDriver(t, "en", "ingreso-minimo-vital")
	d.fillTo(2)
	d.must("Page 2 of 6 · Address")
	f := d.form()
	d.tabTo(form.TBack)
	d.keys("enter")
	d.must("Page 1 of 6 · Personal details")
	if v := f.Fields["dni"].Val(); v != "12345678Z" {
		t.Fatalf("Back lost the DNI: %q", v)
	}
	d.keys("tab", "tab", "tab", "tab", "tab", "tab", "enter")
	d.fillTo(7)
	d.must("Check your answers")
	d.keys("tab", "enter") // Change: Address
	d.must("Page 2 of 6 · Address", "[ Save and go back to the summary ]")
	f.FocusOn("municipio")
	d.keys("backspace", "backspace", "backspace", "backspace", "backspace")
	d.tabTo(form.TNext)
	d.keys("enter")
	d.mustSay("Town: Villaej")
	d.must("Check your answers")
}

func TestFormEscAsksBeforeLeavingAndKeepsTheAnswers(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	// Nothing typed yet: Esc leaves at once.
	d.keys("esc")
	d.must("Hola, Pepe")
	d.keys("enter") // back into the lesson, at the form
	d.toForm()
	d.keys("Lucía", "tab", "12")
	d.keys("esc")
	d.must("¿Quieres salir del formulario?", "Seguir con el formulario", "Salir y borrar lo escrito")
	d.keys("enter") // stay: the first answer
	d.mustNot("¿Quieres salir del formulario?")
	if v := d.form().Fields["nombre"].Val(); v != "Lucía" {
		t.Fatalf("staying lost the name: %q", v)
	}
	// Esc closes the form's own panel first.
	d.form().FocusOn("dni")
	d.special(tea.KeyF5)
	d.must("Ficha de Lucía", "Pulsa F5 o Esc para volver al formulario.")
	d.keys("esc")
	d.mustNot("Pulsa F5 o Esc", "¿Quieres salir")
	d.keys("esc", "down", "enter")
	d.must("Hola, Pepe")
}

func TestFormTypingTakesQAndQuestionMark(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.keys("q?ñ")
	d.mustNot("¿Quieres salir?", "Teclas de esta pantalla")
	if v := d.form().Fields["nombre"].Val(); v != "q?ñ" {
		t.Fatalf("typed %q", v)
	}
	if !d.m.scr.Typing() {
		t.Fatal("Typing() is false in a text field")
	}
	d.keys("tab", "tab", "tab", "tab", "tab", "tab") // Next: not a text field
	if d.m.scr.Typing() {
		t.Fatal("Typing() is true on a button")
	}
}

// The terminal shrinks and grows while the form is on screen, with errors.
func TestFormEverySizeDrawsWithinTheScreen(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.keys("Lucía2", "tab", "tab", "tab", "tab", "tab", "tab", "enter")
	d.special(tea.KeyF5)
	for _, popupOn := range []bool{true, false} {
		if !popupOn {
			d.special(tea.KeyF5)
		}
		for w := 20; w <= 160; w += 7 {
			for h := 6; h <= 50; h += 4 {
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
				v := d.view()
				for i, line := range strings.Split(v, "\n") {
					if lw := tuitest.LipglossWidth(line); lw > w {
						t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, line)
					}
				}
				if n := strings.Count(v, "\n") + 1; n > h {
					t.Fatalf("%dx%d: %d lines", w, h, n)
				}
				if w >= ui.MinWidth && h >= 24 && !popupOn && !strings.Contains(v, "Nombre *") {
					t.Fatalf("%dx%d: the focused field is not on screen:\n%s", w, h, v)
				}
			}
		}
	}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.must("Ficha de Lucía", "Cuenta (IBAN): ES91 2100 0418", "Nombre *")
	d.mustNot("F5: ver la ficha")
}

// Every state of a form drawn at every size, down to 1×1: nothing panics,
// nothing is drawn outside the screen, and a keystroke at a tiny size
// still reaches the form.
func TestFormEveryStateAtEverySize(t *testing.T) {
	states := []struct {
		name, lesson string
		setup        func(d *driver)
	}{
		{"page", "ingreso-minimo-vital", func(d *driver) {}},
		{"errors", "ingreso-minimo-vital", func(d *driver) { d.tabTo(form.TNext); d.keys("enter") }},
		{"select", "ingreso-minimo-vital", func(d *driver) { d.fillTo(2); d.form().FocusOn("provincia"); d.keys("enter") }},
		{"group", "corregir-formulario", func(d *driver) { d.form().EnterPage(2) }},
		{"picker", "ingreso-minimo-vital", func(d *driver) { d.fillTo(5); d.keys("enter") }},
		{"review", "ingreso-minimo-vital", func(d *driver) { d.fillTo(7) }},
		{"receipt", "ingreso-minimo-vital", func(d *driver) { d.fillTo(7); d.tabTo(form.TSubmit); d.keys("enter") }},
		{"leave", "ingreso-minimo-vital", func(d *driver) { d.keys("Lucía", "esc") }},
		{"persona", "ingreso-minimo-vital", func(d *driver) { d.special(tea.KeyF5) }},
		{"expired", "ingreso-minimo-vital", func(d *driver) { d.keys("Lucía"); d.clock.Advance(time.Hour); d.keys("x") }},
		{"calendar", "cita-previa", func(d *driver) { d.keys("enter", "down", "enter", "enter", "enter") }},
		{"sms", "clave-pin", func(d *driver) { d.keys("12345678Z", "enter", "20/06/2033", "enter", "enter") }},
	}
	widths := []int{1, 2, 5, 10, 19, 20, 30, 40, 59, 60, 61, 79, 80, 95, 96, 97, 120, 200}
	heights := []int{1, 2, 3, 5, 8, 9, 12, 16, 24, 40}
	for _, st := range states {
		t.Run(st.name, func(t *testing.T) {
			d := formDriver(t, "es", st.lesson)
			st.setup(d)
			for _, w := range widths {
				for _, h := range heights {
					d.send(tea.WindowSizeMsg{Width: w, Height: h})
					v := d.view()
					for i, line := range strings.Split(v, "\n") {
						if lw := tuitest.LipglossWidth(line); lw > w {
							t.Fatalf("%dx%d: line %d is %d wide: %q", w, h, i, lw, line)
						}
					}
					if n := strings.Count(v, "\n") + 1; n > h {
						t.Fatalf("%dx%d: %d lines", w, h, n)
					}
				}
			}
			// Keys at a tiny size do not panic either, and the form is
			// whole again at 80×24.
			d.send(tea.WindowSizeMsg{Width: 3, Height: 2})
			d.keys("tab", "a", "shift+tab", "backspace", "f5", "f5")
			d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			d.must("Paso ")
		})
	}
}

func TestFormSessionTimesOutAndKeepsThePagesDone(t *testing.T) {
	d := formDriver(t, "es", "ingreso-minimo-vital")
	d.fillTo(2)
	d.keys("Calle del Ejemplo")
	ticks := d.ticks
	d.clock.Advance(4 * time.Minute)
	d.send(form.FormTickMsg{Owner: d.form()})
	d.must("! Tu sesión se cierra en 1:00. Pulsa cualquier tecla para seguir.")
	if d.ticks == ticks {
		t.Fatal("no timer for the countdown")
	}
	d.clock.Advance(30 * time.Second)
	d.send(form.FormTickMsg{Owner: d.form()})
	d.must("Tu sesión se cierra en 0:30")
	d.keys("x") // "I am here": the key is not typed
	d.mustNot("Tu sesión se cierra")
	if v := d.form().Fields["direccion"].Val(); v != "Calle del Ejemplo" {
		t.Fatalf("the key that kept the session was typed: %q", v)
	}
	// Away for 6 minutes: no timer needed to notice it, a key does.
	d.clock.Advance(6 * time.Minute)
	d.keys("y")
	d.must("✗ Tu sesión ha caducado", "Volver a entrar")
	d.mustSay("Se ha borrado lo que escribiste en la página «Domicilio».", "Lo que guardaste antes con «Siguiente» sigue aquí.")
	d.keys("enter")
	d.must("Página 2 de 6 · Domicilio")
	if v := d.form().Fields["direccion"].Val(); v != "" {
		t.Fatalf("the page the learner was on kept %q", v)
	}
	if v := d.form().Fields["dni"].Val(); v != "12345678Z" {
		t.Fatalf("a page done before the timeout lost the DNI: %q", v)
	}
	evs, _ := d.st.Events(d.m.c.Learner.ID)
	if last := evs[len(evs)-1]; last.Mistake != "session.timeout" {
		t.Fatalf("the timeout was not stored as an outcome: %+v", last)
	}
}

func TestFormAsksForTimersOnlyWhileSomethingCounts(t *testing.T) {
	d := formDriver(t, "es", "primer-formulario") // no timeout, no code
	ticks := d.ticks
	d.keys("Lucía", "tab", "Prueba")
	if d.ticks != ticks {
		t.Fatalf("%d timers asked for by a form with nothing to count", d.ticks-ticks)
	}
	d = formDriver(t, "es", "clave-pin")
	ticks = d.ticks
	d.keys("12345678Z", "enter", "20/06/2033", "enter", "enter")
	d.must("Página 2 de 2 · Escribe el PIN")
	if d.ticks == ticks {
		t.Fatal("no timer for the code's countdown")
	}
	// A timer swallowed by an overlay is asked for again by the next key.
	f := d.form()
	d.clock.Advance(5 * time.Second)
	before := d.ticks
	d.keys("a")
	if d.ticks == before || f.TickDue.IsZero() {
		t.Fatal("a lost timer was not replaced")
	}
}

func TestClavePINCodeExpiresAndANewOneWorks(t *testing.T) {
	d := formDriver(t, "es", "clave-pin")
	d.keys("12345678Z", "enter", "20/06/2020", "enter", "enter")
	d.mustSay("Esa fecha ya ha pasado. Un DNI caducado no sirve para Cl@ve.")
	f := d.form()
	d.keys("backspace", "backspace", "3", "3", "enter", "enter")
	d.must("Página 2 de 2 · Escribe el PIN", "Mensaje en tu móvil (simulado)", "Caduca en 10:00")
	code := f.Codes["codigo"].Code
	d.mustSay("Cl@ve: tu PIN es " + code + ". Caduca a las 10:10.")
	d.clock.Advance(9*time.Minute + 30*time.Second)
	d.send(form.FormTickMsg{Owner: f})
	d.must("Caduca en 0:30")
	d.clock.Advance(time.Minute)
	d.send(form.FormTickMsg{Owner: f})
	d.must("Este código ha caducado.")
	d.keys(strings.ToLower(code), "enter", "enter")
	d.mustSay("El código ha caducado: solo vale unos minutos. Elige «Pedir otro código».")
	d.keys("tab", "enter") // Pedir otro código
	newCode := f.Codes["codigo"].Code
	if newCode == "" {
		t.Fatal("no new code")
	}
	d.must("Caduca en 10:00")
	d.keys("shift+tab")
	f.FocusOn("codigo")
	d.keys("XXX", "enter", "enter")
	if newCode != "XXX" {
		d.mustSay("Ese no es el código del mensaje.")
	}
	f.FocusOn("codigo")
	d.keys("backspace", "backspace", "backspace", newCode, "enter", "enter")
	d.must("✔ Te has identificado", "✔ ¡Bien!")
}

func TestFormGroupRemoveAndAdd(t *testing.T) {
	d := formDriver(t, "es", "corregir-formulario")
	f := d.form()
	f.EnterPage(2) // the household, filled in already with 2 people
	g := f.Groups["convivientes"]
	d.tabWhere(func(t form.Target) bool { return t.Kind == form.TRemove && t.N == g.Serials[1] })
	d.must("Persona 2", "▶ [ Quitar persona 2 ]")
	d.keys("enter")
	d.mustNot("Persona 2")
	// The focus takes the removed person's place: the Add button.
	if tg := f.Targets()[f.Focus]; tg.Kind != form.TAdd {
		t.Fatalf("after removing, the focus is on %+v", tg)
	}
	if v := f.Fields[form.ItemKey("convivientes", 0, "miembro-nombre")].Val(); v != "Mario" {
		t.Fatalf("removing person 2 changed person 1: %q", v)
	}
	// Add people until the button goes: 6 at most.
	for i := 0; len(g.Serials) < 6 && i < 10; i++ {
		d.tabTo(form.TAdd)
		d.keys("enter")
		// The focus is on the new person's first box.
		if ts := f.Targets(); ts[f.Focus].Key != form.ItemKey("convivientes", g.Serials[len(g.Serials)-1], "miembro-nombre") {
			t.Fatalf("after adding, the focus is on %+v", ts[f.Focus])
		}
	}
	for _, tg := range f.Targets() {
		if tg.Kind == form.TAdd {
			t.Fatal("the add button is still there with 6 people")
		}
	}
	if n := len(g.Serials); n != 6 {
		t.Fatalf("%d people after adding until the button went: want the maximum, 6", n)
	}
	d.mustNot("[ + Añadir persona ]")
}

func TestFormFilePicker(t *testing.T) {
	d := formDriver(t, "en", "ingreso-minimo-vital")
	d.fillTo(5)
	d.must("Page 5 of 6 · Documents", "[ Attach a file ]")
	d.keys("enter")
	d.must("Choose a file: Copy of the DNI", "Documents folder: 6 files", "DNI_Lucia_Prueba.pdf", "240 KB", "12.5 MB", "[ Attach ]")
	d.keys("esc") // closes the picker, nothing chosen
	d.mustNot("Documents folder", "Do you want to leave")
	d.keys("enter", "down", "down", "down", "down", "enter") // the recipe
	d.mustSay("Receta_bizcocho.docx · 30 KB")
	d.tabTo(form.TNext)
	d.keys("enter")
	d.mustSay("That kind of file is not accepted. Only PDF or JPG files are accepted here.")
	d.form().FocusOn("doc-dni")
	d.special(tea.KeyBackspace)
	d.must("[ Attach a file ]")
	// The very big scan is refused in the picker, as the file manager
	// refuses a file over the lesson's limit: the picker stays open, says
	// why, and the field keeps what it had (nothing).
	d.keys("enter", "down", "enter")
	d.mustSay("DNI_escaneado_alta_calidad.pdf cannot be attached. It is 12.5 MB and the limit is 5 MB.", "[ Attach ]")
	d.keys("esc")
	d.must("[ Attach a file ]")
	d.mustNot("DNI_escaneado_alta_calidad.pdf ·")
	d.keys("enter", "enter") // the first file, the DNI of the right size
	d.mustSay("DNI_Lucia_Prueba.pdf · 240 KB")
	d.mustNot("cannot be attached")
}

func TestFormCalendarAndTimes(t *testing.T) {
	d := formDriver(t, "es", "cita-previa")
	d.must("Página 1 de 3 · Oficina y trámite")
	d.keys("enter", "down", "enter", "tab") // CAISS Villaejemplo; Tab to the next field
	d.keys("enter")                         // Ingreso Mínimo Vital, then on to Next
	d.keys("enter")
	d.must("Página 2 de 3 · Día y hora", "marzo 2026", "lu   ma   mi   ju   vi   sá   do")
	// Monday 2 March: the 3rd, 4th and 5th are full, the 6th is the first
	// free day, where the cursor starts.
	d.mustSay("viernes, 6 de marzo de 2026: hay citas libres")
	d.special(tea.KeyLeft)
	d.mustSay("jueves, 5 de marzo de 2026: no quedan citas")
	d.keys("enter")
	d.mustSay("Ese día ya no quedan citas. Elige un día sin ×.")
	d.special(tea.KeyRight, tea.KeyRight)
	d.mustSay("sábado, 7 de marzo de 2026: no hay atención")
	d.special(tea.KeyLeft)
	d.keys("enter")
	d.mustSay("Día elegido: viernes, 6 de marzo de 2026")
	d.keys("space") // 09:00 is full
	d.mustSay("Esa opción está completa. Elige otra.")
	d.keys("down", "enter") // 09:30
	d.keys("enter")
	d.must("Página 3 de 3 · Tus datos")
	d.keys("12345678Z", "enter", "Lucía Prueba Ejemplo", "enter", "600000000", "enter", "enter")
	d.must("Revisa tus datos")
	d.mustSay("Día: viernes, 6 de marzo de 2026", "Hora: 09:30")
	d.tabTo(form.TSubmit)
	d.keys("enter")
	d.must("✔ Cita confirmada", "Localizador: CITA-2026-")
	d.mustSay("Oficina: CAISS Villaejemplo · Calle de la Prueba, 3", "Día: viernes, 6 de marzo de 2026", "Hora: 09:30")
}

func TestFormWrongDetailsGetTheLessonsWords(t *testing.T) {
	d := formDriver(t, "es", "primer-formulario")
	d.tabTo(form.TSubmit) // as the lesson asks: Tab to «Enviar» with nothing typed
	d.keys("enter")
	d.must("✗ Hay 5 datos que corregir:")
	d.mustSay("• Dónde lo recoges: Elige una opción.", "• He leído las normas de la biblioteca y las acepto: Para seguir, marca esta casilla")
	// Enter opens the list, ↓ and Enter choose in it; Enter on the box
	// only goes on: Space ticks it.
	d.keys("Lucía", "enter", "Prueba Ejemplo", "enter", "ana@correo.example", "enter", "enter", "down", "enter", "tab", "enter", "space", "enter", "enter")
	d.mustSay("✗ Todavía no. Ese correo es válido, pero no es el de Lucía. Cópialo de su ficha.")
	if p := d.player(); p.Misses != 1 {
		t.Fatalf("misses = %d, want 1", p.Misses)
	}
	f := d.form()
	f.FocusOn("correo")
	for range len("ana@correo.example") {
		d.keys("backspace")
	}
	d.keys("lucia.prueba@correo.example")
	d.tabTo(form.TSubmit)
	d.keys("enter")
	d.must("✔ Solicitud enviada", "✔ ¡Bien!")
	d.mustNot("Número de registro")
}

func TestFormFixTheMistakesShowsThePrefilledErrors(t *testing.T) {
	d := formDriver(t, "en", "corregir-formulario")
	d.must("Lucía", "12345678A", "15/04/78")
	f := d.form()
	d.tabTo(form.TNext)
	d.keys("enter")
	for _, id := range []string{"dni", "nacimiento", "telefono", "correo"} {
		if f.Fields[id].Err == "" {
			t.Errorf("the prefilled %s has no error", id)
		}
	}
	// At 80×24 the summary in full and the DNI with its error do not fit
	// together: the summary names the fields, and the DNI's words are on
	// screen next to it.
	d.mustSay("✗ There are 4 things to fix: DNI, Date of birth, Mobile phone, Email address.",
		"▶ DNI *", "✗ The letter does not match those numbers.")
	// On a big screen the summary says each one in full.
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	d.mustSay("✗ There are 4 things to fix:", "• DNI: The letter does not match those numbers.",
		"• Date of birth: The year has 4 numbers: 1978, not 78.", "• Email address: The end of the address is missing.")
	// The first key after it shows the page around the focus as usual.
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("backspace", "Z")
	d.mustNot("✗ The letter does not match")
	d.must("[12345678Z")
}

func TestFormMouseTicksABoxAndPressesNext(t *testing.T) {
	d := formDriver(t, "es", "primer-formulario")
	f := d.form()
	box := form.Target{Kind: form.TField, Key: "normas"}
	d.click(box.Zone(f.Step.ID))
	if f.Fields["normas"].Value != "yes" {
		t.Fatalf("clicking the box did not tick it:\n%s", d.view())
	}
	d.click(form.Target{Kind: form.TSubmit}.Zone(f.Step.ID))
	d.must("✗ Hay 4 datos que corregir:")
	// The question before leaving answers the mouse too: stay, then go.
	d.keys("esc")
	d.must("¿Quieres salir del formulario?")
	d.click("dlg-0")
	d.mustNot("¿Quieres salir del formulario?")
	if f.Fields["normas"].Value != "yes" {
		t.Fatal("staying lost the ticked box")
	}
	d.keys("esc")
	d.click("dlg-1")
	d.must("Hola, Pepe")
}

// What the learner types in a form never reaches the data file: only the
// mistake ids do.
func TestFormPracticeDataIsNeverStored(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, dir)
	if _, err := st.AddLearner("Pepe", ""); err != nil {
		t.Fatal(err)
	}
	d := newDriverOn(t, st, "es", "ingreso-minimo-vital")
	d.toForm()
	typed := []string{"87654321A", "Ximena Privada", "ES91 2100 0418 4502 0005 9999", "Avenida Secreta 99", "29/02/1999", "611223344"}
	// Page 1 with a DNI whose letter is wrong and a day that does not
	// exist: blocked, then fixed with the card's details.
	d.keys("Lucía", "tab", "Prueba Ejemplo", "tab", typed[0], "tab", typed[4], "tab", typed[5])
	d.tabTo(form.TNext)
	d.keys("enter")
	d.mustSay("• DNI: La letra no corresponde")
	for _, id := range []string{"dni", "nacimiento", "telefono"} {
		d.retype(id, map[string]string{"dni": "12345678Z", "nacimiento": "15/04/1978", "telefono": "600 000 000"}[id])
	}
	d.tabTo(form.TNext)
	d.keys("enter")
	// Page 2 with another address: valid, so it goes on.
	d.must("Página 2 de 6")
	d.keys(typed[3], "enter", "28999", "enter", "Villaejemplo", "enter", "m", "enter", "tab", "enter")
	// Page 3 with a made-up person.
	d.must("Página 3 de 6")
	d.keys("enter", typed[1][:6], "enter", typed[1][7:], "enter", "14/05/2014", "enter", "enter", "enter", "tab", "enter", "enter")
	// Page 4 with a mistyped IBAN: blocked, then fixed.
	d.must("Página 4 de 6")
	d.keys(typed[2], "enter", "space")
	d.tabTo(form.TNext)
	d.keys("enter")
	d.mustSay("• IBAN:")
	d.retype("iban", "ES91 2100 0418 4502 0005 1332")
	d.tabTo(form.TNext)
	d.keys("enter")
	d.keys(imvPage(5)...)
	d.keys(imvPage(6)...)
	d.tabTo(form.TSubmit)
	d.keys("enter")
	d.mustSay("Todavía no.")
	// The form opens the page with the detail that is not Lucía's, on it.
	if f := d.form(); f.Page != 1 || f.Targets()[f.Focus].Key != "direccion" || !f.Back {
		t.Fatalf("after the miss the form is on page %d, focus %+v:\n%s", f.Page, f.Targets()[f.Focus], d.view())
	}
	d.must("▶ Dirección *", "[ Guardar y volver al resumen ]")
	if err := d.m.c.Rec.FlushCmd()().(ui.SavedMsg).Err; err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Events(d.m.c.Learner.ID)
	var mistakes []string
	for _, e := range evs {
		if e.Mistake != "" {
			mistakes = append(mistakes, e.Mistake)
		}
	}
	for _, want := range []string{"dni.dni_letter", "nacimiento.date_day", "iban.iban_check", "direccion.mismatch"} {
		if !contains(mistakes, want) {
			t.Errorf("stored mistakes %v lack %s", mistakes, want)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(typed, "ES9121000418450200059999", "Villaejemplo", "Prueba Ejemplo", "600 000 000", "Lucía") {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the data file holds %q, typed in the form", s)
		}
	}
}
