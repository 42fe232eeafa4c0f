package lessons

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLanguagesComeFromTheFolders(t *testing.T) {
	if !slices.Equal(Languages(), []string{"es", "en"}) {
		t.Errorf("built-in Languages() = %v, want [es en]", Languages())
	}
	fsys := fstest.MapFS{
		"pt/a.yaml": {}, "ca/a.yaml": {}, "es/a.yaml": {}, "images/x.png": {}, "EN/a.yaml": {},
		"notes.md": {}, "ast/a.yaml": {},
	}
	if got, want := languagesOf(fsys), []string{"es", "ast", "ca", "pt"}; !slices.Equal(got, want) {
		t.Errorf("languagesOf = %v, want %v (folders named like a language code, default first)", got, want)
	}
	if got := languagesOf(fstest.MapFS{}); !slices.Equal(got, []string{"es"}) {
		t.Errorf("no folders: %v, want [es]", got)
	}
}

// A third language is a folder: Aula picks it up, and a half-done
// translation is reported lesson by lesson without taking anything away
// from the other languages.
func TestThirdLanguageFolder(t *testing.T) {
	lib, problems := Load(Source{Name: "third", FS: os.DirFS("testdata/third-language")})
	if got := lib.Langs(); !slices.Equal(got, []string{"es", "en", "pt"}) {
		t.Fatalf("Langs() = %v, want [es en pt]", got)
	}
	if len(problems) != 1 || problems[0].String() != `third/es/despedida.yaml:1: lesson "despedida-prueba" has no "pt" translation` {
		t.Errorf("problems:\n%s\nwant only the missing pt translation of despedida-prueba", list(problems))
	}
	pt := lib.Catalog("pt")
	if pt.Lang != "pt" {
		t.Fatalf("Catalog(pt) is %q", pt.Lang)
	}
	if l, ok := pt.Lesson("saludo-prueba"); !ok || l.Title != "Cumprimentar" {
		t.Errorf("the pt lesson is missing or not in Portuguese: %+v", l)
	}
	if _, ok := pt.Lesson("despedida-prueba"); ok {
		t.Error("an untranslated lesson is in the pt catalog")
	}
	for _, lang := range []string{"es", "en"} {
		if got := ids(lib.Catalog(lang)); !slices.Equal(got, []string{"despedida-prueba", "saludo-prueba"}) {
			t.Errorf("%s has %v: a missing pt translation must not take lessons away", lang, got)
		}
	}
}

func TestThirdLanguageOptionMissing(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"es/saludo.yaml", "en/saludo.yaml", "pt/saludo.yaml"} {
		data, err := os.ReadFile("testdata/third-language/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(name, "pt/") {
			data = []byte(strings.Replace(string(data), "id: mesa", "id: cadeira", 1))
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["es/itineraries.yaml"] = &fstest.MapFile{Data: []byte("itineraries:\n  - id: saludos\n    title: Saludos\n    lessons: [saludo-prueba]\n")}
	fsys["en/itineraries.yaml"] = &fstest.MapFile{Data: []byte("itineraries:\n  - id: saludos\n    title: Greetings\n    lessons: [saludo-prueba]\n")}
	lib, problems := Load(Source{Name: "x", FS: fsys})
	got := list(problems)
	for _, want := range []string{
		`x/pt/saludo.yaml:13: step 2 ("elegir") does not match`,
		`in es but not here: option mesa correct=false; here but not in es: option cadeira correct=false`,
		`x/es/itineraries.yaml:2: itinerary "saludos" has no "pt" version`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %q", got, want)
		}
	}
	if _, ok := lib.Catalog("pt").Lesson("saludo-prueba"); ok {
		t.Error("a pt lesson that does not match es is in the pt catalog")
	}
	if _, ok := lib.Catalog("es").Lesson("saludo-prueba"); !ok {
		t.Error("a pt mistake took the lesson away from es")
	}
}
