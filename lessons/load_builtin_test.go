package lessons

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"reflect"
	"sync"
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
// (all but the web domains, which only aula lessons check looks at). It
// reads no lesson's steps until they are asked for, then the same steps
// as Load, once.
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
		before := stepsRead.Load()
		g := got.Catalog(lang)
		if g.Lang != lang {
			t.Fatalf("Catalog(%q).Lang = %q", lang, g.Lang)
		}
		if n := stepsRead.Load() - before; n != 0 {
			t.Errorf("%s: the steps of %d lessons were read before any was opened", lang, n)
		}
		for id, l := range w.Lessons {
			if lazy, ok := g.Lessons[id]; ok { // else reported below
				sameStepsLater(t, lang, lazy, l)
			}
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

// sameStepsLater checks that lazy, a lesson of BuiltInLibrary, reads its
// steps when first asked, once, and that they are those of eager (Load);
// then it leaves both without steps, for the rest to be compared.
func sameStepsLater(t *testing.T, lang string, lazy, eager *Lesson) {
	t.Helper()
	before := stepsRead.Load()
	steps := lazy.Steps()
	if n := stepsRead.Load() - before; n != 1 {
		t.Errorf("%s: opening lesson %q read the steps of %d lessons, want 1", lang, lazy.ID, n)
	}
	if len(steps) == 0 || !reflect.DeepEqual(steps, eager.Steps()) {
		t.Errorf("%s: the steps of lesson %q read when asked for differ from Load's", lang, lazy.ID)
	}
	if again := lazy.Steps(); len(again) == 0 || &again[0] != &steps[0] || stepsRead.Load()-before != 1 {
		t.Errorf("%s: the steps of lesson %q were read twice", lang, lazy.ID)
	}
	lazy.steps, eager.steps = nil, nil
}

// TestStepsReadOnceAcrossGoroutines: goroutines opening the same lesson
// at once (the player, the dashboard, a report) read its steps once and
// all get the same ones.
func TestStepsReadOnceAcrossGoroutines(t *testing.T) {
	l, ok := BuiltInLibrary().Catalog(DefaultLanguage).Lesson("usar-aula")
	if !ok {
		t.Fatal("no lesson usar-aula")
	}
	before := stepsRead.Load()
	got := make([][]*Step, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = l.Steps() })
	}
	wg.Wait()
	if n := stepsRead.Load() - before; n != 1 {
		t.Errorf("the steps were read %d times, want once", n)
	}
	for i, steps := range got {
		if len(steps) == 0 || &steps[0] != &got[0][0] {
			t.Fatalf("goroutine %d got other steps (%d)", i, len(steps))
		}
	}
}

// BenchmarkOpenLesson is what opening a built-in lesson now costs: its
// steps are read the first time they are asked for (the longest form,
// ingreso-minimo-vital, 8 steps, one of them a 6-page form). The catalog
// is read outside the timer, as the kiosk reads it before the first frame.
func BenchmarkOpenLesson(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		l, ok := BuiltInLibrary().Catalog(DefaultLanguage).Lesson("ingreso-minimo-vital")
		if !ok {
			b.Fatal("no lesson ingreso-minimo-vital")
		}
		b.StartTimer()
		if len(l.Steps()) == 0 {
			b.Fatal("no steps")
		}
	}
}
