package lessons

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"aula/lessons/judge"
)

func TestBuiltInLessons(t *testing.T) {
	lib, problems := Load(Source{Name: "content", FS: BuiltIn()})
	for _, p := range problems {
		t.Errorf("built-in lessons: %s", p)
	}
	if got := lib.Langs(); !slices.Equal(got, Languages()) {
		t.Errorf("Langs() = %v, want %v", got, Languages())
	}
	ref := lib.Catalog(DefaultLanguage)
	for _, lang := range Languages() {
		t.Run(lang, func(t *testing.T) {
			cat := lib.Catalog(lang)
			if cat == nil || cat.Lang != lang {
				t.Fatalf("Catalog(%q) = %v", lang, cat)
			}
			checkFirstItinerary(t, cat)
			if len(cat.Lessons) != len(ref.Lessons) {
				t.Errorf("%d lessons in %s, %d in %s", len(cat.Lessons), lang, len(ref.Lessons), DefaultLanguage)
			}
			for id, l := range cat.Lessons {
				checkBuiltInLesson(t, lang, id, l)
			}
			if got := len(cat.AllLessons()); got != len(cat.Lessons) {
				t.Errorf("AllLessons() has %d lessons, want %d", got, len(cat.Lessons))
			}
		})
	}
	if lib.Catalog("fr") != ref {
		t.Error("an unknown language does not fall back to the default one")
	}
}

// checkFirstItinerary: the first itinerary, primeros-pasos, lists at
// least 3 lessons of the catalog.
func checkFirstItinerary(t *testing.T, cat *Catalog) {
	t.Helper()
	var first *Itinerary
	for _, it := range cat.Itineraries {
		if it.ID == "primeros-pasos" {
			first = it
		}
	}
	if first == nil {
		t.Fatalf("no itinerary primeros-pasos in %s", cat.Lang)
	}
	if len(first.LessonIDs) < 3 {
		t.Errorf("primeros-pasos has %d lessons in %s, want at least 3", len(first.LessonIDs), cat.Lang)
	}
	for _, id := range first.LessonIDs {
		if _, ok := cat.Lesson(id); !ok {
			t.Errorf("primeros-pasos lists %q, which is not in the %s catalog", id, cat.Lang)
		}
	}
}

// checkBuiltInLesson: a built-in lesson has its id, a title, steps with
// a hint, an example and an exercise, and comes from its language folder.
func checkBuiltInLesson(t *testing.T, lang, id string, l *Lesson) {
	t.Helper()
	if l.ID != id || l.Title == "" || len(l.Steps()) == 0 {
		t.Errorf("lesson %q: id %q, title %q, %d steps", id, l.ID, l.Title, len(l.Steps()))
	}
	if !strings.HasPrefix(l.File, "content/"+lang+"/") {
		t.Errorf("lesson %q: File = %q", id, l.File)
	}
	for _, s := range l.Steps() {
		if s.Hint == "" {
			t.Errorf("%s step %q has no hint", id, s.ID)
		}
		if s.Kind != "read" && s.Example == "" {
			t.Errorf("%s step %q (%s) has no example", id, s.ID, s.Kind)
		}
		if s.Exercise == nil {
			t.Errorf("%s step %q has no exercise", id, s.ID)
		}
		if (s.Kind == "read") == s.NeedsAnswer() {
			t.Errorf("%s step %q (%s): NeedsAnswer() = %v", id, s.ID, s.Kind, s.NeedsAnswer())
		}
	}
}

// The built-in exercises can be solved: every step has an answer the
// learner can give that is judged right.
func TestBuiltInLessonsAreSolvable(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	for _, lang := range lib.Langs() {
		for _, l := range lib.Catalog(lang).Lessons {
			for _, s := range l.Steps() {
				a, ok := rightAnswer(s)
				if !ok {
					continue // no literal right answer to type
				}
				if a == nil && s.NeedsAnswer() {
					t.Errorf("%s/%s step %q: kind %q gives no right answer: implement judge.Solvable", lang, l.ID, s.ID, s.Kind)
					continue
				}
				if v := s.Judge(a); !v.Correct {
					t.Errorf("%s/%s step %q: the right answer %v is judged %+v", lang, l.ID, s.ID, a, v)
				}
			}
		}
	}
}

// rightAnswer is a right answer to step s: its solution when its kind is
// judge.Solvable, else one made from the lesson's data. ok is false for a
// type step whose rule is a pattern: there is no literal answer to give.
func rightAnswer(s *Step) (a Answer, ok bool) {
	switch ex := s.Exercise.(type) {
	case judge.Solvable:
		return ex.Solution(), true
	case *Choose:
		var marked ChoiceAnswer
		for _, o := range ex.Options {
			if o.Correct {
				marked = append(marked, o.ID)
			}
		}
		return marked, true
	case *Order:
		var ids OrderAnswer
		for _, it := range ex.Items {
			ids = append(ids, it.ID)
		}
		return ids, true
	case *Scenario:
		for _, o := range ex.Options {
			if o.Correct {
				a = ChoiceAnswer{o.ID}
			}
		}
		return a, true
	case *Passphrase:
		var ids PassphraseAnswer
		for _, w := range ex.Words {
			if w.Feedback == "" {
				ids = append(ids, w.ID)
			}
		}
		return ids, true
	case *Code:
		return CodeAnswer{Typed: "123456", Code: "123456"}, true
	case *Password:
		return PasswordAnswer{Password: "nube tren queso piano", Confirm: "nube tren queso piano"}, true
	case *Type:
		if ex.Answer.Match == "pattern" || ex.Answer.Match == "email" {
			return nil, false
		}
		return TextAnswer(ex.Answer.Values[0]), true
	}
	return nil, true
}

// lessonHead is the start of every fixture lesson: 7 lines, so the first
// step starts on line 8.
const lessonHead = `id: rota
title: Rota
topic: Pruebas
summary: Una lección para probar problemas.
learned:
  - Nada.
steps:
`

const goodLesson = `id: buena
title: Buena
topic: Pruebas
summary: Una lección sin problemas.
steps:
  - id: leer
    kind: read
    title: Leer
    text: Lee esto.
    hint: Pulsa Intro.
`

const readStep = `  - id: paso
    kind: read
    title: Paso
    text: Lee esto.
    hint: Pulsa Intro.
`

// withGood returns a lesson folder holding the good lesson and the files given.
func withGood(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"es/buena.yaml": {Data: []byte(goodLesson)},
		"en/buena.yaml": {Data: []byte(goodLesson)},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// same returns the same lesson file for es and en.
func same(data string) map[string]string {
	return map[string]string{"es/rota.yaml": data, "en/rota.yaml": data}
}

// checkLeftOut: the good lesson is in cat, and the broken lesson gone
// is not, but in language keptIn where it is fine.
func checkLeftOut(t *testing.T, cat *Catalog, gone, keptIn string) {
	t.Helper()
	lang := cat.Lang
	if _, ok := cat.Lesson("buena"); !ok {
		t.Errorf("the good lesson is missing in %s", lang)
	}
	want := 1
	if lang == keptIn {
		want = 2
		if _, ok := cat.Lesson(gone); !ok {
			t.Errorf("the lesson %q is missing in %s, where it is fine", gone, lang)
		}
	} else if gone != "" {
		if _, ok := cat.Lesson(gone); ok {
			t.Errorf("the broken lesson %q is in the %s library", gone, lang)
		}
	}
	if len(cat.Lessons) != want {
		t.Errorf("%s library has lessons %v, want %d", lang, ids(cat), want)
	}
	for _, it := range cat.Itineraries {
		if it.ID != "" && !slices.Equal(it.LessonIDs, []string{"buena"}) && lang != keptIn {
			t.Errorf("%s itinerary %q lists %v, want [buena]", lang, it.ID, it.LessonIDs)
		}
	}
}

func TestLoadProblems(t *testing.T) { //nolint:funlen // a table of broken lesson files and the message each gives
	tests := []struct {
		name  string
		files map[string]string
		where string   // file:line: the String of the problem starts with
		msg   []string // words the message must have
		gone  string   // id of the lesson left out
		// keptIn is the one language that keeps the lesson gone elsewhere:
		// a missing or unmatched translation takes it away from its own
		// language only.
		keptIn string
	}{
		{
			name: "invalid yaml",
			files: same(lessonHead + `  - id: paso
    kind: read
    title: Paso: uno
    text: Lee esto.
    hint: Pulsa Intro.
`),
			where: "extra/en/rota.yaml:10: ",
			msg:   []string{"not valid YAML", "mapping values are not allowed"},
			gone:  "rota",
		},
		{
			name: "unknown field in an option",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
        feedback: Bien.
      - id: "no"
        text: "No"
        fedback: No es esa.
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:19: ",
			msg:   []string{`unknown field "fedback"`},
			gone:  "rota",
		},
		{
			name: "unknown field in a step",
			files: same(lessonHead + `  - id: paso
    kind: read
    title: Paso
    text: Lee esto.
    pista: Pulsa Intro.
    hint: Pulsa Intro.
`),
			where: "extra/es/rota.yaml:12: ",
			msg:   []string{`step "paso"`, `unknown field "pista"`},
			gone:  "rota",
		},
		{
			name: "unknown field in a lesson",
			files: same(`id: rota
title: Rota
sumary: Mal escrito.
steps:
` + readStep),
			where: "extra/es/rota.yaml:3: ",
			msg:   []string{`unknown field "sumary"`},
			gone:  "rota",
		},
		{
			name: "unknown kind",
			files: same(lessonHead + `  - id: paso
    kind: video
    title: Paso
    text: Mira esto.
    hint: Pulsa Intro.
`),
			where: "extra/es/rota.yaml:9: ",
			msg:   []string{`step "paso"`, `kind "video"`},
			gone:  "rota",
		},
		{
			name: "missing hint",
			files: same(lessonHead + readStep + `  - id: sin-pista
    kind: read
    title: Paso
    text: Lee esto.
`),
			where: "extra/es/rota.yaml:13: ",
			msg:   []string{`step "sin-pista"`, "no hint"},
			gone:  "rota",
		},
		{
			name: "missing example",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      - id: "no"
        text: "No"
        feedback: No es esa.
    hint: Piensa.
`),
			where: "extra/es/rota.yaml:8: ",
			msg:   []string{`step "pregunta"`, "no example"},
			gone:  "rota",
		},
		{
			name: "choose with no correct option",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        feedback: Tampoco.
      - id: "no"
        text: "No"
        feedback: No es esa.
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:13: ",
			msg:   []string{`step "pregunta"`, "no option is marked correct"},
			gone:  "rota",
		},
		{
			name: "single choose with 2 correct",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      - id: claro
        text: Claro
        correct: true
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:13: ",
			msg:   []string{`step "pregunta"`, "2 options are correct", "multiple: true"},
			gone:  "rota",
		},
		{
			name: "wrong option without feedback",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      - id: "no"
        text: "No"
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:16: ",
			msg:   []string{`step "pregunta"`, `option "no"`, "needs feedback"},
			gone:  "rota",
		},
		{
			name:  "duplicate step id",
			files: same(lessonHead + readStep + readStep),
			where: "extra/es/rota.yaml:13: ",
			msg:   []string{`step id "paso"`, "used twice"},
			gone:  "rota",
		},
		{
			name: "duplicate option id",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      - id: si
        text: Sí, claro
        feedback: Repetida.
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:16: ",
			msg:   []string{`step "pregunta"`, `option id "si"`, "used twice"},
			gone:  "rota",
		},
		{
			name:  "bad step id characters",
			files: same(lessonHead + strings.Replace(readStep, "id: paso", "id: Paso_Uno", 1)),
			where: "extra/es/rota.yaml:8: ",
			msg:   []string{`step id "Paso_Uno"`, "lowercase letters, digits and dashes"},
			gone:  "Paso_Uno",
		},
		{
			name:  "bad lesson id characters",
			files: same(strings.Replace(lessonHead, "id: rota", "id: lección rota", 1) + readStep),
			where: "extra/es/rota.yaml:1: ",
			msg:   []string{`lesson id "lección rota"`, "lowercase letters, digits and dashes"},
			gone:  "lección rota",
		},
		{
			name: "type step without answer",
			files: same(lessonHead + readStep + `  - id: escribe
    kind: type
    title: Escribe
    text: Escribe tu nombre.
    hint: Empieza por L.
    example: Lucía
`),
			where: "extra/es/rota.yaml:13: ",
			msg:   []string{`step "escribe"`, "needs an answer"},
			gone:  "rota",
		},
		{
			name: "bad regex pattern",
			files: same(lessonHead + `  - id: escribe
    kind: type
    title: Escribe
    text: Escribe tu nombre.
    answer:
      match: pattern
      values: ['^Lucía$', '^(Lucía$']
    hint: Empieza por L.
    example: Lucía
`),
			where: "extra/es/rota.yaml:14: ",
			msg:   []string{`step "escribe" answer`, `pattern "^(Lucía$"`, "missing closing )"},
			gone:  "rota",
		},
		{
			name: "unknown match kind",
			files: same(lessonHead + `  - id: escribe
    kind: type
    title: Escribe
    text: Escribe tu nombre.
    answer:
      match: exact
      values: [Lucía]
    mistakes:
      - id: sin-tilde
        match: sin-tildes
        values: [Lucia]
        feedback: Falta la tilde.
    hint: Empieza por L.
    example: Lucía
`),
			where: "extra/es/rota.yaml:17: ",
			msg:   []string{`step "escribe" mistake 1`, `match "sin-tildes"`},
			gone:  "rota",
		},
		{
			name: "mistake without feedback",
			files: same(lessonHead + `  - id: escribe
    kind: type
    title: Escribe
    text: Escribe tu nombre.
    answer:
      match: exact
      values: [Lucía]
    mistakes:
      - id: sin-tilde
        match: folded
        values: [Lucía]
    hint: Empieza por L.
    example: Lucía
`),
			where: "extra/es/rota.yaml:16: ",
			msg:   []string{`step "escribe" mistake 1`, "sin-tilde", "needs feedback"},
			gone:  "rota",
		},
		{
			name: "order step with one item",
			files: same(lessonHead + `  - id: ordena
    kind: order
    title: Ordena
    text: Pon en orden.
    items:
      - id: solo
        text: Solo
    hint: Solo hay uno.
    example: Solo.
`),
			where: "extra/es/rota.yaml:8: ",
			msg:   []string{`step "ordena"`, "at least 2 items"},
			gone:  "rota",
		},
		// Empty list entries ("-" with nothing after it) are problems, not panics.
		{
			name: "empty option",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      -
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:16: ",
			msg:   []string{`step "pregunta"`, "option 2 has no id"},
			gone:  "rota",
		},
		{
			name: "only an empty option",
			files: same(lessonHead + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options: [~]
    hint: Piensa.
    example: Es sí.
`),
			where: "extra/es/rota.yaml:8: ",
			msg:   []string{`step "pregunta"`, "at least 2 options"},
			gone:  "rota",
		},
		{
			name: "empty order item",
			files: same(lessonHead + `  - id: ordena
    kind: order
    title: Ordena
    text: Pon en orden.
    items:
      - ~
    hint: Solo hay uno.
    example: Solo.
`),
			where: "extra/es/rota.yaml:8: ",
			msg:   []string{`step "ordena"`, "at least 2 items"},
			gone:  "rota",
		},
		{
			name: "empty order items",
			files: same(lessonHead + `  - id: ordena
    kind: order
    title: Ordena
    text: Pon en orden.
    items:
      - id: uno
        text: Uno
      - ~
    hint: Uno y luego dos.
    example: Uno, dos.
`),
			where: "extra/es/rota.yaml:15: ",
			msg:   []string{`step "ordena"`, "item 2 has no id"},
			gone:  "rota",
		},
		{
			name: "empty mistake",
			files: same(lessonHead + `  - id: escribe
    kind: type
    title: Escribe
    text: Escribe tu nombre.
    answer:
      match: exact
      values: [Lucía]
    mistakes:
      - ~
    hint: Empieza por L.
    example: Lucía
`),
			where: "extra/es/rota.yaml:16: ",
			msg:   []string{`step "escribe" mistake 1`, `match ""`},
			gone:  "rota",
		},
		{
			name: "empty itinerary",
			files: map[string]string{
				"es/itineraries.yaml": "itineraries:\n  - ~\n",
				"en/itineraries.yaml": "itineraries:\n  - ~\n",
			},
			where: "extra/es/itineraries.yaml:2: ",
			msg:   []string{`itinerary id ""`},
		},
		{
			name:   "lesson missing in en",
			files:  map[string]string{"es/rota.yaml": lessonHead + readStep},
			where:  "extra/es/rota.yaml:1: ",
			msg:    []string{`lesson "rota"`, `no "en" translation`},
			gone:   "rota",
			keptIn: "es",
		},
		{
			name:   "lesson missing in es",
			files:  map[string]string{"en/rota.yaml": lessonHead + readStep},
			where:  "extra/en/rota.yaml:1: ",
			msg:    []string{`lesson "rota"`, `no "es" version`},
			gone:   "rota",
			keptIn: "en",
		},
		{
			name: "step ids differ between languages",
			files: map[string]string{
				"es/rota.yaml": lessonHead + readStep,
				"en/rota.yaml": lessonHead + strings.Replace(readStep, "id: paso", "id: step", 1),
			},
			where:  "extra/en/rota.yaml:8: ",
			msg:    []string{`"step"`, `step "paso"`, "extra/es/rota.yaml"},
			gone:   "rota",
			keptIn: "es",
		},
		{
			name: "right option differs between languages",
			files: map[string]string{
				"es/rota.yaml": lessonHead + readStep + `  - id: pregunta
    kind: choose
    title: Pregunta
    text: ¿Cuál?
    options:
      - id: si
        text: Sí
        correct: true
      - id: "no"
        text: "No"
        feedback: No es esa.
    hint: Piensa.
    example: Es sí.
`,
				"en/rota.yaml": lessonHead + readStep + `  - id: pregunta
    kind: choose
    title: Question
    text: Which one?
    options:
      - id: si
        text: "Yes"
        feedback: Not this one.
      - id: "no"
        text: "No"
        correct: true
    hint: Think.
    example: It is yes.
`,
			},
			where:  "extra/en/rota.yaml:13: ",
			msg:    []string{`step 2 ("pregunta")`, "right answers must be the same"},
			gone:   "rota",
			keptIn: "es",
		},
		{
			name: "step count differs between languages",
			files: map[string]string{
				"es/rota.yaml": lessonHead + readStep,
				"en/rota.yaml": lessonHead + readStep + strings.Replace(readStep, "id: paso", "id: otro", 1),
			},
			where:  "extra/en/rota.yaml:1: ",
			msg:    []string{`lesson "rota"`, "2 steps here and 1"},
			gone:   "rota",
			keptIn: "es",
		},
		{
			name:   "same lesson id twice in a language",
			files:  map[string]string{"es/rota.yaml": lessonHead + readStep, "es/zz-buena.yaml": goodLesson},
			where:  "extra/es/zz-buena.yaml:1: ",
			msg:    []string{`lesson id "buena"`, "already used by extra/es/buena.yaml"},
			gone:   "rota", // and no en translation
			keptIn: "es",
		},
		{
			name: "itinerary lists a missing lesson",
			files: map[string]string{
				"es/itineraries.yaml": `itineraries:
  - id: camino
    title: Camino
    lessons: [buena, fantasma]
`,
				"en/itineraries.yaml": `itineraries:
  - id: camino
    title: Path
    lessons:
      - buena
      - fantasma
`,
			},
			where: "extra/es/itineraries.yaml:4: ",
			msg:   []string{`itinerary "camino"`, `lesson "fantasma"`, "does not exist"},
		},
		{
			name: "itinerary lists a missing lesson, block list",
			files: map[string]string{
				"es/itineraries.yaml": `itineraries:
  - id: camino
    title: Camino
    lessons: [buena, fantasma]
`,
				"en/itineraries.yaml": `itineraries:
  - id: camino
    title: Path
    lessons:
      - buena
      - fantasma
`,
			},
			where: "extra/en/itineraries.yaml:6: ",
			msg:   []string{`itinerary "camino"`, `lesson "fantasma"`, "does not exist"},
		},
		{
			name: "itineraries differ between languages",
			files: map[string]string{
				"es/itineraries.yaml": `itineraries:
  - id: camino
    title: Camino
    lessons: [buena]
`,
				"en/itineraries.yaml": `itineraries:
  - id: path
    title: Path
    lessons: [buena]
`,
			},
			where: "extra/en/itineraries.yaml:2: ",
			msg:   []string{"itineraries differ"},
		},
		{
			name: "itinerary missing in en",
			files: map[string]string{
				"es/itineraries.yaml": `itineraries:
  - id: camino
    title: Camino
    lessons: [buena]
`,
			},
			where: "extra/es/itineraries.yaml:2: ",
			msg:   []string{`itinerary "camino"`, `no "en" version`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, problems := Load(Source{Name: "extra", FS: withGood(tt.files)})
			var found bool
			for _, p := range problems {
				s := p.String()
				if !strings.HasPrefix(p.File, "extra/es/") && !strings.HasPrefix(p.File, "extra/en/") {
					t.Errorf("problem in an unexpected file: %s", s)
				}
				if strings.HasPrefix(s, "extra/es/buena.yaml") || strings.HasPrefix(s, "extra/en/buena.yaml") {
					t.Errorf("problem in the good lesson: %s", s)
				}
				if rest, ok := strings.CutPrefix(s, tt.where); ok && containsAll(rest, tt.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem %q with %q; got:\n%s", tt.where, tt.msg, list(problems))
			}
			for _, lang := range Languages() {
				checkLeftOut(t, lib.Catalog(lang), tt.gone, tt.keptIn)
			}
		})
	}
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func list(problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintf(&b, "\t%s\n", p)
	}
	return b.String()
}

func ids(c *Catalog) []string {
	var out []string
	for id := range c.Lessons {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func TestLoadGoodFolder(t *testing.T) {
	lib, problems := Load(Source{Name: "extra", FS: withGood(nil)})
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", list(problems))
	}
	l, ok := lib.Catalog("en").Lesson("buena")
	if !ok {
		t.Fatal("lesson buena not loaded")
	}
	if l.File != "extra/en/buena.yaml" || len(l.Steps()) != 1 || l.Steps()[0].ID != "leer" || l.Steps()[0].Kind != "read" {
		t.Errorf("lesson = %+v, step %+v", l, l.Steps()[0])
	}
}

func TestLoadEmptyAndMissingFolders(t *testing.T) {
	lib, problems := Load(Source{Name: "vacía", FS: fstest.MapFS{}})
	if len(problems) > 0 {
		t.Errorf("an empty folder has problems:\n%s", list(problems))
	}
	if lib == nil || lib.Catalog("es") == nil || len(lib.Catalog("es").Lessons) != 0 {
		t.Errorf("library from an empty folder = %+v", lib)
	}
	lib, problems = Load()
	if lib == nil || len(problems) > 0 {
		t.Errorf("Load() = %v, %v", lib, problems)
	}
}

func TestLoadSecondSource(t *testing.T) {
	builtIn := Source{Name: "content", FS: BuiltIn()}
	base, _ := Load(builtIn)
	teclado, ok := base.Catalog("es").Lesson("teclado")
	if !ok {
		t.Fatal("the built-in lesson teclado is missing")
	}

	t.Run("new lesson", func(t *testing.T) { secondSourceNewLesson(t, builtIn, base) })

	t.Run("new itinerary", func(t *testing.T) { secondSourceNewItinerary(t, builtIn) })

	t.Run("reused built-in id", func(t *testing.T) { secondSourceReusedID(t, builtIn, teclado) })
}

func secondSourceNewLesson(t *testing.T, builtIn Source, base *Library) {
	nueva := strings.Replace(goodLesson, "id: buena", "id: nueva", 1)
	trainer := Source{Name: "formador", FS: fstest.MapFS{
		"es/nueva.yaml": {Data: []byte(nueva)},
		"en/nueva.yaml": {Data: []byte(nueva)},
		"es/notas.txt":  {Data: []byte("not a lesson")},
	}}
	lib, problems := Load(builtIn, trainer)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", list(problems))
	}
	for _, lang := range Languages() {
		cat := lib.Catalog(lang)
		l, ok := cat.Lesson("nueva")
		if !ok {
			t.Fatalf("the trainer's lesson is missing in %s", lang)
		}
		if l.File != "formador/"+lang+"/nueva.yaml" {
			t.Errorf("File = %q", l.File)
		}
		if len(cat.Lessons) != len(base.Catalog(lang).Lessons)+1 {
			t.Errorf("%s lessons = %v", lang, ids(cat))
		}
		all := cat.AllLessons()
		if all[len(all)-1].ID != "nueva" {
			t.Errorf("a lesson in no itinerary should come after the itinerary ones")
		}
	}
}

func secondSourceNewItinerary(t *testing.T, builtIn Source) {
	nueva := strings.Replace(goodLesson, "id: buena", "id: nueva", 1)
	itin := "itineraries:\n  - id: del-formador\n    title: Del formador\n    lessons: [nueva, teclado]\n"
	trainer := Source{Name: "formador", FS: fstest.MapFS{
		"es/nueva.yaml":       {Data: []byte(nueva)},
		"en/nueva.yaml":       {Data: []byte(nueva)},
		"es/itineraries.yaml": {Data: []byte(itin)},
		"en/itineraries.yaml": {Data: []byte(itin)},
	}}
	lib, problems := Load(builtIn, trainer)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", list(problems))
	}
	its := lib.Catalog("en").Itineraries
	base, _ := Load(builtIn)
	n := len(base.Catalog("en").Itineraries) // the built-in ones come first
	if len(its) != n+1 || its[0].ID != "primeros-pasos" || its[n].ID != "del-formador" ||
		!slices.Equal(its[n].LessonIDs, []string{"nueva", "teclado"}) {
		t.Errorf("itineraries = %+v", its)
	}
}

func secondSourceReusedID(t *testing.T, builtIn Source, teclado *Lesson) {
	copia := strings.Replace(goodLesson, "id: buena", "id: teclado", 1)
	trainer := Source{Name: "formador", FS: fstest.MapFS{
		"es/mi-teclado.yaml": {Data: []byte(copia)},
		"en/mi-teclado.yaml": {Data: []byte(copia)},
	}}
	lib, problems := Load(builtIn, trainer)
	for _, lang := range Languages() {
		want := fmt.Sprintf("formador/%s/mi-teclado.yaml:1: ", lang)
		var found bool
		for _, p := range problems {
			rest, ok := strings.CutPrefix(p.String(), want)
			found = found || ok && containsAll(rest, []string{`lesson id "teclado"`, "content/" + lang + "/teclado.yaml"})
		}
		if !found {
			t.Errorf("no problem %q about the reused id; got:\n%s", want, list(problems))
		}
		// The trainer's mistake must not take the built-in lesson away.
		l, ok := lib.Catalog(lang).Lesson("teclado")
		if !ok {
			t.Fatalf("the built-in lesson teclado is gone in %s", lang)
		}
		if l.File != "content/"+lang+"/teclado.yaml" {
			t.Errorf("lesson teclado comes from %s", l.File)
		}
	}
	if l, _ := lib.Catalog("es").Lesson("teclado"); l.Title != teclado.Title {
		t.Errorf("teclado title = %q, want the built-in %q", l.Title, teclado.Title)
	}
	if its := lib.Catalog("es").Itineraries; !slices.Contains(its[0].LessonIDs, "teclado") {
		t.Errorf("primeros-pasos lost teclado: %v", its[0].LessonIDs)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "content/es/teclado.yaml", Line: 12, Msg: "algo"}, "content/es/teclado.yaml:12: algo"},
		{Problem{File: "content/es", Msg: "cannot read the folder"}, "content/es: cannot read the folder"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
