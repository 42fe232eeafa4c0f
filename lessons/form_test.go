package lessons

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"aula/lessons/kinds/form"
	"aula/lessons/validate"
)

// formLesson is a lesson with one form step that has a field of every kind.
const formLesson = `id: formulario
title: Formulario
topic: Pruebas
summary: Un formulario con un campo de cada tipo.
steps:
  - id: solicitud
    kind: form
    title: La solicitud
    text: Rellénala con los datos de Lucía.
    hint: Copia la ficha.
    example: Copia la ficha.
    site: sede.example
    service: Prueba
    submit: Enviar
    timeout: 5m
    persona:
      title: Ficha
      rows:
        - {label: DNI, value: 12345678Z}
    files:
      - {id: dni, name: DNI.pdf, text: El DNI, kb: 200}
      - {id: grande, name: Grande.pdf, text: Muy grande, kb: 9000}
      - {id: receta, name: Receta.docx, text: Una receta, kb: 20}
    pages:
      - id: datos
        title: Datos
        fields:
          - {id: nombre, kind: text, label: Nombre, validate: name, required: true, max: 10, expect: Lucía, wrong: No es Lucía.}
          - {id: dni, kind: text, label: DNI, validate: dni, required: true, expect: 12345678Z, wrong: No es su DNI.}
          - {id: nacimiento, kind: date, label: Nacimiento, when: past, required: true}
          - {id: direccion, kind: text, label: Dirección, expect: "Calle del Ejemplo, 12, 3.º B", wrong: No es su calle.}
          - {id: correo, kind: text, label: Correo, validate: email}
      - id: mas
        title: Más
        fields:
          - id: provincia
            kind: select
            label: Provincia
            required: true
            expect: madrid
            wrong: No es Madrid.
            options: [{id: madrid, text: Madrid}, {id: malaga, text: Málaga}]
          - id: hora
            kind: radio
            label: Hora
            required: true
            options: [{id: h9, text: "09:00", full: true}, {id: h10, text: "10:00"}]
          - {id: acepto, kind: check, label: Acepto, required: true}
          - {id: doc, kind: file, label: Copia del DNI, required: true, accept: [pdf], max_kb: 5000, expect: dni, wrong: Ese no es el DNI.}
          - {id: codigo, kind: code, label: PIN, required: true, length: 3, expires: 10m, sender: Cl@ve}
          - {id: dia, kind: day, label: Día, required: true, days: 14, closed: [sat, sun], full: [1]}
          - id: hogar
            kind: group
            label: Personas
            item: form.Persona
            max_items: 3
            wrong: Solo vive con Mario.
            expects: [{hogar-nombre: Mario}]
            fields:
              - {id: hogar-nombre, kind: text, label: Nombre, validate: name, required: true, wrong: No es Mario.}
              - {id: hogar-dni, kind: text, label: DNI, validate: dni_nie}
    receipt:
      title: Presentada
      reference: IMV
      show: [provincia]
`

// monday is the clock of the form tests: Monday 2 March 2026.
var monday = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func loadForm(t testing.TB) (*Step, *form.Form) {
	t.Helper()
	p := newFileProblems("formulario.yaml", nil, false, nil)
	l := parseLesson(p, []byte(formLesson))
	if len(p.List) > 0 || l == nil || len(l.Steps()) != 1 {
		t.Fatalf("the fixture form has problems: %v", p.List)
	}
	return l.Steps()[0], l.Steps()[0].Exercise.(*form.Form)
}

func TestFormJudge(t *testing.T) {
	step, fm := loadForm(t)
	tests := []struct {
		name    string
		change  func(a *form.Answer)
		correct bool
		reason  Reason
		mistake string
		words   string
	}{
		{name: "the sample answer", change: func(*form.Answer) {}, correct: true},
		{name: "the same values written another way", correct: true, change: func(a *form.Answer) {
			a.Values["dni"] = " 12.345.678-z "
			a.Values["nombre"] = "LUCIA"
			a.Values["direccion"] = "calle del ejemplo 12 3º b"
			a.Values["hogar.0.hogar-nombre"] = "mario"
		}},
		{name: "an invalid DNI", change: func(a *form.Answer) { a.Values["dni"] = "12345678A" },
			reason: ReasonField, mistake: "dni.dni_letter"},
		{name: "a missing required field", change: func(a *form.Answer) { a.Values["nacimiento"] = " " },
			reason: ReasonField, mistake: "nacimiento.required"},
		{name: "a date in the future", change: func(a *form.Answer) { a.Values["nacimiento"] = "03/03/2026" },
			reason: ReasonField, mistake: "nacimiento.date_future"},
		{name: "a name too long", change: func(a *form.Answer) { a.Values["nombre"] = "Lucíaaaaaaaa" },
			reason: ReasonField, mistake: "nombre.too_long"},
		{name: "a valid DNI that is not the persona's", change: func(a *form.Answer) { a.Values["dni"] = "87654321X" },
			reason: ReasonWrong, mistake: "dni.mismatch", words: "No es su DNI."},
		{name: "another street", change: func(a *form.Answer) { a.Values["direccion"] = "Calle Mayor, 1" },
			reason: ReasonWrong, mistake: "direccion.mismatch", words: "No es su calle."},
		{name: "another province", change: func(a *form.Answer) { a.Values["provincia"] = "malaga" },
			reason: ReasonWrong, mistake: "provincia.mismatch", words: "No es Madrid."},
		{name: "an option that does not exist", change: func(a *form.Answer) { a.Values["provincia"] = "paris" },
			reason: ReasonField, mistake: "provincia.required_choose"},
		{name: "a full time", change: func(a *form.Answer) { a.Values["hora"] = "h9" },
			reason: ReasonField, mistake: "hora.option_full"},
		{name: "a box not ticked", change: func(a *form.Answer) { a.Values["acepto"] = "" },
			reason: ReasonField, mistake: "acepto.required_check"},
		{name: "a file of the wrong type", change: func(a *form.Answer) { a.Values["doc"] = "receta" },
			reason: ReasonField, mistake: "doc.file_type"},
		{name: "a file too big", change: func(a *form.Answer) { a.Values["doc"] = "grande" },
			reason: ReasonField, mistake: "doc.file_size"},
		{name: "no code sent", change: func(a *form.Answer) { delete(a.Codes, "codigo") },
			reason: ReasonField, mistake: "codigo.code_none"},
		{name: "a wrong code", change: func(a *form.Answer) { a.Values["codigo"] = "XYZ" },
			reason: ReasonField, mistake: "codigo.code_wrong"},
		{name: "a code of the wrong length", change: func(a *form.Answer) { a.Values["codigo"] = "AAAA" },
			reason: ReasonField, mistake: "codigo.code_format"},
		{name: "a code typed in small letters", change: func(a *form.Answer) { a.Values["codigo"] = "aaa" }, correct: true},
		{name: "an expired code", change: func(a *form.Answer) { a.Now = a.Now.Add(10 * time.Minute) },
			reason: ReasonField, mistake: "codigo.code_expired"},
		{name: "a full day", change: func(a *form.Answer) { a.Values["dia"] = "2026-03-03" },
			reason: ReasonField, mistake: "dia.day_full"},
		{name: "a Saturday", change: func(a *form.Answer) { a.Values["dia"] = "2026-03-07" },
			reason: ReasonField, mistake: "dia.day_closed"},
		{name: "today", change: func(a *form.Answer) { a.Values["dia"] = "2026-03-02" },
			reason: ReasonField, mistake: "dia.day_closed"},
		{name: "too far ahead", change: func(a *form.Answer) { a.Values["dia"] = "2026-03-17" },
			reason: ReasonField, mistake: "dia.day_closed"},
		{name: "no one in the household", change: func(a *form.Answer) { a.Items["hogar"] = 0 },
			reason: ReasonWrong, mistake: "hogar.items", words: "Solo vive con Mario."},
		{name: "someone else in the household", change: func(a *form.Answer) { a.Values["hogar.0.hogar-nombre"] = "Pepe" },
			reason: ReasonWrong, mistake: "hogar-nombre.mismatch", words: "No es Mario."},
		{name: "an item with an invalid field", change: func(a *form.Answer) { a.Values["hogar.0.hogar-dni"] = "X1234567A" },
			reason: ReasonField, mistake: "hogar-dni.nie_letter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := fm.SampleAnswer(monday)
			tt.change(&a)
			v := step.Judge(a)
			if v.Correct != tt.correct || v.Reason != tt.reason && !tt.correct || v.Mistake != tt.mistake || v.Feedback != tt.words && !tt.correct {
				t.Errorf("Judge = %+v; want correct=%v reason=%q mistake=%q words=%q", v, tt.correct, tt.reason, tt.mistake, tt.words)
			}
			// A field not valid yet is not an attempt: the wizard blocks
			// it, as a real form does. A right or different value is one.
			if v.Counts() == (v.Reason == ReasonField) {
				t.Errorf("Counts() = %v for %+v", v.Counts(), v)
			}
		})
	}
	if v := step.Judge(TextAnswer("hola")); v.Reason != ReasonInvalid {
		t.Errorf("a text answer to a form = %+v, want invalid", v)
	}
}

func TestFormCheckPageListsEveryProblemInOrder(t *testing.T) {
	_, fm := loadForm(t)
	a := form.Answer{Values: map[string]string{"nombre": "Lucía2", "dni": "1234", "correo": "lucía@correo"}, Now: monday}
	got := fm.CheckPage(0, &a)
	want := []string{"nombre/name_digits", "dni/dni_format", "nacimiento/required", "correo/email_accent"}
	if len(got) != len(want) {
		t.Fatalf("CheckPage = %v, want %v", got, want)
	}
	for i, p := range got {
		if p.Path+"/"+p.Rule != want[i] {
			t.Errorf("problem %d = %s/%s, want %s", i, p.Path, p.Rule, want[i])
		}
	}
	if ps := fm.CheckPage(7, &a); ps != nil {
		t.Errorf("a page that does not exist has problems: %v", ps)
	}
}

func TestFormDayRule(t *testing.T) {
	_, fm := loadForm(t)
	f := fm.Field("dia")
	for d, want := range map[string]string{
		"2026-03-01": validate.RuleDayClosed, "2026-03-02": validate.RuleDayClosed, "2026-03-03": validate.RuleDayFull,
		"2026-03-04": "", "2026-03-06": "", "2026-03-07": validate.RuleDayClosed, "2026-03-08": validate.RuleDayClosed,
		"2026-03-16": "", "2026-03-17": validate.RuleDayClosed,
	} {
		day, _ := time.Parse("2006-01-02", d)
		if got := f.DayRule(day, monday); got != want {
			t.Errorf("DayRule(%s) = %q, want %q", d, got, want)
		}
	}
}

func TestLoadFormProblems(t *testing.T) {
	tests := []struct {
		name string
		from string // a line of the good form
		to   string // what replaces it
		want string
	}{
		{"no pages", "    pages:\n", "    pagez:\n", "a form needs at least 1 page"},
		{"no submit", "    submit: Enviar\n", "", "needs the words of its submit button"},
		{"no receipt", "      title: Presentada\n", "      title: \"\"\n", "a receipt with a title"},
		{"a short timeout", "timeout: 5m", "timeout: 5s", "timeout must be at least 20s"},
		{"an unknown field kind", "kind: radio", "kind: slider", `kind "slider" is not one of`},
		{"an unknown validator", "validate: dni,", "validate: nif,", `validate "nif" is not one of`},
		{"a field id used twice", "id: correo,", "id: dni,", "the id is used twice"},
		{"expect without wrong", "expect: 12345678Z, wrong: No es su DNI.", "expect: 12345678Z", "needs wrong: words"},
		{"an expected value the form refuses", "expect: 12345678Z, wrong", "expect: 12345678A, wrong", "which the form itself refuses (dni_letter)"},
		{"an expected option that does not exist", "expect: madrid", "expect: paris", `expects option "paris"`},
		{"an expected file that does not exist", "expect: dni, wrong", "expect: pasaporte, wrong", `expects file "pasaporte"`},
		{"every option full", `{id: h10, text: "10:00"}`, `{id: h10, text: "10:00", full: true}`, "every option is full"},
		{"a code without expiry", "expires: 10m, ", "", "a code needs a length"},
		{"a day field without days", "days: 14,", "days: 0,", "days should be from 1 to 60"},
		{"an unknown weekday", "closed: [sat, sun]", "closed: [sab, sun]", `closed has "sab"`},
		{"a group without max_items", "max_items: 3", "max_items: 0", "max_items from 1 to 9"},
		{"an item with an unknown field", "expects: [{hogar-nombre: Mario}]", "expects: [{hogar-apellido: Mario}]", `"hogar-apellido", which is not one of its fields`},
		{"an unknown rule in errors", "{id: correo, kind: text, label: Correo, validate: email}",
			"{id: correo, kind: text, label: Correo, validate: email, errors: {email_bad: Mal.}}", `errors has "email_bad"`},
		{"a receipt showing a field that does not exist", "show: [provincia]", "show: [pais]", `the receipt shows "pais"`},
		{"a misspelt key", "max_kb: 5000", "maxkb: 5000", `unknown field "maxkb"`},
		{"a persona row without value", "- {label: DNI, value: 12345678Z}", "- {label: DNI}", "persona row 1 needs a label and a value"},
		{"more items than max_items", "expects: [{hogar-nombre: Mario}]", "expects: [{hogar-nombre: Mario}, {hogar-nombre: Ana}, {hogar-nombre: Eva}, {hogar-nombre: Leo}]", "more items than max_items"},
		{"a full expected option", "{id: madrid, text: Madrid}", "{id: madrid, text: Madrid, full: true}", "which the form itself refuses (option_full)"},
		{"a form that cannot be solved", "expects: [{hogar-nombre: Mario}]", "expects: [{hogar-nombre: Mario2}]", "the form cannot be solved: with every expected value, it says field hogar-nombre.name_digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(formLesson, tt.from) {
				t.Fatalf("the fixture has no %q", tt.from)
			}
			data := strings.Replace(formLesson, tt.from, tt.to, 1)
			_, problems := Load(Source{Name: "t", FS: fstest.MapFS{
				"es/f.yaml": {Data: []byte(data)}, "en/f.yaml": {Data: []byte(data)},
			}})
			if !strings.Contains(list(problems), tt.want) {
				t.Errorf("problems:\n%s\nwant one saying %q", list(problems), tt.want)
			}
		})
	}
}

func TestFormShapeMustMatchAcrossLanguages(t *testing.T) {
	en := strings.Replace(strings.Replace(formLesson, "label: Nombre,", "label: First name,", 1), "expect: madrid", "expect: malaga", 1)
	_, problems := Load(Source{Name: "t", FS: fstest.MapFS{
		"es/f.yaml": {Data: []byte(formLesson)}, "en/f.yaml": {Data: []byte(en)},
	}})
	if !strings.Contains(list(problems), "does not match") {
		t.Errorf("a different expected value in English should be reported; problems:\n%s", list(problems))
	}
	en = strings.Replace(formLesson, "label: Nombre,", "label: First name,", 1)
	if _, problems := Load(Source{Name: "t", FS: fstest.MapFS{
		"es/f.yaml": {Data: []byte(formLesson)}, "en/f.yaml": {Data: []byte(en)},
	}}); len(problems) > 0 {
		t.Errorf("only the words differ, yet:\n%s", list(problems))
	}
}

// formSeeds are values that have broken validators before.
var formSeeds = []string{"", " ", "\u00a0", "12345678Z", "12.345.678-z", "X1234567L", "ES91 2100 0418 4502 0005 1332",
	"28999", "+34 600 000 000", "15/04/1978", "31/02/2026", "lucia.prueba@correo.example", "Luci\u0301a",
	"España 👍", "\xff\xfe", "a\x00b", strings.Repeat("ñ€👍", 3000), "99/99/9999", "2026-03-25"}

// FuzzFormJudge: any text in any field gives a verdict, never a panic; a
// mistake is "<field id>.<rule>", never the text typed.
func FuzzFormJudge(f *testing.F) {
	for _, s := range formSeeds {
		f.Add("dni", s)
	}
	for _, path := range []string{"nombre", "nacimiento", "direccion", "correo", "provincia", "hora", "acepto", "doc", "codigo", "dia", "hogar.0.hogar-nombre", "hogar.0.hogar-dni", "hogar.5.x"} {
		f.Add(path, "Lucía 👍")
	}
	step, fm := loadForm(f)
	ids := map[string]bool{"hogar": true}
	for _, p := range fm.Pages {
		for _, fd := range p.Fields {
			ids[fd.ID] = true
			for _, sub := range fd.Fields {
				ids[sub.ID] = true
			}
		}
	}
	rules := map[string]bool{"mismatch": true, "items": true}
	for _, r := range validate.FormRules() {
		rules[r] = true
	}
	f.Fuzz(func(t *testing.T, path, value string) {
		a := fm.SampleAnswer(monday)
		a.Values[path] = value
		v := step.Judge(a)
		if v.Correct {
			return
		}
		id, rule, ok := strings.Cut(v.Mistake, ".")
		if !ok || !ids[id] || !rules[rule] || v.Reason == ReasonNone {
			t.Fatalf("Judge with %s=%q = %+v: the mistake is not <field>.<rule>", path, value, v)
		}
	})
}

// form20 is the 20-field page of testdata/form20.yaml, and an answer that
// fills it right and one that breaks a rule in every field that has one.
func form20(b *testing.B) (*form.Form, form.Answer, form.Answer) {
	raw, err := os.ReadFile("testdata/form20.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p := newFileProblems("form20.yaml", nil, false, nil)
	l := parseLesson(p, raw)
	if len(p.List) > 0 || l == nil {
		b.Fatalf("the 20-field form has problems: %v", p.List)
	}
	fm := l.Steps()[0].Exercise.(*form.Form)
	if n := len(fm.Pages[0].Fields); n != 20 {
		b.Fatalf("%d fields, want 20", n)
	}
	good := form.Answer{Now: monday, Values: map[string]string{
		"nombre": "Lucía", "apellidos": "Prueba Ejemplo", "dni": "12345678Z", "nie": "X1234567L",
		"nacimiento": "15/04/1978", "caducidad": "20/06/2033", "movil": "600 000 000", "fijo": "910 000 000",
		"correo": "lucia.prueba@correo.example", "direccion": "Calle del Ejemplo, 12, 3.º B", "cp": "28999",
		"municipio": "Villaejemplo", "provincia": "madrid", "iban": "ES91 2100 0418 4502 0005 1332",
		"titular": "yes", "estado": "viuda", "hijo": "Mario", "nota": strings.Repeat("Sin nada más. ", 10),
		"otro-dni": "Y1234567X", "acepto": "yes"}}
	bad := form.Answer{Now: monday, Values: map[string]string{
		"nombre": "Lucía2", "apellidos": "Prueba 👍", "dni": "12345678A", "nie": "X1234567A",
		"nacimiento": "31/02/1978", "caducidad": "20/06/2020", "movil": "60000000", "fijo": "+44 20 7946 0000",
		"correo": "lucía@correo", "direccion": "", "cp": "82999", "municipio": strings.Repeat("Villa", 20),
		"iban": "ES91 2100 0418 4502 0005 1323", "hijo": "M4rio", "nota": strings.Repeat("ñ", 10000),
		"otro-dni": "Z0000000"}}
	if ps := fm.CheckPage(0, &good); len(ps) != 0 {
		b.Fatalf("the right answer has problems: %v", ps)
	}
	if ps := fm.CheckPage(0, &bad); len(ps) != 20 {
		b.Fatalf("the wrong answer has %d problems, want 20: %v", len(ps), ps)
	}
	return fm, good, bad
}

// BenchmarkFormCheckPage validates a whole page of 20 fields, all right
// and all wrong (target ≤ 1 ms).
func BenchmarkFormCheckPage(b *testing.B) {
	fm, good, bad := form20(b)
	for _, c := range []struct {
		name string
		a    form.Answer
	}{{"right", good}, {"wrong", bad}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_ = fm.CheckPage(0, &c.a)
			}
		})
	}
}
