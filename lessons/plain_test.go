package lessons

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"Hola.", []string{"Hola."}},
		{"Pulsa Intro. Luego sigue.", []string{"Pulsa Intro.", "Luego sigue."}},
		{"¿Qué haces? ¡Cuidado! Vale…", []string{"¿Qué haces?", "¡Cuidado!", "Vale…"}},
		{"Escribe lucia.prueba@correo.example y pulsa Intro.", []string{"Escribe lucia.prueba@correo.example y pulsa Intro."}},
		{"Usa palabras, p. ej. nube o tren.", []string{"Usa palabras, p. ej. nube o tren."}},
		{"Paga 2,50 € hoy. Son 3.000 euros.", []string{"Paga 2,50 € hoy.", "Son 3.000 euros."}},
		{"Dice: «Soy del banco.» Cuelga.", []string{"Dice: «Soy del banco.»", "Cuelga."}},
		{"It said 'hello.' Then it stopped.", []string{"It said 'hello.'", "Then it stopped."}},
		{"Primera línea\nsegunda línea", []string{"Primera línea", "segunda línea"}},
		{"1. Abre el correo. 2. Escribe.", []string{"1. Abre el correo.", "2. Escribe."}},
		{"Son 10. Y 12.", []string{"Son 10.", "Y 12."}},
		{"Fin.\n\n\nOtra.", []string{"Fin.", "Otra."}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCountSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"plain", "Uno. Dos. Tres.", 3},
		{"numbered list is one", "Las señales:\n1. Prisa. Mucha.\n2. Faltas.\n3. Enlaces raros.", 2},
		{"bullets", "Trae:\n- el DNI\n- una foto\n• la tarjeta", 2},
		{"labels after a colon", "Un correo tiene estas partes:\nPara: quien lo recibe.\nAsunto: de qué va.\nMensaje: lo que dices.\nLuego, envía.", 3},
		{"a label without a colon line before is a sentence", "Nota: esto cuenta. Y esto.", 2},
		{"two lists", "1. a\n2. b\nEntre medias.\n- c\n- d", 3},
		{"quotation line", "Decía:\n«Su cuenta está bloqueada. Responda ya. Tiene 24 horas.»\n¿Qué haces?", 3},
		{"quotation with final dot", "It said:\n'Pay now. Today.'.", 2},
		{"inline quotation counts its sentences", "Te llama: «Soy del banco. Dime el código».", 2},
	}
	for _, tt := range tests {
		if _, got := countSentences(tt.text); got != tt.want {
			t.Errorf("%s: countSentences(%q) = %d, want %d", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]int{
		"": 0, "Hola.": 1, "Pulsa Intro y sigue.": 4, "Paga 2,50 € hoy — ya.": 4, "🙂 ¡Bien!": 1,
	} {
		if got := words(s); got != want {
			t.Errorf("words(%q) = %d, want %d", s, got, want)
		}
	}
}

// The built-in lessons are written in easy-read style: no instruction trips
// the plain-language check.
func TestBuiltInLessonsArePlain(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	for _, w := range PlainLanguage(lib) {
		t.Errorf("%s", w)
	}
}

func TestPlainLanguageWarns(t *testing.T) {
	long := strings.Repeat("palabra ", MaxSentenceWords) + "final."
	many := strings.Repeat("Una frase. ", MaxSentences+1)
	lesson := func(text string) string {
		return "id: larga\ntitle: Larga\nsteps:\n  - id: paso\n    kind: read\n    title: Paso\n    text: " + text + "\n    hint: Pulsa Intro.\n"
	}
	lib, problems := Load(Source{Name: "x", FS: fstest.MapFS{
		"es/larga.yaml": {Data: []byte(lesson(long))},
		"en/larga.yaml": {Data: []byte(lesson(many))},
	}})
	if len(problems) > 0 {
		t.Fatalf("problems: %s", list(problems))
	}
	got := list(PlainLanguage(lib))
	for _, want := range []string{
		`x/en/larga.yaml:4: step "paso": the instruction has 7 sentences; keep it to 6 at most`,
		`x/es/larga.yaml:4: step "paso": a sentence of 21 words; keep sentences to 20 words at most`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings:\n%s\nwant %q", got, want)
		}
	}
}

func FuzzCountSentences(f *testing.F) {
	for _, s := range []string{"Hola. Adiós.", "1. a\n2. b", "«Hola.»", "p. ej. x", "…", "\n\n", "Ñ: ñ.\n- x", "'", "1.", "a.b. C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ss, n := countSentences(text)
		if n < 0 || n > len(ss) {
			t.Fatalf("count %d for %d sentences", n, len(ss))
		}
		for _, s := range ss {
			if strings.TrimSpace(s) != s || s == "" {
				t.Fatalf("sentence %q is empty or not trimmed", s)
			}
			if utf8.ValidString(text) && !strings.Contains(text, s) {
				t.Fatalf("sentence %q is not in the text", s)
			}
		}
		_ = words(text)
	})
}

// aula lessons check runs the plain-language check over every built-in
// instruction in every language.
func BenchmarkPlainLanguage(b *testing.B) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	for b.Loop() {
		if w := PlainLanguage(lib); len(w) > 0 {
			b.Fatal(w)
		}
	}
}
