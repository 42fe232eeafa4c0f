package lessons

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzType is a type step with one rule of every match kind.
func fuzzType(t testing.TB) *Step {
	return &Step{ID: "correo", Kind: "type", Success: "¡Bien!", Exercise: &Type{
		Answer: rule(t, "normalised", "lucia.prueba@correo.example", "Lucía Prueba"),
		Mistakes: []*Rule{
			mistake(t, "sin-arroba", "pattern", "Falta la arroba.", `^[^@]*$`, `^(a+)+$`),
			mistake(t, "tildes", "folded", "Fíjate en las tildes.", "lucia.prueba@correo.example"),
			mistake(t, "exacta", "exact", "Es otra dirección.", "Lucía", "España 👍"),
			mistake(t, "contiene", "contains", "Casi.", "prueba", "ñ"),
			mistake(t, "otra", "email", "Es otra dirección."),
		},
		Wrong: "Todavía no.",
	}}
}

func FuzzTypeJudge(f *testing.F) {
	for _, s := range []string{
		"", " ", "\t\n", "\u00a0",
		"lucia.prueba@correo.example", "LUCIA.PRUEBA@CORREO.EXAMPLE", " lucía.prueba@correo.example ",
		"Lucía", "Luci\u0301a", "Lucia", "Lucía Prueba", "lucia prueba",
		"España 👍", "Espan\u0303a 👍", "ñ", "prueba", "a+b@x.es", "Lucía <l@x.es>",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", strings.Repeat("ñ€👍", 2000), strings.Repeat(" ", 5000) + "Lucía",
		"\xff\xfe", "a\x00b", "\u0301", "e\u0301\u0301\u0301",
	} {
		f.Add(s)
	}
	step := fuzzType(f)
	known := map[string]bool{"wrong": true, "empty": true, "sin-arroba": true, "tildes": true, "exacta": true, "contiene": true, "otra": true}
	f.Fuzz(func(t *testing.T, s string) {
		v := step.Judge(TextAnswer(s))
		if !v.Correct && v.Reason == ReasonNone {
			t.Fatalf("Judge(%q) = %+v: neither correct nor a reason", s, v)
		}
		if v.Correct {
			if v.Mistake != "" || v.Feedback != "¡Bien!" {
				t.Fatalf("Judge(%q) = %+v: correct with a mistake or without the success words", s, v)
			}
			return
		}
		// The mistake is a stable id, never what was typed.
		if !known[v.Mistake] {
			t.Fatalf("Judge(%q) = %+v: unknown mistake id", s, v)
		}
		if (v.Reason == ReasonEmpty) != (strings.TrimSpace(s) == "") && len(s) <= MaxAnswerLen {
			t.Fatalf("Judge(%q) = %+v: empty verdict for text, or text verdict for nothing", s, v)
		}
	})
}

// fuzzLesson is a real lesson with a step of every kind, the seed for FuzzLoadLesson.
const fuzzLesson = `id: rota
title: Cómo usar Aula
topic: Primeros pasos
summary: Aprende a moverte por Aula.
learned:
  - Con Intro eliges.
steps:
  - id: bienvenida
    kind: read
    title: Te damos la bienvenida
    text: |
      Aula es un sitio para practicar.
    hint: Pulsa Intro para seguir.
  - id: tecla-ayuda
    kind: choose
    title: La tecla de ayuda
    text: ¿Qué tecla abre la ayuda?
    multiple: false
    options:
      - id: f1
        text: F1
        correct: true
        feedback: Eso es.
      - id: esc
        text: Esc
        feedback: Esc sirve para volver atrás.
    missing: Te falta una.
    hint: Es una tecla de la fila de arriba.
    example: La respuesta es F1.
    success: ¡Bien!
  - id: escribir-correo
    kind: type
    title: Escribe una dirección de correo
    text: Escribe lucia.prueba@correo.example
    label: Dirección de correo
    answer:
      match: normalised
      values: ["lucia.prueba@correo.example"]
    mistakes:
      - id: sin-arroba
        match: pattern
        values: ['^[^@]*$']
        feedback: Falta la arroba (@).
      - id: mayusculas
        match: folded
        values: ["lucia.prueba@correo.example"]
        feedback: Casi. Fíjate en las tildes.
    wrong: Todavía no.
    hint: Empieza por lucia.
    example: lucia.prueba@correo.example
  - id: ordenar-envio
    kind: order
    title: Ordena los pasos
    text: Pon en orden los pasos.
    items:
      - id: abrir
        text: Abrir el correo
        feedback: Primero hay que abrir el correo.
      - id: escribir
        text: Escribir el mensaje
      - id: enviar
        text: Pulsar Enviar
    hint: ¿Qué haces primero?
    example: "Abrir, escribir, enviar."
`

// FuzzLoadLesson loads two whole lesson files the fuzzer makes, beside the
// good lesson. Run it with -fuzzminimizetime 200x: see FuzzLoadStep.
func FuzzLoadLesson(f *testing.F) {
	f.Add([]byte(fuzzLesson), []byte(fuzzLesson))
	f.Add([]byte(fuzzLesson), []byte(strings.Replace(fuzzLesson, "correct: true", "correct: false", 1)))
	f.Add([]byte(lessonHead+readStep), []byte(lessonHead+readStep+readStep))
	f.Add([]byte(goodLesson), []byte(goodLesson))
	f.Add([]byte("itineraries:\n  - id: x\n    lessons: [rota]\n"), []byte("id: rota\n"))
	f.Add([]byte("id: rota\ntitle: [\n"), []byte("\t- x"))
	f.Add([]byte("a: &a [*a, *a]\n"), []byte("steps: *x\n"))
	f.Add([]byte("---\n---\n"), []byte{0xff, 0xfe, 0x00})
	f.Add([]byte("id: rota\ntitle: R\nsteps:\n  - kind: choose\n    options: [~, ~]\n"), []byte("id: rota\ntitle: R\nsteps:\n  - kind: order\n    items: [~, ~]\n"))
	for _, step := range []string{fuzzBrowserStep, fuzzFilesStep, fuzzChatStep} {
		f.Add([]byte(lessonHead+step), []byte(lessonHead+step))
	}
	f.Fuzz(func(t *testing.T, es, en []byte) {
		fsys := withGood(nil)
		fsys["es/x.yaml"] = &fstest.MapFile{Data: es}
		fsys["en/x.yaml"] = &fstest.MapFile{Data: en}
		checkFuzzLoad(t, fsys)
	})
}

// checkFuzzLoad loads fsys, which holds the good lesson and what the
// fuzzer made: every problem names its file, the good lesson is kept in
// both languages, and whatever was loaded can be shown and judged.
func checkFuzzLoad(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	lib, problems := Load(Source{Name: "fz", FS: fsys})
	for _, p := range problems {
		if p.File == "" || p.Msg == "" || p.Line < 0 {
			t.Fatalf("problem without a file or a message: %#v", p)
		}
		if !strings.HasPrefix(p.File, "fz/") || fs.ValidPath(p.File) == false {
			t.Fatalf("problem in an unexpected file: %s", p)
		}
	}
	for _, lang := range Languages() {
		cat := lib.Catalog(lang)
		if _, ok := cat.Lesson("buena"); !ok {
			t.Fatalf("the good lesson is gone in %s; problems:\n%s", lang, list(problems))
		}
		// Whatever was loaded can be shown and judged.
		for _, l := range cat.AllLessons() {
			for _, s := range l.Steps() {
				if s.Exercise == nil {
					t.Fatalf("lesson %q step %q has no exercise", l.ID, s.ID)
				}
				for _, a := range []Answer{nil, TextAnswer("lucia.prueba@correo.example"), ChoiceAnswer{"f1"}, OrderAnswer{"abrir"}} {
					s.Judge(a)
				}
				if x, ok := s.Exercise.(interface{ Solution() Answer }); ok {
					s.Judge(x.Solution()) // a practice application's own way through
				}
				switch ex := s.Exercise.(type) {
				case *Choose:
					ex.Shown(s.ID)
				case *Order:
					if v := s.Judge(OrderAnswer(ex.Shuffled(s.ID))); v.Correct && len(ex.Items) > 1 {
						t.Fatalf("lesson %q step %q starts solved", l.ID, s.ID)
					}
				}
			}
		}
	}
}
