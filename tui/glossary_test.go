package tui

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"aula/tui/internal/tuitest"
	"aula/tui/player"
	"aula/tui/ui"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Words of the glossary in an instruction are underlined: never colour
// alone, so that they stand out in every theme.
func TestGlossaryWordsAreUnderlined(t *testing.T) {
	cat := tuitest.Library(t).Catalog("es")
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	text := "Tu contraseña y la arroba.\nUn enlace\nseguro."
	got := player.MarkTerms(cat, text, r.NewStyle().Underline(true))
	plain, marked := underlined(got)
	if plain != text {
		t.Fatalf("marking changed the text: %q", plain)
	}
	if want := "   __________      ______     ______        "; marked != want {
		t.Errorf("underlined:\n%q\n%q, want\n%q", text, marked, want)
	}
	for _, name := range ui.Themes {
		if !ui.ThemeStyles(name).Glossary.GetUnderline() {
			t.Errorf("theme %q does not underline glossary words", name)
		}
	}
}

func TestGlossaryKey(t *testing.T) {
	st := withLearner(t, "Lucía")
	d := newDriverWith(t, st, Config{Lang: "es", StartLesson: "teclado"})
	d.must("F7 glosario")
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.must("Glosario", "Qué significan las palabras subrayadas", "contraseña", "Una palabra secreta que solo sabes tú.",
		"arroba", "El signo @.", "Pulsa Esc o F7 para cerrar el glosario.")
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.must("Paso 1 de 9")
	d.mustNot("Glosario")

	// A step without glossary words: the key says so, and the footer does
	// not offer it.
	d.keys("esc")
	d.must("Hola, Lucía")
	d.mustNot("F7 glosario")
	d.send(tea.KeyMsg{Type: tea.KeyF7})
	d.must("En esta pantalla no hay palabras del glosario.")

	// The help lists F6 and F7 on every learner screen.
	d.keys("f1")
	d.must("F6  leer en voz alta", "F7  glosario")
}

func TestGlossaryInLines(t *testing.T) {
	st := withLearner(t, "Lucía")
	out := linesAll(t, st, Config{Lang: "en", StartLesson: "teclado"}, "glossary\n")
	for _, want := range []string{"Glossary words in this step: password, at sign. Type glossary to find out what they mean.",
		"Glossary.\npassword: A secret word that only you know.", "at sign: The @ sign."} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	}
	out = linesAll(t, withLearner(t, "Ana"), Config{Lang: "es"}, "glosario\n")
	if !strings.Contains(out, "En esta pantalla no hay palabras del glosario.") {
		t.Errorf("glosario at home:\n%s", out)
	}
}

// underlined takes the escape codes out of s and says which runes were
// underlined: "_" under each one, " " elsewhere (one per rune, line
// breaks included).
func underlined(s string) (string, string) {
	var plain, marks strings.Builder
	on := false
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "\x1b[") {
			end := strings.IndexByte(s[i:], 'm')
			params := s[i+2 : i+end]
			on = params != "0" && strings.Contains(";"+params+";", ";4;")
			i += end + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		plain.WriteRune(r)
		if on {
			marks.WriteByte('_')
		} else {
			marks.WriteByte(' ')
		}
		i += size
	}
	return plain.String(), marks.String()
}
