package lessons

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func builtInGlossary(t testing.TB, lang string) *Catalog {
	t.Helper()
	lib, problems := Load(Source{Name: "content", FS: BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("built-in lessons: %v", problems)
	}
	return lib.Catalog(lang)
}

func TestBuiltInGlossary(t *testing.T) {
	for _, lang := range Languages() {
		cat := builtInGlossary(t, lang)
		terms := cat.Glossary()
		if len(terms) < 15 {
			t.Fatalf("%s: only %d glossary terms", lang, len(terms))
		}
		// The words asked for in issue 7 are all explained.
		for _, id := range []string{"contrasena", "adjunto", "iban", "clave", "empadronamiento", "nie"} {
			if cat.term(id) == nil {
				t.Errorf("%s: the glossary does not explain %q", lang, id)
			}
		}
		for _, term := range terms {
			// Easy words: short sentences, few of them.
			sentences := strings.Count(term.Text, ". ") + 1
			if sentences > 3 || utf8.RuneCountInString(term.Text) > 200 {
				t.Errorf("%s: %q is explained in %d sentences, %d letters: make it shorter", lang, term.ID, sentences, utf8.RuneCountInString(term.Text))
			}
		}
		// Sorted as a reader looks for them.
		for i := 1; i < len(terms); i++ {
			a, _ := foldRunes(terms[i-1].Word())
			b, _ := foldRunes(terms[i].Word())
			if string(a) > string(b) {
				t.Errorf("%s: %q comes before %q", lang, terms[i-1].Word(), terms[i].Word())
			}
		}
	}
	// The lessons use the glossary: a good part of the terms is underlined
	// somewhere in an instruction.
	cat := builtInGlossary(t, "es")
	used := map[string]bool{}
	for _, l := range cat.Lessons {
		for _, s := range l.Steps() {
			for _, term := range cat.TermsIn(s.Title + "\n" + s.Text) {
				used[term.ID] = true
			}
		}
	}
	if len(used) < 10 {
		t.Errorf("only %d glossary terms appear in the lessons' instructions: %v", len(used), used)
	}
}

func TestFindTerms(t *testing.T) {
	es := builtInGlossary(t, "es")
	en := builtInGlossary(t, "en")
	tests := []struct {
		cat  *Catalog
		text string
		want []string // the text of each match, in order
	}{
		{es, "Tu Contraseña y tus contraseñas.", []string{"Contraseña", "contraseñas"}},
		{es, "Sin tilde: contrasena.", []string{"contrasena"}},
		{es, "Entra con Cl@ve y tu NIE.", []string{"Cl@ve", "NIE"}},
		{es, "La nieve no es un NIE; el DNIE tampoco es DNI.", []string{"NIE", "DNI"}},
		{es, "Activa la verificación en dos pasos hoy.", []string{"verificación en dos pasos"}},
		{es, "certificado_empadronamiento.pdf", []string{"empadronamiento", "pdf"}}, // the glossary explains PDF too
		{es, "adjuntar, adjuntarlo", []string{"adjuntar"}},
		{es, "", nil},
		{es, "😀 ñ \t\n", nil},
		{en, "Check the link before you attach a file.", []string{"link", "attach", "file"}},
		{en, "Links, linking", []string{"Links"}},
		{en, "A text message (SMS) with a code.", []string{"text message", "SMS"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range tt.cat.FindTerms(tt.text) {
			got = append(got, tt.text[m.Start:m.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("FindTerms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := es.TermsIn("contraseña, PIN y otra contraseña"); len(got) != 2 || got[0].ID != "contrasena" || got[1].ID != "pin" {
		t.Errorf("TermsIn: %v", got)
	}
}

func TestGlossaryProblems(t *testing.T) {
	good := "glossary:\n  - id: uno\n    words: [uno]\n    text: Uno.\n"
	tests := []struct {
		name   string
		es, en string
		want   string
	}{
		{"no words", "glossary:\n  - id: uno\n    text: Uno.\n", good, "es/glossary.yaml:2: glossary entry \"uno\" has no words"},
		{"no text", "glossary:\n  - id: uno\n    words: [uno]\n", good, "es/glossary.yaml:2: glossary entry \"uno\" has no text"},
		{"bad id", "glossary:\n  - id: Uno Dos\n    words: [uno]\n    text: Uno.\n", good, "es/glossary.yaml:2: glossary id \"Uno Dos\""},
		{"same id twice", good + "  - id: uno\n    words: [dos]\n    text: Dos.\n", good, "es/glossary.yaml:5: glossary id \"uno\" is used twice"},
		{"same word twice", good + "  - id: dos\n    words: [Úno]\n    text: Dos.\n", good, "es/glossary.yaml:6: glossary word \"Úno\" is in \"uno\" already"},
		{"unknown field", "glossary:\n  - id: uno\n    words: [uno]\n    text: Uno.\n    texto: Otro.\n", good, "es/glossary.yaml:5: unknown field \"texto\""},
		{"not translated", good + "  - id: dos\n    words: [dos]\n    text: Dos.\n", good, "es/glossary.yaml:5: glossary term \"dos\" has no \"en\" version"},
		{"only translated", good, good + "  - id: dos\n    words: [two]\n    text: Two.\n", "en/glossary.yaml:5: glossary term \"dos\" has no \"es\" version"},
		{"not yaml", "glossary: [", good, "es/glossary.yaml:1: this is not valid YAML"},
		{"empty entry", "glossary:\n  -\n", good, "glossary entry 1 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := withGood(map[string]string{"es/glossary.yaml": tt.es, "en/glossary.yaml": tt.en})
			_, problems := Load(Source{Name: "x", FS: fsys})
			var all []string
			for _, p := range problems {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems:\n%s\nwant one with %q", strings.Join(all, "\n"), tt.want)
			}
		})
	}
}

func FuzzFindTerms(f *testing.F) {
	cat := builtInGlossary(f, "es")
	for _, s := range []string{"contraseña", "Cl@ve NIE", "verificación en dos pasos", "ÁÉÍ ñ 😀", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range cat.FindTerms(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad match %+v in %q", m, text)
			}
			end = m.End
			f, _ := foldRunes(text[m.Start:m.End])
			ok := false
			for _, w := range m.Term.runes {
				ok = ok || string(w) == string(f)
			}
			if !ok {
				t.Fatalf("%q is not a word of %q", text[m.Start:m.End], m.Term.ID)
			}
		}
	})
}
