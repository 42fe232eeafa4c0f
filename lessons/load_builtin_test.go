package lessons

import (
	"reflect"
	"testing"
)

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
