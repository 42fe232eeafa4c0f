package lessons

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A step that names a key accessible mode cannot press gets a warning,
// unless it has words of its own for accessible mode.
func TestNamedKeysWarns(t *testing.T) {
	lesson := func(id, text, hint, access string) string {
		return "id: " + id + "\ntitle: T\nsteps:\n  - id: paso\n    kind: read\n    title: Paso\n    text: " + text + "\n    hint: " + hint + "\n" + access
	}
	lib, problems := Load(Source{Name: "x", FS: fstest.MapFS{
		"es/a.yaml": {Data: []byte(lesson("a", "Abre el correo y pulsa S.", "Pulsa Intro para seguir.", ""))},
		"en/a.yaml": {Data: []byte(lesson("a", "Open the email and press S.", "Press Enter to go on.", ""))},
		"es/b.yaml": {Data: []byte(lesson("b", "Elige con ↑ ↓ y pulsa el número del enlace.", "Pulsa F5.", "    access:\n      text: Escribe enlace 1.\n      hint: Escribe ficha.\n"))},
		"en/b.yaml": {Data: []byte(lesson("b", "Choose with the arrows.", "Press Tab.", "    access:\n      text: Type link 1.\n"))},
	}})
	if len(problems) > 0 {
		t.Fatalf("problems: %s", list(problems))
	}
	got := list(NamedKeys(lib))
	for _, want := range []string{
		`x/es/a.yaml:4: step "paso": the text names a key ("pulsa S")`,
		`x/en/a.yaml:4: step "paso": the text names a key ("press S")`,
		`x/en/b.yaml:4: step "paso": the hint names a key ("Press Tab")`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant %q", got, want)
		}
	}
	for _, bad := range []string{"Intro", "Enter", `x/es/b.yaml`, `x/en/b.yaml:4: step "paso": the text`} {
		if strings.Contains(got, bad) {
			t.Errorf("warnings:\n%s\nshould not say %q", got, bad)
		}
	}
	s := lib.Catalog("es").Lessons["b"].Steps()[0]
	if s.LineText() != "Escribe enlace 1." || s.LineHint() != "Escribe ficha." || s.LineExample() != s.Example {
		t.Errorf("accessible wording: %q %q %q", s.LineText(), s.LineHint(), s.LineExample())
	}
}

// The mail lessons, where keys are commands, say in accessible mode what
// to type.
func TestBuiltInMailLessonsHaveAccessibleWords(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	for _, w := range NamedKeys(lib) {
		if strings.Contains(w.File, "/correo-") {
			t.Errorf("%s", w)
		}
	}
}

// What is said about an answer (an option's feedback, the step's success)
// is checked too: it names a key only with an accessible wording, found by
// the id next to it (issue 19 item 6: "pulsa S" in a verdict).
func TestNamedKeysWarnsAboutFeedback(t *testing.T) {
	lesson := func(id, feedback, success, access string) string {
		return "id: " + id + "\ntitle: T\nsteps:\n  - id: paso\n    kind: choose\n    title: Paso\n    text: ¿Cuál?\n    hint: Piensa.\n    example: Sí.\n" +
			"    success: " + success + "\n    options:\n      - id: si\n        text: Sí\n        correct: true\n" +
			"      - id: no\n        text: No\n        feedback: " + feedback + "\n" + access
	}
	lib, problems := Load(Source{Name: "x", FS: fstest.MapFS{
		"es/a.yaml": {Data: []byte(lesson("a", "No es esa. Pulsa S para marcarlo.", "Ya te mueves con las flechas.", ""))},
		"en/a.yaml": {Data: []byte(lesson("a", "Not that one. Press S to mark it.", "Go back with the B key.", ""))},
		"es/b.yaml": {Data: []byte(lesson("b", "No es esa. Pulsa S para marcarlo.", "Bien.",
			"    access:\n      feedback:\n        no: No es esa. Escribe sospechoso 3.\n"))},
		"en/b.yaml": {Data: []byte(lesson("b", "Not that one. Press S.", "Good.",
			"    access:\n      feedback:\n        no: Not that one. Type suspicious 3.\n"))},
	}})
	if len(problems) > 0 {
		t.Fatalf("problems: %s", list(problems))
	}
	got := list(NamedKeys(lib))
	for _, want := range []string{
		`x/es/a.yaml:17: step "paso": the text said about an answer (no) names a key ("Pulsa S")`,
		`x/en/a.yaml:17: step "paso": the text said about an answer (no) names a key ("Press S")`,
		`x/es/a.yaml:10: step "paso": the text said about an answer (success) names a key ("con las flechas")`,
		`x/en/a.yaml:10: step "paso": the text said about an answer (success) names a key ("with the B key")`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant %q", got, want)
		}
	}
	if strings.Contains(got, "b.yaml") {
		t.Errorf("warnings:\n%s\nshould not name b.yaml, which has its accessible wording", got)
	}
	s := lib.Catalog("es").Lessons["b"].Steps()[0]
	if v := s.Judge(ChoiceAnswer{"no"}); s.LineFeedback(v.Feedback) != "No es esa. Escribe sospechoso 3." {
		t.Errorf("accessible feedback = %q (from %q)", s.LineFeedback(v.Feedback), v.Feedback)
	}
	if s.LineFeedback("Otra cosa.") != "Otra cosa." {
		t.Error("a text the step does not have was changed")
	}

	// An accessible wording for an id with no such text is a problem.
	_, problems = Load(Source{Name: "x", FS: fstest.MapFS{
		"es/b.yaml": {Data: []byte(lesson("b", "No.", "Bien.", "    access:\n      feedback:\n        nada: Escribe 1.\n"))},
	}})
	if !strings.Contains(list(problems), `access: feedback: "nada" is not the id`) {
		t.Errorf("problems: %s", list(problems))
	}
}
