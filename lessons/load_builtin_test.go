package lessons

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"reflect"
	"testing"

	"aula/lessons/internal/yamlbin"
)

var update = flag.Bool("update", false, "write content.yamlbin from content/")

// TestCompiledLessons: content.yamlbin is the YAML of content/, every file
// (after changing one: go generate ./lessons).
func TestCompiledLessons(t *testing.T) {
	files := map[string][]byte{}
	err := fs.WalkDir(content, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (path.Ext(p) != ".yaml" && path.Ext(p) != ".yml") {
			return err
		}
		files[p], err = fs.ReadFile(content, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	form, err := yamlbin.Encode(files)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("content.yamlbin", form, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(form) != compiledContent {
		t.Fatal("content.yamlbin is not the YAML of content/: run go generate ./lessons")
	}
	set, err := yamlbin.OpenString(compiledContent)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if _, ok := set.Doc(name, data); !ok {
			t.Errorf("%s: not in content.yamlbin", name)
		}
	}
}

// TestBuiltInLibraryIsLoad: the kiosk's library, read one language at a
// time, holds what Load gives for the built-in lessons, in every language
// (all but the web domains, which only aula lessons check looks at).
func TestBuiltInLibraryIsLoad(t *testing.T) {
	want, problems := Load(Source{Name: "content", FS: BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("the built-in lessons have problems: %v", problems)
	}
	got := BuiltInLibrary()
	if !reflect.DeepEqual(got.Langs(), want.Langs()) {
		t.Errorf("Langs() = %v, want %v", got.Langs(), want.Langs())
	}
	for _, lang := range want.Langs() {
		w := want.Catalog(lang)
		for _, l := range w.Lessons {
			if len(l.domains) == 0 {
				continue
			}
			l.domains = nil
		}
		g := got.Catalog(lang)
		if g.Lang != lang {
			t.Fatalf("Catalog(%q).Lang = %q", lang, g.Lang)
		}
		for id, l := range w.Lessons {
			if !reflect.DeepEqual(g.Lessons[id], l) {
				t.Errorf("%s: lesson %q differs from Load's", lang, id)
			}
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: the catalog differs from Load's", lang)
		}
		if again := got.Catalog(lang); again != g {
			t.Errorf("%s: read twice", lang)
		}
	}
	if c := got.Catalog("xx"); c.Lang != DefaultLanguage {
		t.Errorf("Catalog(xx).Lang = %q, want the default", c.Lang)
	}
}

// BenchmarkBuiltInCatalog is what the kiosk reads at start: the built-in
// lessons of one language.
func BenchmarkBuiltInCatalog(b *testing.B) {
	for b.Loop() {
		if c := BuiltInLibrary().Catalog(DefaultLanguage); len(c.Lessons) == 0 {
			b.Fatal("no lessons")
		}
	}
}
