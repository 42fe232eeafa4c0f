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
	s := lib.Catalog("es").Lessons["b"].Steps[0]
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
