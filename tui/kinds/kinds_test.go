package kinds

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"aula/lessons"
	"aula/tui/exercise"
	"aula/tui/ui"
)

// A kind is complete when every part of it is there: its judge in lessons,
// its full-screen exercise and its accessible adapter here, each message its
// package says in every language, and at least one step of it in the
// built-in lessons of every language. Removing any part fails this test.
func TestEveryKindIsComplete(t *testing.T) {
	judged := lessons.Kinds()
	var names []string
	for _, k := range All() {
		names = append(names, k.Name)
		if !slices.Contains(judged, k.Name) {
			t.Errorf("kind %q has a screen but no judge in lessons", k.Name)
		}
		if k.New == nil || k.Lines == nil {
			t.Errorf("kind %q lacks its full-screen exercise or its accessible adapter", k.Name)
		}
	}
	for _, name := range judged {
		if !slices.Contains(names, name) {
			t.Errorf("kind %q has a judge in lessons but is not registered in tui/kinds", name)
		}
	}

	lib, problems := lessons.Load(lessons.Source{Name: "content", FS: lessons.BuiltIn()})
	if len(problems) > 0 {
		t.Fatalf("built-in lessons: %v", problems)
	}
	for _, lang := range lib.Langs() {
		c := ui.NewCommon(lang, lib, time.Now)
		seen := map[string]bool{}
		for _, l := range lib.Catalog(lang).AllLessons() {
			for i := range l.Steps() {
				s := l.Steps()[i]
				if seen[s.Kind] {
					continue
				}
				seen[s.Kind] = true
				k := Lookup(s.Kind)
				ex := k.New(c, s)
				if ex == nil {
					t.Errorf("%s: kind %q makes no exercise", lang, s.Kind)
					continue
				}
				lines := k.Lines(c, s, ex)
				if _, read := lines.(exercise.ReadLines); read && s.Kind != exercise.Read.Name {
					t.Errorf("%s: kind %q's adapter does not take its own exercise (%T)", lang, s.Kind, ex)
				}
			}
		}
		for _, name := range names {
			if !seen[name] {
				t.Errorf("%s: no built-in step of kind %q", lang, name)
			}
		}
	}
}

// A judge in a folder of its own (lessons/kinds/<kind>) is listed in
// lessons (kinds in lessons/judge.go), so it is part of the check above.
func TestEveryJudgeFolderIsListed(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("..", "..", "lessons", "kinds"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		n++
		if !slices.Contains(lessons.Kinds(), d.Name()) {
			t.Errorf("lessons/kinds/%s holds a judge that lessons does not list (add it to kinds in lessons/judge.go)", d.Name())
		}
	}
	if n < 2 {
		t.Fatalf("found %d judge folders under lessons/kinds; form and inbox at least", n)
	}
}

// Every message a kind's package asks the catalog for exists in every
// language.
func TestEveryKindsMessagesExist(t *testing.T) {
	re := regexp.MustCompile(`\.T\("([a-z0-9_]+)"`)
	ids := map[string][]string{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			ids[m[1]] = append(ids[m[1]], path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d message ids in the kinds' packages", len(ids))
	}
	for _, lang := range lessons.Languages() {
		c := ui.NewCommon(lang, nil, time.Now)
		for id, where := range ids {
			if strings.HasSuffix(id, "_") {
				continue // a prefix completed at run time
			}
			if got := c.Cat.T(id, "Count", 2); got == id {
				t.Errorf("%s: no message %q (used in %s)", lang, id, where[0])
			}
		}
	}
}
